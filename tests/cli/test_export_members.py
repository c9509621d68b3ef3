"""``storytrace export --format members|claimreview`` on the analysed seeds, read back."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd

from storytrace.cli.main import main
from storytrace.report.members_csv import MEMBER_COLUMNS
from storytrace.store import open_store
from storytrace_testkit import Run


def _export(run: Run, tmp_path: Path, fmt: str, *extra: str) -> Path:
    out = tmp_path / f"export.{fmt}"
    db = str(run.out.parent / "st.db")
    assert main(["export", "--db", db, "--format", fmt, "--out", str(out), *extra]) == 0
    return out


def test_members_csv_has_every_sentence_of_every_group_with_its_outlet(
    seeds_run: Run, tmp_path: Path
) -> None:
    data = _export(seeds_run, tmp_path, "members").read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    frame = pd.read_csv(_export(seeds_run, tmp_path, "members"), dtype=str, keep_default_na=False)
    assert list(frame.columns) == list(MEMBER_COLUMNS)
    rows = frame.to_dict("records")
    members = [(g, m) for s in seeds_run.document["stories"] for g in s["claim_groups"]
               for m in g["members"]]  # fmt: skip
    assert [(r["group_id"], r["claim_id"]) for r in rows] == [
        (g["id"], m["claim_id"]) for g, m in members
    ]
    articles = {a["id"]: a for a in seeds_run.document["articles"]}
    for row, (group, member) in zip(rows, members, strict=True):
        article = articles[member["article_id"]]
        assert (row["verdict"], row["certainty"]) == (group["verdict"], member["certainty"])
        assert row["outlet"] == article["outlet"]
        assert row["claim_text"].lstrip("'") == member["text"]
    refusal = [r for r in rows if "About 60 servicemen" in r["claim_text"]]
    assert refusal and refusal[0]["outlet"] == "International Business Times"
    assert refusal[0]["verdict"] == "echoed"


def test_claimreview_is_dated_by_the_run_and_linked_under_the_base_url(
    seeds_run: Run, tmp_path: Path
) -> None:
    out = _export(seeds_run, tmp_path, "claimreview", "--base-url", "https://desk.example.org")
    reviews = json.loads(out.read_text(encoding="utf-8"))
    with open_store(seeds_run.out.parent / "st.db", read_only=True) as store:
        finished = max(run.finished or "" for run in store.get_runs())
    assert finished and all(r["datePublished"] == finished[:10] for r in reviews)
    story_ids = {s["id"] for s in seeds_run.document["stories"]}
    assert {r["url"] for r in reviews} == {
        f"https://desk.example.org/stories/{story_id}" for story_id in story_ids
    }
