"""Dates in a sentence, resolved against the publication date with a precision."""

from __future__ import annotations

import datetime as dt
import functools
import re
from calendar import monthrange
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


def resolve_dates(sent: Span, published: str | None) -> list[DateMention]:
    """DATE entities of a sentence as ISO intervals with day/month/year precision.

    A day and month without a year is resolved to the latest such date not after the
    publication date; with no publication date its precision is ``month-day``.
    """
    base = _published(published)
    found: list[DateMention] = []
    for ent in sent.ents:
        if ent.label_ != "DATE":
            continue
        text = ent.text.strip()
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
        found.append(DateMention(text, start, end, precision, (ent.start_char, ent.end_char)))
    return found


def _interval(day: dt.date, precision: str) -> tuple[str, str]:
    if precision == "year":
        return f"{day.year}-01-01", f"{day.year}-12-31"
    if precision == "month":
        last = monthrange(day.year, day.month)[1]
        return day.replace(day=1).isoformat(), day.replace(day=last).isoformat()
    return day.isoformat(), day.isoformat()
