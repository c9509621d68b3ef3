"""JSONL reader: one article object a line, ``text`` required.

Each line is decoded and read on its own (see ``lines.py``): a malformed line, or one
holding an invalid byte or a NUL, is rejected with the source ``FILE:LINE`` and the good
lines are kept with their exact text. Keys other than ``text`` and the metadata
fields (``outlet``, ``title``, ``url``, ``author``, ``published``, ``language``) are
ignored, so exports of other tools with extra fields can be read as they are.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

from storytrace.errors import InputRejected
from storytrace.ingest.lines import line_problem, read_export
from storytrace.ingest.metadata import article_from_fields, json_kind
from storytrace.ingest.registry import ReadOptions, ReadResult, register_reader

_FIX = "fix or remove the line"


@register_reader("storytrace.ingest.jsonl.v1", suffixes=(".jsonl",))
def read_jsonl_file(path: Path, source: str, options: ReadOptions) -> Iterator[ReadResult]:
    """Articles from a JSONL file, each bad line yielded as its own InputRejected."""
    text = read_export(path, source, options.max_bytes)
    for number, line in enumerate(text.split("\n"), start=1):
        if line.strip():
            yield _read_line(line, f"{source}:{number}")


def _read_line(line: str, source: str) -> ReadResult:
    """One JSONL line as an Article, or the InputRejected saying what is wrong with it."""
    problem = line_problem(line)
    if problem:
        return InputRejected(source, f"{problem}; {_FIX}")
    try:
        data = json.loads(line)
    except json.JSONDecodeError as err:
        return InputRejected(source, f"not valid JSON (column {err.colno}: {err.msg}); {_FIX}")
    except RecursionError:
        return InputRejected(source, f"JSON nested too deeply to be an article; {_FIX}")
    if not isinstance(data, dict):
        return InputRejected(source, f"expected a JSON object, got {json_kind(data)}; {_FIX}")
    try:
        return article_from_fields(data, source, _FIX)
    except InputRejected as err:
        return err
