"""Names from inputs made safe to store and print: bytes that are not UTF-8, controls.

File names on POSIX are bytes; Python reads the ones that are not UTF-8 with stand-ins
(``surrogateescape``) that cannot be stored or printed. :func:`shown_path` writes those
bytes as ``\\xNN``. :func:`printable` escapes what a terminal would act on (newlines,
escape sequences, other control and format characters such as bidi overrides), so a
name, URL or reason printed from an input can neither forge a line nor drive the
terminal.
"""

from __future__ import annotations

import os
import unicodedata

_ESCAPED_CATEGORIES = frozenset({"Cc", "Cf", "Cs", "Zl", "Zp", "Co", "Cn"})


def shown_path(name: str | os.PathLike[str]) -> str:
    """``name`` with the bytes of a non-UTF-8 file name written as ``\\xNN``."""
    text = os.fspath(name)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return os.fsencode(text).decode("utf-8", "backslashreplace")
    return text


def printable(text: str) -> str:
    """``text`` with control, format and unassigned characters escaped (``\\n``, ``\\x1b``)."""
    if text.isprintable():
        return text
    return "".join(_escape(char) for char in text)


def _escape(char: str) -> str:
    if char == " " or unicodedata.category(char) not in _ESCAPED_CATEGORIES:
        return char
    escaped = char.encode("unicode_escape", "backslashreplace").decode("ascii")
    return escaped if escaped != char else f"\\u{ord(char):04x}"
