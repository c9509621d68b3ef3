"""Decoding and normalising text files: encodings, binary data, empty and oversized files."""

from __future__ import annotations

import codecs
import unicodedata
from pathlib import Path

import pytest
from ingest_helpers import split

from storytrace.errors import ConfigError
from storytrace.ingest import read_inputs

TEXT = (
    "Café owners in Köln say prices rose – “sharply” – this year.\n\n"
    "The chamber of commerce said on Monday that rents had gone up by about 12 per cent, "
    "and that many owners were now thinking about closing their shops."
)


def _read_one(path: Path) -> str:
    (article,), rejected = split(read_inputs([str(path)]))
    assert rejected == []
    return article.text


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("cp1252.txt", TEXT.encode("cp1252")),
        ("utf8.txt", TEXT.encode("utf-8")),
        ("utf8-bom.txt", codecs.BOM_UTF8 + TEXT.encode("utf-8")),
        ("utf16-le.txt", TEXT.encode("utf-16")),  # Python writes the BOM
        ("utf16-be.txt", codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be")),
        ("utf16-le-no-bom.txt", TEXT.encode("utf-16-le")),
        ("utf16-be-no-bom.txt", TEXT.encode("utf-16-be")),
        ("utf32.txt", TEXT.encode("utf-32")),
    ],
)
def test_encodings_decode_to_the_same_text(tmp_path: Path, name: str, data: bytes) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    assert _read_one(path) == TEXT


def test_newlines_whitespace_and_nfc_are_normalised(tmp_path: Path) -> None:
    decomposed = unicodedata.normalize("NFD", TEXT)
    assert decomposed != TEXT
    path = tmp_path / "messy.txt"
    path.write_bytes(("\r\n  \t" + decomposed.replace("\n", "\r\n") + "\r \n\n").encode())
    assert _read_one(path) == TEXT


def test_old_mac_newlines_become_line_feeds(tmp_path: Path) -> None:
    path = tmp_path / "mac.txt"
    path.write_bytes(TEXT.replace("\n", "\r").encode())
    assert _read_one(path) == TEXT


def test_file_without_extension_is_read_as_text(tmp_path: Path) -> None:
    path = tmp_path / "ARTICLE"
    path.write_text(TEXT, encoding="utf-8")
    assert _read_one(path) == TEXT


def _reason(path: Path, max_bytes: int = 20_000_000) -> str:
    articles, (rejected,) = split(read_inputs([str(path)], max_bytes=max_bytes))
    assert articles == []
    assert rejected.source == str(path)
    return rejected.reason


def test_nul_bytes_are_binary(tmp_path: Path) -> None:
    path = tmp_path / "image.txt"
    path.write_bytes(b"GIF89a\x01\x00\x01\x00\x80\x00\x00")
    assert _reason(path) == (
        "binary data, not text: NUL byte at offset 7; "
        "if it is UTF-16 text, save it with a byte-order mark or as UTF-8"
    )


def test_nul_bytes_in_no_pattern_are_binary_not_utf16(tmp_path: Path) -> None:
    path = tmp_path / "mixed.txt"
    # NULs at both even and odd offsets: not the every-other-byte pattern of UTF-16.
    path.write_bytes(b"ab\x00\x00cd\x00e\x00fgh\x00\x00ij" * 4)
    assert _reason(path).startswith("binary data, not text: NUL byte at offset 2;")


def test_undecodable_bytes_are_binary(tmp_path: Path) -> None:
    path = tmp_path / "garbage.txt"
    path.write_bytes(b"abc \x81\x8d\x8f\x90\x9d def")  # undefined in UTF-8 and cp1252
    assert _reason(path) == (
        "binary data, not text: not decodable as UTF-8 or cp1252 "
        "(byte 0x81 at offset 4); save it as UTF-8"
    )


def test_control_characters_are_binary(tmp_path: Path) -> None:
    path = tmp_path / "controls.txt"
    path.write_bytes(bytes(range(1, 9)) * 20 + b"some text")
    assert _reason(path).startswith("binary data, not text: 160 control characters in 169;")


def test_empty_file_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    assert _reason(path) == "empty file (0 bytes); remove it or add the article text"


def test_whitespace_only_file_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "blank.txt"
    path.write_text(" \n\t\r\n   \n", encoding="utf-8")
    assert _reason(path) == "empty file (only whitespace); remove it or add the text"


def test_oversized_file_is_rejected_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    path.write_text("word " * 300, encoding="utf-8")
    assert _reason(path, max_bytes=1000) == (
        "1500 bytes, over the size cap of 1000; raise --max-bytes"
    )


def test_file_at_the_size_cap_is_read(tmp_path: Path) -> None:
    path = tmp_path / "exact.txt"
    path.write_bytes(TEXT.encode("utf-8"))
    articles, rejected = split(read_inputs([str(path)], max_bytes=len(TEXT.encode("utf-8"))))
    assert rejected == []
    assert len(articles) == 1


def test_max_bytes_must_be_positive() -> None:
    with pytest.raises(ConfigError, match="max_bytes must be a positive number of bytes, not 0"):
        read_inputs([], max_bytes=0)  # raised at the call, before any file is read
