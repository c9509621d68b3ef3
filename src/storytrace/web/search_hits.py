"""The sentences a search matched, each with its claim group and the group's verdict.

The store finds the stories (full-text index); this module says *why* each one was
found: the member sentences holding every word of the query. Text stays untrusted.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from storytrace.records import Story
from storytrace.report.glance import effective_verdict
from storytrace.report.views import VERDICT_LABELS, outlet_label
from storytrace.store import Store

HITS_PER_STORY = 3
_WORD = re.compile(r"\w+", re.UNICODE)


@dataclass(frozen=True)
class SentenceHit:
    """One matching sentence of a story."""

    sentence: str
    outlet: str
    group_text: str
    verdict: str  # the verdict a count may show (see glance.effective_verdict)
    verdict_label: str


def query_words(query: str) -> tuple[str, ...]:
    """The words of a query, case-folded (FTS operators and punctuation dropped)."""
    words = (w.casefold() for w in _WORD.findall(query))
    return tuple(w for w in words if w not in ("and", "or", "not", "near"))


def sentence_hits(story: Story, store: Store, query: str) -> tuple[SentenceHit, ...]:
    """Up to :data:`HITS_PER_STORY` member sentences holding every word of ``query``."""
    words = query_words(query)
    if not words:
        return ()
    hits: list[SentenceHit] = []
    seen: set[str] = set()
    by_id = {a.id: a for a in store.get_articles(story.article_ids)}
    for group in story.claim_groups:
        for claim in group.members:
            found = {w.casefold() for w in _WORD.findall(claim.text)}
            if claim.text in seen or not all(
                word in found or any(f.startswith(word) for f in found) for word in words
            ):
                continue
            seen.add(claim.text)
            verdict = effective_verdict(group)
            hits.append(
                SentenceHit(
                    sentence=claim.text,
                    outlet=outlet_label(claim.article_id, by_id),
                    group_text=group.text,
                    verdict=verdict,
                    verdict_label=VERDICT_LABELS.get(verdict, verdict),
                )
            )
            if len(hits) >= HITS_PER_STORY:
                return tuple(hits)
    return tuple(hits)


def page_hits(
    story_ids: Sequence[str], store: Store, query: str
) -> dict[str, tuple[SentenceHit, ...]]:
    """Matching sentences of the stories shown on one page of results, by story id."""
    if not query_words(query):
        return {}
    return {story.id: sentence_hits(story, store, query) for story in store.get_stories(story_ids)}
