"""Quotations: one speaker's words, told as one quotation, stay one claim group.

Sentence alignment splits a quoted passage into its sentences, and outlets cut the same
quotation differently ("Things are bad with food." against "Things are bad with food, we
are constantly saving it"). Two rules join what alignment left apart:

1. **Overlapping words.** A direct quote whose content words are nearly all inside another
   direct quote of the same speaker, in another article, states the same words.
2. **One quotation.** Groups whose members are, in every article they share (at least
   two), parts of one unbroken run of direct quotes by one speaker are one claim: the
   outlets reproduce the same passage.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

from storytrace.records import Claim

# Claims of one run of quotes sit this close: a space or a line break between them.
_RUN_GAP = 3
# Share of the shorter quote's content words found in the longer one.
_CONTAINED = 0.8
_MIN_WORDS = 3


def _speaker(claim: Claim) -> str | None:
    """The named person a claim quotes directly, else None."""
    attribution = claim.attribution
    if attribution is None or not attribution.direct or attribution.kind != "person":
        return None
    return attribution.source.casefold() or None


def _words(claim: Claim) -> frozenset[str]:
    return frozenset(
        w for w in re.findall(r"[a-z0-9']+", claim.text.lower()) if w not in ENGLISH_STOP_WORDS
    )


def _runs(claims: Sequence[Claim]) -> dict[int, tuple[str, int]]:
    """For each direct quote: its article and the run of adjacent quotes by one speaker."""
    by_article: dict[str, list[int]] = {}
    for i, claim in enumerate(claims):
        by_article.setdefault(claim.article_id, []).append(i)
    run_of: dict[int, tuple[str, int]] = {}
    for article_id, members in by_article.items():
        members.sort(key=lambda i: claims[i].span)
        run, previous = 0, None
        for i in members:
            speaker = _speaker(claims[i])
            if speaker is None:
                previous = None
                continue
            if (
                previous is None
                or _speaker(claims[previous]) != speaker
                or claims[i].span[0] - claims[previous].span[1] > _RUN_GAP
            ):
                run += 1
            run_of[i] = (article_id, run)
            previous = i
    return run_of


def join_quotations(groups: Sequence[list[int]], claims: Sequence[Claim]) -> list[list[int]]:
    """``groups`` (lists of indices into ``claims``) with the parts of one quotation joined."""
    parent = list(range(len(groups)))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    group_of = {i: g for g, members in enumerate(groups) for i in members}
    quotes: dict[str, list[int]] = {}
    for i, claim in enumerate(claims):
        if (speaker := _speaker(claim)) is not None:
            quotes.setdefault(speaker, []).append(i)
    for members in quotes.values():  # rule 1: overlapping words
        words = {i: _words(claims[i]) for i in members}
        for a in members:
            for b in members:
                shorter, longer = sorted((words[a], words[b]), key=len)
                if (
                    a < b
                    and claims[a].article_id != claims[b].article_id
                    and len(shorter) >= _MIN_WORDS
                    and len(shorter & longer) >= _CONTAINED * len(shorter)
                ):
                    parent[find(group_of[a])] = find(group_of[b])
    run_of = _runs(claims)
    by_signature: dict[frozenset[tuple[str, int]], int] = {}
    for g, members in enumerate(groups):  # rule 2: one quotation
        if not all(i in run_of for i in members):
            continue
        signature = frozenset(run_of[i] for i in members)
        articles = {article_id for article_id, _ in signature}
        if len(articles) < 2 or len(articles) != len(signature):
            continue
        if signature in by_signature:
            parent[find(g)] = find(by_signature[signature])
        else:
            by_signature[signature] = g
    joined: dict[int, list[int]] = {}
    for g, members in enumerate(groups):
        joined.setdefault(find(g), []).extend(members)
    return sorted((sorted(members) for members in joined.values()), key=lambda m: m[0])
