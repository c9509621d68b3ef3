"""Errors raised by storytrace.

StorytraceError
├── InputRejected   an input could not be read (carries .source and .reason)
├── ConfigError     settings or arguments that cannot work
├── StoreError      the database could not be opened, migrated or written
└── PipelineError   a stage's requirements are unmet
"""

from __future__ import annotations


class StorytraceError(Exception):
    """Base class of every error storytrace raises on purpose."""


class InputRejected(StorytraceError):
    """An input (file, URL, record) was not stored; the batch goes on without it."""

    def __init__(self, source: str, reason: str) -> None:
        self.source = source
        self.reason = reason
        super().__init__(f"{source}: {reason}")


class ConfigError(StorytraceError):
    """A setting or argument that cannot work; the message says what to change."""


class StoreError(StorytraceError):
    """The store could not be opened, migrated or written."""


class PipelineError(StorytraceError):
    """A stage was asked to run without what it requires."""
