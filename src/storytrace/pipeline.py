"""Running the whole pipeline over inputs, into a store, and out as reports.

The stages run in this order (see ``docs/pipeline.md``):

1. ingest      inputs -> ``Article``s, stored once each by content hash
2. read        new articles -> ``Claim``s (spaCy: sentences, quotes, attribution, hedges, numbers)
3. embed       new articles -> one vector each, kept for incremental grouping
4. reuse       all articles -> ``ReuseEdge``s (MinHash LSH + rare n-grams, passage alignment)
5. cluster     articles + vectors + entities + edges -> stories (existing ids kept)
6. align       each story's claims -> claim groups
7. provenance  claim groups -> origins, independent sources, conflicts, verdicts
8. events      claim groups -> ACLED-style events, merged within each story; events told in
               several stories merged into records of their own
9. store       stories saved; report.html and stories.json written
"""

from __future__ import annotations

import dataclasses
import logging
import time
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

import numpy as np

from storytrace.align import group_claims
from storytrace.align.coref import chain_mentions
from storytrace.align.facts import fact_conflicts, fact_groups, is_analysis
from storytrace.align.groups import (
    claim_vectors,
    read_vectors,
    stored_mention_vectors,
    vector_keys,
)
from storytrace.align.mention_chains import effective_places, fact_chains
from storytrace.align.pairs import tells_alike
from storytrace.align.properties import contested_properties
from storytrace.claims import Reading, read_stage
from storytrace.cluster import article_vectors, group_stories
from storytrace.cluster.blocking import Candidates, candidate_edges, pair_components
from storytrace.cluster.embed import Vectors
from storytrace.cluster.stories import WINDOW_DAYS
from storytrace.cluster.terms import stored_views
from storytrace.errors import InputRejected
from storytrace.events import code_events
from storytrace.incremental import (
    cross_story_events,
    edges_by_story,
    event_kind,
    grouping_text,
    index_rows,
    members_by_story,
    neighbourhood,
    stories_to_build,
    story_batches,
    with_new,
)
from storytrace.ingest import (
    CountsListener,
    IngestCounts,
    ReadOptions,
    count_inputs,
    read_inputs,
    read_options,
)
from storytrace.provenance import cited_sources, judge_group
from storytrace.provenance.accounts import paragraph_sources
from storytrace.provenance.verdicts import story_names
from storytrace.records import Article, Claim, ClaimGroup, ReuseEdge, Run, Story
from storytrace.report.cache import PIECES
from storytrace.report.stamp import REPORTS, STAMP
from storytrace.report.update import report_store
from storytrace.reuse import find_reuse
from storytrace.reuse.stored import find_new_reuse
from storytrace.spill import StorySpill
from storytrace.store import Store, open_store, runs
from storytrace.store.base import StoryCounts
from storytrace.store.runs import start_run

logger = logging.getLogger(__name__)

Progress = Callable[[str, int, int], None]  # (stage, done, total)

CLAIMS_PER_COMMIT = 32  # articles whose claims the read stage commits together

# Reused text further apart than this is not looked for: grouping never links articles
# 14 days apart, so such an edge could never enter a story (docs/scale.md).
REUSE_WINDOW_DAYS = 365

_INTEREST = {"conflicting": 0, "echoed": 2, "corroborated": 3, "single_source": 4}


@dataclass(frozen=True)
class ArticleFailed:
    """An article (or a story of articles) a stage raised on: kept, skipped, and named."""

    article_id: str
    source: str  # where it was read from (or the story id, for the stories stage)
    stage: str
    reason: str


