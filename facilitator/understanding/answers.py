"""Precise readings of a step's answer, where a rule is surer than a classifier.

Each reader returns ``(outcome, why)`` when the words settle it ("not quite" to "did Tom
get that?" is partly; "makes sense, if you are a child" is a validation with a put-down)
and ``None`` when they do not; the step classifier in ``turns.py`` decides those. The
rules are patterns of how people answer, not lists of sentences: a put-down is a
belittling word or a blaming tail after the validation or the feeling, a postponement is
a time proposed, and so on.
"""

from __future__ import annotations

import re

from facilitator import textnorm as tn
from facilitator.understanding import cues as cu
from facilitator.understanding import lexicon, rules

Reading = tuple[str, str | None] | None


_YOUR_AS_YOU_ARE = frozenset({"always", "never", "so", "such", "being", "a", "an", "just", "kind",
                              "really", "constantly", "the", "like", "not", "probably", "too",
                              "right", "wrong", "acting", "going", "doing", "making", "still"})


# textnorm writes ordinals as figures so that "1st" and "first" match in a mirror; the
# readers' phrases are in words ("shower first, then sure").
_ORDINALS = {"1st": "first", "2nd": "second", "3rd": "third"}


def _norms(text: str) -> list[str]:
    """Normalised words; "your" heard for "you're" ("your always late") is mended."""
    words = [_ORDINALS.get(w.norm, w.norm) for w in tn.words(text)]
    out: list[str] = []
    for k, w in enumerate(words):
        nxt = words[k + 1] if k + 1 < len(words) else ""
        if w == "your" and nxt in _YOUR_AS_YOU_ARE:
            out.extend(("you", "are"))
        else:
            out.append(w)
    return _answer_start(out)


_LEAD_FILLERS = frozenset({"um", "uh", "erm", "er", "oh", "well", "mm", "hmm"})


# Exclamations that open an answer and answer nothing: "oh god, yes, loads", "oh my god yes
# exactly", "gosh, no, that's it". Not "wow", which is as often sarcasm ("Wow. That makes
# perfect sense. Really.").
_EXCLAMATIONS = sorted((tuple(x.split()) for x in (
    "oh my god", "oh my gosh", "oh my goodness", "my god", "oh god", "oh gosh", "oh lord",
    "good lord", "oh man", "god", "gosh", "jeez", "geez", "blimey", "crikey", "ugh",
    "man", "goodness", "oh boy", "boy")), key=len, reverse=True)


def _answer_start(words: list[str]) -> list[str]:
    """"Yeah no" opens an answer without answering: the words after it do ("yeah no, that's
    not it", "yeah no, that makes total sense"); alone it is a no. "Yeah nah" is a no. An
    exclamation before an answer is left out ("oh god yes loads")."""
    k = 0
    while k < len(words):
        if words[k] in _LEAD_FILLERS:
            k += 1
            continue
        lead = next((e for e in _EXCLAMATIONS if tuple(words[k:k + len(e)]) == e), None)
        if lead is None or k + len(lead) >= len(words):
            break
        words = words[:k] + words[k + len(lead):]
    if words[k:k + 2] == ["yeah", "nah"]:
        return words[:k] + words[k + 1:]
    if words[k:k + 2] == ["yeah", "no"]:
        return words[:k] + (words[k + 2:] or ["no"])
    return words


def _line(words: list[str]) -> str:
    return " " + " ".join(words) + " "


# --- put-downs, sarcasm, dismissal, rebuttal -----------------------------------------------

# Words that belittle the partner when said of them.
_BELITTLING = frozenset({
    "crazy", "insane", "psycho", "sensitive", "oversensitive", "fragile", "dramatic", "drama",
    "hysterical", "paranoid", "needy", "whiny", "whining", "overreact", "overreacts",
    "overreacting", "overreacted", "exaggerate", "exaggerating", "exaggerates", "ridiculous",
    "pathetic", "silly", "weak", "immature", "childish", "spoiled", "lazy", "selfish",
    "irrational", "unreasonable", "nuts", "mental", "princess", "diva", "martyr", "victim",
    "whinge", "whinges", "whinging", "whine", "whines", "thick", "dense", "clueless", "spoilt",
})
# "you're making a big thing out of nothing": a put-down in a validation, a feeling waved away
# in an empathy
_OUT_OF_NOTHING = (r" (?:making|make|makes|made) (?:such )?(?:a )?(?:big |huge |massive )?"
                   r"(?:thing|deal|fuss|drama|mountain) (?:outof|out of|over|about) nothing\b")
