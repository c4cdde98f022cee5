"""Voice commands said in everyday words, told apart from sharing that uses the same words.

"Stop. I cannot do this anymore." and "let's just stop for tonight" stop the session; "I need
you to stop checking your phone" is sharing. What decides is grammar, not the word: a
command is a *clause* of its own, a request to the facilitator whose object and tail belong
to the session ("stop the session", "go back a step", "skip this part"), not to the couple's
life ("stop by nine", "go back to the part about my mom", "a break from the cooking").

The grammar is written for classes of wording, not for sentences:

- the frame of a request says nothing of which command, so every command takes all of them:
  "please", "can you", "do you think you could", "would it be possible to", "is there a way
  to", "I was wondering if", "would you mind (lowering)", and questions about the
  facilitator itself ("can it talk faster", "could the voice be slower");
- how the facilitator's speech is found wanting names the command that mends it: "it's a
  bit rapid", "why is it so quiet", "does it have to be so loud?" ("why are you so quiet?"
  is asked of a partner: "you" counts only with a word about speaking);
- a clause is read as said, then without its hedges and degrees ("could you maybe just
  ease up a little on the speed"), then with a dropped "I" put back ("didn't catch that")
  or the partner named as the listener ("my husband can't hear it").

A turn is cut into clauses (punctuation, and places where a new clause plainly starts);
hesitations ("um"), restarts ("can you, can you say it") and a clause cut off before its
request ("could you, uh, like, slow down") are mended first, and so are recogniser slips
and misspellings of the command words ("paws", "lauder", "necks step", "stopp").
Each clause is either a command, or what is left over. What is left over may be
politeness ("sorry", "thanks"), a short reason ("the baby's crying", "it's late", "I wasn't
finished") or a complaint that backs the command ("that voice is creepy", "you're rushing
me"). It may not be sharing: a feeling, something the partner does, a wish or a need, a
story longer than a reason, or an answer to the step's question ("not quite, go back to the
part about my mom" answers the confirmation; "wait, me or her?" asks about the consent
question). Then the turn is content and the step reads it.

The sentence vector has one narrow job. When no clause reads as a command at all, a ridge
reader over the vector (learned from the examples) may name one in words the grammar lacks
("the narrator could sound nicer"), but only by a wide margin, and only when the turn
``fits``: it speaks to the facilitator, says a word of that command's subject, no verb the
grammar already rejected ("skip the excuses"), and nothing that is sharing or an answer.
It never overrules the grammar: a command clause the grammar read as part of an answer
stays an answer.

Cross-validated (5 folds) on the dev turns, grammar and vector read 518 of 519 commands
right and no content turn as a command (the one miss is "okay, continue please" to the
consent question, read as its yes). The grammar was written reading those turns, so only
the frozen test split says how it does on wordings it has not seen.
"""
from __future__ import annotations

import json
import re
import unicodedata
from functools import lru_cache
from pathlib import Path

import numpy as np

from facilitator.understanding import rules
from facilitator.understanding.classify import Ridge, balanced_weights
from facilitator.understanding.examples import example_vectors

COMMANDS = ("repeat", "slower", "faster", "louder", "quieter", "voice", "pause", "resume",
            "help", "skip", "back", "stop")

# Steps whose question a short "yes", "no" or "not quite" answers: there such a word beside
# a command-like clause makes the turn an answer, not a command.
ANSWER_STEPS = frozenset({"appointment_consent", "confirm", "empathy_confirm", "more"})

# The meaning reader's pull towards simple answers, and the margin (ridge score units) by
# which its command must beat the next label; None turns it off. Chosen by cross-validation
# on the labelled dev turns (see the module docstring).
ALPHA = 1.0
VECTOR_MARGIN: float | None = 0.6
# No command clause is longer than this, and no turn that holds one with its reasons is
# longer than the other (the longest labelled ones have 11 and 17 words).
MAX_COMMAND_WORDS = 14
MAX_TURN_WORDS = 40
# Besides politeness and the reasons known to back each command, a command turn says little
# else: the labelled ones at most 9 words.
MAX_REASON_WORDS = 12

# --- words ---------------------------------------------------------------------------------

_CLAUSE_BREAK = re.compile(r"[.,;:!?\u2026\u2014\u2013()\"\[\]\n]+|\s-\s|--")
_WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)*")
_HEADS_WITH_IS = frozenset({
    "it", "that", "what", "there", "here", "he", "she", "who", "where", "how", "when", "why",
    "this", "everyone", "everybody", "someone", "somebody", "something", "nothing",
    "everything", "one",
    # things about the room and the speech: "the volume's too low", "the baby's asleep"
    "volume", "voice", "sound", "speed", "pace", "baby", "phone", "dog", "kettle", "door",
    "doorbell", "tv", "music", "fan", "kid", "son", "daughter", "husband", "wife", "partner",
    "mum", "mom", "dad", "oven", "timer", "alarm", "washer", "dishwasher", "dryer", "dinner",
})
_BARE = {
    "dont": "do not", "doesnt": "does not", "didnt": "did not", "cant": "can not",
    "cannot": "can not", "wont": "will not", "isnt": "is not", "arent": "are not",
    "wasnt": "was not", "werent": "were not", "havent": "have not", "hasnt": "has not",
    "wouldnt": "would not", "couldnt": "could not", "shouldnt": "should not", "im": "i am",
    "ive": "i have", "youre": "you are", "youve": "you have", "youll": "you will",
    "youd": "you would", "theyre": "they are", "thats": "that is", "whats": "what is",
    "theres": "there is", "its": "it is", "lets": "let us", "gonna": "going to",
    "wanna": "want to", "gotta": "got to", "kinda": "kind of", "sorta": "sort of",
    "lemme": "let me", "gimme": "give me", "dunno": "do not know", "ya": "you", "u": "you",
    "ok": "okay", "k": "okay", "brb": "be right back", "cuz": "because", "cos": "because",
    "coz": "because", "pls": "please", "plz": "please", "secs": "seconds",
    "min": "minute", "mins": "minutes", "aight": "alright",
    "shhh": "shh", "shhhh": "shh", "sh": "shh", "shush": "shh",
}
_SUFFIX = {"re": "are", "m": "am", "ve": "have", "ll": "will", "d": "would"}
_NOT_BASES = {"ca": "can", "wo": "will", "ai": "is", "sha": "shall"}

# Words the recogniser splits ("sk ip", "fast er") are joined when together they make one
# of these; sound-alikes it writes instead of a command word are mended in context.
_JOINABLE = frozenset({
    "skip", "pause", "repeat", "louder", "faster", "slower", "quieter", "softer", "unpause",
    "resume", "again", "continue", "undo", "slowdown",
})
_SLIPS = [(re.compile(rf"(?<![a-z'])(?:{a})(?![a-z'])"), b) for a, b in (
    (r"uh huh|uh hum|mm hmm|mm hm|mhm|uh huh uh huh", "uhhuh"),
    (r"paws|pores|pawz|porz|pause's|pours(?= (?:please|it|this|for|a)\b| ?$)", "pause"),
    (r"ree peat|re pete|ree pete|repete|re peat|re-peat|repeet", "repeat"),
    (r"(?:slow|flow|slo) (?:dawn|done|town|dow)|flow down|slowdown|slo down", "slow down"),
    (r"slo", "slow"),
    (r"(?:go|gob|goal) (?:beck|bag|buck|bak|bac|back)|gob back", "go back"),
    (r"fastor|fast her|fast are", "faster"),
    (r"slow (?:her|are)(?= please| ?$)", "slower"),
    (r"quick (?:her|are)(?= please| ?$)", "quicker"),
    (r"loud (?:her|are)|lauder|lowder|louda|lowda", "louder"),
    (r"fasta", "faster"), (r"slowa", "slower"),
    (r"quite her|quiet her|quiter|quieta", "quieter"),
    (r"soft (?:her|are)(?= please| ?$)", "softer"),
    (r"a gain", "again"),
    (r"un pause", "unpause"),
    (r"re zoom|rezoom|resoom|re sume|re assume", "resume"),
    (r"(?:chains|chain) (the|your|a|my) voice", r"change \1 voice"),
    # "vice" and "voices" where only a voice can be meant
    (r"(the|a|this|that|your|another|different|other|new|nicer|man's|woman's|change|switch|"
     r"swap) (?:vice|voys|voise|boys)(?= please| ?$| is| sounds| instead)", r"\1 voice"),
    (r"(the|go to|skip to|next) necks", r"\1 next"),
    (r"necks(?= (?:one|step|part|bit|question|please)\b)", "next"),
    (r"ski(?= (?:this|that|it|ahead|the|to|past|over)\b)", "skip"),
    (r"sip(?= (?:this|that) (?:one|part|step|bit|question)\b| ahead\b| to the\b)", "skip"),
    (r"stob|stahp", "stop"),
    (r"hole on|hold own", "hold on"),
    (r"hang own", "hang on"),
    (r"skipp", "skip"),
    (r"pleas(?= ?$)|plase|pleasee+|pleeze|pleez", "please"),
    (r"sory|sorri|soz", "sorry"),
)]
# Sounds of hesitation carry nothing: "could you, uh, slow down" is "could you slow down".
_FILLERS = frozenset({"um", "umm", "ummm", "uh", "uhh", "uhhh", "uhm", "er", "erm", "ehm", "hmm",
                      "hmmm", "hm", "mm", "mmm", "ehh"})
# Command words as people misspell them and the recogniser garbles them ("lauder", "stopp",
# "repeet"): a word that is no English word (not in the meaning model's vocabulary) one
# letter away from one of these is taken for it.
_MENDABLE = ("pause", "repeat", "louder", "quieter", "softer", "slower", "faster", "quicker",
             "resume", "continue", "voice", "volume", "again", "please", "previous", "unpause",
             "sorry", "skip", "stop", "help", "undo", "next", "back", "slow", "wait")


def _expand(token: str) -> list[str]:
    if token in _BARE:
        return _BARE[token].split()
    if "'" not in token:
        return [token]
    head, _, tail = token.rpartition("'")
    if tail == "t" and head.endswith("n"):
        base = head[:-1]
        return [_NOT_BASES.get(base, base), "not"]
    if tail == "s":
        if head == "let":
            return ["let", "us"]
        return [head, "is"] if head in _HEADS_WITH_IS else [token]
    if tail == "d" and head in {"what", "where", "how", "who", "why", "when"}:
        return [head, "did"]  # "what'd it say"
    if tail in _SUFFIX:
        return [head, _SUFFIX[tail]]
    return [token.replace("'", "")]


def _join_split_words(words: list[str]) -> list[str]:
    out: list[str] = []
    k = 0
    while k < len(words):
        if k + 1 < len(words) and words[k] + words[k + 1] in _JOINABLE and (
                words[k] not in _JOINABLE and words[k + 1] not in _JOINABLE):
            out.append(words[k] + words[k + 1])
            k += 2
        else:
            out.append(words[k])
            k += 1
    return out


def _collapse(words: list[str]) -> list[str]:
    """"wait wait wait wait" as "wait wait": the same word said over and over counts twice."""
    out: list[str] = []
    for w in words:
        if len(out) >= 2 and out[-1] == w and out[-2] == w:
            continue
        out.append(w)
    return out


@lru_cache(maxsize=1)
def _vocabulary() -> frozenset[str]:
    path = Path(__file__).resolve().parent.parent / "data" / "understanding" / \
        "minilm-tokenizer.json"
    try:
        vocab = json.loads(path.read_text(encoding="utf-8"))["model"]["vocab"]
    except (OSError, ValueError, KeyError):
        return frozenset()  # no mending then; the model loader names the broken file
    return frozenset(w for w in vocab if w.isalpha())