@dataclass
class RunSummary:
    """What a run did: counts per outcome, every rejected input and every failed article.

    ``counts`` are the stored stories after the run (counted, not loaded; ``stories``
    loads them from the store on first use); ``rebuilt`` the stories this run wrote.
    ``outputs`` are the reports written, ``kept`` those left as they were because the
    store had not changed since they were written; ``drawn`` counts the stories the
    reports drew again (those saved since the reports were last written).
    """

    stored: int = 0
    duplicates: int = 0
    rejected: list[InputRejected] = field(default_factory=list)
    failed: list[ArticleFailed] = field(default_factory=list)
    counts: StoryCounts = field(default_factory=lambda: StoryCounts(0, 0, {}))
    rebuilt: int = 0
    outputs: list[Path] = field(default_factory=list)
    kept: list[Path] = field(default_factory=list)
    drawn: int = 0  # stories drawn for the reports (the others' pieces were kept)
    seconds: dict[str, float] = field(default_factory=dict)  # wall time per stage
    db: str | Path | None = None  # the store the run wrote to
    _stories: list[Story] | None = field(default=None, repr=False, compare=False)

    @property
    def stories(self) -> list[Story]:
        """Every stored story, in id order, read from ``db`` on first use."""
        if self._stories is None:
            if self.db is None:
                return []
            store = open_store(self.db, read_only=True)
            try:
                self._stories = store.get_stories()
            finally:
                store.close()
        return self._stories


class _Clock:
    """Adds the wall time since the last tick to a stage's total."""

    def __init__(self, totals: dict[str, float]) -> None:
        self._totals = totals
        self._last = time.perf_counter()

    def tick(self, stage: str) -> None:
        now = time.perf_counter()
        self._totals[stage] = round(self._totals.get(stage, 0.0) + now - self._last, 3)
        self._last = now


def _quiet(stage: str, done: int, total: int) -> None:
    """The default progress callback: log at debug level only."""
    logger.debug("%s %d/%d", stage, done, total)


def _own_files(db: str | Path, out: str | Path | None = None) -> set[Path]:
    """The database's and the reports' own files, which an input folder may hold: not articles."""
    own: set[Path] = set()
    if "://" not in str(db):
        base = Path(db).resolve()
        own |= {
            base,
            *(base.with_name(base.name + s) for s in ("-wal", "-shm", "-journal", ".lock")),
        }
    if out is not None:
        folder = Path(out).resolve()
        own |= {folder / name for name in (*REPORTS, STAMP, PIECES, PIECES + "-journal")}
    return own


def ingest_into(
    store: Store,
    inputs: Sequence[str],
    summary: RunSummary,
    progress: Progress,
    *,
    db: str | Path,
    out: str | Path | None = None,
) -> None:
    """Stage 1: read every input; store new articles, count duplicates, keep rejections.

    Each article is stored with its source in one transaction of its own, so a run
    killed at any point leaves whole articles only, and running again stores the rest
    (articles are keyed by content hash; a second source of a stored article is added
    to its provenance). ``progress("ingest", done, total)`` counts inputs read; a
    callback that is also a :class:`~storytrace.ingest.CountsListener` gets the counts
    of stored, duplicate and rejected results too. The size cap and download limits
    are those of the innermost :func:`~storytrace.ingest.read_options` block.
    """
    own = _own_files(db, out)
    counts = IngestCounts(inputs_total=count_inputs(inputs))
    listener = progress if isinstance(progress, CountsListener) else None

    def input_read(_source: str) -> None:
        counts.inputs_done += 1
        progress("ingest", min(counts.inputs_done, counts.inputs_total), counts.inputs_total)

    for item in read_inputs(inputs, on_file=input_read):
        if isinstance(item, InputRejected):
            if own and "://" not in item.source and Path(item.source).resolve() in own:
                continue
            summary.rejected.append(item)
            counts.rejected += 1
        elif store.add_article(item):
            summary.stored += 1
            counts.stored += 1
        else:
            summary.duplicates += 1
            counts.duplicates += 1
        if listener is not None:
            listener.ingest_counts(counts)


