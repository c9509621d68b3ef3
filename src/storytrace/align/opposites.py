"""Opposite wording: two tellings that say a thing and its opposite ("has enormous respect for
the military" against "has been disrespecting our veterans") confirm nothing of each other,
however close their sentence vectors.

A word of one text has its antonym in the other while the other does not also use the word
itself. Antonyms are the negating prefixes of English applied to a listed stem (dis-, un-,
in-, il-, im-, ir-, non-, mis-: "respect"/"disrespect", "fair"/"unfair") and a short list of
common opposite pairs ("support"/"oppose", "rise"/"fall"); words are compared by a crude stem,
so "disrespecting" meets "respect".
"""

from __future__ import annotations

import functools
import re

# stems whose negated form is its opposite; a stem alone is never enough ("inform" is no
# negated "form"), so only listed stems are read this way
_NEGATABLE = {
    "respect": "dis", "agree": "dis", "approve": "dis", "honest": "dis", "like": "dis",
    "trust": "dis", "obey": "dis", "loyal": "dis", "credit": "dis", "qualif": "dis",
    "fair": "un", "true": "un", "popular": "un", "safe": "un", "fit": "un", "able": "un",
    "likely": "un", "necessary": "un", "acceptable": "un", "successful": "un",
    "constitutional": "un", "lawful": "un", "ethical": "un", "armed": "un", "qualified": "un",
    "patriotic": "un", "fortunate": "un", "precedented": "un", "stable": "un", "clear": "un",
    "legal": "il", "legitimate": "il", "logical": "il", "moral": "im", "possible": "im",
    "responsible": "ir", "relevant": "ir", "competent": "in", "accurate": "in",
    "correct": "in", "sufficient": "in", "effective": "in", "eligible": "in", "violent": "non",
    "partisan": "non",
}  # fmt: skip
# (not "win"/"lose" or "ahead"/"behind": "Clinton won" and "Trump lost" tell one fact)
_PAIRS = [
    ("support", "oppose"), ("rise", "fall"), ("increase", "decrease"), ("guilty", "innocent"),
    ("accept", "reject"), ("allow", "ban"), ("praise", "criticize"), ("praise", "criticise"),
    ("strong", "weak"), ("success", "failure"), ("confirm", "deny"), ("admit", "deny"),
    ("approve", "reject"), ("open", "close"),
]  # fmt: skip
_SUFFIXES = ("ingly", "ing", "edly", "ed", "ies", "es", "s", "ly", "ful", "ness", "ment", "ity")
_WORD = re.compile(r"[a-z]+")


@functools.lru_cache(maxsize=1 << 14)
def _stem(word: str) -> str:
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


def _opposites() -> dict[str, set[str]]:
    table: dict[str, set[str]] = {}
    for stem, prefix in _NEGATABLE.items():
        table.setdefault(_stem(stem), set()).add(_stem(prefix + stem))
        table.setdefault(_stem(prefix + stem), set()).add(_stem(stem))
    for first, second in _PAIRS:
        table.setdefault(_stem(first), set()).add(_stem(second))
        table.setdefault(_stem(second), set()).add(_stem(first))
    return table


_TABLE = _opposites()


def _stems(text: str) -> set[str]:
    return {_stem(word) for word in _WORD.findall(text.lower())}


def opposite_wording(first: str, second: str) -> bool:
    """Whether one text uses a word whose opposite the other uses instead."""
    a, b = _stems(first), _stems(second)
    only_b = b - a
    return any(_TABLE.get(stem, set()) & only_b for stem in a - b)
