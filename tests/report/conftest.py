"""Hand-built records for the report tests: the two seed articles and what a reader finds."""

from __future__ import annotations

import pytest

from storytrace.records import (
    Article,
    Attribution,
    Claim,
    ClaimGroup,
    Conflict,
    ConflictValue,
    DateMention,
    Event,
    Origin,
    Passage,
    Place,
    Quantity,
    ReuseEdge,
    Story,
)

SOFREP_TEXT = (
    "Amid morale problems within the Russian forces, another so-called elite paratrooper unit "
    "has refused to fight Putin’s war and reportedly staged a mutiny against its own leaders.\n\n"
    "This story was broken by an independent Russian newspaper, Pskovskaya Gubernia. They "
    "reported that the elite paratrooper unit was from an airbase in Pskov, Northern Russia. "
    "According to the report, some 60 unit members were fired and threatened with charges "
    "relating to “desertion” or “failure to comply with an order.”\n\n"
    "Apparently not wanting to fight, they just allegedly returned to Pskov without prior "
    "notice.\n\n"
    "“Things are bad with food, we are constantly saving it,” Safronov said."
)
IBT_TEXT = (
    "The troops had been sent to Belarus as part of the invasion force, but they were ordered "
    "back to their base in Pskov in disgrace after their mutiny.\n\n"
    "Ukraine claimed the troops were elite paratroopers, but this has yet to be confirmed.\n\n"
    'Russian opposition outlet Pskovskaya Guberniya reported: "About 60 servicemen from Pskov '
    'refused to go to war on Ukrainian territory, according to our sources."\n\n'
    '"Things are bad with food, we are constantly saving it," he said.\n\n'
    "There have already been enough setbacks for Putin, with over 20,000 Russian soldiers "
    "having been reportedly killed in the war."
)
SOFREP_URL = "https://sofrep.com/news/russian-paratroopers-refuse-to-fight/"
IBT_URL = "https://www.ibtimes.co.uk/60-russian-elite-paratroopers-stage-mutiny-1700000"


def _claim(article: Article, sentence: str, **fields: object) -> Claim:
    start = article.text.index(sentence)
    return Claim(
        id=f"{article.id}:{start}",
        article_id=article.id,
        text=sentence,
        span=(start, start + len(sentence)),
        **fields,  # type: ignore[arg-type]
    )


@pytest.fixture
def sofrep() -> Article:
    return Article.from_text(
        SOFREP_TEXT,
        outlet="SOFREP",
        title="Russian Paratroopers Refuse to Fight",
        url=SOFREP_URL,
        published="2022-04-09",
        language="en",
        source="seeds/000_9646f06734e70d26.txt",
    )


@pytest.fixture
def ibt() -> Article:
    return Article.from_text(
        IBT_TEXT,
        outlet="International Business Times",
        title="60 Russian Elite Paratroopers Stage Mutiny and Refuse to Fight in Ukraine",
        url=IBT_URL,
        published="2022-04-08T14:02:00Z",
        language="en",
        source="seeds/001_33e2a856800a8d12.txt",
    )


@pytest.fixture
def articles(sofrep: Article, ibt: Article) -> list[Article]:
    return [sofrep, ibt]


