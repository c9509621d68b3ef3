"""The records that flow through the pipeline.

Every record is a frozen dataclass whose field names are those of ``stories.json``
(see ``docs/records.md``), so :func:`to_dict` serialises any of them without a
renaming table. Spans are ``(start, end)`` character offsets into the article's
stored text.
"""

from __future__ import annotations

import dataclasses
import hashlib
import types
import typing
import unicodedata
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

Span = tuple[int, int]
Certainty = Literal["asserted", "hedged", "unconfirmed", "denied"]
Verdict = Literal["corroborated", "echoed", "single_source", "conflicting"]
SourceKind = Literal["person", "organisation", "outlet", "government", "document", "unnamed"]
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
    """One attribution relation of an article: who (source) says (cue) what (content).

    The read stage stores every relation it finds as a record of its own (``id``,
    ``article_id``); a claim carries a copy of the one that covers it. ``source_span``
    and ``source_text`` are the source as the text marks it ("he", "the newspaper");
    ``source`` and ``kind`` are what it resolves to within the article ("Nikolay Kuzmin"),
    named at ``resolved_span``. An unresolved pronoun or an unnamed source has kind
    ``unnamed``; a bare pronoun ("he", "who", "they", "some") is never a ``source`` name
    (``source`` is then ""). The ``*_fragments`` hold a discontinuous span's pieces, and
    ``*_span`` runs from the first fragment's start to the last one's end.
    """

    source: str  # the resolved speaker or source, e.g. "Pskovskaya Gubernia"
    kind: SourceKind
    cue: str  # the reporting verb or phrase: "said", "according to", "reported"
    direct: bool  # a direct quote (True) or reported speech (False)
    source_span: Span | None = None  # the source as the text marks it ("he")
    cue_span: Span | None = None
    content_span: Span | None = None
    id: str = ""  # "<article_id>:a<cue start>"
    article_id: str = ""
    source_text: str | None = None  # the source as marked: "he", "The newspaper"
    resolved_span: Span | None = None  # the mention that names ``source`` (may be earlier)
    source_fragments: tuple[Span, ...] = ()
    cue_fragments: tuple[Span, ...] = ()
    content_fragments: tuple[Span, ...] = ()


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
    places: tuple[Place, ...] = ()  # where it happened
    dates: tuple[DateMention, ...] = ()
    chain: str | None = None
    destinations: tuple[Place, ...] = ()  # where someone or something went ("returned to Pskov")


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
    mentions: tuple[EventMention, ...] = ()  # its events, with their arguments
    attribution_id: str | None = None  # the stored ``Attribution`` that covers the claim
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
    id: str = ""  # one id per origin across a story ("or-" + digest of its name key)


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


class _KeyAccess:
    """Read access by key, in the JSON shape (``count["values"]`` is a list), for older callers."""

    def __getitem__(self, key: str) -> Any:
        if key not in _field_names(type(self)):
            raise KeyError(key)
        return to_dict(getattr(self, key))

    def get(self, key: str, default: Any = None) -> Any:
        """The field's JSON value, or ``default`` when it is missing, None or empty."""
        value = getattr(self, key, None) if key in _field_names(type(self)) else None
        return default if value is None or value == () else to_dict(value)

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and self.get(key) is not None

    def __iter__(self) -> Iterator[str]:
        return iter(k for k in _field_names(type(self)) if k in self)


def _field_names(cls: type) -> tuple[str, ...]:
    return tuple(f.name for f in dataclasses.fields(cls))


@dataclass(frozen=True)
class CountValues(_KeyAccess):
    """Every value reported for one count, and the conservative (lowest) one."""

    values: tuple[float, ...] = ()
    conservative: float | None = None


