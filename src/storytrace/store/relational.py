"""The relational schema, derived from ``records.py``: one table per record class.

:data:`TABLES` registers each record class under a table name (one line each, in
:func:`_register_all`). From its fields, typed by their annotations:

- a scalar (``str``, ``int``, ``float``, ``bool``, a ``Literal``, or ``None`` of them) is a
  typed column of the field's name;
- a :data:`~storytrace.records.Span` is two integer columns, ``<name>_start`` and
  ``<name>_end``;
- a nested record, or a tuple of them, is rows of that record's table, which point back
  at their owner with a foreign key ``<owner>_key``, the owner's ``field`` and the
  ``position`` in it;
- anything else (a tuple of strings, a dict) is one JSON column.

Every table also has ``seq`` (insertion order), ``key`` (a readable path such as
``s1/claim_groups/0/members/1``) and ``root`` (the top-level owner, ``story:s1`` or
``article:<id>``: what is read and replaced together). A new field or record class
needs no SQL: :func:`reconcile` adds its columns and tables to an existing database.
"""

from __future__ import annotations

import dataclasses
import json
import math
import types
import typing
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, Literal, Union

from storytrace import records

Kind = Literal["text", "integer", "real", "boolean", "json"]
META = ("seq", "key", "root", "field", "position")


@dataclass(frozen=True)
class Slot:
    """How one record field is stored."""

    name: str
    how: Literal["column", "span", "json", "one", "many"]
    kind: Kind = "text"
    optional: bool = False
    record: type | None = None  # the nested record class ("one", "many")
    hint: Any = None
    default: Any = None
    has_default: bool = False

    @property
    def columns(self) -> tuple[str, ...]:
        if self.how == "span":
            return (f"{self.name}_start", f"{self.name}_end")
        if self.how in ("column", "json"):
            return (self.name,)
        return ()


@dataclass
class Table:
    """One record class's table."""

    record: type
    name: str
    singular: str
    slots: tuple[Slot, ...]
    references: dict[str, str] = field(default_factory=dict)  # column -> table(column)
    skip: tuple[str, ...] = ()
    owners: list[Table] = field(default_factory=list)  # tables whose records nest this one

    @property
    def parent_columns(self) -> tuple[str, ...]:
        return tuple(f"{owner.singular}_key" for owner in self.owners)

    def columns(self) -> list[tuple[str, Kind, bool, str | None]]:
        """(name, kind, nullable, reference) of every column after ``seq``."""
        cols: list[tuple[str, Kind, bool, str | None]] = [
            ("key", "text", False, None),
            ("root", "text", False, None),
        ]
        cols += [
            (c, "text", True, f"{o.name}(key)")
            for c, o in zip(self.parent_columns, self.owners, strict=True)
        ]
        cols += [("field", "text", True, None), ("position", "integer", True, None)]
        for slot in self.slots:
            for column in slot.columns:
                cols.append((column, slot.kind, True, self.references.get(column)))
        return cols


TABLES: dict[type, Table] = {}
_BY_NAME: dict[str, Table] = {}


def register(
    record: type,
    name: str,
    *,
    singular: str | None = None,
    skip: tuple[str, ...] = (),
    references: Mapping[str, str] | None = None,
) -> Table:
    """Give a record class its table (and, through :func:`reconcile`, its columns)."""
    hints = typing.get_type_hints(record)
    slots = tuple(_slot(f, hints[f.name]) for f in dataclasses.fields(record) if f.name not in skip)
    for slot in slots:
        clash = set(slot.columns) & {*META, "key"}
        if clash:
            raise TypeError(f"{record.__name__}.{slot.name}: column name {clash} is reserved")
    table = Table(
        record=record,
        name=name,
        singular=singular or (name[:-1] if name.endswith("s") else name),
        slots=slots,
        references=dict(references or {}),
        skip=skip,
    )
    TABLES[record] = table
    _BY_NAME[name] = table
    for other in TABLES.values():
        _link(other)
    return table


def _link(table: Table) -> None:
    """Record ``table`` as an owner of every registered table its records nest."""
    for slot in table.slots:
        if slot.record is not None and slot.record in TABLES:
            child = TABLES[slot.record]
            if table not in child.owners:
                child.owners.append(table)


def _slot(f: dataclasses.Field[Any], hint: Any) -> Slot:
    return dataclasses.replace(_slot_of(f.name, hint), **_default(f))


