"""The two seed articles, with and without their sidecars."""

from __future__ import annotations

import shutil
from pathlib import Path

from ingest_helpers import IBT, IBT_TITLE, SOFREP, split

from storytrace.ingest import read_inputs
from storytrace.records import content_hash


def test_seed_folder_gives_both_articles_with_sidecar_outlets(seeds: Path) -> None:
    articles, rejected = split(read_inputs([str(seeds)]))
    assert rejected == []
    assert [a.outlet for a in articles] == ["SOFREP", "International Business Times"]
    assert [a.source for a in articles] == [
        str(seeds / f"{SOFREP}.txt"),
        str(seeds / f"{IBT}.txt"),
    ]
    assert all(a.language == "en" for a in articles)


def test_ibt_title_comes_from_its_sidecar_and_sofrep_has_none(seeds: Path) -> None:
    sofrep, ibt = split(read_inputs([str(seeds)]))[0]
    assert ibt.title == IBT_TITLE
    # SOFREP's first line is a full sentence, not a headline, and its sidecar has no title.
    assert sofrep.title is None


def test_seed_text_is_stored_whole_and_hashed(seeds: Path) -> None:
    sofrep, ibt = split(read_inputs([str(seeds)]))[0]
    raw = (seeds / f"{IBT}.txt").read_text(encoding="utf-8").strip()
    assert ibt.text == raw
    assert ibt.text.startswith(IBT_TITLE + "\n")  # the headline stays in the text
    assert ibt.id == content_hash(ibt.text)
    assert "Pskovskaya Gubernia" in sofrep.text
    assert "\r" not in sofrep.text


def test_seeds_without_sidecars_are_still_read(seeds: Path, tmp_path: Path) -> None:
    for stem in (SOFREP, IBT):
        shutil.copy(seeds / f"{stem}.txt", tmp_path / f"{stem}.txt")
    articles, rejected = split(read_inputs([str(tmp_path)]))
    assert rejected == []
    assert [a.outlet for a in articles] == [None, None]
    with_sidecars = split(read_inputs([str(seeds)]))[0]
    assert [a.id for a in articles] == [a.id for a in with_sidecars]
    # Without its sidecar the IBT headline is found by the headline rule.
    assert articles[1].title == IBT_TITLE
    assert articles[0].title is None


def test_seed_files_given_one_by_one_keep_the_path_as_given(seeds: Path) -> None:
    given = [str(seeds / f"{IBT}.txt"), str(seeds / f"{SOFREP}.txt")]
    articles, rejected = split(read_inputs(given))
    assert rejected == []
    assert [a.source for a in articles] == given
    assert [a.outlet for a in articles] == ["International Business Times", "SOFREP"]
