"""Events on the fictional example corpus: one fire told by six articles, its disputed toll."""

from __future__ import annotations

import csv
import io
from typing import Any

from storytrace.cli.main import main
from storytrace_testkit import Run


def _story_with(run: Run, phrase: str) -> dict[str, Any]:
    (story,) = [s for s in run.document["stories"] if phrase in s["title"] or any(
        phrase in m["text"] for g in s["claim_groups"] for m in g["members"])]  # fmt: skip
    return story


def test_the_warehouse_fire_is_one_event_merged_across_articles(corpus_run: Run) -> None:
    story = _story_with(corpus_run, "Three workers were killed in the blast")
    (event,) = story["events"]
    assert (event["event_type"], event["sub_event_type"]) == ("Incident", "Fire/explosion")
    assert len(event["article_ids"]) >= 5  # told by the wire, its copies and two others
    assert len(event["claim_group_ids"]) >= 3
    place = event["location"]
    assert (place["name"], place["country"], event["geo_precision"]) == ("Gent", "BE", 1)
    assert (event["date"]["start"], event["time_precision"]) == ("2026-03-10", 1)


def test_the_disputed_death_toll_keeps_every_value_and_codes_the_lowest(corpus_run: Run) -> None:
    (event,) = _story_with(corpus_run, "Three workers were killed in the blast")["events"]
    fatalities = event["count"]["fatalities"]
    assert {3, 5} == set(fatalities["values"])
    assert fatalities["conservative"] == 3
    assert event["count"]["conservative"] == 3
    assert "Figures differ (fatalities): 3 (" in event["notes"]
    assert "5 (Riverside Daily)" in event["notes"] and "Coded the lowest, 3" in event["notes"]
    kinds = {r["kind"] for r in event["count"]["reports"]}
    assert "evacuated" in kinds  # "about 300 residents had been evacuated" joined it


def test_the_ferry_is_an_incident_on_its_day_and_the_library_no_event(corpus_run: Run) -> None:
    (ferry,) = _story_with(corpus_run, "ran aground")["events"]
    assert (ferry["sub_event_type"], ferry["date"]["start"]) == ("Transport accident", "2026-05-17")
    assert ferry["location"]["country"] == "HR"
    assert _story_with(corpus_run, "Fontainhas")["events"] == []


def test_acled_export_leaves_incidents_out(corpus_run: Run, tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "events.csv"
    assert main(["export", "--db", str(corpus_run.out.parent / "st.db"), "--format", "acled",
                 "--out", str(out)]) == 0  # fmt: skip
    assert list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8")))) == []
