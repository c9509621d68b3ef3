"""Whole ``analyze`` runs over one store: re-runs, two processes at once, kill -9 anywhere.

Run over the fictional example corpus, on SQLite and on PostgreSQL. The processes are
real CLI processes; a killed one is killed with SIGKILL, no clean-up.
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from storytrace.records import to_dict
from storytrace.store import open_store
from storytrace_testkit import CORPUS, ROOT

pytestmark = pytest.mark.slow


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def make_db(request, tmp_path):
    """A factory of empty stores of the test's backend."""
    count = iter(range(100))

    def fresh() -> str:
        if request.param == "postgres":
            return str(request.getfixturevalue("pg_cluster").fresh_url())
        return str(tmp_path / f"st{next(count)}.db")

    return fresh


@pytest.fixture(autouse=True)
def _reports_elsewhere(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Runs write their default report folder under the test's tmp_path, not the checkout."""
    monkeypatch.chdir(tmp_path)


def _analyze(db: str, *inputs: str) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "HF_HUB_OFFLINE": "1",
           "TRANSFORMERS_OFFLINE": "1"}  # fmt: skip
    return subprocess.Popen(
        [sys.executable, "-m", "storytrace.cli.main", "analyze", *inputs, "--db", db],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )


def _finish(process: subprocess.Popen[str]) -> None:
    _out, err = process.communicate(timeout=900)
    assert process.returncode == 0, err[-2000:]


def _state(db: str) -> list[dict[str, object]]:
    """The stored stories, checked for the invariants every run must keep."""
    with open_store(db, read_only=True) as store:
        stories = store.get_stories()
        articles = {a.id for a in store.get_articles()}
        grouped = store.story_articles()
    members = [a for s in stories for a in s.article_ids]
    assert all(s.article_ids for s in stories), "an empty story"
    assert len(members) == len(set(members)), "an article in two stories"
    assert set(members) == articles == set(grouped), "an article outside every story"
    if "://" not in db:
        conn = sqlite3.connect(db)
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        conn.close()
    return [to_dict(s) for s in stories]


@pytest.fixture
def clean(make_db):
    """The stories of one uninterrupted run, and how long it took."""
    db = make_db()
    started = time.monotonic()
    _finish(_analyze(db, str(CORPUS)))
    return db, _state(db), time.monotonic() - started


def test_a_rerun_on_unchanged_input_changes_nothing(clean):
    db, stories, _seconds = clean
    _finish(_analyze(db, str(CORPUS)))
    assert _state(db) == stories
    with open_store(db, read_only=True) as store:
        assert [r.finished is not None for r in store.get_runs()] == [True, True]


def test_two_runs_at_once_serialise_their_story_updates(make_db):
    db = make_db()
    files = sorted(str(p) for p in CORPUS.glob("*.txt"))
    first, second = _analyze(db, *files[::2]), _analyze(db, *files[1::2])
    try:
        _finish(first)
        _finish(second)
    finally:  # a failed run leaves no process behind for the next test
        for process in (first, second):
            if process.poll() is None:
                process.kill()
                process.communicate(timeout=60)
    after = _state(db)
    assert sum(len(s["article_ids"]) for s in after) == len(files)
    _finish(_analyze(db, str(CORPUS)))  # nothing new: the stories stand
    assert _state(db) == after


def test_a_run_killed_anywhere_then_rerun_gives_the_clean_runs_stories(make_db, clean):
    _db, stories, seconds = clean
    rng = random.Random(os.environ.get("STORYTRACE_KILL_SEED", "16"))
    for _attempt in range(int(os.environ.get("STORYTRACE_KILL_RUNS", "1"))):
        db = make_db()
        process = _analyze(db, str(CORPUS))
        time.sleep(rng.uniform(0.5, seconds))
        process.send_signal(signal.SIGKILL)
        process.communicate(timeout=60)
        _finish(_analyze(db, str(CORPUS)))
        assert _state(db) == stories
