"""JSONL files: one article a line, each bad line rejected on its own as FILE:LINE."""

from __future__ import annotations

import json
from pathlib import Path

from ingest_helpers import split

from storytrace.ingest import read_inputs
from storytrace.records import content_hash

FIRST = "Storm Ida cut power to 40,000 homes overnight, the utility said on Monday morning."
SECOND = "Crews expect to restore power to most homes by Wednesday, the company said later."


def _jsonl(tmp_path: Path, lines: list[str]) -> Path:
    path = tmp_path / "articles.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_good_lines_become_articles_with_their_metadata(tmp_path: Path) -> None:
    path = _jsonl(
        tmp_path,
        [
            json.dumps(
                {
                    "text": FIRST,
                    "title": "Storm cuts power",
                    "outlet": "Coast  Herald",
                    "url": "https://herald.example/ida",
                    "author": "Ana Ruiz",
                    "published": "2021-08-30",
                    "doc_id": "ignored-extra-key",
                }
            ),
            json.dumps({"text": SECOND}),
        ],
    )
    (first, second), rejected = split(read_inputs([str(path)]))
    assert rejected == []
    assert first.text == FIRST
    assert first.id == content_hash(FIRST)
    assert (first.title, first.outlet, first.url, first.author, first.published) == (
        "Storm cuts power",
        "Coast Herald",
        "https://herald.example/ida",
        "Ana Ruiz",
        "2021-08-30",
    )
    assert first.source == f"{path}:1"
    assert (second.source, second.outlet, second.title) == (f"{path}:2", None, None)


def test_malformed_lines_are_rejected_and_good_lines_kept(tmp_path: Path) -> None:
    path = _jsonl(
        tmp_path,
        [
            json.dumps({"text": FIRST}),
            '{"text": "unfinished',
            "",
            '["not", "an", "object"]',
            json.dumps({"title": "No text here"}),
            json.dumps({"text": 12}),
            json.dumps({"text": "   "}),
            json.dumps({"text": SECOND, "published": "last Tuesday"}),
            json.dumps({"text": SECOND, "outlet": ["a", "b"]}),
            json.dumps({"text": SECOND}),
        ],
    )
    articles, rejected = split(read_inputs([str(path)]))
    assert [a.source for a in articles] == [f"{path}:1", f"{path}:10"]
    assert [(r.source, r.reason) for r in rejected] == [
        (
            f"{path}:2",
            "not valid JSON (column 10: Unterminated string starting at); fix or remove the line",
        ),
        (f"{path}:4", "expected a JSON object, got an array; fix or remove the line"),
        (f"{path}:5", "no 'text' field (the article text is required); fix or remove the line"),
        (f"{path}:6", "'text' must be a string, got a number; fix or remove the line"),
        (f"{path}:7", "no article text (empty or only whitespace); fix or remove the line"),
        (
            f"{path}:8",
            "'published' is not an ISO 8601 date: 'last Tuesday' "
            "(write it like 2022-03-10 or 2022-03-10T14:30:00Z); fix or remove the line",
        ),
        (
            f"{path}:9",
            "'outlet' must be a string, got an array (['a', 'b']); fix or remove the line",
        ),
    ]


def test_crlf_jsonl_with_bom_is_read(tmp_path: Path) -> None:
    path = tmp_path / "windows.jsonl"
    lines = [json.dumps({"text": FIRST}), json.dumps({"text": SECOND})]
    path.write_bytes(b"\xef\xbb\xbf" + "\r\n".join(lines).encode("utf-8") + b"\r\n")
    articles, rejected = split(read_inputs([str(path)]))
    assert rejected == []
    assert [a.text for a in articles] == [FIRST, SECOND]


def test_same_text_on_two_lines_gives_the_same_id(tmp_path: Path) -> None:
    path = _jsonl(tmp_path, [json.dumps({"text": FIRST}), json.dumps({"text": f"  {FIRST}\n"})])
    (one, two), _ = split(read_inputs([str(path)]))
    assert one.id == two.id
    assert one.source != two.source


def test_mojibake_in_a_line_is_repaired_and_nothing_else_changes(tmp_path: Path) -> None:
    """UTF-8 once read as cp1252 ("FranÃ§ois"), as scraped archives carry it, is read back;
    curly quotes, dashes and accents that were right stay as they were."""
    broken = "FranÃ§ois Hollande said the attack in Nice was “a terrorist act” — 84 died."
    right = "François Hollande said the attack in Nice was “a terrorist act” — 84 died."
    path = _jsonl(tmp_path, [json.dumps({"text": broken}), json.dumps({"text": right + " Café."})])
    (first, second), rejected = split(read_inputs([str(path)]))
    assert rejected == []
    assert first.text == right
    assert second.text == right + " Café."
