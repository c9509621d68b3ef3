"""One origin per source whatever the spelling; verdicts change the way a reader expects."""

from __future__ import annotations

from storytrace.align.conflicts import contested_certainty, find_conflicts
from storytrace.provenance import judge_group, merge_origins, same_source
from storytrace.records import Article, Attribution, Claim, Origin, Quantity


def test_transliteration_and_spelling_variants_are_one_source() -> None:
    assert same_source("Pskovskaya Gubernia", "Pskovskaya Guberniya")
    assert same_source("Псковская губерния", "Pskovskaya Gubernia")
    assert same_source("Dewulf", "Marieke Dewulf")
    assert not same_source("Pskovskaya Gubernia", "Novaya Gazeta")
    merged = merge_origins([Origin("Pskovskaya Gubernia", "cited_source"),
                            Origin("Pskovskaya Guberniya", "cited_source")])  # fmt: skip
    assert len(merged) == 1
    assert set(merged[0].variants) == {"Pskovskaya Gubernia", "Pskovskaya Guberniya"}


def _article(name: str) -> Article:
    return Article.from_text(f"Text of {name}.", outlet=name)


def _claim(article: Article, text: str, *, source: str | None = None, count: float | None = None,
           certainty: str = "asserted") -> Claim:  # fmt: skip
    attribution = Attribution(source, "outlet", "reported", False) if source else None
    quantities = (
        (Quantity(f"{count} workers", count, count, count, "worker", predicate="kill"),)
        if count
        else ()
    )
    return Claim(f"{article.id}:0", article.id, text, (0, len(text)), certainty=certainty,
                 attribution=attribution, quantities=quantities)  # fmt: skip


def test_verdicts_follow_sources_numbers_and_denials() -> None:
    a, b, c = _article("Outlet A"), _article("Outlet B"), _article("Outlet C")
    articles = {x.id: x for x in (a, b, c)}
    both_cite = [_claim(a, "Three workers died.", source="Izvestia", count=3),
                 _claim(b, "Three workers died.", source="Izvestiya", count=3)]  # fmt: skip
    assert judge_group(both_cite, articles).verdict == "echoed"
    independent = [*both_cite, _claim(c, "Three workers died.", source="City Hospital", count=3)]
    group = judge_group(independent, articles)
    assert group.verdict == "corroborated" and group.independent_sources == 2
    changed = [*both_cite, _claim(c, "Five workers died.", source="City Hospital", count=5)]
    group = judge_group(changed, articles)
    assert group.verdict == "conflicting"
    assert group.conflicts[0].conservative == "3"
    denied = [*both_cite, _claim(c, "No workers died.", source="City Hospital", certainty="denied")]
    assert [x.attribute for x in find_conflicts(denied)] == ["polarity"]
    assert judge_group(both_cite[:1], articles).verdict == "single_source"


def test_contested_certainty_needs_two_articles() -> None:
    a, b = _article("Outlet A"), _article("Outlet B")
    asserted = _claim(a, "The unit is elite.")
    hedged = _claim(b, "The unit is reportedly elite.", certainty="hedged")
    assert contested_certainty([asserted, hedged])
    assert not contested_certainty([asserted, _claim(a, "The unit is elite?", certainty="hedged")])
