"""Bytes on disk -> clean text: size cap, encoding detection, binary rejection, normalisation.

Encodings are tried in this order:

1. a byte-order mark: UTF-8, UTF-16 or UTF-32 with a BOM;
2. UTF-16 without a BOM, recognised by its pattern of NUL bytes (every other byte NUL,
   as Latin-script text in UTF-16 has);
3. UTF-8 without a BOM;
4. the encoding the document declares (HTML ``<meta charset>``, an HTTP ``charset``),
   when the caller passes it;
5. cp1252 (Windows Western European, a superset of printable Latin-1).

Anything else holding NUL bytes, or many control characters, is binary data, not text.
"""

from __future__ import annotations

import codecs
import logging
import re
import unicodedata
from pathlib import Path

import ftfy

from storytrace.errors import InputRejected

logger = logging.getLogger(__name__)

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),  # before UTF-16 LE: it starts with the same two bytes
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f]")  # C0 controls other than \t \n \v \f \r
_MAX_CONTROL_SHARE = 0.01
_NOT_TEXT = frozenset(
    # not text, or (UTF-16/32 declared by an 8-bit page, as the HTML standard says) ignored
    (
        "utf-7",
        "rot-13",
        "idna",
        "punycode",
        "raw-unicode-escape",
        "unicode-escape",
        "undefined",
        "utf-16",
        "utf-16-le",
        "utf-16-be",
        "utf-32",
        "utf-32-le",
        "utf-32-be",
    )
)
_UTF16_SNIFF = 4096  # bytes looked at to recognise UTF-16 without a BOM
_UTF16_MIN_NUL_SHARE = 0.5  # of the high bytes: Latin-script text has NUL in most of them


def read_capped(path: Path, source: str, max_bytes: int) -> bytes:
    """The file's bytes, rejected when empty or larger than ``max_bytes``."""
    size = path.stat().st_size
    if size > max_bytes:
        raise InputRejected(
            source, f"{size} bytes, over the size cap of {max_bytes}; raise --max-bytes"
        )
    with path.open("rb") as handle:
        data = handle.read(max_bytes + 1)
    if len(data) > max_bytes:  # the file grew after stat()
        raise InputRejected(source, f"over {max_bytes} bytes, the size cap; raise --max-bytes")
    if not data:
        raise InputRejected(source, "empty file (0 bytes); remove it or add the article text")
    return data


def decode_bytes(data: bytes, source: str, *, declared: str | None = None) -> str:
    """Decode ``data`` as text, trying the encodings in the module docstring in order."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return _check_controls(data.decode(encoding), source)
            except UnicodeDecodeError as err:
                raise InputRejected(
                    source,
                    f"binary data, not text: starts with a {encoding} byte-order mark "
                    f"but does not decode ({err.reason} at byte {err.start}); "
                    "save it as UTF-8",
                ) from None
    nul = data.find(b"\x00")
    utf16 = utf16_without_bom(data) if nul >= 0 else None
    if utf16 is not None:
        try:
            return _check_controls(data.decode(utf16), source)
        except UnicodeDecodeError:
            logger.debug("%s: looks like %s without a BOM but does not decode", source, utf16)
    if nul >= 0:
        raise InputRejected(
            source,
            f"binary data, not text: NUL byte at offset {nul}; "
            "if it is UTF-16 text, save it with a byte-order mark or as UTF-8",
        )
    offset = 0
    for encoding in _candidates(declared):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError as err:
            offset = err.start
            continue
        if encoding != "utf-8":
            logger.debug("%s: not UTF-8, decoded as %s", source, encoding)
        return _check_controls(text, source)
    raise InputRejected(
        source,
        f"binary data, not text: not decodable as UTF-8 or cp1252 "
        f"(byte 0x{data[offset]:02x} at offset {offset}); save it as UTF-8",
    )


def utf16_without_bom(data: bytes) -> str | None:
    """``"utf-16-le"`` or ``"utf-16-be"`` when the NUL bytes fall in every other place."""
    head = data[:_UTF16_SNIFF]
    if len(data) % 2 or len(head) < 8:
        return None
    even, odd = head[0::2].count(0), head[1::2].count(0)
    half = len(head) // 2
    if odd >= _UTF16_MIN_NUL_SHARE * half and even == 0:
        return "utf-16-le"
    if even >= _UTF16_MIN_NUL_SHARE * half and odd == 0:
        return "utf-16-be"
    return None


def text_encoding(declared: str | None) -> str | None:
    """Python's name for a declared charset, or None when it is unknown or not a text one.

    ``zlib_codec``, ``base64``, ``rot13`` and the like are codecs but not text encodings;
    UTF-7 can smuggle markup past filters. A page declaring one counts as declaring none.
    """
    if not declared:
        return None
    try:
        info = codecs.lookup(declared)
    except (LookupError, ValueError):
        logger.debug("unknown declared encoding %r, ignored", declared)
        return None
    if not getattr(info, "_is_text_encoding", True) or info.name in _NOT_TEXT:
        logger.debug("declared encoding %r is not a text encoding, ignored", declared)
        return None
    return info.name


def _candidates(declared: str | None) -> list[str]:
    """UTF-8, then the declared encoding if Python knows it as a text one, then cp1252."""
    names = ["utf-8"]
    name = text_encoding(declared)
    if name and name not in names:
        names.append(name)
    if "cp1252" not in names:
        names.append("cp1252")
    return names


def _check_controls(text: str, source: str) -> str:
    """Reject text that is mostly control characters (binary data that happened to decode)."""
    controls = len(_CONTROL.findall(text))
    if text and controls / len(text) > _MAX_CONTROL_SHARE:
        raise InputRejected(
            source,
            f"binary data, not text: {controls} control characters in {len(text)}; "
            "pass text, HTML or JSONL files",
        )
    return text


def normalise_text(text: str) -> str:
    """Newlines to ``\\n``, mojibake repaired (UTF-8 read as cp1252 or Latin-1 once or
    more: "FranÃ§ois" -> "François"; ftfy changes nothing else), NFC normalisation, outer
    whitespace stripped."""
    text = ftfy.fix_encoding(text.replace("\r\n", "\n").replace("\r", "\n"))
    return unicodedata.normalize("NFC", text).strip()


def read_text(path: Path, source: str, max_bytes: int) -> str:
    """Read, decode and normalise a text file; rejects empty, oversized and binary files."""
    text = normalise_text(decode_bytes(read_capped(path, source, max_bytes), source))
    if not text:
        raise InputRejected(source, "empty file (only whitespace); remove it or add the text")
    return text
