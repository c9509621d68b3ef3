"""Each input alone: odd names, bad lines, skipped paths, symlinks, charsets, escaping."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from ingest_helpers import page, split

from storytrace.ingest import ReadOptions, read_inputs
from storytrace.ingest.names import printable, shown_path
from storytrace.records import content_hash

FIRST = "Storm Ida cut power to 40,000 homes overnight, the utility said on Monday morning."
SECOND = "Crews in Köln expect to restore power to most homes by Wednesday, the company said."
THIRD = "The regulator said on Tuesday it would review the utility's storm plans next month."


def test_a_file_name_that_is_not_utf8_is_read_and_shown_escaped(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    odd = os.path.join(os.fsencode(folder), b"caf\xe9 report.txt")
    Path(os.fsdecode(odd)).write_text(FIRST, encoding="utf-8")
    (folder / "z-after.txt").write_text(SECOND, encoding="utf-8")
    (folder / "y-bad\xff.txt".encode("utf-8", "surrogateescape").decode()).write_bytes(b"")
    articles, (rejected,) = split(read_inputs([str(folder)]))
    assert [a.text for a in articles] == [FIRST, SECOND]
    assert articles[0].source == f"{folder}/caf\\xe9 report.txt"
    articles[0].source.encode("utf-8")  # storable and printable
    assert rejected.reason.startswith("empty file")


def test_bad_jsonl_lines_are_rejected_alone_and_good_lines_keep_their_text(
    tmp_path: Path,
) -> None:
    path = tmp_path / "export.jsonl"
    path.write_bytes(
        b"\n".join(
            [
                json.dumps({"text": FIRST}).encode(),
                b'{"text": "Bad \x00 line with a NUL byte in it, which is binary."}',
                b'{"text": "Bad \xff line with a byte that is not UTF-8 at all."}',
                json.dumps({"text": SECOND}, ensure_ascii=False).encode("utf-8"),
                json.dumps({"text": THIRD}).encode(),
            ]
        )
    )
    articles, rejected = split(read_inputs([str(path)]))
    assert [a.text for a in articles] == [FIRST, SECOND, THIRD]
    assert [a.id for a in articles] == [content_hash(t) for t in (FIRST, SECOND, THIRD)]
    assert [(r.source, r.reason) for r in rejected] == [
        (f"{path}:2", "a NUL byte at column 15; binary data, not text; fix or remove the line"),
        (
            f"{path}:3",
            "not UTF-8: byte 0xff at column 15; save it as UTF-8; fix or remove the line",
        ),
    ]


def test_bad_csv_rows_are_rejected_alone(tmp_path: Path) -> None:
    path = tmp_path / "export.csv"
    path.write_bytes(
        b'text,outlet\n"'
        + FIRST.encode()
        + b'",Herald\n"Row with \xe9 in Latin-1",Herald\n"'
        + SECOND.encode()
        + b'",Zeitung\n"Row \x00 NUL",Herald\n'
    )
    articles, rejected = split(read_inputs([str(path)]))
    assert [(a.text, a.outlet) for a in articles] == [(FIRST, "Herald"), (SECOND, "Zeitung")]
    assert [r.source for r in rejected] == [f"{path}:3", f"{path}:5"]
    assert rejected[0].reason.startswith("not UTF-8: byte 0xe9 at character 10")
    assert rejected[1].reason.startswith("a NUL byte at character 5")


def test_a_consistently_cp1252_jsonl_file_is_still_read(tmp_path: Path) -> None:
    path = tmp_path / "legacy.jsonl"
    lines = [json.dumps({"text": t}, ensure_ascii=False) for t in (FIRST, SECOND)]
    path.write_bytes("\n".join(lines).encode("cp1252"))
    articles, rejected = split(read_inputs([str(path)]))
    assert rejected == [] and [a.text for a in articles] == [FIRST, SECOND]


@pytest.fixture
def tree(tmp_path: Path) -> tuple[Path, Path]:
    """An input folder holding a good file and every kind of path a walk must not skip quietly."""
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text(THIRD, encoding="utf-8")
    (outside / "more").mkdir()
    (outside / "more" / "other.txt").write_text(SECOND, encoding="utf-8")
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a-good.txt").write_text(FIRST, encoding="utf-8")
    os.mkfifo(folder / "b-pipe.txt")
    (folder / "c-dangling.txt").symlink_to(folder / "gone.txt")
    (folder / "d-loop.txt").symlink_to(folder / "d-loop2.txt")
    (folder / "d-loop2.txt").symlink_to(folder / "d-loop.txt")
    (folder / "e-leak.txt").symlink_to(outside / "secret.txt")
    (folder / "f-dir-leak").symlink_to(outside / "more")
    (folder / "g-inside.txt").symlink_to(folder / "a-good.txt")
    return folder, outside


def test_every_skipped_path_is_named_with_its_reason(tree: tuple[Path, Path]) -> None:
    folder, outside = tree
    articles, rejected = split(read_inputs([str(folder)]))
    assert [a.source for a in articles] == [f"{folder}/a-good.txt", f"{folder}/g-inside.txt"]
    reasons = {Path(r.source).name: r.reason for r in rejected}
    assert reasons == {
        "b-pipe.txt": "not a regular file (a FIFO); skipped",
        "c-dangling.txt": f"a dangling symlink (its target {folder}/gone.txt does not exist); "
        "skipped",
        "d-loop.txt": "a symlink loop (it leads back to itself); skipped",
        "d-loop2.txt": "a symlink loop (it leads back to itself); skipped",
        "e-leak.txt": f"a symlink to {outside}/secret.txt, outside the input folder; "
        "not followed (pass --follow-symlinks to read it)",
        "f-dir-leak": f"a symlink to {outside}/more, outside the input folder; "
        "not followed (pass --follow-symlinks to read it)",
    }


def test_symlinks_out_of_the_folder_are_read_when_asked(tree: tuple[Path, Path]) -> None:
    folder, _ = tree
    articles, rejected = split(
        read_inputs([str(folder)], options=ReadOptions(follow_symlinks=True))
    )
    assert [a.text for a in articles] == [FIRST, THIRD, SECOND, FIRST]
    assert {Path(r.source).name for r in rejected} == {
        "b-pipe.txt",
        "c-dangling.txt",
        "d-loop.txt",
        "d-loop2.txt",
    }


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads folders whatever their mode")
def test_an_unreadable_sub_folder_is_named(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(FIRST, encoding="utf-8")
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "b.txt").write_text(SECOND, encoding="utf-8")
    locked.chmod(0)
    try:
        articles, (rejected,) = split(read_inputs([str(tmp_path)]))
    finally:
        locked.chmod(0o755)
    assert [a.text for a in articles] == [FIRST]
    assert rejected.source == str(locked)
    assert rejected.reason.startswith("cannot list this folder (Permission denied)")


@pytest.mark.parametrize("charset", ["zlib_codec", "base64", "rot13", "hex", "utf-7", "bogus-9"])
def test_a_page_declaring_a_non_text_charset_is_read_as_undeclared(
    tmp_path: Path, charset: str
) -> None:
    html = page("Power back in Köln", SECOND, THIRD).replace("utf-8", charset)
    assert f'charset="{charset}"' in html
    path = tmp_path / "page.html"
    path.write_bytes(html.encode("utf-8"))
    (article,), rejected = split(read_inputs([str(path)]))
    assert rejected == []
    assert SECOND in article.text and article.title == "Power back in Köln"


@pytest.mark.parametrize(
    ("charset", "tail"),
    [("zlib_codec", "Köln"), ("base64", "Köln"), ("shift_jis", "東京"), ("windows-1252", "Köln")],
)
def test_a_feed_declaring_any_encoding_is_read(tmp_path: Path, charset: str, tail: str) -> None:
    path = tmp_path / "feed.rss"
    text = f"{THIRD} {tail}"
    path.write_bytes(
        (
            f'<?xml version="1.0" encoding="{charset}"?><rss version="2.0"><channel>'
            "<title>Courier</title><item><title>Power back</title><content:encoded xmlns:"
            f'content="http://purl.org/rss/1.0/modules/content/">&lt;p&gt;{text}&lt;/p&gt;'
            "</content:encoded></item></channel></rss>"
        ).encode(charset if charset in ("shift_jis", "windows-1252") else "utf-8")
    )
    (article,), rejected = split(read_inputs([str(path)]))
    assert rejected == []
    assert article.text.endswith(text)


def test_printed_names_cannot_forge_lines_or_drive_the_terminal() -> None:
    hostile = "a.txt: ok\nstorytrace: rejected x\x1b[2J\x1b]0;pwned\x07\u202egnp.exe\u2028"
    shown = printable(hostile)
    assert shown == (
        "a.txt: ok\\nstorytrace: rejected x\\x1b[2J\\x1b]0;pwned\\x07\\u202egnp.exe\\u2028"
    )
    assert shown.isprintable()
    assert printable("Café, Zürich – «quoted»") == "Café, Zürich – «quoted»"
    assert shown_path("caf\udce9.txt") == "caf\\xe9.txt"
