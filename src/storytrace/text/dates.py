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
from storytrace.text.calendar_words import MONTHS, WEEKDAYS
from storytrace.text.doccache import span_ents
from storytrace.text.durations import length_of_time, not_a_date
from storytrace.text.tense import direction, governing_verb, sentence_direction

_YEAR = re.compile(r"\b(1[89]|20)\d\d\b")
_MONTH_DAY = re.compile(
    r"\b(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.? \d{1,2}\b"
    r"|\b\d{1,2}(st|nd|rd|th)? (of )?(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)",
    re.IGNORECASE,
)
_VAGUE = re.compile(r"^(the )?(recent|past|last|coming|next|first|early|days?|weeks?)\b.*$|ago$")


@functools.lru_cache(maxsize=64)
def _parser(base: dt.datetime | None, prefer: str = "past") -> Any:
    """A dateparser parser relative to ``base`` (built once per publication date: it is slow)."""
    from dateparser.date import DateDataParser

    settings: dict[str, Any] = {"PREFER_DATES_FROM": prefer, "DATE_ORDER": "DMY"}
    if base is not None:
        settings["RELATIVE_BASE"] = base
    return DateDataParser(languages=["en"], settings=settings)


def _parse(text: str, base: dt.datetime | None, prefer: str) -> tuple[dt.datetime, str] | None:
    """dateparser's reading of ``text``; None when it reads none or fails (it may raise).

    Readings are remembered per publication date (or, without one, per calendar day of
    the clock they are read against): articles name the same day ("Monday", "this week")
    again and again, and each dateparser call costs about 1 ms.
    """
    return _remembered_reading(text, base, prefer, dt.date.today() if base is None else None)


def _dateparser_reading(
    text: str, base: dt.datetime | None, prefer: str, today: dt.date | None = None
) -> tuple[dt.datetime, str] | None:
    """One dateparser call (it may raise: any failure reads as no date). ``today`` only
    keys the memory of readings made against the clock."""
    try:
        data = _parser(base, prefer).get_date_data(text)
    except (ValueError, OverflowError, TypeError, KeyError, IndexError, AttributeError):
        return None
    if data is None or data.date_obj is None:
        return None
    return data.date_obj, data.period or "day"


_remembered_reading = functools.lru_cache(maxsize=4096)(_dateparser_reading)


def _published(published: str | None) -> dt.datetime | None:
    if not published:
        return None
    try:
        return dt.datetime.fromisoformat(published[:19])
    except ValueError:
        return None


_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR_GROUP = r"(?P<year>(?:1[89]|20)\d\d)"
_LEAD = (
    r"(?:on |in |since |by |until |from |early |late |mid-?"
    r"|next |last |this |this coming |coming )?"
)
_SIMPLE = [
    re.compile(rf"^{_LEAD}(?:the )?{_DAY} (?:of )?{_MONTH},?(?: {_YEAR_GROUP})?$"),
    re.compile(rf"^{_LEAD}{_MONTH} {_DAY},?(?: {_YEAR_GROUP})?$"),
    re.compile(rf"^{_LEAD}{_MONTH},?(?: (?:of )?{_YEAR_GROUP})?$"),
    re.compile(rf"^{_LEAD}{_YEAR_GROUP}$"),
]

# "September 16-19", "Sept. 16 to 19, 2016", "16-19 September": days of one month, a span
_TO = r"\s*(?:-|–|—|to|through|and)\s*"
_LAST_DAY = r"(?P<last>\d{1,2})(?:st|nd|rd|th)?"
_DAY_RANGE = [
    re.compile(rf"^{_LEAD}{_MONTH} {_DAY}{_TO}{_LAST_DAY},?(?: {_YEAR_GROUP})?$"),
    re.compile(rf"^{_LEAD}(?:the )?{_DAY}{_TO}{_LAST_DAY} (?:of )?{_MONTH},?(?: {_YEAR_GROUP})?$"),
]


_DECADE = re.compile(
    r"^(?:(?:in|during|since|by) )?(?:the )?(?P<part>early|mid|late)?[- ]?"
    r"(?P<century>1[89]|20|')?(?P<decade>\d)0'?s$"
)
_DECADE_PART = {"early": (0, 3), "mid": (4, 6), "late": (7, 9), None: (0, 9)}
# "a four-year degree", "the 30-day window", "a two-week trip": a length used as an
# adjective, never a date.
_LENGTH_ADJECTIVE = re.compile(
    r"^(?:a |an |the )?[a-z0-9]+-(?:day|week|month|year|decade)(?:-\w+)?$"
)


