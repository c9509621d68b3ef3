"""Parquet rows are the records' own fields, and give back the very records (no Spark)."""

from __future__ import annotations

import dataclasses

from storytrace.records import (
    Article,
    Attribution,
    Claim,
    EventMention,
    Participant,
    Place,
    Quantity,
)
from storytrace.spark.parquet import columns, record_row, row_record, schema

TEXT = "About 60 servicemen from Pskov refused to fight, the newspaper reported."


def _claim() -> Claim:
    attribution = Attribution(source="Pskovskaya Gubernia", kind="outlet", cue="reported",
                              direct=False, cue_span=(62, 70), content_span=(0, 47),
                              id="a1:a62", article_id="a1", cue_fragments=((62, 70),))  # fmt: skip
    return Claim(
        id="a1:0", article_id="a1", text=TEXT, span=(0, len(TEXT)), certainty="hedged",
        hedges=("reportedly",), attribution=attribution,
        quantities=(Quantity(text="About 60 servicemen", value=60.0, low=50.0, high=70.0,
                             counted="serviceman", approximate=True, span=(0, 19)),),
        places=(Place(text="Pskov", name="Pskov", country="RU", lat=57.81, lon=28.35,
                      precision="city", span=(25, 30)),),
        mentions=(EventMention(id="a1:e31", article_id="a1", trigger="refused", lemma="refuse",
                               span=(31, 38), sentence_span=(0, len(TEXT)), negated=True,
                               participants=(Participant(text="About 60 servicemen",
                                                         role="agent", span=(0, 19)),)),),
        attribution_id="a1:a62", checkworthiness=0.75,
    )  # fmt: skip


def _as_row(record: object, table: str) -> dict[str, object]:
    names = [part.split()[0].strip("`") for part in schema(table).split(", ")]
    values = record_row(record)
    return dict(zip(names[-len(values) :], values, strict=True))


def test_columns_are_the_fields_of_records_py() -> None:
    for cls, table in ((Article, "articles"), (Attribution, "attributions"), (Claim, "claims")):
        assert [name for name, _ in columns(cls)] == [f.name for f in dataclasses.fields(cls)]
        assert schema(table).count("`") == 2 * len(dataclasses.fields(cls))
    kinds = dict(columns(Claim))
    assert (kinds["text"], kinds["checkworthiness"], kinds["attribution_id"]) == (
        "string", "double", "string")  # fmt: skip
    assert kinds["span"] == kinds["quantities"] == kinds["attribution"] == "json"
    assert dict(columns(Attribution))["direct"] == "boolean"
    assert schema("articles").startswith("seq bigint, `id` string, `text` string")


def test_rows_give_back_the_records() -> None:
    claim = _claim()
    article = Article.from_text(TEXT, outlet="IBT", published="2022-03-01", source="x.txt")
    assert row_record(Claim, _as_row(claim, "claims")) == claim
    assert row_record(Attribution, _as_row(claim.attribution, "attributions")) == claim.attribution
    assert row_record(Article, _as_row(article, "articles")) == article
    bare = Claim(id="a1:5", article_id="a1", text="x", span=(5, 6))
    assert row_record(Claim, _as_row(bare, "claims")) == bare
