"""Metadata sidecars: ``NAME.meta.json`` beside ``NAME.txt`` or ``NAME.html``.

A sidecar is a JSON object with any of ``outlet``, ``title``, ``url``, ``author``,
``published`` (ISO 8601) and ``language`` (ISO 639-1). Its values override what the
reader extracts from the article itself. A malformed sidecar rejects its article, with
a reason naming the sidecar: storing the article without the metadata its owner wrote
down would silently lose the outlet that provenance counts on. Unknown keys are logged
and ignored, so sidecars written by other tools still work.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path

from storytrace.errors import InputRejected
from storytrace.ingest.decode import decode_bytes
from storytrace.ingest.metadata import FIELDS, Meta, clean_fields, json_kind

logger = logging.getLogger(__name__)

SIDECAR_SUFFIX = ".meta.json"
_MAX_SIDECAR_BYTES = 1_000_000
_FIX = "fix or remove the sidecar"


def sidecar_path(path: Path) -> Path:
    """Where the sidecar of ``path`` lives: same folder, same stem, ``.meta.json``."""
    return path.with_name(path.stem + SIDECAR_SUFFIX)


def is_sidecar(path: Path) -> bool:
    """True for ``*.meta.json`` files, which are read with their article, not on their own."""
    return path.name.lower().endswith(SIDECAR_SUFFIX)


def read_sidecar(path: Path, source: str) -> Meta:
    """The validated metadata of the sidecar beside ``path`` (empty when there is none)."""
    sidecar = sidecar_path(path)
    if not sidecar.is_file():
        return {}
    name = sidecar.name
    try:
        size = sidecar.stat().st_size
        if size > _MAX_SIDECAR_BYTES:
            raise InputRejected(source, f"{name}: {size} bytes, too large for a sidecar; {_FIX}")
        data = sidecar.read_bytes()
    except OSError as err:
        raise InputRejected(source, f"{name}: cannot read ({err.strerror}); {_FIX}") from None
    if not data.strip():
        raise InputRejected(source, f"{name}: empty, not a JSON object; {_FIX}")
    try:
        text = decode_bytes(data, name)
    except InputRejected as err:
        what = err.reason.split(";")[0]
        raise InputRejected(source, f"{name}: {what}; {_FIX}") from None
    try:
        loaded = json.loads(text.lstrip("\ufeff"))
    except json.JSONDecodeError as err:
        raise InputRejected(
            source,
            f"{name}: not valid JSON (line {err.lineno}: {err.msg}); {_FIX}",
        ) from None
    if not isinstance(loaded, dict):
        raise InputRejected(
            source, f"{name}: expected a JSON object, got {json_kind(loaded)}; {_FIX}"
        )
    unknown = sorted(set(loaded) - set(FIELDS))
    if unknown:
        logger.warning(
            "%s: ignoring unknown keys %s (known: %s)", name, ", ".join(unknown), ", ".join(FIELDS)
        )
    try:
        return clean_fields(loaded)
    except ValueError as err:
        raise InputRejected(source, f"{name}: {err}; {_FIX}") from None
