"""Lines of an article and which of them are prose (captions, headings and furniture are not)."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

_TERMINAL = tuple(".!?\"'”’»)")
_CREDIT = re.compile(
    r"(\b(twitter|facebook|instagram|telegram|getty images|afp|ap photo|reuters photo|"
    r"screen ?grab|screenshot|wikimedia commons|public domain|file photo|handout)\s*\)?\s*$)"
    r"|(^(photo|image|picture|credit|source|video)s?\s*:)"
    r"|(\b(photo|image|picture|credit|source|video)s?\s*:[\w .,'&-]{0,40}$)"
    r"|(\b(via|courtesy of) [A-Z][\w ]*(commons|images|twitter)\b)"
    r"|©",
    re.IGNORECASE,
)
_FURNITURE = re.compile(
    r"^\W*(updated|published|share( this( article| story)?)?|related\b.*|read more\b.*|"
    r"advertisement|subscribe\b.*|sign up\b.*|follow us\b.*|click here\b.*|"
    r"(\d+ )?comments?|listen to (this )?(article|story)\b.*)\W*$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Line:
    """One line of an article's text with its offsets and its role."""

    start: int
    end: int
    text: str
    role: str  # "prose" | "heading" | "caption" | "furniture" | "blank"


def classify_line(text: str) -> str:
    """The role of one line: prose, heading, caption, furniture or blank."""
    stripped = text.strip()
    if not stripped:
        return "blank"
    if stripped.startswith(("•", "·", "|")) or _FURNITURE.match(stripped):
        return "furniture"
    if _CREDIT.search(stripped):
        return "caption"
    words = stripped.split()
    if not stripped.endswith(_TERMINAL) and stripped[-1] != ":" and len(words) < 30:
        return "heading"
    if _title_case(words):
        return "heading"  # "Sanders Vows To End Tax Breaks Used By Developers."
    return "prose"


_MINOR_WORDS = {"a", "an", "the", "and", "or", "but", "of", "to", "in", "on", "at", "for",
                "by", "with", "from", "as", "vs"}  # fmt: skip
_EDGE_PUNCTUATION = "\"'“”‘’(),.;:!?-—–"


def _title_case(words: list[str]) -> bool:
    """A headline set in title case: 5 to 29 words, nearly all of its major words (not
    articles, conjunctions or short prepositions) capitalised."""
    if not 5 <= len(words) < 30:
        return False
    cleaned = [word.strip(_EDGE_PUNCTUATION) for word in words]
    major = [w for w in cleaned if w[:1].isalpha() and w.lower() not in _MINOR_WORDS]
    return len(major) >= 5 and sum(w[0].isupper() for w in major) >= 0.9 * len(major)


def split_lines(text: str) -> list[Line]:
    """Every line of ``text`` with character offsets and a role. A text of one line is its
    own body, whatever it looks like: a brief without its full stop ("Thousands marched in
    Bratislava against corruption"), set in capitals, or ending in a photo credit, is prose:
    there is nothing else it could head or caption."""
    lines: list[Line] = []
    for match in re.finditer(r"[^\n]*", text):
        if match.start() == match.end() and match.start() > 0 and text[match.start() - 1] != "\n":
            continue
        lines.append(Line(match.start(), match.end(), match.group(), classify_line(match.group())))
    filled = [i for i, line in enumerate(lines) if line.role != "blank"]
    if len(filled) == 1 and lines[filled[0]].role in ("heading", "caption"):
        lines[filled[0]] = replace(lines[filled[0]], role="prose")
    return lines


# "WASHINGTON ―", "SPLIT, Croatia (CPA) —", "HEMPSTEAD, N.Y., Sept. 26 (UPI) —", "GAO, 12 May
# (Reuters) -" at a line's start: a city in capitals, up to two places after commas, a date
# (month and day either way round, perhaps a year), an agency in brackets, a dash.
_DATELINE = re.compile(
    r"[ \t]*[A-Z][A-Z'.-]{2,}(?: [A-Z][A-Z'.-]+){0,3}"
    r"(?:, +[A-Z][\w.'-]*(?: [A-Z][\w.'-]*){0,2}){0,2}"
    r"(?:,? +(?:[A-Z][a-z]{2,8}\.? +\d{1,2}|\d{1,2} +[A-Z][a-z]{2,8}\.?)(?:,? +\d{4})?)?"
    r"(?: +\([A-Za-z.]{2,12}\))?"
    r" *[—―–-]{1,2} +"
)


def after_dateline(text: str, at: int) -> int:
    """``at``, or where the text goes on after the dateline ``at`` falls in.

    A dateline ("WASHINGTON (AP) —") opens a report's first paragraph; it says where the
    report was filed and is no part of the first sentence.
    """
    line_start = text.rfind("\n", 0, at) + 1
    match = _DATELINE.match(text, line_start)
    if match is not None and line_start <= at < match.end():
        return match.end()
    return at
