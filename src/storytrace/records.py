"""The records that flow through the pipeline.

Every record is a frozen dataclass whose field names are those of ``stories.json``
(see ``docs/records.md``), so :func:`to_dict` serialises any of them without a
renaming table. Spans are ``(start, end)`` character offsets into the article's
stored text.
"""

from __future__ import annotations

import dataclasses
import hashlib
import unicodedata
from dataclasses import dataclass, field
from typing import Any, Literal

Span = tuple[int, int]
Certainty = Literal["asserted", "hedged", "unconfirmed", "denied"]
Verdict = Literal["corroborated", "echoed", "single_source", "conflicting"]
SourceKind = Literal["person", "organisation", "outlet", "document", "unnamed"]
OriginKind = Literal["outlet", "cited_source", "speaker"]

CERTAINTIES: tuple[str, ...] = ("asserted", "hedged", "unconfirmed", "denied")
VERDICTS: tuple[str, ...] = ("corroborated", "echoed", "single_source", "conflicting")


def content_hash(text: str) -> str:
    """Stable article id: SHA-256 of the NFC-normalised, whitespace-folded text (16 hex)."""
    folded = " ".join(unicodedata.normalize("NFC", text).split())
    return hashlib.sha256(folded.encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True)
class Article:
    """One news article as stored; ``id`` is the content hash of ``text``."""

    id: str
    text: str
    outlet: str | None = None
    title: str | None = None
    url: str | None = None
    author: str | None = None
    published: str | None = None  # ISO 8601 date or datetime
    language: str | None = None
    source: str = ""  # the path or URL it was read from

    @classmethod
    def from_text(cls, text: str, **meta: Any) -> Article:
        """Build an article whose id is the content hash of ``text``."""
        return cls(id=content_hash(text), text=text, **meta)


@dataclass(frozen=True)
class Entity:
    """A named entity found by the reader (spaCy label such as PERSON, ORG, GPE)."""

    text: str
    label: str
    span: Span


@dataclass(frozen=True)
class Attribution:
    """Who a claim is attributed to, and how."""

    source: str  # the resolved speaker or source, e.g. "Pskovskaya Gubernia"
    kind: SourceKind
    cue: str  # the reporting verb or phrase: "said", "according to", "reported"
    direct: bool  # a direct quote (True) or reported speech (False)
    source_span: Span | None = None  # where the source is named (may be an earlier sentence)
    cue_span: Span | None = None
    content_span: Span | None = None


@dataclass(frozen=True)
class Quantity:
    """A number in a claim as an interval, with what it counts."""

    text: str  # "about 60 servicemen"
    value: float | None  # the number as written (60)
    low: float | None  # lower bound once approximation is applied (None: unbounded)
    high: float | None  # upper bound (None: unbounded)
    counted: str | None  # the thing counted, lemmatised ("serviceman")
    approximate: bool = False  # "about", "some", "around", "dozens"
    qualifier: str | None = None  # "about", "over", "at least", "dozens" ...
    span: Span = (0, 0)
    predicate: str | None = None  # what happened to the counted ("kill", "evacuate", "refuse")


@dataclass(frozen=True)
class DateMention:
    """A date resolved against the publication date, with its precision."""

    text: str
    start: str | None  # ISO date
    end: str | None
    precision: str  # "day" | "month" | "year" | "month-day" | "relative" | "week" | "span"
    span: Span = (0, 0)


@dataclass(frozen=True)
class Place:
    """A place mention geocoded offline."""

    text: str
    name: str
    country: str | None = None  # ISO 3166-1 alpha-2
    admin1: str | None = None
    lat: float | None = None
    lon: float | None = None
    precision: str = "unknown"  # "city" | "region" | "country" | "unknown"
    span: Span = (0, 0)


@dataclass(frozen=True)
class Participant:
    """Who or what takes part in an event mention, with a count where the text gives one."""

    text: str  # as written: "about 60 servicemen"
    role: str  # "agent" | "patient" | "other"
    span: Span = (0, 0)
    entity: str | None = None  # the resolved name, where it is a named entity
    count: Quantity | None = None


@dataclass(frozen=True)
class EventMention:
    """One mention of a real-world event (a predicate with its arguments) in one article.

    Built by the read stage for every claim; ``chain`` is filled by cross-document
    event coreference (mentions with one ``chain`` refer to one real event).
    """

    id: str  # "<article_id>:e<trigger start>"
    article_id: str
    trigger: str  # the predicate as written: "refused"
    lemma: str  # "refuse"
    span: Span  # the trigger's characters
    sentence_span: Span  # the sentence it stands in
    claim_id: str | None = None
    negated: bool = False
    modality: str = "actual"  # "actual" | "hedged" | "future" | "conditional" | "reported"
    participants: tuple[Participant, ...] = ()
    places: tuple[Place, ...] = ()
    dates: tuple[DateMention, ...] = ()
    chain: str | None = None


@dataclass(frozen=True)
class Claim:
    """A check-worthy statement in one article."""

    id: str  # "<article_id>:<start>"
    article_id: str
    text: str
    span: Span
    certainty: Certainty = "asserted"
    hedges: tuple[str, ...] = ()
    attribution: Attribution | None = None
    quantities: tuple[Quantity, ...] = ()
    dates: tuple[DateMention, ...] = ()
    places: tuple[Place, ...] = ()
    entities: tuple[Entity, ...] = ()
    checkworthiness: float = 0.0  # the read stage's score in [0, 1] (claims/checkworthy.py)


