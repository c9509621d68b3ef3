"""The JSON API's shapes for the OpenAPI description, derived from ``records.py``.

Each record class becomes a pydantic model named ``<Record>Out`` with the record's fields
in the shape :func:`storytrace.report.json_doc.record_json` writes them (tuples as
lists, a member's ``id`` as ``claim_id``), so a field added to a record appears in the
API's description without code here. Keys beyond the contract are allowed, as
``stories.json`` allows them; the tests validate real responses against these models.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from typing import Any, Literal, Union

from pydantic import BaseModel, ConfigDict, Field, create_model

from storytrace import records
from storytrace.records import Article, Claim, Story
from storytrace.report.json_doc import ARTICLE_FIELDS, RENAMED, SPARSE


class _Shape(BaseModel):
    model_config = ConfigDict(extra="allow")


_MODELS: dict[type, type[BaseModel]] = {}
_NAMES = {Claim: "MemberOut", records.DateMention: "DateOut"}


def model_of(cls: type, *, name: str | None = None, drop: tuple[str, ...] = ()) -> type[BaseModel]:
    """The pydantic model of one record class (nested records become their own models)."""
    if cls in _MODELS and name is None and not drop:
        return _MODELS[cls]
    hints = typing.get_type_hints(cls)
    renamed = RENAMED.get(cls, {})
    sparse = SPARSE.get(cls, ())
    fields: dict[str, Any] = {}
    for f in dataclasses.fields(cls):
        if f.name in drop:
            continue
        annotation = _annotation(hints[f.name])
        default: Any = None if f.name in sparse else ...
        if f.name in sparse:
            annotation = annotation | None
        fields[renamed.get(f.name, f.name)] = (annotation, Field(default))
    model: type[BaseModel] = create_model(
        name or _NAMES.get(cls, f"{cls.__name__}Out"),
        __base__=_Shape,
        __doc__=(cls.__doc__ or "").strip().splitlines()[0],
        **fields,
    )
    if name is None and not drop:
        _MODELS[cls] = model
    return model


def _annotation(hint: Any) -> Any:
    """A record field's type as the JSON API shows it."""
    origin = typing.get_origin(hint)
    if dataclasses.is_dataclass(hint) and isinstance(hint, type):
        return model_of(hint)
    if origin is tuple:
        args = typing.get_args(hint)
        if len(args) == 2 and args[1] is Ellipsis:
            return list[_annotation(args[0])]  # type: ignore[misc]
        return hint
    if origin in (Union, types.UnionType):
        parts = [_annotation(arg) for arg in typing.get_args(hint)]
        joined = parts[0]
        for part in parts[1:]:
            joined = joined | part
        return joined
    if origin is Literal:
        return hint
    return hint


ArticleOut = model_of(Article, name="ArticleOut", drop=("text",))
assert tuple(ArticleOut.model_fields) == ARTICLE_FIELDS


class ArticleTextOut(ArticleOut):  # type: ignore[misc, valid-type]
    """An article's metadata with its stored text, and the story it belongs to."""

    text: str = Field(description="the stored text; claim spans are offsets into it")
    story_id: str | None


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


_StoryFields = model_of(Story, name="StoryFields")


class StoryOut(_StoryFields):  # type: ignore[misc, valid-type]
    """One story (``stories[]`` of stories.json)."""

    timeline: list[TimelineEntryOut] = Field(default_factory=list)


ClaimGroupOut = model_of(records.ClaimGroup)
EventOut = model_of(records.Event)


class ErrorOut(BaseModel):
    """Every API error: ``ok`` is false, ``error`` says what went wrong, ``errors`` lists each."""

    ok: Literal[False]
    error: str
    errors: list[str]
    status: int
