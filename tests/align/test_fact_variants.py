"""Seed variants whose facts change as a careful reader expects (slow: each runs analyze)."""

from __future__ import annotations

from pathlib import Path

import pytest

from storytrace_testkit import analyze_variant, groups_with

FIRED = "some 60 unit members were fired"
pytestmark = pytest.mark.slow


def _one(document: dict, phrase: str) -> dict:
    (group,) = groups_with(document, phrase)
    return group


def _by_outlet(document: dict, value: dict) -> set[str]:
    outlets = {a["id"]: a["outlet"] for a in document["articles"]}
    return {outlets[i] for i in value["article_ids"]}


def test_a_changed_count_conflicts_across_different_verbs(tmp_path: Path) -> None:
    document = analyze_variant(tmp_path, pattern_edit={r"\b60\b": "80"})
    group = _one(document, FIRED)
    assert any("80 servicemen" in m["text"] for m in group["members"])
    assert group["verdict"] == "conflicting"
    (count,) = [c for c in group["conflicts"] if c["attribute"].startswith("count")]
    values = {v["value"]: _by_outlet(document, v) for v in count["values"]}
    assert {k.split()[-1] for k in values} == {"60", "80"}
    for value, outlets in values.items():
        assert outlets == ({"SOFREP"} if value.endswith("60") else {"International Business Times"})
    assert count["conservative"] == "60"


def test_a_changed_place_conflicts(tmp_path: Path) -> None:
    document = analyze_variant(tmp_path, pattern_edit={r"\bPskov\b": "Kursk"})
    group = _one(document, FIRED)
    assert group["verdict"] == "conflicting"
    (place,) = [c for c in group["conflicts"] if c["attribute"] == "place"]
    values = {v["value"]: _by_outlet(document, v) for v in place["values"]}
    assert values == {"Pskov": {"SOFREP"}, "Kursk": {"International Business Times"}}


def test_a_contained_place_does_not_conflict(tmp_path: Path) -> None:
    edit = {"About 60 servicemen from Pskov refused": "About 60 servicemen from the Pskov region "
            "refused"}  # fmt: skip
    document = analyze_variant(tmp_path, edit=edit)
    group = _one(document, FIRED)
    assert any("Pskov region" in m["text"] for m in group["members"])
    assert group["verdict"] == "echoed"
    assert not group["conflicts"]


_DENIAL = (
    "Moscow denies Pskov mutiny\n\n"
    "Igor Konashenkov, a spokesman for the Russian defence ministry, denied that any "
    "paratroopers from Pskov had refused to fight in Ukraine.\n\n"
    "\u201cNo unit from Pskov has refused an order,\u201d Konashenkov told reporters in Moscow.\n"
)


def test_a_quoted_denial_by_a_named_source_disputes_the_fact(tmp_path: Path) -> None:
    document = analyze_variant(tmp_path, extra={"002_gazette": ("Avon Gazette", _DENIAL)})
    group = _one(document, "denied that any paratroopers")
    assert group["verdict"] == "conflicting"
    (polarity,) = [c for c in group["conflicts"] if c["attribute"] == "polarity"]
    sides = {v["value"]: _by_outlet(document, v) for v in polarity["values"]}
    (denied,) = [k for k in sides if k.startswith("denied")]
    (affirmed,) = [k for k in sides if k.startswith("affirmed")]
    assert "Konashenkov" in denied and sides[denied] == {"Avon Gazette"}
    assert "Pskovskaya" in affirmed
    assert sides[affirmed] >= {"SOFREP", "International Business Times"}


_WITNESSES = (
    "Mothers in Pskov speak of refusal\n\n"
    "Olga Petrova, whose son serves in the unit, said that about 60 servicemen from Pskov "
    "refused to fight in Ukraine.\n\n"
    "Petrova said the men were sent to Belarus in the first days of the war and came home.\n"
)


def test_a_third_outlet_with_its_own_witness_corroborates(tmp_path: Path) -> None:
    document = analyze_variant(
        tmp_path, extra={"002_courier": ("Harbour Courier (fictional)", _WITNESSES)}
    )
    group = _one(document, "Olga Petrova")
    assert any(FIRED in m["text"] for m in group["members"])
    assert group["verdict"] == "corroborated"
    assert group["independent_sources"] == 2
    names = " ".join(o["name"] for o in group["origins"])
    assert "Pskovskaya" in names and "Petrova" in names


def test_a_verbatim_republication_stays_one_origin(tmp_path: Path) -> None:
    from storytrace_testkit import IBT, SEEDS

    # The same text under the reprinting outlet's own headline (an identical file would be
    # the same article, stored once).
    copy = "Reprinted: Russian paratroopers refuse to fight\n\n" + (SEEDS / f"{IBT}.txt").read_text(
        encoding="utf-8"
    )
    document = analyze_variant(tmp_path, extra={"002_copy": ("Daily Reprint (fictional)", copy)})
    group = _one(document, FIRED)
    assert group["verdict"] == "echoed"
    assert group["independent_sources"] == 1
    outlets = {a["id"]: a["outlet"] for a in document["articles"]}
    assert "Daily Reprint (fictional)" in {outlets[m["article_id"]] for m in group["members"]}


_PARTY = (
    "Kyiv says Pskov paratroopers refused\n\n"
    "Ukraine's defence ministry claimed that about 60 servicemen from Pskov refused to fight, "
    "but this has not been independently confirmed.\n\n"
    "The Ukrainian military said about 60 paratroopers from Pskov had refused to fight.\n"
)


def test_an_unconfirmed_or_partys_claim_never_corroborates(tmp_path: Path) -> None:
    document = analyze_variant(tmp_path, extra={"002_kyiv": ("Kyiv Wire (fictional)", _PARTY)})
    group = _one(document, "defence ministry claimed")
    assert any(FIRED in m["text"] for m in group["members"])
    assert group["verdict"] != "corroborated"
    assert group["independent_sources"] == 1


_STAFF = (
    "General Staff: Pskov unit refused\n\n"
    "Ukraine's General Staff said that some 60 Russian paratroopers from Pskov had refused "
    "to fight.\n"
)
_DOUBTED_WITNESS = (
    "Pskov paratroopers refused, says mother\n\n"
    "Olga Petrova, whose son serves in the unit, said about 60 paratroopers from Pskov "
    "refused to fight in Ukraine. The claim could not be independently verified.\n"
)


@pytest.mark.parametrize(("text", "why"), [(_STAFF, "a party"), (_DOUBTED_WITNESS, "unconfirmed")])
def test_a_party_named_by_its_organ_or_a_claim_doubted_next_never_corroborates(
    tmp_path: Path, text: str, why: str
) -> None:
    document = analyze_variant(tmp_path, extra={"002_wire": ("Lake Wire (fictional)", text)})
    group = _one(document, FIRED)
    assert "Lake Wire (fictional)" in _by_outlet(
        document, {"article_ids": [m["article_id"] for m in group["members"]]}
    )
    assert group["verdict"] != "corroborated"
    assert group["independent_sources"] == 1
    assert why in group["evidence"]
