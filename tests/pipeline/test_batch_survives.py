"""No article stops a batch: real articles that used to kill ``analyze`` (an over-long
text, a leap day), and an article the parser raises on, inside a folder of good ones."""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from storytrace.cli.main import main
from storytrace.text.nlp import load_nlp
from storytrace.text.pieces import parse_in_pieces, pieces

POLNEAR = Path(__file__).resolve().parents[3] / "shared" / "data" / "polnear" / "train" / "text"
LEAP_DAY = "politico_2016-02-19_more-hillary-clinton-emails-rele"  # "by Feb. 29" (2016)
LONG = "breitbart_2016-02-20_the-latest-hillary-clinton-tells"  # 34,309 characters
OTHER = "huff-post_2016-02-07_the-latest-gop-debate-kicked-off"
POISON = "Ministry of Cursed Parsing"  # the text our test component refuses


@Language.component("test_refuse_one_text")
def _refuse_one_text(doc: Doc) -> Doc:
    """A pipeline component that fails on one text, as a real parser bug would."""
    if POISON in doc.text:
        raise ValueError("day is out of range for month")
    return doc


@pytest.fixture()
def folder(tmp_path: Path) -> Path:
    if not POLNEAR.is_dir():
        pytest.skip("PolNeAR is not in ../shared/data")
    texts = tmp_path / "in"
    texts.mkdir()
    for stem in (LEAP_DAY, LONG, OTHER):
        shutil.copy(POLNEAR / f"{stem}.txt", texts / f"{stem}.txt")
    (texts / f"{LEAP_DAY}.meta.json").write_text('{"published": "2016-02-19"}', encoding="utf-8")
    return texts


@pytest.fixture()
def short_limit() -> Iterator[int]:
    """spaCy's own length limit lowered below the long article (E088 beyond it), then restored."""
    nlp = load_nlp()
    saved = nlp.max_length
    nlp.max_length = 20_000
    yield nlp.max_length
    nlp.max_length = saved


def _claims_by_article(db: Path) -> dict[str, tuple[int, str | None]]:
    with sqlite3.connect(db) as conn:
        rows = conn.execute(
            "SELECT source, (SELECT count(*) FROM claims WHERE article_id = articles.id), failed"
            " FROM articles"
        ).fetchall()
    return {Path(source).stem: (count, failed) for source, count, failed in rows}


@pytest.mark.slow
def test_an_over_long_article_is_read_in_pieces(
    folder: Path, short_limit: int, tmp_path: Path
) -> None:
    text = (folder / f"{LONG}.txt").read_text(encoding="utf-8")
    assert len(text) > short_limit
    with pytest.raises(ValueError, match="E088"):
        load_nlp()(text)  # what killed every run on the database
    assert main(["analyze", str(folder), "--db", str(tmp_path / "st.db"),
                 "--out", str(tmp_path / "out"), "--no-progress"]) == 0  # fmt: skip
    stored = _claims_by_article(tmp_path / "st.db")
    assert stored[LONG][0] >= 10 and stored[LONG][1] is None
    assert stored[LEAP_DAY][0] > 0 and stored[OTHER][0] > 0


def test_pieces_join_back_to_the_text_with_the_parse_intact() -> None:
    text = (POLNEAR / f"{LONG}.txt").read_text(encoding="utf-8") if POLNEAR.is_dir() else "x\n" * 9
    assert "".join(pieces(text, 3_000)) == text
    assert all(len(piece) <= 3_000 for piece in pieces(text, 3_000))
    assert "".join(pieces("y" * 7_001, 3_000)) == "y" * 7_001  # no break at all: a hard cut
    doc = parse_in_pieces(load_nlp(), text, 3_000)
    assert doc.text == text and doc.tensor.shape[0] == len(doc) and len(doc.ents) > 10


@pytest.mark.slow
def test_an_article_that_raises_is_kept_failed_and_the_run_goes_on(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    poisoned = folder / "poisoned.txt"
    poisoned.write_text(
        f"The {POISON} said on Tuesday that 12 people were detained in Brussels.\n",
        encoding="utf-8",
    )
    nlp = load_nlp()
    nlp.add_pipe("test_refuse_one_text", last=True)
    try:
        args = ["analyze", str(folder), "--db", str(tmp_path / "st.db"),
                "--out", str(tmp_path / "out"), "--no-progress"]  # fmt: skip
        assert main(args) == 1
        err = capsys.readouterr().err
        assert "failed" in err and "poisoned.txt" in err and "day is out of range" in err
        stored = _claims_by_article(tmp_path / "st.db")
        assert stored["poisoned"] == (0, "ValueError: day is out of range for month")
        assert stored[LEAP_DAY][0] > 0 and stored[LONG][0] > 0 and stored[OTHER][0] > 0
        assert (tmp_path / "out" / "report.html").is_file()
        # A later run on the same database does not read it, nor die, again.
        main(args)
        assert "poisoned" not in capsys.readouterr().err
    finally:
        nlp.remove_pipe("test_refuse_one_text")
