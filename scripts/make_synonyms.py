"""Write facilitator/data/understanding/synonyms.tsv: for everyday words, the words that can
stand for them in a paraphrase ("awkward" / "uncomfortable", "bring up" / "raise",
"brush off" / "shrug off", "effort" / "work"), so the mirror check finds a sender's word
said back in other words.

Source: WordNet 3.0 (Princeton University). A word's synonyms are the other words of its
most frequent senses (two for nouns, three for verbs, adjectives and adverbs, as WordNet's
index orders them), and for adjectives also the satellites "similar to" those senses.
Both the word and each synonym must be common in today's English (wordfreq's Zipf
frequency, a build-time tool only: the facilitator reads the written file, never wordfreq).
Rare senses are what make WordNet misleading in a conversation, so they are left out.

WordNet 3.0 comes from Debian's ``wordnet-base`` (apt-get install wordnet-base); wordfreq
from PyPI (pip install wordfreq).

    python scripts/make_synonyms.py [--wordnet /usr/share/wordnet] [--out PATH]
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "facilitator" / "data" / "understanding" / "synonyms.tsv"

HEADER = """\
# Everyday synonyms (word<TAB>synonym synonym ...; multiword entries with "_"), for finding
# a sender's word said back in other words. Written by scripts/make_synonyms.py; edit that
# script, not this file.
#
# Source: WordNet 3.0, Copyright 2006 by Princeton University. All rights reserved.
# Licence (WordNet 3.0 licence): permission to use, copy, modify and distribute this
# database and its documentation for any purpose and without fee or royalty is granted,
# provided the copyright notice and these statements appear on all copies. THE DATABASE IS
# PROVIDED "AS IS" AND PRINCETON UNIVERSITY MAKES NO REPRESENTATIONS OR WARRANTIES, EXPRESS
# OR IMPLIED. The name of Princeton University may not be used in advertising or publicity
# pertaining to distribution of the database.
#
# The words of each word's most frequent senses (and an adjective's similar satellites),
# both words common in everyday English.
"""

POS = {"n": "noun", "v": "verb", "a": "adj", "r": "adv"}
SENSES = {"n": 2, "v": 3, "a": 3, "r": 3}
MIN_ZIPF = 3.0
# Senses that make a common word a synonym of an unrelated one in conversation.
DROP = {
    ("fix", "situation"), ("fix", "jam"), ("fix", "hole"), ("fix", "mess"), ("fix", "pickle"),
    ("kind", "sort"), ("sort", "kind"), ("like", "same"), ("like", "care"), ("get", "have"),
    ("have", "get"), ("take", "have"), ("make", "do"), ("do", "make"), ("go", "die"),
    ("go", "run"), ("run", "go"), ("get", "go"), ("go", "get"), ("feel", "experience"),
    ("mean", "think"), ("think", "mean"), ("want", "need"), ("need", "want"),
}


def read_synsets(wordnet: Path) -> dict[str, tuple[str, list[str], list[str]]]:
    """offset-pos -> (pos, lemmas, similar-to offsets)."""
    out = {}
    for pos, name in POS.items():
        for line in (wordnet / f"data.{name}").read_text(encoding="latin-1").splitlines():
            if line.startswith("  "):
                continue
            fields = line.split(" | ")[0].split()
            offset, ss_type = fields[0], fields[2]
            count = int(fields[3], 16)
            lemmas = [fields[4 + 2 * k].lower() for k in range(count)]
            lemmas = [lemma.split("(")[0] for lemma in lemmas]
            rest = fields[4 + 2 * count:]
            pointers = int(rest[0])
            similar = []
            for k in range(pointers):
                symbol, target, target_pos = rest[1 + 4 * k:4 + 4 * k]
                if symbol == "&":
                    similar.append(f"{target}-{'a' if target_pos == 's' else target_pos}")
            key_pos = "a" if ss_type == "s" else ss_type
            out[f"{offset}-{key_pos}"] = (key_pos, lemmas, similar)
    return out


def read_index(wordnet: Path) -> dict[tuple[str, str], list[str]]:
    """(lemma, pos) -> synset keys, most frequent sense first."""
    out = {}
    for pos, name in POS.items():
        for line in (wordnet / f"index.{name}").read_text(encoding="latin-1").splitlines():
            if line.startswith("  "):
                continue
            fields = line.split()
            lemma, synset_count, pointer_count = fields[0], int(fields[2]), int(fields[3])
            offsets = fields[6 + pointer_count:6 + pointer_count + synset_count]
            out[(lemma, pos)] = [f"{o}-{pos}" for o in offsets]
    return out


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--wordnet", type=Path, default=Path("/usr/share/wordnet"))
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    try:
        from wordfreq import zipf_frequency
    except ImportError:
        print("make_synonyms: needs wordfreq (pip install wordfreq)", file=sys.stderr)
        return 2

    def common(phrase: str) -> bool:
        return all(zipf_frequency(w, "en") >= MIN_ZIPF for w in phrase.split("_"))

    synsets = read_synsets(args.wordnet)
    index = read_index(args.wordnet)
    table: dict[str, set[str]] = defaultdict(set)
    for (lemma, pos), keys in index.items():
        if not common(lemma) or len(lemma.split("_")) > 2:
            continue
        for key in keys[:SENSES[pos]]:
            _, lemmas, similar = synsets[key]
            words = list(lemmas)
            if pos == "a":
                for other in similar:
                    words.extend(synsets[other][1] if other in synsets else [])
            for w in words:
                if w != lemma and common(w) and len(w.split("_")) <= 2 and "-" not in w and (
                        lemma, w) not in DROP:
                    table[lemma].add(w)
    lines = [HEADER.rstrip("\n")]
    for lemma in sorted(table):
        lines.append(f"{lemma}\t{' '.join(sorted(table[lemma]))}")
    args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{args.out}: {len(table)} words")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
