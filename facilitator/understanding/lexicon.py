"""Word knowledge a sentence vector lacks: which feeling words belong to one family of
feeling and how strong each is, how strong degree and frequency words are, and which
words are opposites.

    feeling("petrified")            -> Feeling(family="fear", intensity=4, valence=-1, ...)
    feelings_in("my heart was pounding and I felt gutted")
                                    -> [(3, 21, Feeling("fear", 3, ...)),
                                        (33, 39, Feeling("disappointment", 4, ...))]
    degree("a bit") -> 1     frequency("all the time") -> 4     quantity("most") -> 3
    are_antonyms("remembered", "forgot") -> True     related("fear", "worry") -> True

The data are three files in ``facilitator/data/understanding/``: ``feelings.toml`` (its
header says how an entry matches running text), ``scales.toml`` and ``antonyms.tsv``
(written from WordNet 3.0 by ``scripts/make_antonyms.py``). They are read once per process;
every function here is pure and takes microseconds. Negation is left to the caller: "not
scared" contains "scared".
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from facilitator.errors import FacilitatorError
from facilitator.textnorm import stem

DATA = Path(__file__).resolve().parent.parent / "data" / "understanding"
FEELINGS = DATA / "feelings.toml"
SCALES = DATA / "scales.toml"
ANTONYMS = DATA / "antonyms.tsv"


class LexiconError(FacilitatorError):
    """A lexicon file is missing or malformed."""


@dataclass(frozen=True, slots=True)
class Feeling:
    family: str  # "fear", "disappointment", ...
    intensity: int  # 1 mild .. 4 extreme
    valence: int  # -1 painful, +1 pleasant
    entry: str  # the lexicon entry that matched: "heart pounding"


# --- words ------------------------------------------------------------------------------------

_TOKEN_RE = re.compile(r"[^\W_]+(?:'[^\W_]+)*")
# Punctuation a phrase does not run across ("scared. Stiff" is not "scared stiff").
_BREAK_RE = re.compile(r"[.,;:!?()\[\]\"\u2026\u2014\u2013]|\s-\s")
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'"})

_BARE = {
    "dont": ("do", "not"), "doesnt": ("does", "not"), "didnt": ("did", "not"),
    "cant": ("can", "not"), "cannot": ("can", "not"), "wont": ("will", "not"),
    "isnt": ("is", "not"), "arent": ("are", "not"), "wasnt": ("was", "not"),
    "werent": ("were", "not"), "havent": ("have", "not"), "hasnt": ("has", "not"),
    "hadnt": ("had", "not"), "couldnt": ("could", "not"), "wouldnt": ("would", "not"),
    "shouldnt": ("should", "not"), "aint": ("is", "not"), "im": ("i", "am"),
    "ive": ("i", "have"), "youre": ("you", "are"), "theyre": ("they", "are"),
    "thats": ("that", "is"), "whats": ("what", "is"), "kinda": ("kind", "of"),
    "sorta": ("sort", "of"), "gonna": ("going", "to"), "wanna": ("want", "to"),
}
_NT = {"ca": "can", "wo": "will", "sha": "shall", "ai": "is"}
_SUFFIX = {"s": "is", "re": "are", "m": "am", "ve": "have", "ll": "will", "d": "would"}

# Pronouns that stand for one another inside an entry ("take me for granted").
_CLASSES = {
    "me": ("~obj",), "you": ("~obj",), "him": ("~obj",), "us": ("~obj",), "them": ("~obj",),
    "her": ("~obj", "~poss"), "my": ("~poss",), "your": ("~poss",), "his": ("~poss",),
    "our": ("~poss",), "their": ("~poss",), "myself": ("~refl",), "yourself": ("~refl",),
    "himself": ("~refl",), "herself": ("~refl",), "ourselves": ("~refl",),
    "themselves": ("~refl",), "yourselves": ("~refl",),
}
# Words that may stand between the words of an entry: "feel (a bit) low", "heart (was)
# pounding". Negators are never among them, so "feel not low" stays unmatched.
_GAP = frozenset({
    "a", "bit", "little", "tiny", "slightly", "kind", "sort", "somewhat", "quite", "pretty",
    "really", "very", "so", "extremely", "deeply", "incredibly", "totally", "completely",
    "utterly", "absolutely", "super", "too", "fairly", "rather", "truly", "just", "all",
    "still", "even", "also", "actually", "honestly", "literally", "genuinely", "properly",
    "real", "bloody", "such", "more", "increasingly", "getting", "got",
    "am", "is", "are", "was", "were", "be", "been", "being", "have", "has", "had",
})
_GAP_AFTER = {"of": frozenset({"kind", "sort", "bit"})}  # "kind of", "a bit of"
_MAX_GAP = 3
_MAX_WILD = 4
_WILD = "*"
# Words around a feeling that do not change which feeling a phrase names.
_SOFT = _GAP | frozenset(_CLASSES) | frozenset({
    "i", "we", "he", "she", "they", "it", "that", "this", "feel", "felt", "feeling", "feels",
    "like", "of"})


@dataclass(frozen=True, slots=True)
class _Token:
    norm: str
    start: int
    end: int
    brk: bool  # punctuation stands before it
    keys: frozenset[str]


def _expand(raw: str) -> tuple[str, ...]:
    if raw in _BARE:
        return _BARE[raw]
    if raw.endswith("n't"):
        base = raw[:-3]
        return (_NT.get(base, base), "not")
    if "'" in raw:
        head, _, tail = raw.rpartition("'")
        return (head, _SUFFIX[tail]) if tail in _SUFFIX else (raw,)
    return (raw,)


def _keys(norm: str) -> frozenset[str]:
    return frozenset({"w:" + norm, "s:" + stem(norm), *_CLASSES.get(norm, ())})


@lru_cache(maxsize=4096)
def _tokens(text: str) -> tuple[_Token, ...]:
    """Normalised words of ``text`` (apostrophes already folded by ``_prep``) with character
    offsets into ``text`` itself."""
    tokens: list[_Token] = []
    last = 0
    for m in _TOKEN_RE.finditer(text):
        raw = unicodedata.normalize("NFKC", m.group()).casefold()
        brk = bool(tokens) and bool(_BREAK_RE.search(text, last, m.start()))
        last = m.end()
        for i, norm in enumerate(_expand(raw)):
            if norm:
                tokens.append(_Token(norm, m.start(), m.end(), brk and i == 0, _keys(norm)))
    return tuple(tokens)


def _normal(phrase: str) -> str:
    return " ".join(t.norm for t in _tokens(_prep(phrase)))


def _prep(text: str) -> str:
    # Curly apostrophes are folded before the word pattern runs, so "can’t" is one word.
    return (text or "").translate(_APOSTROPHES)


# --- the feelings lexicon ---------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Entry:
    keys: tuple[str, ...]
    feeling: Feeling
    idiom: bool
    words: str  # the entry's own words, normalised: of two forms that match, it is the one said


@dataclass(frozen=True, slots=True)
class _Lexicon:
    by_first: dict[str, tuple[_Entry, ...]]
    near: frozenset[frozenset[str]]
    families: dict[str, int]  # family -> valence


def _entry_keys(text: str, exact: bool) -> tuple[str, ...]:
    keys: list[str] = []
    for i, part in enumerate(text.split(_WILD)):
        if i:
            keys.append(_WILD)
        for tok in _tokens(_prep(part)):
            if exact:
                keys.append("w:" + tok.norm)
            elif tok.norm in _CLASSES:
                keys.append(_CLASSES[tok.norm][0])
            else:
                keys.append("s:" + stem(tok.norm))
    return tuple(keys)


@lru_cache(maxsize=1)
def _lexicon() -> _Lexicon:
    data = _load_toml(FEELINGS)
    exact = set(data.pop("exact", []))
    by_first: dict[str, list[_Entry]] = {}
    owner: dict[tuple[str, ...], tuple[str, int, str]] = {}
    near: set[frozenset[str]] = set()
    families: dict[str, int] = {}
    for family, table in data.items():
        valence = table.get("valence") if isinstance(table, dict) else None
        if valence not in (-1, 1):
            raise LexiconError(f"{FEELINGS}: [{family}] needs valence = -1 or 1")
        families[family] = valence
        for kind in ("words", "idioms"):
            for text, intensity in table.get(kind, {}).items():
                if intensity not in (1, 2, 3, 4):
                    raise LexiconError(f"{FEELINGS}: [{family}.{kind}] {text!r} = {intensity}: "
                                       "intensity must be 1, 2, 3 or 4")
                keys = _entry_keys(text, text in exact)
                if not keys or keys[0] == _WILD or keys[-1] == _WILD:
                    raise LexiconError(f"{FEELINGS}: [{family}.{kind}] {text!r}: an entry "
                                       "needs words, and '*' only between them")
                earlier = owner.setdefault(keys, (family, intensity, text))
                if earlier[:2] != (family, intensity):
                    raise LexiconError(f"{FEELINGS}: {text!r} in [{family}] matches the same "
                                       f"words as {earlier[2]!r} in [{earlier[0]}] = "
                                       f"{earlier[1]}; keep one family and one intensity")
                entry = _Entry(keys, Feeling(family, intensity, valence, text), kind == "idioms",
                               _normal(text))
                by_first.setdefault(keys[0], []).append(entry)
        for other in table.get("near", []):
            near.add(frozenset((family, other)))
    unknown = {f for pair in near for f in pair} - set(families)
    if unknown:
        raise LexiconError(f"{FEELINGS}: near = names no family {sorted(unknown)}")
    return _Lexicon({k: tuple(v) for k, v in by_first.items()}, frozenset(near), families)


def _load_toml(path: Path) -> dict:
    try:
        with path.open("rb") as fh:
            return tomllib.load(fh)
    except OSError as exc:
        raise LexiconError(f"{path}: cannot read the lexicon ({exc.strerror})") from None
    except tomllib.TOMLDecodeError as exc:
        raise LexiconError(f"{path}: not valid TOML ({exc})") from None


def _match(keys: tuple[str, ...], tokens: tuple[_Token, ...], t: int, e: int = 1,
           gap: int = 0) -> int:
    """End (exclusive) of ``keys[e:]`` matched from token ``t``, or -1."""
    if e == len(keys):
        return t
    if t >= len(tokens) or tokens[t].brk:
        return -1
    key = keys[e]
    if key == _WILD:
        for width in range(1, _MAX_WILD + 1):
            if t + width > len(tokens) or any(tokens[t + k].brk for k in range(1, width)):
                break
            end = _match(keys, tokens, t + width, e + 1)
            if end >= 0:
                return end
        return -1
    tok = tokens[t]
    if key in tok.keys:
        end = _match(keys, tokens, t + 1, e + 1)
        if end >= 0:
            return end
    if gap < _MAX_GAP and (tok.norm in _GAP or (
            tok.norm in _GAP_AFTER and t and tokens[t - 1].norm in _GAP_AFTER[tok.norm])):
        return _match(keys, tokens, t + 1, e, gap + 1)
    return -1


def _matches(tokens: tuple[_Token, ...]) -> list[tuple[int, int, _Entry]]:
    """Non-overlapping entries in ``tokens``: longer entries, then idioms, then earlier."""
    by_first = _lexicon().by_first
    found = []
    for i, tok in enumerate(tokens):
        for key in tok.keys:
            for entry in by_first.get(key, ()):
                end = _match(entry.keys, tokens, i + 1)
                if end >= 0:
                    found.append((i, end, entry))
    found.sort(key=lambda m: (-len(m[2].keys), not m[2].idiom, m[0], m[1] - m[0],
                              m[2].words != " ".join(t.norm for t in tokens[m[0]:m[1]])))
    taken = [False] * len(tokens)
    chosen = []
    for start, end, entry in found:
        if not any(taken[start:end]):
            taken[start:end] = [True] * (end - start)
            chosen.append((start, end, entry))
    return sorted(chosen, key=lambda m: m[0])


@lru_cache(maxsize=8192)
def _feelings_in(text: str) -> tuple[tuple[int, int, Feeling], ...]:
    tokens = _tokens(_prep(text))
    return tuple((tokens[s].start, tokens[e - 1].end, entry.feeling)
                 for s, e, entry in _matches(tokens))


def feelings_in(text: str) -> list[tuple[int, int, Feeling]]:
    """Every feeling named in ``text``, as (start, end, Feeling) with character offsets into
    ``text``, left to right. Multiword entries and idioms are taken before the single words
    inside them ("scared stiff" is one feeling, not "scared")."""
    return list(_feelings_in(text))


@lru_cache(maxsize=8192)
def feeling(word_or_phrase: str) -> Feeling | None:
    """The feeling a word or short phrase names ("terrified", "over the moon", "I feel a bit
    down"), or None when it names none or says more than one feeling."""
    tokens = _tokens(_prep(word_or_phrase))
    found = _matches(tokens)
    if len(found) != 1:
        return None
    start, end, entry = found[0]
    rest = tokens[:start] + tokens[end:]
    return entry.feeling if all(t.norm in _SOFT for t in rest) else None


def related(family_a: str, family_b: str) -> bool:
    """Are two families the same or listed as near ("fear" and "worry")?"""
    return family_a == family_b or frozenset((family_a, family_b)) in _lexicon().near


def families() -> dict[str, int]:
    """Every family of feeling and its valence."""
    return dict(_lexicon().families)


# --- degree, frequency, quantity --------------------------------------------------------------


@lru_cache(maxsize=1)
def _scales() -> dict[str, dict[str, int]]:
    data = _load_toml(SCALES)
    scales: dict[str, dict[str, int]] = {}
    for name, top in (("degree", 4), ("frequency", 4), ("quantity", 4)):
        table = data.get(name)
        if not isinstance(table, dict):
            raise LexiconError(f"{SCALES}: missing the [{name}] table")
        scales[name] = {}
        for text, level in table.items():
            if not isinstance(level, int) or not 0 <= level <= top:
                raise LexiconError(f"{SCALES}: [{name}] {text!r} = {level!r}: "
                                   f"a level from 0 to {top}")
            scales[name][_normal(text)] = level
    return scales


@lru_cache(maxsize=4096)
def degree(word: str) -> int | None:
    """How strong a degree word makes what it qualifies: 1 ("a bit") .. 4 ("utterly")."""
    return _scales()["degree"].get(_normal(word))


@lru_cache(maxsize=4096)
def frequency(word_or_phrase: str) -> int | None:
    """How often: 0 ("never") .. 4 ("all the time")."""
    return _scales()["frequency"].get(_normal(word_or_phrase))


@lru_cache(maxsize=4096)
def quantity(word_or_phrase: str) -> int | None:
    """How much: 0 ("none") .. 4 ("everything")."""
    return _scales()["quantity"].get(_normal(word_or_phrase))


# --- antonyms ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Antonyms:
    pairs: frozenset[frozenset[str]]
    words: frozenset[str]
    by_lemma: dict[str, frozenset[str]]


def _lemma(phrase: str) -> str:
    return " ".join(stem(w) for w in phrase.split())


@lru_cache(maxsize=1)
def _antonyms() -> _Antonyms:
    try:
        lines = ANTONYMS.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise LexiconError(f"{ANTONYMS}: cannot read the antonyms ({exc.strerror}); "
                           "run scripts/make_antonyms.py") from None
    pairs = set()
    for n, line in enumerate(lines, 1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if len(cells) != 2 or not all(c.strip() for c in cells):
            raise LexiconError(f"{ANTONYMS}:{n}: expected two words separated by a tab")
        pairs.add(frozenset(_normal(c) for c in cells))
    words = frozenset(w for pair in pairs for w in pair)
    by_lemma: dict[str, set[str]] = {}
    for w in words:
        by_lemma.setdefault(_lemma(w), set()).add(w)
    return _Antonyms(frozenset(pairs), words,
                     {k: frozenset(v) for k, v in by_lemma.items()})


# Forms whose meaning parted from their stem's: "left" (not right) is no form of "leave",
# "lovely" none of "love". They keep their own opposites and lend none to their stem.
_DISTINCT = frozenset("""
likely lovely left closed closing responsive ignorant informed knowingly restful invalidate
validate tolerable intolerable continual passing manly helpful secretive moved attractive
appreciative acceptable manageable disagreeable wasteful broke broken following coming missing
lightly poorly softly usually rarely
""".split())


def _forms(table: _Antonyms, word: str) -> frozenset[str]:
    """The listed words ``word`` stands for: itself, and the words sharing its stem
    ("forgot" -> "forget", "agreed" -> "agree")."""
    norm = _normal(word)
    if norm in _DISTINCT:
        return frozenset((norm,)) & table.words
    forms = table.by_lemma.get(_lemma(norm), frozenset()) - _DISTINCT
    return forms | ({norm} & table.words)


@lru_cache(maxsize=8192)
def are_antonyms(a: str, b: str) -> bool:
    """Are ``a`` and ``b`` opposites ("early"/"late", "remembered"/"forgot"), in either
    order, after lower-casing and reducing both to their stems?"""
    table = _antonyms()
    return any(frozenset((x, y)) in table.pairs
               for x in _forms(table, a) for y in _forms(table, b) if x != y)


# --- synonyms ---------------------------------------------------------------------------------

SYNONYMS = DATA / "synonyms.tsv"


def _concept_of(phrase: str) -> str:
    """A synonym entry as the matcher compares words: each word's concept (textnorm), and a
    two-word entry ("brush_off") as the two joined with "_"."""
    from facilitator import textnorm as tn

    return "_".join(tn.concept(w) for w in phrase.lower().split("_"))


@lru_cache(maxsize=1)
def _synonyms() -> dict[str, frozenset[str]]:
    try:
        lines = SYNONYMS.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise LexiconError(f"{SYNONYMS}: cannot read the synonyms ({exc.strerror}); "
                           "run scripts/make_synonyms.py") from None
    table: dict[str, set[str]] = {}
    for n, line in enumerate(lines, 1):
        if not line.strip() or line.startswith("#"):
            continue
        word, _, rest = line.partition("\t")
        if not rest.strip():
            raise LexiconError(f"{SYNONYMS}:{n}: expected a word, a tab and its synonyms")
        key = _concept_of(word)
        table.setdefault(key, set()).update(_concept_of(s) for s in rest.split())
    return {k: frozenset(v - {k}) for k, v in table.items()}


def load_tables() -> None:
    """Read every table here from disk now (about a second on two cores), so that the first
    mirror check of a session does not wait for them, and a damaged file is named early."""
    _lexicon()
    _scales()
    _antonyms()
    _synonyms()


def synonym_concepts(concept: str) -> frozenset[str]:
    """The concepts that can stand for ``concept`` in a paraphrase ("awkward" ->
    "uncomfortable"...; "bring_up" -> "rais"...), from WordNet's everyday senses."""
    return _synonyms().get(concept, frozenset())