# "as usual", "like always": said of the partner, a put-down in a validation and in an empathy
_AS_USUAL = r" (?:as usual|as always|like always|like usual|per usual) "
_PUT_DOWN = [re.compile(p) for p in (
    r" (?:your|your own) (?:problem|fault|issue|doing|thing) ",
    r" (?:that|which) (?:is|was) (?:kind of |sort of |totally |all |really )?on you ",
    r" (?:is|was) (?:kind of|sort of|totally) on you ",
    r" (?:bring|brought|bringing|brings) (?:it|that|this|them|these)? ?on yourself ",
    r" you do (?:it|that|this) to yourself ",
    _AS_USUAL,
    r" after all ",
    r" (?:little|own little) world ",
    r" (?:can not|could not|never) handle ",
    r" (?:can not|could not|never) (?:cope|deal) with (?:anything|everything|life|things|"
    r"anything at all)\b",
    r" happy now ",
    r" get over it ",
    r" get (?:that|it|yourself) (?:looked at|checked|fixed|sorted) ",
    r" the way you (?:always )?(?:do|are|get) (?:about|over|with) (?:literally )?(?:anything|"
    r"everything|nothing)\b",
    r" (?:you|you really) (?:should|need to|ought to) (?:really )?(?:get|see|stop|relax|calm|chill|"
    r"grow|toughen|lighten|go|try|just) ",
    r" (?:exhausting|tiring|draining|annoying|a lot) (?:for|to) me ",
    r" which (?:is|honestly|frankly|really)? ?(?:exhausting|annoying|ridiculous|tiring|your) ",
    r" for (?:someone|somebody|anyone|a person|people) (?:who|that|like you) ",
    # "makes sense to someone who's never had to work for anything": sense granted to a
    # lesser sort of person
    r" to (?:someone|somebody|anyone|a person|people) (?:who|that) (?:is |has |had |have )?"
    r"(?:never|not|does not|do not|can not|only|just)\b",
    # or "if you're the kind of person who cries over dishes"
    r" if (?:you are|you were) (?:the (?:kind|sort|type) of (?:person|guy|girl|man|woman)|"
    r"someone|somebody|a person) (?:who|that)\b",
    # the partner's view found endearing, as a child's is: "it's sweet that you think that"
    r" (?:sweet|cute|adorable|precious|funny|hilarious|amusing) (?:that|how) you (?:\w+ )?"
    r"(?:think|believe|reckon|imagine)\b",
    r" for a (?:crazy|grown|child|kid|baby|toddler) ",
    r" (?:if|when) you are (?:that|so|this|a|such a) ",
    r" (?:make|makes|made) (?:\w+ )?(?:sense|since|cents) (?:(?!because |since |as )\w+ )?"
    r"(?:if|for) (?:you|your|someone|somebody|a) ",
    r" (?:everything|it|all) (?:to be |is |has to be |to be all |is all )?(?:all )?about you ",
    r" (?:you|your (?:whole |entire )?(?:family|lot|people|mum|mom|dad|mother|father)) (?:get|gets|"
    r"are|is|get so|gets so|are so|is so) (?:\w+ )?(?:upset|worked up|angry|hurt|offended|sad|"
    r"anxious|jealous|paranoid|defensive|touchy|stressed|wound up|het up) (?:about|over|by|of|at) "
    r"(?:literally )?(?:anything|everything|nothing|everyone|everybody|anyone|anybody)",
    r" you never let (?:anything|it|things|stuff) go\b",
    r" (?:your|the) default ",
    r" (?:did|do|does|brought|bring|brings) (?:that|this|it) (?:on|to) yourself ",
    r" poor (?:baby|thing|you|little|darling) ",
    r" sorry for yourself ",
    r" (?:pleased|happy|proud|smug) with yourself ",
    r" bless(?: you| him| her| them| your heart| his heart| her heart)? ?$",
    _OUT_OF_NOTHING,
    r" what happens when you ",
    r" (?:it is|its|that is) not (?:that|so) hard ",
    r" you could just ",
    r" (?:but|though|although|which|and|even though) you(?: are| were)? (?:\w+ ){0,3}?"
    r"(?:always|never|"
    r"everything|everyone|whenever|every time|anyway|all the time|the one who|constantly)\b",
    r" the way a ",
    r" grown (?:men|women|adults|man|woman|adult|ups?) (?:who|that) ",
    r" self (?:pitying|pity|absorbed|obsessed|centred|centered|righteous|important)\b",
    r" (?:his|her|your) (?:favou?rite|best loved) (?:thing|hobby|pastime|sport)\b",
    r" you (?:are|were) (?:always|so|such|too|just|being) (?:\w+ ){0,2}(?:about|over) ",
    # "you're always late"; not "you're always the one holding the family together"
    r" you are always (?!(?:the one|the 1) (?:holding|doing|carrying|looking|taking|keeping|"
    r"picking|sorting|who (?:does|holds|carries|looks|takes|keeps|picks|has to|ends up|gets up|"
    r"sorts|remembers|organises|organizes|plans))|there|looking|holding|helping|working|carrying|"
    r"doing|taking|"
    r"keeping|putting|picking|making sure|so good|so kind|tired|exhausted|stressed|busy|"
    r"running|on call|on your own)\w+ ",
    r" you are so \w+ ",
    r" you are such a ",
    r" you are (?:just |such |really |being |a right |a total |a complete )?(?:a|an) (?:\w+ )?"
    r"(?:cow|bitch|prick|dick|twat|idiot|moron|muppet|pillock|wanker|"
    r"nightmare|joke|brat|pig|slob)\b",
    r" (?:like|such|for|as|are|being|be) (?:a |an )?(?:(?!your |my |our )\w+ )?(?:child|kid|"
    r"toddler|baby|teenager|teen|princess|brat) ",
    r" (?:you|we) (?:\w+ ){0,3}again ?$",  # "there you go again", not "I was late again"
    r" what else is new ",
    r" i bet ",
    # praise made faint: "you make sense, as much as you ever do, which isn't saying much"
    r" (?:which|that|and that) (?:is|was) not saying (?:much|a lot|a great deal|anything)\b",
)]
# Mockery that needs no tone of voice to be heard: "typical", "surprise surprise", "well
# done, genius", "your majesty", "poor baby", "here we go", "the great provider". Sarcasm in a
# validation, contempt in a sharing.
_MOCKERY = (
    r"^ (?:ugh |oh |well )?typical(?: you| of you| yeah| really| as usual)?\b",
    r" surprise surprise ",
    r" (?:well done|nice one|good job|great job|nice going|bravo|thanks a lot|thanks a bunch) "
    r"(?:genius|einstein|sherlock|champ|hero|mastermind|superstar) ",
    r" your (?:majesty|highness|lordship|royal highness) ",
    r" grace(?:d|s)? us with (?:your|his|her) presence ",
    r" poor (?:baby|diddums|little (?:you|thing|baby|lamb|me)) ",
    r"^ (?:ugh |oh |well )?here we go again ",
    r" the great (?:provider|genius|expert|hero|lord|master|martyr|saint) ",
    r" (?:i am|i'm) (?:clearly|obviously) the (?:worst|most terrible|most awful) ",
    r" (?:clearly |obviously )?i am (?:clearly |obviously )?(?:just )?the (?:worst|most terrible|"
    r"most awful) (?:husband|wife|partner|boyfriend|girlfriend|person|father|mother|dad|mum|mom)"
    r"\b",
    r" i am (?:always |clearly |obviously |just )?the (?:villain|bad guy|bad one|"
    r"monster|big bad wolf|devil) ",
    r" typical (?:you|of you)\b", r" boo hoo\b", r" shocker ", r" which you love ",
    r" your little (?:speech|rant|tantrum|show|performance|lecture|sulk|moan|drama) ",
    r" (?:a|the) (?:monster|villain|ogre|tyrant|bad guy) like me\b",
    # "I'll just quit my job and stay home then, shall I": a rhetorical offer
    r" (?:then )?shall i ?[.?!]* ?$",
    # a scoff before the words: "pfft, makes sense", "pah, I'm sure"
    r"^ (?:pf+t*|pff+|psh+|pah|tch|tsk(?: tsk)*)\b",
    # everything made out to be a drama with the partner: "everything's a crisis with you"
    r" (?:everything|every little thing|anything) is (?:always )?(?:a |an |such a )?(?:big )?"
    r"(?:crisis|drama|disaster|catastrophe|emergency|tragedy|big deal|deal|production|saga) "
    r"(?:with|for) you\b",
)
_SARCASM = [re.compile(p) for p in _MOCKERY + (
    r"^ (?:oh|wow|yeah great|great|riiight|riight|sure sure|yeah yeah sure)\b",
    # the partner made out to be always right or alone in their trouble: "you're never wrong,
    # are you", "you're the only person who's ever been tired", "it always makes sense when
    # you say it", a small thing made a crime
    r" you are never wrong\b",
    r" you (?:always|never) (?:\w+ ){0,2}?(?:do|does|did|are|is|have|has|can|will|would)(?: not)?"
    r" you ?$",
    r" the only (?:person|one|human|woman|man) (?:who has|who is|who was|to have|in the world "
    r"who has) ever\b",
    r" (?:it|everything|that) (?:always )?makes sense when you say it\b",
    r" everything you (?:say|do|think) (?:always )?makes (?:total |perfect )?sense\b",
    r" (?:basically|practically|literally|apparently) a (?:crime|sin|felony|capital offence|"
    r"hanging offence|war crime)\b",
    # a small thing made a catastrophe: "a bit of washing up is a national emergency"
    r" (?:a bit of|a little|a tiny|one|a single|the odd|a few|some) (?:\w+ ){1,4}?(?:is|was|are|"
    r"were) (?:a |an )?(?:(?:national|international|global|world|public) (?:emergency|crisis|"
    r"disaster|incident|tragedy)|the end of the world)\b",
    r" (?:is|was|are|were) (?:a |an )?human rights (?:issue|violation|abuse|crisis)\b",
    r" oh (?:yeah|sure|right|totally|absolutely|definitely|great|wow|that|of course)\b",
    r" yeah right ",
    r" (?:so|sooo+) much sense ",
    r" everything is (?:always )?my fault ",
    r" got it ?$",
    r" (?:let me|i will|i should|i had better|i better|better) (?:just )?(?:write|jot|note) "
    r"(?:that|this|it) down(?: then| now| somewhere| quick| for later)? ?$",
    r" as always ",
    # the same complaint heard before: "just like last time and the time before"
    r" (?:last time|every time|the time) and the time before\b",
    r" just like (?:you did |it did )?(?:last time|the last time|every other time|all the other "
    r"times)\b",
    r" good for you ",
    r" congrat",
)]
_DISMISS = [re.compile(p) for p in (
    r"^ (?:fine|whatever|meh|sure|ok|okay|i guess|i suppose)\b(?: (?:fine|sure|whatever|ok|okay|"
    r"i guess|then|yeah))* ?$",
    r" whatever ",
    r" if you say so ",
    r" if that is (?:how|what) you (?:see|think|feel|want)",
    r" if you (?:want|insist|like) ",
    r" yeah yeah ",
    r" happy now ",
    r" i do not (?:know|care) ",
    r"^ (?:meh|fine|whatever)\b",
    r" fine sure ",
    r" i guess sure ",
    r" who cares ",
    r" (?:can|could) we (?:just |please )?move on\b| let us (?:just )?move on\b| moving on\b",
    # "suppose it makes sense, doesn't really matter though": sense granted and waved away
    r" (?:it |that |this )?(?:does not|do not|did not) (?:really |much |even )?matter\b",
    # the cause made small: "it's just a bit of dust though"
    r" (?:it is|it was) (?:only |just )+(?:a bit of|a little|a few|a bit|some) (?:\w+ ){1,2}"
    r"(?:though|anyway|really|at the end of the day)\b",
)]
_REBUTTAL = re.compile(
    r" (?:but|though|although|except|however|to be fair|what about|then again|still)\b"
    r"(?! (?:also|yeah|yes|yep|that makes sense|it makes sense|i (?:can|do) (?:see|understand|"
    r"get)|i (?:did not|never|had not|have not) (?:\w+ )?(?:realise|realize|realised|realized|"
    r"know|knew|see|saw|notice|noticed|think about|thought about)|i (?:just )?need a (?:minute|"
    r"second|moment|sec)))")
_STILL_AFTER = frozenset({"are", "is", "am", "was", "were", "i", "you", "we", "they", "he",
                          "she", "it", "be", "been", "have", "has", "had"})
_DEFENSIVE = frozenset({"i", "you", "your", "my", "me", "we", "mom", "mother", "dad",
                        "father", "exaggerating", "fair", "when", "tired", "started", "too",
                        "either", "told", "said", "did", "was", "were", "not"})


# A belittling word that is no label on the partner: a feeling they had ("you felt silly",
# "you feel a bit fragile"), or a word in a compound with its own plain meaning ("the mental
# load", "a sensitive topic", "the drama at your work").
_FEEL_VERBS = tn.FEEL_FORMS
_SOFTENERS = frozenset({"so", "really", "very", "quite", "pretty", "a", "bit", "little", "kind",
                        "sort", "of", "too", "and", "just", "totally", "completely", "kinda",
                        "sorta", "all", "more", "less", "even"})
_PLAIN_COMPOUND = {
    "mental": frozenset({"load", "health", "state", "note", "notes", "space", "energy", "block",
                         "illness", "breakdown", "list", "lists", "arithmetic", "math", "maths",
                         "exhaustion", "image", "picture", "toll", "strain", "capacity"}),
    "sensitive": frozenset({"topic", "topics", "subject", "subjects", "issue", "issues", "spot",
                            "point", "skin", "stuff", "thing", "things", "area", "time",
                            "conversation", "conversations", "information", "matter"}),
    "weak": frozenset({"moment", "moments", "spot", "point", "signal", "tea", "coffee"}),
    "drama": frozenset({"at", "with", "of", "around", "over", "in", "from", "about"}),
    "thick": frozenset({"and", "skin", "skinned", "accent", "fog", "coat", "snow", "smoke",
                        "air", "traffic", "end", "socks", "jumper", "blanket", "of"}),
    "dense": frozenset({"fog", "traffic", "crowd", "smoke", "forest", "bread", "cake"}),
}


def _felt(words: list[str], k: int) -> bool:
    """Is the word at k what someone feels: "felt silly", "feel a bit fragile and small"?"""
    for j in range(k - 1, max(-1, k - 6), -1):
        if words[j] in _FEEL_VERBS:
            return True
        if words[j] not in _SOFTENERS and words[j] not in _BELITTLING and (
                not rules.feeling_words(words[j])):
            return False
    return False


_COPULAS = frozenset({"is", "was", "been", "are", "were", "be", "being", "gets", "got", "get",
                      "getting", "went", "gone"})
# What a word after "is" or "been" is said of when it is no label on the partner: "your
# job's been mental", "work has been crazy", "things got mental", "it's been nuts" (not
# "you're", "that's a bit dramatic", "you tend to get hysterical").
_THINGS = frozenset({"things", "everything", "stuff", "life"})


def _said_of_a_thing(words: list[str], k: int) -> bool:
    j = k - 1
    while j >= 0 and words[j] in _SOFTENERS:
        j -= 1
    if j < 1 or words[j] not in _COPULAS:
        return False
    j -= 1
    while j >= 0 and words[j] in ("has", "have", "had", "is", "was", "are", "were", "am", "be",
                                  "been", "being", "will", "would", "always", "just"):
        j -= 1
    if j < 0:
        return False
    if words[j] == "it":
        return words[j + 1:k].count("been") > 0  # "it's been crazy", not "it's a bit dramatic"
    return words[j] in _THINGS or words[j] not in tn.STOPWORDS


