"""Direct quotations in an article: straight and curly marks, quotes that span paragraphs."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

_OPEN = {"“": "”", "«": "»", "„": "“"}
_CLOSE_ANY = set("”»")
# Every character that opens or ends a quote: the only ones find_quotes needs to visit.
# Two apostrophes stand for a straight double quote (the New York Times archive: ''Yes,'').
_MARKS = re.compile(
    "''|["
    + "".join(map(re.escape, sorted({*_OPEN, *_OPEN.values(), *_CLOSE_ANY, '"', "\n"})))
    + "]"
)


@dataclass(frozen=True)
class Quote:
    """A quoted stretch; ``start``/``end`` include the marks (unclosed: ends at its line)."""

    start: int
    end: int
    closed: bool


def _opens(text: str, i: int) -> bool:
    """A straight double quote opens when it follows a line start, space or opening punctuation."""
    return i == 0 or text[i - 1] in " \n\t([{—–-:"


def find_quotes(text: str) -> list[Quote]:
    """Every direct quotation, in order. Quotes never run past a line unless closed later.

    A quote left open at the end of a paragraph is closed there (the newswire convention
    reopens the next paragraph with a fresh mark), so no quote swallows the rest of a text.
    """
    quotes: list[Quote] = []
    start: int | None = None
    closer = ""
    for mark in _MARKS.finditer(text):
        i, char = mark.start(), mark.group()
        if char == "''":
            char = '"'
        if start is None:
            if char in _OPEN:
                start, closer = i, _OPEN[char]
            elif char == '"' and _opens(text, i):
                start, closer = i, '"'
            continue
        if char == "\n":
            quotes.append(Quote(start, i, closed=False))
            start = None
        elif (
            char == closer
            or (closer != '"' and char in _CLOSE_ANY)
            or (closer == '"' and char == "”")
        ):
            quotes.append(Quote(start, mark.end(), closed=True))
            start = None
    if start is not None:
        quotes.append(Quote(start, len(text), closed=False))
    return [q for q in quotes if q.end - q.start > 3]


def quote_at(quotes: Sequence[Quote], start: int, end: int) -> Quote | None:
    """The quote that holds most of the span ``start:end``, if any holds at least half of it."""
    best: Quote | None = None
    best_share = 0.5
    for quote in quotes:
        overlap = min(end, quote.end) - max(start, quote.start)
        share = overlap / max(1, end - start)
        if share >= best_share:
            best, best_share = quote, share
    return best
