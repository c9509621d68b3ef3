"""A story in date order: when each article appeared, and the dates its claims and events give.

Dates are the ISO dates the read stage resolved (against each article's publication
date); undated claims are left out. A day given without its year ("March 5" in an
undated article, ``--03-05``) is kept and sorts before dated entries, in month order.
Entries of one claim group that give the same date are one entry, with every outlet
that gives it. :func:`timeline_dicts` is the ``timeline`` of a story in ``stories.json``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from storytrace.records import Article, ClaimGroup, DateMention, Event, Story

EntryKind = Literal["published", "claim", "event"]


@dataclass(frozen=True)
class TimelineEntry:
    """One dated thing: an article published, a dated claim, or an event."""

    start: str  # ISO date
    end: str | None  # set when the date is a span
    precision: str
    kind: EntryKind
    text: str
    outlets: tuple[str, ...]
    anchor: str | None = None  # the claim group or event on the page
    verdict: str | None = None
    date_text: str | None = None  # the words the article used ("last Tuesday")
    article_ids: tuple[str, ...] = ()  # the articles that give it
    ref: str | None = None  # the claim group, event or article id it stands for


def _iso_day(value: str | None) -> str | None:
    """The date part of an ISO date or datetime (or a yearless ``--MM-DD``), else None."""
    if value and len(value) == 7 and value.startswith("--") and value[2:4].isdigit():
        return value
    if not value or len(value) < 4 or not value[:4].isdigit():
        return None
    return value[:10]


def _span(date: DateMention) -> tuple[str, str | None] | None:
    start = _iso_day(date.start)
    if start is None:
        return None
    end = _iso_day(date.end)
    return start, (end if end and end != start else None)


def story_timeline(
    article_ids: Sequence[str],
    groups: Sequence[tuple[ClaimGroup, str]],
    events: Sequence[tuple[Event, str | None]],
    by_id: Mapping[str, Article],
    outlet: Callable[[str, Mapping[str, Article]], str],
) -> tuple[TimelineEntry, ...]:
    """Every dated entry of a story, earliest first.

    ``groups`` pairs each claim group with its anchor on the page; ``events`` pairs each
    event with its anchor (or None); ``outlet`` names an article's outlet.
    """
    entries: list[TimelineEntry] = []
    for article_id in article_ids:
        article = by_id.get(article_id)
        day = _iso_day(article.published) if article else None
        if article is not None and day is not None:
            title = article.title or "an article"
            entries.append(
                TimelineEntry(
                    day,
                    None,
                    "day",
                    "published",
                    title,
                    (outlet(article_id, by_id),),
                    article_ids=(article_id,),
                    ref=article_id,
                )
            )
    for group, anchor in groups:
        dated: dict[tuple[str, str | None], tuple[DateMention, list[str]]] = {}
        for claim in group.members:
            for date in claim.dates:
                span = _span(date)
                if span is not None:
                    _, ids = dated.setdefault(span, (date, []))
                    ids.append(claim.article_id)
        for (start, end), (date, ids) in dated.items():
            outlets = [outlet(article_id, by_id) for article_id in ids]
            entries.append(
                TimelineEntry(
                    start,
                    end,
                    date.precision,
                    "claim",
                    group.text,
                    tuple(dict.fromkeys(outlets)),
                    anchor,
                    group.verdict,
                    date.text,
                    tuple(dict.fromkeys(ids)),
                    group.id,
                )
            )
    for event, event_anchor in events:
        span = _span(event.date) if event.date is not None else None
        if event.date is not None and span is not None:
            name = event.event_type + (f": {event.sub_event_type}" if event.sub_event_type else "")
            name += f" ({event.action})" if event.action else ""
            entries.append(
                TimelineEntry(
                    span[0],
                    span[1],
                    event.date.precision,
                    "event",
                    name,
                    event.outlets or tuple(dict.fromkeys(outlet(s, by_id) for s in event.sources)),
                    event_anchor,
                    None,
                    event.date.text,
                    event.article_ids,
                    event.id,
                )
            )
    order = {"published": 0, "event": 1, "claim": 2}
    return tuple(sorted(entries, key=lambda e: (e.start, e.end or e.start, order[e.kind])))


def timeline_dicts(story: Story) -> list[dict[str, Any]]:
    """A story's timeline as ``stories.json`` gives it: its dated events and claims.

    Built from the story alone (publication dates are in ``articles``), so the web API,
    which serves one story, gives the same entries. Each entry: ``start``, ``end`` (null
    for one day), ``precision``, ``kind`` (``event`` | ``claim``), ``text``, ``date_text``,
    ``ref`` (the event or claim group id), ``verdict`` (claims) and ``article_ids``.
    """
    entries = story_timeline(
        (),
        [(group, group.id) for group in story.claim_groups],
        [(event, event.id) for event in story.events],
        {},
        lambda article_id, _articles: article_id,
    )
    return [
        {
            "start": e.start,
            "end": e.end,
            "precision": e.precision,
            "kind": e.kind,
            "text": e.text,
            "date_text": e.date_text,
            "ref": e.ref,
            "verdict": e.verdict,
            "article_ids": list(e.article_ids),
        }
        for e in entries
    ]