def put_down(line: str) -> bool:
    words = line.split()
    for k, w in enumerate(words):
        if w not in _BELITTLING or _felt(words, k) or _said_of_a_thing(words, k):
            continue
        nxt = words[k + 1] if k + 1 < len(words) else ""
        if nxt in _PLAIN_COMPOUND.get(w, ()):
            continue
        return True
    return any(p.search(line) for p in _PUT_DOWN)


def sarcastic(text: str, line: str) -> bool:
    # drawn-out words: "sooo hard done by", "riiight", "yeahhhh"
    drawn_out = re.search(r"([a-z])\1{3,}|([aeiou])\2{2,}", text.lower())
    if drawn_out or re.search(r"\b[A-Z]{2,}\b", text) and (
            not re.search(r"\bI\b", text.replace("I'", "")) or re.search(r"\b(?!I\b)[A-Z]{2,}\b",
                                                                         text)):
        return True
    return any(p.search(line) for p in _SARCASM)


def dismissive(line: str) -> bool:
    return any(p.search(line) for p in _DISMISS)


def rebuttal_after(words: list[str], start: int) -> bool:
    """A "but" after the validation that argues back: "I see why, but I was tired too"."""
    tail = _line(words[start:])
    m = _REBUTTAL.search(tail)
    # "you're still finding your feet": "still" after its verb is no "still, ..."
    while m and m.group().strip() == "still" and tail[:m.start()].split()[-1:] and (
            tail[:m.start()].split()[-1] in _STILL_AFTER):
        m = _REBUTTAL.search(tail, m.end())
    if not m:
        return False
    after = tail[m.end():].split()
    return len(after) >= 2 and bool(_DEFENSIVE & set(after[:8]))


# --- validation ----------------------------------------------------------------------------

_MIRRORING = re.compile(r"^ (?:so )?(?:what i hear(?:d)? you (?:saying|say)|if i got (?:it|that)|"
                        r"you said|let me see if|i hear you say|what you said|what you are saying)")


# Sense seen only on the receiver's side: "it makes sense that I'd be annoyed", "because I
# was exhausted and I had every right to be", "I needed my space".
_OWN_SENSE = re.compile(
    r" makes sense (?:that |why )?i (?:would|was|am|felt|feel|had|did|do|(?:get|got)(?! (?:it|"
    r"that|you|why|where|what)\b))\b(?! not\b)|"
    r" i had every right| i (?:needed|need) (?:my|some) (?:space|time|rest|sleep|break)\b|"
    r" i had (?:a|such a) (?:hard|long|rough|bad|tough|awful|stressful|horrible) day\b|"
    r" (?:was|am) i supposed to ")
# "yeah. yeah it makes sense": a pause between two yeahs, not "yeah yeah" waved on
_YEAH_TWICE_APART = re.compile(r"(?i)\byeah[.!?;]+\s*yeah\b(?![\s,]*(?:yeah|whatever))")
# The receiver in the sender's place: "I'd probably feel the same if you went quiet on me".
_SAME_HERE = re.compile(r" i would (?:\w+ )?(?:feel|be|get|react|do) (?:(?:\w+ ){1,2}(?:too|"
                        r"as well)\b|the same|that way|"
                        r"exactly the same|just the same|like that)\b")
_OWN_STATE = re.compile(r" because i (?:was|am|had been|have been|felt|feel) (?:so |really |just "
                        r"|too |completely |totally )?(\w+)")
# A reason that runs the partner down: "which is wrong", "from your point of view, which is
# nonsense".
_WRONG_VIEW = re.compile(r" which (?:is|was) (?:just |totally |completely )?(?:wrong|ridiculous|"
                         r"stupid|nonsense|rubbish|crazy|insane|absurd|silly|mad)\b")
# Sense denied outright: "I don't see how it makes sense", "it makes no sense".
_NO_SENSE = re.compile(r" (?:do not|does not|did not|can not|cannot|could not) (?:see|get|"
                       r"understand) (?:how|why) (?:it|that|this|any of (?:it|that|this)) "
                       r"(?:makes|made|would make) sense| (?:makes|made) no sense| (?:does|did) "
                       r"not make (?:any |much )?sense")


# The reason given is who the partner takes after: "because you're just like your mother",
# "you're your father's son", "you're just like that".
_LIKE_THEIR_PEOPLE = re.compile(
    r" you are (?:(?:just |so |exactly |basically |literally |always )?like (?:your (?:\w+ )?"
    r"(?:mother|mum|mom|father|dad|family|sister|brother|parents|folks)|that|this)(?: \.| ,| ?$)|"
    r"(?:just|so|exactly|basically|literally) like (?:your (?:\w+ )?(?:mother|mum|mom|father|"
    r"dad|family|parents|folks))\b|your (?:mother|mothers|mum|mums|mom|moms|father|fathers|dad|"
    r"dads) (?:daughter|son|child|kid)\b)")


# The reason given is what the partner cannot do: "you've never been any good with money",
# "you've never really coped with anything on your own".
_NO_GOOD_AT = re.compile(
    r" you (?:have |had )?(?:never|not ever) (?:really |once |actually |even )?(?:been (?:any|"
    r"much) (?:good|use)|been able to (?:cope|manage|handle)|coped|managed|handled|known how to "
    r"(?:cope|manage|handle))\b")


_EXCUSES = frozenset({"tired", "exhausted", "stressed", "busy", "knackered", "shattered",
                      "drained", "overwhelmed", "worn", "sick", "ill", "swamped", "frazzled",
                      "fried", "wiped", "spent", "burnt", "burned"})
# What "you always ..." says of the partner when it runs them down, not what they go through
# ("you always blow things up", not "you never get a minute to yourself").
_RUN_DOWN = frozenset({"blow", "blows", "nag", "nags", "moan", "moans", "complain", "complains",
                       "overreact", "overreacts", "exaggerate", "exaggerates", "whinge",
                       "whinges", "shout", "shouts", "yell", "yells", "twist", "twists", "ruin",
                       "ruins", "criticise", "criticize", "criticises", "criticizes", "fuss",
                       "kick", "kicks", "start", "starts"})
# "you keep nagging", "you keep on complaining": the same running down, said as it goes on
_RUN_DOWN_STEMS = frozenset(tn.stem(w) for w in _RUN_DOWN)


_WAVED_ON = frozenset({"next", "suppose", "guess", "whatever", "fine", "anyway", "moving"})
# Besides the stop words (fillers, pronouns, "do", "can"), what a bare validation is made of.
_BARE_SENSE = frozenset({"sense", "makes", "make", "made", "making", "total", "perfect",
                         "complete", "completely", "next", "fine", "mmm", "yep", "alright",
                         "see", "get", "understand", "moving"})


def _own_state(line: str) -> bool:
    m = _OWN_STATE.search(line)
    return bool(m) and m.group(1) in _EXCUSES


def _runs_down(text: str, words: list[str]) -> bool:
    found = rules.find_blame(text)
    kinds = rules.blame_kinds(text)
    if "insult" in kinds or "fault" in kinds and any(q.startswith(("it", "that", "your", "what"))
                                                      for q in found):
        return True  # not "because of you": the sender's feeling may well be because of them
    if "absolute" not in kinds and " you keep " not in _line(words):
        return False
    for k, w in enumerate(words[:-1]):
        if w == "you" and words[k + 1] in ("always", "constantly", "keep"):
            after = words[k + 2:k + 4]
            if after[:1] == ["on"]:
                after = words[k + 3:k + 5]
            # or "you keep nagging" (any form after "keep"), or "you always make such a fuss"
            if after[:1] and (after[0] in _RUN_DOWN or words[k + 1] == "keep" and tn.stem(
                    after[0]) in _RUN_DOWN_STEMS) or (
                    after[:1] in (["make"], ["makes"]) and after[1:2] in (["a"], ["such"])):
                return True
    return False


def read_validation(text: str) -> Reading:
    words = _norms(text)
    if not words:
        return None
    line = _line(words)
    at = cu._validation_at(words)
    if at is None or at < 0:
        if at == -1 and not dismissive(line):
            return ("retry", "none")  # only a negated or asked one: "I don't see why ..."
        if dismissive(line):
            return ("retry", "dismissal")
        if _MIRRORING.search(line) or "?" in text:
            return ("retry", "none")
        return None
    if put_down(line) and not sarcastic(text, line):
        return ("retry", "contempt")
    if sarcastic(text, line):
        return ("retry", "contempt" if put_down(line) else "sarcasm")
    if _NO_SENSE.search(line):
        return ("retry", "none")
    if _WAVED_ON & set(words) and not [w for w in words if w not in tn.STOPWORDS
                                         and w not in _BARE_SENSE]:
        # "makes sense I suppose", "okay. makes sense. next": the stem alone, waved on (a
        # bare "that makes sense" is the method's own minimum, and is thanked)
        return ("retry", "dismissal")
    if dismissive(line) and not _YEAH_TWICE_APART.search(text):
        return ("retry", "dismissal")
    if _WRONG_VIEW.search(line) or _runs_down(text, words) or _LIKE_THEIR_PEOPLE.search(
            line) or _NO_GOOD_AT.search(line):
        return ("retry", "contempt")  # "because you always blow things up"
    own_sense = _OWN_SENSE.search(line) and not _SAME_HERE.search(line) or re.search(
        r" (?:well )?no actually\b| actually no\b", line[line.find(" sense "):])
    if rebuttal_after(words, at) or own_sense or _own_state(line):
        return ("retry", "rebuttal")
    return ("valid", None)


# --- empathy -----------------------------------------------------------------------------

