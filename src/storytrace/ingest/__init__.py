"""Ingest: files, folders, URLs, feeds, web archives and exports -> ``Article`` records.

Example:
    >>> from storytrace.ingest import read_inputs
    >>> for result in read_inputs(["../shared/seeds"]):  # doctest: +SKIP
    ...     print(result)

Readers register under versioned names (``"storytrace.ingest.text.v1"``) in
:data:`READERS`; :data:`SUFFIXES` maps file suffixes to those names. Inputs that cannot
be read are yielded as :class:`~storytrace.errors.InputRejected`, never raised.
:class:`ReadOptions` holds the size cap, the fetch policy (``policy.py``), the download,
feed, symlink and extraction limits; :func:`read_options` sets them for a block of code.
What ingest refuses by default, and the options that loosen it: ``docs/ingest.md``.
"""

from __future__ import annotations

from storytrace.ingest.counts import CountsListener, IngestCounts
from storytrace.ingest.files import count_inputs, read_inputs
from storytrace.ingest.language import detect_language
from storytrace.ingest.outlets import normalise_outlet
from storytrace.ingest.registry import (
    READERS,
    SUFFIXES,
    Reader,
    ReadOptions,
    ReadResult,
    current_options,
    read_options,
    register_reader,
)

__all__ = [
    "READERS",
    "SUFFIXES",
    "CountsListener",
    "IngestCounts",
    "ReadOptions",
    "ReadResult",
    "Reader",
    "count_inputs",
    "current_options",
    "detect_language",
    "normalise_outlet",
    "read_inputs",
    "read_options",
    "register_reader",
]
