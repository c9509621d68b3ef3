"""Spans of time counted from the publication date, and numbers that only look like years.

"within 30 days" and "in the next two weeks" run from the publication date forward, "in
the past 30 days" back to it; "30 days" on its own is a length, not a date. An age
("Nadia El Amrani, 44"), a count ("2,000 people") or a score ("won 44-21") is never a year.
"""

from __future__ import annotations

import datetime as dt
import re
from calendar import monthrange

from spacy.tokens import Span

_NUMBER_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5,
                 "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11,
                 "twelve": 12, "fifteen": 15, "twenty": 20, "thirty": 30, "sixty": 60,
                 "ninety": 90, "hundred": 100}  # fmt: skip
_LENGTH = re.compile(
    r"^(?:the )?(?:(?P<which>next|coming|following|past|last|previous|first|final|"
    r"upcoming|recent) )?(?P<n>\d{1,4}|[a-z]+(?:-[a-z]+)?)?\s?"
    r"(?P<unit>day|week|month|year|hour|decade)s?(?: to come)?$"
)
_FORWARD = {"next", "coming", "following", "upcoming"}
_BACKWARD = {"past", "last", "previous", "recent"}
_TIME_NOUNS = {"year", "years", "season", "term", "budget", "census", "election", "elections",
               "olympics", "games", "cup", "summit", "report", "plan", "model"}  # fmt: skip
_AGE = re.compile(r"^(?:aged? )?\d{1,3}(?:s|-year-old|-years-old| years? old)?$|years? old$")
_SCORE = re.compile(r"^\d{1,3}\s?[-–]\s?\d{1,3}$")
_YEARLIKE = re.compile(r"^(?:1[89]|20)\d\d$")

Interval = tuple[str, str, str]


def not_a_date(ent: Span) -> bool:
    """An age, a count or a score that spaCy took for a DATE."""
    text = " ".join(ent.text.lower().split())
    if _AGE.search(text) or _SCORE.match(text):
        return True
    if any(c.isdigit() for c in text) and "," in text and re.fullmatch(r"[\d,]+", text):
        return True  # "2,000"
    if len(ent) == 1 and _YEARLIKE.match(text):
        token = ent[0]
        counted = token.dep_ == "nummod" and token.head.pos_ == "NOUN"
        return counted and token.head.lower_ not in _TIME_NOUNS
    return False


def length_of_time(ent: Span, base: dt.datetime | None, forward: bool) -> Interval | bool | None:
    """A span counted from the publication date; False when ``ent`` is no length of time.

    ``(start, end, "span")`` for "within 30 days", "the next two weeks", "the past 30
    days"; the day itself (precision ``relative``) for "in 30 days" said of the future;
    None for a length that names no date ("30 days", "the coming days", "the first year").
    """
    text = " ".join(ent.text.lower().split())
    match = _LENGTH.match(text)
    if match is None or (match.group("n") is None and match.group("which") is None):
        return False
    which, word, unit = match.group("which"), match.group("n"), match.group("unit")
    count = _count(word) if word is not None else None
    if word is not None and count is None:
        return False  # "the Brexit year", not a length
    before = ent.doc[ent.start - 1].lower_ if ent.start > 0 else ""
    if count is None:
        return None if text.endswith("s") else False  # "the next week" is a named period
    if base is None or unit in ("hour", "decade") or which in ("first", "final"):
        return None
    today = base.date()
    if which in _FORWARD or (which is None and before == "within"):
        return today.isoformat(), _shift(today, unit, count).isoformat(), "span"
    if which in _BACKWARD:
        return _shift(today, unit, -count).isoformat(), today.isoformat(), "span"
    if before == "in" and forward:
        day = _shift(today, unit, count).isoformat()
        return day, day, "relative"
    return None


def _count(word: str) -> int | None:
    if word.isdigit():
        return int(word)
    if "-" in word:
        tens, _, ones = word.partition("-")
        if tens in _NUMBER_WORDS and ones in _NUMBER_WORDS:
            return _NUMBER_WORDS[tens] + _NUMBER_WORDS[ones]
    return _NUMBER_WORDS.get(word)


def _shift(day: dt.date, unit: str, count: int) -> dt.date:
    """``day`` moved by ``count`` units; a month-end or February 29 clamps to the month's end."""
    if unit == "day":
        return day + dt.timedelta(days=count)
    if unit == "week":
        return day + dt.timedelta(days=7 * count)
    months = count * (12 if unit == "year" else 1)
    year, month = divmod(day.year * 12 + day.month - 1 + months, 12)
    year = min(max(year, 1), 9999)
    return dt.date(year, month + 1, min(day.day, monthrange(year, month + 1)[1]))