@pytest.fixture
def story(sofrep: Article, ibt: Article) -> Story:
    """One story with a claim group of every verdict, a reuse edge and an event."""
    gubernia = Origin(
        "Pskovskaya Gubernia",
        "cited_source",
        ("Pskovskaya Gubernia", "Pskovskaya Guberniya"),
    )
    sixty = Quantity(
        "some 60 unit members", 60, 54, 66, "serviceman", approximate=True, qualifier="some"
    )
    about_sixty = Quantity(
        "About 60 servicemen", 60, 54, 66, "serviceman", approximate=True, qualifier="about"
    )
    pskov = Place("Pskov", "Pskov", "RU", "Pskov Oblast", 57.8136, 28.3496, "city")
    echoed = ClaimGroup(
        id="g-sixty",
        text="About 60 servicemen from Pskov refused to fight in Ukraine.",
        verdict="echoed",
        members=(
            _claim(
                sofrep,
                "According to the report, some 60 unit members were fired and threatened with "
                "charges relating to “desertion” or “failure to comply with an order.”",
                attribution=Attribution(
                    "Pskovskaya Gubernia", "organisation", "according to the report", False
                ),
                quantities=(sixty,),
                places=(pskov,),
            ),
            _claim(
                ibt,
                "About 60 servicemen from Pskov refused to go to war on Ukrainian territory, "
                "according to our sources.",
                attribution=Attribution("Pskovskaya Guberniya", "organisation", "reported", True),
                quantities=(about_sixty,),
            ),
        ),
        origins=(gubernia,),
        independent_sources=1,
        evidence="Both outlets cite Pskovskaya Gubernia.",
    )
    conflicting = ClaimGroup(
        id="g-return",
        text="How the unit got back to Pskov.",
        verdict="conflicting",
        members=(
            _claim(
                sofrep,
                "Apparently not wanting to fight, they just allegedly returned to Pskov without "
                "prior notice.",
                certainty="hedged",
                hedges=("allegedly", "apparently"),
            ),
            _claim(
                ibt,
                "The troops had been sent to Belarus as part of the invasion force, but they were "
                "ordered back to their base in Pskov in disgrace after their mutiny.",
            ),
        ),
        origins=(Origin("SOFREP", "outlet"), Origin("International Business Times", "outlet")),
        independent_sources=2,
        conflicts=(
            Conflict(
                "manner of return",
                (
                    ConflictValue("returned of their own accord", (sofrep.id,)),
                    ConflictValue("ordered back in disgrace", (ibt.id,)),
                ),
            ),
        ),
    )
    contested = ClaimGroup(
        id="g-elite",
        text="The unit is an elite paratrooper unit.",
        verdict="corroborated",
        members=(
            _claim(
                sofrep,
                "They reported that the elite paratrooper unit was from an airbase in Pskov, "
                "Northern Russia.",
            ),
            _claim(
                ibt,
                "Ukraine claimed the troops were elite paratroopers, but this has yet to be "
                "confirmed.",
                certainty="unconfirmed",
                hedges=("has yet to be confirmed",),
                attribution=Attribution("Ukraine", "organisation", "claimed", False),
            ),
        ),
        origins=(Origin("Pskovskaya Gubernia", "cited_source"), Origin("Ukraine", "speaker")),
        independent_sources=2,
        contested_certainty=True,
    )
    corroborated = ClaimGroup(
        id="g-food",
        text="Food is short: a ration is shared between two soldiers.",
        verdict="corroborated",
        members=(
            _claim(
                sofrep, "“Things are bad with food, we are constantly saving it,” Safronov said."
            ),
            _claim(ibt, '"Things are bad with food, we are constantly saving it," he said.'),
        ),
        origins=(Origin("Vladimir Safronov", "speaker"), Origin("SOFREP", "outlet")),
        independent_sources=2,
    )
    single = ClaimGroup(
        id="g-dead",
        text="Over 20,000 Russian soldiers have been killed.",
        verdict="single_source",
        members=(
            _claim(
                ibt,
                "There have already been enough setbacks for Putin, with over 20,000 Russian "
                "soldiers having been reportedly killed in the war.",
                certainty="hedged",
                hedges=("reportedly",),
                quantities=(Quantity("over 20,000", 20000, 20001, None, "soldier", False, "over"),),
            ),
        ),
        origins=(Origin("International Business Times", "outlet"),),
        independent_sources=1,
    )
    passage_text = "Pskovskaya Guberniya"
    p_start = ibt.text.index(passage_text)
    s_start = sofrep.text.index("Pskovskaya Gubernia")
    edge = ReuseEdge(
        source=sofrep.id,
        target=ibt.id,
        containment=0.34,
        direction_evidence=("source published first", "target adds text around shared passages"),
        passages=(Passage((s_start, s_start + 19), (p_start, p_start + len(passage_text))),),
    )
    event = Event(
        id="e-pskov",
        event_type="Protests",
        sub_event_type="Peaceful protest",
        actors=("Military Forces of Russia (2000-): 76th Guards Air Assault Division",),
        location=pskov,
        date=DateMention("after the first days of the war", "2022-02-24", "2022-03-10", "relative"),
        count={"values": [60, 60], "conservative": 60},
        claim_group_ids=("g-sixty",),
        sources=(sofrep.id, ibt.id),
        notes="About 60 servicemen refused to deploy to Ukraine after a stay in Belarus.",
    )
    return Story(
        id="story-pskov",
        title="Pskov paratroopers refuse to fight in Ukraine",
        article_ids=(sofrep.id, ibt.id),
        claim_groups=(single, corroborated, echoed, contested, conflicting),
        reuse_edges=(edge,),
        events=(event,),
    )


@pytest.fixture
def hostile() -> tuple[Article, Story]:
    """An article whose every field is an injection attempt."""
    article = Article.from_text(
        "Police said <img src=x onerror=alert(1)> was found at the scene.",
        outlet='Evil "onmouseover=alert(1) x="',
        title="<script>alert(1)</script>",
        url="javascript:alert(1)",
        published="<b>2022</b>",
    )
    text = "<img src=x onerror=alert(1)> was found"
    claim = Claim(
        id=f"{article.id}:12",
        article_id=article.id,
        text=text,
        span=(12, 12 + len(text)),
        hedges=("<svg onload=alert(1)>",),
        attribution=Attribution("<script>alert(2)</script>", "unnamed", "said", False),
    )
    group = ClaimGroup(
        id="g-evil",
        text="<img src=x onerror=alert(1)>",
        verdict="echoed",
        members=(claim,),
        origins=(Origin("<script>alert(3)</script>", "speaker", ("<i>x</i>",)),),
        independent_sources=1,
        evidence="<a href='javascript:alert(4)'>click</a>",
    )
    story = Story(
        id="s-evil",
        title="<script>alert(1)</script>",
        article_ids=(article.id,),
        claim_groups=(group,),
    )
    return article, story
