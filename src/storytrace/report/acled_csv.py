"""Events as ACLED rows: the columns of ACLED's data export, filled where storytrace can.

One row per event (an event merged across stories is one row). A row is valid by ACLED's
codebook or not written: every row has ``event_date``, ``year`` and ``time_precision``,
a country, and inter codes and an ``interaction`` consistent with its actors. An event is
left out, with the reason on stderr, when ACLED does not code its type (storytrace's
``Incident``, ``Crime``, ``Diplomacy``, ``Attribution``), when no place is known, or
when it is a past event recalled as background (:func:`background`). When
no year can be known at all (neither the reports nor any article of the story is dated),
the row is written with ``event_date`` and ``year`` empty and a warning on stderr.

- ``event_date`` is ISO (``YYYY-MM-DD``). A day told without its year takes the year of
  the event's articles (their publication dates, else the story's dated events), and the
  notes say so. An event without a date takes the publication date of its first dated
  article at ``time_precision`` 3, and the notes say so.
- ``actor2`` is an actor ACLED can code: an organisation acted on that is not one of
  ACLED's actor kinds (a newspaper whose offices were raided) is listed in
  ``assoc_actor_2`` under ``Civilians (country)``. An ``actor1`` of unknown kind leaves
  ``inter1`` and ``interaction`` empty rather than coding a wrong one; a lone ``actor1``
  is interaction ``10 x inter1``, never with an ``actor2``.
- ``admin1`` is spelt as ACLED spells regions (GeoNames' English names: "Donetsk", not
  ISO 3166-2's "Donetska oblast", which the stored place keeps).
- Columns storytrace cannot know (``region``, ``admin2``, ``admin3``, ``source_scale``)
  stay empty. ``event_id_cnty`` is the country's ISO alpha-3 code and storytrace's event
  id. ``fatalities`` is the conservative (lowest) reported death toll, 0 when none is
  reported, as ACLED codes.
"""

from __future__ import annotations

import datetime
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import pycountry

from storytrace.events import acled
from storytrace.records import Article, Event, Story
from storytrace.report.tables import write_csv
from storytrace.text.gazetteer import acled_admin1
from storytrace.text.places import country_name

ACLED_COLUMNS: tuple[str, ...] = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2",
    "inter2", "interaction", "civilian_targeting", "iso", "region", "country", "admin1",
    "admin2", "admin3", "location", "latitude", "longitude", "geo_precision", "source",
    "source_scale", "notes", "fatalities", "tags", "timestamp",
)  # fmt: skip


def unique_events(stories: Sequence[Story], merged: Sequence[Event] = ()) -> list[Event]:
    """Every event once, in story order: a story's event that is part of an event told in
    several stories (``merged``, ``Store.get_cross_events``) is that event, once."""
    of_group = {g: event for event in merged for g in event.claim_group_ids}
    seen: dict[str, Event] = {}
    for story in stories:
        for event in story.events:
            whole = next((of_group[g] for g in event.claim_group_ids if g in of_group), event)
            seen.setdefault(whole.id, whole)
    return list(seen.values())


@dataclass(frozen=True)
class Dated:
    """The date a row gives an event: ISO day, precision, and the note that explains it."""

    day: str
    precision: int
    note: str = ""


def event_day(event: Event, published: Sequence[str]) -> Dated | None:
    """The event's ISO day for ACLED, or None when nothing dates it (see the module)."""
    start = event.date.start if event.date is not None else None
    precision = event.time_precision or 3
    if start and start[:4].isdigit():
        return Dated(start[:10], precision)
    years = [p[:4] for p in published if p[:4].isdigit()]
    if start and start.startswith("--") and years:
        return Dated(f"{years[0]}{start[1:7]}", precision,
                     f"Year {years[0]} taken from the articles' dates ({start}).")  # fmt: skip
    days = [p[:10] for p in published if len(p) >= 10 and p[:4].isdigit()]
    if days:
        return Dated(days[0], 3, f"Date: none given; the article's, {days[0]}, precision 3.")
    return None


def _inter(actor: str) -> int | None:
    return acled.inter_code(actor) if actor else None


def acled_row(event: Event, *, timestamp: int, published: Sequence[str] = ()) -> dict[str, Any]:
    """One event in ACLED's columns (``published``: its articles' publication dates)."""
    place = event.location
    iso2 = place.country if place is not None else None
    country = pycountry.countries.get(alpha_2=iso2) if iso2 else None
    dated = event_day(event, published)
    actor1 = event.actors[0] if event.actors else ""
    actor2 = event.targets[0] if event.targets else ""
    assoc2 = list(event.targets[1:])
    if actor2 and _inter(actor2) is None:  # a name ACLED's list lacks ("ISWAP fighters")
        assoc2.insert(0, actor2)
        name = country_name(iso2)
        kind = "Unidentified Armed Group" if event.event_type == "Battles" else "Civilians"
        actor2 = f"{kind} ({name})" if name else kind  # a battle's other side is armed
    inter1, inter2 = _inter(actor1), _inter(actor2)
    known = inter1 is not None and (not actor2 or inter2 is not None)
    fatalities = event.count.get("fatalities") or {}
    notes = " ".join(n for n in (event.notes, dated.note if dated else "") if n)
    return {
        "event_id_cnty": f"{country.alpha_3 if country else 'XXX'}-{event.id}",
        "event_date": dated.day if dated else "",
        "year": dated.day[:4] if dated else "",
        "time_precision": dated.precision if dated else event.time_precision,
        "disorder_type": event.disorder_type,
        "event_type": event.event_type,
        "sub_event_type": event.sub_event_type,
        "actor1": actor1,
        "assoc_actor_1": "; ".join(event.actors[1:]),
        "inter1": inter1,
        "actor2": actor2,
        "assoc_actor_2": "; ".join(assoc2),
        "inter2": inter2,
        "interaction": acled.interaction(inter1, inter2) if known else None,
        "civilian_targeting": "Civilian targeting"
        if event.event_type == "Violence against civilians"
        else "",
        "iso": int(country.numeric) if country else "",
        "region": "",
        "country": country_name(iso2) or "",
        "admin1": (acled_admin1(iso2, place.admin1) or "") if place is not None else "",
        "admin2": "",
        "admin3": "",
        "location": place.name if place is not None else "",
        "latitude": place.lat if place is not None else "",
        "longitude": place.lon if place is not None else "",
        "geo_precision": event.geo_precision,
        "source": "; ".join(dict.fromkeys([*event.sources, *event.outlets])),
        "source_scale": "",
        "notes": notes,
        "fatalities": int(fatalities.get("conservative") or 0),
        "tags": "",
        "timestamp": timestamp,
    }


