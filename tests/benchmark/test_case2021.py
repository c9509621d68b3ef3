"""``bench quality case2021`` on a slice: cross-validated coding scored against the labels."""

from __future__ import annotations

import csv
from pathlib import Path

from storytrace.benchmark.case2021 import score
from storytrace.training.event_types import DATA, Negatives


def test_the_scorer_codes_a_slice_by_folds_and_reports_the_figures(tmp_path: Path) -> None:
    with DATA.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))
    picked = [r for r in rows if r["code"] in ("ARMED_CLASH", "PEACE_PROTEST")][:8]
    picked += [r for r in rows if r["code"] == "NATURAL_DISASTER"][:2]
    path = tmp_path / "slice.tsv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]), delimiter="\t",
                                quoting=csv.QUOTE_NONE, escapechar="\\")  # fmt: skip
        writer.writeheader()
        writer.writerows(picked)
    found = score(path, folds=2, negatives=Negatives.read(step=60))  # a slice of the news
    assert (found["snippets"], found["acled_snippets"], found["non_acled_snippets"]) == (10, 8, 2)
    assert 0.0 <= found["sub_event_weighted_f1"] <= 1.0
    assert found["acled_snippets_with_an_event"] >= 0.5
    assert sum(found["non_acled_coded_as"].values()) == 2
    assert found["errors"] == 0