_NOT_FEELINGS = frozenset({"unfair", "fair", "wrong", "right"})
# Where a thought starts: "you feel that I ...", "you feel like nobody ...", "you think ..."
_THOUGHT_FRAME = re.compile(r" (?:feel|feels|felt|feeling) (?:like|that|as if|as though) "
                            r"(?=(?:i|you|he|she|we|they|my|your|our|nobody|no one|everyone|"
                            r"everybody|the|this|that|it|there|people|his|her|their|someone|"
                            r"something|all) )| (?:think|thinks|thinking|thought|believe|believes|"
                            r"assume|"
                            r"reckon|figure) (?:that )?|"
                            # "you feel it's my fault", "you feel I don't care": a clause, no
                            # "like" or "that" needed
                            r" (?:feel|feels|felt) (?=(?:i|we|it is|it was|everything is|"
                            r"nothing is) )")
_CLAUSE_END = re.compile(r" (?:and|but|so|because|which) ")


def _thought_spans(line: str) -> list[tuple[int, int]]:
    spans = []
    for m in _THOUGHT_FRAME.finditer(line):
        end = _CLAUSE_END.search(line, m.end())
        spans.append((m.start(), end.start() if end else len(line)))
    return spans


# The receiver's hedge before the partner's feeling: "I think you feel lonely", "I reckon you
# must be gutted". The thought is about how the partner feels, so the feeling inside is theirs
# (while "I think you feel that I'm lazy" still holds a thought in its own "feel that").
_HEDGED_FEELING = re.compile(r" i (?:really |honestly |just )?(?:think|reckon|believe|figure) "
                             r"(?:that )?(?:(?:you|he|she)\b|(?:maybe|probably|perhaps|a bit|"
                             r"quite|pretty|really|kind of|sort of)\b)")


def _in_thought(line: str, at: int, spans: list[tuple[int, int]]) -> bool:
    for a, b in spans:
        if not a <= at < b:
            continue
        hedged = any(h.start() < a < h.end() <= at for h in _HEDGED_FEELING.finditer(line))
        if not hedged:
            return True
    return False


# The receiver's own feeling where the sender's was asked for: "I feel hurt too", "I imagine
# I'd feel tired if I'd had to listen to that"; the sender's, however it is put, is not.
_OWN_FEELING = re.compile(r"^ (?:honestly |well |um |i mean |i imagine |i guess |i think )*i "
                          r"(?:would |do |really |just |kind of |also |still )*(?:feel|felt|am|"
                          r"get|got)\b")
# A feeling named and mocked or waved away in the same breath: "heartbroken, I'm sure,
# tragic", "upset or whatever", "a martyr, which you love". Mockery needs no tone of voice to be
# heard and is looked for in the whole answer, wherever the feeling stands in it.
_MOCKED_FEELING = [re.compile(p) for p in _MOCKERY + (
    r" (?:i am sure|i bet)(?: \.| ,| ?$| tragic| poor)",
    r"^ (?:oh|yeah|well|oh yeah) i am sure you are just\b",
    # "oh, devastated I'm sure": a feeling, then "I'm sure" with nothing it is sure of
    r"^ (?:(?:oh|yeah|well|so) )*\w+(?: \w+)? (?:i am sure|clearly|obviously|no doubt)\b"
    r"(?! (?:you|that|she|he|they|it|we)\b)",
    # a glad feeling given with "I'm sure", or for having run the speaker down: "I'm sure you
    # feel just wonderful about spending my money", "amazing now you've told everyone"
    r" i am sure (?:you|he|she) (?:\w+ ){0,2}?(?:feel|feels|felt|are|is|were|was) (?:just |really "
    r"|so |absolutely )?(?:wonderful|great|amazing|fantastic|brilliant|marvellous|thrilled|"
    r"delighted|fabulous|terrific|fine)\b",
    r" (?:wonderful|great|amazing|fantastic|brilliant|marvellous|thrilled|delighted|fabulous|"
    r"terrific|proud of yourself|pleased with yourself) now (?:that )?(?:you|he|she) (?:have|has|"
    r"had|did|got)\b",
    r" (?:how |so )?tragic\b", r" my heart bleeds\b", r" cry me a river\b",
    r" (?:smallest|tiny|tiniest) violin\b", r" poor (?:you|thing|baby|darling|love)\b",
    r" what a (?:treat|joy|delight|hardship|terrible hardship|shocker)\b",
    # pleased with oneself, said as a jibe: "I imagine you feel great about yourself right now"
    r" (?:great|good|proud|pleased|smug|chuffed) (?:about|with|of) yourself (?:right now|now|"
    r"then|today)\b",
    # the speaker made a monster: "thrilled, being married to such a monster"
    r" (?:married to|living with|stuck with|lumbered with) (?:such a|a|this|an absolute|a total)"
    r" (?:monster|villain|ogre|tyrant|nightmare|horrible person|terrible person|brute)\b",
    # a grief made of a small thing, said with an "oh": "oh, absolutely devastated"
    r"^ oh (?:\w+ ){0,4}(?:absolutely|utterly|totally|completely|truly) (?:devastated|heartbroken|"
    r"traumatised|traumatized|destroyed|crushed|gutted|distraught)\b",
    # a hardship made of being looked after, or of plenty: "must be so hard having someone
    # cook for you every night", "so hard done by, with your two holidays a year" (not
    # "hard having someone do everything for you since the operation")
    r" (?:must be|it is|that is|it must be) (?:so |really |very |such |pretty )?(?:hard|tough|"
    r"awful|terrible|exhausting|difficult|rough|a struggle|a nightmare) (?:having|to have) "
    r"(?:someone|somebody|people|me|a \w+|your \w+) (?:\w+ ){1,4}?(?:for you|after you|on you "
    r"hand and foot)\b(?![^.]{0,60}(?:since|after|surgery|operation|accident|injury|ill|sick|"
    r"hospital|chemo|broke|broken|pregnan))",
    r" hard done by (?:, )?(?:with|having|what with) (?:your|all your|all those|a|an|\d+|two|three|"
    r"four|five)\b",
)]
_WAVED_FEELING = re.compile(r" (?:does not|do not|did not) (?:really )?feel (?:anything|a thing)\b|"
                            r" (?:feel|feels|felt) nothing(?: much| at all)?\b|"
                            r"^ (?:oh |nah |honestly )?(?:you are|he is|she is) (?:just )?fine\b|"
                            # waved away, not owned ("I said it wasn't a big deal")
                            r"(?<!said it was)(?<!said that was)(?<!thought it was)(?<!said it is)"
                            r"(?<!like it was)(?<!like it is)"
                            r" (?:not|no) (?:such )?(?:a |that )?(?:big|huge) (?:deal|thing)\b|"
                            r"(?<!you)(?<! i)(?<!we)(?<!they)(?<!he)(?<!she) (?:does not|do not) "
                            r"(?:really |much |even )?matter\b|"
                            r"^ (?:i do not know|dunno|no idea) (?:\w+ )?you tell me\b|"
                            r" (?:can not|could not) be bothered\b|"
                            r" (?:it is|its|that is) not (?:that|so) deep\b|"
                            r" or whatever\b| whatever (?:it is )?(?:you|your)\b| whatever"
                            r"(?: \.| ,| ?$)| if you say so\b| who cares\b|" + _OUT_OF_NOTHING)
_BET_YOU = re.compile(r" i bet (?=you (?:feel|felt|were|are|must|would|might|get|got)\b)")
_YOURS = re.compile(r" (?:you|your|yourself|you are|you might|you must|you would)\b(?! know\b)"
                    r"(?! (?:had|have) to listen)")


# Alone with it, said as "nobody's got your back": a feeling, though framed like a thought.
_UNBACKED = re.compile(r" (?:feel|feels|felt|feeling) like (?:nobody|no one|noone) "
                       r"(?:(?:is|has|have) )?(?:got |has got )?(?:your|his|her|their) back\b|"
                       r" (?:feel|feels|felt|feeling) like (?:nobody|no one|noone) is (?:on your "
                       r"side|there for you)\b")


def read_empathy(text: str) -> Reading:
    source = tn.clean(text)
    words = _norms(source)
    if not words:
        return None
    whole = _line(words)
    if _UNBACKED.search(whole) and not any(p.search(whole) for p in _MOCKED_FEELING):
        return ("feeling", None)
    # clauses apart: a comma or full stop ends a thought ("feeling, I dunno, heartbroken")
    parts = [p for p in re.split(r"[.,;:!?]+", source) if p.strip()]
    feeling_at_large = False
    feeling_in_thought = False
    for part in parts:
        pw = _norms(part)
        line = _line(pw)
        spans = _thought_spans(line)
        # the word list of the rules, and the feelings lexicon the mirror check reads with
        # (its slang and idioms: "gutted", "feel like crap", "heart broken")
        named = [f for f in rules.feeling_words(part) if f not in _NOT_FEELINGS] + [
            " ".join(_norms(part[a:b])) for a, b, _ in lexicon.feelings_in(part)]
        for f in named:
            if not f:
                continue
            at = line.find(" " + f.split()[0] + " ")
            if _in_thought(line, at, spans):
                feeling_in_thought = True
            else:
                feeling_at_large = True
    line = whole
    if feeling_at_large:
        first = next((k for k, w in enumerate(words) if rules.feeling_words(w)), 0)
        # from the verb that names it: "you feel silly" is a feeling, "silly" alone a label
        while first and (words[first - 1] in _SOFTENERS or words[first - 1] in _FEEL_VERBS):
            first -= 1
        tail = _line(words[first:])
        # "I bet you felt alone" imagines the feeling; it is no jibe
        if put_down(_BET_YOU.sub(" ", tail)) or sarcastic(text, tail) or re.search(_AS_USUAL,
                                                                                   line):
            return ("retry", "contempt")  # "you feel hard done by, like always"
        if any(p.search(line) for p in _MOCKED_FEELING):
            return ("retry", "sarcasm")
        if _WAVED_FEELING.search(line):
            return ("retry", "dismissal")
        if _OWN_FEELING.search(line) and not _YOURS.search(line):
            return ("retry", "own")  # "I feel annoyed, honestly", "I'd feel tired too"
        return ("feeling", None)
    if feeling_in_thought or _thought_spans(line):
        return ("retry", "thought")
    return ("retry", "none")


