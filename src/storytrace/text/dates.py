"""Dates in a sentence, resolved against the publication date with a precision."""

from __future__ import annotations

import datetime as dt
import functools
import re
from calendar import monthrange
from collections.abc import Sequence
from typing import Any

from spacy.tokens import Span

from storytrace.records import DateMention

_YEAR = re.compile(r"\b(1[89]|20)\d\d\b")
_MONTH_DAY = re.compile(
    r"\b(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.? \d{1,2}\b"
    r"|\b\d{1,2}(st|nd|rd|th)? (of )?(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)",
    re.IGNORECASE,
)
_VAGUE = re.compile(r"^(the )?(recent|past|last|coming|next|first|early|days?|weeks?)\b.*$|ago$")


@functools.lru_cache(maxsize=64)
def _parser(base: dt.datetime | None) -> Any:
    """A dateparser parser relative to ``base`` (built once per publication date: it is slow)."""
    from dateparser.date import DateDataParser

    settings: dict[str, Any] = {"PREFER_DATES_FROM": "past", "DATE_ORDER": "DMY"}
    if base is not None:
        settings["RELATIVE_BASE"] = base
    return DateDataParser(languages=["en"], settings=settings)


def _parse(text: str, base: dt.datetime | None) -> tuple[dt.datetime, str] | None:
    data = _parser(base).get_date_data(text)
    if data is None or data.date_obj is None:
        return None
    return data.date_obj, data.period or "day"


def _published(published: str | None) -> dt.datetime | None:
    if not published:
        return None
    try:
        return dt.datetime.fromisoformat(published[:19])
    except ValueError:
        return None


_MONTH_NAMES = (
    ("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"), ("may",),
    ("jun", "june"), ("jul", "july"), ("aug", "august"), ("sep", "sept", "september"),
    ("oct", "october"), ("nov", "november"), ("dec", "december"),
)  # fmt: skip
_MONTHS = {name: number for number, names in enumerate(_MONTH_NAMES, 1) for name in names}
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_MONTH = r"(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR_GROUP = r"(?P<year>(?:1[89]|20)\d\d)"
_LEAD = r"(?:on |in |since |by |until |from |early |late |mid-?)?"
_SIMPLE = [
    re.compile(rf"^{_LEAD}(?:the )?{_DAY} (?:of )?{_MONTH},?(?: {_YEAR_GROUP})?$"),
    re.compile(rf"^{_LEAD}{_MONTH} {_DAY},?(?: {_YEAR_GROUP})?$"),
    re.compile(rf"^{_LEAD}{_MONTH},?(?: (?:of )?{_YEAR_GROUP})?$"),
    re.compile(rf"^{_LEAD}{_YEAR_GROUP}$"),
]


def _simple(text: str, base: dt.datetime | None) -> tuple[str, str, str] | None:
    """Day, month and year forms read without dateparser: (start, end, precision).

    A date without a year takes the latest such date not after the publication date; with
    no publication date it keeps an unknown year (``--MM-DD``, precision ``month-day``).
    """
    lowered = " ".join(text.lower().split())
    relative = _relative(lowered, base)
    if relative is not None:
        return relative
    if lowered in _WEEKDAYS or lowered.removeprefix("last ") in _WEEKDAYS:
        if base is None:
            return None
        back = (base.weekday() - _WEEKDAYS.index(lowered.removeprefix("last "))) % 7
        weekday = base.date() - dt.timedelta(days=back or (7 if lowered.startswith("last") else 0))
        return weekday.isoformat(), weekday.isoformat(), "day"
    for pattern in _SIMPLE:
        match = pattern.match(lowered)
        if match is None:
            continue
        parts = match.groupdict()
        year = int(parts["year"]) if parts.get("year") else None
        month = _MONTHS[parts["month"]] if parts.get("month") else None
        day = int(parts["day"]) if parts.get("day") else None
        if month is None:
            return (f"{year}-01-01", f"{year}-12-31", "year") if year else None
        if day is not None and not 1 <= day <= monthrange(year or 2000, month)[1]:
            return None
        if year is None and base is None:
            key = f"--{month:02d}" + (f"-{day:02d}" if day else "")
            return key, key, "month-day" if day else "month"
        if year is None and base is not None:
            year = base.year - int((month, day or 1) > (base.month, base.day))
        year = year or 2000  # unreachable: no year and no base returned above
        if day is None:
            return (*_interval(dt.date(year, month, 1), "month"), "month")
        when = dt.date(year, month, day).isoformat()
        return when, when, "day"
    return None


_COUNT_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
                "seven": 7, "eight": 8, "nine": 9, "ten": 10}  # fmt: skip
