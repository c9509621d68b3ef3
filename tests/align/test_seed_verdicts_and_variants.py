"""Rows S8 and S10 over the seeds, and variants whose verdicts change as a reader expects."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from storytrace.pipeline import analyze
from storytrace_testkit import IBT, SEEDS, SOFREP, Run


def test_s8_one_outlet_claims_are_single_source(seeds_run: Run) -> None:
    dead = seeds_run.group_with("over 20,000 Russian soldiers")
    assert dead["verdict"] == "single_source"
    (member,) = [m for m in dead["members"] if "20,000" in m["text"]]
    (quantity,) = [q for q in member["quantities"] if q["value"] == 20000]
    assert quantity["low"] == 20000 and quantity["high"] is None
    assert member["certainty"] == "hedged" and "reportedly" in member["hedges"]
    sumy = seeds_run.group_with("300 Russians refusing to obey orders")
    assert sumy["verdict"] == "single_source"
    assert {m["article_id"] for m in sumy["members"]} == {seeds_run.article_id(SOFREP)}


def test_s10_returned_of_their_own_accord_conflicts_with_ordered_back(seeds_run: Run) -> None:
    group = seeds_run.group_with("without prior notice")
    assert group["verdict"] == "conflicting"
    (agency,) = [c for c in group["conflicts"] if c["attribute"] == "agency"]
    by_value = {v["value"]: v["article_ids"] for v in agency["values"]}
    assert by_value["of their own accord"] == [seeds_run.article_id(SOFREP)]
    assert by_value["ordered or sent"] == [seeds_run.article_id(IBT)]


def _variant(tmp_path: Path, edit: dict[str, str], extra: str | None = None) -> dict[str, Any]:
    """The seeds with IBT's text edited (old -> new) and maybe a third article, analysed."""
    folder = tmp_path / "in"
    folder.mkdir()
    for stem in (SOFREP, IBT):
        shutil.copy(SEEDS / f"{stem}.meta.json", folder)
        text = (SEEDS / f"{stem}.txt").read_text(encoding="utf-8")
        if stem == IBT:
            for old, new in edit.items():
                assert old in text
                text = text.replace(old, new)
        (folder / f"{stem}.txt").write_text(text, encoding="utf-8")
    if extra is not None:
        (folder / "002_courier.txt").write_text(extra, encoding="utf-8")
        (folder / "002_courier.meta.json").write_text(
            json.dumps({"outlet": "Harbour Courier (fictional)"}), encoding="utf-8"
        )
    summary = analyze([str(folder)], db=tmp_path / "st.db", out=tmp_path / "out")
    assert not summary.rejected
    return json.loads((tmp_path / "out" / "stories.json").read_text(encoding="utf-8"))


def _group(document: dict[str, Any], phrase: str) -> dict[str, Any]:
    groups = [
        g
        for s in document["stories"]
        for g in s["claim_groups"]
        if any(phrase in m["text"] for m in g["members"])
    ]
    assert len(groups) == 1, groups
    return groups[0]


@pytest.mark.slow
def test_a_changed_number_makes_an_echoed_quote_conflicting(tmp_path: Path) -> None:
    edit = {"shared between two people": "shared between four people"}
    group = _group(_variant(tmp_path, edit), "shared between four people")
    assert group["verdict"] == "conflicting"
    (count,) = [c for c in group["conflicts"] if c["attribute"].startswith("count")]
    assert {v["value"] for v in count["values"]} == {"2", "4"}
    assert count["conservative"] == "2"


_INDEPENDENT = (
    "Pskov paratroopers refuse to fight\n\n"
    "About 60 paratroopers from Pskov refused to fight in Ukraine, regional official Anna "
    "Volkova told the Harbour Courier by telephone.\n\n"
    "Volkova said the men had been sent to Belarus in the first days of the war.\n"
)
_DENIAL = (
    "Ministry rejects mutiny report\n\n"
    "The Russian defence ministry denied that about 60 paratroopers from Pskov had refused to "
    "fight in Ukraine.\n\n"
    "A ministry spokesman called the report a provocation by opposition media.\n"
)


@pytest.mark.slow
def test_an_added_independent_source_corroborates(tmp_path: Path) -> None:
    group = _group(_variant(tmp_path, {}, extra=_INDEPENDENT), "Anna Volkova")
    assert group["verdict"] == "corroborated"
    assert group["independent_sources"] == 2
    names = " ".join(o["name"] for o in group["origins"])
    assert "Pskovskaya" in names and "Volkova" in names


@pytest.mark.slow
def test_a_denial_makes_the_refusal_conflicting(tmp_path: Path) -> None:
    group = _group(_variant(tmp_path, {}, extra=_DENIAL), "defence ministry denied")
    assert group["verdict"] == "conflicting"
    assert "polarity" in [c["attribute"] for c in group["conflicts"]]


def test_s9_elite_status_is_contested(seeds_run: Run) -> None:
    group = seeds_run.group_with("this has yet to be confirmed", "the elite paratrooper unit")
    assert group["contested_certainty"] is True
    by_article = {m["article_id"]: m["certainty"] for m in group["members"]}
    assert by_article[seeds_run.article_id(SOFREP)] == "asserted"
    assert by_article[seeds_run.article_id(IBT)] == "unconfirmed"