def _decade(lowered: str, today: dt.date | None) -> tuple[str, str, str] | None:
    """ "the 1990s", "the early '80s": the years of that decade (or part of it), as a span.

    A decade without its century ("the '20s") is the latest one that began before the
    publication date (or before today's century when there is none).
    """
    match = _DECADE.match(lowered)
    if match is None:
        return None
    century = match.group("century")
    digit = int(match.group("decade"))
    if century and century != "'":
        first = int(century) * 100 + digit * 10
    else:
        year = (today or dt.date.today()).year
        first = (year // 100) * 100 + digit * 10
        if first > year:
            first -= 100
    low, high = _DECADE_PART[match.group("part")]
    return f"{first + low}-01-01", f"{first + high}-12-31", "span"


def _simple(text: str, base: dt.datetime | None, forward: bool) -> tuple[str, str, str] | None:
    """Day, month and year forms read without dateparser: (start, end, precision).

    A date without a year takes the latest such date not after the publication date, or
    with ``forward`` the earliest not before it; with no publication date it keeps an
    unknown year (``--MM-DD``, precision ``month-day``). A date that exists in no year
    ("April 31") is None; February 29 takes the nearest leap year in its direction.
    """
    lowered = " ".join(text.lower().split())
    decade = _decade(lowered, base.date() if base else None)
    if decade is not None:
        return decade
    relative = _relative(lowered, base, forward)
    if relative is not None:
        return relative
    weekday = _weekday(lowered, base, forward)
    if weekday is not None:
        return weekday
    days = _day_range(lowered, base, forward)
    if days is not None:
        return days
    for pattern in _SIMPLE:
        match = pattern.match(lowered)
        if match is None:
            continue
        parts = match.groupdict()
        year = int(parts["year"]) if parts.get("year") else None
        month = MONTHS[parts["month"]] if parts.get("month") else None
        day = int(parts["day"]) if parts.get("day") else None
        if month is None:
            return (f"{year}-01-01", f"{year}-12-31", "year") if year else None
        if day is not None and not 1 <= day <= monthrange(year or 2000, month)[1]:
            return None
        if year is None and base is None:
            key = f"--{month:02d}" + (f"-{day:02d}" if day else "")
            return key, key, "month-day" if day else "month"
        if year is None and base is not None:
            year = _year_of(month, day, base.date(), forward)
        year = year or 2000  # unreachable: no year and no base returned above
        if day is None:
            return (*_interval(dt.date(year, month, 1), "month"), "month")
        if day > monthrange(year, month)[1]:
            return None  # February 29 of a year given in the text that is not a leap year
        when = dt.date(year, month, day).isoformat()
        return when, when, "day"
    return None


def _day_range(
    lowered: str, base: dt.datetime | None, forward: bool
) -> tuple[str, str, str] | None:
    """ "September 16-19": the days from the first to the last, as a span (the year as for
    a single day); None when it is no range of days of one month."""
    for pattern in _DAY_RANGE:
        match = pattern.match(lowered)
        if match is None:
            continue
        month, first, last = MONTHS[match["month"]], int(match["day"]), int(match["last"])
        year = int(match["year"]) if match["year"] else None
        if year is None and base is None:
            return f"--{month:02d}-{first:02d}", f"--{month:02d}-{last:02d}", "month-day"
        year = year or _year_of(month, first, base.date(), forward)  # type: ignore[union-attr]
        if not 1 <= first < last <= monthrange(year, month)[1]:
            return None
        return (
            dt.date(year, month, first).isoformat(),
            dt.date(year, month, last).isoformat(),
            "span",
        )
    return None


def _year_of(month: int, day: int | None, today: dt.date, forward: bool) -> int:
    """The year of a month (and day) said without one: the last such date, or the next."""
    if day is None:  # a month: this month counts as both the last and the next
        return today.year + (int(month < today.month) if forward else -int(month > today.month))
    step = 1 if forward else -1
    if forward:
        year = today.year + int((month, day) < (today.month, today.day))
    else:
        year = today.year - int((month, day) > (today.month, today.day))
    for _ in range(8):  # February 29 waits for a leap year
        if day <= monthrange(year, month)[1]:
            return year
        year += step
    return year


_TIME_OF_DAY = re.compile(r"^(?:early|late)(?: on)?(?: |$)")


def _weekday(lowered: str, base: dt.datetime | None, forward: bool) -> tuple[str, str, str] | None:
    """ "Thursday", "last Thursday", "next Thursday": the nearest one in the verb's direction."""
    which, _, name = lowered.rpartition(" ")
    # "early Saturday", "late on Friday": a time of that day, the day all the same
    which = _TIME_OF_DAY.sub("", which)
    if name not in WEEKDAYS or which not in ("", "on", "last", "next", "this", "this coming",
                                               "coming", "on last", "on next"):  # fmt: skip
        return None
    if base is None:
        return None
    which = which.removeprefix("on ")
    today = base.date()
    index = WEEKDAYS.index(name)
    if which in ("next", "coming", "this coming") or (forward and which != "last"):
        ahead = (index - today.weekday()) % 7
        day = today + dt.timedelta(days=ahead or (7 if which == "next" else 0))
    else:
        back = (today.weekday() - index) % 7
        day = today - dt.timedelta(days=back or (7 if which == "last" else 0))
    return day.isoformat(), day.isoformat(), "day"


_COUNT_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
                "seven": 7, "eight": 8, "nine": 9, "ten": 10}  # fmt: skip