# --- sharing and blame --------------------------------------------------------------------

_NEGATIVE_JUDGEMENTS = frozenset({
    "terrible", "awful", "horrible", "bad", "lousy", "useless", "cold", "selfish", "lazy",
    "pathetic", "stupid", "idiot", "jerk", "slob", "coward", "child", "baby", "liar", "cheap",
    "mean", "cruel", "heartless", "hopeless", "incompetent", "clueless", "worst", "rude",
    "spoiled", "immature", "childish", "nightmare", "disaster", "joke", "failure", "mess",
    "kid", "brat", "snob", "bully", "control", "freak", "nag", "hypocrite",
})
# "you are / you have been / you act like ..." followed, within a few words, by a judgement
_JUDGED = re.compile(r" (?:you|stop|quit) (?:are|were|have been|had been|act|acted|acting|behave|"
                     r"behaved|"
                     r"sound|are being|were being|become|became|turned into|is|being)"
                     r"(?P<rest>(?: \w+){1,5})")
_FAULT_FRAMES = [re.compile(p) for p in (
    r" if you (?:had not|did not|were not|would not|would have|had|would just|just) ",
    r" the reason (?:we|this|it|i|everything) (?:\w+ ){0,6}?(?:is|was) (?:because )?you ",
    r" (?:is|was|that is|it is) (?:all |totally |completely )?on you ",
    r" because (?:of )?you (?=i |we |my |the |our |everything |nothing )",
    r" (?:it is|that is|its|it was) (?:all )?(?:your|you are) (?:fault|doing) ",
    r" thanks to you ",
    r" you are the (?:reason|problem|one who)",
    r" (?:because|since|cause) you (?:made|make|forced|force|dragged|drag) ",
    r" if you (?:would|had)? ?(?:just|only|ever) ",
)]
_CONTEMPT_FRAMES = [re.compile(p) for p in _MOCKERY + (
    r"^ (?:oh )?(?:great|wonderful|fantastic|perfect|brilliant|lovely|terrific),? another ",
    r" (?:mister|mr|miss|little) (?:perfect|know it all|right|always right) ",
    r" (?:embarrassed|ashamed) to be (?:married to|with|seen with) you",
    r" what kind of (?:person|man|woman|husband|wife|partner|father|mother|parent|adult) ",
    r" (?:pathetic|ridiculous|unbelievable|typical|useless|embarrassing) ?[.!?]* ?$",
    r" a grown (?:man|woman|adult) who ",
    r" why i (?:even )?bother ",
    r"^ (?:of course|oh sure|sure|yeah right|oh great|great|wow) (?:\w+ ){0,5}?you ",
    r" (?:pathetic|laughable|ridiculous|typical|embarrassing|a joke|hilarious) (?:that|how) you ",
    r" what a (?:surprise|shock|joke) ",
    r" what is (?:wrong|the matter) with you ",
    # envy said as a jibe: "must be nice to have a maid"; with the speaker's own lot beside it
    # ("must be nice to sleep in while I do everything", "..., I really miss mine") it is a
    # sharing of that lot
    r"^ (?:(?:and|oh|well|yeah|so|honestly) )*(?:it )?must be (?:so |really )?nice (?:for (?:you|"
    r"some) )?(?:to|having|being) (?!.* (?:i|me|my|mine) )",
    # "and don't get me started on how you flirt with every waitress": a list of charges opened
    r" do not (?:even )?get me started (?:on|about|with) (?:\w+ ){0,3}?(?:you|your)\b",
    # the stock put-downs of a grown partner: "can't boil an egg", "runs to his mummy"
    r" (?:can not|could not|cannot) (?:even )?boil an egg\b",
    r" (?:run|runs|running|ran|phone|phones|phoning|call|calls|calling|cry|cries|crying) "
    r"(?:back )?(?:to )?(?:his|her) (?:mummy|mommy|mumsy|mama|mam|mammy)\b",
)]
# "you skip everything", "you forget every time": an absolute without "always" or "never"
_ALWAYS_YOU = re.compile(r" (?:it is|its|it was) always (?:about )?(?:you|your) ")
_SWEEPING = re.compile(r" you (?:\w+ ){1,4}?(?:everything|every single|every time|all the time|"
                       r"constantly|nonstop|non stop)\b")
# "every single time we go to your parents you disappear", "it's every weekend, you're off
# golfing": the sweep first, the partner after it; what follows "you" decides (praise is not
# blame: "every time we argue you hug me after").
_EVERY_THEN_YOU = re.compile(
    r"^(?: (?:it|is|its|and|but|so|like|honestly|yeah|ugh|oh|well|because|literally|seriously|"
    r"just|i mean))* every (?:single )?(?:time|day|night|weekend|week|morning|evening|sunday|"
    r"saturday|holiday|christmas)\b(?: \w+){0,8}? you((?: \w+){0,6})")
_GRATITUDE = re.compile(r" (?:grateful|thankful|appreciate|appreciated|love|loved|lucky|proud|"
                        r"thank you|thanks|admire|glad) ")
# Praise said first and thanked after: "you always bring me coffee ... I don't think I've
# ever told you how much that means to me", "you always used to ..., I loved it. I miss that."
_THANKS_BACK = re.compile(r" i (?:really |just |so )?(?:love|loved|appreciate|appreciated|"
                          r"adore|treasure|treasured) (?:that|it|this|them)\b| i (?:really |just |"
                          r"so )?miss (?:that|it|this|them)(?= \.| ,| ?$| so| too| a lot)| "
                          r"(?:how much|what) "
                          r"(?:that|it|this) (?:means|meant)\b| (?:means|meant) (?:so much|a lot|"
                          r"the world)\b")
_GRUDGE = re.compile(r" (?:but|annoy\w*|drives me|drive me|sick of|tired of|fed up|hate|"
                     r"frustrat\w*|resent\w*|never (?:once )?(?:help|helps|does|thank))\b")
_GLAD = re.compile(r" (?:happy|glad|love|loved|grateful|thankful|proud|safe|special|lucky|"
                   r"enjoy|enjoyed|smile|laugh|warm) ")
_SCARE_QUOTES = re.compile(r"(?:^|\s)['\"\u2018\u201c][^'\"\u2019\u201d]{2,30}"
                           r"['\"\u2019\u201d](?=[\s,.!?]|$)")


def judged(line: str) -> bool:
    """"you're a slob", "you've been a terrible father", "if you weren't so useless"."""
    for m in _JUDGED.finditer(line):
        rest = m.group("rest").split()
        counterfactual = line[max(0, m.start() - 3):m.start()].endswith("if")
        if any(w in _NEGATIVE_JUDGEMENTS or w in _BELITTLING or w in rules._INSULTS
               for w in rest) and (counterfactual or not any(w in tn.NEGATORS for w in rest[:2])):
            return True
    return False


# "you make me feel like an idiot", "you made me miss the wedding", "you stress me out": the
# partner named as the cause of what the speaker feels or does. Praise is not blame ("you make
# me laugh", "you made me feel safe").
_CAUSE = re.compile(r" you (?:\w+ )?(?:make|made|makes|making|stress|stressed|wind|wound|drive|"
                    r"drove|piss|pissed|tick|ticked) me (?P<rest>(?:\w+ ){0,5})")
_CAUSE_OUT = frozenset({"out", "up", "off", "crazy", "nuts", "mad", "insane", "feel", "look",
                        "miss", "lose", "hate", "cry", "quit", "wait", "late", "sick", "angry",
                        "so", "doubt", "second", "want", "do", "sound", "seem", "question"})
_CAUSE_PRAISE = frozenset({"laugh", "laughing", "smile", "smiling", "happy", "happier", "safe",
                           "loved", "love", "special", "proud", "better", "good", "beautiful",
                           "seen", "heard", "wanted", "calm", "strong", "brave", "welcome",
                           "warm", "relaxed", "excited", "grateful", "lucky", "cared"})


def _blames_cause(line: str) -> bool:
    for m in _CAUSE.finditer(line):
        if set(m.group(0).split()) & {"never", "not"}:
            continue  # "you never make me feel silly" is praise
        rest = m.group("rest").split()
        if rest and rest[0] in _CAUSE_OUT and not _CAUSE_PRAISE & set(rest):
            return True
    return False


def read_sharing(text: str) -> Reading:
    """shared or blame (with why: absolute, insult, fault, contempt)."""
    words = _norms(text)
    if not words:
        return None
    line = _line(words)
    # the words as heard, and with "your" for "you're" mended ("your always on your phone")
    kinds = rules.blame_kinds(text) | rules.blame_kinds(line)
    # "I'm grateful that you always ...": praise that happens to say "always"
    thanks = _GRATITUDE.search(line)
    absolute = re.search(r" you (?:\w+ )?(?:always|never) ", line)
    grateful = bool(thanks and (not absolute or thanks.start() < absolute.start())) or bool(
        absolute and _THANKS_BACK.search(line, absolute.end()) and not _GRUDGE.search(line))
    if (_SCARE_QUOTES.search(text) and " you " in line) or any(
            p.search(line) for p in _CONTEMPT_FRAMES):
        return ("blame", "contempt")
    if "insult" in kinds or judged(line):
        return ("blame", "insult")
    if "fault" in kinds or any(p.search(line) for p in _FAULT_FRAMES) or _blames_cause(line):
        return ("blame", "fault")
    every = _EVERY_THEN_YOU.search(line)
    swept = every is not None and not (rules.praised(every.group(1).split())) and not (
        _GLAD.search(line))
    if ("absolute" in kinds or _SWEEPING.search(line) or _ALWAYS_YOU.search(line) or swept) and (
            not grateful):
        return ("blame", "absolute")
    return ("shared", None)


# --- short answers ------------------------------------------------------------------------

_BOTH = re.compile(r" (?:yes and no|yeah and no|yes or no|kind of|sort of|kinda|sorta|partly|"
                   r"some of (?:it|that)|part of (?:it|that)|in some ways|a little bit|partial|"
                   r"partially|a bit|a little|in a way|somewhat|more or less|half|not quite|"
                   r"not exactly|not totally|not completely|not entirely|not all|not really all|"
                   r"close|clothes|almost|mostly|nearly|ish|(?:about )?half of (?:it|that)|most "
                   r"of (?:it|that)) ")
