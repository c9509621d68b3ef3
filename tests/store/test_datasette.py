"""The store as journalists browse it: Datasette lists readable tables and views, and facets
on verdict, outlet and event type, through Datasette's own JSON API."""

from __future__ import annotations

import asyncio
import hashlib
from typing import Any

import pytest

datasette_app = pytest.importorskip("datasette.app")


def _get(db, path: str) -> Any:
    async def fetch() -> Any:
        ds = datasette_app.Datasette([str(db)])
        response = await ds.client.get(path)
        assert response.status_code == 200, response.text[:500]
        return response.json()

    return asyncio.run(fetch())


def _facet(db, table: str, column: str) -> dict[str, int]:
    data = _get(db, f"/st/{table}.json?_facet={column}&_size=0")
    results = data["facet_results"]
    results = results.get("results", results)  # Datasette 1.0 nests them
    return {row["value"]: row["count"] for row in results[column]["results"]}


@pytest.fixture(scope="module")
def db(corpus_run):
    return corpus_run.out.parent / "st.db"


def test_tables_and_views_have_readable_names(db):
    before = hashlib.sha256(db.read_bytes()).hexdigest()
    listing = _get(db, "/st.json")
    tables = {t["name"] for t in listing["tables"]}
    views = {v["name"] for v in listing["views"]}
    expected = {"articles", "stories", "story_articles", "claim_groups", "claims", "origins",
                "conflicts", "reuse_edges", "passages", "events", "places", "runs"}  # fmt: skip
    assert expected <= tables
    assert {"claim_group_members", "claim_group_origins", "event_reports"} <= views
    assert hashlib.sha256(db.read_bytes()).hexdigest() == before  # Datasette only reads


def test_facets_on_verdict_outlet_and_event_type(db, corpus_run):
    groups = corpus_run.groups()
    verdicts = _facet(db, "claim_groups", "verdict")
    expected: dict[str, int] = {}
    for group in groups:
        expected[group["verdict"]] = expected.get(group["verdict"], 0) + 1
    assert verdicts == expected

    outlets = _facet(db, "articles", "outlet")
    assert outlets == {
        name: sum(a["outlet"] == name for a in corpus_run.articles.values())
        for name in {a["outlet"] for a in corpus_run.articles.values()}
    }
    by_outlet = _facet(db, "claim_group_members", "outlet")
    assert set(by_outlet) <= set(outlets) and sum(by_outlet.values()) > 0

    events = [e for s in corpus_run.document["stories"] for e in s["events"]]
    types = _facet(db, "events", "event_type")
    assert sum(types.values()) == len(events)
    assert set(types) == {e["event_type"] for e in events}


def test_a_claim_group_is_found_by_the_origin_it_cites(db, corpus_run):
    group = next(g for g in corpus_run.groups() if g["origins"])
    origin = group["origins"][0]["name"]
    rows = _get(db, f"/st/claim_group_origins.json?origin={origin}&_shape=array")
    assert group["id"] in {row["claim_group_id"] for row in rows}