@dataclass(frozen=True)
class Passage:
    """One aligned stretch of shared text between two articles."""

    source_span: Span
    target_span: Span


@dataclass(frozen=True)
class ReuseEdge:
    """Text of ``source`` reused by ``target``; ``containment`` is the share of target covered."""

    source: str
    target: str
    containment: float
    direction_evidence: tuple[str, ...] = ()
    passages: tuple[Passage, ...] = ()


@dataclass(frozen=True)
class Origin:
    """Where a claim ultimately comes from; spelling variants of one name are one origin."""

    name: str
    kind: OriginKind
    variants: tuple[str, ...] = ()


@dataclass(frozen=True)
class ConflictValue:
    """One of the disagreeing values of a conflict, with the articles that give it."""

    value: str
    article_ids: tuple[str, ...]


@dataclass(frozen=True)
class Conflict:
    """Members of a claim group disagree on ``attribute`` (a count, a date, polarity ...)."""

    attribute: str
    values: tuple[ConflictValue, ...]
    conservative: str | None = None  # for counts: the lowest value, as ACLED codes it


@dataclass(frozen=True)
class ClaimGroup:
    """The claims of one story that state the same fact, with their verdict."""

    id: str
    text: str
    verdict: Verdict
    members: tuple[Claim, ...]
    origins: tuple[Origin, ...] = ()
    independent_sources: int = 0
    contested_certainty: bool = False
    conflicts: tuple[Conflict, ...] = ()
    evidence: str = ""  # one line saying why this verdict


@dataclass(frozen=True)
class Event:
    """An ACLED-style event record coded from claim groups."""

    id: str
    event_type: str
    sub_event_type: str
    actors: tuple[str, ...] = ()
    location: Place | None = None
    date: DateMention | None = None
    count: dict[str, Any] = field(default_factory=dict)  # {"values": [...], "conservative": n}
    claim_group_ids: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()  # the origins of its claim groups ("Pskovskaya Gubernia")
    notes: str = ""
    disorder_type: str = ""  # ACLED's: "Political violence", "Strategic developments" ...
    geo_precision: int | None = None  # ACLED: 1 the town, 2 near it or part of a region, 3 region
    time_precision: int | None = None  # ACLED: 1 a day, 2 a week or near a date, 3 a month or year
    targets: tuple[str, ...] = ()  # ACLED's actor2 and its associates
    article_ids: tuple[str, ...] = ()  # the articles that report it
    outlets: tuple[str, ...] = ()  # their outlets
    story_ids: tuple[str, ...] = ()  # every story it is told in (events merge across stories)
    related_places: tuple[Place, ...] = ()  # other places the reports tie to it ("via Belarus")
    action: str = ""  # the action word's family: "refusal", "raid", "fire" (events/acled.py)


@dataclass(frozen=True)
class Story:
    """The articles that report one event or chain of events, with what was found in them."""

    id: str
    title: str
    article_ids: tuple[str, ...]
    claim_groups: tuple[ClaimGroup, ...] = ()
    reuse_edges: tuple[ReuseEdge, ...] = ()
    events: tuple[Event, ...] = ()


def to_dict(record: Any) -> Any:
    """Serialise a record (or a tuple/list of them) to JSON-ready data, tuples as lists."""
    if dataclasses.is_dataclass(record) and not isinstance(record, type):
        return {f.name: to_dict(getattr(record, f.name)) for f in dataclasses.fields(record)}
    if isinstance(record, (list, tuple)):
        return [to_dict(item) for item in record]
    if isinstance(record, dict):
        return {key: to_dict(value) for key, value in record.items()}
    return record


def _build(cls: type, data: Any) -> Any:
    """Inverse of :func:`to_dict` for one record class (nested records rebuilt by type)."""
    hints = {f.name: f for f in dataclasses.fields(cls)}
    kwargs: dict[str, Any] = {}
    for name, value in data.items():
        if name not in hints:
            continue
        kwargs[name] = _coerce(cls, name, value)
    return cls(**kwargs)


_NESTED: dict[tuple[type, str], type] = {}


def _coerce(cls: type, name: str, value: Any) -> Any:
    nested = _NESTED.get((cls, name))
    if value is None:
        return None
    if nested is not None:
        if isinstance(value, list):
            return tuple(_build(nested, item) for item in value)
        return _build(nested, value)
    if isinstance(value, list):
        return tuple(tuple(v) if isinstance(v, list) else v for v in value)
    return value


_NESTED.update(
    {
        (Claim, "attribution"): Attribution,
        (Claim, "quantities"): Quantity,
        (Claim, "dates"): DateMention,
        (Claim, "places"): Place,
        (Claim, "entities"): Entity,
        (Participant, "count"): Quantity,
        (EventMention, "participants"): Participant,
        (EventMention, "places"): Place,
        (EventMention, "dates"): DateMention,
        (ReuseEdge, "passages"): Passage,
        (Conflict, "values"): ConflictValue,
        (ClaimGroup, "members"): Claim,
        (ClaimGroup, "origins"): Origin,
        (ClaimGroup, "conflicts"): Conflict,
        (Event, "location"): Place,
        (Event, "date"): DateMention,
        (Event, "related_places"): Place,
        (Story, "claim_groups"): ClaimGroup,
        (Story, "reuse_edges"): ReuseEdge,
        (Story, "events"): Event,
    }
)


def from_dict(cls: type, data: dict[str, Any]) -> Any:
    """Rebuild a record of class ``cls`` from :func:`to_dict` output."""
    return _build(cls, data)
