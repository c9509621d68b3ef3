"""The stories list is read once and read again only when the store changes."""

from __future__ import annotations

from storytrace.records import Article, Claim, Story
from storytrace.store import SQLiteStore
from storytrace.web.article_text import GroupRef, segments
from storytrace.web.listing import StoryIndex


def _story(store: SQLiteStore, n: int, published: str) -> Story:
    article = Article.from_text(f"Report number {n}.", outlet=f"Outlet {n}", published=published)
    store.add_article(article)
    story = Story(f"s-{n}", f"Story {n}", (article.id,))
    store.save_story(story)
    return story


def test_index_follows_the_store_newest_first(tmp_path):
    with SQLiteStore(tmp_path / "st.db") as store:
        _story(store, 1, "2024-01-02")
        index = StoryIndex(store)
        first = index.summaries()
        assert [s.id for s in first] == ["s-1"]
        assert index.summaries() is first  # unchanged store: not read again
        _story(store, 2, "2024-03-01")
        assert [s.id for s in index.summaries()] == ["s-2", "s-1"]
        (summary,) = index.find(["s-2", "missing"])
        assert summary.outlets == ("Outlet 2",)
        assert summary.first_published == summary.last_published == "2024-03-01"


def _claim(text: str, start: int, end: int) -> Claim:
    return Claim(id=f"a:{start}", article_id="a", text=text[start:end], span=(start, end))


def test_segments_cover_the_text_once_and_skip_overlaps():
    text = "One. Two three. Four."
    claims = [_claim(text, 5, 15), _claim(text, 0, 4), _claim(text, 10, 21), _claim(text, 16, 99)]
    ref = GroupRef("echoed", "Echoed", "/stories/s#g")
    runs = segments(text, claims, {"a:5": ref})
    assert "".join(run.text for run in runs) == text
    marked = [(run.text, run.anchor, run.group) for run in runs if run.claim]
    assert marked == [
        ("One.", "claim-0-4", None),
        ("Two three.", "claim-5-15", ref),
        ("Four.", "claim-16-99", None),
    ]


def test_index_counts_a_one_origin_story_as_no_corroboration_and_says_so(tmp_path):
    from storytrace.records import ClaimGroup, Origin

    with SQLiteStore(tmp_path / "st.db") as store:
        a = Article.from_text(
            "Three died, Agency A said.", outlet="Paper A", published="2026-03-10"
        )
        b = Article.from_text("Agency A said three died.", outlet="Paper B", published="2026-03-11")
        for article in (a, b):
            store.add_article(article)
        members = tuple(Claim(f"c-{x.id}", x.id, "Three died.", (0, 11)) for x in (a, b))
        group = ClaimGroup(
            "g-1", "Three died.", "corroborated", members,
            origins=(Origin("Agency A", "cited_source"),), independent_sources=2,
        )  # fmt: skip
        store.save_story(Story("s-1", "Deaths", (a.id, b.id), (group,)))
        (summary,) = StoryIndex(store).summaries()
        assert dict(summary.verdicts).get("corroborated", 0) == 0
        assert dict(summary.verdicts)["echoed"] == 1
        assert summary.headline.startswith("2 outlets, resting on 1 origin (Agency A)")
        assert "first reported by Paper A on 10 March 2026" in summary.headline
