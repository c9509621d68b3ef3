"""Events told in several stories, as ``stories.json`` and ``report.html`` show them.

A story shows the events coded from its own articles. An event told in several stories
is a record of its own (``Store.get_cross_events``), drawn after the stories in both
reports on every write (they are few and small): a new article that joins one redraws
only its own story, never the others that tell the event.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from storytrace.records import Article, Event
from storytrace.report.views import EventView, event_view

ANCHOR = "cross-event"  # the section's anchor; each event's is ANCHOR-N


@dataclass(frozen=True)
class CrossEventView:
    """One event told in several stories, with links to those stories' sections."""

    view: EventView
    stories: tuple[tuple[str, str | None], ...]  # (story id, its anchor in the page)


def cross_event_views(
    events: Sequence[Event], by_id: Mapping[str, Article], story_ids: Sequence[str]
) -> list[CrossEventView]:
    """The views of ``events``; ``story_ids`` are the page's stories in page order."""
    anchors = {story_id: f"story-{n}" for n, story_id in enumerate(story_ids, start=1)}
    return [
        CrossEventView(
            view=event_view(event, f"{ANCHOR}-{n}", by_id, {}),
            stories=tuple((s, anchors.get(s)) for s in event.story_ids),
        )
        for n, event in enumerate(events, start=1)
    ]


def cross_event_dicts(events: Sequence[Event]) -> list[dict[str, Any]]:
    """The top-level ``events`` of stories.json: each event told in several stories."""
    from storytrace.report.json_doc import finite, record_json

    return [finite(record_json(event)) for event in events]
