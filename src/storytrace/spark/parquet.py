"""What the read and embed stages found, as Parquet: written by Spark executors, read back
by ``storytrace load``.

A Parquet folder holds one dataset per table (:data:`TABLES`):

- ``articles``, ``attributions``, ``claims``: one row per record, one column per field of
  the record class in ``records.py`` (:func:`columns`, the one definition of the fields).
  A text, number or flag field is a column of that type; a field holding anything else (a
  span, a tuple, a nested record) is its :func:`~storytrace.records.to_dict` as JSON text.
- ``vectors``: ``article_id``, ``vector`` (the article's vector, ``array<float>``).
- ``claim_vectors``: ``key``, ``article_id``, ``vector``: the claim and mention vectors
  alignment reads (:func:`~storytrace.align.groups.read_vectors` keys).
- ``failed``: ``article_id``, ``stage``, ``reason``: articles a stage raised on (their
  ``articles`` row is there; they are stored as failed and never read again).
"""

from __future__ import annotations

import dataclasses
import json
import types
import typing
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

import numpy as np

from storytrace.records import Article, Attribution, Claim, from_dict, to_dict

if TYPE_CHECKING:
    from pyspark.sql import SparkSession

#: The record tables and the class whose fields are their columns.
RECORDS: dict[str, type] = {"articles": Article, "attributions": Attribution, "claims": Claim}
#: The tables that are not records, with their columns (Spark DDL).
PLAIN: dict[str, str] = {
    "vectors": "article_id string, vector array<float>",
    "claim_vectors": "key string, article_id string, vector array<float>",
    "failed": "article_id string, stage string, reason string",
}
TABLES: tuple[str, ...] = (*RECORDS, *PLAIN)

Kind = Literal["string", "bigint", "double", "boolean", "json"]
Row = tuple[str, tuple[Any, ...]]  # (table, values in column order)


def _kind(hint: Any) -> Kind:
    """The column kind of a field's annotation (Optional unwrapped)."""
    if typing.get_origin(hint) in (types.UnionType, typing.Union):
        inner = [arg for arg in typing.get_args(hint) if arg is not type(None)]
        return _kind(inner[0]) if len(inner) == 1 else "json"
    if typing.get_origin(hint) is Literal or hint is str:
        return "string"
    simple: dict[Any, Kind] = {bool: "boolean", int: "bigint", float: "double"}
    return simple.get(hint, "json")


def columns(cls: type) -> list[tuple[str, Kind]]:
    """(field name, kind) of every field of a record class, in field order."""
    hints = typing.get_type_hints(cls)
    return [(f.name, _kind(hints[f.name])) for f in dataclasses.fields(cls)]


def schema(table: str) -> str:
    """A table's columns as Spark DDL (JSON fields are text); ``articles`` starts with
    ``seq``, each article's place in the run's input order."""
    if table in PLAIN:
        return PLAIN[table]
    fields = [f"`{name}` {'string' if kind == 'json' else kind}" for name, kind in
              columns(RECORDS[table])]  # fmt: skip
    return ", ".join(["seq bigint", *fields] if table == "articles" else fields)


def record_row(record: Any) -> tuple[Any, ...]:
    """A record's values in column order (JSON text for the ``json`` columns)."""
    return tuple(
        json.dumps(to_dict(getattr(record, name)), ensure_ascii=False)
        if kind == "json"
        else getattr(record, name)
        for name, kind in columns(type(record))
    )


def row_record(cls: type, row: Mapping[str, Any]) -> Any:
    """The record a row holds (the inverse of :func:`record_row`)."""
    data = {
        name: json.loads(row[name]) if kind == "json" and row[name] is not None else row[name]
        for name, kind in columns(cls)
    }
    return from_dict(cls, data)


def partition_rows(
    read: Callable[[Sequence[Article]], Iterable[tuple[Article, Any]]],
    embed: Callable[[Sequence[Article]], Iterable[tuple[Article, np.ndarray | str]]],
    encode: Callable[[Sequence[Claim]], Mapping[str, np.ndarray]],
    keys: Callable[[Claim], Sequence[str]],
    batch: int,
) -> Callable[[Iterable[tuple[int, Article]]], Iterator[Row]]:
    """The rows of every table for one partition's ``(seq, article)``s: read, embedded, and
    their claims encoded ``batch`` articles at a time, as the embedded engine stores them."""

    def run(part: Iterable[tuple[int, Article]]) -> Iterator[Row]:
        numbered = list(part)
        seq = {article.id: n for n, article in numbered}
        articles = [article for _, article in numbered]
        read_ok: list[tuple[Article, Any]] = []
        for article, reading in read(articles):
            yield "articles", (seq[article.id], *record_row(article))
            if isinstance(reading, str):
                yield "failed", (article.id, "read", reading)
                continue
            read_ok.append((article, reading))
            for attribution in reading.attributions:
                yield "attributions", record_row(attribution)
            for claim in reading.claims:
                yield "claims", record_row(claim)
        for first in range(0, len(read_ok), batch):
            claims = [c for _, reading in read_ok[first : first + batch] for c in reading.claims]
            vectors = encode(claims) if claims else {}
            for claim in claims:
                for key in keys(claim):
                    yield "claim_vectors", (key, claim.article_id, _floats(vectors[key]))
        for article, vector in embed(articles):
            if isinstance(vector, str):
                yield "failed", (article.id, "embed", vector)
            else:
                yield "vectors", (article.id, _floats(vector))

    return run


def _floats(vector: np.ndarray) -> list[float]:
    return [float(x) for x in np.asarray(vector, dtype=np.float32)]


@dataclass(frozen=True)
class Loaded:
    """One article as a Parquet folder holds it: its reading, vectors and failures."""

    article: Article
    attributions: tuple[Attribution, ...]
    claims: tuple[Claim, ...]
    claim_vectors: dict[str, bytes]  # float32 bytes by read_vectors key
    vector: bytes | None  # float32 bytes; None when embedding failed
    failed: tuple[tuple[str, str], ...]  # (stage, reason)


def read_folder(session: SparkSession, folder: str) -> list[Loaded]:
    """Every article of a Parquet folder with what was found of it, in input order."""
    tables = {t: session.read.schema(schema(t)).parquet(f"{folder}/{t}") for t in TABLES}
    by_article: dict[str, dict[str, list[Any]]] = {}

    def rows(table: str) -> Iterator[Any]:
        yield from tables[table].toLocalIterator()

    for table in ("attributions", "claims", "claim_vectors", "vectors", "failed"):
        for row in rows(table):
            found = by_article.setdefault(row["article_id"], {})
            found.setdefault(table, []).append(row)
    numbered = sorted((row["seq"], row_record(Article, row)) for row in rows("articles"))
    loaded = []
    for _, article in numbered:
        found = by_article.get(article.id, {})

        def of(table: str, found: dict[str, list[Any]] = found) -> list[Any]:
            return found.get(table, [])

        vectors = of("vectors")
        loaded.append(
            Loaded(
                article=article,
                attributions=tuple(row_record(Attribution, r) for r in of("attributions")),
                claims=tuple(row_record(Claim, r) for r in of("claims")),
                claim_vectors={r["key"]: _blob(r["vector"]) for r in of("claim_vectors")},
                vector=_blob(vectors[0]["vector"]) if vectors else None,
                failed=tuple((r["stage"], r["reason"]) for r in of("failed")),
            )
        )
    return loaded


def _blob(values: Sequence[float]) -> bytes:
    return np.asarray(values, dtype=np.float32).tobytes()