def _one_apart(a: str, b: str) -> bool:
    """One letter changed, added, dropped, or two swapped."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diff = [k for k in range(len(a)) if a[k] != b[k]]
        return len(diff) == 1 or (len(diff) == 2 and diff[1] == diff[0] + 1
                                  and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]])
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    return any(long_[:k] + long_[k + 1:] == short for k in range(len(long_)))


@lru_cache(maxsize=8192)
def _mend(word: str) -> str:
    if len(word) < 3 or not word.isalpha() or word in _JOINABLE or word in _vocabulary():
        return word
    for target in _MENDABLE:
        if _one_apart(word, target) and not (word.startswith(target) and word[len(target):] in
                                             {"s", "d", "ed", "er", "ing", "y", "r", "n"}):
            return target
    return word


def _restarts(words: list[str]) -> list[str]:
    """A phrase said twice in a row once: "can you can you say it" is "can you say it"."""
    k = 0
    while k < len(words):
        for n in (4, 3, 2):
            if words[k:k + n] == words[k + n:k + 2 * n] and len(words[k:k + n]) == n:
                del words[k + n:k + 2 * n]
                break
        else:
            k += 1
    return words


# A clause cut off where a request is still to come ("could you, uh, like, slow down";
# "what's the, uh, what's the sentence") runs on into the next one.
_FRAGMENT = re.compile(r"(?:.* )?(?:(?:can|could|would|will|do|did|should|may|might) "
                       r"(?:you|we|i|it)(?: (?:please|just|maybe|possibly|like|kindly|perhaps|"
                       r"actually))*|the|a|an|to|like|of|my|your|is there|what is|what is the|"
                       r"how do i|how do we)")
_SPLIT = re.compile(rf"({_CLAUSE_BREAK.pattern})")


@lru_cache(maxsize=4096)
def units(text: str) -> tuple[tuple[tuple[str, ...], bool], ...]:
    """The clauses of ``text`` as normalised words, each with whether it was asked (ended
    in a question mark): lower case, contractions expanded ("let's" is "let us"),
    recogniser slips mended, hesitations and restarts dropped, a cut-off clause joined to
    the next."""
    text = unicodedata.normalize("NFKC", text or "")
    text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    text = text.lower().replace("\u2019", "'").replace("\u2018", "'").replace("`", "'")
    text = re.sub(r"(?<=[a-z])-(?=[a-z])", " ", text)  # "re-peat", "mm-hm"
    parts = _SPLIT.split(text)
    out: list[tuple[tuple[str, ...], bool]] = []
    for k in range(0, len(parts), 2):
        asked = k + 1 < len(parts) and "?" in parts[k + 1]
        words: list[str] = []
        for token in _WORD.findall(parts[k]):
            words.extend(_expand(token.strip("'")))
        words = [_mend(w) for w in _join_split_words(words)]
        line = " ".join(_collapse(words))
        for pattern, repl in _SLIPS:
            line = pattern.sub(repl, line)
        words = [w for w in line.split() if w not in _FILLERS]
        if not words:
            if out and asked:
                out[-1] = (out[-1][0], True)
            continue
        if out and _FRAGMENT.fullmatch(" ".join(out[-1][0])):
            words = out.pop()[0] + tuple(words)
        out.append((tuple(_restarts(list(words))), asked))
    return tuple(out)


def clauses(text: str) -> tuple[tuple[str, ...], ...]:
    """The clauses of ``text`` as normalised words (see ``units``)."""
    return tuple(words for words, _ in units(text))


# --- the grammar of each command -----------------------------------------------------------

def _alt(*items: str) -> str:
    return "(?:" + "|".join(items) + ")"


# Said around a command: fillers and politeness before it, and after it.
_PRE_WORDS = ("um+", "uh+", "er", "erm", "hmm+", "hm", "mm+", "ah+", "oh+", "ow", "ouch", "oops",
              "whoa", "woah", "hey", "okay", "alright", "all right", "so", "well", "right", "now",
              "just", "please", "sorry", "excuse me", "actually", "honestly",
              "and", "but", "then", "also", "look", "listen", "guys", "ugh", "shh",
              "easy", "god", "thanks", "thank you", "hang on",
              "hold on", "wait", "one sec", "one second", "quick", "yo", "facilitator",
              "computer", "laptop", "no no", "no wait", "maybe", "really", "can you", "could you",
              # hedges, self-corrections and apologies said before a request
              "is it just me or", "is it me or", "i think", "i guess", "i feel like",
              "to be honest", "i mean", "i meant", "sorry i mean", "no i mean",
              "sorry to be a pain(?: but)?", "sorry to interrupt(?: but)?",
              "sorry to bother you(?: but)?", "not to be rude(?: but)?", "no offence(?: but)?",
              "sorry but", "i hate to say it but", "excuse me but", "apologies")
_POST_WORDS = ("please", "thanks", "thank you", "thank you so much", "now", "then", "okay",
             "sorry", "honestly", "though", "maybe", "already", "for me", "for us",
             "if you can", "if you could", "if you do not mind", "if that is okay",
             "if that is ok", "if possible", "will you", "would you", "could you", "can you",
             "a bit", "a little", "a little bit", "a tad", "a touch", "a notch", "slightly",
             "somewhat", "right now", "quickly", "real quick", "again please",
             "just", "yeah", "guys", "actually", "thank you very much", "sorry about that",
             "a lot", "too",
             "as well", "for a second", "for a sec", "for a bit", "for a moment", "at all",
             "if you would", "by the way", "lol", "it is fine", "instead", "for once",
             "if that is alright", "mate", "buddy", "my friend",
             "that would be (?:great|good|nice|lovely|helpful|better|amazing|perfect|brilliant)",
             "that would help", "thanks in advance", "if it is not too much trouble",
             "would that be (?:okay|ok|alright|possible)", "is that (?:okay|ok|alright|possible)",
             "if that is possible", "if you do not mind me asking", "for a minute", "first",
             "before we start", "before we begin", "before we go on", "with it", "from now on",
             "from here on", "going forward", "this time", "for the rest of it",
             "for the rest of the session")
# Each said once in these lists, so that a run of them has one reading (no backtracking).
_PRE = _alt(*_PRE_WORDS)
_POST = _alt(*_POST_WORDS)
# Who the facilitator is when a partner asks it something ("can it talk faster").
_SPEAKER = _alt("you", "it", "the voice", "the computer", "this thing", "that thing", "the app",
                "the program", "the laptop", "the machine", "the narrator", "the speaker",
                "the facilitator", "the system", "the robot", "the lady", "the guy", "the woman",
                "the man", "she", "he", "this", "that", "the volume", "the sound", "the speed",
                "the pace", "the speech", "the talking", "your voice", "your speech")
# How a request to the facilitator is put, from "please" to "I was wondering whether it
# would be possible to": the frame says nothing of which command, so every command takes
# each of them.
_ASK = _alt(
    rf"(?:can|could|would|will|can not|could not|would not|will not|may|might) "
    rf"(?:{_SPEAKER}|we|i)(?: please| maybe| just| possibly| kindly| like| perhaps| actually)*",
    "would you mind", "do you mind", "mind", "would you be (?:so kind as|able|willing) to",
    "(?:would|will) it be (?:possible|okay|ok|alright|all right|fine) (?:for (?:you|us|it|me) )?to",
    "is it (?:possible|okay|ok|alright|all right) (?:for (?:you|us|it|me) )?to",
    "(?:is|would) there (?:be )?(?:a|any|some) (?:way|chance|option) (?:to|for (?:you|us|it|me) to|"
    "(?:that )?(?:you|we|it|i) (?:could|can|might))",
    "any (?:chance|way) (?:(?:that )?(?:you|we|it) (?:could|can|might)|to)",
    "(?:i was|i am|we were|we are) (?:wondering|hoping) (?:if|whether)? ?(?:you|we|it) "
    "(?:could|can|would|might)(?: please)?",
    "(?:i was|i am|we were|we are) hoping (?:you|we|it) (?:could|can|would|might)",
    "(?:i|we) wonder (?:if|whether) (?:you|we|it) (?:could|can|would|might)",
    "(?:do|did) you think (?:you|we|it) (?:could|can|might|would be able to)",
    "(?:do you think|do you reckon|think|reckon) (?:you|we|it) (?:could|can|might)",
    "(?:i|we) would (?:appreciate it|love it|like it|prefer it) if (?:you|it) (?:could|would|can)",
    "it would (?:help|be great|be nice|be good|be better|be easier) if (?:you|it) "
    "(?:could|would|can)",
    "if (?:you|it) (?:could|can|would)(?: please| maybe| just)?",
    "(?:can|could|may) (?:i|we) (?:ask|get) (?:you|it) to", "(?:can|could) you possibly",
    "(?:is there|are there|do you have|have you got|does it have|has it got)",
    "(?:can|could|would) you try (?:to|and)", "try to", "try and", "please", "just", "maybe",
    "perhaps", "let us(?: just| maybe| please)?", "you can(?: just)?", "you could(?: just)?",
    "you may", "(?:i|we) would like it to", "(?:i|we) (?:need|want|would like) it to",
    "(?:i|we) (?:would like|want|need|would prefer|prefer|would rather have|could use|"
    "could do with) (?:it|the voice|"
    "things|the speech|the talking|the volume|the pace)",
    "(?:okay|alright|so|um|uh) (?:can|could) (?:you|we)", "how about you", "go ahead and",
    "feel free to", "make it", "have it", "get it to",
)
# A wish to do something about the session: only stop, pause, back, skip, resume and
# voice are said this way to the facilitator ("I want to help" is sharing).
_WISH = _alt(
    "(?:i|we)(?: really| just| kind of| both| actually)? (?:want|need|would like|would love|wanna|"
    "would prefer|have|got) to(?: just)?",
    "(?:we|i think we|maybe we|perhaps we|i guess we|i feel like we|i reckon we) (?:should|could|"
    "can|might as well|need to|have to|ought to)(?: just| maybe| probably)?",
    "(?:is it okay|is it alright|is it ok|would it be okay|would it be alright|do you mind|"
    "would you mind) if (?:we|i)(?: just)?",
    "how about we", "why do not we(?: just)?", "i am going to", "we are going to",
    "(?:i|we) (?:am|are) going to have to", "(?:i|we) will have to",
    "i think i (?:need|want|would like) to", "i think we need to", "(?:i|we) would rather",
    "can we please", "shall we", "we had better", "i am ready to", "we are ready to",
    "let me", "(?:i|we) (?:think|guess) it is time to", "it is time to", "(?:i|we) will(?: just)?",
)
# How to make the facilitator do something is asking it to ("how do I make it louder").
_HOW = "how (?:do|can|could|would|should|does one) (?:i|we)"

_DEG = _alt("a bit", "a little", "a little bit", "a lot", "a tad", "a touch", "bit", "little",
            "much", "way", "even", "slightly", "somewhat", "some", "just", "lots", "far",
            "quite a bit", "a bit more", "a little more", "kind of", "sort of", "more",
            "even more", "much more", "a lot more", "any", "a notch", "a touch more", "a tiny bit",
            "just a bit", "just a little", "a wee bit", "a smidge", "any more", "at all")
_INTENS = _alt("way", "much", "far", "a bit", "a little", "really", "kind of", "sort of",
               "just", "so", "very", "super", "pretty", "quite", "a lot", "way way",
               "a little bit", "slightly", "bit", "like", "honestly", "literally", "still",
               "painfully", "incredibly", "terribly", "awfully", "unbearably", "ridiculously",
               "rather", "fairly", "somewhat", "a tad", "a touch", "crazy", "insanely", "too")
_SPEAKING = _alt("going", "talking", "speaking", "reading", "moving", "being", "saying it",
                 "saying things", "doing it", "doing this")
_SPEAK = _alt("speak", "talk", "say it", "say things", "say that", "say this", "say everything",
              "read it", "read that", "read things", "read", "go", "be", "sound", "do it",
              "do this", "do that", "take it", "make it", "make the voice", "have it",
              "make this")
# The facilitator's speech named without "you".
_THING = _alt("it", "that", "this", "the voice", "your voice", "the speech", "the talking",
              "the reading", "the computer", "the app", "the program", "this thing", "that thing",
              "the facilitator", "the volume", "the sound", "the speed", "the pace",
              "the rate", "the speaking speed", "the talking speed", "your speed", "your pace")
# What "it" can be when the facilitator's speech is meant.
_IT = _alt("you", "it", "that", "this", "the voice", "your voice", "the speech", "the talking",
           "the reading", "the computer", "the app", "the program", "this thing", "that thing",
           "the facilitator")
_DUR = _alt("(?:a|one|1|just a|just one) (?:sec|second|moment|minute|mo|tick|bit|while|"
            "little bit|little while|breather|break)",
            "(?:a|one|1|just a|just one) quick (?:sec|second|moment|minute|break)",
            "a few (?:seconds|minutes|moments|secs)", "a couple (?:of )?(?:seconds|minutes)",
            "(?:two|2|five|5) (?:minutes|mins|seconds)", "a short (?:while|break|bit)")

_PROTO = _alt("intro", "introduction", "mirror", "mirroring", "appreciation", "appreciations",
              "validation", "validating", "validate", "empathy", "empathizing", "empathising",
              "feelings", "feeling", "feeling words", "summary", "summarizing", "summarising",
              "question", "questions", "instructions", "explanation", "breathing",
              "breathing thing", "warm up", "warmup", "setup", "set up", "check in",
              "check in thing", "rules", "intro stuff", "appointment", "this", "that",
              "next", "last", "first", "other", "closing", "close", "ending", "end")
_PROTO_NAMES = _alt("mirror", "mirroring", "appreciation", "validation", "validating",
                    "validate", "empathy", "empathizing", "empathising", "summary", "summarizing",
                    "summarising", "appointment", "feeling word", "feeling words", "check in",
                    "intentional dialogue", "imago dialogue", "imago", "dialogue",
                    "sender", "receiver", "stem", "sentence stem")
_PART = _alt("part", "bit", "step", "one", "question", "stage", "section", "thing", "prompt",
             "round", "stuff", "exercise", "answer", "piece", "bits", "parts", "steps")

_VOICE_ADJ = _alt("(?:more|less) (?!loud|quiet|slow|fast)\\w+", "different", "other", "new",
                  "nicer", "better", "calmer", "softer", "warmer",
                  "friendlier", "female", "male", "woman's", "man's", "woman", "man", "girl's",
                  "guy's", "lady's", "deeper", "higher", "kinder", "gentler", "second", "next",
                  "british", "american", "normal", "human", "nice", "calm", "slower", "lower",
                  "less robotic", "less creepy", "natural", "real", "older", "younger",
                  "girl", "guy", "lady", "kid's", "child's", "soothing", "quieter", "else's",
                  "someone else's", "somebody else's")
_BACK_TARGET = _alt(
    rf"(?:the |that )?(?:last|previous|prior|earlier|first|other|one) (?:{_PART})(?: before)?",
    rf"the (?:{_PART}) before(?: this| that)?",
    rf"the (?:mirror|mirroring|validation|validating|empathy|summary|appreciation|start|"
    rf"beginning|top|question|answer|prompt)(?: (?:{_PART}))?",
    r"(?:where we were|where we left off|before|the last one|the start)",
    rf"the (?:beginning|start|top) of (?:this|that|the|the last) (?:{_PART})",
)
_STOP_OBJ = _alt(
    "it", "this", "that", "the session", "this session", "the dialogue", "this dialogue",
    "the exercise", "this exercise", "the conversation", "this conversation", "everything",
    "the whole thing", "this whole thing", "recording", "the recording", "the app",
    "the program", "now", "here", "please", "there", "right there", "right here", "right now",
    "already", "for good", "completely", "immediately", "altogether", "for the night",
    "for the day", "for now", "for today", "for tonight", "for this evening", "for this time",
    "for the evening", "here for today", "here for tonight", "here for now",
    "stop", "please stop", "for real", "okay", "all of it", "the whole session",
    "all this", "right away", "tonight", "today", "please now", "ok",
)
_STOP_OBJ_END = _alt("here", "there", "now", "for now", "for today", "for tonight",
                     "for the night", "the session", "this session", "things here",
                     "it here", "it there", "this here", "it now", "things there",
                     "here for today", "here for tonight", "here for now", "early",
                     "the dialogue", "it for tonight", "it for today")
# What may be missed or asked again: "the last bit", "what she said", "any of that".
_HEARD_OBJ = _alt(
    "a (?:word|thing) (?:you are|it is|she is|he is|you) (?:saying|said)",
    "that", "it", "this", "the question", "the prompt", "the instructions", "the end",
    "the start", "the beginning", "the rest", "the middle", "a word", "everything",
    "(?:all|any|most|half|some|part) of (?:that|it|what (?:you|it|she|he) said)",
    "what (?:you|it|she|he|the voice) (?:just )?(?:said|asked|says|was saying|is saying)",
    rf"(?:the|that) (?:last|first|middle) (?:{_PART})", rf"that (?:{_PART})",
    "the last (?:thing|sentence|words?|few words|couple of words|bit|part|few seconds)",
    "(?:the |that )?question", "the words")
# A moment asked for with its purpose: "a minute to collect myself", "a sec to breathe".
_SETTLE = (r"to (?:collect|compose|gather|calm|pull|settle|steady) (?:myself|ourselves|my thoughts|"
           r"down)(?: together)?|to (?:breathe|think|cool down|calm down|settle|regroup|reset|"
           r"process|catch (?:my|our) breath|get (?:some |a )?(?:water|drink|tissue|tissues)|"
           r"grab (?:some |a )?\w+)")
# What to do at this step, asked about: "what I'm meant to say", "how to start".
_TODO_VERB = _alt("say it back", "repeat it back", "mirror it", "mirror that", "say", "do",
                  "answer", "reply", "respond", "start", "begin", "start with",
                  "begin with", "put", "write", "mirror", "validate", "empathize", "empathise",
                  "summarize", "summarise", "appreciate", "do this", "do that", "do it",
                  "phrase it", "say it", "word it", "put it")
_TODO = _alt(
    "(?:what|how) to (?:say|do|answer|reply|respond|start|begin|put it|word it|mirror|"
    "validate|empathize|empathise)",
    "(?:what|how) (?:i|we) (?:am |are )?(?:supposed to|meant to|should|need to|have to|must|"
    "ought to|am to|are to|can|do) (?:be )?(?:say|do|answer|reply|respond|start|begin|start with|"
    "begin with|put|write|saying|doing|answering)",
    "what (?:you|it) (?:want|wants|need|needs|expect|expects) (?:me|us) to (?:say|do|answer)",
    "what (?:you|it) (?:mean|means|are asking|is asking)", "where to (?:start|begin)",
    rf"how to do (?:this|that|it)(?: {_PART})?")
_TODO = (rf"{_TODO}(?: (?:here|now|next|at all|exactly|at this point|in this (?:{_PART})|"
         r"with this|for this|to that))*")

# How the facilitator's speech is found wanting ("it's a bit rapid", "why is it so quiet",
# "does it have to be so slow?"), and the command that mends it.
_MANNER = {"slower": "fast|quick|quickly|rapid|rushed|hurried|speedy",
           "faster": "slow|slowly|sluggish|dragging|drawn out|plodding",
           "louder": "quiet|quietly|soft|softly|faint|low|muffled|mumbly|hard to hear|inaudible",
           "quieter": "loud|loudly|blaring|booming|deafening|piercing|noisy|shrill"}
_MANNER_TAIL = (r"(?: (?:for me|for us|in here|right now|today|tonight|now))?"
                r"(?: (?:for me |for us )?to (?:follow|keep up|hear|understand|take in|"
                r"take it in|catch))?")


def _manner(adjectives: str) -> list[str]:
    # "you" is the facilitator only with a word about its speech ("you're talking so slowly"):
    # "why are you so quiet?" is asked of a partner
    adj = f"(?:{adjectives})"
    return [
        rf"(?:{_THING}) (?:is|are|was|sounds|seems|feels|talks|speaks|goes|reads) "
        rf"(?:{_SPEAKING} )?(?:{_INTENS} )*{adj}{_MANNER_TAIL}",
        rf"you (?:are (?:{_SPEAKING})|talk|speak|go|read|sound) (?:{_INTENS} )*{adj}"
        rf"{_MANNER_TAIL}",
        rf"(?:{_INTENS} )+{adj}{_MANNER_TAIL}",
        rf"(?:why|how come) (?:is|are|does|do) (?:{_THING}) (?:(?:{_SPEAKING}|talk|speak|go|"
        rf"sound) )?(?:so|this|that|such a|too|really|very) {adj}{_MANNER_TAIL}",
        rf"(?:does|do|must|should|did) (?:{_THING}) (?:have to|need to|got to) (?:be|go|talk|"
        rf"speak|sound|read) (?:so|this|that|that bloody) {adj}",
        rf"(?:is|are) (?:{_THING}) (?:{_SPEAKING} )?(?:{_INTENS} )*{adj}{_MANNER_TAIL}",
    ]


_CORES: dict[str, list[str]] = {
    "repeat": [
        rf"repeat(?: (?:that|it|this|the question|the prompt|the instructions|the last {_PART}|"
        rf"that last {_PART}|the first {_PART}|the {_PART}|what you (?:just )?said|"
        rf"what it (?:just )?said|what you (?:just )?asked|what it (?:just )?asked|yourself|"
        rf"the whole thing|everything|again|one more time|once more|back|that again|"
        rf"the last thing you said|the last sentence|that bit|that part|it again|"
        rf"for (?:this|that) {_PART}))*",
        rf"(?:say|ask|read|tell me|tell us|play) (?:me |us )?(?:that|it|this|the question|"
        rf"the prompt|the (?:first|last|other) {_PART}|that last {_PART}|what you said|"
        rf"what you asked|that bit|that part|the instructions|it out|that out)? ?(?:out )?"
        rf"(?:again|one more time|once more|over)(?: from the (?:start|beginning|top))?",
        r"(?:go|run) (?:over|through) (?:that|it|this|the question|the instructions) (?:again|"
        r"one more time|once more)",
        r"run (?:that|it|the question|this) (?:by|past) (?:me|us) (?:again|one more time)",
        r"(?:again|once more|one more time|once again|come again|pardon|pardon me|"
        r"i beg your pardon|say again|again from the (?:start|top)|from the top)",
        rf"what (?:was|is) (?:that|the question|it|the prompt|(?:the|that) (?:last|first) "
        rf"{_PART}|(?:the|that) {_PART})(?: again)?",
        r"what (?:did|was) (?:you|it|that|she|he|the voice)(?: just)? (?:say|ask|said|asking|"
        r"saying|want|wanted)(?: (?:me|us|just now|there|again|to me|to us))*",
        r"what (?:are|is) (?:you|it) (?:saying|asking)",
        r"what (?:was|is) (?:the |that )?(?:last |first )?(?:thing|bit|part|question|word)s? "
        r"(?:you|it) (?:just )?(?:said|asked)",
        rf"(?:hear|get|have) (?:that|it|this|the question|the last {_PART}|the prompt|"
        rf"the instructions) (?:again|"
        rf"one more time|once more)",
        r"what (?:was|were) (?:i|we) (?:supposed|meant) to (?:say|answer|reply|be saying|"
        r"be answering)(?: again)?",
        rf"(?:i|we)(?: just| totally)? (?:did not|could not|do not think i|never)"
        r"(?: quite| really| fully| totally| properly)? (?:catch|hear|get|understand|follow) "
        rf"(?:that|it|you|this|the question|"
        rf"what (?:you|it) (?:just )?(?:said|asked|says)|the (?:last|first) {_PART}|"
        rf"all of (?:that|it)|everything|any of (?:that|it)|a word|the prompt|the end|"
        rf"the rest|the last bit|the beginning|the start)"
        rf"(?: (?:at all|properly|sorry))?",
        rf"(?:i|we)(?: totally| just| completely)? missed (?:that|it|this|the question|"
        rf"what (?:you|it) (?:just )?(?:said|asked)|the (?:last|first) {_PART}|the prompt|"
        rf"all of (?:that|it)|everything)",
        r"(?:what|huh|eh|sorry what|what what|hmm what|uh what|wait what|what sorry)",
        r"(?:i am sorry|sorry) (?:what|come again)",
        # not heard, in the many ways of saying so ("missed the last bit", "lost you there")
        rf"(?:i|we)(?: just| totally| completely)? (?:did not|could not|do not think i|"
        rf"barely|hardly|only half|half|did not really|did not quite|kind of) (?:catch|hear|"
        rf"heard|get|got|understand|follow|caught) (?:{_HEARD_OBJ})(?: (?:at all|properly|sorry|"
        rf"there|then|just now|clearly))*",
        r"(?:i|we)(?: just| totally| completely)? (?:did not|could not|barely|hardly|"
        r"did not really|did not quite) (?:catch|hear|heard|caught) you(?: (?:at all|properly|"
        r"sorry|there|then|just now|clearly))*",
        rf"(?:i|we)(?: totally| just| completely| kind of)? (?:missed|lost track of|"
        rf"zoned out on|spaced on) (?:{_HEARD_OBJ})(?: (?:there|then|just now|sorry))*",
        r"(?:i|we)(?: totally| just| completely| kind of)? lost you (?:there|halfway|"
        r"halfway through|in the middle|at the end|for a (?:sec|second|bit|moment))",
        r"(?:say|you said|you asked|it said) what", r"replay(?: (?:that|it|the question|"
        r"the prompt|the last bit|that last bit))?",
        r"play (?:that|it|the question|the prompt) (?:back|again)",
        rf"(?:can|could|may) (?:i|we) (?:hear|have|get) (?:{_HEARD_OBJ}) (?:again|one more time|"
        rf"once more|repeated)",
        rf"(?:say|ask|read|repeat) (?:me |us )?(?:{_HEARD_OBJ}|the question|that question) "
        rf"(?:again|one more time|once more|a second time)",
        r"(?:i|we)(?: just| totally)? (?:did not|could not) (?:quite |really )?(?:catch|hear)"
        r"(?: (?:sorry|properly|at all|clearly))?",
        rf"(?:i|we) (?:need|want|would like) (?:you to (?:repeat|say) (?:{_HEARD_OBJ})(?: again)?|"
        rf"to hear (?:{_HEARD_OBJ}) (?:again|one more time|once more))",
        r"do (?:that|it) (?:again|one more time|once more)",
        r"what (?:was|am|were|are) (?:i|we) (?:being|just) asked(?: again)?",
    ],
    "slower": [
        rf"(?:{_DEG} )?slower(?: {_DEG})?(?: (?:please|pace|speed))?",
        r"(?<!so )(?<!too )(?<!really )(?<!very )slow(?:ly)?",
        rf"slow (?:it |things |that |this |her |him |the voice |the speech |your voice |"
        rf"your speech |yourself |the pace |the talking |everything )?down(?: {_DEG})?"
        rf"(?: (?:the|your) (?:voice|speech|talking|pace))?",
        rf"(?:{_SPEAK}|slow) (?:{_DEG} )?(?:more )?(?:slower|slowly|slow)(?: {_DEG})?",
        r"(?:take|take it) (?:it )?(?:slower|slow|slowly|easy)",
        rf"(?:(?:{_IT}) (?:is |are |was )?)?(?:{_SPEAKING} )?(?:{_INTENS} )*too "
        rf"(?:fast|quick|quickly|rushed|hurried)(?: for me| for us)?",
        rf"(?:{_IT}) (?:is|are|was) (?:{_SPEAKING} )?(?:{_INTENS} )*(?:fast|quick|quickly|"
        rf"rushed|rushing)",
        rf"(?:{_IT}) (?:talk|talks|speak|speaks|go|goes|read|reads|went) (?:{_INTENS} )*"
        rf"(?:too )?(?:fast|quick|quickly)",
        rf"(?:(?:do )?not (?:go |talk |speak |be )?so|(?:{_DEG} )?less|not as) "
        rf"(?:fast|quick|quickly)",
        r"(?:reduce|lower|decrease|drop|turn down) the (?:speed|rate|pace|speaking rate|"
        r"tempo)",
        r"(?:way |much |far )?too (?:fast|quick)",
        r"(?:you are|it is) rushing (?:me|us)",
        r"(?:easy|whoa|woah) (?:there|now)",
        rf"slow (?:your talking|the speaking|your speaking|the speed|the rate|the reading|"
        rf"your pace|the pace|your voice|the talking|things|it|that|this) down(?: {_DEG})?",
        r"take it easy(?: on (?:the|your) (?:speed|pace|talking|tempo))?",
        r"ease (?:up|off)(?: (?:on )?(?:the|your) (?:speed|pace|talking|tempo|gas))?",
        r"(?:do not|not|no need to|you do not have to|you do not need to) (?:rush|hurry)"
        r"(?: (?:me|us|it|things|through (?:it|this|that|things)))?",
        rf"(?:reduce|lower|decrease|drop|turn down|bring down|dial down|slow down|cut) (?:the |"
        rf"your )?(?:speed|rate|pace|speaking rate|tempo|talking speed|speech rate|"
        rf"reading speed)(?: {_DEG})?",
        rf"(?:turn|bring|dial|put|take) (?:the |your )?(?:speed|rate|pace|tempo) down(?: {_DEG})?",
        rf"(?:(?:{_SPEAK}) )?(?:at |with )?(?:a |the )?(?:slower|gentler|calmer|more relaxed|"
        rf"lower|easier) (?:pace|speed|rate|tempo)(?: {_DEG})?",
        r"(?:(?:speak|talk|read|go) )?(?:at )?half (?:the )?speed",
        rf"(?:{_IT}) (?:talked|spoke|went|read|was going|was talking|is going|is talking) "
        rf"(?:{_INTENS} )*(?:too )?(?:fast|quick|quickly)",
        r"(?:a |the )?(?:slower|slow) (?:setting|speed|option|mode|version|voice)",
        rf"slow (?:the|your) (?:pace|speed|talking|speech|voice|reading)(?: down)?(?: {_DEG})?",
        *_manner(_MANNER["slower"]),
        r"be (?:slowed(?: down)?|made slower|turned down)",
        r"less (?:speed|fast|quick|quickly|rushed)(?: please)?",
    ],
    "faster": [
        rf"(?:{_DEG} )?(?:faster|quicker|brisker|speedier|snappier|zippier)(?: {_DEG})?"
        rf"(?: (?:please|pace))?(?: faster)*",
        rf"(?:speed|hurry) (?:it |things |this |that |yourself |the voice |the speech )?up"
        rf"(?: (?:the|your) (?:voice|speech|talking|pace))?(?: {_DEG})?",
        rf"(?:{_SPEAK}) (?:{_DEG} )?(?:faster|quicker|brisker|speedier|more quickly|quickly|"
        rf"fast|quick|at a faster pace)(?: {_DEG})?",
        r"(?:pick|speed) up the (?:pace|speed|rate)",
        rf"pick (?:it|things|the pace|the speed) up(?: {_DEG})?",
        r"(?:increase|raise|turn up|up) the (?:speed|rate|pace|speaking rate|tempo)",
        rf"(?:(?:{_IT}) (?:is |are |was )?)?(?:{_SPEAKING} )?(?:{_INTENS} )*too "
        rf"(?:slow|slowly)(?: for me| for us)?",
        rf"(?:it|that|this|the voice) (?:is|was) (?:{_SPEAKING} )?(?:{_INTENS} )*(?:slow|"
        rf"slowly|dragging)",
        rf"(?:you|you are) (?:{_SPEAKING}|talk|speak|go|read) (?:{_INTENS} )*(?:slow|slowly)",
        rf"(?:{_IT}) (?:talk|talks|speak|speaks|go|goes|read|reads) (?:{_INTENS} )*"
        rf"(?:too )?(?:slow|slowly)",
        rf"(?:not so|(?:{_DEG} )?less) (?:slow|slowly)", r"so slow",
        r"get (?:on with it|a move on)",
        rf"(?:step|move) (?:it|things) (?:up|along)(?: {_DEG})?", r"move along",
        rf"(?:turn|bump|crank|bring|put|push) (?:the |your )?(?:speed|rate|pace|tempo) up"
        rf"(?: {_DEG})?",
        rf"(?:increase|raise|up|bump up|turn up|crank up|speed up|boost) (?:the |your )?(?:speed|"
        rf"rate|pace|tempo|talking speed|speech rate|reading speed)(?: {_DEG})?",
        rf"(?:(?:{_SPEAK}) )?(?:at |with )?(?:a |the )?(?:faster|quicker|brisker|higher|snappier) "
        rf"(?:pace|speed|rate|tempo)(?: {_DEG})?",
        r"(?:(?:speak|talk|read|go) )?(?:at )?double (?:the )?speed",
        r"(?:do not|not|no need to|you do not have to|you do not need to) (?:go|talk|speak|read|"
        r"be|take it) so (?:slow|slowly)",
        rf"(?:you are|it is|this is) (?:{_INTENS} )*(?:dragging|drawing) (?:it |this |things )?"
        rf"(?:out|on)",
        r"(?:a |the )?(?:faster|quicker) (?:setting|speed|option|mode|version)",
        *_manner(_MANNER["faster"]),
        r"be (?:sped up|speeded up|made faster|made quicker)",
    ],
    "louder": [
        rf"(?:{_DEG} )?louder(?: {_DEG})?(?: louder)*(?: (?:please|volume))?",
        rf"(?:speak|talk) up(?: {_DEG})?",
        rf"(?:{_SPEAK}) (?:{_DEG} )?(?:louder|up|more loudly|loudly|loud)(?: {_DEG})?",
        rf"(?:turn|crank|pump|bring|put|dial|push|jack) (?:it|that|this|the volume|the sound|"
        rf"yourself|you|the voice|her|him|the speaker|things) up(?: {_DEG})?",
        rf"(?:turn|crank|pump|dial|bring) up (?:the |your )?(?:volume|sound|voice|speaker)"
        rf"(?: {_DEG})?",
        r"(?:turn|crank) (?:it|the volume|the sound) (?:way|all the way|right|a lot) up",
        r"(?:the )?volume up", rf"(?:{_DEG} )?more (?:volume|sound)", r"higher volume",
        rf"(?:make|turn|put|set|get) (?:the volume|it|the sound|the voice|that|this) "
        rf"(?:higher|louder|up)(?: {_DEG})?",
        rf"(?:up|raise|increase|boost|turn up) (?:the|your) (?:volume|voice|sound)(?: {_DEG})?",
        rf"raise your voice(?: {_DEG})?",
        rf"make (?:it|that|this|the voice|yourself|the volume|your voice) louder(?: {_DEG})?",
        r"(?:i|we)(?: really| just)? (?:can not|could not) (?:really )?hear(?: (?:you|it|"
        r"that|this|anything|a thing|the voice|you very well|it very well|you well|"
        r"what (?:it|you|she|he) (?:is|are) saying|what (?:it|you) said|a word|properly|"
        r"well|very well|at all|over the \w+))*",
        r"(?:i|we) can (?:barely|hardly|not really|only just|only barely) hear(?: (?:you|it|"
        r"that|this|anything|the voice|what (?:it|you) (?:is|are) saying|a thing))?",
        r"can not hear(?: (?:you|it|that|anything|a thing|a word))?",
        r"(?:i am|we are) (?:not able to|unable to|having trouble|having a hard time) "
        r"(?:hear|hearing)(?: (?:you|it|that|anything|the voice|properly|well))*",
        r"(?:it is|you are|that is|the voice is) (?:barely|hardly|not) audible",
        r"(?:i|we) (?:can not|could not) (?:make out|catch) (?:what (?:you|it|she|he) (?:are|is) "
        r"saying|you|it|a word|anything|the words)",
        rf"(?:the )?volume is (?:{_INTENS} )*(?:too |very |so |really )?low",
        rf"(?:(?:{_IT}) (?:is|are|was) )?(?:{_INTENS} )*(?:too|very|so|really|way too|"
        rf"quite|super) (?:quiet|soft|low|faint|muffled)(?: (?:in here|for me|for us|right now))?",
        rf"(?:it is|that is|this is|you are) (?:{_INTENS} )*(?:quiet|faint)",
        rf"(?:it is |that is |this is )?(?:{_INTENS} )*(?:hard|difficult) to (?:hear|understand)"
        rf"(?: (?:you|it|that|the voice))?",
        rf"(?:crank|pump|turn|bring|dial|jack|push|boost|raise|increase|up|bump|bump up|max|"
        rf"max out) (?:up )?(?:the |your )?(?:volume|sound|voice|speaker)(?: up)?(?: {_DEG})?",
        rf"(?:i|we)(?: really| just)? (?:barely|hardly|can barely|can hardly|could barely|"
        rf"could hardly|can only just|can not quite|can not really|could not really|"
        rf"can not|could not|am struggling to|are struggling to|am straining to) (?:hear|make out|"
        rf"catch) (?:{_HEARD_OBJ}|you|anything|a thing|the voice|what (?:you|it) (?:are|is) "
        rf"saying)?"
        rf"(?: (?:over|with|from) (?:the |all the |this |that |my |our |all this )?\w+"
        rf"(?: \w+)?)?(?: (?:at all|properly|very well|well|from here|over here))*",
        r"(?:i|we) (?:can not|could not|can barely|can hardly) make (?:it|that|you|this|"
        r"the words|anything|the words) out",
        rf"(?:i|we) (?:need|want|would like) (?:it|you|the voice|the volume) (?:{_DEG} )?"
        rf"(?:louder|higher|up)",
        r"(?:a |the )?(?:louder|higher) (?:setting|volume|option|mode|version)",
        r"(?:more|higher|bigger|extra) (?:volume|sound)(?: please)?",
        *_manner(_MANNER["louder"]),
        r"(?:i|we) (?:can not|could not|can barely|can hardly) (?:hear|catch|make out) a (?:word|"
        r"thing)(?: (?:you|it|she|he) (?:are|is) saying| (?:you|it) said)?",
        rf"be (?:turned|cranked|put|bumped|brought|pumped|made) (?:up|louder)(?: {_DEG})?",
        r"be (?:raised|increased|boosted)",
    ],
    "quieter": [
        rf"(?:{_DEG} )?(?:quieter|softer)(?: {_DEG})?(?: (?:please|volume))?",
        rf"(?:{_SPEAK}) (?:{_DEG} )?(?:quieter|softer|more quietly|more softly|quietly|softly|"
        rf"lower|less loud|less loudly)(?: {_DEG})?",
        rf"whisper(?: {_DEG})?", r"go lower(?: volume wise)?", r"volume wise",
        rf"(?:turn|bring|put|dial|tone|take) (?:it|that|this|the volume|the sound|yourself|"
        rf"you|the voice|her|him|things) down(?: {_DEG})?(?: a (?:notch|bit|little|touch))?",
        rf"(?:turn|bring|dial|tone) down (?:the |your )?(?:volume|sound|voice)(?: {_DEG})?",
        r"(?:the )?volume down", r"(?:less|lower) volume", rf"lower(?: {_DEG})?",
        rf"(?:the )?volume is (?:{_INTENS} )*(?:too |very |so |really )?(?:high|loud)",
        rf"(?:make|turn|put|set|get) (?:the volume|it|the sound|the voice|that|this) "
        rf"(?:lower|down)(?: {_DEG})?",
        rf"(?:lower|reduce|decrease) (?:the|your) (?:volume|voice|sound)(?: {_DEG})?",
        r"make (?:it|that|this|the voice|your voice) (?:quieter|softer|less loud)",
        rf"(?:(?:do )?not (?:be )?so|(?:{_DEG} )?less) loud(?:ly)?",
        rf"(?:(?:{_IT}) (?:is|are|was) )?(?:{_INTENS} )*(?:too|very|so|really|way too|"
        rf"quite|super|a bit too|a little too|way) loud(?: (?:in here|for me|for us|right now))?",
        rf"(?:it|that|this|you) (?:is|are) (?:{_INTENS} )*(?:loud|blasting|blaring)",
        rf"(?:it|that|this|you) (?:is|are) (?:{_INTENS} )*(?:hurting|killing) my ears",
        r"shh+(?: shh+)*", rf"hush(?: {_DEG})?",
        rf"keep (?:it|your voice|the volume|the noise|things) down(?: {_DEG})?",
        rf"quiet (?:down|it down)(?: {_DEG})?",
        rf"(?:crank|turn|bring|dial|tone|take|knock|drop|lower|reduce|decrease|cut) (?:down )?"
        rf"(?:the |your )?(?:volume|sound|voice|speaker)(?: down)?(?: {_DEG})?",
        rf"(?:i|we) (?:need|want|would like) (?:it|you|the voice|the volume) (?:{_DEG} )?"
        rf"(?:quieter|softer|lower|down)",
        r"(?:a |the )?(?:quieter|lower|softer) (?:setting|volume|option|mode|version)",
        r"(?:use |with )?(?:your|an) (?:inside|indoor) voice",
        rf"(?:it is|you are|that is|this is) (?:{_INTENS} )*(?:too |so |very |really |way too |"
        rf"a bit )?(?:blaring|booming|deafening|piercing|loud)(?: (?:for me|for us|in here|"
        rf"right now|for this time of night))?",
        *_manner(_MANNER["quieter"]),
        rf"be (?:turned|put|brought|dialed|dialled|toned|made) (?:down|quieter|softer|lower)"
        rf"(?: {_DEG})?", r"be (?:lowered|reduced|decreased)",
        r"(?:do not|not|no need to|stop|please do not) (?:shout|shouting|yell|yelling|scream|"
        r"screaming|blast|blasting|boom|booming)(?: (?:please|so much|like that))*",
        rf"lower (?:it|that|this|yourself|her|him)(?: {_DEG})?",
    ],
    "voice": [
        rf"(?:(?:i|we)(?: would| really| would really| would much| kind of)? )?"
        rf"(?:change|switch|swap|try|use|pick|choose|select|get|have|hear|give (?:us|me)|"
        rf"want|need|prefer|like|try out|switch to|change to|go to|go with|put on) "
        rf"(?:to )?(?:the |a |an |another |some |your |one )?(?:{_VOICE_ADJ} )*voices?"
        rf"(?: (?:to|for) (?:a |an |the |another )?(?:{_VOICE_ADJ} )*(?:voice|one|woman|man|"
        rf"female|male|girl|guy|lady|\w+'s(?: voice)?))?(?: {_DEG})?",
        rf"(?:a |an |another |the |some |one )?(?:{_VOICE_ADJ} )+voice(?: {_DEG})?",
        r"voice change", r"(?:a )?change of voice",
        rf"(?:another|a different|a new|the other|some other|a nicer|a better) "
        rf"(?:{_VOICE_ADJ} )*voices?(?: instead)?",
        rf"(?:do|does) (?:you|it) have (?:a |an |another |any |other |some )?(?:{_VOICE_ADJ} )*"
        r"voices?", rf"(?:are there|is there) (?:a |an |any |some )?(?:{_VOICE_ADJ} )*voices?",
        r"new voices?", r"next voice",
        r"(?:change|switch|swap|try) (?:the )?(?:speaker|voices|narrator)",
        rf"be (?:a |an |another )?(?:{_VOICE_ADJ} )*voice",
        rf"(?:talk|speak|say it|read|say things|do it) (?:in|with) (?:a |an |the |another )?"
        rf"(?:{_VOICE_ADJ} )*voice",
        r"sound (?:like )?(?:someone|somebody) else", r"sound different",
        r"(?:someone|somebody) else(?:'s voice)?",
        r"i (?:do not|really do not|kind of do not|do not really) like (?:this|that|the) "
        r"voice(?: (?:much|at all|very much|sorry))*",
        rf"(?:this|that|the) voice is (?:{_INTENS} )*(?:annoying|creepy|weird|irritating|"
        rf"grating|awful|terrible|horrible|robotic|too robotic|strange|off|unsettling|harsh|"
        rf"cold|flat|fake|monotone|boring|scary|irritating me|too harsh|too cold|"
        rf"getting on my nerves|annoying me|creeping me out)",
        rf"(?:i|we)(?: really| honestly| just)? (?:do not|really do not|kind of do not|"
        rf"do not really|can not|really can not) (?:like|love|care for|enjoy|stand|bear) "
        rf"(?:this|that|the|your|her|his) (?:{_VOICE_ADJ} )*voice(?: (?:much|at all|very much|"
        rf"sorry|anymore))*",
        r"(?:i|we)(?: really| honestly| kind of)? (?:hate|dislike|am not keen on|"
        r"am not crazy about|am not a fan of|am not into|are not fans of|are not keen on) "
        r"(?:this|that|the|your|her|his) voice(?: (?:much|at all|sorry))*",
        r"not (?:a fan of|keen on|crazy about|loving) (?:this|that|the|your) voice",
        rf"(?:this|that|the|your) voice (?:sounds|is|seems|feels) (?:{_INTENS} )*(?:annoying|"
        rf"creepy|weird|irritating|grating|awful|terrible|horrible|robotic|strange|off|"
        rf"unsettling|harsh|cold|flat|fake|monotone|boring|scary|mechanical|shrill|unnatural|"
        rf"(?:too|a bit) (?!slow|fast|quick|loud|quiet|soft|low|high)\w+)",
        r"(?:this|that|the|your) voice (?:gives me the creeps|creeps me out|grates on me|"
        r"gets on my nerves|is getting to me|is getting on my nerves|is doing my head in|"
        r"is driving me (?:crazy|nuts|mad|up the wall)|is freaking me out|is bugging me|"
        r"is annoying me|is irritating me|is bothering me|bothers me|annoys me)",
        rf"(?:hear|have|do|say|read|put) (?:it|this|that|things|everything) (?:in|with) "
        rf"(?:a |an |the |another )?(?:{_VOICE_ADJ} )*voice",
        rf"(?:{_SPEAK}|sound|talk|speak) (?:less|more) (?:robotic|human|natural|warm|mechanical|"
        rf"friendly|real|like a person|like a human)",
        r"(?:sound|talk|speak) (?:like|as) (?:a |an )?(?:man|woman|human|person|real person|"
        r"guy|lady|girl|someone else|somebody else)",
        r"(?:change|switch|swap) (?:the |this |that |your )?voice to (?:something|someone|"
        r"somebody|a|an|the)(?: \w+){0,3}",
        r"i (?:do not|really do not) like (?:how|the way) (?:it|she|he|you|the voice|this voice|"
        r"that voice) (?:sounds|talks|speaks)",
        rf"(?:change|switch|swap|replace|update) (?:the |this |that |your )?(?:accent|narrator|"
        rf"speaker|reader)(?: (?:to|for) (?:a |an |the |another )?(?:{_VOICE_ADJ} )*(?:voice|"
        rf"one))?",
        r"change (?:how|the way) (?:the voice|it|you|she|he) (?:sounds?|talks?|speaks?)",
        r"(?:sound|talk|speak) (?:less|more) like (?:a |an )?\w+",
        r"what (?:other )?voices (?:are there|do you have|are available|can (?:i|we) (?:choose|"
        r"pick|use)|have you got)",
        rf"(?:an |any |some )?options? (?:for|of) (?:a |an |another |other )?(?:{_VOICE_ADJ} )*"
        rf"voices?", r"be (?:changed|switched|swapped|replaced)(?: (?:please|now))?",
        r"not (?:that|this|the) voice(?: again| please)?",
    ],
    "pause": [
        rf"pause(?: (?:it|this|that|things|everything|the session|the dialogue|"
        rf"the conversation|the exercise|for now|here|there|please|pause|{_DUR}|for {_DUR}|"
        rf"a sec|for a sec))*",
        r"(?:hold|hang) on(?: (?:a |one |just a )?(?:sec|second|moment|minute|bit|tick|"
        r"little|mo)| (?:there|please|hold on|hang on))*",
        r"hold (?:it|up|that thought|everything|that|the phone|your horses)",
        r"wait(?: wait)*(?: (?:a|one|just a) (?:sec|second|moment|minute|bit|tick|mo|"
        r"little))?(?: please)?",
        rf"(?:{_DUR})(?: please)?",
        rf"give (?:me|us) (?:{_DUR}|a (?:break|breather|sec|second|moment|minute)|"
        rf"(?:a |some )?(?:time|space)|(?:two|2|five|5|a few|a couple of|a couple) "
        rf"(?:minutes|mins|seconds|secs))",
        r"take (?:a |five|5|ten|10|a short |a quick |a little |a small |a few |some )?"
        r"(?:break|breather|pause|minute|moment|second|sec|time out|five|5|ten|10|beat)",
        r"(?:i|we)(?: all| both| just| really| kind of| desperately)? (?:need|want|could use|"
        r"would like|would love|have to have|gotta have) (?:a|some|a short|a quick|"
        r"a little|a small|one|a tiny|a wee|a five minute|five|a) ?(?:break|breather|"
        r"minute|moment|second|sec|pause|time out|rest)(?: (?:please|real quick|quickly))?",
        r"(?:can|could|may) (?:we|i) (?:have|get|grab) (?:a|some|a short|a quick|one) "
        r"(?:break|breather|minute|moment|second|pause|sec)",
        r"(?:a |short |quick )?break(?: (?:please|time|for a (?:minute|moment|sec|second)))?",
        r"time ?out", r"timeout", r"be right back", rf"back in (?:{_DUR}|a (?:sec|second|"
        rf"minute|moment|bit|jiffy))",
        rf"stop for (?:{_DUR}|a (?:sec|second|moment|minute|bit|while))",
        rf"(?:i|we) (?:need|have|got|want) to (?:step away|step out|pop out|run|go|nip out|"
        rf"leave|check something|grab something|get something|deal with something)"
        rf"(?: for)? (?:{_DUR}|a (?:sec|second|moment|minute|bit))",
        r"(?:freeze|halt)(?: (?:it|there|everything))?", r"be right back(?: \w+){0,3}",
        r"(?:one|just a|a) (?:sec|second|moment|minute) (?:please|wait)",
        r"(?:hit|press|push|click|tap) (?:the )?pause(?: button)?",
        r"put (?:it|this|things|us|the session|everything|that) on (?:pause|hold)",
        r"(?:i|we)(?: just| really)? (?:need|want|would like|could use|could do with) (?:a|one|"
        r"some|a few|a short|a quick|a little|a couple of|just a) ?(?:minute|minutes|moment|"
        r"moments|second|seconds|sec|secs|break|breather|pause|time out)(?: to (?:collect|"
        r"compose|gather|calm|pull|settle|steady) (?:myself|ourselves|my thoughts|down)"
        r"(?: together)?| to (?:breathe|think|cool down|calm down|settle|regroup|reset|"
        r"catch (?:my|our) breath|get (?:some |a )?(?:water|drink|tissue|tissues)|"
        r"grab (?:some |a )?\w+))?",
        r"(?:i|we) (?:need|have|got) to (?:get|answer) (?:the door|the phone|that|this call|"
        r"the call)|(?:i|we) (?:need|have|got) to take this(?: call)?",
        r"bear with (?:me|us)(?: (?:a|one|just a) (?:sec|second|moment|minute))?",
        r"hang tight", r"(?:break|halt) for (?:a|one) (?:sec|second|moment|minute|bit)",
        r"stop (?:a|one|just a) (?:sec|second|moment|minute)",
        rf"(?:give (?:me|us)|(?:i|we)(?: just)? need|wait|hold on|hang on) (?:{_DUR}|a (?:break|"
        rf"breather|sec|second|moment|minute)|(?:two|2|five|5|a few|a couple of) (?:minutes|"
        rf"seconds)) (?:{_SETTLE})",
        rf"(?:i|we) (?:need to|have to|got to|am going to|are going to|will|will just|"
        rf"am just going to|am gonna|am just gonna) (?:step away|step out|pop out|run out|"
        rf"nip out|go out|pop away|duck out)(?: (?:for )?(?:{_DUR}|a (?:sec|second|moment|"
        rf"minute|bit)))?",
        r"(?:how about|what about|any chance of|time for|ready for|up for) (?:a |some |a quick |"
        r"a short |a little )?(?:break|breather|pause|time out)",
        r"(?:i|we) (?:need|have) to (?:pee|wee|go to the (?:bathroom|toilet|loo)|use the "
        r"(?:bathroom|toilet|loo))(?: (?:real quick|quickly))?",
        r"(?:i )?need the (?:bathroom|toilet|loo)|(?:a )?(?:bathroom|toilet|loo) break",
        r"(?:someone|somebody) is at the door|there is (?:someone|somebody) at the door|"
        r"(?:the|my|our) (?:phone|doorbell|door|landline) is ringing|"
        r"(?:the|my|our) (?:baby|kids?|little one|son|daughter) (?:is|are) (?:crying|awake|up|"
        r"calling (?:me|us))|the baby (?:woke|is waking) up",
        rf"back in (?:{_DUR}|(?:two|2|five|5|ten|10|a few)(?: (?:minutes|mins|secs|seconds))?)",
        r"wait up",
        r"(?:have|grab|get) (?:a|some|one|a short|a quick|a little) (?:break|breather|minute|"
        r"moment|second|pause|sec)",
    ],
    "resume": [
        r"resume(?: (?:it|the session|the dialogue|please|now|where we (?:were|left off|"
        r"stopped)|from where we (?:were|left off|stopped)))*",
        r"unpause(?: (?:it|the session|please|now))*",
        r"continue(?: (?:now|please|on|the session|the dialogue|where we (?:were|left off|"
        r"stopped)|from where we (?:were|left off|stopped)))*",
        r"(?:carry|go|move) on(?: (?:please|now|then|where we left off))*",
        r"keep (?:going|on|it going)(?: (?:please|now|then))*",
        r"go ahead(?: (?:please|now|then))*", r"proceed",
        r"(?:get|getting|let us get) (?:going|started|back to it|back into it) again",
        r"(?:go|start|begin|start it|try it) again(?: from where we (?:stopped|left off|were))?",
        r"(?:start|begin|let us start|let us go) again from where we (?:stopped|left off|were)",
        r"pick (?:it |this |things )?(?:back up|up again|up (?:from )?where we (?:left off|"
        r"stopped|were))",
        r"(?:let us )?(?:get )?back (?:to|into) it",
        r"back to (?:the|our) (?:session|dialogue|exercise)",
        r"(?:we are|i am|we're) back(?: now| again| here)?",
        r"(?:we are|i am) (?:ready|good|set) (?:again|to (?:continue|go on|go again|keep going|"
        r"resume|start again|carry on|pick up again))(?: now)?",
        r"ready (?:to (?:continue|go on|go again|keep going|resume|start again|carry on)|again)",
        r"(?:okay |right |so )?where were we",
        r"(?:we can|you can|let us|we could) (?:continue|carry on|go on|keep going|resume|"
        r"start again|go again)(?: now)?",
        r"(?:back to|let us get back to|return to) (?:business|work|the (?:session|dialogue|"
        r"exercise|conversation))",
        r"(?:unfreeze|restart)(?: (?:it|the session|please))?",
        r"(?:pick|start) (?:it |this |things )?(?:back )?up (?:again|from where we (?:were|"
        r"left off|stopped|paused))",
        r"(?:continue|resume|carry on|go on|keep going|pick up|start again) (?:from )?where "
        r"(?:we|you) (?:were|left off|stopped|paused)",
    ],
    "help": [
        r"help(?: (?:me|us|please|me out|us out|help|here|now|again|a bit|a little))*",
        rf"(?:i|we) (?:need|could use|would like|want) (?:some |a little )?help(?: (?:please|"
        rf"here|with (?:this|this {_PART}|that|it|the {_PROTO}(?: {_PART})?|what to say)))*",
        rf"what (?:do|should|can|could|would|must|shall) (?:i|we) (?:say|do|answer|reply|"
        rf"start with|talk about|be saying|be doing)(?: (?:now|here|next|then|again|exactly|"
        rf"for this(?: {_PART})?|at this (?:point|step|stage)|in this {_PART}|to that))*",
        rf"what (?:am|are) (?:i|we) (?:supposed|meant|expected|meant) to (?:say|do|"
        rf"answer|reply)(?: (?:now|here|next|then|again|exactly|for this(?: {_PART})?|"
        rf"at this (?:point|step|stage)|in this {_PART}|to that))*",
        r"what (?:should|do) (?:i|we) be (?:saying|doing)(?: (?:now|here))*",
        r"what (?:do|does|did) (?:it|this|you|the voice|the thing|the computer) (?:want|need|"
        r"expect) (?:me|us) to (?:say|answer)(?: (?:now|here|next))*",
        rf"how (?:do|should|can|would|am) (?:i|we) (?:do|answer|start|begin|mirror|validate|"
        rf"empathize|empathise|say it|do it|respond|reply|supposed to do|supposed to answer)"
        rf"(?: (?:this|that|it|this {_PART}|the {_PROTO}(?: {_PART})?|here|now|again|"
        rf"exactly|to (?:that|this|it|the question)))*",
        rf"how (?:does|do) (?:this|it|the {_PROTO}|{_PROTO}|this {_PART}|the {_PART})(?: thing)? "
        rf"work",
        r"(?:i|we) (?:do not|did not|really do not) (?:know|understand|get) (?:what|how) "
        r"(?:to (?:say|do|answer|start|begin|reply)|(?:i am|we are|i am meant|i was) "
        r"(?:supposed|meant) to (?:say|do|answer))(?: (?:here|now|next|at all))*",
        r"(?:i|we) (?:do not|did not|really do not) (?:know|understand|get) what "
        r"(?:you|it) (?:want|wants) (?:me|us) to (?:say|do|answer)(?: (?:here|now|next))*",
        rf"(?:i|we) (?:have no idea|have no clue|am not sure|are not sure|am unsure) "
        rf"(?:what|how) to (?:say|do|answer|start|begin|reply)(?: (?:this|that|it|this {_PART}|"
        rf"here|now|next))*",
        r"(?:explain|tell me|tell us|show me|show us) (?:what|how) (?:i am|we are|i|we) "
        r"(?:supposed to|meant to|should|to) (?:say|do|answer)(?: (?:here|now|next))*",
        r"what is the (?:next|first) thing (?:i|we) (?:say|do|should say|should do|have to say)",
        r"(?:i have )?no (?:idea|clue) (?:what|how) to (?:say|do|answer|start)(?: (?:here|now))*",
        r"what (?:do|should|can) (?:i|we) do with (?:this|that|it)(?: (?:here|now))*",
        r"what (?:kind|sort) of (?:thing|things) (?:should|do|can|am|are) (?:i|we) "
        r"(?:say|do|supposed to say)(?: (?:here|now))*",
        rf"(?:i|we) (?:do not|really do not) (?:understand|get) (?:this|the|that) (?:{_PART})",
        rf"help (?:me|us) (?:with|through|out with) (?:this|that|it|this {_PART}|that {_PART}|"
        rf"the {_PROTO}(?: {_PART})?)",
        r"(?:i|we) (?:do not|really do not) (?:understand|get) what (?:i|we) (?:am|are) "
        r"(?:supposed|meant) to (?:say|do|answer)(?: (?:here|now))*",
        r"i am(?: so| a bit| kind of| totally| completely)? (?:lost|confused|stuck)"
        r"(?: here| now)?",
        r"what (?:now|next)", r"what is next", r"what happens (?:now|next)",
        r"what is (?:supposed|meant) to happen(?: (?:here|now|next))*",
        r"(?:give|show) (?:me|us) an example(?: (?:of what to say|please))*",
        r"give an example(?: of what to say)?", r"(?:an )?example please",
        r"(?:give|show) (?:me|us) (?:a hint|some help|a clue)",
        rf"explain (?:the )?(?:{_PROTO})(?: {_PART})?(?: (?:again|please|to me|to us))*",
        rf"explain(?: (?:this|that|it|this {_PART}|what to do|what i do here|"
        rf"what i should say|how this works|again|please|the {_PROTO}(?: {_PART})?))*",
        rf"what (?:does|do) (?:the word )?(?:{_PROTO_NAMES}|this {_PART}|the {_PROTO} {_PART}) "
        rf"(?:mean|involve)(?: (?:again|exactly|here))*",
        rf"what do (?:you|they) mean by (?:{_PROTO_NAMES}|{_PROTO})",
        rf"(?:give|show|get|have) (?:me |us )?(?:an |some |a few )?(?:idea|ideas|example|examples|"
        rf"hint|hints|tip|tips|suggestion|suggestions|pointers) (?:of|for|on|about) {_TODO}",
        rf"what is (?:a |an |the )?(?:{_PROTO_NAMES})(?: (?:thing|{_PART}))?(?: again)?",
        r"how do (?:i|we) do (?:that|this|it)(?: (?:again|exactly))*",
        rf"(?:i|we) (?:do not|did not|really do not|honestly do not) (?:know|understand|get|see) "
        rf"{_TODO}",
        rf"(?:i|we) (?:am|are) (?:not (?:quite |totally |entirely |a hundred percent )?"
        rf"(?:sure|certain|clear)|unsure|confused about|lost on|clueless about) {_TODO}",
        rf"(?:i|we) (?:have|have got) (?:no|not a|not any) (?:idea|clue) {_TODO}",
        rf"no (?:idea|clue) {_TODO}",
        rf"(?:tell|show|remind|explain to|teach) (?:me|us) {_TODO}",
        rf"what is (?:this {_PART}|the {_PART}|this (?:{_PROTO_NAMES})(?: {_PART})?) (?:for|about|"
        rf"supposed to be|meant to be)(?: again| exactly)?",
        r"what is (?:this|that|it) (?:for|supposed to be for)(?: again| exactly)?",
        rf"what (?:this|the|this {_PART}|the {_PART}|it) (?:wants|needs|expects) (?:from|of) "
        rf"(?:me|us)(?: (?:here|now|exactly))*",
        rf"what is the (?:point|purpose|idea|goal|aim) (?:of|behind|with) (?:this|that|it|"
        rf"this {_PART}|the {_PART})(?: again| exactly)?",
        rf"how (?:does|do) (?:this|it|the {_PROTO}|{_PROTO}|this {_PART}|the {_PART})(?: thing)? "
        rf"work(?: again| exactly| here)*",
        rf"(?:explain|describe) (?:this|that|it|this {_PART}|the {_PART}|what (?:this|it|"
        rf"the {_PART}|this {_PART}) is (?:for|about)|how (?:this|it) works|the point of "
        rf"(?:this|it))(?: (?:again|please|to me|to us))*",
        rf"(?:walk|talk|take|guide|help) (?:me|us) through (?:this|it|that|this {_PART}|"
        rf"the {_PART}|what to do)(?: again)?",
        r"(?:get|have|give (?:me|us)) (?:a |an |some )?(?:hint|example|help|tip|pointer|clue|"
        r"bit of help)",
        r"(?:a |an )?(?:hint|example|tip|clue)(?: please)?",
        r"what is the (?:sentence|line|phrase|wording|stem|script|format|formula|template|"
        r"first line|opening line|words|sentence stem) (?:(?:i|we) (?:am |are )?(?:supposed to|"
        r"meant to|should|have to|need to) )?(?:say|use|start with|begin with|start|begin)"
        r"(?: (?:again|with|here))*",
        r"where (?:do|should) (?:i|we) (?:start|begin)",
        r"(?:is it|whose) (?:my|our|his|her|your) turn(?: now| next)?",
        r"which (?:step|part|bit|stage|one) (?:are we|is this|am i)(?: (?:on|in|at|doing))?",
        r"what (?:are|am) (?:we|i) (?:supposed to be |meant to be )?doing(?: (?:now|here|next|"
        r"again|exactly))*",
        r"what (?:do|does|did) (?:it|this|you|the voice|the thing|the computer) (?:want|need|"
        r"expect) (?:me|us) to (?:do|say|answer)(?: (?:now|here|next|exactly))*",
        r"how (?:do|should|can) (?:i|we) (?:say it back|repeat it back|mirror (?:it|that|this))"
        r"(?: (?:again|exactly|here|now))*",
        rf"how (?:am|are) (?:i|we) (?:supposed|meant|expected) to (?:{_TODO_VERB})"
        rf"(?: (?:this|that|it|here|now|this {_PART}))*",
        r"what (?:kind|sort|type) of (?:feeling words?|feelings?|things?|words?|answers?|stuff|"
        r"sentence)(?: (?:should|do|can|am|are|must) (?:i|we) (?:say|use|give|supposed to "
        r"say|pick))?",
        r"(?:get|have|give (?:me|us)) (?:a |an |some |a bit of |a little )?(?:guidance|direction|"
        r"pointers)",
        rf"(?:get|have|give (?:me|us)) (?:a |an |some |a bit of |a little )?(?:hint|example|"
        rf"help|tip|pointer|clue|guidance) (?:with|for|on) (?:this|that|it|this {_PART}|"
        rf"the {_PROTO}(?: {_PART})?|what to say)",
        r"what (?:are|were) the (?:instructions|rules|steps)(?: again| here)?",
        rf"(?:i|we) (?:forgot|have forgotten|forget) (?:{_TODO}|the instructions|how this works|"
        rf"how it works|the rules)",
        r"(?:guide|coach) (?:me|us)(?: through (?:this|it))?",
        r"(?:rephrase|reword|put) (?:that|it|the question|this)(?: (?:another way|differently|"
        r"in other words|for me))?|say (?:that|it) (?:another way|differently)",
        r"(?:what is|give (?:me|us)|show (?:me|us)|(?:can|could) (?:i|we) (?:get|have)) "
        r"(?:an |some )?examples? of (?:a |an )?(?:feeling|feeling word|feelings|feeling words|"
        r"what to say|a good answer|an answer|what i could say|a mirror|a validation|"
        r"an appreciation)",
        rf"(?:i|we) (?:am|are) (?:not sure|unsure) what (?:you|it) (?:want|wants|need|needs|expect|"
        rf"expects) (?:from|of) (?:me|us) (?:here|now|at this (?:point|step)|in this (?:{_PART}))",
    ],
    "skip": [
        rf"skip(?: (?:it|this|that|ahead|forward|this one|that one|this {_PART}|that {_PART}|"
        rf"the rest|to the end|past this|past it|over this|over it|for now|please|"
        rf"(?:to )?(?:the )?(?:{_PROTO})(?: {_PART})?|to the (?:next|last|final) {_PART}|"
        rf"(?:to )?the {_PART}|this for now|it for now|ahead to the (?:next|last) {_PART}|"
        rf"tonight|for tonight|today|for today|this time))*",
        r"next(?: (?:one|step|part|question|bit|section|stage|prompt|please))*",
        rf"(?:go|move|jump|skip|get|take us|take me|fast forward) (?:on |ahead )?to the "
        rf"(?:next|last|final) (?:{_PART})",
        rf"(?:go|move|jump|skip) (?:on |ahead )?to (?:the )?(?:{_PROTO})(?: {_PART})?",
        rf"(?:move|moving) on(?: (?:to the next (?:{_PART})|please|now|from (?:this|that|here)"
        rf"(?: one| {_PART})?))*",
        r"(?:fast forward|jump ahead|skip forward)",
        rf"(?:can we )?do the next (?:one|{_PART})",
        rf"pass(?: on (?:this|that|it)(?: one| {_PART})?)?",
        rf"(?:i|we) will pass(?: on (?:this|that|it)(?: one| {_PART})?)?",
        rf"(?:jump|get|go|move|skip|step) (?:past|over|beyond) (?:this|that|it)(?: one| {_PART})?",
        rf"(?:leave|drop|cut) (?:this|that|it)(?: one| {_PART})? out",
        rf"(?:leave|drop|cut) out (?:this|that)(?: one| {_PART})?",
        rf"(?:we|i) do not (?:need|have) to do (?:this|that)(?: one| {_PART})",
        rf"(?:not do|not) (?:this|that) (?:one|{_PART})(?: (?:tonight|now|today))?",
        rf"on to (?:the )?next(?: one| {_PART})?", r"onwards",
        rf"(?:go|move|get|jump) (?:on )?to the (?:following|next) (?:one|{_PART})",
        rf"skip the rest(?: of (?:this|it|this {_PART}|the {_PART}))?",
        rf"(?:leave|park|save) (?:this|that|it)(?: one| {_PART})? (?:for now|for later|"
        rf"for another time|for next time|till later|until later)",
        rf"(?:i|we) (?:do not|really do not) want to do (?:this|that) (?:one|{_PART})"
        rf"(?: (?:tonight|now|today))?",
        rf"(?:leave|drop) (?:this|that) (?:one|{_PART})",
    ],
    "back": [
        rf"(?:go|going|come|get|take (?:me|us|it)|bring (?:me|us|it)|move|jump|step|head) "
        rf"back(?: (?:one|a step|one step|a bit|a little|a second|two steps|a question|"
        rf"one question|a {_PART}|please|again|up|to (?:{_BACK_TARGET})))*",
        rf"back(?: (?:one|a step|one step|up|up a step|up one|up one step|please|"
        rf"to (?:{_BACK_TARGET})|a {_PART}))*",
        r"(?:one|a) step back", r"step back(?: one)?",
        r"(?:go|move|step|take (?:me|us)) (?:one|a) step back(?:wards?)?",
        rf"undo(?: (?:that|it|this|the last (?:one|answer|{_PART})|that last (?:one|bit|answer|"
        rf"{_PART})|please|what i (?:just )?said|my (?:last )?answer|that answer))*",
        rf"(?:the )?previous(?: (?:{_PART}|please))*",
        rf"(?:return|rewind|revert|jump) (?:back )?(?:to (?:{_BACK_TARGET}))",
        r"(?:rewind|revert)(?: (?:a bit|a little|a step|that|it|one))*",
        r"(?:let me|can i|could i) (?:redo|try) (?:that|it|my answer) again",
        rf"redo (?:that|it|the last (?:{_PART}))",
        r"back (?:up )?(?:a|one) (?:sec|second|moment|bit|little|minute|step|notch)",
        r"(?:go|going|move|step) backwards?(?: (?:one|a step|a bit))?",
        rf"(?:redo|re do|do over) (?:that|it|this|that {_PART}|this {_PART}|the last (?:one|"
        rf"{_PART}|answer)|my (?:last )?answer|that answer|my {_PART})",
        rf"(?:let me|let us|can i|could i|can we|could we|may i) (?:do|try|answer|say) (?:that|it|"
        rf"my answer|that {_PART}|the last (?:one|{_PART})) (?:again|over)",
        r"take (?:that|it|my answer) back", r"scratch that",
        r"(?:fix|correct|change) (?:my|that) (?:last )?answer",
        r"(?:go )?back and (?:change|fix|redo|correct|say|try|answer|do) (?:my answer|that|it|"
        r"it again|that again|again|my last answer)",
        r"(?:change|fix|correct|redo|take back|undo) what (?:i|we) (?:just )?(?:said|answered|"
        r"put)",
        r"(?:go )?back to where (?:i|we) (?:was|were)(?: (?:talking|speaking|before))?",
    ],
    "stop": [
        rf"stop(?: (?:{_STOP_OBJ}))*",
        rf"(?:end|finish|close|conclude|wrap up|wrap|quit|exit|leave|terminate) "
        rf"(?:it |this |things |the session |this session |the dialogue |the exercise |"
        rf"the conversation |the whole thing |everything )?(?:{_STOP_OBJ_END})"
        rf"(?: (?:{_STOP_OBJ}))*",
        rf"(?:end|finish|close|conclude|quit|exit|terminate) (?:the |this )?(?:session|dialogue|"
        rf"exercise|conversation|thing|app|program)(?: (?:{_STOP_OBJ}))*",
        rf"(?:end|finish) it(?: (?:{_STOP_OBJ}))*", rf"end this(?: (?:{_STOP_OBJ}))*",
        r"end(?: (?:now|please|here))*",
        rf"(?:turn|switch|shut|power|close) (?:it|this|yourself|the (?:app|program|thing|"
        rf"session|computer|facilitator)|this thing|that thing|everything) (?:off|down)"
        rf"(?: (?:{_STOP_OBJ}))*",
        rf"(?:turn|switch|shut|power) (?:off|down)(?: (?:the )?(?:app|program|thing|session|"
        rf"facilitator))?(?: (?:{_STOP_OBJ}))*",
        rf"call it (?:a )?(?:night|day|wrap|evening|quits)(?: (?:{_STOP_OBJ}))*",
        r"(?:that is|that will be|this is|that should be) enough for "
        r"(?:today|tonight|now|the night|the day|this evening|this time|one night)",
        r"enough for (?:today|tonight|now|the night|one night|this evening)",
        r"(?:we are|i am|we have|i have) (?:done|finished|through|had enough) for "
        r"(?:today|tonight|now|the night|the day|this evening)",
        rf"(?:i am|we are) (?:stopping|ending|quitting|finishing) (?:the session|this|it|now|"
        rf"here|this session|the dialogue)(?: (?:{_STOP_OBJ}))*",
        r"quit(?: (?:it|this|now|the session|please))*", r"exit(?: (?:the session|now|please))*",
        r"abort(?: (?:it|this|the session))?",
        rf"cancel (?:the session|this|it|session|everything)(?: (?:{_STOP_OBJ}))*",
        r"(?:leave|call|wrap) (?:it|this|things) (?:here|there|up)(?: (?:for (?:today|tonight|"
        r"now|the night)))+",
        r"(?:no more|not anymore)(?: (?:for )?(?:tonight|today|now|this evening))?(?: please)?",
        r"(?:i|we) quit",
        r"(?:the )?session (?:is )?over", r"(?:we are|we have) finished for (?:today|tonight)",
        rf"(?:i|we) (?:want|need|would like) (?:it|this|the session) to (?:stop|end)"
        rf"(?: (?:{_STOP_OBJ}))*",
        rf"wind (?:it|this|things) (?:up|down)(?: (?:{_STOP_OBJ}))*",
        r"(?:i am|we are) (?:stopping|finishing|quitting)(?: (?:now|here|there|for (?:tonight|"
        r"today|now)))?",
        r"(?:i am|we are) (?:calling|ending|finishing|stopping|wrapping) (?:it|this|things)"
        r"(?: (?:up|here|now|a night|a day|there))*",
        r"(?:i am|we are) (?:done|finished|through) (?:with (?:this|it|the session|this session) )?"
        r"(?:for )?(?:tonight|today|now|the night|this evening)",
        r"close (?:it|this|the app|the program|the session)(?: (?:down|now|please))?",
    ],
}

# Said this way the command is only a discourse marker when more follows ("wait, who's
# talking first?", "what? say that again"): it counts when nothing else is asked.
_WEAK = {
    "repeat": r"(?:what|huh|eh|sorry what|what what|hmm what|uh what|wait what|what sorry)",
    "pause": r"(?:wait(?: wait)*|hold on|hang on|hold up)(?: (?:a|one|just a) (?:sec|second|"
             r"moment|minute|bit|tick|mo|little))?(?: please)?",
}
# At the consent question "go ahead" and "go on" say yes: they resume only after a pause
# ("we're back, you can carry on").
_CONSENT_ANSWERS = re.compile(r"(?:.* )?(?:go ahead|go on|carry on|keep going|proceed|"
                              r"continue|let us go)(?: .*)?")
_RETURNED = re.compile(r"(?:.* )?(?:(?:we are|i am) back|sorry about that|where were we|unpause|"
                       r"resume|ready again|we are here again|i have had (?:some|a) \w+|"
                       r"where we (?:stopped|left off|were))(?: .*)?")
# "Change it" means the voice only beside a word about the voice.
_CONDITIONAL = {"voice": re.compile(
    rf"(?:{_PRE} )*(?:{_ASK} )?(?:(?:change|switch|swap|replace) (?:it|that|her|him|that one|"
    rf"this one|it up)|(?:try|use|pick|get|give us|give me) (?:another|a different|the other|"
    rf"a new|a nicer|a better)(?: one)?)(?: {_POST})*"),
    # "go at normal speed" is faster or slower by the reason said with it
    "speed": re.compile(
        rf"(?:{_PRE} )*(?:{_ASK} )?(?:(?:{_SPEAK}|go back to|back to|return to|switch to|"
        rf"change to|set it to) )?(?:at )?(?:a |the )?(?:normal|regular|usual|default|standard)"
        rf" (?:speed|pace|rate|tempo)(?: {_POST})*")}
_THINKING = re.compile(r"(?:.* )?(?:let me|i need to|i have to|i am trying to|i want to) "
                       r"(?:think|see|remember|get this right|find the words|"
                       r"figure (?:it|this|that) out|say this right)(?: .*)?|(?:i am )?thinking")
# Said for another command, these give way to it: "didn't hear the prompt, go again?"
_YIELDS = {"resume": re.compile(r"(?:.* )?(?:go|start|begin|start it|try it|do it) (?:again|"
                                r"over)(?: .*)?"),
           # "can we just move on, I don't know how to do this": the trouble is the reason
           "help": re.compile(r"(?:(?:i|we) (?:am|are|do not|did not|really do not|have no|"
                              r"am not|are not) .*)")}
_VOICE_WORDS = re.compile(r"\b(?:voice|voices|sounds?|sounding)\b")
_LONGER = re.compile(r"\b(?:minutes|mins|hour|hours|while)\b")
# While paused, being ready is the wish to resume.
_PAUSED_RESUME = r"(?:(?:i|we) (?:am|are) )?(?:ready|good|set|here|ready now|all set)" \
                 r"(?: (?:when you are|now|to go))?" \
                 r"|let us (?:go|do this|do it)|okay let us go|go(?: ahead| on)?|off we go|" \
                 r"go for it|start|begin|(?:we are|i am) good to go"

_LEADS = {name: (_alt(_ASK, _WISH, _HOW) if name in {"stop", "pause", "back", "skip", "resume",
                                                        "voice"} else
                  _ASK if name in {"help", "repeat"} else _alt(_ASK, _HOW)) for name in COMMANDS}
# "I want to end it" is said of a relationship, not of a session.
_BARE_ONLY = {"stop": re.compile(r"(?:.* )?(?:end|finish) (?:it|this)(?: (?:all|now|already|"
                                   r"please|for good|once and for all))*")}


# "Say that again but slower": how to say it again is part of asking for it.
_AGAIN_HOW = (r"(?: (?:but|and|only|just|a bit|a little|this time))* (?:slower|louder|more slowly|"
              r"slowly|more loudly|loudly|more clearly|clearly)(?: this time)?")


# How the facilitator speaks is asked for the evening: "can it be a bit faster today".
_TONIGHT = r"(?: (?:today|tonight|this evening))?"


def _frame(name: str, cores: list[str]) -> re.Pattern:
    how = f"(?:{_AGAIN_HOW})?" if name == "repeat" else _TONIGHT if name in {
        "slower", "faster", "louder", "quieter", "voice"} else ""
    return re.compile(rf"(?:{_PRE} )*(?:{_LEADS[name]} )?(?:{'|'.join(cores)}){how}"
                      rf"(?: {_POST})*")


_GRAMMAR = {name: _frame(name, cores) for name, cores in _CORES.items()}
_GRAMMAR_BARE = {name: re.compile(rf"(?:{_PRE} )*(?:{_ASK} )?(?:{'|'.join(_CORES[name])})"
                                  rf"(?: {_POST})*") for name in _BARE_ONLY}
_GRAMMAR_WEAK = {name: re.compile(rf"(?:{_PRE} )*{core}(?: {_POST})*")
                 for name, core in _WEAK.items()}
_GRAMMAR_PAUSED = re.compile(rf"(?:{_PRE} )*(?:{_PAUSED_RESUME})(?: {_POST})*")
# When two grammars take the same clause, the more specific one is meant.
_ORDER = ("voice", "louder", "quieter", "slower", "faster", "help", "back", "skip", "resume",
          "pause", "stop", "repeat")

# Without a comma, where a command may start inside a clause ("I'm done stop"), where what
# follows a command may start ("hang on the baby's crying"), and words a clause cannot end
# with before either ("I need you to | stop").
_CORE_STARTS = frozenset({
    "i", "we", "can", "could", "would", "will", "let", "please", "sorry", "okay", "alright",
    "stop", "wait", "hold", "hang", "pause", "go", "skip", "undo", "louder", "quieter",
    "slower", "faster", "repeat", "say", "help", "turn", "change", "switch", "continue",
    "resume", "carry", "keep", "speak", "talk", "speed", "slow", "end", "shut", "give",
    "take", "move", "call", "shh", "unpause", "what", "why", "how", "excuse", "pardon", "hey",
    "previous", "rewind", "redo", "explain", "remind",
})
_REST_STARTS = _CORE_STARTS | frozenset({
    "while",
    "it", "this", "that", "the", "my", "our", "someone", "somebody", "everyone", "everybody",
    "there", "he", "she", "they", "because", "since", "thanks", "thank", "honestly", "oh",
    "um", "uh", "so", "you", "english", "what", "how", "too", "just", "one", "before",
    "after", "maybe", "if", "then",
})
_DETERMINERS = frozenset({"it", "this", "that", "the", "my", "our", "someone", "somebody",
                          "everyone", "everybody", "he", "she", "they", "there"})
_VERBISH = re.compile(r"\b(?:is|are|was|were|has|have|had|will|would|can|just|\w+'s|\w+ing|"
                      r"\w+ed|fell|went|came|got|needs|wants|keeps)\b")
_BINDS = frozenset({
    "to", "not", "never", "will", "would", "can", "could", "should", "must", "did", "does",
    "too", "so", "very", "quite", "pretty", "way", "really", "super", "painfully", "incredibly",
    "terribly", "awfully", "unbearably", "ridiculously", "rather", "fairly", "somewhat", "bit",
    "little", "tad", "touch", "much", "far", "even", "slightly", "extra", "while",
    "do", "me", "you", "him", "her", "us", "them", "and", "or", "the", "a", "an", "my", "your",
    "our", "their", "his", "want", "need", "wish", "said", "say", "says", "tell", "told",
    "when", "if", "until", "before", "after", "while", "is", "are", "was", "were", "be",
    "let", "make", "made", "help", "how", "what", "why", "who", "where", "than", "like",
    "of", "for", "with", "about", "from", "at", "in", "on", "by", "that", "this", "just",
    "ever", "always", "also", "only", "even", "please", "really", "i", "we", "they", "he",
    "she", "it", "might", "may", "going", "trying", "try", "come", "came", "go", "went",
    "get", "got", "coming", "getting", "keep", "kept", "start", "started",
})

# Words that ask: "why did it" asks about what follows, it is not a clause of its own.
_ASKING = frozenset({"what", "why", "how", "when", "where", "who", "which"})
# "I missed it | can you say it again": a clause may end in "it" after these.
_HEARD = frozenset({"missed", "caught", "heard", "got", "get", "said", "did", "done", "hear",
                    "catch", "understand", "understood", "follow", "followed", "like", "stand",
                    "mean", "meant", "lost"})
# A command ending in one of these has no room for an object, so a noun after it starts a
# reason ("hang on, the doorbell"); after others it is the object ("pause the movie").
_NO_OBJECT = frozenset({"on", "up", "down", "off", "sec", "second", "moment", "minute", "please",
                        "louder", "quieter", "softer", "slower", "faster", "wait", "out", "again",
                        "now", "bit", "sorry"})
# Verbs whose object follows: "end this cycle of fighting" is one clause, not "end" and
# a reason.
_TAKES = frozenset({"end", "stop", "skip", "pause", "finish", "quit", "close", "change",
                    "switch", "repeat", "undo", "redo", "help", "continue", "resume", "exit"})
STRONG, WEAK, CONDITIONAL = "strong", "weak", "conditional"


# Hedges that change nothing a command asks ("could you maybe just slow down"), and a subject
# dropped in speech ("didn't catch that", "can't hear ya"): a clause is read as said, then
# without its hedges, then with its "I" put back.
_SOFT = frozenset({"just", "really", "maybe", "perhaps", "possibly", "actually", "honestly",
                   "kindly", "please", "literally", "basically", "seriously", "totally", "kinda",
                   "exactly", "quickly", "again", "quite"})
# How much changes nothing of which command: "ease up a little on the speed".
_DEGREES = (("a", "little", "bit"), ("a", "little"), ("a", "bit"), ("a", "touch"), ("a", "tad"),
            ("a", "notch"), ("slightly",), ("a", "tiny", "bit"), ("a", "wee", "bit"))
_SOFT_PAIRS = (("kind", "of"), ("sort", "of"), ("you", "know"), ("i", "mean"), ("i", "guess"),
               ("like", "i", "said"))
_LIKE_AFTER = frozenset({"you", "we", "it", "they", "is", "are", "was", "so", "and", "just",
                         "sorry", "okay", "um"})
_DROPPED_I = re.compile(r"(?:did not|do not|can not|could not|missed|need|want|wanna|"
                        r"would (?:like|rather|prefer|love)|have no|am not|was not|barely|hardly|"
                        r"got to|have to|really (?:need|want)|just (?:need|want)|am \w+ing|"
                        r"could use|could do with) .*|"
                        r"(?:missed|lost) (?:it|that|you)")
# "Sorry?" and "excuse me?" asked alone mean "say that again".
_ASKED_AGAIN = re.compile(r"(?:i am )?(?:sorry|excuse me|pardon|pardon me|you what|say what)")


def _soft(words: tuple[str, ...]) -> tuple[str, ...]:
    out: list[str] = []
    k = 0
    while k < len(words):
        for pair in _SOFT_PAIRS + _DEGREES:
            if words[k:k + len(pair)] == pair and (out or pair in _DEGREES) and \
                    len(words) > len(pair):
                k += len(pair)
                break
        else:
            w = words[k]
            if w in _SOFT and len(words) > 1 or (w == "like" and out and out[-1] in _LIKE_AFTER):
                k += 1
                continue
            out.append(w)
            k += 1
    return tuple(out)


# "Would you mind lowering the volume" asks the same as "lower the volume".
_GERUND_AFTER = re.compile(r"(?:(?<= )|^)(?:would you mind|do you mind|mind|how about|what about|"
                           r"try|consider|any chance of) (\w+ing)\b")
_VERBS = frozenset({
    "lower", "slow", "speed", "turn", "change", "switch", "swap", "use", "pause", "stop", "skip",
    "repeat", "say", "read", "speak", "talk", "go", "take", "make", "give", "move", "end", "put",
    "bring", "keep", "hold", "wait", "help", "explain", "raise", "reduce", "increase", "decrease",
    "tone", "dial", "crank", "pick", "carry", "continue", "resume", "close", "finish", "quit",
    "leave", "jump", "undo", "redo", "rewind", "play", "ask", "run", "get", "pump", "boost",
    "drop", "cut", "whisper", "sound", "walk", "step", "hurry", "wrap", "call", "shut", "replace",
    "quiet", "try", "have", "let", "come", "do", "start", "begin", "return", "ease", "bump"})


def _base(word: str) -> str:
    stem = word[:-3]
    for candidate in (stem, stem + "e", stem[:-1]):
        if candidate in _VERBS:
            return candidate
    return stem


# "She didn't catch that", "my husband can't hear it": the listener may be the partner.
_THIRD = re.compile(r"(?:she|he|they|my \w+|our \w+|\w+) (did not|can not|could not|missed|"
                    r"does not|is not able to|is having trouble|is struggling to|can barely|"
                    r"can hardly|is lost|is confused|is hard of hearing) (.*)")
_FIRST = {"does not": "do not", "is not able to": "am not able to",
          "is having trouble": "am having trouble", "is struggling to": "am struggling to",
          "is lost": "am lost", "is confused": "am confused",
          "is hard of hearing": "am hard of hearing"}


def _variants(words: tuple[str, ...]) -> list[tuple[str, ...]]:
    out = [words]
    third = _THIRD.fullmatch(" ".join(words))
    if third and words[0] not in {"i", "we", "you", "it", "that", "this"}:
        verb = _FIRST.get(third.group(1), third.group(1))
        out.append(tuple(f"i {verb} {third.group(2)}".split()))
    line = " ".join(words)
    unrolled = _GERUND_AFTER.sub(lambda m: m.group(0)[:m.start(1) - m.start(0)] +
                                 _base(m.group(1)), line)
    if unrolled != line:
        out.append(tuple(unrolled.split()))
    for v in list(out):
        soft = _soft(v)
        if soft and soft != v:
            out.append(soft)
    for v in list(out):
        if _DROPPED_I.fullmatch(" ".join(v)):
            out.append(("i", *v))
    return out


@lru_cache(maxsize=8192)
def _match(words: tuple[str, ...], step: str, asked: bool = False) -> tuple[str, str] | None:
    """The command a whole clause says and how surely (strong, weak or conditional on
    what else is said); None if it says none."""
    if len(words) > MAX_COMMAND_WORDS:
        return None
    if asked and _ASKED_AGAIN.fullmatch(" ".join(words)):
        return "repeat", WEAK
    for variant in _variants(words):
        found = _match_one(" ".join(variant), step)
        if found:
            return found
    return None


def _match_one(line: str, step: str) -> tuple[str, str] | None:
    if step == "paused" and _GRAMMAR_PAUSED.fullmatch(line):
        return "resume", STRONG
    if step in _STEP_SAYS and _STEP_SAYS[step].fullmatch(line):
        return None
    for name in _ORDER:
        if _GRAMMAR[name].fullmatch(line):
            if name in _BARE_ONLY and _BARE_ONLY[name].fullmatch(line) and not (
                    _GRAMMAR_BARE[name].fullmatch(line)):
                continue
            if name == "resume" and step == "appointment_consent" and (
                    _CONSENT_ANSWERS.fullmatch(line)) and not _RETURNED.fullmatch(line):
                return name, CONDITIONAL
            if name == "pause" and step == "appointment_consent" and _LONGER.search(line):
                return None  # "give me five minutes" to the consent question: later
            if name in _GRAMMAR_WEAK and _GRAMMAR_WEAK[name].fullmatch(line):
                return name, WEAK
            return name, STRONG
    for name, pattern in _CONDITIONAL.items():
        if pattern.fullmatch(line):
            return name, CONDITIONAL
    return None


Segment = tuple[tuple[str, ...], str | None, str]


def _segments(words: tuple[str, ...], step: str, asked: bool = False) -> list[Segment]:
    """A clause as (words, command or None, how surely) pieces: the whole clause, or a
    command and the rest where a new clause plainly starts without a comma."""
    if len(words) > MAX_COMMAND_WORDS * 2:
        return [(words, None, "")]
    found = _match(words, step, asked)
    if found:
        return [(words, *found)]
    n = len(words)
    for k in range(1, n):  # a command at the end ("I'm done stop"), as long as possible
        if words[k] in _CORE_STARTS and _ends_clause(words[:k]):
            found = _match(words[k:], step)
            if found and found[1] != WEAK:
                return _segments(words[:k], step) + [(words[k:], *found)]
    for k in range(n - 1, 0, -1):  # a command at the start ("hang on the baby's crying")
        if words[k] in _REST_STARTS and not (
                words[k] in _DETERMINERS and not _VERBISH.search(" ".join(words[k:]))
                and words[k - 1] not in _NO_OBJECT) and not (
                words[k] in {"this", "that", "the", "my", "our"} and words[k - 1] in _TAKES):
            found = _match(words[:k], step)
            if found:
                return [(words[:k], *found)] + _segments(words[k:], step)
    return [(words, None, "")]


def _ends_clause(words: tuple[str, ...]) -> bool:
    """Whether ``words`` can be a clause of its own: "I missed it", not "I need you to", nor
    the question "why did it" still waiting for its verb ("why did it stop?")."""
    last = words[-1]
    if last in {"it", "that", "this"} and len(words) > 1:
        if words[-2] == "did" and (len(words) == 2 or words[-3] in _ASKING):
            return False
        return words[-2] in _HEARD
    return last not in _BINDS


# --- what may be said around a command -----------------------------------------------------

_POLITE = _alt(*dict.fromkeys(_PRE_WORDS + _POST_WORDS + (
    "no", "yes", "my bad", "i am sorry", "so sorry", "cheers", "good", "great", "cool", "fine",
    "perfect", "you guys", "dear", "love", "babe", "honey", "hon", "mate")))
_POLITE_ONLY = re.compile(rf"{_POLITE}(?: {_POLITE})*")
# How one feels this moment is a reason to pause or stop ("I'm getting upset"), unlike a
# feeling about the partner ("I feel scared when you drive fast").
_NOW_FEELING = (r"(?:i am|we are|i am getting|we are getting|i am feeling|this is getting|"
                r"i am starting to get|i am starting to feel|it is getting)"
                r"(?: so| too| a bit| really| very| kind of| pretty| a little| way too)? \w+"
                r"(?: (?:right now|now|again|already|tonight))*")
# Reasons and complaints that back a command: never read as sharing beside it.
_SUPPORT_ITEMS: dict[str, list[str]] = {
    "stop": [
        r"(?:i think |honestly )?(?:i am|we are)(?: so| just| all| really| both)? (?:done|"
        r"finished|through|tired|exhausted|wiped|spent|wiped out|beat|fried)(?: (?:now|here|"
        r"tonight|today|honestly|for real|with this|already))*",
        r"(?:that is|this is) (?:it|enough|all)(?: for (?:me|us|now|today|tonight))?",
        r"enough(?: already)?",
        r"i (?:really )?(?:can not|can not do|do not want to do|am not doing|can not take) "
        r"(?:this|it|that|any more of this)?(?: (?:anymore|any more|right now|tonight|today|now|"
        r"again))*", r"i can not(?: (?:anymore|any more|do it|right now))*",
        r"(?:this|it) is not (?:working|helping|going anywhere|going well)(?: (?:tonight|"
        r"today|anymore))*",
        r"(?:this|it) is (?:turning into|becoming|just|getting) (?:a |another |into a )?"
        r"(?:fight|argument|mess|heated|too much|worse)(?: again)?",
        r"we are (?:fighting|arguing)(?: again)?", r"i give up", r"it is (?:late|too late|"
        r"getting late|past midnight)", r"i have had enough", r"no more",
        r"(?:we will|we can|let us) (?:try|do this|do it|pick this up)(?: again)? (?:tomorrow|"
        r"later|another time|another day|next time|next week)",
        r"(?:we are|i am) (?:too |so |really |way too )?(?:tired|exhausted|upset|wound up|"
        r"worked up|angry|emotional|drained)(?: to (?:continue|go on|keep going|do this|"
        r"carry on|think straight))?",
        r"(?:we are|i am) (?:not )?(?:in the mood|up for this)(?: (?:tonight|today|anymore))*",
        _NOW_FEELING,
        r"(?:we will|we can|let us) (?:try|do this|do it|pick this up|come back to this)"
        r"(?: again)? (?:another|some other|a different) (?:day|time|night|evening)",
        r"(?:it is|it has been|this has been) (?:a )?(?:long|hard|rough) (?:day|night|week)",
        r"(?:we|i) (?:have|got) to (?:get up|be up|work) early(?: tomorrow)?",
        r"(?:i|we) (?:have|got) work (?:tomorrow|in the morning)",
        r"(?:this|it) is not (?:the right time|a good night|a good time|our night)",
        r"not tonight", r"(?:i|we) can not (?:keep going|go on|continue)(?: (?:tonight|like this|"
        r"anymore|right now))*",
    ],
    "pause": [
        rf"(?:{_DUR})", r"i (?:will|would) be (?:right )?back(?: .*)?", _NOW_FEELING,
        r"(?:someone|somebody) is (?:at the door|calling|here|knocking)",
        r"(?:the |my |our )?(?:phone|doorbell|door|timer|alarm|oven|kettle|baby|dog|cat|kids?|"
        r"\w+)(?: is|'s) (?:ringing|going|going off|buzzing|beeping|crying|barking|awake|up|here|"
        r"calling|boiling|at the door|knocking)",
        r"(?:i|we) (?:need|have|got) to (?:get|grab|answer|check|take|feed|let|find|fetch|"
        r"move|turn|put|go to|use) (?:\w+ ?){1,4}",
        r"i am (?:getting|feeling) (?:a bit |really |so )?(?:emotional|upset|overwhelmed|teary|"
        r"worked up)",
        r"while (?:i|we) (?:\w+ ?){1,5}",
        r"let me (?:just )?(?:grab|get|find|fetch|turn|put|answer|check|switch|close|open) "
        r"(?:\w+ ?){1,3}",
    ],
    "resume": [
        r"(?:(?:i|we) (?:am|are) )?(?:back|ready|good|here|set|all good|all set|okay)"
        r"(?: (?:now|again|here))*",
        r"let us (?:finish|do this|do it|go|get going|get back to it)(?: (?:then|now))*",
        r"sorry about that", r"where were we", r"all good", r"that is (?:done|sorted|fixed)",
        r"i have had (?:some|a) (?:water|drink|break|minute)", r"(?:the )?\w+(?: is|'s) "
        r"(?:asleep|gone|done|fine|off|back|sorted|quiet)(?: (?:now|again))?",
        r"(?:the |my |our )?(?:phone|call|door|delivery|baby|kids?|dog|cat|\w+)(?: is|'s) "
        r"(?:off|done|over|sorted|answered|gone|asleep|down|back down|settled|fine|quiet|out)"
        r"(?: now)?",
        r"(?:all )?(?:done|sorted|settled|good to go)",
    ],
    "slower": [
        r"(?:i|we) (?:can not|could not) (?:follow|keep up|understand|catch)(?: (?:you|it|that|"
        r"everything|all of it))*", r"(?:you are|it is) (?:rushing|hurrying) (?:me|us)",
        r"(?:english|german|spanish|french) is not my first language",
        r"my english is not (?:so |very |that )?good", r"my brain is (?:mush|slow|fried|tired)",
        r"i am (?:still )?(?:waking up|slow|tired|a slow listener)",
        r"i am (?:writing|taking) (?:this|it|notes)(?: down)?",
        r"(?:it is|you are|that is|that was|this is)? ?(?:so |really |way |way too |too |"
        r"a bit too |much too )?(?:fast|quick)", r"i am hard of hearing", r"it is late",
        r"(?:i am|we are) (?:still )?(?:learning english|not a native speaker|not native "
        r"speakers|new to english)",
        r"(?:my|our) (?:husband|wife|partner|boyfriend|girlfriend|\w+) is (?:still )?learning "
        r"english",
        r"(?:it is|this is|that is|everything is) (?:all )?(?:blurring|running) together",
        r"(?:it is|that is) going (?:over my head|in one ear)",
        r"(?:that is|it is|this is) (?:a lot|too much) (?:at once|to take in|in one go)",
        r"(?:i|we) (?:need|want) (?:some )?time to (?:take it in|think|process|understand|"
        r"follow|catch up|keep up|write it down)",
        r"(?:i am|we are) (?:trying to|struggling to) (?:follow|keep up|understand|take it in)",
        r"(?:i|we) (?:can not|could not) keep up(?: with (?:you|it|that))?",
        r"you (?:are losing|lost) (?:me|us)(?: (?:there|a bit|halfway))*",
        rf"you are (?:(?:{_SPEAKING}) )?(?:{_INTENS} )*(?:{_MANNER['slower']})",
        r"you (?:rushed|hurried|raced through|sped through|flew through) (?:that|it|this|the last "
        r"bit|the question)",
    ],
    "faster": [
        r"it is (?:dragging|late|boring|taking forever|so slow|too slow|slow)",
        r"we (?:only )?have (?:like |only |about |just )?\w+ minutes(?: left)?",
        r"we (?:do not|have not) (?:got|have) (?:long|much time|all night|all day)",
        r"we are not (?:kids|children|babies|toddlers)", r"(?:it is fine|it is okay)",
        r"(?:you are|it is|this is) (?:really |so |very |too |painfully )?slow",
        r"the kids (?:will be|are) (?:home|back|up) (?:soon|any minute)",
        r"(?:it|this) (?:feels|seems) like (?:forever|ages|an eternity|it is taking forever)",
        r"(?:this|it) is taking (?:forever|ages|so long|too long|a while)",
        r"(?:it is|this is|that is|you are)(?: like)? (?:at )?(?:half speed|slow motion|"
        r"a snail|a sloth|so slow)",
        r"we (?:get it|know (?:this|the drill|how it works|what to do))",
        r"we (?:have|already) (?:done|did) (?:this|it) (?:before|already|a lot)",
        r"we are (?:following|keeping up)(?: (?:fine|okay|just fine))?",
        r"we can keep up", r"(?:we are|i am) (?:in a hurry|short on time|falling asleep)",
        r"(?:the )?(?:kids|baby) (?:will be|are going to be) (?:up|home|back) (?:soon|any minute)",
        r"(?:it is|this is) (?:so |kind of )?(?:boring|putting me to sleep)",
        r"we (?:understand|get it|can follow|are fine|are okay|follow)(?: (?:fine|okay|you|it))*",
        r"(?:it is|this is|that is) (?:painful|agonizing|agonising|torture|excruciating|"
        r"killing me)",
        rf"you are (?:(?:{_SPEAKING}) )?(?:{_INTENS} )*(?:{_MANNER['faster']})",
    ],
    "louder": [
        r"(?:i|we) (?:can not|could not) (?:really )?hear(?: (?:you|it|that|anything))?",
        r"(?:it is|that is|this is|you are) (?:very |so |too |way too |really |a bit )?"
        r"(?:quiet|soft|low)",
        r"(?:the |my )?\w+(?: is|'s) (?:on|going|running|loud|blasting)",
        r"i am (?:a bit |a little |kind of |going )?(?:deaf|hard of hearing)",
        r"what", r"huh",
        r"(?:i am|we are) (?:over )?(?:by|at|in|on|across|near|next to) (?:the |my |our )?"
        r"\w+(?: \w+)?",
        r"(?:i am|we are) (?:far away|across the room|at the other end of the room|"
        r"on the other side of the room|in the other room|outside|in the kitchen)",
        r"(?:my|his|her) hearing(?: aid)? is (?:not (?:great|good|the best)|bad|poor|off|"
        r"going|out)", r"(?:it is|it is really|it is so) (?:noisy|loud) (?:here|in here)",
        r"there is (?:a lot of |so much )?(?:noise|traffic|building work)(?: (?:here|outside))?",
        r"(?:it is|you are|that is) (?:so |too |very )?(?:quiet|faint|muffled|soft)",
        rf"you are (?:(?:{_SPEAKING}) )?(?:{_INTENS} )*(?:{_MANNER['louder']})",
    ],
    "quieter": [
        r"(?:the |my |our )?(?:kids|baby|children|neighbou?rs|everyone|everybody|\w+)"
        r"(?: is| are|'s) (?:asleep|sleeping|in bed|napping|trying to sleep)",
        r"(?:the |our )?neighbou?rs", r"(?:it is|you are) (?:blasting|too loud|so loud|loud)",
        r"(?:my |the |our )?\w+ (?:just )?(?:fell|went) (?:asleep|to sleep|to bed)",
        r"it is (?:late|night)", r"ow", r"my ears",
        r"(?:it|that|this|you) (?:is )?(?:hurts?|hurting|killing) my (?:ears|head)",
        r"(?:my|our|the) (?:partner|wife|husband|roommate|flatmate|mum|mom|dad|\w+) is on "
        r"(?:a|the) (?:call|phone)",
        r"(?:people|everyone|the kids|the baby) (?:are|is) (?:sleeping|asleep|in bed)",
        r"i have (?:a |got a )?(?:headache|migraine)", r"my head (?:hurts|is pounding)",
        r"the walls are thin", r"it is (?:echoing|booming|blasting|ringing in my ears)",
        r"it (?:hurts|is hurting)(?: my ears)?",
        rf"you are (?:(?:{_SPEAKING}) )?(?:{_INTENS} )*(?:{_MANNER['quieter']})",
        r"my (?:ears|head) (?:hurt|hurts|are hurting|is hurting|are ringing|is pounding)",
    ],
    "voice": [
        r"(?:that|this|the|your|the other) voice (?:is|sounds|was)(?: \w+){0,5}",
        r"(?:it|she|he|that|this|that one|this one) (?:sounds|is|was)(?: \w+){1,5}",
        r"(?:that|this) one is(?: \w+){0,3}",
        r"i (?:do not|really do not|kind of do not) like (?:that|this|the|your|her|his) "
        r"voice(?: (?:much|at all))?",
        r"(?:that|this|the) voice (?:is )?(?:annoying|creeping|bugging|getting to) (?:me|us)",
        r"before (?:i|we) start",
        r"(?:it|she|he|this one|that one|this|that|the voice) sounds like (?:a |an |my |the )?"
        r"(?:\w+ ?){1,4}",
        r"(?:it|this|that|she|he) (?:is|sounds) (?:a bit |too |so |kind of )?(?:robotic|harsh|"
        r"fake|cold|grating|creepy|annoying|weird|mechanical|monotone|flat|scary|shrill)",
        r"(?:it|this|that|she|he) (?:gives me the creeps|creeps me out)",
        r"(?:this|that|the|your) voice (?:makes|is making) (?:me|us) (?:feel )?(?:\w+ ?){1,2}",
        r"(?:that|this|the|your) voice(?: (?:again|there|thing|of yours))?",
    ],
    "help": [
        r"i (?:do not|really do not) (?:get|understand)(?: (?:it|this|that))?",
        r"i am (?:lost|confused|stuck|not sure|unsure)(?: (?:here|now))?", r"i have no idea",
        r"i do not know(?: (?:how|what))?",
        # a guess at the answer asked about: "what do I say, that it makes sense?"
        r"(?!.*\byou)(?:that|like|something like|do i say|should i say|is it|so) .*",
        r"i mean what is (?:it|this|that) (?:for|about)", r"what is (?:it|this|that) for",
        r"(?:is it|whose) (?:my|our) turn(?: now)?", r"(?:i|we) have never done this(?: before)?",
        r"(?:it is|this is) (?:my|our) first time(?: doing this)?",
        r"(?:i am|we are) new (?:to|at) this", r"(?:i|we) (?:do not|really do not) get it",
        r"what do (?:i|we) do", r"(?:i|we) do not know (?:how|what|where) to (?:start|begin|say)",
        r"what now", r"sorry",
        r"you (?:are losing|lost) (?:me|us)(?: (?:there|a bit|here))*",
        r"(?:i|we) (?:do not|really do not|can not) (?:follow|get it|understand)"
        r"(?: (?:this|that|it|you))?",
    ],
    "skip": [
        r"i am not (?:good|great|very good) at (?:it|this|that)(?: (?:yet|at all))?",
        r"(?:i|we) will come back to (?:it|this|that)(?: later)?",
        r"we (?:have|already) done (?:this|it|that)(?: (?:before|already))?",
        r"i (?:do not|really do not) know how to do (?:this|it|that)(?: (?:one|part))?",
        r"this is (?:hard|boring|too hard|pointless|awkward)",
        r"i do not want to do (?:this|it|that)(?: (?:one|part))?",
        r"(?:this|that|it) (?:one |part |step |bit )?(?:is not|does not seem|is not really) "
        r"(?:working|helping|relevant|for us)(?: (?:for us|tonight|right now))*",
        r"we (?:already|have) (?:did|done|covered|talked about|been through) (?:this|that|it)"
        r"(?: (?:one|part|before|already|enough))*",
        r"we (?:will|can) (?:come back to|do) (?:it|this|that) (?:later|another time|next time)",
        r"(?:i am|we are) not (?:ready|up) for (?:this|that)(?: (?:one|part|tonight))*",
    ],
    "back": [
        r"i was not (?:finished|done|ready)(?: yet)?", r"i (?:did not|do not) mean (?:that|it)",
        r"i answered too (?:fast|quickly|soon)", r"i said the wrong thing",
        r"i made a mistake", r"(?:oops|whoops)", r"that was (?:wrong|a mistake)",
        r"i messed (?:that |it )?up", r"i (?:pressed|said) (?:the wrong thing|something wrong)",
        r"i am not done",
        r"i (?:said|did|got|put|answered|read|heard|understood) (?:that |it |this |the question )?"
        r"(?:all )?(?:wrong|wrongly|badly|incorrectly|too fast|too quickly|the wrong way"
        r"(?: round| around)?|backwards|the other way (?:round|around)|in the wrong order|"
        r"mixed up|muddled)",
        r"i (?:misspoke|misheard|misunderstood|messed up|got confused|jumped ahead|"
        r"went too fast|was too quick)",
        r"(?:that|it) (?:came out|was|is) (?:all )?wrong", r"that is not what i (?:meant|wanted "
        r"to say)", r"i (?:meant|wanted) to say something (?:else|different)",
        r"(?:wrong|that was the wrong) (?:answer|button|one|thing)", r"my (?:mistake|bad)",
        r"i (?:hit|pressed|said) the wrong (?:thing|button|one)",
        r"(?:we|i) skipped (?:something|a bit|a step|ahead|a part)",
        r"i (?:forgot|missed) (?:something|a bit|a part|to say something)",
        r"let me (?:try|say it|do it|answer) again",
        r"i (?:want|would like|need) to (?:redo|fix|change|correct|rephrase|try|answer|say) "
        r"(?:that|it|my answer|again|it again|that again|it differently)(?: again)?",
    ],
    "repeat": [
        r"i was not listening", r"i (?:totally |completely )?(?:zoned|spaced|blanked) out",
        r"i was distracted", r"(?:the |my )?\w+ was (?:going|barking|crying|loud|on|ringing)",
        r"i was \w+ing(?: \w+){0,5}", r"(?:\w+ ){1,6}what", r"what was i supposed to",
        r"i was (?:miles away|somewhere else|elsewhere|not paying attention|daydreaming|"
        r"distracted|in another world|away)",
        r"my (?:mind|brain|attention) (?:wandered|drifted|slipped|went somewhere)"
        r"(?: (?:for a (?:sec|second|moment|bit)))?",
        r"(?:my |the )?(?:phone|kettle|door|dog|baby|kids|tv|\w+) (?:buzzed|rang|beeped|went off|"
        r"barked|cried|was (?:shouting|going|loud|on)|were (?:shouting|loud|screaming))",
        r"(?:someone|somebody) (?:was|were) talking",
        r"i lost (?:you|track|the thread)(?: (?:halfway(?: through)?|there|in the middle|"
        r"at the end|for a (?:sec|second|bit|moment)))*",
        r"you (?:are losing|lost) (?:me|us)(?: (?:there|a bit|halfway))*",
        r"did (?:you|it|she|he) (?:just )?(?:say|ask) (?:something|anything)",
    ],
}
_SUPPORT = {name: re.compile(rf"(?:{_PRE} )*(?:{'|'.join(items)})(?: {_POST})*")
            for name, items in _SUPPORT_ITEMS.items()}

_YOU = re.compile(r"\b(?:you|your|yours|yourself)\b")
_POLITE_YOU = re.compile(r"\b(?:thank you(?: so much| very much)?|you know|if you (?:can|could|"
                         r"do not mind|would|please)|(?:can|could|would|will) you|bless you|"
                         r"are you there|see you|you guys)\b")
_STATES = frozenset({"tired", "exhausted", "sorry", "confused", "lost", "stuck", "sleepy",
                     "drained", "wiped", "hungry", "sick", "distracted", "overwhelmed", "done",
                     "ready", "fine", "okay", "good", "beat", "fried", "busy", "calm",
                     "emotional", "teary", "flustered", "frazzled", "shaky"})
_SHARING = re.compile("|".join([
    # what a partner or someone else does or is ("he would never", "she is just loud")
    r"^(?:he|she|they) (?:would|will|never|always|is|was|does|did|has|had|just|gets|says|"
    r"keeps|can|could)\b",
    r"\b(?:i|we) (?:really |just |also |still |kind of |sort of |always )?(?:feel|felt)\b",
    r"\bfeel(?:s|ing)? (?:like|that)\b", r"\b(?:makes?|made|making) (?:me|us)\b",
    r"\b(?:i|we) (?:really |just |also |still |kind of |sort of )?(?:want|wish|miss|love|"
    r"hate|appreciate|imagine|hear|understand|need|would like|would love|would rather|"
    r"would prefer)\b", r"\bwhat i would like\b",
    r"\b(?:i|we) (?:do not|did not|never|really do not) (?:really )?(?:want|need|like|wish|"
    r"miss|love)\b", r"\b(?:tired|sick|scared|afraid) of\b",
    r"\b(?:makes?|made) (?:\w+ )?(?:sense|since|cents)\b", r"\bwhat i hear\b",
    r"\b(?:i|you) (?:also )?(?:said|meant|mentioned)\b",
    r"\bis that (?:right|it|how you feel)\b", r"\bdid i get (?:that|it)\b",
    r"\bthe part (?:about|where|when)\b", r"\b(?:we|i) (?:always|never)\b",
    r"\bthat is what i\b", r"\bthanks? (?:you )?for \w+ing\b", r"\bone thing\b",
    r"\b(?:when|whenever|every time|each time) (?:you|i|we|he|she|they|my|your|the|it)\b",
    r"\b(?:trying|doing) (?:my|our) best\b",
]))
# Needs of the moment beside a pause ("I need to get some tissues"), not needs in a
# relationship ("I need more help with the kids").
_PRACTICAL = re.compile(
    r"\b(?:i|we) (?:just |really |quickly )?(?:need|have|got) (?:(?:some |a bit of |a |"
    r"more |a little )?time(?: to (?:think|process|breathe|catch up|take it in|take notes))?\b|"
    r"to (?:get|grab|go|check|think|breathe|calm down|cool down|collect myself|process|step out|"
    r"step away|sit down|lie down|stretch|"
    r"answer|take|feed|pee|use|find|put|change|let|see|move|switch|turn|make|drink|eat|blow|"
    r"wipe|fetch|call|text|reply|sort|deal|pick|open|close|charge|plug|find)\b|(?:some|a|the|"
    r"my|another) (?:water|tissues?|drink|glass of water|bathroom|toilet|loo|air|minute|"
    r"moment|second|sec|break|breather|coffee|tea|glasses|phone|charger|snack|blanket)\b)")
_KEYWORDS = re.compile(r"\b(?:stop|stopping|pause|break|skip|repeat|help|back|voice|louder|"
                       r"quieter|slower|faster|resume|continue|undo)\b")
_QUESTION = re.compile(r"(?:is|are|do|does|did|can|could|will|would|should|who|what|where|"
                       r"when|why|how|which|have|has|was|were|am)\b")
_ANSWER_WORDS = (
    r"(?:yes|yeah|yep|yup|yea|yeh|ya|sure|exactly|correct|absolutely|definitely|totally|"
    r"uhhuh|of course|i guess|i think so|that is right|you got it|spot on|perfect|true|no|"
    r"nope|nah|not really|not at all|not quite|not exactly|not now|not tonight|not today|"
    r"not right now|not yet|not at the moment|"
    r"almost|kind of|sort of|mostly|close|partly|partially|some of it|most of it|half|"
    r"not all)")
# An answer leads the reply or ends it ("..., and then yes"); "it's almost midnight" is not one.
_ANSWER = re.compile(rf"^(?:(?:{_PRE}) )*{_ANSWER_WORDS}\b|(?:^| ){_ANSWER_WORDS}$")
_STEP_ANSWER = {
    "appointment_consent": re.compile(
        r"\b(?:later|tomorrow|after|another time|another day|this weekend|next week|tonight|"
        r"in an? \w+|first|i am ready|i can listen|i am here|go ahead|go on|let us do it|"
        r"now is|fine|why not|i am listening|then|maybe|let me|finish|finishing|minutes|"
        r"hour|(?:on |next )?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)|"
        r"weekend|morning|evening|afternoon|next \w+)\b"),
    "more": re.compile(r"\b(?:that is (?:all|it|everything)|i am done|one more|there is more|"
                       r"nothing (?:else|more)|i am good|that covers it|also|another thing|"
                       r"that was (?:it|all))\b"),
    "empathy_confirm": re.compile(r"\b(?:that is how i feel|more like|more that)\b"),
    "confirm": re.compile(r"\b(?:that is it|you got|you missed|you forgot|you left)\b"),
}


# Commands whose words also name needs in a couple's life ("I need help, I'm drowning at
# work"): beside them only politeness and words about the exercise are taken.
_STRICT = frozenset({"help"})
# What a command's words say as an answer to a step's question: asked "is there more?",
# "I'll stop there" is "no".
_STEP_SAYS = {"more": re.compile(r"(?:.* )?(?:i will|i can|i am going to|i will just|we can|"
                                 r"i think i will|let me|i will leave it|i will) (?:stop|leave it|"
                                 r"end) (?:there|here|at that)(?: (?:for now|then))?")}
_CONTINUES = frozenset({"from", "about", "with", "of", "to", "at", "on", "in", "into", "and", "if",
                        "or", "by", "over", "until", "till", "without", "instead"})


def _sharing(words: tuple[str, ...], step: str, command: str, *, weak_only: bool,
             keywords: bool = True) -> bool:
    """True when a clause beside the command is sharing or an answer, not a reason."""
    if len(words) > MAX_COMMAND_WORDS:
        return True  # more than a short reason
    line = " ".join(words)
    if _POLITE_ONLY.fullmatch(line) and not (step in ANSWER_STEPS and _ANSWER.search(line)):
        return False
    if _supports(words, command):
        return False
    if command in _STRICT:
        return True
    if words[0] in _CONTINUES:  # "I need a break, from everything": the command's own object
        return True
    if step in ANSWER_STEPS and _ANSWER.search(line):
        return True
    if step in _STEP_ANSWER and _STEP_ANSWER[step].search(line):
        return True
    if weak_only and _QUESTION.match(line):
        return True
    if _YOU.search(_POLITE_YOU.sub(" ", line)):
        return True
    if set(rules.feeling_words(line)) - _STATES:
        return True
    practical = _PRACTICAL.sub(" ", line)
    if _SHARING.search(practical):
        return True
    if keywords and _KEYWORDS.search(line):
        return True
    return bool(rules.find_blame(line))


def _supports(words: tuple[str, ...], command: str) -> bool:
    return command in _SUPPORT and any(_SUPPORT[command].fullmatch(" ".join(v))
                                       for v in _variants(words))


def read_grammar(step: str, text: str) -> str | None:
    """The command ``text`` says by its grammar alone, or None."""
    return _read(step, text)[0]


@lru_cache(maxsize=4096)
def _read(step: str, text: str) -> tuple[str | None, bool]:
    """The command the grammar reads, and whether any clause was one at all (a command
    clause beside sharing or an answer makes the turn content: no other reading
    overrules that)."""
    said = units(text)
    if sum(len(words) for words, _ in said) > MAX_TURN_WORDS:
        return None, True  # a long turn is sharing, whatever words it holds
    parts: list[tuple[tuple[str, ...], str | None, str, bool]] = []
    for words, asked in said:
        pieces = _segments(words, step, asked)
        parts += [(w, name, how, asked and k == len(pieces) - 1)
                  for k, (w, name, how) in enumerate(pieces)]
    cores = [(name, how, words) for words, name, how, _ in parts if name]
    if not cores:
        return None, False
    rest = [(words, asked) for words, name, _, asked in parts if name is None]
    strong = [(name, words) for name, how, words in cores if how == STRONG]
    # "go again" after "didn't hear the prompt" asks for the prompt, not for a return
    firm = [name for name, words in strong
            if not (name in _YIELDS and _YIELDS[name].fullmatch(" ".join(words)))]
    chosen = firm[-1] if firm else strong[-1][0] if strong else cores[-1][0]
    if chosen == "speed":
        # "go at normal speed": which way only the reason says ("this is like half speed")
        chosen = next((name for name in ("faster", "slower")
                       if any(_supports(words, name) for words, _ in rest)), None)
        if chosen is None:
            return None, True
    elif not strong:
        # "change it" needs a word about the voice; "go on" at the consent question needs
        # a return from a pause; "wait" and "what" need nothing else asked, and "huh?" to
        # the consent question is an unclear answer, which asks it again
        if chosen == "voice" and not any(_VOICE_WORDS.search(" ".join(w)) for w, _ in rest):
            return None, True
        if chosen == "resume" and not any(_RETURNED.fullmatch(" ".join(w)) for w, _ in rest):
            return None, True
        if chosen == "repeat" and step == "appointment_consent":
            return None, True
        if any(asked for _, asked in rest):
            return None, True  # "wait, me or her?": the question is what was said
        if chosen == "pause" and step in ANSWER_STEPS and any(
                _THINKING.fullmatch(" ".join(w)) for w, _ in rest):
            return None, True  # "hold on, let me think": finding the answer, not leaving
    for words, _ in rest:
        if _sharing(words, step, chosen, weak_only=not strong):
            return None, True
    said_besides = sum(len(words) for words, _ in rest
                       if not _POLITE_ONLY.fullmatch(" ".join(words))
                       and not _supports(words, chosen))
    if said_besides > MAX_REASON_WORDS:
        return None, True  # a story with a command word in it, not a command with its reason
    return chosen, True


# The words without which a turn is not taken for a command on its meaning alone.
_ANCHORS = {name: re.compile(rf"\b(?:{words})\b") for name, words in {
    "repeat": r"again|repeat|what|say|said|catch|hear|heard|missed|pardon|come again|once more",
    "slower": r"slow|slower|slowly|fast|quick|quickly|rush|rushing|speed|pace",
    "faster": r"fast|faster|quick|quicker|slow|slowly|speed|hurry|pace",
    "louder": r"loud|louder|hear|volume|up|quiet|soft|speak up",
    "quieter": r"quiet|quieter|soft|softer|loud|volume|down|lower|whisper|shh",
    "voice": r"voice|voices|sound|sounds|narrator|accent|speaker|tone",
    "pause": r"pause|wait|hold|hang|sec|second|moment|minute|break|breather|time out",
    "resume": r"continue|resume|unpause|back|ready|go on|carry on|keep going|where were we",
    "help": r"help|what|how|lost|confused|stuck|example|explain|idea|pointers?|hint|clue|tips?|"
            r"blank|guidance",
    "skip": r"skip|next|move on|moving on|pass",
    "back": r"back|undo|previous|redo|rewind|last",
    "stop": r"stop|end|quit|exit|off|enough|done|finish",
}.items()}


# A turn said to the facilitator asks it something or names it or its speech.
_ADDRESSED = re.compile(r"\b(?:you|your|it|voices?|please|talk|speak|say|said|read|volume|sound|"
                        r"narrator|speaker|computer|laptop|app|again|pointers?|hint|let us)\b|"
                        r"\b(?:can|could|would|will|may) (?:you|it|we|i)\b")
_VERB_FIRST = re.compile(
    rf"(?:{_PRE} )*(?:{_ASK} )?(?:stop|pause|skip|repeat|help|wait|hold|go back|undo|continue|"
    rf"resume|slow|speed|turn|change|switch|end|quit|finish|keep|carry|move|take|give)\b")


def fits(step: str, text: str, command: str) -> bool:
    """Whether a turn the grammar did not read may still be ``command``: it says a word of
    the command's subject, and no part of it is sharing or an answer to the step."""
    parts = clauses(text)
    if not parts or not any(_ANCHORS[command].search(" ".join(c)) for c in parts):
        return False
    if command == "resume" and step in ANSWER_STEPS:
        return False  # "ready as I'll ever be" to a question is its answer
    if not _ADDRESSED.search(" ".join(w for c in parts for w in c)):
        return False  # "everything is moving too fast for me" is said of life, not to it
    if any(_VERB_FIRST.match(" ".join(c)) for c in parts):
        return False  # the grammar read that verb and found its object is not the session
    if all(_POLITE_ONLY.fullmatch(" ".join(c)) or _SUPPORT[command].fullmatch(" ".join(c))
           for c in parts):
        return False  # only the words said beside a command ("okay, we're ready")
    if step in ANSWER_STEPS and any(_ANSWER.search(" ".join(c)) for c in parts):
        return False
    if step in _STEP_ANSWER and any(_STEP_ANSWER[step].search(" ".join(c)) for c in parts):
        return False
    return not any(_sharing(c, step, command, weak_only=False, keywords=False) for c in parts)


class CommandReader:
    """Commands in natural words: the clause grammar above first; when it reads none, the
    meaning vector may name one, if it wins by ``VECTOR_MARGIN`` and the turn ``fits``."""

    def __init__(self, model, examples) -> None:
        self.model = model
        vectors = example_vectors(model, [e.text for e in examples])
        labels = [e.command or "none" for e in examples]
        self._reader = Ridge.fit(vectors, labels, alpha=ALPHA,
                                 sample_weight=balanced_weights(labels))

    def read(self, step: str, text: str, vector: np.ndarray | None = None) -> str | None:
        text = (text or "").strip()
        if not text:
            return None
        said, found = _read(step, text)
        if said is not None or found or VECTOR_MARGIN is None:
            return said
        vector = self.model.sentences([text])[0] if vector is None else vector
        label, margin = self._reader.predict(vector[None, :])
        if label != "none" and margin >= VECTOR_MARGIN and fits(step, text, label):
            return label
        return None
