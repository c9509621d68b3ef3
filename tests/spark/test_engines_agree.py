"""The Spark engine (local mode) and the embedded engine write the same stories.

Both engines run once (module fixture) on the same real PolNeAR articles (train and dev
text, spread over the whole corpus): the embedded engine as ``storytrace analyze`` into
its store; Spark as ``analyze --engine spark --parquet DIR`` (read and embed on the
executors, written as Parquet, no store), then ``storytrace load DIR`` into its own
SQLite store. The direct ``--engine spark`` path into a store is checked on a few of
the same articles.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from storytrace.cli.main import main
from storytrace.store import open_store

# Py4J leaves its gateway sockets to the garbage collector (not ours to close).
pytestmark = pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")

POLNEAR = Path(__file__).resolve().parents[3] / "shared" / "data" / "polnear"
COUNT = 80  # articles: 120 took 10.6 min for both engines on 2 cores at load 4-7


@pytest.fixture(scope="module")
def runs(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, dict[str, Any]]]:
    texts = sorted((POLNEAR / "train" / "text").glob("*.txt")) + sorted(
        (POLNEAR / "dev" / "text").glob("*.txt")
    )
    if not texts:
        pytest.skip("PolNeAR is not in ../shared/data")
    base = tmp_path_factory.mktemp("engines")
    folder = base / "in"
    folder.mkdir()
    step = max(1, len(texts) // COUNT)
    for text in texts[::step][:COUNT]:
        shutil.copy(text, folder / text.name)
    found: dict[str, dict[str, Any]] = {}
    code = main(["analyze", str(folder), "--db", str(base / "embedded.db"),
                 "--out", str(base / "embedded"), "--no-progress"])  # fmt: skip
    found["embedded"] = {"code": code, "db": base / "embedded.db"}
    parquet = base / "parquet"
    code = main(["analyze", str(folder), "--engine", "spark", "--parquet", str(parquet),
                 "--no-progress"])  # fmt: skip
    assert code == 0 and not (base / "spark.db").exists()
    code = main(["load", str(parquet), "--db", str(base / "spark.db"),
                 "--out", str(base / "spark"), "--no-progress"])  # fmt: skip
    found["spark"] = {"code": code, "db": base / "spark.db", "parquet": parquet}
    for engine in ("embedded", "spark"):
        stories = (base / engine / "stories.json").read_text(encoding="utf-8")
        found[engine]["document"] = json.loads(stories)
    found["folder"] = {"path": folder}
    yield found


def _stories(document: dict[str, Any]) -> dict[frozenset[str], Any]:
    """Each story's article set -> its claim groups (members, verdict) and events."""
    shaped = {}
    for story in document["stories"]:
        groups = sorted(
            (
                group["verdict"],
                tuple(sorted((m["article_id"], m["text"]) for m in group["members"])),
            )
            for group in story["claim_groups"]
        )
        events = sorted(
            (e["event_type"], e["sub_event_type"], tuple(e["actors"]), json.dumps(e["location"]))
            for e in story["events"]
        )
        shaped[frozenset(story["article_ids"])] = (groups, events)
    return shaped


@pytest.mark.slow
def test_spark_through_parquet_and_load_writes_the_stories_embedded_writes(
    runs: dict[str, dict[str, Any]],
) -> None:
    embedded, spark = (_stories(runs[e]["document"]) for e in ("embedded", "spark"))
    assert runs["embedded"]["code"] == runs["spark"]["code"] == 0
    assert len(runs["spark"]["document"]["articles"]) == COUNT
    assert sum(len(groups) for groups, _ in embedded.values()) > 0
    assert set(spark) == set(embedded)  # the same article sets
    for articles, (groups, events) in embedded.items():
        assert spark[articles][0] == groups  # claim groups and their verdicts
        assert spark[articles][1] == events
    assert sorted((runs["spark"]["parquet"] / "claims").glob("*.parquet"))


@pytest.mark.slow
def test_spark_into_a_store_reads_as_the_embedded_engine_reads(
    runs: dict[str, dict[str, Any]], tmp_path: Path
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for text in sorted(runs["folder"]["path"].glob("*.txt"))[:3]:
        shutil.copy(text, folder / text.name)
    db = tmp_path / "direct.db"
    code = main(["analyze", str(folder), "--db", str(db), "--out", str(tmp_path / "out"),
                 "--no-progress", "--engine", "spark"])  # fmt: skip
    assert code == 0
    with open_store(db) as direct, open_store(runs["embedded"]["db"]) as embedded:
        ids = [a.id for a in direct.get_articles()]
        assert len(ids) == 3
        assert direct.get_claims(ids) == embedded.get_claims(ids)
        assert direct.get_attributions(ids) == embedded.get_attributions(ids)
        assert direct.get_vectors().keys() == set(ids)


def test_missing_java_is_a_clear_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("JAVA_HOME", str(tmp_path / "no-java"))
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text("Officials said the bridge reopened.\n", "utf-8")
    code = main(["analyze", str(tmp_path / "in"), "--db", str(tmp_path / "s.db"),
                 "--out", str(tmp_path / "out"), "--engine", "spark", "--no-progress"])  # fmt: skip
    err = capsys.readouterr().err
    assert code == 2
    assert "Java 17" in err and "no-java" in err and "Traceback" not in err
    assert not (tmp_path / "s.db").exists()  # nothing was stored
