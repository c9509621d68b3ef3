"""Fixtures for the store tests: a fresh store on each backend and records built by hand.

The records retell the seed story (shared/seeds/): SOFREP and International
Business Times both report, citing Pskovskaya Gubernia, that about 60 Pskov
paratroopers refused to fight in Ukraine.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from storytrace.records import (
    Article,
    Attribution,
    Claim,
    ClaimGroup,
    Conflict,
    ConflictValue,
    DateMention,
    Entity,
    Event,
    Origin,
    Passage,
    Place,
    Quantity,
    ReuseEdge,
    Story,
)
from storytrace.store import SQLiteStore, Store, open_store

SOFREP_TEXT = (
    "Amid morale problems within the Russian forces, another so-called elite paratrooper "
    "unit has refused to fight Putin’s war and reportedly staged a mutiny.\n\n"
    "This story was broken by an independent Russian newspaper, Pskovskaya Gubernia. "
    "According to the report, some 60 unit members were fired and threatened with charges "
    "relating to “desertion”."
)
IBT_TEXT = (
    "Around 60 elite Russian paratroopers have reportedly staged a mutiny and have refused "
    "to fight in Ukraine. Ukraine claimed the troops were elite paratroopers, but this has "
    "yet to be confirmed.\n\nRussian opposition outlet Pskovskaya Guberniya reported: "
    '"About 60 servicemen from Pskov refused to go to war on Ukrainian territory."'
)
OTHER_TEXT = (
    "Flooding closed the ring road in Wrocław on Tuesday, the city council said, "
    "and about 200 residents were moved to a sports hall."
)


def make_article(text: str, outlet: str, source: str, **meta: str) -> Article:
    """An article keyed by its content hash, as ingest builds them."""
    return Article.from_text(text, outlet=outlet, source=source, language="en", **meta)


@pytest.fixture
def sofrep() -> Article:
    return make_article(
        SOFREP_TEXT,
        "SOFREP",
        "seeds/000_9646f06734e70d26.txt",
        author="Team SOFREP",
        published="2022-03-08",
        url="https://sofrep.com/news/paratroopers-refuse/",
    )


@pytest.fixture
def ibt() -> Article:
    return make_article(
        IBT_TEXT,
        "International Business Times",
        "seeds/001_33e2a856800a8d12.txt",
        title="60 Russian Elite Paratroopers Stage Mutiny and Refuse to Fight in Ukraine",
        published="2022-03-08T10:15:00+00:00",
    )


@pytest.fixture
def flood() -> Article:
    return make_article(OTHER_TEXT, "Gazeta Wrocławska", "feeds/gazeta.xml", title="Flood")


def _claim_of(article: Article, sentence: str, **fields: object) -> Claim:
    """A claim over ``sentence``, which must occur in the article's text."""
    start = article.text.index(sentence)
    span = (start, start + len(sentence))
    return Claim(
        id=f"{article.id}:{start}", article_id=article.id, text=sentence, span=span, **fields
    )


@pytest.fixture
def claim_of() -> Callable[..., Claim]:
    """Build a claim over a sentence of an article: ``claim_of(article, sentence, **fields)``."""
    return _claim_of


@pytest.fixture
def ibt_claim(ibt: Article) -> Claim:
    """The fullest claim: attribution, quantity, date, place, entities and hedges."""
    sentence = "About 60 servicemen from Pskov refused to go to war on Ukrainian territory."
    start = ibt.text.index(sentence)
    return _claim_of(
        ibt,
        sentence,
        certainty="hedged",
        hedges=("according to our sources",),
        attribution=Attribution(
            source="Pskovskaya Gubernia",
            kind="outlet",
            cue="reported",
            direct=True,
            source_span=(start - 60, start - 40),
            cue_span=(start - 12, start - 4),
            content_span=(start, start + len(sentence)),
        ),
        quantities=(
            Quantity(
                text="About 60 servicemen",
                value=60.0,
                low=50.0,
                high=70.0,
                counted="serviceman",
                approximate=True,
                qualifier="about",
                span=(start, start + 19),
            ),
        ),
        dates=(
            DateMention(
                text="the first days of the war",
                start="2022-02-24",
                end="2022-02-28",
                precision="relative",
            ),
        ),
        places=(
            Place(
                text="Pskov",
                name="Pskov",
                country="RU",
                admin1="Pskov Oblast",
                lat=57.8136,
                lon=28.3496,
                precision="city",
                span=(start + 25, start + 30),
            ),
            Place(text="Ukrainian territory", name="Ukraine", country="UA", precision="country"),
        ),
        entities=(Entity(text="Pskov", label="GPE", span=(start + 25, start + 30)),),
    )


