"""Events as ACLED rows: the columns of ACLED's data export, filled where storytrace can.

One row per event (an event merged across stories is one row). Events ACLED does not
code (storytrace's ``Incident``: fires, accidents) are left out. Columns storytrace
cannot know (``region``, ``admin2``, ``admin3``, ``source_scale``) stay empty; so does
``inter2`` when nothing is acted on. ``event_id_cnty`` is the country's ISO alpha-3 code
and storytrace's event id. ``event_date`` is ISO (``YYYY-MM-DD``); a day given without
its year leaves ``event_date`` and ``year`` empty, and the notes give the day. ``fatalities``
is the conservative (lowest) reported death toll, 0 when none is reported, as ACLED codes.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from typing import Any

import pycountry

from storytrace.events import acled
from storytrace.records import Event, Story
from storytrace.report.tables import write_csv
from storytrace.text.places import country_name

ACLED_COLUMNS: tuple[str, ...] = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2",
    "inter2", "interaction", "civilian_targeting", "iso", "region", "country", "admin1",
    "admin2", "admin3", "location", "latitude", "longitude", "geo_precision", "source",
    "source_scale", "notes", "fatalities", "tags", "timestamp",
)  # fmt: skip


def unique_events(stories: Sequence[Story]) -> list[Event]:
    """Every event once, in story order (merged events share an id across stories)."""
    seen: dict[str, Event] = {}
    for story in stories:
        for event in story.events:
            seen.setdefault(event.id, event)
    return list(seen.values())


def acled_row(event: Event, *, timestamp: int) -> dict[str, Any]:
    """One event in ACLED's columns."""
    place = event.location
    iso2 = place.country if place is not None else None
    country = pycountry.countries.get(alpha_2=iso2) if iso2 else None
    start = event.date.start if event.date is not None else None
    actor1 = event.actors[0] if event.actors else ""
    actor2 = event.targets[0] if event.targets else ""
    inter1 = acled.inter_code(actor1)
    inter2 = acled.inter_code(actor2)
    fatalities = event.count.get("fatalities") or {}
    return {
        "event_id_cnty": f"{country.alpha_3 if country else 'XXX'}-{event.id}",
        "event_date": start if start and start[:4].isdigit() else "",
        "year": start[:4] if start and start[:4].isdigit() else "",
        "time_precision": event.time_precision,
        "disorder_type": event.disorder_type,
        "event_type": event.event_type,
        "sub_event_type": event.sub_event_type,
        "actor1": actor1,
        "assoc_actor_1": "; ".join(event.actors[1:]),
        "inter1": inter1,
        "actor2": actor2,
        "assoc_actor_2": "; ".join(event.targets[1:]),
        "inter2": inter2,
        "interaction": acled.interaction(inter1, inter2),
        "civilian_targeting": "Civilian targeting"
        if event.event_type == "Violence against civilians"
        else "",
        "iso": int(country.numeric) if country else "",
        "region": "",
        "country": country_name(iso2) or "",
        "admin1": place.admin1 if place is not None and place.admin1 else "",
        "admin2": "",
        "admin3": "",
        "location": place.name if place is not None else "",
        "latitude": place.lat if place is not None else "",
        "longitude": place.lon if place is not None else "",
        "geo_precision": event.geo_precision,
        "source": "; ".join(dict.fromkeys([*event.sources, *event.outlets])),
        "source_scale": "",
        "notes": event.notes,
        "fatalities": int(fatalities.get("conservative") or 0),
        "tags": "",
        "timestamp": timestamp,
    }


def events_acled_csv(stories: Sequence[Story], *, timestamp: int | None = None) -> str:
    """The stories' ACLED-type events as CSV with ACLED's column names."""
    stamp = int(time.time()) if timestamp is None else timestamp
    rows = [
        acled_row(event, timestamp=stamp)
        for event in unique_events(stories)
        if acled.is_acled(event.event_type)
    ]
    return write_csv(ACLED_COLUMNS, rows)
