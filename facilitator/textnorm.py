"""Words as the mirror check and the utterance readers see them.

Transcripts arrive with speech-recognition quirks ("dont", "$200", "Thursday's"), so every
word is reduced to a few comparable forms: a normalised spelling (contractions expanded,
number words as digits), a stem, a *concept* (the stem, or the name of a small synonym class
so that "mad" meets "angry") and a sound code (Double Metaphone) for sound-alikes. Each word
keeps its character offsets so callers can quote the speaker's own words back.

Everything here is pure and rule-based: no downloaded data, no model.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

import snowballstemmer
from metaphone import doublemetaphone

# --- word classes ---------------------------------------------------------------------------

FIRST_PERSON = frozenset({"i", "me", "my", "mine", "myself"})
SECOND_PERSON = frozenset({"you", "your", "yours", "yourself", "yourselves", "ya", "u"})
OTHER_PRONOUNS = frozenset({
    "we", "us", "our", "ours", "ourselves", "he", "him", "his", "himself", "she", "her", "hers",
    "herself", "they", "them", "their", "theirs", "themselves", "it", "its", "itself",
    "one", "ones", "someone", "somebody", "anyone", "anybody", "everyone", "everybody",
    "something", "anything", "everything", "whoever", "whatever",
})
PRONOUNS = FIRST_PERSON | SECOND_PERSON | OTHER_PRONOUNS
SUBJECT_PRONOUNS = frozenset({"i", "you", "we", "he", "she", "they", "it", "nobody", "everybody",
                              "everyone", "someone", "somebody", "there", "that", "this"})

# Words that flip the meaning of the clause they stand in.
NEGATORS = frozenset({"not", "never", "no", "nothing", "nobody", "none", "nowhere", "neither",
                      "nor", "without", "cannot", "unable", "noone"})

AUXILIARIES = frozenset({
    "am", "is", "are", "was", "were", "be", "been", "being", "do", "does", "did",
    "have", "has", "had", "having", "will", "would", "can", "could", "should", "shall", "may",
    "might", "must", "ought", "gonna", "going", "wanna", "gotta", "let", "lets",
})
DETERMINERS = frozenset({"the", "a", "an", "this", "that", "these", "those", "some", "any",
                         "each", "every", "all", "both", "either", "such", "another", "other",
                         "my", "your", "our", "his", "her", "their", "its", "own"})
PREPOSITIONS = frozenset({
    "of", "in", "on", "at", "to", "for", "with", "about", "from", "by", "into", "onto", "upon",
    "over", "under", "during", "through", "around", "between", "among", "against", "toward",
    "towards", "across", "behind", "beside", "near", "off", "out", "up", "down", "per", "via",
    "within", "without", "instead", "like", "as", "than", "after", "before", "since", "until",
    "till", "infrontof", "outof", "nextto", "inarow",
})
# Words that start a new clause: the negation of one clause does not reach into the next.
CLAUSE_WORDS = frozenset({
    "and", "but", "or", "because", "so", "when", "whenever", "while", "if", "since", "although",
    "though", "until", "unless", "then", "after", "before", "that", "which", "who", "whom",
    "whose", "where", "how", "what", "why", "as", "than", "like", "instead", "once", "whereas",
    "plus", "also", "cos", "cuz",
})
FILLERS = frozenset({
    "um", "umm", "uh", "uhh", "er", "erm", "ah", "ahh", "oh", "hmm", "mm", "mhm", "well", "okay",
    "ok", "yeah", "yes", "right", "so", "just", "really", "actually", "basically", "literally",
    "honestly", "kind", "sort", "kinda", "sorta", "mean", "know", "guess", "suppose", "anyway",
    "anyways", "very", "quite", "pretty", "totally", "super", "definitely", "probably", "maybe",
    "perhaps", "even", "too", "also", "still", "then", "now", "here", "there", "again", "ever",
    "already", "yet", "much", "many", "lot", "lots", "bit", "little", "more", "most", "less",
    "only", "whole", "thing", "things", "stuff", "way", "ways", "how", "what", "why", "where",
    "who", "which", "when", "whom", "whose", "and", "but", "or", "if", "because", "as", "than",
    "that", "while", "although", "though", "unless", "whether", "please", "hey", "hi", "hello",
    "like", "cause", "once", "whereas", "plus", "cos", "cuz", "sure",
})
# Content that carries little of a message on its own: it counts, but lightly.
LIGHT = frozenset({
    "feel", "get", "go", "make", "take", "put", "give", "come", "want", "need", "wish", "think",
    "seem", "try", "use", "keep", "start", "stop", "end", "time", "times", "always", "often",
    "sometimes", "usually", "anymore", "lately", "today", "1", "first", "last", "next", "good",
    "bad", "big", "small", "able", "new", "old", "long", "same", "different", "each", "other",
    "happen", "look", "see", "let", "tell", "ask", "call", "love", "like", "hope", "would",
    "could", "should", "must", "day", "days", "people", "person", "part", "sometime",
    "wouldlike", "wouldlove", "longfor", "say", "said", "hear", "thank", "thanks", "done",
})

STOPWORDS = PRONOUNS | AUXILIARIES | DETERMINERS | PREPOSITIONS | CLAUSE_WORDS | FILLERS

# --- spelling normalisation -----------------------------------------------------------------

_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'",
                              "\u00b4": "'", "\u2032": "'"})
_WORD_RE = re.compile(r"\d+(?:[.,]\d+)?|[^\W\d_]+(?:'[^\W\d_]+)*'?|[$%]")
_BREAK_RE = re.compile(r"[.,;:!?\u2026\u2014\u2013()\"\[\]\n]|\s-\s|--")
_SENTENCE_END_RE = re.compile(r"[.!?\u2026\n]")

# Transcripts drop apostrophes ("dont") as often as they keep them.
_BARE_CONTRACTIONS = {
    "dont": "do not", "doesnt": "does not", "didnt": "did not", "cant": "can not",
    "wont": "will not", "isnt": "is not", "arent": "are not", "wasnt": "was not",
    "werent": "were not", "havent": "have not", "hasnt": "has not", "hadnt": "had not",
    "wouldnt": "would not", "couldnt": "could not", "shouldnt": "should not", "aint": "is not",
    "mustnt": "must not", "im": "i am", "ive": "i have", "youre": "you are", "youve": "you have",
    "youll": "you will", "youd": "you would", "theyre": "they are", "theyve": "they have",
    "weve": "we have", "thats": "that is", "whats": "what is", "theres": "there is",
    "hes": "he is", "shes": "she is", "whos": "who is", "gonna": "going to", "wanna": "want to",
    "gotta": "got to", "kinda": "kind of", "sorta": "sort of", "cuz": "because",
    "cos": "because", "coz": "because", "cannot": "can not", "y'all": "you", "ya": "you",
    "lemme": "let me", "gimme": "give me", "dunno": "do not know", "outta": "out of",
    # typed and recogniser shorthand: "u never listen", "ur phone", "tryna sleep"
    "u": "you", "ur": "your", "bc": "because", "tryna": "trying to", "hafta": "have to",
    "til": "until", "till": "until", "dyin": "dying", "itll": "it will", "itd": "it would",
    "theyd": "they would", "theyll": "they will", "hed": "he would",
}
#: The same table for readers that work on single words (the safety reader).
BARE_CONTRACTIONS = _BARE_CONTRACTIONS
_NT_BASES = {"ca": "can", "wo": "will", "sha": "shall", "ai": "is", "do": "do", "does": "does",
             "did": "did", "is": "is", "are": "are", "was": "was", "were": "were", "have": "have",
             "has": "has", "had": "had", "would": "would", "could": "could", "should": "should",
             "must": "must", "need": "need", "might": "might"}
_S_IS = frozenset({"it", "he", "she", "that", "there", "here", "what", "who", "where", "how",
                   "when", "why", "everything", "nothing", "everyone", "everybody", "someone",
                   "somebody", "something", "nobody", "this", "which"})
_SUFFIXES = {"re": ["are"], "m": ["am"], "ve": ["have"], "ll": ["will"], "d": ["would"]}

_UNITS = {
    "zero": 0, "oh": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90,
}
_SCALES = {"hundred": 100, "thousand": 1000, "million": 1_000_000}
_ORDINALS = {"first": "1st", "second": "2nd", "third": "3rd", "fourth": "4th", "fifth": "5th",
             "sixth": "6th", "seventh": "7th", "eighth": "8th", "ninth": "9th", "tenth": "10th"}

# Irregular forms snowball cannot join to their base ("felt" must meet "feel").
_IRREGULAR = {
    "felt": "feel", "forgot": "forget", "forgotten": "forget", "told": "tell", "said": "say",
    "made": "make", "went": "go", "gone": "go", "came": "come", "got": "get", "gotten": "get",
    "thought": "think", "brought": "bring", "bought": "buy", "took": "take", "taken": "take",
    "gave": "give", "given": "give", "spent": "spend", "lost": "lose", "kept": "keep",
    "drove": "drive", "driven": "drive", "ran": "run", "sat": "sit", "stood": "stand",
    "saw": "see", "seen": "see", "met": "meet", "knew": "know", "known": "know",
    "began": "begin", "begun": "begin", "broke": "break", "broken": "break", "chose": "choose",
    "chosen": "choose", "wrote": "write", "written": "write", "ate": "eat", "eaten": "eat",
    "fell": "fall", "fallen": "fall", "found": "find", "hid": "hide", "hidden": "hide",
    "meant": "mean", "paid": "pay", "sent": "send", "slept": "sleep", "taught": "teach",
    "understood": "understand", "woke": "wake", "woken": "wake", "won": "win", "wore": "wear",
    "worn": "wear", "was": "be", "were": "be", "is": "be", "are": "be", "am": "be", "been": "be",
    "has": "have", "had": "have", "did": "do", "does": "do", "done": "do", "left": "leave",
    "children": "child", "kids": "kid", "men": "man", "women": "woman", "people": "person",
    "wives": "wife", "lives": "life", "feet": "foot", "teeth": "tooth", "mice": "mouse",
    "laughed": "laugh", "shut": "shut", "hurt": "hurt", "held": "hold", "built": "build",
    "fought": "fight", "caught": "catch", "dealt": "deal", "sold": "sell", "led": "lead",
    "grew": "grow", "grown": "grow", "threw": "throw", "thrown": "throw", "spoke": "speak",
    "spoken": "speak", "swore": "swear", "sworn": "swear", "lied": "lie", "lay": "lie",
    "stuck": "stick", "struck": "strike", "drank": "drink", "drunk": "drink", "sang": "sing",
    "sung": "sing", "cried": "cry", "worried": "worry", "married": "marry", "hurried": "hurry",
}

# Small synonym classes for light paraphrase in couple dialogue. Each set is one concept.
_SYNONYMS: list[tuple[str, ...]] = [
    # feelings
    ("angry", "mad", "furious", "livid", "pissed", "enraged", "irate", "cross"),
    ("annoyed", "irritated", "aggravated", "exasperated", "frustrated", "fedup"),
    ("sad", "unhappy", "miserable", "depressed", "sorrowful", "heartbroken"),
    ("hurt", "wounded", "pained", "stung"),
    ("lonely", "alone", "lonesome", "isolated", "loneliness"),
    ("scared", "afraid", "frightened", "fearful", "terrified", "fear"),
    ("anxious", "worried", "worry", "nervous", "uneasy", "anxiety", "concerned", "apprehensive"),
    ("stressed", "stress", "tense"),
    ("overwhelmed", "swamped", "overloaded", "snowedunder"),
    ("tired", "exhausted", "drained", "weary", "fatigued", "knackered", "wornout", "wipedout",
     "shattered", "sleepy"),
    ("ignored", "overlooked", "disregarded", "brushedoff"),
    ("unappreciated", "undervalued", "unvalued", "takenforgranted"),
    ("appreciated", "valued", "recognized", "recognised"),
    ("embarrassed", "humiliated", "mortified"),
    ("ashamed", "shame", "shameful"),
    ("jealous", "envious", "jealousy"),
    ("disappointed", "letdown", "disappointment"),
    ("happy", "glad", "pleased", "delighted", "joyful"),
    ("grateful", "thankful", "gratitude"),
    ("loved", "cherished", "adored"),
    ("safe", "secure", "protected"),
    ("disconnected", "distant", "detached", "disconnection"),
    ("guilty", "guilt"),
    ("proud", "pride"),
    ("rejected", "pushedaway", "rejection"),
    ("abandoned", "deserted"),
    ("criticized", "criticised", "judged", "nitpicked", "criticize", "criticise", "criticism",
     "critical"),
    ("disrespected", "disrespect", "disrespectful"),
    ("excited", "thrilled"),
    ("calm", "relaxed", "peaceful", "atease", "relax", "unwind"),
    ("hopeful", "optimistic", "hope"),
    ("helpless", "powerless"),
    ("resentful", "bitter", "resentment"),
    ("confused", "puzzled", "confusing"),
    ("exposed", "vulnerable"),
    ("invisible", "unseen"),
    ("insecure", "unsure"),
    ("supported", "backedup"),
    # people
    ("kid", "child", "kiddo"),
    ("mom", "mother", "mum", "mommy", "mummy", "mama", "ma"),
    ("dad", "father", "daddy", "papa", "pa"),
    ("partner", "spouse"),
    ("colleague", "coworker", "coworkers", "workmate", "teammate"),
    ("boss", "manager", "supervisor"),
    ("friend", "buddy", "pal"),
    # things and places
    ("job", "work", "career"),
    ("house", "home"),
    ("phone", "cell", "cellphone", "mobile", "smartphone", "iphone"),
    ("computer", "laptop", "pc"),
    ("money", "finances", "finance", "cash", "funds", "financial"),
    ("television", "tv", "telly"),
    ("game", "gaming", "videogame"),
    ("dinner", "supper"),
    ("chores", "housework", "housekeeping", "household"),
    ("dishes", "washingup"),
    ("trip", "vacation", "holiday", "getaway"),
    ("car", "vehicle"),
    ("sex", "intimacy", "intimate", "makinglove"),
    ("attractive", "desirable", "sexy"),
    ("fight", "argument", "argue", "quarrel", "row", "disagreement", "fighting"),
    ("mess", "messy", "clutter", "cluttered"),
    ("mistake", "error"),
    ("decision", "choice", "decide", "choose"),
    # actions
    ("talk", "speak", "chat", "converse", "conversation"),
    ("say", "tell", "mention"),
    ("yell", "shout", "scream", "raisevoice"),
    ("interrupt", "cutoff", "interruption"),
    ("come", "showup", "attend", "turnup"),
    ("want", "wish", "wouldlike", "wouldlove", "longfor"),
    ("help", "assist", "helping", "pitchin"),
    ("listen", "hear"),
    ("constantly", "allthetime", "always", "constant"),
    ("fast", "speed", "speeding", "quickly", "quick"),
    ("buy", "purchase"),
    ("plan", "arrange", "organize", "organise"),
    ("leave", "depart"),
    ("cook", "cooking"),
    ("clean", "tidy", "cleaning"),
    ("remind", "reminder"),
    ("struggle", "struggling", "hardtime", "difficulty"),
]

# Words that mean the other's negation: "didn't come" is "missed", "don't listen" is "ignore".
_OPPOSITE_PAIRS = (("come", "miss"), ("remember", "forget"), ("include", "exclude"),
                   ("listen", "ignore"), ("accept", "reject"), ("stay", "leave"),
                   ("agree", "disagree"), ("like", "dislike"), ("trust", "distrust"),
                   ("allow", "forbid"), ("respect", "disrespect"))

# Words a receiver may swap for their opposite: never an ASR slip, always a changed message.
_ANTONYM_PAIRS = (("early", "late"), ("more", "less"), ("always", "never"), ("good", "bad"),
                  ("before", "after"), ("big", "small"), ("happy", "sad"), ("love", "hate"),
                  ("right", "wrong"), ("first", "last"), ("open", "closed"), ("start", "stop"),
                  ("better", "worse"), ("hot", "cold"), ("easy", "hard"), ("safe", "unsafe"),
                  ("calm", "angry"), ("close", "distant"), ("often", "rarely"),
                  ("everyone", "nobody"), ("everything", "nothing"), ("together", "apart"),
                  ("home", "away"), ("give", "take"), ("win", "lose"), ("high", "low"),
                  ("young", "old"), ("like", "dislike"), ("remember", "forget"),
                  ("mine", "yours"), ("mother", "father"), ("mom", "dad"), ("wife", "husband"),
                  ("son", "daughter"), ("brother", "sister"), ("morning", "evening"),
                  ("day", "night"), ("weekday", "weekend"), ("yesterday", "tomorrow"))

# Multi-word expressions read as one concept word; "*" stands for an optional object pronoun.
_PHRASES: list[tuple[tuple[str, ...], str]] = [
    (("cut", "*", "off"), "cutoff"),
    (("show", "up"), "showup"),
    (("turn", "up"), "turnup"),
    (("wear", "out"), "wornout"),
    (("worn", "out"), "wornout"),
    (("wipe", "out"), "wipedout"),
    (("wiped", "out"), "wipedout"),
    (("fed", "up"), "fedup"),
    (("left", "out"), "leftout"),
    (("leave", "*", "out"), "leftout"),
    (("let", "down"), "letdown"),
    (("let", "*", "down"), "letdown"),
    (("take", "*", "for", "granted"), "takenforgranted"),
    (("taken", "for", "granted"), "takenforgranted"),
    (("push", "*", "away"), "pushedaway"),
    (("pushed", "*", "away"), "pushedaway"),
    (("brush", "*", "off"), "brushedoff"),
    (("brushed", "*", "off"), "brushedoff"),
    (("back", "*", "up"), "backedup"),
    (("backed", "*", "up"), "backedup"),
    (("snowed", "under"), "snowedunder"),
    (("at", "ease"), "atease"),
    (("all", "the", "time"), "allthetime"),
    (("raise", "*", "voice"), "raisevoice"),
    (("raised", "*", "voice"), "raisevoice"),
    (("raising", "*", "voice"), "raisevoice"),
    (("would", "like"), "wouldlike"),
    (("would", "love"), "wouldlove"),
    (("long", "for"), "longfor"),
    (("washing", "up"), "washingup"),
    (("making", "love"), "makinglove"),
    (("make", "love"), "makinglove"),
    (("pitch", "in"), "pitchin"),
    (("hard", "time"), "hardtime"),
    (("video", "game"), "videogame"),
    (("video", "games"), "videogame"),
    (("co", "worker"), "coworker"),
    (("co", "workers"), "coworker"),
    (("full", "time"), "fulltime"),
    (("in", "front", "of"), "infrontof"),
    (("in", "a", "row"), "inarow"),
    (("instead", "of"), "instead"),
    (("because", "of"), "because"),
    (("out", "of"), "outof"),
    (("next", "to"), "nextto"),
    (("part", "time"), "parttime"),
]
# The joined words above, spelled out again ("leftout" -> "left out"), for lexicon look-ups.
PHRASE_WORDS: dict[str, tuple[str, ...]] = {}
for _pattern, _name in _PHRASES:
    PHRASE_WORDS[_name] = (*PHRASE_WORDS.get(_name, ()), " ".join(x for x in _pattern if x != "*"))
_OBJECT_PRONOUNS = frozenset({"me", "you", "him", "her", "us", "them", "it", "my", "your",
                              "his", "our", "their"})

def _build_opposites() -> dict[str, str]:
    table: dict[str, str] = {}
    for a, b in _OPPOSITE_PAIRS:
        table[concept(a)] = concept(b)
        table[concept(b)] = concept(a)
    return table


_FEELINGS_TEXT = """
abandoned accepted afraid agitated alarmed alienated alive alone amazed amused angry anguished
annoyed anxious apprehensive appreciated ashamed astonished awkward betrayed bitter blamed
blessed bored brave broken calm cared carefree cautious cheerful cherished close comfortable
concerned confident confused connected content controlled crazy crushed curious defeated
defensive dejected depressed deserted desperate devastated disappointed discouraged
disconnected disgusted disheartened dismissed disrespected distant distracted distressed
disturbed drained eager ecstatic edgy embarrassed empty encouraged energized enraged envious
exasperated excited excluded exhausted exposed fearful fine foolish forgotten free frightened
frustrated fulfilled furious glad gloomy grateful grief grieving guilty happy heard heartbroken
heavy helpless hesitant hopeful hopeless horrible humiliated hurt ignored impatient inadequate
incompetent inferior insecure inspired insulted interested invisible irritated isolated jealous
joyful judged lonely lonesome lost loved low mad manipulated miserable misunderstood moved
neglected nervous numb offended optimistic overlooked overwhelmed overworked pained panicked
paralyzed peaceful pessimistic powerless pressured proud puzzled rattled regretful rejected
relaxed relieved reluctant resentful respected restless sad safe satisfied scared secure
self-conscious sensitive shaken shaky shocked shy silly sleepy small smothered sorry
special stressed strong stuck stupid supported surprised suspicious tense terrified thankful
thrilled tired torn touched trapped troubled trusted uncertain uncomfortable understood uneasy
unhappy unheard unimportant unappreciated unloved unsafe unsupported unwanted upset used
useless valued vulnerable warm wanted weary worn worried worthless wounded
"""
#: The forms of the verb "feel".
FEEL_FORMS = frozenset({"feel", "feels", "felt", "feeling"})
FEELINGS_LEXICON = frozenset(_FEELINGS_TEXT.split()) | frozenset({
                           "left out", "let down", "taken for granted", "worn out", "fed up",
                           "on edge", "shut out", "pushed away", "cared for", "put down",
                           "brushed off", "stressed out", "freaked out", "burned out",
                           "burnt out", "at ease"})
FEELING_NOUNS = frozenset({"anger", "fear", "sadness", "shame", "guilt", "loneliness", "joy",
                           "grief", "jealousy", "anxiety", "stress", "pride", "hurt",
                           "frustration", "resentment", "disappointment", "gratitude", "love",
                           "worry", "panic", "despair", "embarrassment", "relief", "hope"})

_stemmer = snowballstemmer.stemmer("english")


@lru_cache(maxsize=20000)
def stem(word: str) -> str:
    """Stem of a lower-case word, after irregular forms are reduced to their base."""
    base = _IRREGULAR.get(word, word)
    if not base.isascii():
        return base
    return _stemmer.stemWord(base)


def _build_concepts() -> dict[str, str]:
    table: dict[str, str] = {}
    for group in _SYNONYMS:
        name = "~" + group[0]
        for word in group:
            table.setdefault(word, name)
            table.setdefault(stem(word), name)
    return table


_CONCEPTS = _build_concepts()
# Lexicon words that are also everyday words ("used", "close", "small") count only as written;
# the others also in their other forms ("worried" -> "worry", "scared" -> "scare").
AMBIGUOUS_FEELINGS = frozenset({
    "used", "wanted", "close", "fine", "free", "warm", "heavy", "low", "broken", "lost", "moved",
    "touched", "stuck", "cared", "special", "strong", "empty", "torn", "small", "content",
    "alive", "crazy", "stupid", "understood", "heard", "accepted", "controlled", "respected",
    "trusted", "valued", "supported", "connected", "blamed", "forgotten", "excluded", "judged",
    "dismissed", "ignored", "pressured", "loved", "interested", "sorry", "curious", "sensitive",
    "eager", "brave", "amused", "shaky", "confident", "comfortable", "satisfied",
})
FEELING_STEMS = frozenset(stem(w) for w in FEELINGS_LEXICON
                          if " " not in w and w not in AMBIGUOUS_FEELINGS)


@lru_cache(maxsize=20000)
def concept(word: str) -> str:
    """The synonym class of a normalised word, else its stem."""
    if word in _CONCEPTS:
        return _CONCEPTS[word]
    s = stem(word)
    return _CONCEPTS.get(s, s)


_OPPOSITES = _build_opposites()
_ANTONYMS = frozenset(frozenset((concept(a), concept(b))) for a, b in _ANTONYM_PAIRS)


def antonyms(a: str, b: str) -> bool:
    """Are these two words opposites ("late"/"early"), so one cannot be heard for the other?"""
    return frozenset((concept(a), concept(b))) in _ANTONYMS


def opposite(concept_name: str) -> str | None:
    """The concept that means this one negated ("~come" -> "miss"), if there is one."""
    return _OPPOSITES.get(concept_name)


@lru_cache(maxsize=20000)
def sound(word: str) -> str:
    """Double Metaphone code: "dryer" and "dry air" sound alike, so their codes meet."""
    if not word.isascii() or not word.isalpha():
        return word
    primary, _ = doublemetaphone(word)
    return primary or word


def is_feeling(word: str) -> bool:
    """A word of the feelings lexicon, or an inflection of an unambiguous one."""
    return word in FEELINGS_LEXICON or word in FEELING_NOUNS or stem(word) in FEELING_STEMS


# --- tokens -------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Word:
    """One normalised word. ``start``/``end`` index the original text; a contraction such as
    "don't" becomes two words ("do", "not") that share the same span."""

    norm: str
    start: int
    end: int
    brk: int  # what comes right before it: 0 nothing, 1 a comma or dash, 2 a sentence end

    @property
    def stem(self) -> str:
        return stem(self.norm)

    @property
    def concept(self) -> str:
        return concept(self.norm)


def clean(text: str) -> str:
    """Unicode-normalised text with one kind of apostrophe; same length mapping is not kept."""
    return unicodedata.normalize("NFKC", text or "").translate(_APOSTROPHES)


def words(text: str) -> list[Word]:
    """Normalised words of ``text`` with offsets into ``clean(text)``.

    Contractions are expanded, spelled-out numbers become digits ("two hundred" -> "200"),
    "$" becomes "dollars" and known multi-word expressions ("cut me off") become one word.
    """
    return list(_words(text))


# The readers ask for the words of one turn many times over (each rule and cue on its own);
# the words are frozen, so a new list of the same ones is as good as a fresh split.
@lru_cache(maxsize=4096)
def _words(text: str) -> tuple[Word, ...]:
    text = clean(text)
    raw: list[Word] = []
    last_end = 0
    dollar = False
    for m in _WORD_RE.finditer(text):
        brk = _break_before(text[last_end:m.start()], first=not raw)
        last_end = m.end()
        token = m.group().casefold().strip("'")
        if token == "$":
            dollar = True  # "$200" is said "two hundred dollars"
            continue
        if not token:
            continue
        raw.extend(_expand(token, m.start(), m.end(), brk, raw))
        if dollar and token[0].isdigit():
            raw.append(Word("dollars", m.start(), m.end(), 0))
        dollar = False
    return tuple(_join_phrases(_join_prefixes(_join_numbers(_id_as_i_would(raw)))))


# The recogniser writes "I'd" as "id" ("half of it id say"); before a verb it can only be
# "I would" ("ID" the card stands before no verb).
_AFTER_ID = frozenset({"say", "like", "love", "rather", "prefer", "think", "be", "hate", "want",
                       "guess", "imagine", "feel", "never", "probably", "really", "just",
                       "definitely", "honestly", "still", "also", "actually", "go", "do",
                       "bet", "agree", "reckon", "put", "call", "need", "have"})


def _id_as_i_would(ws: list[Word]) -> list[Word]:
    out: list[Word] = []
    for k, w in enumerate(ws):
        if w.norm == "id" and k + 1 < len(ws) and ws[k + 1].norm in _AFTER_ID and (
                not ws[k + 1].brk):
            out += [Word("i", w.start, w.end, w.brk), Word("would", w.start, w.end, 0)]
        else:
            out.append(w)
    return out


# The recogniser splits a feeling's prefix off as a word of its own: "un easy", "dis
# respected", "mis understood", "be trayed", "over whelmed". Joined again only where the whole
# is a feeling word, so "un", "be" and "over" elsewhere stay as they are.
_SPLIT_PREFIXES = frozenset({"un", "dis", "mis", "non", "be", "over", "under"})


def _join_prefixes(ws: list[Word]) -> list[Word]:
    if not any(w.norm in _SPLIT_PREFIXES for w in ws):
        return ws
    out: list[Word] = []
    i = 0
    while i < len(ws):
        w = ws[i]
        if w.norm in _SPLIT_PREFIXES and i + 1 < len(ws) and not ws[i + 1].brk and (
                w.norm + ws[i + 1].norm) in FEELINGS_LEXICON:
            out.append(Word(w.norm + ws[i + 1].norm, w.start, ws[i + 1].end, w.brk))
            i += 2
            continue
        out.append(w)
        i += 1
    return out


def _break_before(gap: str, *, first: bool) -> int:
    if first or _SENTENCE_END_RE.search(gap):
        return 2
    return 1 if _BREAK_RE.search(gap) else 0


def _expand(token: str, start: int, end: int, brk: int, before: list[Word]) -> list[Word]:
    def mk(parts: list[str]) -> list[Word]:
        return [Word(p, start, end, brk if i == 0 else 0) for i, p in enumerate(parts)]

    if token == "%":
        return mk(["percent"])
    if token in _BARE_CONTRACTIONS:
        return mk(_BARE_CONTRACTIONS[token].split())
    if token == "cause" and not (before and before[-1].norm in {"the", "a", "main", "root"}):
        return mk(["because"])
    if "'" in token:
        head, _, tail = token.rpartition("'")
        if tail == "t" and head.endswith("n"):
            base = head[:-1]
            return mk([_NT_BASES.get(base, base), "not"])
        if tail == "s":
            if head == "let":
                return mk(["let", "us"])
            return mk([head, "is"]) if head in _S_IS else mk([head])  # possessive: "dad's"
        if tail in _SUFFIXES:
            return mk([head, *_SUFFIXES[tail]])
        return mk([token.replace("'", "")])
    if token.isdigit() or re.fullmatch(r"\d+[.,]\d+", token):
        return mk([token.replace(",", "")])
    return mk([token])


def _join_numbers(ws: list[Word]) -> list[Word]:
    """Spelled-out numbers as digits: "two hundred and fifty" -> "250", "ten thirty" -> "10 30"."""
    out: list[Word] = []
    total = current = 0
    first: Word | None = None
    last: Word | None = None

    def flush() -> None:
        nonlocal total, current, first
        if first is not None and last is not None:
            out.append(Word(str(total + current), first.start, last.end, first.brk))
        total = current = 0
        first = None

    for k, w in enumerate(ws):
        word = w.norm
        in_number = first is not None and not w.brk
        if word in _UNITS and word != "oh":
            value = _UNITS[word]
            below_hundred = current % 100
            round_ten = below_hundred >= 20 and below_hundred % 10 == 0
            if in_number and not (below_hundred == 0 or (round_ten and value < 10)):
                flush()
                in_number = False
            if not in_number:
                flush()
                first = w
            current += value
            last = w
            continue
        if word in _SCALES and (in_number or (out and out[-1].norm == "a" and not w.brk)):
            if not in_number:
                out.pop()  # "a hundred"
                first = w
            if word == "hundred":
                current = max(current, 1) * 100
            else:
                total += max(current, 1) * _SCALES[word]
                current = 0
            last = w
            continue
        if word == "and" and in_number and current >= 100 and k + 1 < len(ws) and (
                ws[k + 1].norm in _UNITS):
            continue  # "two hundred and fifty"
        flush()
        out.append(Word(_ORDINALS.get(word, word), w.start, w.end, w.brk))
    flush()
    return out


_PHRASES_BY_FIRST: dict[str, list[tuple[tuple[str, ...], str]]] = {}
for _pattern, _name in _PHRASES:
    _PHRASES_BY_FIRST.setdefault(_pattern[0], []).append((_pattern, _name))


def _join_phrases(ws: list[Word]) -> list[Word]:
    out: list[Word] = []
    i = 0
    while i < len(ws):
        for pattern, name in _PHRASES_BY_FIRST.get(ws[i].norm, ()):
            j = _match_phrase(ws, i, pattern)
            if j:
                out.append(Word(name, ws[i].start, ws[j - 1].end, ws[i].brk))
                i = j
                break
        else:
            out.append(ws[i])
            i += 1
    return out


def _match_phrase(ws: list[Word], i: int, pattern: tuple[str, ...]) -> int:
    j = i
    for part in pattern:
        if part == "*":
            if j < len(ws) and ws[j].norm in _OBJECT_PRONOUNS:
                j += 1
            continue
        if j >= len(ws) or ws[j].norm != part or (j > i and ws[j].brk):
            return 0
        j += 1
    return j


# --- perspective ---------------------------------------------------------------------------------

# A person-neutral spelling: the sender's "I" and the mirror's "you" are the same person, so
# stock phrases and word alignment compare "P" with "P".
_NEUTRAL = {"i": "P", "me": "P", "you": "P", "my": "PP", "your": "PP", "mine": "PS",
            "yours": "PS", "myself": "PX", "yourself": "PX", "am": "be", "are": "be", "is": "be",
            "was": "be", "were": "be", "u": "P", "ya": "P"}


def neutral(word: str) -> str:
    return _NEUTRAL.get(word, word)


def content_weight(word: str) -> float:
    """How much a word carries of a message: 0 for function words, more for feelings."""
    if word in NEGATORS:
        return 0.0
    if word.replace(".", "").isdigit():
        return 0.3 if word == "1" else 1.0
    if word in STOPWORDS or len(word) == 1 and word.isascii():
        return 0.0
    if (is_feeling(word) and word not in AMBIGUOUS_FEELINGS) or concept(word) in (
            _FEELING_CONCEPTS):
        return 1.5
    if word in LIGHT or concept(word) in _LIGHT_CONCEPTS:
        return 0.3
    return 1.0


# A synonym class is light (or a feeling) as a whole, so "show up" weighs what "come" weighs.
_LIGHT_CONCEPTS = frozenset(concept(w) for w in LIGHT)
_FEELING_CONCEPTS = frozenset(
    c for c in (concept(w) for w in (FEELINGS_LEXICON | FEELING_NOUNS) - AMBIGUOUS_FEELINGS)
    if c.startswith("~") and c not in _LIGHT_CONCEPTS)


# --- speaking the sender's words to the receiver -----------------------------------------------

_ADVERBS = frozenset({"really", "just", "always", "never", "often", "sometimes", "also", "still",
                      "actually", "honestly", "usually", "even", "only", "so", "truly", "already",
                      "genuinely", "constantly", "rarely", "kind", "sort", "of", "totally",
                      "completely", "barely", "hardly", "ever"})
_MODALS = frozenset({"can", "could", "will", "would", "should", "shall", "may", "might", "must",
                     "can't", "couldn't", "won't", "wouldn't", "shouldn't", "mustn't"})
_THIRD_SINGULAR = {"am": "is", "are": "is", "have": "has", "do": "does", "don't": "doesn't",
                   "haven't": "hasn't", "aren't": "isn't", "go": "goes"}
_PLURAL = {"am": "are", "was": "were", "wasn't": "weren't", "is": "are", "has": "have",
           "does": "do", "doesn't": "don't", "hasn't": "haven't"}
_OURS = {"we": "you two", "us": "the two of you", "our": "your", "ours": "yours",
         "ourselves": "yourselves", "we're": "you two are", "we've": "you two have",
         "we'd": "you two would", "we'll": "you two will"}
_SPEAK_RE = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?")


# Present-tense verbs that end in "-ed" like a past tense.
_BASE_ED = frozenset({"need", "feed", "speed", "bleed", "breed", "proceed", "succeed", "exceed",
                      "shed", "wed", "embed", "plead", "heed", "seed"})


def _past(word: str) -> bool:
    return word in _IRREGULAR or word.endswith("ed") and word not in _BASE_ED


def _agree(verb: str, singular: bool) -> str:
    low = verb.lower()
    if singular:
        if low in _THIRD_SINGULAR:
            return _THIRD_SINGULAR[low]
        if low in _MODALS or low.endswith("n't") or _past(low) or not low.isalpha():
            return verb
        if low.endswith(("s", "sh", "ch", "x", "z", "o")):
            return verb + "es"
        if low.endswith("y") and len(low) > 2 and low[-2] not in "aeiou":
            return verb[:-1] + "ies"
        return verb + "s"
    return _PLURAL.get(low, verb)


def gerund(verb: str) -> str | None:
    """"check" -> "checking", "make" -> "making", "get" -> "getting"; None unless ``verb``
    looks like a plain present-tense verb (past forms and "-s" forms are left alone)."""
    low = verb.lower()
    if (not low.isalpha() or len(low) < 2 or _past(low) or low.endswith("ing")
            or low in STOPWORDS or low.endswith("s") and not low.endswith("ss")):
        return None
    if low.endswith("ie"):
        return low[:-2] + "ying"
    if low.endswith("e") and not low.endswith(("ee", "ye", "oe")):
        return low[:-1] + "ing"
    vowels = sum(ch in "aeiou" for ch in low)
    if vowels == 1 and len(low) <= 4 and low[-1] not in "aeiouwxy" and low[-2] in "aeiou":
        return low + low[-1] + "ing"
    return low + "ing"


def for_listener(text: str, name: str, *, mentioned: bool = False) -> str:
    """The sender's words as the facilitator says them to the receiver.

    "I feel unheard when you look at my phone" -> "Sam feels unheard when you look at their
    phone" (the name once, then "they"); the sender's "you" is the receiver, so it stays.
    ``mentioned``: the name was already said in this sentence, so start with "they".
    """
    text = clean(text)
    out: list[str] = []
    pos = 0
    named = mentioned
    agree_next: bool | None = None  # None: no pending verb; True: 3rd singular; False: plural
    for m in _SPEAK_RE.finditer(text):
        out.append(text[pos:m.start()])
        pos = m.end()
        word = m.group()
        low = word.lower()
        if agree_next is not None and low not in _ADVERBS:
            out.append(_agree(word, agree_next))
            agree_next = None
            continue
        if low in {"i", "i'm", "i've", "i'd", "i'll"}:
            subject = "they" if named else name
            singular = not named
            named = True
            rest = {"i": "", "i'm": " are" if not singular else " is", "i've": " have",
                    "i'd": " would", "i'll": " will"}[low]
            if singular and low == "i've":
                rest = " has"
            if not singular and low != "i":
                rest = {"i'm": "'re", "i've": "'ve", "i'd": "'d", "i'll": "'ll"}[low]
            out.append(subject + rest)
            agree_next = singular if low == "i" else None
        elif low == "me":
            out.append("them" if named else name)
            named = True
        elif low in {"my", "mine"}:
            out.append(("their" if low == "my" else "theirs") if named else name + "'s")
            named = True
        elif low == "myself":
            out.append("themselves")
        elif low in _OURS:
            out.append(_OURS[low])
        else:
            out.append(word)
    out.append(text[pos:])
    return "".join(out)
