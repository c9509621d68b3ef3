"""A member that cites another outlet of its group ("SOFREP reported that ...") relays that
outlet's article: it takes the origin that article gives the fact, and two articles that
tell one report never corroborate it. A denial in an article that also tells the fact on
someone's word is not that someone's account. Read through the real reader; our own
articles."""

from __future__ import annotations

import functools

from storytrace.claims import read_articles
from storytrace.provenance import judge_group
from storytrace.records import Article, Claim

WIRE = (
    "Dam inspectors quit\n\n"
    "Twelve inspectors of the Varna dam resigned on Monday, Morski Vestnik, a regional "
    "newspaper, reported, citing two engineers.\n"
)
RELAY = (
    "Report: inspectors walk out\n\n"
    "GEOREP reported that twelve inspectors of the Varna dam resigned on Monday.\n"
)
WITNESS = (
    "Dam staff leave\n\n"
    "Twelve inspectors of the Varna dam resigned on Monday, their union leader, Petar Kolev, "
    "told reporters.\n"
)


@functools.cache
def _read() -> tuple[dict[str, Article], dict[str, Claim]]:
    articles = [
        Article.from_text(text, outlet=outlet, published="2026-03-03")
        for text, outlet in ((WIRE, "GEOREP"), (RELAY, "Lakeside Post"), (WITNESS, "Hill Daily"))
    ]
    claims = {}
    for article, found in read_articles(articles):
        (claim,) = [c for c in found if "resigned" in c.text]
        claims[article.outlet or ""] = claim
    return {a.id: a for a in articles}, claims


def _read_one(text: str) -> tuple[Article, list[Claim]]:
    """One article of ours, read by the real reader: the article and its claims."""
    article = Article.from_text(text, outlet="Hill Daily", published="2026-03-03")
    ((_, found),) = list(read_articles([article]))
    return article, list(found)


def test_an_outlet_named_in_capitals_is_a_named_source() -> None:
    # the small model tags "GEOREP" after this headline as a common noun
    _, claims = _read()
    attribution = claims["Lakeside Post"].attribution
    assert attribution is not None
    assert attribution.source == "GEOREP"
    assert attribution.kind in ("outlet", "organisation")


def test_a_relay_of_a_story_outlet_takes_that_articles_origin() -> None:
    articles, claims = _read()
    group = judge_group([claims["GEOREP"], claims["Lakeside Post"]], articles)
    assert [o.name for o in group.origins] == ["Morski Vestnik"]
    assert group.independent_sources == 1
    assert group.verdict == "echoed"


def test_a_witness_of_its_own_still_corroborates_the_relayed_report() -> None:
    articles, claims = _read()
    group = judge_group(list(claims.values()), articles)
    assert {o.name for o in group.origins} == {"Morski Vestnik", "Petar Kolev"}
    assert group.verdict == "corroborated"


def test_a_denial_never_takes_the_origin_of_what_it_denies() -> None:
    from storytrace.provenance import trace_origins

    told = (
        "Walkout at the docks\n\n"
        "About 300 dock workers walked out in Varna on Monday, Petar Kolev, a union leader, "
        "told reporters.\n\n"
        "Port officials dismissed as nonsense reports that 300 dock workers had walked out.\n"
    )
    article, found = _read_one(told)
    affirmed, denial = [c for c in found if "walked out" in c.text]
    assert denial.certainty == "denied"
    origins = trace_origins([affirmed, denial], {article.id: article})
    assert origins[affirmed.id].name == "Petar Kolev"
    assert origins[denial.id].name != "Petar Kolev"


def test_one_source_on_both_sides_is_no_dispute() -> None:
    told = (
        "Port chief dismisses union's accusations\n\n"
        "Ana Bratu, the port chief, dismissed the union's accusations that the port broke "
        "safety rules on Monday.\n\n"
        "The port's management dismissed the accusations as baseless.\n\n"
        "\u201cWe broke no safety rules and we run the port by the book,\u201d said Ana "
        "Bratu.\n"
    )
    article, found = _read_one(told)
    members = [c for c in found if "rules" in c.text or "accusations" in c.text]
    assert any(c.certainty == "denied" for c in members)
    assert any(c.certainty == "asserted" for c in members)
    group = judge_group(members, {article.id: article})
    assert not [c for c in group.conflicts if c.attribute == "polarity"]
