"""The store interface every backend implements (SQLite and PostgreSQL)."""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping, Sequence
from contextlib import AbstractContextManager
from typing import NamedTuple, Protocol

from storytrace.records import Article, Attribution, Claim, ClaimGroup, Event, Run, Story


class MemberSentence(NamedTuple):
    """One member sentence of a claim group, with what a search result shows of its group."""

    story_id: str
    group_text: str
    verdict: str
    independent_sources: int
    named_origins: int  # distinct origins the group names
    group_articles: int  # distinct articles among the group's members
    article_id: str
    outlet: str  # the article's outlet, else its title, else its id
    sentence: str


class StoryCounts(NamedTuple):
    """What a run's summary says of the stored stories, counted without loading them."""

    stories: int
    claim_groups: int
    verdicts: dict[str, int]  # claim groups per verdict


class Store(Protocol):
    """Where articles, claims and stories live between runs.

    Stages never talk SQL: they call these methods. Every write method is
    idempotent: writing the same record twice leaves one copy.
    """

    def transaction(self) -> AbstractContextManager[None]:
        """Group the writes made inside a ``with`` block into one transaction: all or none."""

    def add_article(self, article: Article) -> bool:
        """Store ``article`` (keyed by its content hash); False if it was already there.

        When it was already there, ``article.source`` is still recorded as another
        place the same article was read from.
        """

    def article_sources(self, article_id: str) -> list[str]:
        """Every path or URL the article was read from, in the order first seen."""

    def get_articles(self, ids: Iterable[str] | None = None) -> list[Article]:
        """The articles with these ids (all articles when ``ids`` is None), in insertion order."""

    def has_claims(self, article_id: str) -> bool:
        """Whether the read stage has already stored this article's claims."""

    def save_claims(self, article_id: str, claims: Sequence[Claim]) -> None:
        """Replace the claims of one article."""

    def mark_failed(self, article_id: str, reason: str) -> None:
        """Keep the article without claims, marked as failed with ``reason``; not read again."""

    def failed_articles(self) -> dict[str, str]:
        """Every article marked failed, with its reason, by article id."""

    def get_claims(self, article_ids: Iterable[str]) -> list[Claim]:
        """The claims of these articles, ordered by article then span."""

    def save_attributions(self, article_id: str, attributions: Sequence[Attribution]) -> None:
        """Replace the attribution relations found in one article."""

    def get_attributions(self, article_ids: Iterable[str]) -> list[Attribution]:
        """The attributions of these articles, ordered by article then cue position."""

    def save_vector(self, article_id: str, vector: bytes) -> None:
        """Keep an article's embedding (float32 bytes) for incremental story grouping."""

    def get_vectors(self, ids: Iterable[str] | None = None) -> dict[str, bytes]:
        """Every stored article embedding (or those of these articles), by article id."""

    def ready_articles(self) -> list[tuple[str, str | None]]:
        """The id and publication date of every article read and embedded, in insertion order."""

    def save_claim_vectors(self, article_id: str, vectors: Mapping[str, bytes]) -> None:
        """Replace the claim embeddings (float32 bytes, by claim id) of one article."""

    def get_claim_vectors(self, claim_ids: Iterable[str]) -> dict[str, bytes]:
        """The stored embeddings of these claims, by claim id (missing ones left out)."""

    def indexed_articles(self) -> set[str]:
        """The ids of the articles the corpus index holds (see :mod:`storytrace.reuse.stored`)."""

    def index_keys(self, kind: str, keys: Iterable[int]) -> list[tuple[int, str]]:
        """The corpus index's ``(key, article id)`` rows of this kind with one of ``keys``."""

    def index_counts(self, kind: str, terms: Iterable[str]) -> dict[str, tuple[int, int]]:
        """How many indexed articles hold each of these terms of this kind, and the rank of
        its first appearance (absent: none holds it)."""

    def save_index(
        self,
        article_ids: Collection[str],
        keys: Mapping[str, Sequence[tuple[int, str]]],
        counts: Mapping[str, Mapping[str, tuple[int, int]]],
    ) -> None:
        """Add articles to the corpus index: their keys, and term counts (with the rank of
        each term's first appearance) added to the stored."""

    def save_story(self, story: Story) -> None:
        """Insert or replace one story with its claim groups, reuse edges and events."""

    def story_update(self) -> AbstractContextManager[None]:
        """Hold the store's story lock: one process at a time reads, groups and saves stories."""

    def replace_stories(
        self, stories: Iterable[Story], *, replacing: Collection[str] | None = None
    ) -> dict[str, str]:
        """Make the stored stories exactly ``stories`` in one transaction (read once, one
        story at a time: they may be streamed from disk).

        Stories no longer there are recorded as merged into the story holding most of
        their articles; returns those ``{old id: new id}``. Empty stories are not kept.
        With ``replacing`` (story ids), only those stored stories are replaced.
        """

    def redirect_of(self, story_id: str) -> str | None:
        """The story a merged-away story now lives in, if it was merged."""

    def story_articles(self) -> dict[str, str]:
        """The story id of every grouped article."""

    def save_run(self, run: Run) -> None:
        """Record (or update) one ``analyze`` run."""

    def get_runs(self) -> list[Run]:
        """Every recorded run, oldest first."""

    def get_stories(self, ids: Sequence[str] | None = None) -> list[Story]:
        """Every story (or only those with these ids), in id order."""

    def get_story(self, story_id: str) -> Story | None:
        """One story, or None."""

    def story_revisions(self) -> dict[str, int | None]:
        """Every stored story's revision, by id: it changes each time the story is saved,
        and never comes back to an earlier number (None: saved by an older storytrace)."""

    def story_counts(self) -> StoryCounts:
        """How many stories and claim groups are stored, and the groups per verdict."""

    def unfinished_articles(self) -> int:
        """How many stored articles are not yet read, embedded or in a story."""

    def state(self) -> tuple[int, ...]:
        """A cheap fingerprint of the articles and stories: it changes when a run adds,
        reads, embeds or groups an article, or saves stories."""

    def stories_with_events(self, kinds: Iterable[tuple[str, str, str]]) -> list[str]:
        """Ids of the stories holding an event of one of these (type, sub-type, action)."""

    def event_kinds(self, story_ids: Iterable[str]) -> set[tuple[str, str, str]]:
        """The (type, sub-type, action) of every event these stories hold."""

    def story_events(self, kinds: Iterable[tuple[str, str, str]]) -> list[Event]:
        """Every story's own events of these kinds, by story then position (only events
        are read, no story is assembled)."""

    def claim_groups(self, ids: Iterable[str]) -> dict[str, ClaimGroup]:
        """The stored claim groups with these ids, by id (no story is assembled)."""

    def save_cross_events(self, events: Sequence[Event], *, replacing: Iterable[str] = ()) -> None:
        """Store events told in several stories, in place of the stored ones ``replacing``
        names (by id); every other stays as it is.

        They are records of their own: a story keeps the events coded from its own
        articles, so an event another story's new article joins changes no story.
        """

    def cross_events(self, kinds: Iterable[tuple[str, str, str]]) -> list[Event]:
        """The stored events told in several stories of these kinds, by id."""

    def get_cross_events(self) -> list[Event]:
        """Every event merged across stories (each with the ``story_ids`` it is told in)."""

    def story_of(self, article_id: str) -> str | None:
        """The id of the story an article belongs to, if it was grouped."""

    def search(self, query: str, *, limit: int = 50) -> list[str]:
        """Story ids whose articles or claims match an FTS5 query, best first."""

    def member_sentences(self, story_ids: Sequence[str]) -> list[MemberSentence]:
        """The member sentences of these stories' claim groups, in story and group order."""

    def close(self) -> None:
        """Flush and release the connection."""
