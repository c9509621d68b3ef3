"""Line-based exports (JSONL, CSV) decoded so that one bad line spoils only itself.

1. A file with a UTF-16 or UTF-32 byte-order mark, or UTF-16 without one, is decoded
   whole (``decode.py``): its lines cannot be told apart before decoding.
2. Anything else is decoded as UTF-8, an invalid byte kept as a stand-in
   (``surrogateescape``) so the good lines around it keep their exact text (and so their
   article id); a UTF-8 byte-order mark is dropped.
3. A file with invalid UTF-8 and no valid non-ASCII UTF-8 anywhere is a legacy export:
   it is decoded as cp1252 (Windows Western European) as a whole, which changes no ASCII
   line; a mix of valid and invalid UTF-8 is never re-decoded.

A line (JSONL) or row (CSV) that still holds an invalid byte or a NUL is rejected alone,
with its line number, by :func:`line_problem`.
"""

from __future__ import annotations

import codecs
import logging
import re
import unicodedata
from pathlib import Path

from storytrace.errors import InputRejected
from storytrace.ingest.decode import decode_bytes, read_capped, utf16_without_bom
from storytrace.ingest.names import printable

logger = logging.getLogger(__name__)

_WIDE_BOMS = (codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
_ESCAPED = re.compile("[\udc80-\udcff]")
_VALID_NON_ASCII = re.compile("[\u0080-\udc7f\udd00-\U0010ffff]")
_BAD = re.compile("[\x00\udc80-\udcff]")


def read_export(path: Path, source: str, max_bytes: int) -> str:
    """The text of a JSONL or CSV file, decoded as in the module docstring."""
    data = read_capped(path, source, max_bytes)
    if data.startswith(_WIDE_BOMS) or (b"\x00" in data and utf16_without_bom(data)):
        text = decode_bytes(data, source)
    else:
        text = data.removeprefix(codecs.BOM_UTF8).decode("utf-8", "surrogateescape")
        if _ESCAPED.search(text) and not _VALID_NON_ASCII.search(text):
            logger.warning(
                "%s: not UTF-8 and no UTF-8 line in it; read as cp1252", printable(source)
            )
            text = text.encode("utf-8", "surrogateescape").decode("cp1252", "surrogateescape")
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    if not text.strip():
        raise InputRejected(source, "empty file (only whitespace); remove it or add the text")
    return text


def line_problem(text: str) -> str | None:
    """Why a line cannot be read as text (an invalid byte, a NUL), or None when it can."""
    bad = _BAD.search(text)
    if bad is None:
        return None
    column = bad.start() + 1
    if bad[0] == "\x00":
        return f"a NUL byte at column {column}; binary data, not text"
    return f"not UTF-8: byte 0x{ord(bad[0]) - 0xDC00:02x} at column {column}; save it as UTF-8"