def read_new(
    store: Store,
    articles: Sequence[Article],
    progress: Progress,
    clock: _Clock | None = None,
    failed: list[ArticleFailed] | None = None,
    engine: Engine | None = None,
) -> int:
    """Stages 2-3: claims and vectors for articles that do not have them yet; how many.

    ``engine`` runs :func:`read_each` and :func:`embed_each` over the articles: in this
    process by default, or spread over workers (``storytrace.spark.SparkEngine``).

    Claims are committed :data:`CLAIMS_PER_COMMIT` articles at a time, once those are
    read (each commit syncs the disk and flushes the full-text index); a run stopped
    midway keeps every batch committed before it, each article whole. An article the
    read stage raises on is stored as failed with the reason (``store.mark_failed``),
    added to ``failed`` and never read again; the others are read as usual.
    """
    failed = [] if failed is None else failed
    engine = engine or EMBEDDED
    outlets = sorted({a.outlet for a in articles if a.outlet})
    unread = [a for a in articles if not store.has_claims(a.id)]
    pending: list[tuple[Article, Reading | str]] = []
    for done, read in enumerate(engine.read(unread, outlets), 1):
        pending.append(read)
        if isinstance(read[1], str):
            failed.append(ArticleFailed(read[0].id, read[0].source, "read", read[1]))
        if len(pending) == CLAIMS_PER_COMMIT:
            _save_claims(store, pending)
        progress("read", done, len(unread))
    _save_claims(store, pending)
    if clock is not None:
        clock.tick("read")
    have = store.get_vectors()
    missing = [a for a in articles if a.id not in have]
    if missing:
        for article, vector in engine.embed(missing):
            if isinstance(vector, str):
                failed.append(ArticleFailed(article.id, article.source, "embed", vector))
                continue
            store.save_vector(article.id, vector.astype(np.float32).tobytes())
        progress("embed", len(missing), len(missing))
    if clock is not None:
        clock.tick("embed")
    return len(unread)


def _reason(exc: BaseException) -> str:
    """One line saying what an article raised."""
    text = " ".join(str(exc).split())
    return f"{type(exc).__name__}: {text[:300]}" if text else type(exc).__name__


def read_each(
    articles: Sequence[Article], outlets: Sequence[str], batch: int = 16
) -> Iterator[tuple[Article, Reading | str]]:
    """Each article with what the read stage found, or with the reason it raised on it.

    Articles are parsed in batches; when a batch raises, the rest of it is read one by
    one, so only the article that raises is lost.
    """
    for first in range(0, len(articles), batch):
        chunk = articles[first : first + batch]
        done = 0
        try:
            for reading in read_stage(chunk, known_outlets=outlets):
                done += 1
                yield reading.article, reading
        except Exception:  # one article of the batch: find it by reading the rest alone
            logger.debug("read batch failed at article %d; reading alone", first + done)
        for article in chunk[done:]:
            try:
                yield article, next(iter(read_stage([article], known_outlets=outlets)))
            except Exception as exc:  # an article never stops the batch
                yield article, _reason(exc)


def embed_each(articles: Sequence[Article]) -> Iterator[tuple[Article, np.ndarray | str]]:
    """Each article with its vector, or with the reason embedding it raised."""
    try:
        yield from zip(articles, article_vectors(articles), strict=True)
        return
    except Exception:
        logger.debug("embedding the batch failed; embedding one by one")
    for article in articles:
        try:
            vector = article_vectors([article])[0]
        except Exception as exc:  # an article never stops the batch
            yield article, _reason(exc)
            continue
        yield article, vector


class Engine(Protocol):
    """Where stages 2-3 run (:func:`read_each` and :func:`embed_each` over articles), and
    story grouping's candidate pairs are scored and their connected parts found."""

    def read(
        self, articles: Sequence[Article], outlets: Sequence[str]
    ) -> Iterable[tuple[Article, Reading | str]]: ...

    def embed(self, articles: Sequence[Article]) -> Iterable[tuple[Article, np.ndarray | str]]: ...

    def components(self, n: int, pairs: Sequence[tuple[int, int]]) -> list[list[int]]: ...

    @property
    def candidates(self) -> Candidates: ...


