"""Rows S14 and S15 of shared/ACCEPTANCE.md: facts, not sentences; only assertions corroborate."""

from __future__ import annotations

from storytrace_testkit import IBT, SOFREP, Run

FIRED = "some 60 unit members were fired"
REFUSED = "About 60 servicemen from Pskov refused"


def _outlets(run: Run, group: dict) -> set[str]:
    return {run.articles[m["article_id"]]["outlet"] for m in group["members"]}


def test_s14_the_60_fired_and_the_60_who_refused_are_one_fact(seeds_run: Run) -> None:
    group = seeds_run.group_with(FIRED, REFUSED)
    assert _outlets(seeds_run, group) == {"SOFREP", "International Business Times"}
    assert (group["verdict"], group["independent_sources"]) == ("echoed", 1)
    (origin,) = group["origins"]
    assert "Pskovskaya" in origin["name"] and origin["kind"] == "cited_source"
    assert not group["conflicts"]


def test_s14_the_fact_is_told_in_one_group_only(seeds_run: Run) -> None:
    holding = [
        g for g in seeds_run.groups() if any(FIRED in m["text"] or REFUSED in m["text"]
                                             for m in g["members"])
    ]  # fmt: skip
    assert len(holding) == 1


def test_s15_an_unconfirmed_claim_of_a_party_is_shown_but_does_not_corroborate(
    seeds_run: Run,
) -> None:
    group = seeds_run.group_with("Ukraine claimed the troops were elite", "elite paratrooper unit")
    assert _outlets(seeds_run, group) == {"SOFREP", "International Business Times"}
    assert group["verdict"] != "corroborated"
    assert group["independent_sources"] == 1
    assert group["contested_certainty"] is True
    by_article = {m["article_id"]: m["certainty"] for m in group["members"]}
    assert by_article[seeds_run.article_id(IBT)] == "unconfirmed"
    assert by_article[seeds_run.article_id(SOFREP)] == "asserted"
    assert "Ukraine" in group["evidence"]  # the evidence says why it is not counted


def test_no_corroborated_group_rests_on_less_than_two_asserting_articles(seeds_run: Run) -> None:
    for group in seeds_run.groups():
        if group["verdict"] == "corroborated":
            asserting = {m["article_id"] for m in group["members"]
                         if m["certainty"] == "asserted"}  # fmt: skip
            assert len(asserting) >= 2, group["text"]


def test_single_source_groups_have_one_independent_source(seeds_run: Run) -> None:
    for group in seeds_run.groups():
        if group["verdict"] == "single_source":
            assert group["independent_sources"] == 1, group["text"]


def test_one_origin_has_one_name_across_the_story(seeds_run: Run) -> None:
    from storytrace.provenance import same_source

    for story in seeds_run.document["stories"]:
        names = {o["name"] for g in story["claim_groups"] for o in g["origins"]}
        for a in names:
            for b in names:
                assert a == b or not same_source(a, b), (a, b)


def test_analysis_and_opinion_are_not_judged(seeds_run: Run) -> None:
    texts = [m["text"] for g in seeds_run.groups() for m in g["members"]]
    for phrase in ("This alone would decrease morale", "This alone would stop troops",
                   "This might be because"):  # fmt: skip
        assert not any(phrase in t for t in texts), phrase
