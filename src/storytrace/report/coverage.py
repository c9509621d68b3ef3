"""Coverage over time: how many articles each outlet published on each day (or week, month).

A strip per outlet, first to report on top, on one shared date axis: a bar per period, its
height the number of articles. Periods are days for a story of up to five weeks, weeks up
to half a year, months beyond. Articles without a publication date are counted in words.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from storytrace.records import Article
from storytrace.report.text_fit import place_ticks, wrap
from storytrace.report.when import MONTHS, parse_day, short_day, to_date

WIDTH = 400
MARGIN = 14
STRIP = 22  # px: the tallest bar
LINE = 15
LABEL_CHARS = 54


@dataclass(frozen=True)
class CoverageBar:
    x: float
    width: float
    height: float
    count: int
    period: str  # in words: "18 August 2022", "the week of 15 August 2022"


@dataclass(frozen=True)
class CoverageRow:
    """One outlet: its label lines, where its strip sits, its bars and a sentence."""

    outlet: str
    y: int  # baseline of the label's first line
    strip_y: int  # bottom of the strip
    lines: tuple[str, ...]
    bars: tuple[CoverageBar, ...]
    words: str


@dataclass(frozen=True)
class Coverage:
    """The laid-out chart."""

    width: int
    height: int
    rows: tuple[CoverageRow, ...]
    ticks: tuple[tuple[float, str, str], ...]  # x, label, text-anchor
    unit: str  # "day" | "week" | "month"
    left: int
    right: int


def _period(day: dt.date, unit: str) -> dt.date:
    if unit == "week":
        return day - dt.timedelta(days=day.weekday())
    if unit == "month":
        return day.replace(day=1)
    return day


def _next(day: dt.date, unit: str) -> dt.date:
    if unit == "day":
        return day + dt.timedelta(days=1)
    if unit == "week":
        return day + dt.timedelta(days=7)
    return (day.replace(day=28) + dt.timedelta(days=4)).replace(day=1)


def _period_words(day: dt.date, unit: str) -> str:
    said = f"{day.day} {MONTHS[day.month - 1]} {day.year}"
    if unit == "week":
        return f"the week of {said}"
    return f"{MONTHS[day.month - 1]} {day.year}" if unit == "month" else said


def _published(article: Article | None) -> dt.date | None:
    parsed = parse_day(article.published if article else None)
    if parsed is None or None in parsed:
        return None
    year, month, day = parsed
    return to_date(year, month, day)  # type: ignore[arg-type]


def coverage(
    article_ids: Sequence[str],
    by_id: Mapping[str, Article],
    outlet: Callable[[str, Mapping[str, Article]], str],
) -> Coverage | None:
    """The chart of a story's articles; None when none has a publication date."""
    dated: dict[str, Counter[dt.date]] = {}
    undated: Counter[str] = Counter()
    for article_id in dict.fromkeys(article_ids):
        name = outlet(article_id, by_id)
        day = _published(by_id.get(article_id))
        dated.setdefault(name, Counter())
        if day is None:
            undated[name] += 1
        else:
            dated[name][day] += 1
    days = [day for counts in dated.values() for day in counts]
    if not days:
        return None
    first, last = min(days), max(days)
    spread = (last - first).days
    unit = "day" if spread <= 35 else "week" if spread <= 182 else "month"
    periods = [_period(first, unit)]
    while _next(periods[-1], unit) <= _period(last, unit):
        periods.append(_next(periods[-1], unit))
    left, right = MARGIN, WIDTH - MARGIN
    step = (right - left) / len(periods)
    index = {period: i for i, period in enumerate(periods)}
    order = sorted(
        dated, key=lambda name: (min(dated[name]) if dated[name] else last, name.casefold())
    )
    most = max((n for counts in dated.values() for n in _binned(counts, unit).values()), default=1)
    rows, y = [], 40
    for name in order:
        binned = _binned(dated[name], unit)
        bars = tuple(
            CoverageBar(
                round(left + index[period] * step + step * 0.15, 1),
                round(max(step * 0.7, 2.0), 1),
                round(max(4.0, STRIP * count / most), 1),
                count,
                _period_words(period, unit),
            )
            for period, count in sorted(binned.items())
        )
        total = sum(binned.values()) + undated[name]
        said = "; ".join(
            f"{bar.count} on {bar.period}" if unit == "day" else f"{bar.count} in {bar.period}"
            for bar in bars
        )
        words = f"{name}: {total} article{'s' if total != 1 else ''}"
        words += f" ({said})" if said else ""
        if undated[name]:
            words += f"; {undated[name]} without a date"
        lines = wrap(f"{name} · {total} article{'s' if total != 1 else ''}", LABEL_CHARS)
        strip_y = y + LINE * (len(lines) - 1) + 6 + STRIP
        rows.append(CoverageRow(name, y, strip_y, lines, bars, words))
        y = strip_y + 22
    ticks = []
    for i, period in enumerate(periods):
        label = short_day(period, with_year=i == 0)
        if unit == "month":
            label = f"{MONTHS[period.month - 1][:3]} {period.year}"
        ticks.append((round(left + i * step + step / 2, 1), label))
    placed = place_ticks(ticks, WIDTH, MARGIN)
    return Coverage(WIDTH, y - 10, tuple(rows), placed, unit, left, right)


def _binned(counts: Counter[dt.date], unit: str) -> Counter[dt.date]:
    binned: Counter[dt.date] = Counter()
    for day, count in counts.items():
        binned[_period(day, unit)] += count
    return binned