def omitted_reason(event: Event, published: Sequence[str], own: Sequence[str] = ()) -> str | None:
    """Why an event is not an ACLED row, or None when it is one. ``own``: the publication
    dates of the event's own articles, for :func:`background`."""
    if not acled.is_acled(event.event_type):
        return f"{event.event_type} ({event.sub_event_type}) is not an ACLED event type"
    if event.location is None or not event.location.country:
        return "no place known for it"
    return background(event, own)


def background(event: Event, own: Sequence[str]) -> str | None:
    """Why an event is told as background, or None: it ended more than a year before the
    first of its articles was published ("sitting at a lunch counter in the 1960s", "six
    years after she was released from house arrest"). ACLED codes events from reports of
    the time; a past event recalled in today's news is not a new one."""
    end = (event.date.end or event.date.start) if event.date is not None else None
    days = sorted(p[:10] for p in own if len(p) >= 10 and p[:4].isdigit())
    if not end or not end[:4].isdigit() or not days:
        return None
    try:
        ended = datetime.date.fromisoformat(_whole_day(end))
        first = datetime.date.fromisoformat(days[0])
    except ValueError:
        return None
    if (first - ended).days <= 366:
        return None
    return f"told as background: it ended {end[:10]}, over a year before its article ({days[0]})"


def _whole_day(iso: str) -> str:
    """The last day an ISO date or its prefix covers ("1960" -> "1960-12-31")."""
    if len(iso) >= 10:
        return iso[:10]
    if len(iso) == 7:
        return f"{iso}-28"
    return f"{iso[:4]}-12-31"


def _published(event: Event, articles: Sequence[Article], stories: Sequence[Story]) -> list[str]:
    """Publication dates of the event's articles, then of its stories' other articles."""
    by_id = {a.id: a for a in articles}
    own = [by_id[a].published for a in event.article_ids if a in by_id]
    story_articles = [a for s in stories if s.id in event.story_ids for a in s.article_ids]
    others = [by_id[a].published for a in story_articles if a in by_id]
    dated = [e.date.start for s in stories if s.id in event.story_ids for e in s.events
             if e.date is not None and e.date.start and e.date.start[:4].isdigit()]  # fmt: skip
    found = [p for p in (*own, *others) if p] + [d for d in dated if d]
    return list(dict.fromkeys(found))


def acled_rows(
    stories: Sequence[Story],
    articles: Sequence[Article] = (),
    *,
    timestamp: int = 0,
    merged: Sequence[Event] = (),
) -> tuple[list[dict[str, Any]], list[tuple[Event, str]]]:
    """The ACLED rows of the stories' events (an event told in several stories, from
    ``merged``, once), and each event left out (or written without a date, as when neither
    its reports nor any article of its stories give a year) with the reason."""
    rows, left_out = [], []
    by_id = {a.id: a.published for a in articles}
    for event in unique_events(stories, merged):
        published = _published(event, articles, stories)
        own = [by_id[a] or "" for a in event.article_ids if a in by_id]
        reason = omitted_reason(event, published, own)
        if reason is None:
            rows.append(acled_row(event, timestamp=timestamp, published=published))
            if not rows[-1]["event_date"]:
                left_out.append((event, "written without event_date: no year is known"))
        else:
            left_out.append((event, reason))
    return rows, left_out


def events_acled_csv(
    stories: Sequence[Story],
    articles: Sequence[Article] = (),
    *,
    timestamp: int | None = None,
    warn: Callable[[str], None] | None = None,
    merged: Sequence[Event] = (),
) -> str:
    """The stories' ACLED-type events as CSV with ACLED's column names; each event left
    out is named, with the reason, through ``warn`` (default: a line on stderr)."""
    stamp = int(time.time()) if timestamp is None else timestamp
    rows, left_out = acled_rows(stories, articles, timestamp=stamp, merged=merged)
    say = warn or (lambda line: print(line, file=sys.stderr))
    for event, reason in left_out:
        place = event.location.name if event.location is not None else "?"
        verb = "warning:" if reason.startswith("written") else "left out"
        say(f"acled: {verb} {event.id} ({event.event_type}, {place}): {reason}")
    return write_csv(ACLED_COLUMNS, rows)
