"""Fixtures shared by every test folder: one analysed run of the seeds and of the example
corpus (the models load once per session)."""

from __future__ import annotations

import os

import pytest

from storytrace_testkit import CORPUS, SEEDS, Run

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")


def _analyze(tmp_path_factory: pytest.TempPathFactory, name: str, inputs: list[str]) -> Run:
    from storytrace.pipeline import analyze

    folder = tmp_path_factory.mktemp(name)
    summary = analyze(inputs, db=folder / "st.db", out=folder / "out")
    return Run(folder / "out", summary)


@pytest.fixture(scope="session")
def seeds_run(tmp_path_factory: pytest.TempPathFactory) -> Run:
    """The seeds analysed where they sit, with their sidecars."""
    return _analyze(tmp_path_factory, "seeds", [str(SEEDS)])


@pytest.fixture(scope="session")
def corpus_run(tmp_path_factory: pytest.TempPathFactory) -> Run:
    """The bundled fictional example corpus, analysed."""
    return _analyze(tmp_path_factory, "corpus", [str(CORPUS)])


@pytest.fixture(scope="session")
def pg_cluster():  # type: ignore[no-untyped-def]
    """A private PostgreSQL server on 127.0.0.1 for this session, stopped at its end."""
    from pg_cluster import Cluster, binaries

    found = binaries()
    if found is None:
        if os.environ.get("STORYTRACE_REQUIRE_POSTGRES"):
            pytest.fail("STORYTRACE_REQUIRE_POSTGRES is set but PostgreSQL is not installed")
        pytest.skip("PostgreSQL is not installed: apt-get install -y postgresql")
    cluster = Cluster(found)
    yield cluster
    cluster.stop()


@pytest.fixture
def pg_url(pg_cluster) -> str:  # type: ignore[no-untyped-def]
    """A postgresql:// URL to an empty schema of the session's server."""
    return pg_cluster.fresh_url()
