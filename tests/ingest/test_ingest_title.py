"""The headline rule: a short first line that does not read as a sentence is the title."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from ingest_helpers import split

from storytrace.ingest import read_inputs

BODY = "Officials said on Monday that the bridge would stay closed until the end of the month."


def _title_of(tmp_path: Path, text: str) -> tuple[str | None, str]:
    path = tmp_path / "story.txt"
    path.write_text(text, encoding="utf-8")
    (article,), rejected = split(read_inputs([str(path)]))
    assert rejected == []
    return article.title, article.text


@pytest.mark.parametrize(
    ("first_line", "title"),
    [
        ("Bridge to stay closed until May", "Bridge to stay closed until May"),
        ("  Bridge   to stay closed  ", "Bridge to stay closed"),
        ("Why is the bridge still closed?", None),
        ("The bridge will stay closed.", None),
        ("Bridge closed!", None),
        ("“The bridge stays shut,” says mayor", "“The bridge stays shut,” says mayor"),
        ("Mayor: “The bridge stays shut”", None),
        ("The mayor said:", None),
        ("Updated", None),
        ("12 / 05 / 2024", None),
        ("Bridge " + "very " * 40 + "long", None),
    ],
)
def test_first_line_headline_rule(tmp_path: Path, first_line: str, title: str | None) -> None:
    found, text = _title_of(tmp_path, f"{first_line}\n\n{BODY}")
    assert found == title
    assert text.endswith(BODY)
    assert text.startswith(first_line.strip())  # the headline stays in the stored text


def test_single_line_text_has_no_title(tmp_path: Path) -> None:
    assert _title_of(tmp_path, "Bridge to stay closed until May")[0] is None


def test_leading_blank_lines_are_skipped(tmp_path: Path) -> None:
    title, text = _title_of(tmp_path, f"\n\n   \nBridge to stay closed\n{BODY}")
    assert title == "Bridge to stay closed"
    assert text == f"Bridge to stay closed\n{BODY}"


def test_sidecar_title_wins_over_the_first_line(tmp_path: Path) -> None:
    (tmp_path / "story.meta.json").write_text(json.dumps({"title": "Given"}), encoding="utf-8")
    assert _title_of(tmp_path, f"Bridge to stay closed\n\n{BODY}")[0] == "Given"
