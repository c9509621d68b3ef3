"""The sentences a search matched, each with its claim group and the group's verdict.

The store finds the stories (full-text index); this module says *why* each one was
found: the member sentences holding every word of the query. Text stays untrusted.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from storytrace.report.glance import shown_verdict
from storytrace.report.views import VERDICT_LABELS
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


def _holds_every(sentence: str, words: Sequence[str]) -> bool:
    found = {w.casefold() for w in _WORD.findall(sentence)}
    return all(word in found or any(f.startswith(word) for f in found) for word in words)


def page_hits(
    story_ids: Sequence[str], store: Store, query: str
) -> dict[str, tuple[SentenceHit, ...]]:
    """Up to :data:`HITS_PER_STORY` member sentences holding every word of ``query``, by story.

    Reads only the member sentences of the shown stories, never whole stories.
    """
    words = query_words(query)
    if not words:
        return {}
    hits: dict[str, list[SentenceHit]] = {story_id: [] for story_id in story_ids}
    seen: set[tuple[str, str]] = set()
    for row in store.member_sentences(story_ids):
        found = hits.setdefault(row.story_id, [])
        key = (row.story_id, row.sentence)
        if len(found) >= HITS_PER_STORY or key in seen or not _holds_every(row.sentence, words):
            continue
        seen.add(key)
        verdict = shown_verdict(
            row.verdict,
            row.independent_sources,
            named_origins=row.named_origins,
            articles=row.group_articles,
        )
        found.append(
            SentenceHit(
                sentence=row.sentence,
                outlet=row.outlet,
                group_text=row.group_text,
                verdict=verdict,
                verdict_label=VERDICT_LABELS.get(verdict, verdict),
            )
        )
    return {story_id: tuple(found) for story_id, found in hits.items()}