_DAYS_FROM_TODAY = {"today": 0, "yesterday": -1, "tomorrow": 1, "day before yesterday": -2,
                    "day after tomorrow": 2}  # fmt: skip
_AGO = re.compile(r"^(?P<n>\d{1,2}|[a-z]+) (?P<unit>day|week|month|year)s? ago$")


def _relative(lowered: str, base: dt.datetime | None, forward: bool) -> tuple[str, str, str] | None:
    """ "today", "yesterday", "three days ago", "a month ago" against the publication date."""
    if base is None:
        return None
    today = base.date()
    shift = _DAYS_FROM_TODAY.get(lowered.removeprefix("the "))
    if shift is not None:
        day = today + dt.timedelta(days=shift)
        return day.isoformat(), day.isoformat(), "day"
    named = _named_period(lowered, today, forward)
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
    r"^(?:(?:early|late|mid-?|earlier|later) (?:in )?)?"  # "late last year": that year's part
    r"(?:(?P<which>last|this|past|previous|next|coming|this coming) )?(?:the )?"
    r"(?P<unit>week|weekend|month|year)$"
)
_EARLIER = re.compile(r"^earlier (?:this|in the) (?P<unit>week|month)$")
_WEEKEND = re.compile(r"^(?:over|at|on|during) the weekend$")


def _named_period(lowered: str, today: dt.date, forward: bool) -> tuple[str, str, str] | None:
    """ "last week", "next month", "last year", "over the weekend" against the publication date.

    Weeks run Monday to Sunday; a weekend is Saturday and Sunday (ACLED's time precision 2
    covers a specific week or weekend); "the weekend" and "this weekend" are the one just
    gone ("spoke this weekend", in a Monday article), or with ``forward`` ("will march over
    the weekend") the coming one.
    """
    if _WEEKEND.match(lowered):
        lowered = "weekend"
    earlier = _EARLIER.match(lowered)
    if earlier is not None and not forward:
        # "earlier this week": a day of this week before the publication date; "earlier
        # this month": of this month before it
        if earlier.group("unit") == "week" and today.weekday() > 0:
            monday = today - dt.timedelta(days=today.weekday())
            return monday.isoformat(), (today - dt.timedelta(days=1)).isoformat(), "week"
        if earlier.group("unit") == "month" and today.day > 1:
            first = today.replace(day=1)
            return first.isoformat(), (today - dt.timedelta(days=1)).isoformat(), "month"
    match = _PERIOD.match(lowered)
    if match is None or (match.group("which") is None and match.group("unit") != "weekend"):
        return None
    which = match.group("which") or ""
    shift = -1 if which in ("last", "past", "previous") else int(which in ("next", "coming"))
    unit = match.group("unit")
    if unit in ("week", "weekend"):
        monday = today + dt.timedelta(days=7 * shift - today.weekday())
        if unit == "weekend":
            saturday = monday + dt.timedelta(days=5)
            if which in ("", "this") and not forward and saturday > today:  # just gone
                saturday -= dt.timedelta(days=7)
            return saturday.isoformat(), (saturday + dt.timedelta(days=1)).isoformat(), "week"
        return monday.isoformat(), (monday + dt.timedelta(days=6)).isoformat(), "week"
    if unit == "month":
        year, month = divmod(today.year * 12 + today.month - 1 + shift, 12)
        return (*_interval(dt.date(year, month + 1, 1), "month"), "month")
    year_start = dt.date(today.year + shift, 1, 1)
    return (*_interval(year_start, "year"), "year")