class EmbeddedEngine:
    """Stages 2-3 in this process (the default engine)."""

    def read(
        self, articles: Sequence[Article], outlets: Sequence[str]
    ) -> Iterable[tuple[Article, Reading | str]]:
        return read_each(articles, outlets)

    def embed(self, articles: Sequence[Article]) -> Iterable[tuple[Article, np.ndarray | str]]:
        return embed_each(articles)

    def components(self, n: int, pairs: Sequence[tuple[int, int]]) -> list[list[int]]:
        return pair_components(n, pairs)

    @property
    def candidates(self) -> Candidates:
        return candidate_edges


EMBEDDED = EmbeddedEngine()


def _save_claims(store: Store, pending: list[tuple[Article, Reading | str]]) -> None:
    """Save what was read of the pending articles (or their failure) in one transaction."""
    if not pending:
        return
    flat = [c for _, reading in pending if not isinstance(reading, str) for c in reading.claims]
    vectors = read_vectors(flat) if flat else {}
    with store.transaction():
        for article, reading in pending:
            if isinstance(reading, str):
                store.mark_failed(article.id, reading)
                continue
            claims = reading.claims
            store.save_attributions(article.id, reading.attributions)
            store.save_claims(article.id, claims)
            blobs = {k: _blob(vectors[k]) for c in claims for k in vector_keys(c)}
            store.save_claim_vectors(article.id, blobs)
    pending.clear()


def _blob(vector: Vectors) -> bytes:
    return vector.astype(np.float32).tobytes()


def load_claim_vectors(store: Store, claims: Sequence[Claim]) -> dict[str, Vectors]:
    """Every claim's and mention's stored vectors (:func:`~storytrace.align.groups.read_vectors`
    keys); claims read by an older version are encoded once, now, and stored."""
    stored = store.get_claim_vectors(k for c in claims for k in vector_keys(c))
    found = {k: np.frombuffer(v, dtype=np.float32) for k, v in stored.items()}
    missing = [c for c in claims if any(k not in found for k in vector_keys(c))]
    if missing:
        found.update(read_vectors(missing))
        stale = {c.article_id for c in missing}
        by_article: dict[str, dict[str, bytes]] = {}
        for claim in claims:
            if claim.article_id in stale:
                blobs = by_article.setdefault(claim.article_id, {})
                blobs.update((k, _blob(found[k])) for k in vector_keys(claim))
        with store.transaction():
            for article_id, blobs in by_article.items():
                store.save_claim_vectors(article_id, blobs)
    return found


