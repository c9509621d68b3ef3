"""Rows S3, S4 and S5 of shared/ACCEPTANCE.md as far as provenance decides them.

Run through the real pipeline over the seeds where they sit (the ``seeds_run`` fixture).
"""

from __future__ import annotations

from storytrace.provenance import article_origins
from storytrace.records import Article, Attribution, Claim, Passage, ReuseEdge
from storytrace_testkit import IBT, SOFREP, Run

SAFRONOV = "Vladimir Safronov"


def _pskov_origins(origins: list[dict]) -> list[dict]:
    return [o for o in origins if "Pskovskaya" in o["name"]]


def test_s3_every_group_citing_pskovskaya_has_one_origin_for_both_spellings(
    seeds_run: Run,
) -> None:
    merged = 0
    for group in seeds_run.groups():
        found = _pskov_origins(group["origins"])
        assert len(found) <= 1, found
        outlets = {seeds_run.articles[m["article_id"]]["outlet"] for m in group["members"]}
        if found and len(outlets) == 2 and len(group["origins"]) == 1:
            assert {"Pskovskaya Gubernia", "Pskovskaya Guberniya"} <= set(found[0]["variants"])
            assert found[0]["kind"] == "cited_source"
            merged += 1
    assert merged >= 2  # the refusal of about 60, and their return from Belarus


def test_s4_the_refusal_has_one_independent_origin_in_both_outlets(seeds_run: Run) -> None:
    group = seeds_run.group_with("60", "Pskovskaya Guberniya")
    outlets = {seeds_run.articles[m["article_id"]]["outlet"] for m in group["members"]}
    assert outlets == {"SOFREP", "International Business Times"}
    assert (group["verdict"], group["independent_sources"]) == ("echoed", 1)
    (origin,) = group["origins"]
    assert "Pskovskaya" in origin["name"] and origin["kind"] == "cited_source"
    assert origin["name"] in group["evidence"]


def _safronov_food_group(run: Run) -> dict:
    return run.group_with("ration for one person is shared between two people")


def test_s5_safronovs_words_on_food_are_echoed_from_him(seeds_run: Run) -> None:
    group = _safronov_food_group(seeds_run)
    by_outlet = {seeds_run.articles[m["article_id"]]["outlet"] for m in group["members"]}
    assert by_outlet == {"SOFREP", "International Business Times"}
    for member in group["members"]:
        attribution = member["attribution"]
        assert attribution is not None
        assert (attribution["source"], attribution["direct"]) == (SAFRONOV, True)
    assert group["verdict"] == "echoed"
    assert group["independent_sources"] == 1
    assert [(o["name"], o["kind"]) for o in group["origins"]] == [(SAFRONOV, "speaker")]


def test_s5_things_are_bad_with_food_joins_the_ration_group(seeds_run: Run) -> None:
    group = _safronov_food_group(seeds_run)
    holders = {
        seeds_run.articles[m["article_id"]]["outlet"]
        for m in group["members"]
        if "bad with food" in m["text"]
    }
    assert holders == {"SOFREP", "International Business Times"}


def test_no_group_counts_an_outlet_retelling_its_quoted_speaker_as_a_second_origin(
    seeds_run: Run,
) -> None:
    for group in seeds_run.groups():
        speakers = {o["name"] for o in group["origins"] if o["kind"] == "speaker"}
        outlets = {o["name"] for o in group["origins"] if o["kind"] == "outlet"}
        if SAFRONOV in speakers:
            ids = {m["article_id"] for m in group["members"]}
            quoting = {
                m["article_id"]
                for m in group["members"]
                if (m["attribution"] or {}).get("source") == SAFRONOV
            }
            assert not outlets & {seeds_run.articles[a]["outlet"] for a in quoting & ids}


def test_the_seeds_share_only_a_quotation_so_no_copy_direction_is_claimed(
    seeds_run: Run,
) -> None:
    (story,) = seeds_run.document["stories"]
    (edge,) = story["reuse_edges"]
    assert {edge["source"], edge["target"]} == {
        seeds_run.article_id(SOFREP),
        seeds_run.article_id(IBT),
    }
    assert "shared quotation only" in edge["direction_evidence"]
    assert edge["containment"] < 0.1


def test_article_origins_follow_copies_and_merge_spellings() -> None:
    def article(text: str, outlet: str) -> Article:
        return Article.from_text(text, outlet=outlet)

    wire, copier = article("Wire text.", "Coastal Press Agency"), article("Copy.", "Avon Gazette")
    paper, reprint = article("Paper text.", "Daily Post"), article("Reprint.", "Weekly Echo")
    other = article("Own text.", "Harbour News")
    articles = {a.id: a for a in (wire, copier, paper, reprint, other)}

    def cites(a: Article, name: str) -> Claim:
        return Claim(f"{a.id}:0", a.id, "x", (0, 4),
                     attribution=Attribution(name, "outlet", "reported", False))  # fmt: skip

    claims = [cites(copier, "Псковская губерния"), cites(paper, "Pskovskaya Gubernia"),
              cites(reprint, "Pskovskaya Guberniya")]  # fmt: skip
    edges = [
        ReuseEdge(wire.id, copier.id, 0.9, passages=(Passage((0, 9), (0, 4)),)),
        ReuseEdge(paper.id, reprint.id, 0.9, passages=(Passage((0, 9), (0, 7)),)),
        ReuseEdge(other.id, wire.id, 0.2, ("shared quotation only",), (Passage((0, 3), (0, 3)),)),
    ]
    found = article_origins(claims, articles, edges=edges)

    def names(a: Article) -> set[tuple[str, str]]:
        return {(o.name, o.kind) for o in found[a.id]}

    # The copy adds its source's own reporting; a shared quotation adds nothing.
    assert names(copier) == {("Псковская губерния", "cited_source"),
                             ("Coastal Press Agency", "outlet")}  # fmt: skip
    assert names(wire) == {("Coastal Press Agency", "outlet")}
    # A reprint of a paper citing the same source in another spelling: one origin.
    (origin,) = found[reprint.id]
    assert set(origin.variants) == {"Pskovskaya Gubernia", "Pskovskaya Guberniya"}
    assert names(other) == {("Harbour News", "outlet")}