def _default(f: dataclasses.Field[Any]) -> dict[str, Any]:
    if f.default_factory is not dataclasses.MISSING:
        return {"default": f.default_factory(), "has_default": True}
    if f.default is not dataclasses.MISSING:
        return {"default": f.default, "has_default": True}
    return {}


def _slot_of(name: str, hint: Any) -> Slot:
    optional, inner = _unoptional(hint)
    if inner == records.Span:
        return Slot(name, "span", "integer", optional, hint=hint)
    if dataclasses.is_dataclass(inner):
        return Slot(name, "one", optional=optional, record=inner, hint=hint)  # type: ignore[arg-type]
    args = typing.get_args(inner)
    many = typing.get_origin(inner) is tuple and len(args) == 2 and args[1] is Ellipsis
    if many and dataclasses.is_dataclass(args[0]):
        return Slot(name, "many", record=args[0], hint=hint)  # type: ignore[arg-type]
    kind = _scalar_kind(inner)
    if kind is None:
        return Slot(name, "json", "json", optional, hint=hint)
    return Slot(name, "column", kind, optional, hint=hint)


def _unoptional(hint: Any) -> tuple[bool, Any]:
    if typing.get_origin(hint) in (Union, types.UnionType):
        args = [a for a in typing.get_args(hint) if a is not type(None)]
        if len(args) == 1:
            return True, args[0]
    return False, hint


def _scalar_kind(hint: Any) -> Kind | None:
    if typing.get_origin(hint) is Literal:
        return "text"
    return {str: "text", int: "integer", float: "real", bool: "boolean"}.get(hint)  # type: ignore[return-value]


def _register_all() -> None:
    """Every stored record class: each line gives both backends a table."""
    register(
        records.Story, "stories", singular="story", skip=("article_ids",)
    )  # see story_articles
    register(records.ClaimGroup, "claim_groups")
    register(records.Claim, "claims", references={"article_id": "articles(id)"})
    register(records.Attribution, "attributions")
    register(records.Quantity, "quantities", singular="quantity")
    register(records.DateMention, "date_mentions")
    register(records.Place, "places")
    register(records.Entity, "entities", singular="entity")
    register(records.EventMention, "event_mentions")
    register(records.Participant, "participants")
    register(records.Origin, "origins")
    register(records.Conflict, "conflicts")
    register(records.ConflictValue, "conflict_values")
    register(
        records.ReuseEdge,
        "reuse_edges",
        references={"source": "articles(id)", "target": "articles(id)"},
    )
    register(records.Passage, "passages")
    register(records.Event, "events")
    register(records.EventCount, "event_counts")
    register(records.CountValues, "count_values", singular="count_values")
    register(records.CountReport, "count_reports")
    register(records.Run, "runs")
    register(records.ModelArtefact, "run_artefacts")


_register_all()


def reachable(record: type) -> list[Table]:
    """The tables holding ``record`` and everything nested in it, owners before parts."""
    order: list[Table] = []

    def visit(cls: type) -> None:
        table = TABLES[cls]
        if table in order:
            return
        order.append(table)
        for slot in table.slots:
            if slot.record is not None and slot.record in TABLES:
                visit(slot.record)

    visit(record)
    return order


# -- records -> rows -------------------------------------------------------------------


Rows = dict[str, list[dict[str, Any]]]  # table name -> rows (column -> value)


def flatten(record: Any, *, key: str, root: str, rows: Rows | None = None) -> Rows:
    """The rows that store ``record`` (a top-level one) and everything nested in it."""
    rows = {} if rows is None else rows
    _flatten(record, key, root, None, None, None, rows)
    return rows


def _flatten(
    record: Any,
    key: str,
    root: str,
    owner: Table | None,
    owner_key: str | None,
    where: tuple[str, int | None] | None,
    rows: Rows,
) -> None:
    table = TABLES[type(record)]
    row: dict[str, Any] = {"key": key, "root": root}
    for column in table.parent_columns:
        row[column] = None
    if owner is not None:
        row[f"{owner.singular}_key"] = owner_key
    row["field"], row["position"] = where if where is not None else (None, None)
    nested: list[tuple[Any, str, str, int | None]] = []
    for slot in table.slots:
        value = getattr(record, slot.name)
        if slot.how == "column":
            row[slot.name] = _finite(value) if slot.kind == "real" else value
        elif slot.how == "span":
            start, end = value if value is not None else (None, None)
            row[f"{slot.name}_start"], row[f"{slot.name}_end"] = start, end
        elif slot.how == "json":
            row[slot.name] = json.dumps(records.to_dict(value), ensure_ascii=False)
        elif slot.how == "one" and value is not None:
            nested.append((value, f"{key}/{slot.name}", slot.name, None))
        elif slot.how == "many":
            nested += [(v, f"{key}/{slot.name}/{n}", slot.name, n) for n, v in enumerate(value)]
    rows.setdefault(table.name, []).append(row)
    for value, child_key, name, position in nested:
        _flatten(value, child_key, root, table, key, (name, position), rows)


