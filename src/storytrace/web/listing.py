"""The stories list: one short summary per story, rebuilt only when the store changes.

Reading every story is the costly part of the list (a thousand stories are a hundred
megabytes of JSON), so :class:`StoryIndex` keeps the summaries and reads them again
only when the SQLite files change on disk (another process ran ``analyze``), or, for
a store that is not a local file, after :data:`TTL_SECONDS`.
"""

from __future__ import annotations

import threading
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from storytrace.records import Story
from storytrace.report.glance import headline, honest_counts
from storytrace.report.views import VERDICT_LABELS, outlet_label
from storytrace.store import Store

TTL_SECONDS = 5.0


@dataclass(frozen=True)
class StorySummary:
    """What the list shows of one story."""

    id: str
    title: str
    outlets: tuple[str, ...]
    article_count: int
    group_count: int
    verdicts: tuple[tuple[str, int], ...]  # (verdict, count), VERDICT_LABELS order, no zeros
    contested: int
    first_published: str | None
    last_published: str | None
    headline: str = ""  # outlets, origins, first report, disputes


def summarise(story: Story, store: Store) -> StorySummary:
    """A story's summary, naming its outlets from the stored articles."""
    articles = store.get_articles(story.article_ids)
    by_id = {article.id: article for article in articles}
    counts: Counter[str] = honest_counts(story)
    dates = sorted(a.published[:10] for a in articles if a.published)
    return StorySummary(
        id=story.id,
        title=story.title,
        outlets=tuple(dict.fromkeys(outlet_label(a, by_id) for a in story.article_ids)),
        article_count=len(story.article_ids),
        group_count=len(story.claim_groups),
        verdicts=tuple((v, counts[v]) for v in VERDICT_LABELS if counts[v]),
        contested=sum(group.contested_certainty for group in story.claim_groups),
        first_published=dates[0] if dates else None,
        last_published=dates[-1] if dates else None,
        headline=headline(story, by_id),
    )


class StoryIndex:
    """Summaries of every story in the store, newest first, kept while the store is unchanged."""

    def __init__(self, store: Store) -> None:
        self._store = store
        self._lock = threading.Lock()
        self._stamp: object = None
        self._summaries: tuple[StorySummary, ...] = ()
        self._by_id: dict[str, StorySummary] = {}

    def _fingerprint(self) -> object:
        path = getattr(self._store, "path", None)
        if isinstance(path, str) and Path(path).is_file():
            stamps = []
            for name in (path, path + "-wal"):
                try:
                    info = Path(name).stat()
                except OSError:
                    continue
                stamps.append((info.st_mtime_ns, info.st_size))
            return tuple(stamps)
        changes = getattr(self._store, "changes", None)
        if callable(changes):  # a server store: one cheap query, re-read at least each minute
            return (changes(), int(time.monotonic() // 60))
        return int(time.monotonic() // TTL_SECONDS)

    def summaries(self) -> tuple[StorySummary, ...]:
        """Every story's summary: newest publication first, undated last."""
        with self._lock:
            stamp = self._fingerprint()
            if stamp != self._stamp:
                found = [summarise(story, self._store) for story in self._store.get_stories()]
                found.sort(key=lambda s: (s.title.casefold(), s.id))
                found.sort(key=lambda s: s.last_published or "", reverse=True)
                self._summaries = tuple(found)
                self._by_id = {summary.id: summary for summary in found}
                self._stamp = stamp
            return self._summaries

    def find(self, ids: Sequence[str]) -> list[StorySummary]:
        """The summaries of these story ids, in that order (ids not stored are skipped)."""
        self.summaries()
        return [self._by_id[story_id] for story_id in ids if story_id in self._by_id]
