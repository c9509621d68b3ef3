"""The fictional example corpus yields each verdict where its README says it should."""

from __future__ import annotations

from pathlib import Path

from storytrace_testkit import CORPUS, Run


def _stems(run: Run, story: dict) -> set[str]:
    return {Path(run.articles[a]["source"]).name[:3] for a in story["article_ids"]}


def test_the_corpus_is_labelled_fictional() -> None:
    readme = (CORPUS / "README.md").read_text(encoding="utf-8").lower()
    assert "fictional" in readme


def test_stories_partition_the_corpus(corpus_run: Run) -> None:
    partition = sorted(sorted(_stems(corpus_run, s)) for s in corpus_run.document["stories"])
    assert partition == [
        ["001", "002", "003", "004", "005", "006"],
        ["007", "008", "009"],
        ["010"],
    ]
    assert not corpus_run.summary.rejected  # the README beside the articles is not an article


def test_wire_copy_is_echoed(corpus_run: Run) -> None:
    group = corpus_run.group_with("Eleven other people were injured")
    assert group["verdict"] == "echoed"
    assert group["independent_sources"] == 1
    assert len({m["article_id"] for m in group["members"]}) == 3


def test_a_quote_copied_with_the_wire_is_echoed_from_its_speaker(corpus_run: Run) -> None:
    group = corpus_run.group_with("keep their windows closed")
    assert group["verdict"] == "echoed"
    assert [o["kind"] for o in group["origins"]] == ["speaker"]
    assert all(m["attribution"]["direct"] for m in group["members"])


def test_independent_confirmation_is_corroborated(corpus_run: Run) -> None:
    group = corpus_run.group_with("about 300 residents had been evacuated", "Bart Hoornaert")
    assert group["verdict"] == "corroborated"
    assert group["independent_sources"] >= 2
    assert not group["conflicts"]


def test_conflicting_death_toll_shows_each_value_and_the_conservative_one(corpus_run: Run) -> None:
    group = corpus_run.group_with("Three workers were killed", "Five workers were killed")
    assert group["verdict"] == "conflicting"
    (conflict,) = [c for c in group["conflicts"] if c["attribute"].startswith("count")]
    values = {v["value"]: len(v["article_ids"]) for v in conflict["values"]}
    assert set(values) == {"3", "5"}
    assert conflict["conservative"] == "3"


def test_injured_does_not_join_killed(corpus_run: Run) -> None:
    killed = corpus_run.group_with("Three workers were killed")
    assert not any("injured" in m["text"] for m in killed["members"])


def test_a_denial_conflicts_with_an_assertion(corpus_run: Run) -> None:
    group = corpus_run.group_with("denied that safety inspections", "inspections had been skipped")
    assert group["verdict"] == "conflicting"
    assert [c["attribute"] for c in group["conflicts"]] == ["polarity"]


def test_a_hedged_claim_asserted_elsewhere_is_contested(corpus_run: Run) -> None:
    group = corpus_run.group_with(
        "reportedly caused by a faulty storage tank", "faulty storage tank holding"
    )
    assert group["contested_certainty"] is True
    certainties = {m["certainty"] for m in group["members"]}
    assert "asserted" in certainties and certainties & {"hedged", "unconfirmed"}


def test_the_unrelated_story_is_single_source(corpus_run: Run) -> None:
    (library,) = [s for s in corpus_run.document["stories"] if _stems(corpus_run, s) == {"010"}]
    assert library["claim_groups"]
    assert {g["verdict"] for g in library["claim_groups"]} == {"single_source"}


def test_captions_and_furniture_are_not_claims(corpus_run: Run) -> None:
    texts = [m["text"] for g in corpus_run.groups() for m in g["members"]]
    for line in ("web screen grab", "Photo: Courier staff", "Share this article", "Related:",
                 "Updated"):  # fmt: skip
        assert not any(line in text for text in texts), line


def test_every_verdict_occurs(corpus_run: Run) -> None:
    verdicts = {g["verdict"] for g in corpus_run.groups()}
    assert verdicts == {"single_source", "echoed", "corroborated", "conflicting"}
