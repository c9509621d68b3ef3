"""A story in date order: when each article appeared, and the dates its claims and events give.

Dates are the ISO dates the read stage resolved (against each article's publication
date); undated claims are left out. A day given without its year ("March 5", ``--03-05``)
takes the year its article was published in; only when no article is dated is it kept
yearless (it sorts first). An event without a date of its own is placed at its first
report and marked ``placed``, so the main event is never missing.
Entries of one claim group that give the same date are one entry, with every outlet
that gives it. :func:`timeline_dicts` is the ``timeline`` of a story in ``stories.json``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from storytrace.records import Article, ClaimGroup, DateMention, Event, Story
from storytrace.report.event_words import event_title

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
    placed: bool = False  # an event without a date, placed at its first report
    weight: int = 0  # how many articles give it: the main event outweighs minor ones


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


def with_year(day: str, article_ids: Sequence[str], by_id: Mapping[str, Article]) -> str:
    """A yearless ``--MM-DD`` given the year its (first) article was published in."""
    if not day.startswith("--"):
        return day
    for article_id in article_ids:
        article = by_id.get(article_id)
        published = _iso_day(article.published) if article else None
        if published and not published.startswith("--"):
            return published[:4] + day[1:]
    return day


def _first_report(article_ids: Sequence[str], by_id: Mapping[str, Article]) -> str | None:
    """The earliest publication day among ``article_ids`` (None if none is dated)."""
    days = [_iso_day(by_id[a].published) for a in article_ids if a in by_id]
    dated = sorted(d for d in days if d and not d.startswith("--"))
    return dated[0] if dated else None


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
            known = [*ids, *article_ids]
            start, end = with_year(start, known, by_id), end and with_year(end, known, by_id)
            entries.append(
                TimelineEntry(
                    start,
                    end,
                    "day" if date.precision == "month-day" and start[0] != "-" else date.precision,
                    "claim",
                    group.text,
                    tuple(dict.fromkeys(outlets)),
                    anchor,
                    group.verdict,
                    date.text,
                    tuple(dict.fromkeys(ids)),
                    group.id,
                    weight=len(set(ids)),
                )
            )
    for event, event_anchor in events:
        span = _span(event.date) if event.date is not None else None
        placed = span is None
        precision = event.date.precision if event.date is not None else "day"
        if span is None:  # no date of its own: shown at its first report, marked so
            first = _first_report(event.article_ids or article_ids, by_id)
            span = (first, None) if first else None
        if span is None:
            continue
        reports = event.article_ids or tuple(article_ids)
        start = with_year(span[0], reports, by_id)
        end = span[1] and with_year(span[1], reports, by_id)
        if precision == "month-day" and not start.startswith("--"):
            precision = "day"
        entries.append(
            TimelineEntry(
                start,
                end,
                precision,
                "event",
                event_title(event),
                event.outlets or tuple(dict.fromkeys(outlet(s, by_id) for s in event.sources)),
                event_anchor,
                None,
                event.date.text if event.date is not None else None,
                event.article_ids,
                event.id,
                placed=placed,
                weight=len(event.article_ids),
            )
        )
    order = {"published": 0, "event": 1, "claim": 2}
    return tuple(
        sorted(entries, key=lambda e: (e.start, e.end or e.start, order[e.kind], -e.weight))
    )


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