_BUT_ALSO = re.compile(r" yes,? (?:the |but )?\w+ no | (?:but|though|except) (?:also|more|not|"
                       r"there is|"
                       r"it is|i am|less|mostly) |"
                       r" more (?:\w+ )?than | (?:yes|yeah),? (?:\w+ ){0,3}not ")


# Words about the mirror itself, not new content to mirror: "you totally missed it".
_META = frozenset({
    "miss", "missed", "missing", "forgot", "forget", "skip", "skipped", "left", "leave", "said",
    "say", "saying", "meant", "mean", "listen", "listened", "go", "went", "back", "again",
    "actually", "totally", "completely", "close", "closer", "even", "part", "parts", "thing",
    "bit", "something", "anything", "fast", "quick", "slow", "slowing", "more", "half", "most",
    "some", "whole", "first", "last", "got", "get", "right", "wrong", "exactly", "quite",
    "repeat", "heard", "hear", "try", "thanks", "thank", "good", "great", "nice", "felt", "feel",
    "hearing", "honestly", "really", "it", "that", "done", "well", "job", "eh", "ehh", "ish",
    "hm", "mist", "version", "mine", "word", "robot", "robotic", "parrot", "even", "there",
    "opposite", "repeating", "point", "completely", "nope", "nah", "almost", "nearly", "mostly",
    "words", "sound", "sounded", "tone", "sorry", "else", "enough", "piece",
    # where in the turn, said of the mirror: "the middle bit got lost", "not the end", "the
    # gist", "can't put my finger on it"
    "gist", "middle", "end", "ending", "beginning", "start", "lost", "glossed",
    "finger", "put", "all",
    # a name for the partner, not content: "you missed it completely mate"
    "mate", "babe", "hon", "hun", "honey", "darling", "dear", "pal", "buddy", "dude", "sweetheart",
})
_THANKS = re.compile(r" (?:thanks|thank you|felt (?:really )?good|feels good|that was nice|"
                     r"good job|well done|nice job|appreciate (?:that|it)|you did (?:great|well)|"
                     r"better than (?:how )?i (?:said|put|could have said|could say|did)|"
                     r"(?:said|put) it "
                     r"better)")


# A comment on how the mirror was said, not new content: "you said it way faster than I
# did", "you even got the part about the kids", "you went back to last year's fight".
_ABOUT_THE_MIRROR = re.compile(
    r"^ (?:and |but |though |plus )?you (?:have |had )?"
    r"(?:even |just |totally |kind of |sort of |also |really )?"
    r"(?:said|went|jumped|rushed|repeated|did|got|made|put|turned|sounded|skipped over|"
    r"nailed|caught|changed|added|used|mixed|switched|made it|took it)\b")


# Whether the listener heard, said of the listener: "I don't think you heard me", "you
# didn't really get it". A verdict on the mirror, not something more to mirror.
_NOT_HEARD = re.compile(
    r" (?:i do not think |i am not sure |i feel like |it is like )?you (?:did not|do not|have not|"
    r"never|just did not|really did not) (?:really |quite |even )?(?:hear|get|understand|listen|"
    r"catch|follow)(?: to)?(?: me| it| that| what i (?:said|meant))?"
    r"| i do not think (?:you|he|she|they) (?:really |quite )?(?:heard|got|understood|"
    r"listened|caught)"
    r"(?: to)?(?: me| it| that)?"
    r"| (?:not|nowhere near) (?:really |quite )?(?:the main|the important|the real|what i)"
    r" (?:thing|part|point|bit|meant|said)"
    r"|^ (?:the|that) (?:main|important|real|big) (?:thing|part|point|bit) $")
# How the mirror struck the sender, said after the verdict: "he got all of it, which kind
# of surprised me". A comment on the mirror, not more to mirror.
_STRUCK_ME = re.compile(r" (?:which|that|and that|and it) (?:\w+ ){0,2}?(?:surprised|impressed|"
                        r"amazed|shocked|touched|moved|pleased) (?:me|us)\b")
# A name said to the listener at the very end ("not even close, Ben."): no content.
_TRAILING_NAME = re.compile(r",\s*[A-Z][a-z]+[.!?]*\s*$")


def _new_content(text: str) -> float:
    line = _line(_norms(_TRAILING_NAME.sub("", text)))
    if _ABOUT_THE_MIRROR.search(line):
        return 0.0
    line = _STRUCK_ME.sub(" ", _NOT_HEARD.sub(" ", line))
    return sum(tn.content_weight(w) for w in line.split() if w not in _META)


# A part of the turn pointed at, not said again: "the part about my mum", "the money bit",
# "the second bit". What follows "about" is the part's name, up to where a clause starts.
_PART = re.compile(r" (?:the|that|this) (?:\w+ ){0,2}?(?:part|bit|thing|stuff|parts|bits|end|"
                   r"ending|beginning|start|middle|half|piece)(?= )| (?:a|one|1) (?:part|bit|"
                   r"thing|piece)(?: i (?:said|mentioned))?(?= (?:about|with|on|where|when) )|"
                   r" what i (?:said|was saying|mentioned|told you)(?= about )")
_PART_NAME_ENDS = frozenset({"that", "which", "and", "but", "so", "because", "i", "was", "is",
                             "it", "not", "too", "as", "yeah", "yes", "no", "being", "getting",
                             "having"})
_PART_AMISS = re.compile(r" (?:missed|miss|missing|forgot|forgotten|left out|leftout|leave out|"
                         r"skipped|glossed over|glossed|got lost|lost|skimmed over|skimmed|"
                         r"skip|not|apart from|except|other than|without|wrong|did not come "
                         r"back|never came back|did not make it) ")


def _points_to_a_part(line: str) -> bool:
    """Does a reply only point at a part that was missed, without saying it again?"""
    if not _PART.search(line) or not (_PART_AMISS.search(line) or _BOTH.search(line)):
        return False
    words = line.split()
    kept: list[str] = []
    k = 0
    while k < len(words):
        m = _PART.match(" " + " ".join(words[k:]) + " ")
        if not m:
            kept.append(words[k])
            k += 1
            continue
        k += len(m.group(0).split())
        frame = re.match(r"(?:(?:you|he|she|they) (?:\w+ )?(?:left out|leftout|missed|forgot|"
                         r"skipped) )?"
                         r"(?:is|was|i|that)\b", " ".join(words[k:]))
        if frame:
            return False  # "the part you left out was that I miss you" frames what it says
        if k < len(words) and words[k] in {"about", "with", "on", "where", "when", "of"}:
            k += 1
            for _ in range(5):
                # a feeling is what was said, not the name of a part: "the part about me
                # feeling alone with it"
                if k >= len(words) or words[k] in _PART_NAME_ENDS or (
                        rules.feeling_words(words[k])):
                    break
                k += 1
    left = _PART_AMISS.sub(" ", _line(kept))
    if any(rules.feeling_words(w) for w in left.split()):
        return False  # "... but not the part about me feeling alone": the feeling is said
    return _new_content(rules.addition_after_answer(left)) < 1.0


