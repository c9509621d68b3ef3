"""Event coding in ACLED's terms: claim groups that report something happening -> ``Event``s."""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence

from storytrace.records import Article, ClaimGroup, DateMention, Event, Place

# Lemma of the reported action -> (ACLED event type, sub-event type).
_ACTIONS: dict[str, tuple[str, str]] = {
    "explode": ("Explosions/Remote violence", "Remote explosive/landmine/IED"),
    "shell": ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
    "bomb": ("Explosions/Remote violence", "Air/drone strike"),
    "strike": ("Explosions/Remote violence", "Air/drone strike"),
    "attack": ("Battles", "Armed clash"),
    "clash": ("Battles", "Armed clash"),
    "fight": ("Battles", "Armed clash"),
    "kill": ("Violence against civilians", "Attack"),
    "shoot": ("Violence against civilians", "Attack"),
    "protest": ("Protests", "Peaceful protest"),
    "rally": ("Protests", "Peaceful protest"),
    "march": ("Protests", "Peaceful protest"),
    "riot": ("Riots", "Violent demonstration"),
    "loot": ("Riots", "Mob violence"),
    "raid": ("Strategic developments", "Looting/property destruction"),
    "arrest": ("Strategic developments", "Arrests"),
    "detain": ("Strategic developments", "Arrests"),
    "refuse": ("Strategic developments", "Other"),
    "desert": ("Strategic developments", "Other"),
    "mutiny": ("Strategic developments", "Other"),
    "evacuate": ("Strategic developments", "Other"),
    "deploy": ("Strategic developments", "Change to group/activity"),
}
_FATAL = {"kill", "die", "dead"}


def _action(group: ClaimGroup) -> tuple[str, tuple[str, str]] | None:
    for member in group.members:
        for quantity in member.quantities:
            if quantity.predicate in _ACTIONS:
                return quantity.predicate, _ACTIONS[quantity.predicate]
    return None


def _first_place(group: ClaimGroup) -> Place | None:
    places = [p for m in group.members for p in m.places]
    cities = [p for p in places if p.precision == "city"]
    ranked = cities or places
    return ranked[0] if ranked else None


def _first_date(group: ClaimGroup) -> DateMention | None:
    dates = [d for m in group.members for d in m.dates]
    order = ("day", "month-day", "month", "year")
    return min(
        dates,
        key=lambda d: order.index(d.precision) if d.precision in order else len(order),
        default=None,
    )


def code_events(groups: Sequence[ClaimGroup], articles: Mapping[str, Article]) -> list[Event]:
    """One event per claim group that counts people an action happened to, or by."""
    events: list[Event] = []
    for group in groups:
        found = _action(group)
        if found is None:
            continue
        lemma, (event_type, sub_type) = found
        counts = [q for m in group.members for q in m.quantities if q.predicate == lemma]
        lows = [q.value if q.value is not None else q.low for q in counts]
        values = sorted({q.text for q in counts})
        conservative = min((v for v in lows if v is not None), default=None)
        outlets = sorted({articles[m.article_id].outlet or m.article_id for m in group.members})
        actors = sorted({e.text for m in group.members for e in m.entities
                         if e.label in ("ORG", "NORP")})  # fmt: skip
        count = {"values": values, "conservative": conservative,
                 "fatalities": conservative if lemma in _FATAL else None}  # fmt: skip
        events.append(
            Event(
                id="ev-" + hashlib.sha256(group.id.encode()).hexdigest()[:12],
                event_type=event_type,
                sub_event_type=sub_type,
                actors=tuple(actors),
                location=_first_place(group),
                date=_first_date(group),
                count=count,
                claim_group_ids=(group.id,),
                sources=tuple(outlets),
                notes=group.text,
            )
        )
    return events
