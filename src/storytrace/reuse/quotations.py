"""Where a text is inside double quotation marks.

Two articles that share only quoted words are quoting a common third source, not
copying each other. Quotes are straight (``"``) or typographic (“ ” „ « »). News
style leaves a quote open at the end of a paragraph when it goes on in the next,
so an unclosed quote ends at the line break.
"""

from __future__ import annotations

import re

from storytrace.reuse.shingles import Tokens

__all__ = ["quote_regions", "quoted_words"]

_OPENING = "“„«"
_CLOSING = "”»"
_STRAIGHT = '"'
_LINE = re.compile(r"[^\n]+")


def quote_regions(text: str) -> list[tuple[int, int]]:
    """Character spans of ``text`` between opening and closing double quotes.

    Example:
        >>> quote_regions('He said: "We left." Then “they\\nstayed')
        [(10, 18), (26, 30)]
    """
    regions: list[tuple[int, int]] = []
    for line in _LINE.finditer(text):
        opened: int | None = None
        for offset, char in enumerate(line.group()):
            position = line.start() + offset
            if opened is None and (char in _OPENING or char == _STRAIGHT):
                opened = position + 1
            elif opened is not None and (char in _CLOSING or char == _STRAIGHT):
                regions.append((opened, position))
                opened = None
        if opened is not None:
            regions.append((opened, line.end()))
    return regions


def quoted_words(tokens: Tokens, text: str) -> tuple[bool, ...]:
    """For each token of ``text``, whether it lies inside quotation marks."""
    regions = quote_regions(text)
    flags: list[bool] = []
    region = 0
    for start in tokens.starts:
        while region < len(regions) and regions[region][1] <= start:
            region += 1
        flags.append(region < len(regions) and regions[region][0] <= start)
    return tuple(flags)
