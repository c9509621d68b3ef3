"""Attributions as records of their own: every relation found, sources resolved and kinded."""

from __future__ import annotations

from pathlib import Path

import pytest

from storytrace.claims import Reading, read_stage
from storytrace.records import Article, Attribution

CORPUS = Path(__file__).resolve().parents[2] / "examples" / "corpus"


def _read(text: str, **meta: str) -> Reading:
    (reading,) = read_stage([Article.from_text(text, **meta)])
    return reading


def _by_cue(reading: Reading) -> dict[str, Attribution]:
    return {a.cue: a for a in reading.attributions}


def _marked(reading: Reading, attribution: Attribution) -> str:
    assert attribution.source_span is not None
    return reading.article.text[slice(*attribution.source_span)]


@pytest.mark.parametrize(
    ("text", "source", "kind"),
    [
        ("Jonas De Smet said the harbour would reopen on Monday after repairs.",
         "Jonas De Smet", "person"),
        ("The Harbour Gazette reported that the ferry had run aground near the island.",
         "Harbour Gazette", "outlet"),
        ("Ukraine claimed that the troops were elite paratroopers from the north.",
         "Ukraine", "government"),
        ("Dalmaris Lines said the ferry would return to service within a week.",
         "Dalmaris Lines", "organisation"),
        ("The report said that casualties had doubled since the start of May.",
         "report", "document"),
        ("Officials said that the bridge had been closed to all traffic overnight.",
         "Officials", "unnamed"),
    ],
)  # fmt: skip
def test_each_source_kind(text: str, source: str, kind: str) -> None:
    reading = _read(text)
    (attribution,) = reading.attributions
    assert (attribution.source, attribution.kind) == (source, kind)
    assert attribution.cue in text and attribution.cue_span is not None
    assert source in _marked(reading, attribution)
    (claim,) = reading.claims
    assert claim.attribution_id == attribution.id and claim.attribution == attribution


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("Andrew Collins sold the depot. Collins's attorney said he would not testify.",
         "Collins's attorney"),
        ("The mayor's spokesman Tomas Berg said the bridge would reopen in May.", "Tomas Berg"),
    ],
)  # fmt: skip
def test_a_name_that_owns_the_source_is_not_the_source(text: str, source: str) -> None:
    reading = _read(text)
    (attribution,) = reading.attributions
    assert (attribution.source, attribution.kind) == (source, "person")


def test_a_pronoun_is_kept_as_marked_and_resolved_to_the_person_named_before() -> None:
    reading = _read(
        "Jonas De Smet, the harbour master, said the ferry had left on time.\n\n"
        "He added that all 120 passengers had been taken ashore by noon."
    )
    added = _by_cue(reading)["added"]
    assert _marked(reading, added) == "He" and added.source_text == "He"
    assert (added.source, added.kind) == ("Jonas De Smet", "person")
    assert added.resolved_span is not None
    assert reading.article.text[slice(*added.resolved_span)] == "Jonas De Smet"


def test_one_person_is_one_source_whatever_the_mention() -> None:
    reading = _read(
        "Jonas De Smet said the ferry had left the port on time on Sunday.\n\n"
        "De Smet said that all 120 passengers had been taken ashore by noon."
    )
    assert [a.source for a in reading.attributions] == ["Jonas De Smet", "Jonas De Smet"]
    assert _marked(reading, reading.attributions[1]) == "De Smet"


def test_the_newspaper_resolves_to_the_outlet_it_cited() -> None:
    reading = _read(
        "The story was first reported by an independent newspaper, the Harbour Gazette.\n\n"
        "The newspaper said that the unit had refused to return to the front."
    )
    said = _by_cue(reading)["said"]
    assert _marked(reading, said) == "The newspaper"
    assert (said.source, said.kind) == ("Harbour Gazette", "outlet")


@pytest.mark.parametrize(
    "text",
    [
        "They said that the road had been closed since the storm on Sunday.",
        "Some said that the road had been closed since the storm on Sunday.",
    ],
)
def test_a_bare_pronoun_that_resolves_to_nothing_is_never_a_source_name(text: str) -> None:
    reading = _read(text)
    (attribution,) = reading.attributions
    assert attribution.source == "" and attribution.kind == "unnamed"
    assert attribution.source_text == text.split()[0]


def test_who_stands_for_the_noun_it_hangs_from() -> None:
    reading = _read(
        "Residents of the port, who said the ferry had been late for weeks, asked for a review."
    )
    names = {a.source for a in reading.attributions}
    assert "who" not in {n.lower() for n in names} and "" not in names


def test_a_place_is_never_a_person() -> None:
    articles = [
        Article.from_text(path.read_text(encoding="utf-8").strip())
        for path in sorted(CORPUS.glob("*split*.txt"))
    ]
    assert articles, "the example corpus holds the Split ferry articles"
    readings = list(read_stage(articles))
    attributions = [a for r in readings for a in r.attributions]
    assert attributions
    assert not [a for a in attributions if a.kind == "person" and a.source == "Split"]
    harbour = [a for a in attributions if "harbour master" in (a.source_text or "")]
    assert harbour and all(a.kind != "person" and a.source != "Split" for a in harbour)


def test_every_relation_is_stored_not_only_those_of_claims() -> None:
    reading = _read(
        "Jonas De Smet said the ferry had left on time.\n\n"
        "“It was fine,” he said.\n\n"
        "The harbour reopened on Monday morning after the storm had passed over the island."
    )
    assert len(reading.attributions) == 2
    assert len({a.id for a in reading.attributions}) == 2
    assert all(a.article_id == reading.article.id for a in reading.attributions)
    assert all(a.id.startswith(f"{reading.article.id}:a") for a in reading.attributions)
