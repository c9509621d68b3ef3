"""storytrace: which articles report the same event, what each claims and on whose authority,
which claims are corroborated, which are only echoed, which conflict, and who copied whom."""

from __future__ import annotations

import logging

__version__ = "0.1.0"

from storytrace.errors import (
    ConfigError,
    InputRejected,
    PipelineError,
    StoreError,
    StorytraceError,
)
from storytrace.records import (
    Article,
    Attribution,
    Claim,
    ClaimGroup,
    Conflict,
    DateMention,
    Event,
    Origin,
    Place,
    Quantity,
    ReuseEdge,
    Story,
)

logging.getLogger(__name__).addHandler(logging.NullHandler())


def analyze(*args, **kwargs):  # type: ignore[no-untyped-def]
    """Run the whole pipeline; see :func:`storytrace.pipeline.analyze`."""
    from storytrace.pipeline import analyze as _analyze

    return _analyze(*args, **kwargs)


def open_store(db):  # type: ignore[no-untyped-def]
    """Open a store; see :func:`storytrace.store.open_store`."""
    from storytrace.store import open_store as _open_store

    return _open_store(db)


__all__ = [
    "Article",
    "Attribution",
    "Claim",
    "ClaimGroup",
    "ConfigError",
    "Conflict",
    "DateMention",
    "Event",
    "InputRejected",
    "Origin",
    "PipelineError",
    "Place",
    "Quantity",
    "ReuseEdge",
    "StoreError",
    "Story",
    "StorytraceError",
    "__version__",
    "analyze",
    "open_store",
]
