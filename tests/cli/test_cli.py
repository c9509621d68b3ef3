"""The command line: outputs, exit statuses, rejected inputs on stderr, idempotent re-runs."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from storytrace.cli.main import main
from storytrace_testkit import IBT, SEEDS, SOFREP


def _storytrace(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "storytrace.cli.main", *args],
        capture_output=True,
        text=True,
        check=False,
        env={"HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1", "PATH": "/usr/bin:/bin"},
    )


def test_a_bad_file_is_named_the_rest_processed_and_reruns_add_nothing(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    for stem in (SOFREP, IBT):
        shutil.copy(SEEDS / f"{stem}.txt", inputs)
        shutil.copy(SEEDS / f"{stem}.meta.json", inputs)
    (inputs / "broken.html").write_bytes(b"\x00\x01\x02binary\x00")
    db, out = tmp_path / "st.db", tmp_path / "out"

    first = _storytrace("analyze", str(inputs), "--db", str(db), "--out", str(out))
    assert first.returncode == 1, first.stderr
    assert "broken.html" in first.stderr and "binary data" in first.stderr
    assert "2 new article(s)" in first.stdout
    document = json.loads((out / "stories.json").read_text(encoding="utf-8"))
    assert len(document["articles"]) == 2 and len(document["stories"]) == 1
    assert (out / "report.html").read_text(encoding="utf-8").lower().startswith("<!doctype html>")

    (inputs / "broken.html").unlink()
    second = _storytrace("analyze", str(inputs), "--db", str(db), "--out", str(out))
    assert second.returncode == 0, second.stderr
    assert "0 new article(s), 2 already stored" in second.stdout
    again = json.loads((out / "stories.json").read_text(encoding="utf-8"))
    assert again["stories"] == document["stories"]


def test_usage_errors_exit_2(tmp_path: Path) -> None:
    assert _storytrace("analyze").returncode == 2
    pg = _storytrace(
        "analyze", str(SEEDS), "--db", "postgresql://u:secret@127.0.0.1:1/x", "--out", str(tmp_path)
    )
    assert pg.returncode == 1  # a store that cannot be reached, named without its password
    assert "cannot connect" in pg.stderr and "secret" not in pg.stderr


def test_bench_speed_reports_a_ratio_against_spacy(tmp_path: Path) -> None:
    result = _storytrace("bench", "speed", "--articles", "6", "--corpus", str(SEEDS))
    assert result.returncode == 0, result.stderr
    figures = json.loads(result.stdout)
    assert figures["articles"] == 6
    assert figures["analyze_articles_per_second"] > 0
    assert figures["spacy_small_articles_per_second"] > 0
    # Seconds and the ratio are each rounded to 0.01: the ratio lies within the bounds the
    # rounded seconds allow (plus its own rounding).
    analyze, spacy = figures["analyze_seconds"], figures["spacy_small_seconds"]
    low, high = (analyze - 0.005) / (spacy + 0.005), (analyze + 0.005) / (spacy - 0.005)
    assert low - 0.005 <= figures["ratio_analyze_to_spacy_time"] <= high + 0.005


def test_a_nonexistent_input_is_a_usage_error_writing_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db, out = tmp_path / "st.db", tmp_path / "report"
    missing = str(tmp_path / "no such.txt")
    assert main(["analyze", missing, "--db", str(db), "--out", str(out)]) == 2
    err = capsys.readouterr().err
    assert "no such file or folder" in err and "no such.txt" in err
    assert not db.exists() and not out.exists()
