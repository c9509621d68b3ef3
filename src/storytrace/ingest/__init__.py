"""Ingest: files, folders and JSONL -> :class:`~storytrace.records.Article` records.

Example:
    >>> from storytrace.ingest import read_inputs
    >>> for result in read_inputs(["../shared/seeds"]):  # doctest: +SKIP
    ...     print(result)

Readers register under versioned names (``"storytrace.ingest.text.v1"``) in
:data:`READERS`; :data:`SUFFIXES` maps file suffixes to those names. Inputs that cannot
be read are yielded as :class:`~storytrace.errors.InputRejected`, never raised.
"""

from __future__ import annotations

from storytrace.ingest.files import count_inputs, read_inputs
from storytrace.ingest.language import detect_language
from storytrace.ingest.registry import (
    READERS,
    SUFFIXES,
    Reader,
    ReadOptions,
    ReadResult,
    register_reader,
)

__all__ = [
    "READERS",
    "SUFFIXES",
    "ReadOptions",
    "ReadResult",
    "Reader",
    "count_inputs",
    "detect_language",
    "read_inputs",
    "register_reader",
]
