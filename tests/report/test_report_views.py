"""The story views both report.html and the web pages draw: matrix, graph and timeline."""

from __future__ import annotations

from dataclasses import replace

from storytrace.records import Article, Origin, ReuseEdge, Story
from storytrace.report import render_html
from storytrace.report.graph import cited_sources
from storytrace.report.views import story_views


def test_matrix_puts_each_claim_under_its_outlet_most_contested_first(articles, story):
    (view,) = story_views(articles, [story])
    assert [c.outlet for c in view.matrix.columns] == ["SOFREP", "International Business Times"]
    assert [row.group.id for row in view.matrix.rows] == [
        "g-return", "g-elite", "g-sixty", "g-food", "g-dead",
    ]  # fmt: skip
    ibt = articles[1]
    single = view.matrix.rows[-1]
    assert single.cells[0] == ()
    assert [c.article_id for c in single.cells[1]] == [ibt.id]
    assert all(row.anchor.startswith("story-1-claim-") for row in view.matrix.rows)


def test_report_shows_the_matrix_with_certainty_marks_linked_to_the_evidence(articles, story):
    page = render_html(articles, [story], version="0.1.0")
    assert '<th scope="col">SOFREP</th><th scope="col">International Business Times</th>' in page
    assert 'title="SOFREP: hedged (allegedly, apparently)"' in page
    assert '<a class="mark certainty-unconfirmed" href="#story-1-claim-2"' in page
    assert '<h3 id="story-1-conflicts">Conflicts</h3>' in page


def test_echoed_spellings_are_one_source_cited_by_both_outlets(articles, story):
    sofrep, ibt = articles
    sources = cited_sources(story.claim_groups)
    assert sources["Pskovskaya Gubernia"] == {sofrep.id, ibt.id}
    assert "Pskovskaya Guberniya" not in sources  # a spelling of the same source
    (view,) = story_views(articles, [story])
    titles = [edge.title for edge in view.graph.edges]
    assert "SOFREP cites Pskovskaya Gubernia" in titles
    assert "International Business Times cites Pskovskaya Gubernia" in titles
    reuse = [edge for edge in view.graph.edges if edge.kind == "reuse"]
    assert [edge.title for edge in reuse] == [
        "International Business Times reused 34% of its text from SOFREP; evidence: "
        "source published first; target adds text around shared passages"
    ]
    assert reuse[0].directed and reuse[0].label.startswith("34% · ")


def test_copies_sit_below_what_they_copied_and_cited_outlets_are_articles():
    first = Article.from_text("Original report.", outlet="Wire")
    second = Article.from_text("Copied report.", outlet="Daily")
    third = Article.from_text("Copy of a copy.", outlet="Weekly")
    edges = (
        ReuseEdge(first.id, second.id, 0.9),
        ReuseEdge(second.id, third.id, 0.8),
        ReuseEdge(first.id, third.id, 0.1, ("direction undetermined",)),
    )
    story = Story("s", "Chain", (third.id, second.id, first.id), reuse_edges=edges)
    (view,) = story_views([first, second, third], [story])
    y = {node.title: node.y for node in view.graph.nodes}
    assert y["Wire"] < y["Daily"] < y["Weekly"]  # layered top to bottom: origin, copy, copy
    assert [edge.directed for edge in view.graph.edges] == [True, True, False]
    assert story_views([first], [replace(story, reuse_edges=())])[0].graph is None


def test_a_cited_outlet_of_the_story_is_drawn_as_its_article(articles, story):
    group = replace(
        story.claim_groups[2],
        origins=(Origin("The SOFREP", "cited_source"),),
        members=tuple(
            replace(m, attribution=replace(m.attribution, source="SOFREP"))
            for m in story.claim_groups[2].members
        ),
    )
    (view,) = story_views(articles, [replace(story, claim_groups=(group,), reuse_edges=())])
    assert [node.kind for node in view.graph.nodes] == ["article", "article"]
    assert [edge.title for edge in view.graph.edges] == [
        "International Business Times cites SOFREP"
    ]


def test_timeline_orders_publications_claim_dates_and_events(articles, story):
    (view,) = story_views(articles, [story])
    entries = [(e.start, e.kind, e.text) for e in view.timeline]
    assert entries == [
        ("2022-02-24", "event", "Peaceful protest in Pskov (60 people)"),
        ("2022-04-08", "published", articles[1].title),
        ("2022-04-09", "published", articles[0].title),
    ]
    assert view.timeline[0].end == "2022-03-10"
    assert view.timeline[0].anchor == "story-1-event-1"
