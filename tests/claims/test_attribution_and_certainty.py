"""Quotes, speakers followed across sentences, and certainty cues."""

from __future__ import annotations

import pytest

from storytrace.claims import assess_certainty, extract_claims, find_quotes
from storytrace.records import Article
from storytrace.text import load_nlp


def _claims(text: str, outlets: tuple[str, ...] = ()) -> list:
    article = Article.from_text(text, outlet="Test Outlet")
    return extract_claims(article, load_nlp()(text), known_outlets=outlets)


def test_curly_and_straight_quotes_and_paragraph_spanning_quotes() -> None:
    text = '“One,” he said.\n\n"Two and three.\n\n"Four."'
    quotes = find_quotes(text)
    assert [text[q.start : q.end] for q in quotes] == ["“One,”", '"Two and three.', '"Four."']
    assert [q.closed for q in quotes] == [True, False, True]


def test_a_pronoun_and_a_surname_resolve_to_the_full_name() -> None:
    claims = _claims(
        "Russian activist Nikolay Kuzmin said that he spoke to a driver who moved the soldiers.\n\n"
        "Kuzmin reportedly works with an opposition party in the city.\n\n"
        "“Soldiers should protect their homeland from attack and stay home,” he said via Telegram."
    )
    speakers = [c.attribution.source for c in claims if c.attribution and c.attribution.source]
    assert speakers == ["Nikolay Kuzmin", "Nikolay Kuzmin"]
    assert claims[-1].attribution.direct is True and claims[-1].attribution.kind == "person"


def test_the_newspaper_and_they_follow_back_to_the_outlet() -> None:
    claims = _claims(
        "The story was broken by an independent newspaper, Harbour Gazette.\n\n"
        "They reported that the unit was from an airbase near the city.\n\n"
        "“Commanders now refuse all resignation reports,” the newspaper said."
    )
    attributed = [c.attribution for c in claims if c.attribution]
    assert [(a.source, a.kind) for a in attributed] == [("Harbour Gazette", "outlet")] * 2


def test_according_to_and_quote_continuation() -> None:
    claims = _claims(
        "According to the ministry, 40 people were detained in the capital overnight.\n\n"
        "“Things are bad with food. We are constantly saving it,” soldier Ivan Petrov said.\n\n"
        "“Very often a ration for one person is shared between two people.”"
    )
    assert claims[0].attribution.cue.lower() == "according to"
    assert claims[0].attribution.source == "ministry"
    assert {c.attribution.source for c in claims[1:]} == {"Ivan Petrov"}


@pytest.mark.parametrize(
    ("sentence", "certainty", "cue"),
    [
        ("The unit reportedly staged a mutiny against its leaders.", "hedged", "reportedly"),
        ("They allegedly left the area of operations last week.", "hedged", "allegedly"),
        ("The report cannot be independently verified by reporters.", "unconfirmed",
         "cannot be independently verified"),
        ("Ukraine said they were elite troops, but this has yet to be confirmed.", "unconfirmed",
         "has yet to be confirmed"),
        ("The company denied that inspections had been skipped.", "denied", "denied"),
        ("Firefighters brought the blaze under control by noon.", "asserted", None),
        ("\"I think the referee will be very fair,\" the coach said on Monday.", "hedged",
         "i think"),
        ("In my view the bridge was closed too late, the mayor told reporters.", "hedged",
         "in my view"),
    ],
)  # fmt: skip
def test_certainty_and_its_cue(sentence: str, certainty: str, cue: str | None) -> None:
    doc = load_nlp()(sentence)
    found, cues = assess_certainty(next(iter(doc.sents)))
    assert found == certainty
    assert (cue in cues) if cue else cues == ()


def test_being_dismissed_from_a_job_is_not_a_denial() -> None:
    doc = load_nlp()("Most of them are currently being dismissed from the army.")
    assert assess_certainty(next(iter(doc.sents)))[0] == "asserted"


def test_a_role_noun_after_a_name_refers_back_to_that_person() -> None:
    claims = _claims(
        "Captured soldier Ivan Petrov told interrogators that rations were shared by two men.\n\n"
        "This soldier also confirmed reports of looting in the occupied villages."
    )
    assert [c.attribution.source for c in claims] == ["Ivan Petrov", "Ivan Petrov"]