@dataclass(frozen=True)
class CountReport(_KeyAccess):
    """One reported figure of an event: what a claim says, with where it says it."""

    text: str = ""
    value: float | None = None
    low: float | None = None
    high: float | None = None
    counted: str | None = None
    kind: str = ""  # "people" | "fatalities" | "arrested" | "injured" | "evacuated"
    article_id: str | None = None
    outlet: str | None = None
    claim_group_id: str | None = None


@dataclass(frozen=True)
class EventCount(_KeyAccess):
    """An event's count: every value of the main kind, the conservative one, the reports."""

    values: tuple[float, ...] = ()
    conservative: float | None = None
    kind: str | None = None  # the main kind counted ("people", "fatalities" ...)
    counted: str | None = None  # what is counted, lemmatised ("serviceman")
    fatalities: CountValues | None = None
    reports: tuple[CountReport, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.values or self.reports or self.conservative is not None)

    @classmethod
    def of(cls, value: EventCount | Mapping[str, Any] | None) -> EventCount:
        """An ``EventCount`` from itself, or from the dict shape stages built before it."""
        if isinstance(value, EventCount):
            return value
        if not value:
            return cls()
        data = dict(value)
        reports = [to_dict(r) for r in data.get("reports") or ()]
        data["reports"] = reports
        built: EventCount = from_dict(cls, {k: to_dict(v) for k, v in data.items()})
        return built


@dataclass(frozen=True)
class Event:
    """An ACLED-style event record coded from claim groups."""

    id: str
    event_type: str
    sub_event_type: str
    actors: tuple[str, ...] = ()
    location: Place | None = None
    date: DateMention | None = None
    count: EventCount = field(default_factory=EventCount)  # a dict given here becomes one
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

    def __post_init__(self) -> None:
        if not isinstance(self.count, EventCount):
            object.__setattr__(self, "count", EventCount.of(self.count))


@dataclass(frozen=True)
class Story:
    """The articles that report one event or chain of events, with what was found in them."""

    id: str
    title: str
    article_ids: tuple[str, ...]
    claim_groups: tuple[ClaimGroup, ...] = ()
    reuse_edges: tuple[ReuseEdge, ...] = ()
    events: tuple[Event, ...] = ()


@dataclass(frozen=True)
class ModelArtefact:
    """A learned model a run used: its file, relative to the package, and its SHA-256."""

    name: str  # "claims/data/cue_crf.json"
    sha256: str
    size: int = 0


@dataclass(frozen=True)
class Run:
    """One ``analyze`` run: what ran, when, with which version, models and inputs."""

    id: str
    started: str  # ISO 8601 UTC
    finished: str | None = None
    version: str = ""
    command: str = ""
    inputs: tuple[str, ...] = ()
    artefacts: tuple[ModelArtefact, ...] = ()
    articles_stored: int = 0
    duplicates: int = 0
    rejected: int = 0
    stories: int = 0


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


def _record_inside(hint: Any, records: set[type]) -> type | None:
    """The record class a field holds, alone, optional or as a tuple of them."""
    if isinstance(hint, type) and hint in records:
        return hint
    if typing.get_origin(hint) in (tuple, types.UnionType, typing.Union):
        for argument in typing.get_args(hint):
            found = _record_inside(argument, records)
            if found is not None:
                return found
    return None


def _nested_fields() -> dict[tuple[type, str], type]:
    """(record class, field) -> the record class nested there, read from the annotations."""
    records = {
        value
        for value in globals().values()
        if isinstance(value, type) and dataclasses.is_dataclass(value)
    }
    nested: dict[tuple[type, str], type] = {}
    for cls in records:
        hints = typing.get_type_hints(cls)
        for item in dataclasses.fields(cls):
            found = _record_inside(hints[item.name], records)
            if found is not None:
                nested[(cls, item.name)] = found
    return nested


_NESTED.update(_nested_fields())


def from_dict(cls: type, data: dict[str, Any]) -> Any:
    """Rebuild a record of class ``cls`` from :func:`to_dict` output."""
    return _build(cls, data)
