"""A run with new articles rebuilds only the stories they touch; the rest is read back."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from storytrace import __version__
from storytrace.pipeline import analyze
from storytrace.report.export import export
from storytrace.report.pieces import ANCHOR
from storytrace.report.update import report_articles, report_store
from storytrace.store import open_store

# Two unrelated events, told by short invented reports (quick to read).
FERRY = [
    "The ferry Stella ran aground off Mirela Island on Tuesday with 212 passengers aboard, "
    "the coastguard said.",
    "Coastguard boats took all 212 passengers of the ferry Stella ashore from Mirela Island "
    "on Tuesday, officials said.",
    "The Stella, a ferry carrying 212 passengers, hit rocks off Mirela Island on Tuesday, "
    "according to the coastguard.",
]
LIBRARY = [
    "The Porto city library reopened on Saturday after a two-year renovation, the mayor said.",
    "Porto's renovated city library opened its doors again on Saturday, the mayor said.",
]


def _write(folder: Path, texts: list[str], day: str, stem: str) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for n, text in enumerate(texts):
        (folder / f"{stem}{n}.txt").write_text(text, encoding="utf-8")
        meta = {"outlet": f"outlet{n}", "published": day}
        (folder / f"{stem}{n}.meta.json").write_text(json.dumps(meta), encoding="utf-8")


def _watch(db: Path) -> None:
    """Log the key of every story row deleted or inserted from now on."""
    with sqlite3.connect(db) as conn:
        conn.executescript(
            "CREATE TABLE written (key TEXT);"
            "CREATE TRIGGER gone AFTER DELETE ON stories BEGIN"
            " INSERT INTO written VALUES (old.key); END;"
            "CREATE TRIGGER made AFTER INSERT ON stories BEGIN"
            " INSERT INTO written VALUES (new.key); END;"
        )


def _written(db: Path) -> set[str]:
    with sqlite3.connect(db) as conn:
        return {row[0] for row in conn.execute("SELECT key FROM written")}


def _stories(db: Path) -> list:
    with open_store(db) as store:
        return store.get_stories()


def _picture(stories: list) -> set[tuple]:
    found = set()
    for story in stories:
        groups = tuple(sorted((g.verdict, len(g.members)) for g in story.claim_groups))
        found.add((frozenset(story.article_ids), groups))
    return found


def _two_batches(tmp_path: Path) -> tuple[Path, Path]:
    """Two input folders: two ferry articles and a library article, then a third ferry one."""
    first, second = tmp_path / "first", tmp_path / "second"
    _write(first, FERRY[:2], "2021-03-02", "ferry")
    _write(first, LIBRARY, "2021-03-06", "library")
    _write(second, FERRY[2:], "2021-03-03", "later")
    return first, second


def test_a_new_article_rebuilds_its_story_only_and_matches_a_run_from_scratch(
    tmp_path: Path,
) -> None:
    first, second = _two_batches(tmp_path)
    db = tmp_path / "st.db"
    assert analyze([str(first)], db=db).counts.stories == 2
    before = _stories(db)
    assert len(before) == 2
    _watch(db)
    summary = analyze([str(second)], db=db)
    assert (summary.stored, summary.rebuilt, summary.counts.stories) == (1, 1, 2)
    after = _stories(db)
    library = next(s for s in before if len(s.article_ids) == 2 and "Porto" in s.title)
    assert {s.id for s in after} == {s.id for s in before}
    ferry = next(s for s in after if s.id != library.id)
    assert len(ferry.article_ids) == 3
    assert _written(db) == {ferry.id}  # the library's row was never rewritten
    assert next(s for s in after if s.id == library.id) == library
    analyze([str(first), str(second)], db=tmp_path / "scratch.db")
    assert _picture(_stories(tmp_path / "scratch.db")) == _picture(after)
    groups = sum(len(s.claim_groups) for s in after)
    assert summary.counts.claim_groups == groups
    verdicts: dict[str, int] = {}
    for group in (g for s in after for g in s.claim_groups):
        verdicts[group.verdict] = verdicts.get(group.verdict, 0) + 1
    assert summary.counts.verdicts == verdicts
    assert summary.stories == after  # loaded from the store when asked for


def test_reports_show_every_story_after_a_new_article_and_are_kept_when_nothing_changed(
    tmp_path: Path,
) -> None:
    first, second = _two_batches(tmp_path)
    db, out = tmp_path / "st.db", tmp_path / "out"
    analyze([str(first)], db=db, out=out)
    added = analyze([str(second)], db=db, out=out)
    assert {p.name for p in added.outputs} == {"stories.json", "report.html"}
    document = json.loads((out / "stories.json").read_text(encoding="utf-8"))
    stored = _stories(db)
    assert [s["id"] for s in document["stories"]] == [s.id for s in stored]
    assert sorted(len(s["article_ids"]) for s in document["stories"]) == [2, 3]
    assert len(document["articles"]) == 5
    written = (out / "stories.json").read_text(encoding="utf-8")

    again = analyze([str(first), str(second)], db=db, out=out)
    assert again.outputs == [] and {p.name for p in again.kept} == {"stories.json", "report.html"}
    assert again.counts == added.counts

    (out / "report.html").unlink()  # a report missing: both are written again
    assert {p.name for p in analyze([], db=db, out=out).outputs} == {"stories.json", "report.html"}
    other = tmp_path / "other.db"  # another store's run into the same folder rewrites it
    analyze([str(first)], db=other, out=out)
    assert len(json.loads((out / "stories.json").read_text(encoding="utf-8"))["articles"]) == 4
    analyze([], db=db, out=out)
    assert (out / "stories.json").read_text(encoding="utf-8") == written


def test_reports_after_a_run_draw_only_changed_stories_and_match_reports_drawn_afresh(
    tmp_path: Path,
) -> None:
    first, second = _two_batches(tmp_path)
    _write(tmp_path / "second", ["A fire closed the Ostrava steelworks on Monday, police said."],
           "2021-04-12", "fire")  # fmt: skip
    db, out, fresh = tmp_path / "st.db", tmp_path / "out", tmp_path / "fresh"
    assert analyze([str(first)], db=db, out=out).drawn == 2

    added = analyze([str(second)], db=db, out=out)  # the ferry story grows, a fire story forms

    assert (added.rebuilt, added.counts.stories) == (2, 3)
    assert added.drawn == 2  # the library story's piece was kept, not drawn again
    with open_store(db) as store:  # the same store's reports drawn from nothing
        written, _kept, drawn = report_store(store, fresh, str(db.resolve()))
    assert drawn == 3 and {p.name for p in written} == {"stories.json", "report.html"}
    for name in ("stories.json", "report.html"):
        assert (out / name).read_bytes() == (fresh / name).read_bytes()
    document = json.loads((out / "stories.json").read_text(encoding="utf-8"))
    assert sorted(len(s["article_ids"]) for s in document["stories"]) == [1, 2, 3]
    page = (out / "report.html").read_text(encoding="utf-8")
    assert ANCHOR not in page and 'id="story-3"' in page and "3 stories" in page
    with open_store(db) as store:  # the same document `storytrace export` writes
        exported = export(store.get_stories(), report_articles(store), "json", version=__version__,
                          events=store.get_cross_events())  # fmt: skip
    assert (out / "stories.json").read_text(encoding="utf-8") == exported


PROTEST = "2,000 people protested in Tbilisi on 1 March 2021 against the media law"


def _one(folder: Path, stem: str, text: str, day: str, outlet: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{stem}.txt").write_text(text, encoding="utf-8")
    meta = {"outlet": outlet, "published": day}
    (folder / f"{stem}.meta.json").write_text(json.dumps(meta), encoding="utf-8")
    return folder


def test_an_event_told_in_several_stories_grows_without_saving_or_drawing_them(
    tmp_path: Path,
) -> None:
    first = _one(tmp_path / "a", "a0", f"About {PROTEST}, organisers said.", "2021-03-02", "Civil")
    _one(first, "a1", f"Some {PROTEST}, police said.", "2021-03-02", "Agenda")
    later = _one(tmp_path / "b", "b0", f"Opposition leaders recalled that {PROTEST}.",
                 "2021-04-20", "OC Media")  # fmt: skip
    last = _one(tmp_path / "c", "c0", f"A court fined organisers after {PROTEST}, lawyers said.",
                "2021-06-10", "Interpressnews")  # fmt: skip
    db, out, fresh = tmp_path / "st.db", tmp_path / "out", tmp_path / "fresh"
    analyze([str(first)], db=db, out=out)
    analyze([str(later)], db=db, out=out)  # months later: a story of its own, the same event
    with open_store(db) as store:
        (told,) = store.get_cross_events()
        before = {s.id: s for s in store.get_stories()}
    assert len(before) == 2 and set(told.story_ids) == set(before)
    _watch(db)

    added = analyze([str(last)], db=db, out=out)  # a third story tells it again

    assert (added.rebuilt, added.drawn, added.counts.stories) == (1, 1, 3)
    assert not _written(db) & set(before)  # the two stories were neither saved nor drawn
    with open_store(db) as store:
        (grown,) = store.get_cross_events()
        assert {s.id: s for s in store.get_stories(sorted(before))} == before
        report_store(store, fresh, str(db.resolve()))
    assert len(grown.story_ids) == 3 and set(told.story_ids) < set(grown.story_ids)
    assert len(grown.article_ids) == 4
    for name in ("stories.json", "report.html"):
        assert (out / name).read_bytes() == (fresh / name).read_bytes()
    document = json.loads((out / "stories.json").read_text(encoding="utf-8"))
    assert [e["story_ids"] for e in document["events"]] == [list(grown.story_ids)]
    assert all(len(s["events"]) == 1 for s in document["stories"])  # each story its own
    page = (out / "report.html").read_text(encoding="utf-8")
    assert "Events told in several stories" in page and 'href="#story-3"' in page


def _full_picture(stories: list, events: list) -> tuple:
    """Stories with their groups (members, verdict, evidence), edges and events."""
    found = []
    for story in stories:
        groups = sorted((tuple(sorted(m.id for m in g.members)), g.verdict, g.text)
                        for g in story.claim_groups)  # fmt: skip
        edges = sorted((e.source, e.target, e.containment) for e in story.reuse_edges)
        kinds = sorted((e.event_type, e.sub_event_type, e.article_ids) for e in story.events)
        found.append((story.article_ids, tuple(groups), tuple(edges), tuple(kinds)))
    merged = sorted((e.story_ids, e.article_ids) for e in events)
    return sorted(found), merged


def test_runs_through_the_corpus_index_give_the_stories_of_one_run(tmp_path: Path) -> None:
    corpus = Path(__file__).resolve().parents[2] / "examples" / "corpus"
    first, second = tmp_path / "first", tmp_path / "second"
    first.mkdir()
    second.mkdir()
    for path in sorted(corpus.glob("0*")):  # 5 Ghent reports, a ferry and a library report
        number = int(path.name[:3])
        target = second if number in (4, 6, 8) else first
        (target / path.name).write_bytes(path.read_bytes())
    db, scratch = tmp_path / "st.db", tmp_path / "scratch.db"
    analyze([str(first)], db=db)
    with open_store(db) as store:
        assert len(store.indexed_articles()) == 7  # the first run indexed its articles
    analyze([str(second)], db=db)  # 3 new against 7 indexed: through the index
    analyze([str(first), str(second)], db=scratch)
    with open_store(db) as store, open_store(scratch) as fresh:
        assert len(store.indexed_articles()) == 10
        mine = _full_picture(store.get_stories(), store.get_cross_events())
        whole = _full_picture(fresh.get_stories(), fresh.get_cross_events())
    assert mine == whole
    assert any(len(s[2]) for s in mine[0])  # reuse edges were found through the index


def test_stories_built_in_batches_are_the_stories_built_at_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Claims and claim vectors are loaded a batch of stories at a time: one story per
    batch gives the very stories, groups, verdicts and events of one batch for all."""
    import storytrace.pipeline as pipeline

    first, second = _two_batches(tmp_path)
    analyze([str(first), str(second)], db=tmp_path / "whole.db")
    monkeypatch.setattr(pipeline, "STORY_BATCH_ARTICLES", 1)
    analyze([str(first), str(second)], db=tmp_path / "batched.db")
    whole, batched = _stories(tmp_path / "whole.db"), _stories(tmp_path / "batched.db")
    assert len(whole) == 2
    assert sorted(batched, key=lambda s: s.id) == sorted(whole, key=lambda s: s.id)


def test_story_batches_keep_order_and_never_cut_a_story() -> None:
    from storytrace.incremental import story_batches
    from storytrace.records import Article

    sizes = {"s1": 3, "s2": 1, "s3": 1, "s4": 5, "s5": 1}
    members = {s: [Article(id=f"{s}-{k}", text="") for k in range(n)] for s, n in sizes.items()}
    batches = list(story_batches(list(sizes), members, 4))
    assert batches == [["s1", "s2"], ["s3", "s4"], ["s5"]]
    assert list(story_batches([], members, 4)) == []
