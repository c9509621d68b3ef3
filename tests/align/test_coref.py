"""Event coreference: mentions of one event meet across verbs; other events stay apart."""

from __future__ import annotations

from storytrace.align.coref import chain_mentions
from storytrace.records import DateMention, EventMention, Participant, Place, Quantity


def _mention(
    article: str,
    text: str,
    trigger: str,
    lemma: str,
    *,
    participants: tuple[Participant, ...] = (),
    places: tuple[Place, ...] = (),
    dates: tuple[DateMention, ...] = (),
) -> EventMention:
    start = text.index(trigger)
    sentence_start = text.rfind("\n", 0, start) + 1
    sentence_end = text.find("\n", start)
    sentence_end = len(text) if sentence_end < 0 else sentence_end
    return EventMention(
        id=f"{article}:e{start}",
        article_id=article,
        trigger=trigger,
        lemma=lemma,
        span=(start, start + len(trigger)),
        sentence_span=(sentence_start, sentence_end),
        participants=participants,
        places=places,
        dates=dates,
    )


def _troops(text: str, value: float, low: float, high: float) -> Participant:
    count = Quantity(text, value, low, high, "paratrooper", approximate=low != high)
    return Participant(text=text, role="agent", count=count)


PSKOV = Place(text="Pskov", name="Pskov", country="RU", admin1="Pskov Oblast", precision="city")
TEXTS = {
    "sofrep": (
        "About 60 paratroopers from Pskov refused to fight in Ukraine, a local paper reported.\n"
        "Separately, the Kremlin announced a new budget for schools in Moscow."
    ),
    "ibt": "Some 60 Pskov paratroopers staged a mutiny rather than deploy to Ukraine.",
    "ledger": "The 60 paratroopers of the Pskov unit were fired after they would not go to war.",
}


def test_different_verbs_about_the_same_participants_meet() -> None:
    refused = _mention(
        "sofrep", TEXTS["sofrep"], "refused", "refuse",
        participants=(_troops("About 60 paratroopers", 60, 50, 70),), places=(PSKOV,),
    )  # fmt: skip
    mutiny = _mention(
        "ibt", TEXTS["ibt"], "mutiny", "mutiny",
        participants=(_troops("Some 60 Pskov paratroopers", 60, 50, 70),), places=(PSKOV,),
    )  # fmt: skip
    fired = _mention(
        "ledger", TEXTS["ledger"], "fired", "fire",
        participants=(_troops("The 60 paratroopers", 60, 60, 60),), places=(PSKOV,),
    )  # fmt: skip
    budget = _mention("sofrep", TEXTS["sofrep"], "announced", "announce")
    chains = chain_mentions([refused, mutiny, fired, budget], TEXTS)
    assert set(chains) == {refused.id, mutiny.id, fired.id, budget.id}
    assert chains[refused.id] == chains[mutiny.id] == chains[fired.id]
    assert chains[budget.id] != chains[refused.id]


def _day(text: str, iso: str) -> DateMention:
    return DateMention(text=text, start=iso, end=iso, precision="day")


STRIKES = {
    "detroit": "Workers at the Ford plant in Detroit went on strike on Monday over pay.",
    "london": "Nurses at St Mary's hospital in London went on strike on Friday over staffing.",
    "detroit2": "The Ford strike in Detroit began on Monday as workers walked out over pay.",
}


def test_the_same_verb_with_other_participants_places_and_dates_stays_apart() -> None:
    detroit = Place(text="Detroit", name="Detroit", country="US", admin1="Michigan")
    london = Place(text="London", name="London", country="GB", admin1="England")
    ford = _mention(
        "detroit", STRIKES["detroit"], "strike", "strike",
        participants=(Participant("Workers at the Ford plant", "agent", entity="Ford"),),
        places=(detroit,), dates=(_day("Monday", "2026-03-02"),),
    )  # fmt: skip
    nurses = _mention(
        "london", STRIKES["london"], "strike", "strike",
        participants=(Participant("Nurses at St Mary's hospital", "agent", entity="St Mary's"),),
        places=(london,), dates=(_day("Friday", "2026-03-06"),),
    )  # fmt: skip
    ford_again = _mention(
        "detroit2", STRIKES["detroit2"], "strike", "strike",
        participants=(Participant("Ford", "agent", entity="Ford"),),
        places=(detroit,), dates=(_day("Monday", "2026-03-02"),),
    )  # fmt: skip
    chains = chain_mentions([ford, nurses, ford_again], STRIKES)
    assert chains[ford.id] == chains[ford_again.id]
    assert chains[nurses.id] != chains[ford.id]


def test_chains_never_cross_stories() -> None:
    texts = {"a": STRIKES["detroit"], "b": STRIKES["detroit2"]}
    first = _mention("a", texts["a"], "strike", "strike")
    second = _mention("b", texts["b"], "strike", "strike")
    together = chain_mentions([first, second], texts)
    apart = chain_mentions([first, second], texts, groups={"a": "story-1", "b": "story-2"})
    assert together[first.id] == together[second.id]
    assert apart[first.id] != apart[second.id]


def test_no_mentions_no_chains() -> None:
    assert chain_mentions([], {}) == {}


ROADS = {
    "herald": "Police arrested a man in Leeds after a break-in at a jeweller's shop on Monday.",
    "courier": "Police closed the ring road in Leeds on Monday for repairs to a collapsed drain.",
}


def test_a_shared_participant_alone_does_not_make_two_actions_one_event() -> None:
    # the same uncounted participant ("police") doing two different things in one town on
    # one day: nothing but the shared agent says they are one event, so they stay apart
    police = (Participant("Police", "agent", entity="Police"),)
    arrested = _mention("herald", ROADS["herald"], "arrested", "arrest", participants=police)
    closed = _mention("courier", ROADS["courier"], "closed", "close", participants=police)
    chains = chain_mentions([arrested, closed], ROADS)
    assert chains[arrested.id] != chains[closed.id]