def resolve_dates(
    sent: Span, published: str | None, *, ents: Sequence[Span] | None = None
) -> list[DateMention]:
    """DATE entities of a sentence as ISO intervals with a precision; never raises.

    A weekday, or a month or day without a year, is the nearest one in the direction of
    the verb that governs it (:func:`storytrace.text.tense.direction`): "voted on
    Thursday" the last, "will vote on Thursday" the next; with no publication date a day
    keeps an unknown year (precision ``month-day``). Lengths of time count from the
    publication date (precision ``span``); ages, counts and scores are skipped. Common
    forms are read by pattern; dateparser handles the rest ("mid-2021").
    """
    base = _published(published)
    found: list[DateMention] = []
    for ent in span_ents(sent) if ents is None else ents:
        if ent.label_ == "TIME" and base is not None:
            night = _last_night(ent, base)
            if night is not None:
                found.append(night)
            continue
        if ent.label_ != "DATE":
            continue
        try:
            mention = _resolve(ent, base)
            if mention is None and len(ent) > 1 and ent[0].lower_ in WEEKDAYS:
                # "Tuesday after days (of fighting)": the tagger ran the weekday on into
                # the words after it; the weekday alone is the date
                mention = _resolve(ent[:1], base)
        except (ValueError, OverflowError):  # a date no calendar has: skip it, read on
            mention = None
        if mention is not None:
            found.append(mention)
    if base is not None:
        found = _with_nights(sent, base, found)
    return found


_NIGHT_WORDS = re.compile(r"\b(?:late |early )?last night\b", re.IGNORECASE)
_OVERNIGHT = re.compile(r"\bovernight\b", re.IGNORECASE)
_NAMES_OF_MONTHS = "|".join(sorted(MONTHS, key=len, reverse=True))
#: "the night of 3-4 June", "the night of 3 to 4 June", "the night of June 3-4", "the night
#: of 3 June": the first day named (the night begins on it).
_NIGHT_OF = re.compile(
    rf"\bthe night of (?:(?P<day>\d{{1,2}})(?:st|nd|rd|th)?(?:\s*(?:-|–|to|into|and)\s*"
    rf"\d{{1,2}}(?:st|nd|rd|th)?)? (?:of )?(?P<month>{_NAMES_OF_MONTHS})\b"
    rf"|(?P<month2>{_NAMES_OF_MONTHS}) (?P<day2>\d{{1,2}})(?:st|nd|rd|th)?\b)",
    re.IGNORECASE,
)
#: "on Sunday night", "Tuesday evening": a weekday and a time of day, which the tagger
#: takes for a time, not a date.
_WEEKDAY_TIME = re.compile(
    rf"\b(?P<day>{'|'.join(WEEKDAYS)})(?: (?:night|morning|afternoon|evening))\b",
    re.IGNORECASE,
)


def _with_nights(sent: Span, base: dt.datetime, found: Sequence[DateMention]) -> list[DateMention]:
    """The dates found, with the times of day the tagger leaves out of its dates, each
    read as a day:

    - "last night" ("injured 3 civilians last night"): the day before the publication
      date, as :func:`_last_night`;
    - "on the night of 3-4 June": the first day named (a date inside it, "June", gives way);
    - "on Sunday night": the last Sunday up to the publication date;
    - "overnight", in a sentence that names no other date than the publication day: the
      night before the publication date, as "last night".
    """
    nights = []
    taken = list(found)
    text, offset = sent.text, sent.start_char
    for match in _NIGHT_OF.finditer(text):
        start, end = offset + match.start(), offset + match.end()
        month = MONTHS[(match.group("month") or match.group("month2")).lower()]
        day = int(match.group("day") or match.group("day2"))
        try:
            when = dt.date(_year_of(month, day, base.date(), False), month, day).isoformat()
        except ValueError:
            continue
        taken = [m for m in taken if not (start <= m.span[0] and m.span[1] <= end)]
        nights.append(DateMention(match.group(0), when, when, "day", (start, end)))
    for match in _WEEKDAY_TIME.finditer(text):
        start, end = offset + match.start(), offset + match.end()
        if any(m.span[0] < end and start < m.span[1] for m in taken):
            continue
        index = WEEKDAYS.index(match.group("day").lower())
        today = base.date()
        when = (today - dt.timedelta(days=(today.weekday() - index) % 7)).isoformat()
        nights.append(DateMention(match.group(0), when, when, "day", (start, end)))
    for match in _NIGHT_WORDS.finditer(text):
        start, end = offset + match.start(), offset + match.end()
        if any(m.span[0] < end and start < m.span[1] for m in (*taken, *nights)):
            continue
        nights.append(_day_before(match.group(0), base, (start, end)))
    overnight = _OVERNIGHT.search(text)
    pub_day = base.date().isoformat()
    # a date that is the publication day ("the ministry said on Friday", published that
    # Friday) is when it was told, and leaves "overnight" the night before
    told_today = all(m.start == m.end == pub_day for m in taken)
    if overnight is not None and told_today and not nights:
        start, end = offset + overnight.start(), offset + overnight.end()
        nights.append(_day_before(overnight.group(0), base, (start, end)))
    return [*taken, *nights]


