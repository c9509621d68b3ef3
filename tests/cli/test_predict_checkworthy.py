"""``storytrace predict checkworthy``: the read stage's score and claim decision per row."""

from __future__ import annotations

from pathlib import Path

import pytest

from storytrace.cli.main import main


def test_predict_checkworthy_prints_id_score_label_in_input_order(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rows = tmp_path / "sentences.tsv"
    rows.write_text(
        "id\ttext\tlabel\n"
        "s1\tContinental Press Agency contributed to this report.\t0\n"
        "s2\tAt least 12 people were killed in the shelling of Kharkiv on Tuesday.\t1\n"
        "s3\tI think this is a terrible idea for all of us.\t0\n"
        "s4\tKuzmin reportedly works with the Yabloko party, an opposition party.\t1\n",
        encoding="utf-8",
    )
    assert main(["predict", "checkworthy", str(rows)]) == 0
    lines = [line.split("\t") for line in capsys.readouterr().out.splitlines()]
    assert lines[0] == ["id", "score", "label"]
    assert [row[0] for row in lines[1:]] == ["s1", "s2", "s3", "s4"]
    assert all(0.0 <= float(row[1]) <= 1.0 for row in lines[1:])
    assert [row[2] for row in lines[1:]] == ["0", "1", "0", "1"]


def test_predict_checkworthy_on_a_missing_file_is_a_usage_error(tmp_path: Path) -> None:
    assert main(["predict", "checkworthy", str(tmp_path / "none.tsv")]) == 2
