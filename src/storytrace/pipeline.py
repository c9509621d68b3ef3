"""Running the whole pipeline over inputs, into a store, and out as reports.

The stages run in this order (see ``docs/pipeline.md``):

1. ingest      inputs -> ``Article``s, stored once each by content hash
2. read        new articles -> ``Claim``s (spaCy: sentences, quotes, attribution, hedges, numbers)
3. embed       new articles -> one vector each, kept for incremental grouping
4. reuse       all articles -> ``ReuseEdge``s (MinHash LSH + rare n-grams, passage alignment)
5. cluster     articles + vectors + entities + edges -> stories (existing ids kept)
6. align       each story's claims -> claim groups
7. provenance  claim groups -> origins, independent sources, conflicts, verdicts
8. events      claim groups -> ACLED-style events, merged within each story, then across stories
9. store       stories saved; report.html and stories.json written
"""

from __future__ import annotations

import dataclasses
import logging
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from storytrace import __version__
from storytrace.align import group_claims
from storytrace.align.properties import contested_properties
from storytrace.claims import read_articles
from storytrace.cluster import article_vectors, group_stories
from storytrace.errors import InputRejected
from storytrace.events import code_events, merge_across_stories
from storytrace.ingest import (
    CountsListener,
    IngestCounts,
    ReadOptions,
    count_inputs,
    read_inputs,
    read_options,
)
from storytrace.provenance import cited_sources, judge_group
from storytrace.records import Article, Claim, ReuseEdge, Story
from storytrace.report import stories_document, write_html, write_json
from storytrace.reuse import find_reuse
from storytrace.store import Store, open_store

logger = logging.getLogger(__name__)

Progress = Callable[[str, int, int], None]  # (stage, done, total)

CLAIMS_PER_COMMIT = 32  # articles whose claims the read stage commits together

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
    """What a run did: counts per outcome, every rejected input and every failed article."""

    stored: int = 0
    duplicates: int = 0
    rejected: list[InputRejected] = field(default_factory=list)
    failed: list[ArticleFailed] = field(default_factory=list)
    stories: list[Story] = field(default_factory=list)
    articles: list[Article] = field(default_factory=list)
    outputs: list[Path] = field(default_factory=list)
    seconds: dict[str, float] = field(default_factory=dict)  # wall time per stage


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
        own |= {base, *(base.with_name(base.name + s) for s in ("-wal", "-shm", "-journal"))}
    if out is not None:
        folder = Path(out).resolve()
        own |= {folder / "stories.json", folder / "report.html"}
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
) -> None:
    """Stages 2-3: claims and vectors for articles that do not have them yet.

    Claims are committed :data:`CLAIMS_PER_COMMIT` articles at a time, once those are
    read (each commit syncs the disk and flushes the full-text index); a run stopped
    midway keeps every batch committed before it, each article whole. An article the
    read stage raises on is stored as failed with the reason (``store.mark_failed``),
    added to ``failed`` and never read again; the others are read as usual.
    """
    failed = [] if failed is None else failed
    outlets = sorted({a.outlet for a in articles if a.outlet})
    unread = [a for a in articles if not store.has_claims(a.id)]
    pending: list[tuple[Article, list[Claim] | str]] = []
    for done, read in enumerate(_read_each(unread, outlets), 1):
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
        for article, vector in _embed_each(missing, failed):
            store.save_vector(article.id, vector.astype(np.float32).tobytes())
        progress("embed", len(missing), len(missing))
    if clock is not None:
        clock.tick("embed")


def _reason(exc: BaseException) -> str:
    """One line saying what an article raised."""
    text = " ".join(str(exc).split())
    return f"{type(exc).__name__}: {text[:300]}" if text else type(exc).__name__


def _read_each(
    articles: Sequence[Article], outlets: Sequence[str], batch: int = 16
) -> Iterator[tuple[Article, list[Claim] | str]]:
    """Each article with its claims, or with the reason the read stage raised on it.

    Articles are parsed in batches; when a batch raises, the rest of it is read one by
    one, so only the article that raises is lost.
    """
    for first in range(0, len(articles), batch):
        chunk = articles[first : first + batch]
        done = 0
        try:
            for article, claims in read_articles(chunk, known_outlets=outlets):
                done += 1
                yield article, claims
        except Exception:  # one article of the batch: find it by reading the rest alone
            logger.debug("read batch failed at article %d; reading alone", first + done)
        for article in chunk[done:]:
            try:
                yield next(iter(read_articles([article], known_outlets=outlets)))
            except Exception as exc:  # an article never stops the batch
                yield article, _reason(exc)


def _embed_each(
    articles: Sequence[Article], failed: list[ArticleFailed]
) -> Iterator[tuple[Article, np.ndarray]]:
    """Each article with its vector; one that raises is named in ``failed`` and skipped."""
    try:
        yield from zip(articles, article_vectors(articles), strict=True)
        return
    except Exception:
        logger.debug("embedding the batch failed; embedding one by one")
    for article in articles:
        try:
            vector = article_vectors([article])[0]
        except Exception as exc:  # an article never stops the batch
            failed.append(ArticleFailed(article.id, article.source, "embed", _reason(exc)))
            continue
        yield article, vector


