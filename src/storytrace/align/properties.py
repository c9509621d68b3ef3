"""Contested properties: one outlet calls something a fact that another says is unconfirmed.

"Ukraine claimed the troops were elite paratroopers, but this has yet to be confirmed" and
"the elite paratrooper unit was from an airbase in Pskov" are different sentences about
different facts, so sentence alignment keeps them apart; but the second takes for granted
what the first doubts. A property claim is a doubted predication ("were elite
paratroopers": a modifier and a head noun); every asserted mention of the same modifier on
the same head in another article joins it, and the group is marked contested.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from storytrace.records import Claim

_PREDICATION = re.compile(
    r"\b(?:were|was|are|is|be|been|being)\s+(?:an?\s+|the\s+)?([A-Za-z-]+(?:\s+[A-Za-z-]+){1,2})"
)
_FUNCTION_WORDS = {
    "a", "an", "the", "of", "to", "in", "on", "at", "by", "for", "with", "from", "and", "or",
    "but", "that", "this", "as", "not", "no", "also", "still", "now", "then", "than", "more",
    "most", "very", "being", "been", "there", "their", "its", "his", "her",
}  # fmt: skip
_DOUBTED = ("hedged", "unconfirmed")


def _singular(word: str) -> str:
    return word[:-1] if word.endswith("s") and not word.endswith("ss") else word


def _property(phrase: str) -> tuple[str, str] | None:
    """(modifier, head) of a predicated noun phrase, or None for verbs, function words and
    names ("the biggest unifier we got is Hillary Clinton" names someone, it predicates no
    property)."""
    written = phrase.split()
    while written and written[-1].lower() in _FUNCTION_WORDS:
        written.pop()
    if len(written) < 2 or written[-1][:1].isupper():
        return None
    words = [w.lower() for w in written]
    modifier, head = words[0], words[-1]
    if modifier in _FUNCTION_WORDS or modifier.endswith("ly"):
        return None
    if head.endswith(("ed", "ing")) or modifier.endswith(("ed", "ing")):
        return None  # a passive or progressive verb, not a noun phrase
    return modifier, _singular(head)


def contested_properties(claims: Sequence[Claim]) -> list[list[Claim]]:
    """Groups of a doubted property claim and the asserted mentions of it in other articles."""
    groups: list[list[Claim]] = []
    for doubted in claims:
        if doubted.certainty not in _DOUBTED:
            continue
        for match in _PREDICATION.finditer(doubted.text):
            found = _property(match.group(1))
            if found is None:
                continue
            modifier, head = found
            mention = re.compile(
                rf"\b{re.escape(modifier)}(?:\s+[A-Za-z-]+){{0,2}}\s+{re.escape(head)}s?\b",
                re.IGNORECASE,
            )
            asserting: dict[str, Claim] = {}
            for other in claims:
                if other.article_id == doubted.article_id or other.certainty != "asserted":
                    continue
                if other.article_id not in asserting and mention.search(other.text):
                    asserting[other.article_id] = other
            group = [doubted, *asserting.values()]
            if asserting and all({c.id for c in g} != {c.id for c in group} for g in groups):
                groups.append(group)
    return groups
