"""Rows S1-S4, S11 and S13 of shared/ACCEPTANCE.md, over the seed articles where they sit."""

from __future__ import annotations

import shutil
from pathlib import Path

from markupsafe import escape

from storytrace_testkit import IBT, SEEDS, SOFREP, Run


def test_s1_the_two_articles_form_one_story(seeds_run: Run) -> None:
    stories = seeds_run.document["stories"]
    assert len(stories) == 1
    assert sorted(stories[0]["article_ids"]) == sorted(seeds_run.articles)


def test_s2_outlets_come_from_the_sidecars(seeds_run: Run) -> None:
    outlets = {seeds_run.articles[seeds_run.article_id(SOFREP)]["outlet"],
               seeds_run.articles[seeds_run.article_id(IBT)]["outlet"]}  # fmt: skip
    assert outlets == {"SOFREP", "International Business Times"}


def test_s2_without_sidecars_the_articles_are_still_analysed(tmp_path: Path) -> None:
    from storytrace.pipeline import analyze

    for stem in (SOFREP, IBT):
        shutil.copy(SEEDS / f"{stem}.txt", tmp_path / f"{stem}.txt")
    from storytrace.store import open_store

    summary = analyze([str(tmp_path)], db=tmp_path / "st.db")
    assert summary.stored == 2 and not summary.rejected
    assert summary.counts.stories == 1
    with open_store(tmp_path / "st.db") as store:
        articles, (story,) = store.get_articles(), store.get_stories()
    assert len(articles) == 2 and all(a.outlet is None for a in articles)
    assert len(story.article_ids) == 2
    assert any(len({m.article_id for m in g.members}) == 2 for g in story.claim_groups)


def _refusal_group(run: Run) -> dict:
    return run.group_with("60", "Pskovskaya Guberniya")


def test_s3_gubernia_and_guberniya_are_one_origin(seeds_run: Run) -> None:
    group = _refusal_group(seeds_run)
    origins = [o for o in group["origins"] if "Pskovskaya" in o["name"]]
    assert len(origins) == 1
    assert {"Pskovskaya Gubernia", "Pskovskaya Guberniya"} <= set(origins[0]["variants"])


def test_s4_the_refusal_of_about_60_is_echoed_from_one_origin(seeds_run: Run) -> None:
    group = _refusal_group(seeds_run)
    members = group["members"]
    assert {m["article_id"] for m in members} == set(seeds_run.articles)
    assert group["verdict"] == "echoed"
    assert group["independent_sources"] == 1
    assert group["origins"][0]["kind"] == "cited_source"
    sixty = [q for m in members for q in m["quantities"] if q["value"] == 60]
    assert sixty and all(q["approximate"] for q in sixty)
    assert all(q["low"] < 60 < q["high"] for q in sixty)


def test_s11_captions_and_furniture_are_not_claims(seeds_run: Run) -> None:
    texts = [m["text"] for g in seeds_run.groups() for m in g["members"]]
    furniture_lines = (
        "Sergei Shoigu Twitter",
        "web screen grab",
        "Updated",
        "Wikimedia Commons",
        "Arrested Russian soldiers being interrogated",
        "Putin has cancer",
    )
    for furniture in furniture_lines:
        assert not any(furniture in text for text in texts), furniture
    assert any("Pskovskaya Gubernia" in text for text in texts)


def test_s13_every_verdict_shows_its_evidence(seeds_run: Run) -> None:
    html_page = (seeds_run.out / "report.html").read_text(encoding="utf-8")
    for group in seeds_run.groups():
        assert group["members"] and group["evidence"]
        if group["verdict"] == "echoed":
            assert group["origins"][0]["name"] in group["evidence"]
    group = _refusal_group(seeds_run)
    for member in group["members"]:
        assert str(escape(member["text"]))[:60] in html_page
    assert "International Business Times" in html_page and "SOFREP" in html_page
    assert "trace back to one origin" in html_page
    assert str(escape(group["origins"][0]["name"])) in html_page


def test_spans_index_the_stored_text(seeds_run: Run) -> None:
    from storytrace.store import open_store

    store = open_store(seeds_run.out.parent / "st.db")
    texts = {a.id: a.text for a in store.get_articles()}
    store.close()
    for group in seeds_run.groups():
        for member in group["members"]:
            start, end = member["span"]
            assert texts[member["article_id"]][start:end] == member["text"]