def build_story(
    story_id: str,
    members: Sequence[Article],
    claims: Sequence[Claim],
    edges: Sequence[ReuseEdge],
    vectors: Mapping[str, Vectors] | None = None,
) -> Story:
    """Stages 6-8 for one story: claim groups with verdicts, reuse edges and events.

    Claims are aligned by fact: sentence groups are joined where their event mentions
    chain across articles, and each group is judged on its members' origins and on the
    slots (count, place, date, agency, polarity) its chained mentions disagree on.
    """
    by_id = {a.id: a for a in members}
    ids = set(by_id)
    story_claims = [c for c in claims if c.article_id in ids]
    story_edges = [e for e in edges if e.source in ids and e.target in ids]
    texts = {a.id: a.text for a in members}
    mentions = [m for c in story_claims for m in c.mentions]
    stored = stored_mention_vectors(story_claims, vectors) if vectors is not None else None
    events = chain_mentions(mentions, texts, vectors=stored)
    story_claims = [_chained(c, events) for c in story_claims]
    places = effective_places(mentions, texts)
    chains = fact_chains(mentions, events, places)
    cited = cited_sources(story_claims)
    accounts = paragraph_sources(story_claims, by_id)
    names = story_names(story_claims, by_id, accounts)
    judged = [c for c in story_claims if not is_analysis(c)]

    if vectors is not None and judged and all(c.id in vectors for c in judged):
        matrix = np.stack([vectors[c.id] for c in judged])
    else:  # nothing stored (a caller outside analyze): embedded once, here
        matrix = claim_vectors(judged)
    alike = tells_alike({c.id: row for c, row in zip(judged, matrix, strict=True)})

    def judge(group: Sequence[Claim]) -> ClaimGroup:
        conflicts = fact_conflicts(group, chains, places)
        return judge_group(group, by_id, edges=story_edges, cited=cited, accounts=accounts,
                           names=names, facts=conflicts, alike=alike)  # fmt: skip

    sentence_groups = group_claims(judged, vectors=matrix)
    groups = [judge(group) for group in fact_groups(judged, sentence_groups, chains)]
    for prop in contested_properties(judged):
        if any({c.id for c in prop} <= {m.id for m in g.members} for g in groups):
            continue  # sentence alignment already put them together
        found = judge(prop)
        doubted = prop[0]
        groups.append(
            dataclasses.replace(
                found,
                text=doubted.text,
                evidence=f"{found.evidence} One article doubts what another takes as fact.",
            )
        )
    groups.sort(key=lambda g: (_INTEREST[g.verdict] - (1.5 if g.contested_certainty else 0),
                               -len(g.members)))  # fmt: skip
    lead = min(members, key=lambda a: (a.published or "9999", a.id))
    title = lead.title or (story_claims[0].text if story_claims else lead.text[:80])
    return Story(
        id=story_id,
        title=title,
        article_ids=tuple(a.id for a in sorted(members, key=lambda a: (a.published or "", a.id))),
        claim_groups=tuple(groups),
        reuse_edges=tuple(story_edges),
        events=tuple(
            code_events(groups, by_id, claims=story_claims, story_id=story_id, vectors=vectors)
        ),
    )


def _chained(claim: Claim, events: Mapping[str, str]) -> Claim:
    """The claim with each mention's event chain filled in (what ``predict coref`` prints)."""
    if not claim.mentions:
        return claim
    mentions = tuple(dataclasses.replace(m, chain=events.get(m.id)) for m in claim.mentions)
    return dataclasses.replace(claim, mentions=mentions)


def _build_guarded(
    story_id: str,
    members: Sequence[Article],
    claims: Sequence[Claim],
    edges: Sequence[ReuseEdge],
    vectors: Mapping[str, Vectors],
    failed: list[ArticleFailed] | None,
) -> list[Story]:
    """The story, or, when building it raises, the story without claims, the failure named."""
    try:
        return [build_story(story_id, members, claims, edges, vectors)]
    except Exception as exc:  # one story never stops the run
        reason = _reason(exc)
    if failed is not None:
        failed += [ArticleFailed(a.id, a.source or story_id, "stories", reason) for a in members]
    try:
        return [build_story(story_id, members, [], edges, vectors)]
    except Exception:  # not even its articles alone: leave the story out of this run
        return []


def analyze(
    inputs: Sequence[str],
    *,
    db: str | Path = "storytrace.db",
    out: str | Path | None = None,
    progress: Progress = _quiet,
    options: ReadOptions | None = None,
    engine: Engine | None = None,
) -> RunSummary:
    """Ingest ``inputs`` into ``db``, run every stage, and write reports into ``out``.

    Running it again on the same inputs adds nothing twice: articles are keyed by content
    hash, and new articles join the stories they belong to.

    Example:
        >>> analyze(["examples/corpus"], db="out/demo.db", out="out/demo")  # doctest: +SKIP
    """
    summary = RunSummary(db=db)
    clock = _Clock(summary.seconds)
    store = open_store(db)
    run = start_run(inputs)
    try:
        store.save_run(run)
        if options is None:
            ingest_into(store, inputs, summary, progress, db=db, out=out)
        else:
            with read_options(options):
                ingest_into(store, inputs, summary, progress, db=db, out=out)
        clock.tick("ingest")
        finish_run(store, summary, run, progress=progress, engine=engine, db=db, out=out)
    finally:
        store.close()
    return summary


