"""One reader: ``predict attributions`` writes exactly the attributions ``analyze`` stores."""

from __future__ import annotations

from pathlib import Path

import pytest

from storytrace.benchmark.polnear import (
    attribution_relations,
    predict_folder,
    read_ann,
    relation_spans,
)
from storytrace.pipeline import analyze
from storytrace.records import Attribution
from storytrace.store import open_store
from storytrace_testkit import POLNEAR

DEV = POLNEAR / "dev" / "text"
pytestmark = [
    pytest.mark.slow,  # analyze loads every model
    pytest.mark.skipif(not DEV.is_dir(), reason="PolNeAR dev is not on this machine"),
]


@pytest.fixture(scope="module")
def analysed(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """Two real PolNeAR dev texts, analysed into a database: (text folder, database)."""
    folder = tmp_path_factory.mktemp("polnear-texts")
    for path in sorted(DEV.glob("*.txt"))[:2]:
        (folder / path.name).write_text(path.read_text(encoding="utf-8").strip(), "utf-8")
    db = folder.parent / "one-reader.db"
    analyze([str(folder)], db=db, out=None)
    return folder, db


def test_predict_attributions_writes_what_analyze_stored(
    analysed: tuple[Path, Path], tmp_path: Path
) -> None:
    folder, db = analysed
    assert predict_folder(folder, tmp_path / "ann") == 2
    store = open_store(db)
    try:
        articles = store.get_articles()
        stored = store.get_attributions(a.id for a in articles)
        claims = store.get_claims(a.id for a in articles)
    finally:
        store.close()
    assert len(articles) == 2 and stored
    for article in articles:
        path = Path(article.source)
        assert article.text == path.read_text(encoding="utf-8")  # offsets count the same text
        mine = [a for a in stored if a.article_id == article.id]
        predicted = read_ann(tmp_path / "ann" / f"{path.stem}.ann")
        assert predicted == relation_spans(attribution_relations(mine))
    by_id: dict[str, Attribution] = {a.id: a for a in stored}
    pointing = [c for c in claims if c.attribution_id is not None]
    assert pointing
    for claim in pointing:
        assert by_id[claim.attribution_id] == claim.attribution


def test_stored_attributions_come_back_whole(analysed: tuple[Path, Path]) -> None:
    _, db = analysed
    store = open_store(db)
    try:
        articles = store.get_articles()
        stored = store.get_attributions(a.id for a in articles)
        again = store.get_attributions([articles[0].id])
        store.save_attributions(articles[0].id, again)  # replacing is idempotent
        assert store.get_attributions([articles[0].id]) == again
    finally:
        store.close()
    assert all(isinstance(a.cue_fragments[0], tuple) for a in stored)
    assert {a.kind for a in stored} <= {
        "person", "organisation", "outlet", "government", "document", "unnamed",
    }  # fmt: skip
    assert not [a for a in stored if a.source.lower() in {"he", "she", "they", "who", "some"}]
