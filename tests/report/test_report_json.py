"""stories.json: the document shape of CONTRACT.md, key by key, and the atomic writer."""

from __future__ import annotations

import json
import math
from dataclasses import replace
from pathlib import Path

import pytest

from storytrace.records import VERDICTS, Article, Event, Place, Story
from storytrace.report import stories_document, write_json

ARTICLE_KEYS = {"id", "outlet", "title", "url", "author", "published", "language", "source"}
STORY_KEYS = {"id", "title", "article_ids", "claim_groups", "reuse_edges", "events", "timeline"}
GROUP_KEYS = {
    "id",
    "text",
    "verdict",
    "contested_certainty",
    "independent_sources",
    "origins",
    "members",
    "conflicts",
}
MEMBER_KEYS = {
    "article_id",
    "claim_id",
    "text",
    "span",
    "certainty",
    "hedges",
    "attribution",
    "quantities",
    "dates",
    "places",
}
EDGE_KEYS = {"source", "target", "containment", "direction_evidence", "passages"}
EVENT_KEYS = {
    "id",
    "event_type",
    "sub_event_type",
    "actors",
    "location",
    "date",
    "count",
    "claim_group_ids",
    "sources",
    "notes",
}


@pytest.fixture
def document(articles: list[Article], story: Story) -> dict:
    return stories_document(articles, [story], version="0.1.0")


def test_top_level_and_articles_follow_the_contract(document, articles):
    assert list(document) == ["storytrace_version", "articles", "stories"]
    assert document["storytrace_version"] == "0.1.0"
    assert [set(a) for a in document["articles"]] == [ARTICLE_KEYS, ARTICLE_KEYS]
    first = document["articles"][0]
    assert first["id"] == articles[0].id
    assert first["outlet"] == "SOFREP"
    assert first["url"] == articles[0].url
    assert first["published"] == "2022-04-09"
    assert first["source"] == "seeds/000_9646f06734e70d26.txt"


def test_article_text_is_never_written(document, articles):
    assert all("text" not in a for a in document["articles"])
    assert articles[1].text not in json.dumps(document, ensure_ascii=False)


def test_repeated_articles_are_listed_once(articles, story):
    doc = stories_document([*articles, articles[0]], [story], version="0.1.0")
    assert [a["id"] for a in doc["articles"]] == [a.id for a in articles]


@pytest.mark.parametrize("verdict", VERDICTS)
def test_claim_group_of_each_verdict_has_the_contract_keys(document, verdict):
    (out_story,) = document["stories"]
    assert set(out_story) == STORY_KEYS
    groups = [g for g in out_story["claim_groups"] if g["verdict"] == verdict]
    assert groups, f"the fixture story has no {verdict} group"
    for group in groups:
        assert set(group) >= GROUP_KEYS
        assert isinstance(group["contested_certainty"], bool)
        assert isinstance(group["independent_sources"], int)
        for origin in group["origins"]:
            assert set(origin) == {"name", "kind", "variants", "id"}  # id: one per origin (#15)
            assert origin["kind"] in ("outlet", "cited_source", "speaker")
        for member in group["members"]:
            assert set(member) >= MEMBER_KEYS
            assert member["certainty"] in ("asserted", "hedged", "unconfirmed", "denied")
            assert isinstance(member["hedges"], list)
        for conflict in group["conflicts"]:
            assert set(conflict) >= {"attribute", "values", "conservative"}
            for value in conflict["values"]:
                assert set(value) == {"value", "article_ids"}


def test_member_details_are_written_in_full(document, story):
    groups = {g["id"]: g for g in document["stories"][0]["claim_groups"]}
    sofrep_member, ibt_member = groups["g-sixty"]["members"]
    claim = story.claim_groups[2].members[0]
    assert sofrep_member["claim_id"] == claim.id
    assert sofrep_member["article_id"] == claim.article_id
    attribution = sofrep_member["attribution"]
    assert {k: attribution[k] for k in list(attribution)[:7]} == {
        "source": "Pskovskaya Gubernia",
        "kind": "organisation",
        "cue": "according to the report",
        "direct": False,
        "source_span": None,
        "cue_span": None,
        "content_span": None,
    }
    assert sofrep_member["attribution"]["source_fragments"] == []
    (quantity,) = sofrep_member["quantities"]
    assert {"text", "low", "high", "counted"} <= set(quantity)
    assert (quantity["low"], quantity["high"], quantity["approximate"]) == (54, 66, True)
    (place,) = sofrep_member["places"]
    assert {"text", "name", "country", "admin1", "lat", "lon", "precision"} <= set(place)
    assert (place["country"], place["admin1"]) == ("RU", "Pskov Oblast")
    assert ibt_member["attribution"]["direct"] is True
    hedged = groups["g-return"]["members"][0]
    assert hedged["attribution"] is None
    assert hedged["hedges"] == ["allegedly", "apparently"]