def finish_run(
    store: Store,
    summary: RunSummary,
    run: Run,
    *,
    progress: Progress = _quiet,
    engine: Engine | None = None,
    db: str | Path,
    out: str | Path | None,
) -> None:
    """Stages 2-9 after articles were stored: read and embed what is not, update the
    stories, record the run, bring the reports in ``out`` up to date."""
    clock = _Clock(summary.seconds)
    if summary.stored or store.unfinished_articles():
        read_new(store, store.get_articles(), progress, clock, summary.failed, engine)
        with store.story_update():
            built = update_stories(store, progress, clock, summary.failed, engine)
            summary.rebuilt = len(built)
    summary.counts = store.story_counts()
    store.save_run(
        dataclasses.replace(
            run,
            finished=runs.now(),
            articles_stored=summary.stored,
            duplicates=summary.duplicates,
            rejected=len(summary.rejected),
            stories=summary.counts.stories,
        )
    )
    if out is not None:
        summary.outputs, summary.kept, summary.drawn = report_store(
            store, Path(out), _store_name(db)
        )
        clock.tick("report")


def update_stories(
    store: Store,
    progress: Progress,
    clock: _Clock | None = None,
    failed: list[ArticleFailed] | None = None,
    engine: Engine | None = None,
) -> list[str]:
    """Stages 4-9 for the articles not yet in a story; returns the ids of the stories saved.

    Call it holding :meth:`Store.story_update`: it reads the latest stories, so a
    concurrent run's are built upon, never overwritten. Only what the new articles touch
    is recomputed (see ``docs/scale.md``): their reuse edges, the stories they join, merge
    or form (grouped with :func:`group_stories` ``focus``), and those stories' groups,
    origins and events; every other story is read back as stored. Stories are built a
    batch at a time and wait on disk (:class:`~storytrace.spill.StorySpill`), so memory
    holds one batch whatever the corpus size; then they replace the ones they absorb in
    one transaction (``Store.replace_stories``, reading them back one at a time): a run
    killed at any point leaves the previous stories whole. With no new article ready,
    the stored stories stand as they are, and nothing is loaded.
    """
    if not store.unfinished_articles():
        return []
    ready = store.ready_articles()
    grouped = store.story_articles()
    new = [i for i, _ in ready if i not in grouped]
    if not new:
        return []
    indexed = _indexed(store, ready, grouped)
    fresh = set(new)
    unindexed = [i for i in new if i not in indexed]  # (a new article may be indexed
    documents = len(indexed) + len(unindexed)  # already, when its story failed)
    if len(new) > len(indexed):  # most of the corpus is new: every article read at once
        articles = store.get_articles(i for i, _ in ready)
        _tick(clock, "load")
        edges = find_reuse(articles, only=fresh, window_days=REUSE_WINDOW_DAYS)
        matrix = _vectors(store, articles)
        views = None
    else:  # through the corpus index: only what the new articles meet is read
        added = store.get_articles(new)
        _tick(clock, "load")
        uncounted = [a for a in added if a.id not in indexed]
        edges = find_new_reuse(added, store, store.get_articles, documents=documents,
                               uncounted=uncounted, window_days=REUSE_WINDOW_DAYS,
                               published=dict(ready))  # fmt: skip
        _tick(clock, "reuse")
        articles = store.get_articles(neighbourhood(ready, fresh, grouped, WINDOW_DAYS))
        _tick(clock, "load")
        counts = index_rows(uncounted, len(indexed))[1]
        matrix = _vectors(store, articles)
        views = stored_views(
            [grouping_text(a) for a in articles],
            matrix,
            with_new(store.index_counts, counts),
            documents,
        )
    progress("reuse", len(new), len(new))
    vectors = dict(zip((a.id for a in articles), matrix, strict=True))
    _tick(clock, "reuse" if views is None else "cluster")
    existing = {a.id: grouped[a.id] for a in articles if a.id in grouped}
    on = engine or EMBEDDED
    assignment = group_stories(articles, vectors, edges=edges, existing=existing, focus=new,
                               parts_of=on.components, pairs_of=on.candidates,
                               views=views)  # fmt: skip
    _tick(clock, "cluster")
    story_ids, replaced = stories_to_build(assignment, existing, new)
    old = store.get_stories(sorted(replaced))
    members = members_by_story(articles, assignment, story_ids)
    story_edges = edges_by_story([*edges, *(e for s in old for e in s.reuse_edges)], assignment)
    kinds = store.event_kinds(replaced)
    saved: set[str] = set()
    done = 0
    with StorySpill() as built:  # on disk until saved: memory holds one batch
        for batch in story_batches(story_ids, members, STORY_BATCH_ARTICLES):
            claims = store.get_claims(a.id for story_id in batch for a in members[story_id])
            by_article: dict[str, list[Claim]] = {}
            for claim in claims:
                by_article.setdefault(claim.article_id, []).append(claim)
            by_claim = load_claim_vectors(store, claims)
            _tick(clock, "load")
            for story_id in batch:
                chosen = members[story_id]
                story_claims = [c for a in chosen for c in by_article.get(a.id, [])]
                found = story_edges.get(story_id, [])
                for story in _build_guarded(story_id, chosen, story_claims, found, by_claim,
                                            failed):  # fmt: skip
                    built.add(story)
                    saved.add(story.id)
                    kinds |= {event_kind(e) for e in story.events}
                done += 1
                progress("stories", done, len(story_ids))
            del claims, by_article, by_claim
            _tick(clock, "align+provenance+events")
        with store.transaction():
            store.replace_stories(built, replacing=replaced)
            _tick(clock, "store")
            rebuilt = saved | replaced
            merged, dropped = cross_story_events(
                store.story_events(kinds), store.cross_events(kinds), rebuilt, store.claim_groups
            )
            store.save_cross_events(merged, replacing=dropped)
            _tick(clock, "events across stories")
            todo = set(unindexed)
            _save_index(store, [a for a in articles if a.id in todo], len(indexed))
            _tick(clock, "index")
    return sorted(saved)


