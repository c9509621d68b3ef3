"""``storytrace predict events``: each row's main event in ACLED's columns, as analyze codes it."""

from __future__ import annotations

from pathlib import Path

import pytest

from storytrace.cli.main import main
from storytrace.cli.predict import EVENT_COLUMNS


def test_predict_events_prints_each_rows_event_in_input_order(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rows = tmp_path / "snippets.tsv"
    rows.write_text(
        "id\ttext\tpublished\n"
        "r1\tThe Ukrainian army clashed with the Russian forces near Barvinkove, Kharkiv, on "
        "Wednesday.\t2024-05-10\n"
        "r2\tThe weather in the capital was mild and sunny for most of the week.\t2024-05-10\n"
        "r3\tRussian forces shelled Toretsk, Donetsk. Casualties unknown.\t2024-05-10\n",
        encoding="utf-8",
    )
    assert main(["predict", "events", str(rows)]) == 0
    lines = [line.split("\t") for line in capsys.readouterr().out.splitlines()]
    assert lines[0] == list(EVENT_COLUMNS)
    found = [dict(zip(lines[0], line, strict=True)) for line in lines[1:]]
    assert [row["id"] for row in found] == ["r1", "r2", "r3"]
    clash, calm, shelling = found
    assert (clash["event_type"], clash["sub_event_type"]) == ("Battles", "Armed clash")
    assert (clash["actor1"], clash["actor2"], clash["interaction"]) == (
        "Military Forces of Ukraine (2019-)", "Military Forces of Russia (2000-)", "11",
    )  # fmt: skip
    assert (clash["location"], clash["admin1"], clash["geo_precision"]) == (
        "Barvinkove",
        "Kharkiv",
        "2",
    )
    assert (clash["event_date"], clash["time_precision"]) == ("2024-05-08", "1")
    assert abs(float(clash["latitude"]) - 48.91) < 0.05
    assert (calm["events"], calm["event_type"]) == ("0", "")
    assert shelling["sub_event_type"] == "Shelling/artillery/missile attack"
    assert (shelling["location"], shelling["admin1"], shelling["fatalities"]) == (
        "Toretsk", "Donetsk", "0",
    )  # fmt: skip
    assert "Casualties unknown" in shelling["notes"]


def test_predict_events_usage_errors(tmp_path: Path) -> None:
    assert main(["predict", "events", str(tmp_path / "none.tsv")]) == 2
    headless = tmp_path / "headless.tsv"
    headless.write_text("r1\tRussian forces shelled Toretsk.\n", encoding="utf-8")
    assert main(["predict", "events", str(headless)]) == 2
