"""Metadata sidecars: values applied, malformed sidecars reject their article with a reason."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import pytest
from ingest_helpers import split

from storytrace.ingest import read_inputs

TEXT = (
    "Flooding closed the main road into Marlow on Sunday, police said.\n\n"
    "Officers expect it to reopen on Tuesday once the water level has dropped."
)


def _article_with_sidecar(tmp_path: Path, sidecar: str | bytes) -> Path:
    path = tmp_path / "marlow.txt"
    path.write_text(TEXT, encoding="utf-8")
    meta = tmp_path / "marlow.meta.json"
    if isinstance(sidecar, bytes):
        meta.write_bytes(sidecar)
    else:
        meta.write_text(sidecar, encoding="utf-8")
    return path


def test_every_sidecar_field_is_applied(tmp_path: Path) -> None:
    sidecar = {
        "outlet": " The\tMarlow  Gazette ",
        "title": "Road closed by floods",
        "url": "https://gazette.example/roads",
        "author": "Sam Reed",
        "published": "2024-01-07T08:15:00Z",
        "language": "en-GB",
    }
    path = _article_with_sidecar(tmp_path, json.dumps(sidecar))
    (article,), rejected = split(read_inputs([str(path)]))
    assert rejected == []
    assert article.outlet == "The Marlow Gazette"
    assert article.title == "Road closed by floods"
    assert article.url == "https://gazette.example/roads"
    assert article.author == "Sam Reed"
    assert article.published == "2024-01-07T08:15:00Z"
    assert article.language == "en"
    assert article.text == TEXT


def test_null_and_blank_values_count_as_missing(tmp_path: Path) -> None:
    path = _article_with_sidecar(tmp_path, '{"outlet": "   ", "title": null}')
    (article,), rejected = split(read_inputs([str(path)]))
    assert rejected == []
    assert article.outlet is None
    assert article.title is None  # the first line is a sentence, not a headline


def test_unknown_keys_are_ignored_with_a_warning(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    path = _article_with_sidecar(tmp_path, '{"outlet": "Gazette", "outlett": "typo"}')
    with caplog.at_level(logging.WARNING, logger="storytrace.ingest"):
        (article,), rejected = split(read_inputs([str(path)]))
    assert rejected == []
    assert article.outlet == "Gazette"
    assert "marlow.meta.json: ignoring unknown keys outlett" in caplog.text


@pytest.mark.parametrize(
    ("sidecar", "reason"),
    [
        (
            '{\n  "outlet": "Gazette"\n  "title": "x"\n}',
            "marlow.meta.json: not valid JSON (line 3: Expecting ',' delimiter); "
            "fix or remove the sidecar",
        ),
        (
            '["Gazette"]',
            "marlow.meta.json: expected a JSON object, got an array; fix or remove the sidecar",
        ),
        (
            '{"outlet": 42}',
            "marlow.meta.json: 'outlet' must be a string, got a number (42); "
            "fix or remove the sidecar",
        ),
        (
            '{"published": "7 January 2024"}',
            "marlow.meta.json: 'published' is not an ISO 8601 date: '7 January 2024' "
            "(write it like 2022-03-10 or 2022-03-10T14:30:00Z); fix or remove the sidecar",
        ),
        (
            '{"language": "English"}',
            "marlow.meta.json: 'language' is not an ISO 639-1 code: 'English' "
            "(write it like en); fix or remove the sidecar",
        ),
        (
            "  \n",
            "marlow.meta.json: empty, not a JSON object; fix or remove the sidecar",
        ),
        (
            b'{"outlet": "\x00"}',
            "marlow.meta.json: binary data, not text: NUL byte at offset 12; "
            "fix or remove the sidecar",
        ),
    ],
)
def test_malformed_sidecar_rejects_its_article(
    tmp_path: Path, sidecar: str | bytes, reason: str
) -> None:
    path = _article_with_sidecar(tmp_path, sidecar)
    articles, (rejected,) = split(read_inputs([str(path)]))
    assert articles == []
    assert rejected.source == str(path)
    assert rejected.reason == reason
    assert str(rejected) == f"{path}: {reason}"


def test_sidecar_given_directly_is_rejected(tmp_path: Path) -> None:
    path = _article_with_sidecar(tmp_path, '{"outlet": "Gazette"}')
    sidecar = str(path.with_name("marlow.meta.json"))
    articles, (rejected,) = split(read_inputs([sidecar]))
    assert articles == []
    assert rejected.source == sidecar
    assert rejected.reason == (
        "a metadata sidecar, read together with its article; "
        "pass the article file or its folder instead"
    )


def test_sidecar_belongs_to_its_own_stem_only(tmp_path: Path) -> None:
    _article_with_sidecar(tmp_path, '{"outlet": "Gazette"}')
    other = tmp_path / "marlow-2.txt"
    other.write_text(TEXT + "\n\nUpdated at noon.", encoding="utf-8")
    articles, rejected = split(read_inputs([str(tmp_path)]))
    assert rejected == []
    assert [(Path(a.source).name, a.outlet) for a in articles] == [
        ("marlow-2.txt", None),
        ("marlow.txt", "Gazette"),
    ]
