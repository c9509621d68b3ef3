"""Rows S6, S7 and the quantity and hedge parts of S8 of shared/ACCEPTANCE.md, over the seeds."""

from __future__ import annotations

from typing import Any

import pytest

from storytrace_testkit import IBT, SOFREP, Run


def _member(run: Run, stem: str, phrase: str) -> dict[str, Any]:
    """The one claim of the seed article ``stem`` whose text holds ``phrase``."""
    article = run.article_id(stem)
    found = {
        m["claim_id"]: m
        for g in run.groups()
        for m in g["members"]
        if m["article_id"] == article and phrase in m["text"]
    }
    assert len(found) == 1, f"{len(found)} claims of {stem} hold {phrase!r}"
    return next(iter(found.values()))


@pytest.mark.parametrize(
    ("stem", "phrase", "source", "kind", "direct"),
    [
        (SOFREP, "I believe that military personnel", "Nikolay Kuzmin", "person", True),
        (SOFREP, "He verified the reports to be true", "Nikolay Kuzmin", "person", False),
        (SOFREP, "Russian forces are aware of the hopelessness",
         "Centre for Defense Strategies", "organisation", True),
        (SOFREP, "Our sources tell that commanders", "Pskovskaya Gubernia", "outlet", True),
        (SOFREP, "They reported that the elite paratrooper unit", "Pskovskaya Gubernia",
         "outlet", False),
        (SOFREP, "they were first brought to the Republic of Belarus", "Pskovskaya Gubernia",
         "outlet", True),
        (SOFREP, "said that they expect the number of deserters", "Pskovskaya Gubernia",
         "outlet", False),
        (SOFREP, "We are constantly saving it", "Vladimir Safronov", "person", True),
        (SOFREP, "a ration for one person is shared", "Vladimir Safronov", "person", True),
        (IBT, "About 60 servicemen from Pskov", "Pskovskaya Guberniya", "outlet", True),
        (IBT, "Things are bad with food", "Vladimir Safronov", "person", True),
        (IBT, "a ration for one person is shared", "Vladimir Safronov", "person", True),
    ],
)  # fmt: skip
def test_s6_attributions_name_the_right_source(
    seeds_run: Run, stem: str, phrase: str, source: str, kind: str, direct: bool
) -> None:
    attribution = _member(seeds_run, stem, phrase)["attribution"]
    assert attribution is not None
    assert (attribution["source"], attribution["kind"]) == (source, kind)
    assert attribution["direct"] is direct


def test_s6_the_telegram_quote_is_not_given_to_the_last_name_mentioned(seeds_run: Run) -> None:
    attribution = _member(seeds_run, SOFREP, "imperial resentment")["attribution"]
    assert attribution["source"] != "Putin"


@pytest.mark.parametrize(
    ("stem", "phrase", "certainty", "cue"),
    [
        (SOFREP, "Kuzmin reportedly works", "hedged", "reportedly"),
        (SOFREP, "they just allegedly returned to Pskov", "hedged", "allegedly"),
        (SOFREP, "They allegedly just", "hedged", "allegedly"),
        (SOFREP, "While the report cannot be independently verified", "unconfirmed",
         "cannot be independently verified"),
        (SOFREP, "These transmissions could not be verified", "unconfirmed",
         "could not be verified"),
        (IBT, "has yet to be confirmed", "unconfirmed", "has yet to be confirmed"),
        (IBT, "over 20,000 Russian soldiers", "hedged", "reportedly"),
    ],
)  # fmt: skip
def test_s7_hedges_are_carried_on_their_claims(
    seeds_run: Run, stem: str, phrase: str, certainty: str, cue: str
) -> None:
    member = _member(seeds_run, stem, phrase)
    assert member["certainty"] == certainty
    assert any(cue in hedge for hedge in member["hedges"]), member["hedges"]


def test_s8_over_20000_killed_is_more_than_20000_and_hedged(seeds_run: Run) -> None:
    member = _member(seeds_run, IBT, "over 20,000 Russian soldiers")
    (quantity,) = [q for q in member["quantities"] if q["value"] == 20000]
    assert quantity["low"] == 20000 and quantity["high"] is None
    assert quantity["qualifier"] == "over" and quantity["counted"] == "soldier"
    assert member["certainty"] == "hedged" and "reportedly" in member["hedges"]


def test_s8_about_300_refusing_orders_near_sumy(seeds_run: Run) -> None:
    member = _member(seeds_run, SOFREP, "300 Russians refusing to obey orders")
    (quantity,) = [q for q in member["quantities"] if q["value"] == 300]
    assert quantity["low"] == quantity["high"] == 300
    assert quantity["counted"] == "russian"
    (sumy,) = [p for p in member["places"] if p["text"] == "Sumy"]
    assert (sumy["country"], sumy["precision"]) == ("UA", "city")
    assert sumy["admin1"] == "Sumska oblast"
