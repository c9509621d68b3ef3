"""The timeline drawn: a story's events and dated claims on one date axis.

Each entry gets a row: its words on top (wrapped, never cut), then a mark on the shared
axis: a dot for a day, a bar for a month, a week, a year or a span, so the precision of a
date can be seen. An event placed at its first report (it gives no date of its own) is a
hollow dot. The templates draw the plot as SVG; the list beside it is its text.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from storytrace.report.text_fit import place_ticks, wrap
from storytrace.report.timeline import TimelineEntry
from storytrace.report.when import MONTHS, day_span, short_day, span_words

WIDTH = 400
MARGIN = 14
AXIS_Y = 30  # the baseline of the tick labels
LINE = 15  # px between lines of a label
LABEL_CHARS = 54  # about what 372 px hold at 12 px
MARK_GAP = 14  # from a label's last line to its mark
MAX_ROWS = 24


@dataclass(frozen=True)
class PlotRow:
    """One entry: its label lines, where its mark is, and what kind of mark."""

    y: int  # baseline of the first label line
    mark_y: int
    lines: tuple[str, ...]
    x: float
    x_end: float  # equal to ``x`` for a day
    kind: str  # "event" | "claim"
    placed: bool  # an undated event put at its first report
    clipped: str  # "before" / "after" when it lies outside the window drawn, else ""
    anchor: str | None
    words: str  # the whole entry in one sentence (the text equivalent)


@dataclass(frozen=True)
class TimelinePlot:
    """A laid-out timeline plot."""

    width: int
    height: int
    rows: tuple[PlotRow, ...]
    ticks: tuple[tuple[float, str, str], ...]  # x, label, text-anchor
    axis_y: int
    left: int
    right: int
    hidden: int  # entries beyond ``MAX_ROWS``, left to the list


def _tick_label(day: dt.date, unit: str, first: bool) -> str:
    if unit == "year":
        return str(day.year)
    if unit == "month":
        return f"{MONTHS[day.month - 1][:3]} {day.year}"
    return short_day(day, with_year=first)


def _step(days: int) -> tuple[str, int]:
    """A tick step that gives at most four ticks over ``days``."""
    for unit, size in (("day", 1), ("day", 2), ("day", 7), ("day", 14)):
        if days / size <= 4:
            return unit, size
    for size in (1, 3, 6):
        if days / (30.4 * size) <= 4:
            return "month", size
    return "year", max(1, round(days / 365.25 / 4 + 0.5))


def _ticks(first: dt.date, last: dt.date) -> list[dt.date]:
    unit, size = _step((last - first).days)
    if unit == "day":
        return [first + dt.timedelta(days=d) for d in range(0, (last - first).days + 1, size)]
    ticks: list[dt.date] = []
    if unit == "month":
        year, month = first.year, first.month + (first.day > 1)
        while True:
            year, month = year + (month - 1) // 12, (month - 1) % 12 + 1
            day = dt.date(year, month, 1)
            if day > last:
                return ticks
            ticks.append(day)
            month += size
    year = first.year + (first > dt.date(first.year, 1, 1))
    while dt.date(year, 1, 1) <= last:
        ticks.append(dt.date(year, 1, 1))
        year += size
    return ticks


def entry_words(entry: TimelineEntry) -> str:
    """The entry in one sentence, its date in words (never ``--03-05``)."""
    when = span_words(entry.start, entry.end) or entry.start
    if entry.placed:
        when += " (no date given; placed at its first report)"
    elif entry.precision == "week":
        when += " (to the week)"
    what = "Event" if entry.kind == "event" else "Claim"
    sentence = f"{when} · {what}: {entry.text.rstrip()}"
    if entry.outlets:
        sentence += f" — {', '.join(entry.outlets)}"
    return sentence


WINDOW = dt.timedelta(days=30)  # drawn around the publications; older dates sit at the edge


def _window(
    entries: Sequence[TimelineEntry], spans: Sequence[tuple[dt.date, dt.date]]
) -> tuple[dt.date, dt.date]:
    """The dates the axis covers: the story's events and publications, and the claims no
    more than a month beyond them, so background years ("founded in 1998") do not squash
    it. Without publications or events, every entry's dates."""
    first = min(span[0] for span in spans)
    last = max(span[1] for span in spans)
    anchors = [
        found
        for e in entries
        if e.kind in ("published", "event")
        and (found := day_span(e.start, e.end, e.precision)) is not None
    ]
    if anchors:
        first = max(first, min(a[0] for a in anchors) - WINDOW)
        last = min(last, max(a[1] for a in anchors) + WINDOW)
        last = max(last, first)
    return first, last


def timeline_plot(entries: Sequence[TimelineEntry]) -> TimelinePlot | None:
    """Lay out the events and claims of a timeline that have a year; None when none has."""
    spans = []
    for entry in entries:
        if entry.kind == "published":
            continue
        span = day_span(entry.start, entry.end, entry.precision)
        if span is not None:
            spans.append((entry, span))
    if not spans:
        return None
    shown, hidden = spans[:MAX_ROWS], max(0, len(spans) - MAX_ROWS)
    first, last = _window(entries, [span for _, span in shown])
    if (last - first).days < 2:
        first, last = first - dt.timedelta(days=1), last + dt.timedelta(days=1)
    left, right = MARGIN + 6, WIDTH - MARGIN - 6
    total = (last - first).days + 1

    def x_of(day: dt.date, end: bool = False) -> float:
        day = min(max(day, first), last)
        return round(left + (right - left) * ((day - first).days + (1 if end else 0)) / total, 1)

    rows, y = [], AXIS_Y + 26
    for entry, (begin, finish) in shown:
        words = entry_words(entry)
        lines = wrap(words, LABEL_CHARS)
        mark_y = y + LINE * (len(lines) - 1) + MARK_GAP
        clipped = "before" if finish < first else "after" if begin > last else ""
        x: float
        x_end: float
        if clipped:
            x = x_end = left if clipped == "before" else right
        elif begin == finish:
            x = x_end = round((x_of(begin) + x_of(begin, end=True)) / 2, 1)
        else:
            x, x_end = x_of(begin), x_of(finish, end=True)
        kind, placed, anchor = entry.kind, entry.placed, entry.anchor
        rows.append(PlotRow(y, mark_y, lines, x, x_end, kind, placed, clipped, anchor, words))
        y = mark_y + 26
    unit = _step((last - first).days)[0]
    ticks = [
        (round((x_of(day) + x_of(day, end=True)) / 2, 1), _tick_label(day, unit, i == 0))
        for i, day in enumerate(_ticks(first, last))
    ]
    ticks_at = place_ticks(ticks, WIDTH, MARGIN)
    return TimelinePlot(WIDTH, y - 8, tuple(rows), ticks_at, AXIS_Y, left, right, hidden)