_LAST_NIGHT = re.compile(
    r"^(?:late |early )?(?:last night|yesterday(?: morning| afternoon| evening)?)$"
)


def _last_night(ent: Span, base: dt.datetime) -> DateMention | None:
    """ "last night", "yesterday evening" (times of day, not dates, to the tagger): the day
    before the publication date."""
    lowered = " ".join(ent.text.lower().split())
    if not _LAST_NIGHT.match(lowered):
        return None
    return _day_before(ent.text.strip(), base, (ent.start_char, ent.end_char))


def _day_before(text: str, base: dt.datetime, span: tuple[int, int]) -> DateMention:
    """A mention of the day before the publication date."""
    day = (base.date() - dt.timedelta(days=1)).isoformat()
    return DateMention(text, day, day, "day", span)


def _resolve(ent: Span, base: dt.datetime | None) -> DateMention | None:
    text = ent.text.strip()
    if not text or not_a_date(ent) or _in_a_title(ent):
        return None
    lowered = " ".join(text.lower().split())
    if _LENGTH_ADJECTIVE.match(lowered) or _counted_from_another_day(ent, lowered):
        return None
    forward = _forward(lowered)
    if forward is None and _destined(ent):
        forward = True
    unsaid = False  # neither the words nor a verb give the direction
    if forward is None:
        tense = direction(ent)
        before = ent.doc[ent.start - 1].lower_ if ent.start > 0 else ""
        if tense is None and before not in _DEADLINE:
            tense = sentence_direction(ent)
        forward = tense == "future" or (tense is None and before in _DEADLINE)
        unsaid = tense is None and before not in _DEADLINE
    if unsaid and base is not None and _calendar_day(lowered):
        return _nearest(ent, base)
    return _resolve_in(ent, base, forward)


_A_LENGTH = re.compile(r"\b(?:\d+|[a-z]+(?:-[a-z]+)?) (?:days?|weeks?|months?|years?|decades?)$")
_FROM_ANOTHER_DAY = {"before", "after", "earlier", "later", "prior", "beforehand"}


def _counted_from_another_day(ent: Span, lowered: str) -> bool:
    """A length counted from some other day than the publication's ("just six days before
    the primary", "two weeks after the vote", "three years later"): no date of its own."""
    words = lowered.split()
    if len(words) > 2 and words[-1] in _FROM_ANOTHER_DAY and _A_LENGTH.search(" ".join(words[:-1])):
        return True  # "three years later" in one mention
    if ent.end >= len(ent.doc) or not _A_LENGTH.search(lowered):
        return False
    return ent.doc[ent.end].lower_ in _FROM_ANOTHER_DAY


_QUOTE_OPENERS = {'"', "“", "‘", "'", "''", "``"}
_QUOTE_CLOSERS = {'"', "”", "’", "'", "''"}


def _in_a_title(ent: Span) -> bool:
    """A date's words that open a title or a name run on in capitals mid-sentence (the show
    "Last Week Tonight", "This Week With ..."): a capitalised word no calendar name starts a
    date with ("Last", "This", "Next") inside the sentence, and another capitalised word
    right after the date."""
    first = ent[0]
    doc = ent.doc
    if not first.is_title or first.lower_ in MONTHS or first.lower_ in WEEKDAYS:
        return False
    close = ent.end + 1 if ent.end < len(doc) and doc[ent.end].text in (".", ",") else ent.end
    quoted = (
        ent.start > 0
        and close < len(doc)
        and doc[ent.start - 1].text in _QUOTE_OPENERS
        and doc[close].text in _QUOTE_CLOSERS  # on ABC's ''This Week.'' too
    )
    if quoted and all(t.is_title or not t.is_alpha for t in ent):
        return True  # a show's title in quotation marks: ABC's "This Week"
    words = [t for t in doc[ent.sent.start : ent.start] if not (t.is_punct or t.is_space)]
    if not words or ent.end >= len(doc):
        return False  # a sentence opens with a capital anyway
    after = doc[ent.end]
    return after.is_title and after.lower_ not in MONTHS and after.lower_ not in WEEKDAYS