def read_confirmation(text: str) -> Reading:
    """yes / partly / addition / no, to "did <receiver> get that?"."""
    source = tn.clean(text)
    words = _norms(source)
    if not words:
        return None
    line = _STRUCK_ME.sub(" ", _line(words))  # "which kind of surprised me" is no "kind of"
    content = _new_content(rules.addition_after_answer(source))
    ask_again = re.search(r" (?:repeat|say (?:\w+ ){0,3}(?:back|again)|go back to|"
                          r"try (?:it )?again|"
                          r"one more time|once more|do it again) ", line)
    manner = re.search(r" (?:the words were (?:right|fine|there)|(?:did not|didn't) "
                       r"(?:sound|seem|feel) "
                       r"like you (?:meant|mean)|like a (?:robot|parrot)|robotic|word for word|"
                       r"your (?:own )?version|not mine|(?:kind of |a bit |too )?(?:fast|quick|"
                       r"quickly|flat))\b", line)
    # "better than I said it" praises the mirror; it says nothing more
    praised = re.sub(r" better than (?:how )?i (?:said|put|did)(?: it)?(?: myself)?| (?:that is "
                     r"|it is |"
                     r"was )?(?:exactly|just|precisely|totally) what i (?:said|meant|was saying)"
                     r"(?: to say)? ?$", " ", line)
    said = re.search(r" (?:i (?:also )?(?:said|meant|mentioned|was saying)|what i (?:said|meant)|"
                     r"(?:it|that) (?:was|is) more|more like|the (?:thing|part) about|and also|"
                     r"and the|plus the|also that) ", praised) or re.search(
        r" \w+,? not \w+ | not \w+,? (?:but|rather|just|more) ", line)
    no = cu._first(words, cu.NO, within=3)
    yes = cu._first(words, cu.YES, within=3)
    # "almost word for word", "nearly spot on": all of it came back, near enough
    near_perfect = re.search(r" (?:almost|nearly|pretty much|practically|virtually) (?:word for "
                             r"word|exactly|perfectly|perfect|spot on|verbatim|every word) ", line)
    partly = bool(_BOTH.search(line.replace(near_perfect[0], " ") if near_perfect else line)) and (
        not re.search(r" not even close ", line))
    if re.match(r" (?:no|nah|nope)(?: no)? (?:you got it|you are good|you are fine|you did|"
                r"you nailed it|spot on|that is it|that was it|you heard me|you got all of it|"
                r"you got everything|perfect)\b(?! (?:all |a bit |kind of |totally )?(?:wrong|"
                r"backwards|mixed|muddled|twisted|confused|upside|the wrong|round|around|"
                r"turned))", line) and not said and not partly:
        return ("yes", None)  # "nah, you're good", "no, you got it": no more is needed
    if near_perfect and not no and not said and content < 1.0:
        return ("yes", None)  # "he did, nearly word for word"
    if ask_again and not re.search(r" i (?:also )?(?:said|meant|mentioned) (?!back|to you|it|that|"
                                   r"before|earlier)", line):
        # "no, try again" asks for a new mirror of all of it; "sort of, say it again" of a part
        return ("no", None) if no and no[0] == 0 and not partly else ("partly", None)
    if content >= 1.0 and _THANKS.search(line) and not said:
        return ("yes", None)
    if yes and yes[0] == 0 and (manner or re.search(r" even (?:the|that|got|caught|remembered) ",
                                                    line)) and not said:
        return ("yes", None)  # "you got it, though you said it kind of fast"
    if manner and not yes and not said and not content >= 1.5:
        return ("no", None) if no and re.search(r" (?:version|not mine) ", line) else (
            "partly", None)
    # a verdict on the mirror, whoever it names: "he twisted it", "she gave her own version",
    # "he changed my words a bit"; one that names the part ("he missed the part about my
    # sister") leaves that part to be mirrored, below
    if re.search(r" (?:you|he|she|they|[a-z]+) (?:completely |totally |just |kind of |a bit )?"
                 r"(?:twisted|turned) (?:it|that|what i said|my words)| (?:repeated|said|gave)"
                 r" (?:his|her|their|your) own (?:version|take|story)| got it (?:all )?(?:mixed up|"
                 r"muddled|turned around|turned round|back to front|the wrong way round)| got it "
                 r"(?:all |completely "
                 r"|totally )?(?:wrong|backwards)", line) and (no or not yes):
        return ("no", None)
    if _EMPHATIC_NO.search(line) or no and re.search(r" (?:that|it) (?:was|is) not what i "
                                                      r"(?:said|meant)\b", line) and (
            not re.search(r"(?<!what) i (?:said|meant|was saying) ", line)):
        return ("no", None)  # "no, that wasn't what I said", "the opposite of what I meant"
    if no and no[0] <= 2 and re.match(r" (?:that is |thats |um |well )?(?:no|nah|nope) i "
                                      r"(?:did not|never) "
                                      r"(?:say|mean|said)\b", line) and not re.search(
            r" i (?:said|meant|was saying) ", line):
        return ("no", None)  # "no, I didn't say I was angry at all": the mirror put it there
    # "you've missed the whole point": nothing that mattered came back (not "the point about
    # my mum", a part)
    if re.search(r" (?:missed|missing|miss|lost) (?:the )?(?:whole |entire |real |main )?point"
                 r"(?! (?:about|of the|where|when|that i))\b", line) and not said:
        return ("no", None)
    # "he changed my words a bit", "she left something out": a part missed, not named
    if not no and not re.search(r" (?:the|that) (?:\w+ )?(?:part|bit|thing)\b| about | that | "
                                r"(?:missed|forgot) it\b", line) and re.search(
            r" (?:you|he|she|they|[a-z]+)(?<! i) (?:missed|forgot|left out|skipped|changed|mixed"
            r" up|got \w+ wrong)\b", line):
        return ("partly", None)
    if re.search(r" (?:got|caught|remembered|nailed|heard) (?:it|that|all of it|everything|all)\b"
                 r"(?: \w+){0,3}? even (?:the|that) ", line) and not said and not no:
        return ("yes", None)  # "he got it, even the bit about my mother"
    if _points_to_a_part(line):
        # "mostly, but you missed the part about my mum", "he got the money part but not the
        # scared part": which part, not what it was; the sender is asked to say it
        return ("partly", None)
    if yes and yes[0] == 0 and re.search(r" (?:another|(?:one|1) more|something else|other) "
                                         r"(?:thing|bit|part)?", line) and re.search(
            r" (?:and|plus|also|but) ", line):
        return ("addition", None)  # "yes, and there's another thing actually"
    if content >= 1.0 and (said or partly or no or yes and re.search(
            r" (?:and|but|except|plus) ", line)):
        return ("addition", None)
    if partly or re.search(r" you (?:missed|forgot|left out|skipped) (?:something|a bit|part|"
                           r"some|a piece)| (?:something|a piece|a bit|one bit|one piece) (?:is )?"
                           r"missing| left something", line):
        return ("partly", None)
    if no and not (yes and yes[0] < no[0]):
        if re.search(r" not what i meant by ", line):
            return ("no", None)
        return ("addition", None) if content >= 1.5 else ("no", None)
    if yes and content < 1.0:
        return ("yes", None)
    return None


# A no made strong, whose strong word alone would read as a yes: "definitely not",
# "absolutely not", "way off", "the opposite of what I meant".
_EMPHATIC_NO = re.compile(r"^ (?:(?:oh|um|uh|well|i am sorry but|sorry but|honestly|no) )*"
                          r"(?:definitely|absolutely|certainly|totally|completely|of course|"
                          r"really) not\b| way off\b| (?:not|nowhere) (?:even )?(?:close|near)"
                          r"\b| (?:the )?opposite of what i (?:meant|said|mean|feel)")


def read_empathy_confirm(text: str) -> Reading:
    """yes / partly / no, to "is that how you feel?"."""
    words = _norms(text)
    if not words:
        return None
    line = _line(words)
    if _EMPHATIC_NO.search(line) or re.search(
            r" (?:no|nope|nah) (?:that is|it is) not (?:how|what) i (?:feel|felt|meant)\b(?! (?:"
            r"exactly|entirely|totally|quite|completely|all))", line):
        return ("no", None)  # "okay, no, that's not how I feel": its "okay" is no yes
    no = cu._first(words, cu.NO, within=3)
    yes = cu._first(words, cu.YES, within=3)
    if re.match(r" (?:no|nah|nope)(?: no)? (?:that is|it is|you are|you have) (?:spot on|exactly "
                r"(?:it|right)|it|right|bang on|perfect|so right)\b", line) and not (
                    _BOTH.search(line) or _BUT_ALSO.search(line) or re.search(
                        r" (?:more|but|though|except|just) ", line)):
        return ("yes", None)  # "no, that's spot on": the no waves the doubt away
    if no and no[0] == 0 and words[0] in {"no", "nope", "nah"} and not re.search(
            r" (?:kind of|sort of|partly|a bit|a little|some of)\b", " ".join(words[:4])):
        return ("no", None)  # "nope. some help would be nice, but I'm not resentful"
    if yes and yes[0] == 0 and re.search(r" (?:to hear|hearing) you (?:say|said)|(?:a )?relief| "
                                         r"feels good| means a lot", line) and not _BOTH.search(
            re.sub(r" (?:kind of|sort of) (?:a )?relief", " relief", line)):
        return ("yes", None)
    if _BOTH.search(line) or _BUT_ALSO.search(line) or re.search(
            r" (?:there is|there was) also | also \w+ in there | (?:and|plus) also (?:i|there|a "
            r"bit|some|that)\b| (?:which|that) you (?:did not|never) (?:say|mention|get)\b", line):
        if not (no and re.search(r" not (?:even|at all)", line)):
            return ("partly", None)
    if no and not (yes and yes[0] < no[0]):
        return ("no", None)
    if yes:
        return ("yes", None)
    if rules.feeling_words(text) and len(words) <= 4:
        return ("yes", None)  # "lonely, exactly": the feeling said back as agreement
    return None


def read_more(text: str) -> Reading:
    """done / yes / chunk / blame, to "is there more?"."""
    source = tn.clean(text)
    words = _norms(source)
    if not words:
        return None
    line = _line(words)
    rest = rules.addition_after_answer(source)
    content = sum(tn.content_weight(w) for w in _norms(rest) if w not in {
        "more", "thing", "something", "else", "there", "one", "another", "wanna", "say", "said",
        "add", "want", "to", "thanks", "thank", "listening", "that", "is", "all", "it",
        "done", "good", "covers", "pretty", "much", "everything", "really", "think",
        # how much more, not what: "there's loads more to be honest"
        "loads", "lots", "lot", "heaps", "tons", "plenty", "honest", "honestly", "actually",
    })
    sharing = read_sharing(rest or source)
    if sharing and sharing[0] == "blame" and not re.search(r" (?:that is|i am) (?:all|it|done) ",
                                                          line):
        return sharing
    if cu._first(words, cu.DONE) and re.search(r" (?:next time|another (?:day|time)|come back to|"
                                               r"leave it (?:there|here)|some other time|later|"
                                               r"you can (?:stop|move on|go)|your (?:turn|part)) ",
                                               line):
        return ("done", None)  # "that's it; next time I'll bring up the money thing"
    if re.fullmatch(r" (?:(?:no|nah|naw|nope|yeah|right|ok|okay|aye|so) )*that is me(?: done| "
                    r"finished| now)? ", line):
        return ("done", None)  # "naw, that's me": said as "that's me done"
    if re.search(r" (?:the whole of it|that is the lot|said enough|i have said enough|that is all "
                 r"there is|nothing more to say|(?:have|has) (?:\w+ )?covered (?:it|everything|the "
                 r"lot|it all|all of it)) ", line) and not re.search(r" but | also ", line):
        return ("done", None)
    said_more = cu._first(words, cu.MORE) or cu._first(words, cu.YES, within=2) or re.search(
        r"^ (?:there is|i think so|i guess so|i suppose so|i reckon so)\b", line)
    if said_more and (re.search(
            r" (?:hard|difficult|tough) to (?:find the words|put (?:it )?into words)(?: for (?:it|"
            r"this|that))? ?$|"
            r" (?:need to|have to|want to|let me|rather|trying to|try to) (?:\w+ ){0,3}(?:slow "
            r"down|think|get my "
            r"thoughts|gather|find the words|say it (?:nicer|better|right|kindly)|wait)", line)
            or content < 2.5 and re.search(
                r" let me pick| (?:give me|i need|i just need|need) (?:a|one) (?:second|sec|"
                r"minute|moment|mo)\b| (?:hang|hold) on\b| bear with me| (?:need|want) help "
                r"(?:saying|with)| (?:scared|afraid|hard|difficult|nervous|tough) to (?:say|"
                r"explain)\b| get it "
                r"out\b", line)):
        return ("yes", None)  # more to come, once they have the words (and none said yet)
    if re.match(r" (?:i am )?(?:not|nowhere near) (?:done|finished)\b", line):
        return ("yes", None)  # "I'm not done, no": the "no" answers "are you done?"
    go_on = re.search(r" (?:(?:can|could|may) i (?:just )?|(?:i want to|i would like to|let me) "
                      r"(?:just )?)(?:keep going|carry on|go on|continue|keep talking|say more)"
                      r"\b(?P<after>.*)$", line)
    if go_on and (content < 1.0 or re.fullmatch(r"(?: (?:please|then|now|yeah|a bit|for a "
                                                 r"(?:sec|second|minute)))* ", go_on["after"])):
        return ("yes", None)  # asking to go on says there is more
    if re.search(r" i will (?:try to )?(?:go|talk|speak) (?:slower|slowly|faster) ", line):
        content = 0.0
    done = cu._first(words, cu.DONE)
    more = cu._first(words, cu.MORE)
    if content >= 1.5:
        return ("chunk", None)
    if done and not (more and more[0] > done[0]):
        return ("done", None)
    if more or re.search(r" (?:there is|i have|got) (?:one |a |some |loads |lots |heaps |tons |"
                         r"plenty |a lot |a bit |a little |so much |way )?(?:more|another|"
                         r"something)", line):
        return ("yes", None)
    no = cu._first(words, cu.NO, within=2)
    yes = cu._first(words, cu.YES, within=3)
    if no and not (yes and yes[0] < no[0]) and content < 1.0:
        return ("yes", None) if yes else ("done", None)  # "no... well, actually, yes"
    if yes and content < 1.0:
        return ("yes", None)
    return None


