"""``storytrace export`` on a real analysed store: every format, files and stdout, errors."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from storytrace.cli.main import main
from storytrace.report.acled_csv import ACLED_COLUMNS
from storytrace.report.tables import CLAIM_COLUMNS
from storytrace_testkit import Run


def _db(run: Run) -> str:
    return str(run.out.parent / "st.db")


def _export(run: Run, fmt: str, tmp_path: Path) -> str:
    out = tmp_path / f"export.{fmt}"
    assert main(["export", "--db", _db(run), "--format", fmt, "--out", str(out)]) == 0
    return out.read_text(encoding="utf-8-sig")  # the claim CSVs start with a byte-order mark


def test_acled_rows_for_the_seed_events(seeds_run: Run, tmp_path: Path) -> None:
    text = _export(seeds_run, "acled", tmp_path)
    rows = list(csv.DictReader(io.StringIO(text)))
    assert list(rows[0]) == list(ACLED_COLUMNS)
    by_place = {(r["location"], r["country"]): r for r in rows}
    assert {("Pskov", "Russia"), ("Sumy", "Ukraine")} <= set(by_place)
    sumy = by_place[("Sumy", "Ukraine")]
    assert (sumy["event_type"], sumy["sub_event_type"], sumy["geo_precision"]) == (
        "Strategic developments",
        "Other",
        "1",
    )
    assert (sumy["iso"], sumy["admin1"], sumy["fatalities"]) == ("804", "Sumy", "0")
    assert sumy["event_id_cnty"].startswith("UKR-ev-")
    raid = next(r for r in rows if "Pskovskaya Gubernia" in r["assoc_actor_2"])
    assert raid["actor2"] == "Civilians (Russia)"  # a newspaper: ACLED codes it as civilians
    assert (raid["inter2"], raid["interaction"]) == ("7", "17")
    assert (raid["event_date"], raid["time_precision"]) == ("", "1")  # no article is dated
    assert "--03-05" in raid["notes"]


def test_claim_tables_csv_and_markdown(seeds_run: Run, tmp_path: Path) -> None:
    groups = [g for s in seeds_run.document["stories"] for g in s["claim_groups"]]
    rows = list(csv.DictReader(io.StringIO(_export(seeds_run, "csv", tmp_path))))
    assert list(rows[0]) == list(CLAIM_COLUMNS)
    assert [r["group_id"] for r in rows] == [g["id"] for g in groups]
    refusal = next(
        g["id"] for g in groups if any("About 60 servicemen" in m["text"] for m in g["members"])
    )
    echoed = next(r for r in rows if r["group_id"] == refusal)
    assert (echoed["verdict"], echoed["independent_sources"]) == ("echoed", "1")
    assert echoed["outlets"] == "SOFREP; International Business Times"
    markdown = _export(seeds_run, "md", tmp_path)
    table = [line for line in markdown.splitlines() if line.startswith("| cg-")]
    assert len(table) == len(groups)
    assert all(line.count(" | ") == 7 for line in table)


def test_json_is_stories_json_and_claimreview_rates_every_group(
    seeds_run: Run, tmp_path: Path
) -> None:
    document = json.loads(_export(seeds_run, "json", tmp_path))
    assert document["stories"] == seeds_run.document["stories"]
    reviews = json.loads(_export(seeds_run, "claimreview", tmp_path))
    groups = [(s, g) for s in document["stories"] for g in s["claim_groups"]]
    assert [r["claimReviewed"] for r in reviews] == [g["text"] for _, g in groups]
    assert [r["url"] for r in reviews] == [f"/stories/{s['id']}" for s, _ in groups]
    assert all(r["reviewRating"]["alternateName"].startswith("Not checked; ") for r in reviews)


def test_without_out_it_writes_to_stdout(
    seeds_run: Run, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["export", "--db", _db(seeds_run), "--format", "csv"]) == 0
    assert capsys.readouterr().out.startswith("\ufeff" + ",".join(CLAIM_COLUMNS))


def test_a_missing_store_or_format_is_a_usage_error(tmp_path: Path) -> None:
    command = [sys.executable, "-m", "storytrace.cli.main", "export"]
    missing = subprocess.run([*command, "--db", str(tmp_path / "none.db"), "--format", "csv"],
                             capture_output=True, text=True, check=False)  # fmt: skip
    assert missing.returncode == 2
    assert "none.db: no such database" in missing.stderr
    assert not (tmp_path / "none.db").exists()
    unknown = subprocess.run([*command, "--format", "xml"], capture_output=True, text=True,
                             check=False)  # fmt: skip
    assert unknown.returncode == 2 and "invalid choice: 'xml'" in unknown.stderr


def test_export_out_naming_a_folder_is_a_usage_error_writing_nothing(
    seeds_run: Run, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "a folder"
    folder.mkdir()
    assert main(["export", "--db", _db(seeds_run), "--format", "csv", "--out", str(folder)]) == 2
    err = capsys.readouterr().err
    assert "is a folder" in err and "a folder" in err and "Traceback" not in err
    assert list(folder.iterdir()) == []
    nowhere = tmp_path / "missing" / "x.csv"
    assert main(["export", "--db", _db(seeds_run), "--format", "csv", "--out", str(nowhere)]) == 2
    assert "folder does not exist" in capsys.readouterr().err
    assert not nowhere.parent.exists()
