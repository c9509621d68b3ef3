"""Events in plain words: a title a reader understands, and the order that matters.

ACLED's categories ("Strategic developments: Other") are coding, not a headline; the title
says what happened where, and how many, in the story's words: "Refusal in Pskov (60
people)". Events are listed most reported first, so the main event leads.
"""

from __future__ import annotations

from collections.abc import Sequence

from storytrace.records import Event

_COUNTED = {
    "fatalities": "killed",
    "injured": "injured",
    "evacuated": "evacuated",
    "arrested": "arrested",
    "displaced": "displaced",
}


def _number(value: float) -> str:
    return f"{int(value):,}" if float(value).is_integer() else f"{value:,.6g}"


def event_title(event: Event) -> str:
    """What happened, where, and how many: ``Fire in Gent (3 killed)``."""
    if event.action:
        head = event.action[:1].upper() + event.action[1:]
    elif event.sub_event_type and event.sub_event_type.casefold() != "other":
        head = event.sub_event_type
    else:
        head = event.event_type or "Event"
    if event.location is not None and event.location.name:
        head += f" in {event.location.name}"
    conservative = event.count.conservative if event.count else None
    if conservative is not None:
        kind = event.count.kind or ""
        noun = _COUNTED.get(kind, "people" if kind in ("", "people") else kind)
        head += f" ({_number(conservative)} {noun})"
    return head


def acled_type(event: Event) -> str:
    """The ACLED category, said as the codebook names it."""
    parts = [p for p in (event.event_type, event.sub_event_type) if p]
    return " / ".join(parts)


def by_importance(events: Sequence[Event]) -> list[Event]:
    """Most reported first, then the larger count, then dated before undated."""

    def key(event: Event) -> tuple[int, float, int]:
        conservative = event.count.conservative if event.count else None
        return (-len(event.article_ids), -(conservative or 0), event.date is None)

    return sorted(events, key=key)
