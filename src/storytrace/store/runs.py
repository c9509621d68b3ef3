"""What a run records about itself: when, which version, which model artefacts, which inputs.

The model artefacts are the data files next to the stages that use them
(``<stage>/data/<name>.<ext>``, learned models and the tables they read; a
``<name>.meta.json`` describes how one was trained). Each is recorded with its
SHA-256, so a stored result can be traced to the exact models that made it.
"""

from __future__ import annotations

import hashlib
import sys
import uuid
from collections.abc import Sequence
from datetime import UTC, datetime
from functools import cache
from pathlib import Path

from storytrace import __version__
from storytrace.records import ModelArtefact, Run

PACKAGE = Path(__file__).resolve().parents[1]


@cache
def model_artefacts() -> tuple[ModelArtefact, ...]:
    """Every data file of the package's stages (``<stage>/data/*``), hashed."""
    found: list[ModelArtefact] = []
    for path in sorted(PACKAGE.glob("*/data/*")):
        if not path.is_file() or path.name.endswith(".meta.json"):
            continue
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
        name = path.relative_to(PACKAGE).as_posix()
        found.append(ModelArtefact(name=name, sha256=digest, size=path.stat().st_size))
    return tuple(found)


def now() -> str:
    """The current UTC time, ISO 8601 to the second."""
    return datetime.now(UTC).isoformat(timespec="seconds")


def start_run(inputs: Sequence[str]) -> Run:
    """A new run's record: started now, over ``inputs``, with this version and its models."""
    return Run(
        id=uuid.uuid4().hex[:16],
        started=now(),
        version=__version__,
        command=" ".join(["storytrace", *sys.argv[1:]]) if sys.argv else "",
        inputs=tuple(str(i) for i in inputs),
        artefacts=model_artefacts(),
    )