@pytest.fixture
def sofrep_claim(sofrep: Article) -> Claim:
    sentence = "some 60 unit members were fired"
    return _claim_of(
        sofrep,
        sentence,
        attribution=Attribution(
            source="Pskovskaya Gubernia", kind="outlet", cue="according to", direct=False
        ),
        quantities=(
            Quantity(
                text="some 60 unit members",
                value=60.0,
                low=50.0,
                high=None,
                counted="unit member",
                approximate=True,
                qualifier="some",
            ),
        ),
    )


@pytest.fixture
def mutiny_story(sofrep: Article, ibt: Article, sofrep_claim: Claim, ibt_claim: Claim) -> Story:
    """The seed story: one echoed claim group, a conflict, a reuse edge and an event."""
    group = ClaimGroup(
        id="g1",
        text="About 60 paratroopers from Pskov refused to fight in Ukraine",
        verdict="echoed",
        members=(sofrep_claim, ibt_claim),
        origins=(
            Origin(
                name="Pskovskaya Gubernia",
                kind="cited_source",
                variants=("Pskovskaya Gubernia", "Pskovskaya Guberniya"),
            ),
        ),
        independent_sources=1,
        contested_certainty=True,
        conflicts=(
            Conflict(
                attribute="unit status",
                values=(
                    ConflictValue(value="elite", article_ids=(sofrep.id,)),
                    ConflictValue(value="unconfirmed", article_ids=(ibt.id,)),
                ),
            ),
        ),
        evidence="both articles cite Pskovskaya Gubernia",
    )
    edge = ReuseEdge(
        source=sofrep.id,
        target=ibt.id,
        containment=0.125,
        direction_evidence=("published earlier", "cites the same newspaper"),
        passages=(Passage(source_span=(0, 40), target_span=(12, 52)),),
    )
    event = Event(
        id="e1",
        event_type="Strategic developments",
        sub_event_type="Other",
        actors=("Military Forces of Russia (2000-)",),
        location=Place(
            text="Pskov", name="Pskov", country="RU", lat=57.8136, lon=28.3496, precision="city"
        ),
        date=DateMention(
            text="March 2022", start="2022-03-01", end="2022-03-31", precision="month"
        ),
        count={"values": [60, 60], "conservative": 60},
        claim_group_ids=("g1",),
        sources=("Pskovskaya Gubernia", "SOFREP", "International Business Times"),
        notes="About 60 paratroopers refused to deploy; reports unconfirmed.",
    )
    return Story(
        id="s-mutiny",
        title="Pskov paratroopers refuse to fight",
        article_ids=(sofrep.id, ibt.id),
        claim_groups=(group,),
        reuse_edges=(edge,),
        events=(event,),
    )


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "storytrace.db"


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def db(request: pytest.FixtureRequest, db_path: Path) -> str:
    """Where the store lives: a SQLite file, or an empty schema of a private PostgreSQL."""
    if request.param == "postgres":
        return str(request.getfixturevalue("pg_url"))
    return str(db_path)


@pytest.fixture
def reopen(db: str) -> Callable[[], Store]:
    """Open the test's store again, as another process would."""
    return lambda: open_store(db)


@pytest.fixture
def store(db: str) -> Iterator[Store]:
    with open_store(db) as opened:
        yield opened


@pytest.fixture
def sqlite_store(db_path: Path) -> Iterator[SQLiteStore]:
    """For what only a SQLite file has (PRAGMAs, its files on disk)."""
    with SQLiteStore(db_path) as opened:
        yield opened