def _destined(ent: Span) -> bool:
    """Whether the verb over a date is an infinitive after a present "be" or a condition's
    "were" ("if she were to win in November", "the vote is to take place in June"): what
    is to come."""
    verb = governing_verb(ent)
    if verb is None or not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return False
    be = verb.head
    if verb.dep_ != "xcomp" or be.lemma_ != "be":
        return False
    # "is to", "are to"; "were to" of a condition ("if she were to", "were she to"), not
    # the plan of a past "was to take place in June", which may have come and gone
    return be.lower_ in ("is", "are", "am", "'s", "'re", "\u2019s", "\u2019re") or (
        be.lower_ == "were" and be.dep_ == "advcl"
    )


def _calendar_day(lowered: str) -> bool:
    """A month, or a month and day, with no year and no weekday ("March 15", "in June")."""
    words = set(re.findall(r"[a-z]+", lowered))
    no_year = not _YEAR.search(lowered)
    return bool(words & MONTHS.keys()) and no_year and words.isdisjoint(WEEKDAYS)


def _nearest(ent: Span, base: dt.datetime) -> DateMention | None:
    """A month or day without a year that no verb dates: the occurrence nearest the
    publication date ("states holding contests on March 15" in a March 3 article)."""
    behind = _resolve_in(ent, base, False)
    ahead = _resolve_in(ent, base, True)
    if behind is None or ahead is None:
        return behind or ahead
    today = base.date()
    try:
        gap_behind = (today - dt.date.fromisoformat(behind.end or "")).days
        gap_ahead = (dt.date.fromisoformat(ahead.start or "") - today).days
    except ValueError:
        return behind
    return ahead if gap_ahead < gap_behind else behind


def _resolve_in(ent: Span, base: dt.datetime | None, forward: bool) -> DateMention | None:
    """A date mention read in one direction (``forward``: the next occurrence)."""
    text = ent.text.strip()
    span = (ent.start_char, ent.end_char)
    lowered = " ".join(text.lower().split())
    length = length_of_time(ent, base, forward)
    if isinstance(length, tuple):
        return DateMention(text, length[0], length[1], length[2], span)
    if length is None:
        return None
    simple = _simple(text, base, forward)
    if simple is not None:
        return DateMention(text, simple[0], simple[1], simple[2], span)
    if _VAGUE.search(lowered) and not _MONTH_DAY.search(text):
        return None
    parsed = _parse(text, base, "future" if forward else "past")
    if parsed is None:
        return None
    when, period = parsed
    has_year = bool(_YEAR.search(text))
    precision = period if period in ("day", "month", "year") else "day"
    if precision == "day" and not has_year and base is None and _MONTH_DAY.search(text):
        precision = "month-day"
    start, end = _interval(when.date(), precision)
    if precision == "month-day":
        start, end = when.strftime("--%m-%d"), when.strftime("--%m-%d")
    return DateMention(text, start, end, precision, span)


_AHEAD = re.compile(r"^(next|coming|this coming|upcoming|tomorrow)\b|\bfrom now$")
_BEHIND = re.compile(r"^(last|past|previous|earlier)\b|\bago$")


_DEADLINE = {"by", "until", "till", "through"}  # "concluding the process by Feb. 29"


def _forward(lowered: str) -> bool | None:
    """A direction the words of the mention state themselves ("next June", "last June")."""
    if _AHEAD.search(lowered):
        return True
    if _BEHIND.search(lowered):
        return False
    return None


def _interval(day: dt.date, precision: str) -> tuple[str, str]:
    if precision == "year":
        return f"{day.year}-01-01", f"{day.year}-12-31"
    if precision == "month":
        last = monthrange(day.year, day.month)[1]
        return day.replace(day=1).isoformat(), day.replace(day=last).isoformat()
    return day.isoformat(), day.isoformat()
