"""bench scale's corpora: composed articles carry their paragraphs' readings, shifted."""

from __future__ import annotations

import pytest

from storytrace.align.groups import vector_keys
from storytrace.benchmark.compose import Read, corpus, paragraphs
from storytrace_testkit import read_source_texts

FIRST = (
    "Ferry runs aground off Mirela Island\n\n"
    "The ferry Stella ran aground off Mirela Island on Tuesday with 212 passengers aboard, "
    "the coastguard said.\n\n"
    '"Everyone is safe," said Ana Silva, a coastguard spokeswoman.\n\n'
    "The operator, Harbour Line, said it would inspect the hull on Wednesday."
)
SECOND = (
    "Porto library reopens\n\n"
    "The Porto city library reopened on Saturday after a two-year renovation, the mayor said.\n\n"
    "About 3,000 visitors came on the first day, according to the city council."
)


@pytest.fixture(scope="module")
def sources(tmp_path_factory: pytest.TempPathFactory) -> list[Read]:
    return read_source_texts(tmp_path_factory.mktemp("sources"), FIRST, SECOND)


def test_sources_take_outlet_and_date_from_the_file_name(sources: list[Read]) -> None:
    assert {(s.article.outlet, s.article.published) for s in sources} == {
        ("coastnews", "2021-03-02"),
        ("citypaper", "2021-03-04"),
    }
    assert all(s.claims for s in sources)


def test_composed_readings_point_at_their_own_text(sources: list[Read]) -> None:
    made = list(corpus(sources, 12))
    assert len({r.article.id for r in made}) == len(made) >= 10
    assert {r.article.published[:4] for r in made} == {"2021", "2022"}  # two epochs
    carried = 0
    for read in made:
        text = read.article.text
        assert text.startswith(("Ferry runs aground", "Porto library reopens"))
        for claim in read.claims:
            carried += 1
            assert claim.article_id == read.article.id
            assert claim.id.startswith(read.article.id + ":")
            assert text[claim.span[0] : claim.span[1]] == claim.text
            for mention in claim.mentions:
                assert text[mention.span[0] : mention.span[1]] == mention.trigger
            assert any(k in read.vectors for k in vector_keys(claim))
        for attribution in read.attributions:
            assert attribution.cue_span is not None
            assert text[attribution.cue_span[0] : attribution.cue_span[1]] == attribution.cue
    assert carried


def test_paragraphs_skip_blank_runs() -> None:
    assert paragraphs("a\n\n\n  \nb c\n\n") == [(0, 1), (7, 10)]