def test_origins_keep_spelling_variants(document):
    groups = {g["id"]: g for g in document["stories"][0]["claim_groups"]}
    assert groups["g-sixty"]["origins"] == [
        {
            "name": "Pskovskaya Gubernia",
            "kind": "cited_source",
            "variants": ["Pskovskaya Gubernia", "Pskovskaya Guberniya"],
            "id": "",
        }
    ]
    assert groups["g-sixty"]["evidence"] == "Both outlets cite Pskovskaya Gubernia."


def test_conflicts_name_values_articles_and_conservative(document, articles):
    groups = {g["id"]: g for g in document["stories"][0]["claim_groups"]}
    assert groups["g-return"]["conflicts"] == [
        {
            "attribute": "manner of return",
            "values": [
                {"value": "returned of their own accord", "article_ids": [articles[0].id]},
                {"value": "ordered back in disgrace", "article_ids": [articles[1].id]},
            ],
            "conservative": None,
        }
    ]


def test_spans_are_lists_that_point_into_the_article_text(document, articles):
    texts = {a.id: a.text for a in articles}
    members = [m for g in document["stories"][0]["claim_groups"] for m in g["members"]]
    assert len(members) == 9
    for member in members:
        assert isinstance(member["span"], list)
        start, end = member["span"]
        assert texts[member["article_id"]][start:end] == member["text"]
    (edge,) = document["stories"][0]["reuse_edges"]
    (passage,) = edge["passages"]
    assert isinstance(passage["source_span"], list)
    assert isinstance(passage["target_span"], list)


def test_reuse_edges_and_events_follow_the_contract(document, articles):
    (edge,) = document["stories"][0]["reuse_edges"]
    assert set(edge) == EDGE_KEYS
    assert (edge["source"], edge["target"], edge["containment"]) == (
        articles[0].id,
        articles[1].id,
        0.34,
    )
    assert edge["direction_evidence"][0] == "source published first"
    (event,) = document["stories"][0]["events"]
    assert set(event) >= EVENT_KEYS
    assert {"start", "end", "precision"} <= set(event["date"])
    assert event["date"]["precision"] == "relative"
    assert event["location"]["name"] == "Pskov"
    assert event["count"] == {"values": [60, 60], "conservative": 60}
    assert event["claim_group_ids"] == ["g-sixty"]
    assert event["sources"] == [articles[0].id, articles[1].id]


def test_event_without_count_still_has_values_and_conservative(articles, story):
    bare = Event(id="e-1", event_type="Riots", sub_event_type="Mob violence")
    doc = stories_document(articles, [replace(story, events=(bare,))], version="0.1.0")
    (event,) = doc["stories"][0]["events"]
    assert event["count"] == {"values": [], "conservative": None}
    assert event["location"] is None
    assert event["date"] is None
    assert event["actors"] == []


def test_document_round_trips_through_json(document):
    assert json.loads(json.dumps(document, allow_nan=False)) == document


def test_non_finite_numbers_become_null(articles, story):
    nowhere = Place("Sea", "Sea", lat=math.nan, lon=math.inf)
    event = Event(id="e-2", event_type="Battles", sub_event_type="Armed clash", location=nowhere)
    doc = stories_document(articles, [replace(story, events=(event,))], version="0.1.0")
    location = doc["stories"][0]["events"][0]["location"]
    assert (location["lat"], location["lon"]) == (None, None)
    json.dumps(doc, allow_nan=False)  # raises on NaN


def test_write_json_writes_readable_utf8_with_indent(tmp_path: Path, document):
    path = write_json(tmp_path / "out" / "stories.json", document)
    raw = path.read_text(encoding="utf-8")
    assert json.loads(raw) == document
    assert "“desertion”" in raw  # not \u201c escapes
    assert raw.startswith('{\n  "storytrace_version": "0.1.0"')
    assert sorted(p.name for p in path.parent.iterdir()) == ["stories.json"]


def test_write_json_replaces_the_file_whole(tmp_path: Path, document, articles):
    path = tmp_path / "stories.json"
    path.write_text('{"old": true', encoding="utf-8")  # truncated by an earlier crash
    write_json(path, document)
    assert json.loads(path.read_text(encoding="utf-8"))["stories"][0]["id"] == "story-pskov"
    smaller = stories_document(articles, [], version="0.2.0")
    write_json(path, smaller)
    assert json.loads(path.read_text(encoding="utf-8")) == smaller


def test_failed_write_json_leaves_the_old_file_and_no_temp(tmp_path: Path, document):
    path = tmp_path / "stories.json"
    write_json(path, document)
    before = path.read_bytes()
    with pytest.raises(TypeError):
        write_json(path, {"storytrace_version": "0.1.0", "stories": [object()]})
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["stories.json"]


def test_write_failing_midway_keeps_the_old_file_and_cleans_up(tmp_path: Path, document):
    path = tmp_path / "stories.json"
    write_json(path, document)
    before = path.read_bytes()
    broken = {**document, "storytrace_version": "\ud800"}  # a lone surrogate cannot be UTF-8
    with pytest.raises(UnicodeEncodeError):
        write_json(path, broken)
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["stories.json"]
