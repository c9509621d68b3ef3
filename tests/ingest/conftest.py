"""Fixtures for the ingest tests."""

from __future__ import annotations

from pathlib import Path

import pytest
from ingest_helpers import SEEDS


@pytest.fixture
def seeds() -> Path:
    """The real seed folder beside the repository."""
    assert SEEDS.is_dir(), f"seed articles not found at {SEEDS}"
    return SEEDS