_LATER = re.compile(r" (?:\w+ ){1,6}first,? (?:and )?then (?:sure|yes|yeah|ok|okay|we can|i can|"
                    r"fine)"
                    r"| not (?:while|until|till|before|during|with) "
                    r"| (?:when|once|after|as soon as) (?:the|i|we|you|my|they|he|she|it) "
                    r"(?:\w+ ){1,6}(?:yes|yeah|sure|ok|okay|fine|then)\b"
                    r"|^ (?:um |uh |so |ok |okay )?(?:when|once|after|as soon as) "
                    r"(?:the|i|we|you|my|"
                    r"they|he|she|it)\b"
                    r"| (?:wait|hold off) (?:till|until|for) "
                    r"| (?:let me|i need to|i need|i have to|i want to|i gotta|i got to) "
                    r"(?:\w+ ){1,5}first"
                    # "let me finish this email and then I'm all yours"
                    r"| (?:let me|i need to|i have to|i just need to|i gotta) (?:\w+ ){1,6}"
                    r"(?:and )?then (?:i am|i will|ill be|we can|we will|sure|yes|yeah|i can|"
                    r"ok|okay)\b"
                    # "not right now, I'm in the middle of the tax return, maybe like eight?"
                    r"| not (?:right )?(?:now|this second|this minute|yet) (?:\w+ ){0,14}"
                    r"(?:maybe (?:like )?(?:at |around )?\d+|then i am (?:all )?yours|"
                    r"(?:in|say|like|about|give it) (?:a bit|a while|an hour|half an hour|"
                    r"\d+ minutes))\b"
                    r"| (?:by|this|later this|tomorrow|in the) (?:evening|afternoon|morning)\b"
                    r"| give (?:me|us) (?:till|until|to|til) "
                    r"| (?:leave|park|save|hold|put off|push) (?:it|this|that) (?:till|until|for|"
                    r"to|after) "
                    r"| give (?:me|us) (?:\w+ ){0,2}(?:minutes|minute|mins|an hour|hours|a few|ten|"
                    r"five|half)"
                    # "not now, maybe when we're back from church"
                    r"| (?:maybe|perhaps|how about|what about|could we|can we|let us|or) "
                    r"(?:just )?(?:when|once|after|as soon as) (?:the|i|we|you|my|they|he|she|"
                    r"it|our|your)\b"
                    r"| (?:can|could) (?:we|it|this) (?:do it |do this |talk |wait )?(?:later|after"
                    r"|tomorrow|another|in |on |when |once |at )")


# A time later the same day offered in place of now: "maybe tonight?", "how about this
# evening" (a bare "not tonight" declines).
_LATER_TODAY = re.compile(r" (?:maybe|perhaps|how about|what about|could we|can we|later|"
                          r"or) (?:\w+ ){0,3}(?:tonight|this evening|this afternoon|this arvo|"
                          r"after dinner|after tea|after lunch|after work)\b| (?:tonight|this "
                          r"evening|this afternoon|this arvo|after dinner|after tea|after lunch|"
                          r"after work) (?:maybe|perhaps|instead|then|is better|would be better|"
                          r"works better)\b")
# Every time refused in turn: "not today, not next week, not ever" names no time to meet.
_NO_TIME_AT_ALL = re.compile(r" not (?:\w+ )?(?:today|tonight|now|tomorrow|this week|next week|"
                             r"this month|ever)\b(?: \w+){0,2}? not (?:\w+ )?(?:today|tonight|"
                             r"now|tomorrow|week|weekend|month|year|ever)\b")


def names_time(text: str) -> bool:
    """Does a postponement say when ("after the kids are asleep", "tomorrow")?"""
    words = _norms(text)
    return cu._any(words, cu.TIME) and not cu._any(words, cu._seqs(
        "can it wait", "can we wait", "can this wait", "could it wait", "another time",
        "some other time", "another day", "another night", "rain check", "later", "in a bit",
        "in a while")) or bool(re.search(r" (?:tomorrow|after|saturday|sunday|weekend|morning|"
                                           r"tonight|monday|tuesday|wednesday|thursday|friday) ",
                                           _line(words)))


def _starts(words: list[str], seq: tuple[str, ...]) -> list[int]:
    n = len(seq)
    return [k for k in range(len(words) - n + 1) if tuple(words[k:k + n]) == seq]


def read_consent(text: str) -> Reading:
    """yes / later / no / unclear, to "is now a good time to listen?"."""
    words = _norms(text)
    if not words:
        return None
    line = _line(words)
    later_today = _LATER_TODAY.search(line) and not re.match(r" (?:yes|yeah|yep|sure|okay|ok)\b",
                                                            line)
    later = (cu._any(words, cu.TIME) or _LATER.search(line) or later_today) and not re.search(
        r" (?:it|that|this|the \w+|my \w+) can wait ", line)
    # "I don't think I can listen right now": the "listen" in it is not a yes
    unable = re.search(r" do not think i (?:can|could|will be able to|am able to|have it in me) |"
                       r" (?:i am )?not (?:up to|up for|in the right place|in a good place|able) ",
                       line)
    decline = cu._any(words, cu.DECLINE) or unable or re.search(
        r"^ (?:no(?! problem| worries| bother)|nope|nah|not)\b| (?:can not|do not want|"
        r"would rather not|not now) ", line)
    yes = cu._first(words, cu.YES, within=3) or cu._any(words, cu.READY)
    # a recogniser drops the question mark: "a good time for what exactly"
    question = "?" in text or words[0] in cu.QUESTION_LEADS or bool(re.search(
        r" (?:for what|what for|what exactly|about what|meaning what) $", line))
    # where the answer lands, said last: "I'd rather get it over with, so yes"
    lands_yes = re.search(r" (?:so|then|and|but|okay so|ok so) (?:yes|yeah|yep|sure|okay|ok|fine|"
                          r"alright)(?: (?:then|definitely|sure|fine|go on|go ahead))? $", line)
    if lands_yes and not later:
        return ("yes", None)
    if re.search(r"^ (?:if it is|if we keep it|as long as it is|so long as it is) (?:quick|short|"
                 r"brief|not too long) (?:yes|yeah|sure|ok|okay|fine|go on)\b", line):
        return ("yes", None)  # a yes with a condition that is met now
    refused = _NO_TIME_AT_ALL.search(line)
    if later and refused and not cu._any(line[refused.end():].split(), cu.TIME):
        return ("no", None)  # unless a time is offered after them: "..., tomorrow after work"
    if later and not re.search(r" now (?:is|works) | i will listen | i am (?:here|ready) ", line):
        return ("later", None)
    if re.fullmatch(r" (?:hmm |um |uh |well )*(?:maybe|i do not know|not sure|i am not sure|"
                    r"i guess maybe|possibly|dunno|perhaps)(?: \w+)? ", line):
        return ("unclear", None)
    if re.search(r"^ (?:uh |um |the )*(?:\w+ ){0,4}yes no ", line):
        return ("unclear", None)  # both answers heard: the microphone caught a jumble
    if unable or _EMPHATIC_NO.search(line):
        return ("no", None)  # "absolutely not, not after today": its strong word is no yes
    # a yes-word that turns the decline round further on than the first words: "I'd rather
    # not, but okay, I'll do it"
    turned = re.search(r" but (?:okay|ok|yes|yeah|sure|fine|alright)\b", line)
    if decline and (yes or turned):
        # "I'd rather not, but okay, I'll listen": people say where they land last
        # a yes-word inside the decline itself ("not ready") is not a landing
        declined = {j for seq in cu.DECLINE for k in _starts(words, seq)
                    for j in range(k, k + len(seq))}
        last_yes = max((k for k, w in enumerate(words) if w in {"okay", "ok", "fine", "yes",
                                                                  "yeah", "sure", "listen",
                                                                  "ready", "alright"}
                        and k not in declined), default=-1)
        last_no = max((k for k, w in enumerate(words) if w in {"not", "no", "nope", "nah",
                                                                 "rather"}), default=-1)
        return ("yes", None) if last_yes > last_no else ("no", None)
    if decline:
        return ("no", None)
    if yes and not question:
        return ("yes", None)
    if question and not yes:
        return ("unclear", None)
    return None


READERS = {
    "appointment_consent": read_consent,
    "send": read_sharing,
    "confirm": read_confirmation,
    "more": read_more,
    "validate": read_validation,
    "empathize": read_empathy,
    "empathy_confirm": read_empathy_confirm,
}
