"""CSV reader: one article a row, under a header row naming the columns.

Columns (names are matched without regard to case or surrounding spaces):

- ``text`` (required): the article text;
- ``title``, ``outlet``, ``url``, ``author``, ``published`` (ISO 8601), ``language``
  (ISO 639-1), all optional; other columns are ignored.

The delimiter is a comma, or a semicolon or tab when the header uses one instead. Each
row is read on its own: a malformed row is rejected with the source ``FILE:LINE`` (the
line the row starts on) and the good rows are kept; a row holding an invalid byte or a
NUL is rejected alone (see ``lines.py``). A file whose header has no ``text``
column is rejected as a whole.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from pathlib import Path

from storytrace.errors import InputRejected
from storytrace.ingest.lines import line_problem, read_export
from storytrace.ingest.metadata import FIELDS, article_from_fields
from storytrace.ingest.registry import ReadOptions, ReadResult, register_reader

_FIX = "fix or remove the row"
_DELIMITERS = (",", ";", "\t")
_MAX_HEADER = 100_000


@register_reader("storytrace.ingest.csv.v1", suffixes=(".csv", ".tsv"))
def read_csv_file(path: Path, source: str, options: ReadOptions) -> Iterator[ReadResult]:
    """Articles from a CSV export, each bad row yielded as its own InputRejected."""
    text = read_export(path, source, options.max_bytes).lstrip("\ufeff")
    header_line = text.split("\n", 1)[0]
    delimiter = "\t" if path.suffix.lower() == ".tsv" else _delimiter(header_line)
    rows = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    header = _header(rows, source)
    previous_end = rows.line_num
    while True:
        start = previous_end + 1
        try:
            row = _next_row(rows, options.max_bytes)
        except StopIteration:
            return
        except csv.Error as err:
            previous_end = rows.line_num
            yield InputRejected(f"{source}:{start}", f"not valid CSV ({err}); {_FIX}")
            continue
        previous_end = rows.line_num
        if any(cell.strip() for cell in row):
            yield _row_article(row, header, f"{source}:{start}")


def _next_row(rows: Iterator[list[str]], max_bytes: int) -> list[str]:
    """The next row, with the csv module's field size limit raised to the size cap meanwhile."""
    limit = csv.field_size_limit()
    csv.field_size_limit(max(limit, max_bytes))
    try:
        return next(rows)
    finally:
        csv.field_size_limit(limit)


def _delimiter(header_line: str) -> str:
    """The delimiter the header row uses most."""
    return max(_DELIMITERS, key=header_line.count)


def _header(rows: Iterator[list[str]], source: str) -> list[str]:
    """The lower-cased column names; rejects a file without a ``text`` column."""
    try:
        header = [name.strip().lower() for name in _next_row(rows, _MAX_HEADER)]
    except StopIteration:
        raise InputRejected(source, "empty CSV file; add a header row and rows") from None
    except csv.Error as err:
        raise InputRejected(source, f"not valid CSV in the header row ({err})") from None
    if "text" not in header:
        shown = ", ".join(repr(name) for name in header[:10])
        raise InputRejected(
            source,
            f"no 'text' column in the header row ({shown}); name the article text column "
            f"'text' (optional columns: {', '.join(FIELDS[:-1])}, language)",
        )
    return header


def _row_article(row: list[str], header: list[str], source: str) -> ReadResult:
    """One row as an Article, or the InputRejected saying what is wrong with it."""
    for cell in row:
        problem = line_problem(cell)
        if problem:
            return InputRejected(source, f"{problem.replace('column', 'character')}; {_FIX}")
    if len(row) > len(header):
        return InputRejected(
            source, f"{len(row)} fields but the header has {len(header)} columns; {_FIX}"
        )
    fields = {name: value for name, value in zip(header, row, strict=False) if name in FIELDS}
    if "text" in header and header.index("text") < len(row):
        fields["text"] = row[header.index("text")]
    try:
        return article_from_fields(fields, source, _FIX)
    except InputRejected as err:
        return err
