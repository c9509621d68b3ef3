"""Fixtures for the ingest tests."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from ingest_helpers import SEEDS
from loopback import LOOPBACK, Loopback, serve

from storytrace.ingest import ReadOptions, read_options


@pytest.fixture
def seeds() -> Path:
    """The real seed folder beside the repository."""
    assert SEEDS.is_dir(), f"seed articles not found at {SEEDS}"
    return SEEDS


@pytest.fixture
def web(monkeypatch: pytest.MonkeyPatch) -> Iterator[Loopback]:
    """A loopback HTTP server for this test, which reads may reach (the policy allows it).

    Proxies from the environment are ignored.
    """
    for name in (
        "HTTP_PROXY",
        "HTTPS_PROXY",
        "ALL_PROXY",
        "http_proxy",
        "https_proxy",
        "all_proxy",
    ):
        monkeypatch.delenv(name, raising=False)
    with serve() as server, read_options(ReadOptions(allow_private_hosts=LOOPBACK)):
        yield server