def _finite(value: Any) -> Any:
    """SQLite stores NaN as NULL; keep it (and infinities) apart by storing None for NaN."""
    if isinstance(value, float) and math.isnan(value):
        return None
    return value


# -- rows -> records -------------------------------------------------------------------


class Assembler:
    """Rebuilds records from the rows of their tables (as :func:`flatten` wrote them)."""

    def __init__(self, fetched: Mapping[str, Iterable[Mapping[str, Any]]]) -> None:
        self._children: dict[str, dict[tuple[str, str], list[Mapping[str, Any]]]] = {}
        for name, table_rows in fetched.items():
            table = _BY_NAME[name]
            index: dict[tuple[str, str], list[Mapping[str, Any]]] = {}
            for row in table_rows:
                owner = next((row[c] for c in table.parent_columns if row.get(c) is not None), None)
                if owner is not None:
                    index.setdefault((owner, row["field"]), []).append(row)
            for kids in index.values():
                kids.sort(key=lambda r: r["position"] if r["position"] is not None else -1)
            self._children[name] = index

    def build(self, record: type, row: Mapping[str, Any]) -> Any:
        """The record stored in ``row`` of its table, with everything nested in it."""
        table = TABLES[record]
        kwargs: dict[str, Any] = {}
        for slot in table.slots:
            kwargs[slot.name] = self._value(slot, row)
        for name in table.skip:  # held elsewhere (a story's articles): the caller fills them
            kwargs[name] = ()
        return record(**kwargs)

    def _value(self, slot: Slot, row: Mapping[str, Any]) -> Any:
        if slot.how == "column":
            value = row.get(slot.name)
            if value is None:
                return None if slot.optional or not slot.has_default else slot.default
            if slot.kind == "boolean":
                return bool(value)
            if slot.kind == "real":
                return float(value)
            return value
        if slot.how == "span":
            start, end = row.get(f"{slot.name}_start"), row.get(f"{slot.name}_end")
            if start is None or end is None:
                return None if slot.optional or not slot.has_default else slot.default
            return (int(start), int(end))
        if slot.how == "json":
            raw = row.get(slot.name)
            if raw is None:
                return None if slot.optional or not slot.has_default else slot.default
            data = json.loads(raw) if isinstance(raw, (str, bytes)) else raw
            return from_json(slot.hint, data)
        assert slot.record is not None
        kids = self._children.get(TABLES[slot.record].name, {}).get((row["key"], slot.name), [])
        if slot.how == "one":
            return self.build(slot.record, kids[0]) if kids else None
        return tuple(self.build(slot.record, kid) for kid in kids)


def from_json(hint: Any, data: Any) -> Any:
    """JSON data back into the Python shape of ``hint`` (lists into tuples, records rebuilt)."""
    if data is None:
        return None
    _optional, inner = _unoptional(hint)
    if dataclasses.is_dataclass(inner) and isinstance(data, dict):
        return records.from_dict(inner, data)  # type: ignore[arg-type]
    origin = typing.get_origin(inner)
    if origin is tuple and isinstance(data, list):
        args = typing.get_args(inner)
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(from_json(args[0], item) for item in data)
        return tuple(from_json(a, item) for a, item in zip(args, data, strict=False))
    return data


def insert_order(record: type) -> list[Table]:
    """The tables of :func:`reachable`, each after every table that owns its rows."""
    return _topological(reachable(record))


def all_tables() -> list[Table]:
    """Every registered table, each after every table that owns its rows."""
    return _topological(list(TABLES.values()))


def _topological(tables: list[Table]) -> list[Table]:
    placed: list[Table] = []
    while len(placed) < len(tables):
        for table in tables:
            owners = [o for o in table.owners if o in tables and o is not table]
            if table not in placed and all(o in placed for o in owners):
                placed.append(table)
                break
        else:
            raise TypeError(f"records nest in a cycle: {[t.name for t in tables]}")
    return placed
