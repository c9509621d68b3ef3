"""Bring a report folder up to date with a store: ``analyze --out`` calls :func:`report_store`.

Only the stories saved since the folder's reports were written are loaded and drawn
(:mod:`storytrace.report.cache`); both reports are then joined from every story's piece
(:mod:`storytrace.report.pieces`), as a full write joins them, followed by the events
told in several stories (:mod:`storytrace.report.cross_events`), drawn every time.
"""

from __future__ import annotations

from pathlib import Path

from storytrace import __version__
from storytrace.records import Article
from storytrace.report.cache import PieceCache, cache_key
from storytrace.report.cross_events import cross_event_dicts, cross_event_views
from storytrace.report.files import write_text_atomic
from storytrace.report.json_doc import article_dicts
from storytrace.report.pieces import draw_story, html_chunks, json_chunks, totals
from storytrace.report.stamp import REPORTS, forget, is_current, store_digest, write_stamp
from storytrace.store import Store

STORIES_PER_DRAW = 64  # stories loaded and drawn for the reports at a time


def report_articles(store: Store) -> list[Article]:
    """The articles the reports list: those read and embedded (failed ones included)."""
    vectors = store.get_vectors()
    return [a for a in store.get_articles() if a.id in vectors and store.has_claims(a.id)]


def report_store(store: Store, out: Path, store_name: str) -> tuple[list[Path], list[Path], int]:
    """Write the reports of every stored story into ``out``; returns (written, kept, drawn).

    When ``out`` already shows the store as it stands (:mod:`storytrace.report.stamp`),
    the reports are kept and no story is loaded. Otherwise only the stories saved since
    the reports were written are loaded and drawn (:mod:`storytrace.report.cache`); the
    rest are joined from their kept pieces, so both reports come out as a full write.
    """
    state = store.state()
    if is_current(out, __version__, store_name, state):
        return [], [out / name for name in REPORTS], 0
    if out.is_dir():
        forget(out)
    out.mkdir(parents=True, exist_ok=True)
    articles = report_articles(store)
    with PieceCache(out, cache_key(__version__, store_digest(store_name))) as cache:
        revisions = store.story_revisions()
        stale = cache.stale(revisions)
        by_id = {a.id: a for a in articles}
        for first in range(0, len(stale), STORIES_PER_DRAW):
            stories = store.get_stories(stale[first : first + STORIES_PER_DRAW])
            cache.put(
                [(draw_story(s, by_id, version=__version__), revisions[s.id]) for s in stories]
            )
        cache.keep_only(revisions)
        entries = cache.column("entry")
        found = totals(len(by_id), cache.counts())
        events = store.get_cross_events()  # few: drawn on every write
        cross = cross_event_views(events, by_id, sorted(revisions))
        chunks = json_chunks(article_dicts(articles), entries, version=__version__,
                             events=cross_event_dicts(events))  # fmt: skip
        page = html_chunks(found, cache.column("contents"), cache.column("section"),
                           version=__version__, cross=cross)  # fmt: skip
        written = [
            write_text_atomic(out / "stories.json", chunks),
            write_text_atomic(out / "report.html", page),
        ]
    write_stamp(out, __version__, store_name, state)
    return written, [], len(stale)
