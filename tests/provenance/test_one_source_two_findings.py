"""Corroboration on read claims: a speaker and the body he speaks for are one source, and
two findings of one inquiry told alike in words are not one fact confirmed twice."""

from __future__ import annotations

import functools

import numpy as np

from storytrace.align.groups import claim_vectors
from storytrace.align.pairs import CORROBORATION_CUT, tells_alike
from storytrace.claims import read_articles
from storytrace.provenance import judge_group
from storytrace.provenance.verdicts import speaks_for
from storytrace.records import Article, Claim, Origin

BOARD = (
    "Board faults mayor over pension fund\n\n"
    "The ethics board concluded this month that Mayor Lena Hart had been \u201cextremely "
    "careless\u201d in her handling of the city's pension fund through a private account, but "
    "did not recommend that she face criminal charges.\n"
)
COUNCIL = (
    "Hart misled residents, council member says\n\n"
    "Ethics board chairman Paul Okafor said Hart had been extremely careless in her handling "
    "of the city's pension fund.\n\n"
    "Council member Rosa Diaz said this month that Mayor Lena Hart had not been truthful with "
    "residents about her handling of the city's pension fund through a private account.\n"
)
AUDIT = (
    "Auditor backs board\n\n"
    "Auditor Maya Singh said Hart had been extremely careless in her handling of the pension "
    "fund.\n"
)


@functools.cache
def _read() -> tuple[dict[str, Article], list[Claim]]:
    articles = [Article.from_text(text, outlet=outlet, published="2026-05-12")
                for text, outlet in ((BOARD, "Outlet A"), (COUNCIL, "Outlet B"),
                                     (AUDIT, "Outlet C"))]  # fmt: skip
    claims = [c for _, found in read_articles(articles) for c in found]
    return {a.id: a for a in articles}, claims


def _pick(claims: list[Claim], phrase: str) -> Claim:
    (claim,) = [c for c in claims if phrase in c.text]
    return claim


def test_a_speaker_and_the_body_he_speaks_for_are_one_source() -> None:
    articles, claims = _read()
    board, okafor = _pick(claims, "ethics board concluded"), _pick(claims, "Paul Okafor")
    singh = _pick(claims, "Maya Singh")
    assert speaks_for(okafor, Origin("ethics board", "cited_source", ("ethics board",)))
    assert not speaks_for(singh, Origin("ethics board", "cited_source", ("ethics board",)))
    alike = tells_alike({})
    assert judge_group([board, okafor], articles, alike=alike).verdict != "corroborated"
    group = judge_group([board, singh], articles, alike=alike)
    assert group.verdict == "corroborated" and group.independent_sources == 2


def test_two_findings_worded_alike_do_not_confirm_each_other() -> None:
    articles, claims = _read()
    board, diaz = _pick(claims, "ethics board concluded"), _pick(claims, "Rosa Diaz")
    vectors = claim_vectors([board, diaz])
    assert float(np.dot(vectors[0], vectors[1])) >= CORROBORATION_CUT  # alike in words
    group = judge_group([board, diaz], articles, alike=tells_alike({}))
    assert group.verdict == "single_source" and group.independent_sources == 1


SELVES = [
    ("Mayor backs Ryan\n\n\u201cI strongly support Paul Ryan and endorse his re-election,\u201d "
     "Mayor Lena Hart said on Tuesday in Green Bay.\n", "Outlet A"),
    ("Senator backs Ryan\n\n\u201cI support and endorse Paul Ryan's re-election,\u201d Senator "
     "Tom Berg told a crowd in Green Bay on Tuesday.\n", "Outlet B"),
    ("Tanks in Ruda\n\n\u201cI saw three tanks enter the village of Ruda on Monday morning,\u201d "
     "farmer Ivan Petrenko said.\n", "Outlet C"),
    ("Tanks reach Ruda\n\n\u201cI saw three tanks enter the village of Ruda on Monday,\u201d "
     "teacher Olena Marchuk told reporters.\n", "Outlet D"),
]  # fmt: skip


def test_two_speakers_telling_what_each_does_are_two_facts_and_two_witnesses_confirm() -> None:
    articles = [Article.from_text(text, outlet=outlet, published="2026-05-12")
                for text, outlet in SELVES]  # fmt: skip
    claims = [c for _, found in read_articles(articles) for c in found]
    by_id = {a.id: a for a in articles}
    hart, berg = _pick(claims, "Lena Hart"), _pick(claims, "Tom Berg")
    petrenko, marchuk = _pick(claims, "Petrenko"), _pick(claims, "Marchuk")
    alike = tells_alike({})
    assert judge_group([hart, berg], by_id, alike=alike).verdict != "corroborated"
    assert judge_group([petrenko, marchuk], by_id, alike=alike).verdict == "corroborated"