INDEX_BATCH = 2_000  # articles indexed at a time (bounded memory)
STORY_BATCH_ARTICLES = 500  # stories built at a time hold about this many articles (0.5 MB each)


def _vectors(store: Store, articles: Sequence[Article]) -> Vectors:
    """The articles' stored embeddings, one row each."""
    raw = store.get_vectors(a.id for a in articles)
    return np.stack([np.frombuffer(raw[a.id], dtype=np.float32) for a in articles])


def _save_index(store: Store, articles: Sequence[Article], first: int) -> None:
    """Add ``articles`` (numbered from ``first`` in corpus order) to the corpus index."""
    for start in range(0, len(articles), INDEX_BATCH):
        chunk = articles[start : start + INDEX_BATCH]
        keys, counts = index_rows(chunk, first + start)
        store.save_index([a.id for a in chunk], keys, counts)


def _indexed(store: Store, ready: Sequence[tuple[str, str | None]],
             grouped: Mapping[str, str]) -> set[str]:  # fmt: skip
    """The articles the corpus index holds, after indexing the grouped articles it lacks
    (all of them, once, in a store made before the index)."""
    indexed = store.indexed_articles()
    missing = [i for i, _ in ready if i in grouped and i not in indexed]
    if missing:
        with store.transaction():
            for start in range(0, len(missing), INDEX_BATCH):
                chunk = store.get_articles(missing[start : start + INDEX_BATCH])
                _save_index(store, chunk, len(indexed) + start)
        indexed |= set(missing)
    return indexed


def _tick(clock: _Clock | None, stage: str) -> None:
    if clock is not None:
        clock.tick(stage)


def _store_name(db: str | Path) -> str:
    """What names the store in a report's stamp: a SQLite file's full path, or the URL."""
    return str(db) if "://" in str(db) else str(Path(db).resolve())