_AGO = re.compile(r"^(?P<n>\d{1,2}|[a-z]+) (?P<unit>day|week|month|year)s? ago$")


def _relative(lowered: str, base: dt.datetime | None) -> tuple[str, str, str] | None:
    """ "today", "yesterday", "three days ago", "a month ago" against the publication date."""
    if base is None:
        return None
    today = base.date()
    if lowered in ("today", "yesterday"):
        day = today - dt.timedelta(days=int(lowered == "yesterday"))
        return day.isoformat(), day.isoformat(), "day"
    named = _named_period(lowered, today)
    if named is not None:
        return named
    match = _AGO.match(lowered)
    if match is None:
        return None
    word = match.group("n")
    count = int(word) if word.isdigit() else _COUNT_WORDS.get(word)
    if count is None:
        return None
    unit = match.group("unit")
    if unit == "day":
        day = today - dt.timedelta(days=count)
        return day.isoformat(), day.isoformat(), "day"
    if unit == "week":
        monday = today - dt.timedelta(days=7 * count + today.weekday())
        return monday.isoformat(), (monday + dt.timedelta(days=6)).isoformat(), "week"
    months = count * (12 if unit == "year" else 1)
    year, month = divmod(today.year * 12 + today.month - 1 - months, 12)
    return (*_interval(dt.date(year, month + 1, 1), unit), unit)


_PERIOD = re.compile(
    r"^(?:(?P<which>last|this|past|previous) )?(?:the )?(?P<unit>week|weekend|month|year)$"
)
_WEEKEND = re.compile(r"^(?:over|at|on|during) the weekend$")


def _named_period(lowered: str, today: dt.date) -> tuple[str, str, str] | None:
    """ "last week", "this month", "last year", "over the weekend" against the publication date.

    Weeks run Monday to Sunday; a weekend is Saturday and Sunday (ACLED's time precision 2
    covers a specific week or weekend).
    """
    if _WEEKEND.match(lowered):
        lowered = "weekend"
    match = _PERIOD.match(lowered)
    if match is None or (match.group("which") is None and match.group("unit") != "weekend"):
        return None
    back = match.group("which") in ("last", "past", "previous")
    unit = match.group("unit")
    if unit in ("week", "weekend"):
        monday = today - dt.timedelta(days=today.weekday() + (7 if back else 0))
        if unit == "weekend":
            saturday = monday + dt.timedelta(days=5)
            if saturday > today:  # the weekend just gone
                saturday -= dt.timedelta(days=7)
            return saturday.isoformat(), (saturday + dt.timedelta(days=1)).isoformat(), "week"
        return monday.isoformat(), (monday + dt.timedelta(days=6)).isoformat(), "week"
    if unit == "month":
        year, month = divmod(today.year * 12 + today.month - 1 - int(back), 12)
        return (*_interval(dt.date(year, month + 1, 1), "month"), "month")
    year_start = dt.date(today.year - int(back), 1, 1)
    return (*_interval(year_start, "year"), "year")


def resolve_dates(
    sent: Span, published: str | None, *, ents: Sequence[Span] | None = None
) -> list[DateMention]:
    """DATE entities of a sentence as ISO intervals with day/month/year precision.

    A day and month without a year is resolved to the latest such date not after the
    publication date; with no publication date its precision is ``month-day``. Common
    forms are read by pattern; dateparser handles the rest ("two days ago", "mid-2021").
    """
    base = _published(published)
    found: list[DateMention] = []
    for ent in sent.ents if ents is None else ents:
        if ent.label_ != "DATE":
            continue
        text = ent.text.strip()
        span = (ent.start_char, ent.end_char)
        simple = _simple(text, base)
        if simple is not None:
            found.append(DateMention(text, simple[0], simple[1], simple[2], span))
            continue
        if _VAGUE.search(text.lower()) and not _MONTH_DAY.search(text):
            continue
        parsed = _parse(text, base)
        if parsed is None:
            continue
        when, period = parsed
        has_year = bool(_YEAR.search(text))
        precision = period if period in ("day", "month", "year") else "day"
        if precision == "day" and not has_year and base is None and _MONTH_DAY.search(text):
            precision = "month-day"
        start, end = _interval(when.date(), precision)
        if precision == "month-day":
            start, end = when.strftime("--%m-%d"), when.strftime("--%m-%d")
        found.append(DateMention(text, start, end, precision, span))
    return found


def _interval(day: dt.date, precision: str) -> tuple[str, str]:
    if precision == "year":
        return f"{day.year}-01-01", f"{day.year}-12-31"
    if precision == "month":
        last = monthrange(day.year, day.month)[1]
        return day.replace(day=1).isoformat(), day.replace(day=last).isoformat()
    return day.isoformat(), day.isoformat()
