"""The story at a glance: header line, honest verdict counts, plain conflict wording."""

from __future__ import annotations

from dataclasses import replace

from storytrace.records import Origin
from storytrace.report import render_html
from storytrace.report.glance import (
    effective_verdict,
    headline,
    honest_counts,
    long_date,
    plain_attribute,
)
from storytrace.report.views import story_views, verdict_counts


def test_headline_names_outlets_origins_first_report_and_dispute(articles, story):
    line = headline(story, {a.id: a for a in articles})
    assert line.startswith("2 outlets, resting on ")
    assert " origins (most cited: " in line and "independent" not in line
    assert "first reported by International Business Times on 8 April 2022" in line
    assert "disputed: manner of return (returned of their own accord vs ordered back" in line
    (view,) = story_views(articles, [story])
    assert view.headline == line
    page = render_html(articles, [story], version="0.1.0")
    assert '<p class="headline">2 outlets, resting on ' in page


def test_corroborated_on_one_origin_is_not_counted_as_corroborated(articles, story):
    group = next(g for g in story.claim_groups if g.verdict == "corroborated")
    assert effective_verdict(group) == "corroborated"
    one = replace(group, origins=(Origin("SOFREP", "outlet"),))
    spanning = {c.article_id for c in one.members}
    assert effective_verdict(one) == ("echoed" if len(spanning) > 1 else "single_source")
    lone = replace(story, claim_groups=(one,))
    assert honest_counts(lone)["corroborated"] == 0
    assert verdict_counts([lone])["corroborated"] == 0
    line = headline(lone, {a.id: a for a in articles})
    assert "resting on 1 origin (SOFREP)" in line


def test_internal_labels_become_words():
    assert plain_attribute("count: worker kill") == "the number of workers killed"
    assert plain_attribute("count: people") == "the number of people"
    assert plain_attribute("polarity") == "whether it happened"
    assert long_date("2026-03-10T08:00:00Z") == "10 March 2026"
    assert long_date("--03-05") == "--03-05"


def test_headline_escapes_untrusted_text(hostile):
    article, story = hostile
    page = render_html([article], [story], version="0.1.0")
    assert "<script>alert(3)</script>" not in page


def test_matrix_cells_show_the_value_each_outlet_reports_once_per_article(articles, story):
    (view,) = story_views(articles, [story])
    row = next(r for r in view.matrix.rows if r.group.conflicts)
    assert row.values == ("returned of their own accord", "ordered back in disgrace")
    doubled = replace(row.group, members=row.group.members + row.group.members)
    (again,) = story_views(articles, [replace(story, claim_groups=(doubled,))])
    assert [len(cell) for cell in again.matrix.rows[0].cells] == [1, 1]
    page = render_html(articles, [story], version="0.1.0")
    assert '<span class="cell-value">ordered back in disgrace</span>' in page


def test_long_evidence_lists_are_folded_short_ones_open(articles, story):
    first = story.claim_groups[0]
    long = replace(first, id="g-long", members=first.members * 3)
    story = replace(story, claim_groups=(*story.claim_groups, long))
    page = render_html(articles, [story], version="0.1.0")
    sizes = [len(g.members) for g in story.claim_groups]
    assert max(sizes) > 2
    folded = page.count('<details class="evidence">')
    opened = page.count('<details class="evidence" open>')
    assert folded == sum(n > 2 for n in sizes) and opened == sum(n <= 2 for n in sizes)


def test_conflicts_say_who_says_what_then_which_outlets_carry_it(articles, story):
    (view,) = story_views(articles, [story])
    (conflict,) = next(g for g in view.groups if g.conflicts).conflicts
    assert len(conflict.sources) == len(conflict.values)
    page = render_html(articles, [story], version="0.1.0")
    for (value, outlets), said in zip(conflict.values, conflict.sources, strict=True):
        told = f"{said}: “{value}”" if said else f"“{value}”, no source named"
        assert f"{told}; carried by {', '.join(outlets)}" in page.replace("&#34;", '"')
