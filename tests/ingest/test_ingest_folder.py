"""Folders and mixed batches: every bad input is yielded as a rejection, the rest is read."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from ingest_helpers import IBT, SOFREP, split

from storytrace.errors import ConfigError
from storytrace.ingest import count_inputs, read_inputs

GOOD = (
    "Wildfire near Alder Creek\n\n"
    "A wildfire forced 300 people to leave their homes near Alder Creek on Friday, "
    "fire officials said. The fire has burned about 2,000 hectares."
)
OTHER = "Rail strike called off\n\nUnions called off Thursday's rail strike after a late pay offer."
HTML = (
    "<html><head><title>Bridge reopens</title>"
    '<meta property="og:site_name" content="River Times"></head><body><article>'
    "<p>The Hallam bridge reopened to traffic on Monday after six months of repairs, "
    "the city council said in a statement.</p>"
    "<p>Drivers had faced detours of up to twenty minutes while it was closed.</p>"
    "</article></body></html>"
)
SUPPORTED = (
    ".atom, .csv, .htm, .html, .jsonl, .rdf, .rss, .text, .tsv, .txt, .warc, .warc.gz, "
    ".xhtml, .xml (or no extension for plain text)"
)


@pytest.fixture
def mixed(tmp_path: Path, seeds: Path) -> Path:
    """A folder of good and bad inputs, with a subfolder and hidden entries."""
    folder = tmp_path / "inbox"
    (folder / "sub").mkdir(parents=True)
    (folder / ".git").mkdir()
    (folder / ".git" / "HEAD.txt").write_text(GOOD, encoding="utf-8")
    (folder / ".notes.txt").write_text(GOOD, encoding="utf-8")
    shutil.copy(seeds / f"{SOFREP}.txt", folder / "a_sofrep.txt")
    shutil.copy(seeds / f"{SOFREP}.meta.json", folder / "a_sofrep.meta.json")
    (folder / "b_binary.html").write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01")
    (folder / "c_empty.txt").write_bytes(b"")
    (folder / "d_huge.txt").write_bytes(b"news " * 3000)
    (folder / "e_badmeta.txt").write_text(GOOD, encoding="utf-8")
    (folder / "e_badmeta.meta.json").write_text('{"outlet": "X",}', encoding="utf-8")
    lines = [
        json.dumps({"text": GOOD, "outlet": "Valley News"}),
        "{oops",
        json.dumps({"text": OTHER}),
    ]
    (folder / "f_batch.jsonl").write_text("\n".join(lines), encoding="utf-8")
    (folder / "g_report.pdf").write_bytes(b"%PDF-1.4\n")
    (folder / "sub" / "bridge.html").write_text(HTML, encoding="utf-8")
    (folder / "sub" / "bridge copy.txt").write_text(GOOD + "\n", encoding="utf-8")
    (folder / "sub" / "orphan.meta.json").write_text("{}", encoding="utf-8")
    return folder


def test_mixed_folder_yields_articles_and_rejections_in_order(mixed: Path) -> None:
    results = list(read_inputs([str(mixed)], max_bytes=10_000))
    articles, rejected = split(results)
    assert [a.source for a in articles] == [
        f"{mixed}/a_sofrep.txt",
        f"{mixed}/f_batch.jsonl:1",
        f"{mixed}/f_batch.jsonl:3",
        f"{mixed}/sub/bridge copy.txt",
        f"{mixed}/sub/bridge.html",
    ]
    assert [a.outlet for a in articles] == ["SOFREP", "Valley News", None, None, "River Times"]
    assert [(r.source, r.reason) for r in rejected] == [
        (
            f"{mixed}/b_binary.html",
            "binary data, not text: NUL byte at offset 4; "
            "if it is UTF-16 text, save it with a byte-order mark or as UTF-8",
        ),
        (f"{mixed}/c_empty.txt", "empty file (0 bytes); remove it or add the article text"),
        (f"{mixed}/d_huge.txt", "15000 bytes, over the size cap of 10000; raise --max-bytes"),
        (
            f"{mixed}/e_badmeta.txt",
            "e_badmeta.meta.json: not valid JSON (line 1: Expecting property name enclosed "
            "in double quotes); fix or remove the sidecar",
        ),
        (
            f"{mixed}/f_batch.jsonl:2",
            "not valid JSON (column 2: Expecting property name "
            "enclosed in double quotes); fix or remove the line",
        ),
        (f"{mixed}/g_report.pdf", f"unsupported file type '.pdf'; supported: {SUPPORTED}"),
    ]
    assert len(results) == len(articles) + len(rejected) == 11


def test_same_text_in_two_files_gives_the_same_id(mixed: Path) -> None:
    articles, _ = split(read_inputs([str(mixed)]))
    ids = {Path(a.source).name: a.id for a in articles}
    # "bridge copy.txt" holds GOOD plus a trailing newline; line 1 of the JSONL holds GOOD.
    assert ids["bridge copy.txt"] == ids["f_batch.jsonl:1"]
    assert len(set(ids.values())) == len(ids) - 1


def test_count_inputs_matches_the_files_read(mixed: Path, seeds: Path) -> None:
    seen: list[str] = []
    list(read_inputs([str(mixed), str(seeds), "http://127.0.0.1:9/a"], on_file=seen.append))
    # 9 files in the folder (hidden entries and sidecars skipped), 2 seeds, 1 URL.
    assert count_inputs([str(mixed), str(seeds), "http://127.0.0.1:9/a"]) == len(seen) == 12
    assert seen[0] == f"{mixed}/a_sofrep.txt"
    assert seen[-1] == "http://127.0.0.1:9/a"


def test_reading_prints_nothing(mixed: Path, capsys: pytest.CaptureFixture[str]) -> None:
    list(read_inputs([str(mixed)], max_bytes=10_000))
    assert capsys.readouterr() == ("", "")


def test_non_web_schemes_are_rejected() -> None:
    given = "ftp://news.example/story.txt"
    articles, (rejected,) = split(read_inputs([given]))
    assert articles == []
    assert (rejected.source, rejected.reason) == (given, "not a file, a folder or an http(s) URL")


def test_unsupported_suffix_is_rejected_with_the_supported_list(tmp_path: Path) -> None:
    path = tmp_path / "scan.png"
    path.write_text(GOOD, encoding="utf-8")
    articles, (rejected,) = split(read_inputs([str(path)]))
    assert articles == []
    assert (rejected.source, rejected.reason) == (
        str(path),
        f"unsupported file type '.png'; supported: {SUPPORTED}",
    )


def test_dotted_names_without_a_real_extension_are_plain_text(tmp_path: Path) -> None:
    path = tmp_path / "report 2024.05.17"
    path.write_text(GOOD, encoding="utf-8")
    (article,), rejected = split(read_inputs([str(path)]))
    assert rejected == []
    assert article.title == "Wildfire near Alder Creek"


def test_missing_path_and_empty_folder_are_rejected(tmp_path: Path) -> None:
    (tmp_path / "empty" / ".hidden").mkdir(parents=True)
    (tmp_path / "empty" / "only.meta.json").write_text("{}", encoding="utf-8")
    missing, empty = str(tmp_path / "nope.txt"), str(tmp_path / "empty")
    articles, rejected = split(read_inputs([missing, empty]))
    assert articles == []
    assert [(r.source, r.reason) for r in rejected] == [
        (missing, "no such file or folder; check the path"),
        (
            empty,
            "no files in this folder (hidden files and .meta.json sidecars are skipped)",
        ),
    ]
    assert count_inputs([missing, empty]) == 2


def test_hidden_file_given_by_name_is_read(tmp_path: Path) -> None:
    path = tmp_path / ".draft.txt"
    path.write_text(GOOD, encoding="utf-8")
    articles, rejected = split(read_inputs([str(path)]))
    assert rejected == []
    assert [a.source for a in articles] == [str(path)]


def test_seed_folder_and_its_files_together_give_the_same_ids(seeds: Path) -> None:
    articles, _ = split(read_inputs([str(seeds), str(seeds / f"{IBT}.txt")]))
    assert [a.id for a in articles][1] == articles[2].id


def test_path_objects_are_accepted_and_sources_stay_as_given(seeds: Path) -> None:
    articles, rejected = split(read_inputs([seeds / f"{SOFREP}.txt"]))
    assert rejected == []
    assert [a.source for a in articles] == [str(seeds / f"{SOFREP}.txt")]


def test_a_bare_string_is_a_usage_error(seeds: Path) -> None:
    with pytest.raises(ConfigError, match="inputs must be a list of paths or URLs"):
        read_inputs(str(seeds))
