"""Articles and stories -> the ``stories.json`` document (see CONTRACT.md)."""

from __future__ import annotations

import json
import math
import os
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from storytrace.records import (
    Article,
    Claim,
    ClaimGroup,
    Conflict,
    Event,
    ReuseEdge,
    Story,
    to_dict,
)
from storytrace.report.files import write_text_atomic
from storytrace.report.timeline import timeline_dicts

_ARTICLE_FIELDS = ("id", "outlet", "title", "url", "author", "published", "language", "source")


def stories_document(
    articles: Sequence[Article], stories: Sequence[Story], *, version: str
) -> dict[str, Any]:
    """The ``stories.json`` document: article metadata (never the text) and every story.

    Keys follow CONTRACT.md in its order; extra keys (spans of quantities, dates and
    places, entities, a group's ``evidence``) are additions the contract allows.
    Non-finite floats become ``null`` so the document is always valid JSON.
    """
    seen: set[str] = set()
    article_dicts = []
    for article in articles:
        if article.id not in seen:
            seen.add(article.id)
            article_dicts.append(article_dict(article))
    document = {
        "storytrace_version": version,
        "articles": article_dicts,
        "stories": [story_dict(story) for story in stories],
    }
    return _finite(document)  # type: ignore[no-any-return]


def write_json(path: str | os.PathLike[str], document: Mapping[str, Any]) -> Path:
    """Write ``document`` as indented UTF-8 JSON, atomically; returns the path written."""
    text = json.dumps(document, ensure_ascii=False, indent=2, allow_nan=False) + "\n"
    return write_text_atomic(path, text)


def article_dict(article: Article) -> dict[str, Any]:
    """One entry of ``articles``: the article's metadata without its text."""
    return {name: getattr(article, name) for name in _ARTICLE_FIELDS}


def story_dict(story: Story) -> dict[str, Any]:
    """One entry of ``stories``, with its ``timeline`` (an addition to the contract)."""
    return {
        "id": story.id,
        "title": story.title,
        "article_ids": list(story.article_ids),
        "claim_groups": [claim_group_dict(group) for group in story.claim_groups],
        "reuse_edges": [reuse_edge_dict(edge) for edge in story.reuse_edges],
        "events": [event_dict(event) for event in story.events],
        "timeline": timeline_dicts(story),
    }


def claim_group_dict(group: ClaimGroup) -> dict[str, Any]:
    """One claim group with its verdict, origins, members and conflicts."""
    return {
        "id": group.id,
        "text": group.text,
        "verdict": group.verdict,
        "contested_certainty": group.contested_certainty,
        "independent_sources": group.independent_sources,
        "origins": to_dict(group.origins),
        "members": [member_dict(claim) for claim in group.members],
        "conflicts": [conflict_dict(conflict) for conflict in group.conflicts],
        "evidence": group.evidence,
    }


def member_dict(claim: Claim) -> dict[str, Any]:
    """One member claim; its id is written as ``claim_id``."""
    return {
        "article_id": claim.article_id,
        "claim_id": claim.id,
        "text": claim.text,
        "span": list(claim.span),
        "certainty": claim.certainty,
        "hedges": list(claim.hedges),
        "attribution": to_dict(claim.attribution),
        "quantities": to_dict(claim.quantities),
        "dates": to_dict(claim.dates),
        "places": to_dict(claim.places),
        "entities": to_dict(claim.entities),
    }


def conflict_dict(conflict: Conflict) -> dict[str, Any]:
    """One disagreement: the attribute, each value with its articles, the conservative value."""
    return {
        "attribute": conflict.attribute,
        "values": [
            {"value": value.value, "article_ids": list(value.article_ids)}
            for value in conflict.values
        ],
        "conservative": conflict.conservative,
    }


def reuse_edge_dict(edge: ReuseEdge) -> dict[str, Any]:
    """Text of ``source`` reused by ``target``, with the aligned passages."""
    return {
        "source": edge.source,
        "target": edge.target,
        "containment": edge.containment,
        "direction_evidence": list(edge.direction_evidence),
        "passages": to_dict(edge.passages),
    }


def event_dict(event: Event) -> dict[str, Any]:
    """One ACLED-style event; ``count`` always carries ``values`` and ``conservative``."""
    count = to_dict(event.count)
    return {
        "id": event.id,
        "event_type": event.event_type,
        "sub_event_type": event.sub_event_type,
        "actors": list(event.actors),
        "location": to_dict(event.location),
        "date": to_dict(event.date),
        "count": {
            **count,
            "values": list(count.get("values", [])),
            "conservative": count.get("conservative"),
        },
        "claim_group_ids": list(event.claim_group_ids),
        "sources": list(event.sources),
        "notes": event.notes,
        "disorder_type": event.disorder_type,
        "geo_precision": event.geo_precision,
        "time_precision": event.time_precision,
        "targets": list(event.targets),
        "action": event.action,
        "article_ids": list(event.article_ids),
        "outlets": list(event.outlets),
        "story_ids": list(event.story_ids),
        "related_places": to_dict(event.related_places),
    }


def _finite(value: Any) -> Any:
    """Replace NaN and infinities (which JSON cannot hold) with ``None``, recursively."""
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, dict):
        return {key: _finite(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_finite(item) for item in value]
    return value
