"""Dates as a reader says them ("5 March 2022", "March 2022") and as spans a plot can place.

ISO dates arrive as the read stage resolved them: ``2022-03-05``, a month ``2022-03``, a
year ``2022``, or a day without its year ``--03-05``. :func:`date_words` never shows the
ISO form; :func:`day_span` gives the first and last day a date covers, by its precision.
"""

from __future__ import annotations

import calendar
import datetime as dt

MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def parse_day(value: str | None) -> tuple[int | None, int | None, int | None] | None:
    """(year, month, day) of an ISO date, a month, a year or a yearless ``--MM-DD``."""
    if not value:
        return None
    text = value.strip()[:10]
    try:
        if text.startswith("--") and len(text) >= 7:
            return None, int(text[2:4]), int(text[5:7])
        parts = [int(p) for p in text.split("-")]
    except ValueError:
        return None
    if not parts or not 1 <= parts[0] <= 9999:
        return None
    year, month, day = (*parts, None, None)[:3]
    if month is not None and not 1 <= month <= 12:
        return None
    return year, month, day


def date_words(value: str | None) -> str | None:
    """``2022-03-05`` -> ``5 March 2022``; ``2022-03`` -> ``March 2022``; ``--03-05`` ->
    ``5 March (year not given)``; None when the value is not a date."""
    parsed = parse_day(value)
    if parsed is None:
        return None
    year, month, day = parsed
    if month is None:
        return str(year)
    words = MONTHS[month - 1] if day is None else f"{day} {MONTHS[month - 1]}"
    return f"{words} {year}" if year is not None else f"{words} (year not given)"


def span_words(start: str | None, end: str | None) -> str | None:
    """A date or a span in words: ``5 to 7 March 2022`` is said in full, never in ISO."""
    first = date_words(start)
    if first is None:
        return None
    whole = _whole_period(start, end)
    if whole:
        return whole
    last = date_words(end) if end and end != start else None
    return f"{first} to {last}" if last else first


def _whole_period(start: str | None, end: str | None) -> str | None:
    """``2009`` for 1 January to 31 December 2009; ``June 2026`` for a whole month."""
    a, b = parse_day(start), parse_day(end)
    if a is None or b is None or None in a or None in b or a[0] != b[0]:
        return None
    (year, m1, d1), (_, m2, d2) = a, b
    assert year is not None and m1 is not None and m2 is not None
    if (m1, d1, m2, d2) == (1, 1, 12, 31):
        return str(year)
    if m1 == m2 and d1 == 1 and d2 == calendar.monthrange(year, m1)[1]:
        return f"{MONTHS[m1 - 1]} {year}"
    return None


def to_date(year: int, month: int, day: int) -> dt.date | None:
    """A real calendar date, or None ("31 February")."""
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def day_span(start: str, end: str | None, precision: str) -> tuple[dt.date, dt.date] | None:
    """The first and last day a dated entry covers; None without a year.

    A month or year given alone covers all its days; a ``week`` covers seven days.
    """
    first = parse_day(start)
    if first is None or first[0] is None:
        return None
    year, month, day = first
    assert year is not None  # checked above; mypy cannot see through the tuple
    begin = to_date(year, month or 1, day or 1)
    if begin is None:
        return None
    if month is None:
        finish: dt.date | None = dt.date(year, 12, 31)
    elif day is None:
        finish = dt.date(year, month, calendar.monthrange(year, month)[1])
    elif precision == "week":
        finish = begin + dt.timedelta(days=6)
    else:
        finish = begin
    if end and end != start:
        last = day_span(end, None, "day")
        if last is not None and last[1] >= begin:
            finish = last[1]
    return begin, finish or begin


def short_day(day: dt.date, *, with_year: bool) -> str:
    """``5 Mar`` or ``5 Mar 2022``: a tick label."""
    text = f"{day.day} {MONTHS[day.month - 1][:3]}"
    return f"{text} {day.year}" if with_year else text
