"""The JSON API's shapes for the OpenAPI description: those of ``stories.json`` (CONTRACT.md).

The API returns the documents ``report.stories_document`` builds; these models describe
them (and the tests validate real responses against them). Keys beyond the contract
are allowed, as ``stories.json`` allows them.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

Span = tuple[int, int]


class _Shape(BaseModel):
    model_config = ConfigDict(extra="allow")


class ArticleOut(_Shape):
    """An article's metadata (``articles[]`` of stories.json)."""

    id: str
    outlet: str | None
    title: str | None
    url: str | None
    author: str | None
    published: str | None
    language: str | None
    source: str


class ArticleTextOut(ArticleOut):
    """An article's metadata with its stored text, and the story it belongs to."""

    text: str = Field(description="the stored text; claim spans are offsets into it")
    story_id: str | None


class OriginOut(_Shape):
    name: str
    kind: Literal["outlet", "cited_source", "speaker"]
    variants: list[str]


class AttributionOut(_Shape):
    source: str
    kind: str
    cue: str
    direct: bool


class QuantityOut(_Shape):
    text: str
    low: float | None
    high: float | None
    counted: str | None


class DateOut(_Shape):
    text: str
    start: str | None
    end: str | None
    precision: str


class PlaceOut(_Shape):
    text: str
    name: str
    country: str | None
    admin1: str | None
    lat: float | None
    lon: float | None
    precision: str


class MemberOut(_Shape):
    article_id: str
    claim_id: str
    text: str
    span: Span = Field(description="character offsets into the article's stored text")
    certainty: Literal["asserted", "hedged", "unconfirmed", "denied"]
    hedges: list[str]
    attribution: AttributionOut | None
    quantities: list[QuantityOut]
    dates: list[DateOut]
    places: list[PlaceOut]


class ConflictValueOut(_Shape):
    value: str
    article_ids: list[str]


class ConflictOut(_Shape):
    attribute: str
    values: list[ConflictValueOut]


class ClaimGroupOut(_Shape):
    id: str
    text: str
    verdict: Literal["corroborated", "echoed", "single_source", "conflicting"]
    contested_certainty: bool
    independent_sources: int
    origins: list[OriginOut]
    members: list[MemberOut]
    conflicts: list[ConflictOut]


class PassageOut(_Shape):
    source_span: Span
    target_span: Span


class ReuseEdgeOut(_Shape):
    source: str
    target: str
    containment: float
    direction_evidence: list[str]
    passages: list[PassageOut]


class EventOut(_Shape):
    id: str
    event_type: str
    sub_event_type: str
    actors: list[str]
    location: PlaceOut | None
    date: DateOut | None
    count: dict[str, Any]
    claim_group_ids: list[str]
    sources: list[str] = Field(description="the origins of its claim groups, not just outlets")
    notes: str
    disorder_type: str = ""
    geo_precision: int | None = Field(None, description="ACLED: 1 town, 2 near it, 3 region")
    time_precision: int | None = Field(None, description="ACLED: 1 day, 2 week, 3 month/year")
    targets: list[str] = []
    action: str = ""
    article_ids: list[str] = []
    outlets: list[str] = []
    story_ids: list[str] = Field([], description="every story the event is told in")
    related_places: list[PlaceOut] = []


class TimelineEntryOut(_Shape):
    """One dated event or claim of a story."""

    start: str | None
    end: str | None
    precision: str
    kind: str
    text: str
    date_text: str
    ref: str
    verdict: str | None
    article_ids: list[str]


class StoryOut(_Shape):
    """One story (``stories[]`` of stories.json)."""

    id: str
    title: str
    article_ids: list[str]
    claim_groups: list[ClaimGroupOut]
    reuse_edges: list[ReuseEdgeOut]
    events: list[EventOut]
    timeline: list[TimelineEntryOut] = []


class ErrorOut(BaseModel):
    """Every API error: ``ok`` is false, ``error`` says what went wrong, ``errors`` lists each."""

    ok: Literal[False]
    error: str
    errors: list[str]
    status: int
