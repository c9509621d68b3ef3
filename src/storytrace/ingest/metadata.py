"""Article metadata: field validation, outlet and title normalisation, the headline rule."""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import datetime

from storytrace.errors import InputRejected
from storytrace.ingest.decode import normalise_text
from storytrace.ingest.language import detect_language
from storytrace.ingest.policy import without_userinfo
from storytrace.records import Article

FIELDS: tuple[str, ...] = ("outlet", "title", "url", "author", "published", "language")
"""Metadata keys a sidecar or JSONL line may give (``language`` overrides detection)."""

MAX_TITLE_CHARS = 200
_SENTENCE_END = tuple(".!?…\"'”’»")
_CLAUSE_END = tuple(":;,")
_PARTIAL_DATE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")
_LANGUAGE = re.compile(r"([a-z]{2})(?:[-_][a-z0-9]{2,8})*")

Meta = dict[str, str]


def clean_fields(data: Mapping[str, object]) -> Meta:
    """The known metadata fields of ``data``, validated; ValueError says what is wrong.

    Every value is trimmed and its inner whitespace collapsed to single spaces (so
    ``" The\tMarlow  Gazette "`` is the outlet ``"The Marlow Gazette"``); values left
    empty count as missing, so an outlet is never made up from nothing.
    """
    meta: Meta = {}
    for key in FIELDS:
        value = data.get(key)
        if value is None:
            continue
        if not isinstance(value, str):
            raise ValueError(f"{key!r} must be a string, got {json_kind(value)} ({value!r})")
        cleaned = _clean_field(key, value)
        if cleaned:
            meta[key] = cleaned
    return meta


def _clean_field(key: str, value: str) -> str:
    """One field, whitespace-folded and checked (dates as ISO 8601, languages as ISO 639-1)."""
    value = " ".join(value.split())
    if not value:
        return ""
    if key == "published" and not _is_iso_date(value):
        raise ValueError(
            f"'published' is not an ISO 8601 date: {value!r} "
            "(write it like 2022-03-10 or 2022-03-10T14:30:00Z)"
        )
    if key == "language":
        match = _LANGUAGE.fullmatch(value.lower())
        if match is None:
            raise ValueError(f"'language' is not an ISO 639-1 code: {value!r} (write it like en)")
        return match[1]
    if key == "url":
        return without_userinfo(value)  # credentials in a link are never stored
    return value


def _is_iso_date(value: str) -> bool:
    """True for ISO 8601 dates and datetimes, including year and year-month only."""
    if _PARTIAL_DATE.fullmatch(value):
        return True
    try:
        datetime.fromisoformat(value)
    except ValueError:
        return False
    return True


def json_kind(value: object) -> str:
    """The JSON name of a parsed value's type, with its article, for messages."""
    if isinstance(value, list):
        return "an array"
    if isinstance(value, dict):
        return "an object"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int | float):
        return "a number"
    return "null"


def guess_title(text: str) -> str | None:
    """The first line when it reads as a headline, else None.

    A headline is the first non-empty line of a text that has more lines, shorter than
    200 characters, of two or more words with a letter in them, not ending like a
    sentence (``. ! ? …`` or a closing quote) or a clause (``: ; ,``). The line stays
    in the text: later stages index spans into the stored text.
    """
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    if len(lines) < 2:
        return None
    first = " ".join(lines[0].split())
    if len(first) >= MAX_TITLE_CHARS or len(first.split()) < 2:
        return None
    if first.endswith(_SENTENCE_END + _CLAUSE_END):
        return None
    if not any(char.isalpha() for char in first):
        return None
    return first


def build_article(text: str, meta: Mapping[str, str], source: str) -> Article:
    """An Article from raw text and validated metadata; rejects text that is empty."""
    text = normalise_text(text)
    if not text:
        raise InputRejected(source, "no article text (empty or only whitespace)")
    title = meta.get("title") or guess_title(text)
    language = meta.get("language") or detect_language(text)
    return Article.from_text(
        text,
        outlet=meta.get("outlet"),
        title=title,
        url=meta.get("url"),
        author=meta.get("author"),
        published=meta.get("published"),
        language=language,
        source=source,
    )


def article_from_fields(data: Mapping[str, object], source: str, fix: str) -> Article:
    """An Article from one exported record (a JSONL object, a CSV row); ``text`` is required.

    Raises InputRejected naming the problem and ending with ``fix`` (what to do about it).
    """
    text = data.get("text")
    if text is None:
        raise InputRejected(source, f"no 'text' field (the article text is required); {fix}")
    if not isinstance(text, str):
        raise InputRejected(source, f"'text' must be a string, got {json_kind(text)}; {fix}")
    try:
        meta = clean_fields(data)
        return build_article(text, meta, source)
    except ValueError as err:
        raise InputRejected(source, f"{err}; {fix}") from None
    except InputRejected as err:
        raise InputRejected(source, f"{err.reason}; {fix}") from None