def _save_claims(store: Store, pending: list[tuple[Article, list[Claim] | str]]) -> None:
    """Save the claims (or the failure) of the pending articles in one transaction; empty it."""
    if not pending:
        return
    with store.transaction():
        for article, claims in pending:
            if isinstance(claims, str):
                store.mark_failed(article.id, claims)
            else:
                store.save_claims(article.id, claims)
    pending.clear()


def build_story(
    story_id: str,
    members: Sequence[Article],
    claims: Sequence[Claim],
    edges: Sequence[ReuseEdge],
) -> Story:
    """Stages 6-8 for one story: claim groups with verdicts, reuse edges and events."""
    by_id = {a.id: a for a in members}
    ids = set(by_id)
    story_claims = [c for c in claims if c.article_id in ids]
    story_edges = [e for e in edges if e.source in ids and e.target in ids]
    cited = cited_sources(story_claims)
    groups = [
        judge_group(group, by_id, edges=story_edges, cited=cited)
        for group in group_claims(story_claims)
    ]
    for prop in contested_properties(story_claims):
        if any({c.id for c in prop} <= {m.id for m in g.members} for g in groups):
            continue  # sentence alignment already put them together
        judged = judge_group(prop, by_id, edges=story_edges, cited=cited)
        doubted = prop[0]
        groups.append(
            dataclasses.replace(
                judged,
                text=doubted.text,
                evidence=f"{judged.evidence} One article doubts what another takes as fact.",
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
        events=tuple(code_events(groups, by_id, claims=story_claims, story_id=story_id)),
    )


def _build_guarded(
    story_id: str,
    members: Sequence[Article],
    claims: Sequence[Claim],
    edges: Sequence[ReuseEdge],
    failed: list[ArticleFailed],
) -> list[Story]:
    """The story, or, when building it raises, the story without claims, the failure named."""
    try:
        return [build_story(story_id, members, claims, edges)]
    except Exception as exc:  # one story never stops the run
        reason = _reason(exc)
    for article in members:
        failed.append(ArticleFailed(article.id, article.source or story_id, "stories", reason))
    try:
        return [build_story(story_id, members, [], edges)]
    except Exception:  # not even its articles alone: leave the story out of this run
        return []


def analyze(
    inputs: Sequence[str],
    *,
    db: str | Path = "storytrace.db",
    out: str | Path | None = None,
    progress: Progress = _quiet,
    options: ReadOptions | None = None,
) -> RunSummary:
    """Ingest ``inputs`` into ``db``, run every stage, and write reports into ``out``.

    Running it again on the same inputs adds nothing twice: articles are keyed by content
    hash, and new articles join the stories they belong to.

    Example:
        >>> analyze(["examples/corpus"], db="out/demo.db", out="out/demo")  # doctest: +SKIP
    """
    summary = RunSummary()
    clock = _Clock(summary.seconds)
    store = open_store(db)
    try:
        if options is None:
            ingest_into(store, inputs, summary, progress, db=db, out=out)
        else:
            with read_options(options):
                ingest_into(store, inputs, summary, progress, db=db, out=out)
        articles = store.get_articles()
        clock.tick("ingest")
        read_new(store, articles, progress, clock, summary.failed)
        claims = store.get_claims(a.id for a in articles)
        vectors = {k: np.frombuffer(v, dtype=np.float32) for k, v in store.get_vectors().items()}
        clock.tick("load")
        edges = find_reuse(articles)
        progress("reuse", len(articles), len(articles))
        clock.tick("reuse")
        existing = {a.id: s for a in articles if (s := store.story_of(a.id)) is not None}
        assignment = group_stories(articles, vectors, edges=edges, existing=existing)
        clock.tick("cluster")
        story_ids = sorted(set(assignment.values()))
        built = []
        for done, story_id in enumerate(story_ids, 1):
            members = [a for a in articles if assignment[a.id] == story_id]
            built.extend(_build_guarded(story_id, members, claims, edges, summary.failed))
            progress("stories", done, len(story_ids))
        built = merge_across_stories(built)
        clock.tick("align+provenance+events")
        for story in built:
            store.save_story(story)
            summary.stories.append(story)
        clock.tick("store")
        summary.articles = articles
        if out is not None:
            summary.outputs = write_reports(articles, summary.stories, Path(out))
            clock.tick("report")
    finally:
        store.close()
    return summary


def write_reports(articles: Sequence[Article], stories: Sequence[Story], out: Path) -> list[Path]:
    """Write ``stories.json`` and ``report.html`` into ``out``."""
    out.mkdir(parents=True, exist_ok=True)
    document = stories_document(articles, stories, version=__version__)
    return [
        write_json(out / "stories.json", document),
        write_html(out / "report.html", articles, stories, version=__version__),
    ]
