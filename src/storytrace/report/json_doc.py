"""Articles and stories -> the ``stories.json`` document (see CONTRACT.md)."""

from __future__ import annotations

import dataclasses
import json
import math
import os
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from storytrace.records import Article, Claim, Event, EventCount, Story
from storytrace.report.files import write_text_atomic
from storytrace.report.timeline import timeline_dicts


def stories_document(
    articles: Sequence[Article],
    stories: Sequence[Story],
    *,
    version: str,
    events: Sequence[Event] | None = None,
) -> dict[str, Any]:
    """The ``stories.json`` document: article metadata (never the text) and every story.

    Every key comes from the fields of the records (``records.py``), so a new field
    appears here without code; the contract's keys are a subset of them, and the extra
    keys (spans, entities, a group's ``evidence``) are additions the contract allows.
    Non-finite floats become ``null`` so the document is always valid JSON. ``events``
    (the events told in several stories, ``Store.get_cross_events``) follow the stories.
    """
    document: dict[str, Any] = {
        "storytrace_version": version,
        "articles": article_dicts(articles),
        "stories": [story_dict(story) for story in stories],
    }
    if events is not None:
        document["events"] = [record_json(event) for event in events]
    return finite(document)  # type: ignore[no-any-return]


def article_dicts(articles: Sequence[Article]) -> list[dict[str, Any]]:
    """The ``articles`` of stories.json: each article once, in the order given."""
    seen: set[str] = set()
    found = []
    for article in articles:
        if article.id not in seen:
            seen.add(article.id)
            found.append(finite(article_dict(article)))
    return found


def write_json(path: str | os.PathLike[str], document: Mapping[str, Any]) -> Path:
    """Write ``document`` as indented UTF-8 JSON, atomically; returns the path written."""
    text = json.dumps(document, ensure_ascii=False, indent=2, allow_nan=False) + "\n"
    return write_text_atomic(path, text)


def article_dict(article: Article) -> dict[str, Any]:
    """One entry of ``articles``: the article's metadata (every field of Article but its text)."""
    return {name: getattr(article, name) for name in ARTICLE_FIELDS}


def story_dict(story: Story) -> dict[str, Any]:
    """One entry of ``stories``: :func:`record_json` of the story, with its ``timeline``."""
    shape: dict[str, Any] = record_json(story)
    shape["timeline"] = timeline_dicts(story)
    return shape


def record_json(record: Any) -> Any:
    """A record in the shape of stories.json: ``records.to_dict`` with the contract's names.

    The shape comes from the record's fields; the only differences are written down in
    :data:`RENAMED` (a claim group member's ``id`` is its ``claim_id``) and
    :data:`SPARSE` (an event count's extra figures appear only when there are some).
    """
    if dataclasses.is_dataclass(record) and not isinstance(record, type):
        cls = type(record)
        names = RENAMED.get(cls, {})
        sparse = SPARSE.get(cls, ())
        shape: dict[str, Any] = {}
        for f in dataclasses.fields(record):
            value = getattr(record, f.name)
            if f.name in sparse and value in (None, ()):
                continue
            shape[names.get(f.name, f.name)] = record_json(value)
        return shape
    if isinstance(record, (list, tuple)):
        return [record_json(item) for item in record]
    if isinstance(record, dict):
        return {key: record_json(value) for key, value in record.items()}
    return record


#: Fields whose stories.json key differs from the record's field name.
RENAMED: dict[type, dict[str, str]] = {Claim: {"id": "claim_id"}}
#: Fields left out of stories.json while they are empty.
SPARSE: dict[type, tuple[str, ...]] = {
    EventCount: ("kind", "counted", "fatalities", "reports"),
}
#: The fields of ``articles[]``: every Article field but the text.
ARTICLE_FIELDS = tuple(f.name for f in dataclasses.fields(Article) if f.name != "text")


def finite(value: Any) -> Any:
    """Replace NaN and infinities (which JSON cannot hold) with ``None``, recursively."""
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, dict):
        return {key: finite(item) for key, item in value.items()}
    if isinstance(value, list):
        return [finite(item) for item in value]
    return value
