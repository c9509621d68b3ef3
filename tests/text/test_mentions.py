"""Event mentions: predicates with negation, modality, participants with counts, places."""

from __future__ import annotations

from storytrace.claims import read_articles
from storytrace.records import Article, Claim, EventMention, from_dict, to_dict

TEXT = (
    "Russian paratroopers refuse to fight\n\n"
    "About 60 Russian servicemen from Pskov refused to fight in Ukraine on March 3, "
    "the paper said.\n\n"
    "The commanders did not accept any punishment for the soldiers who stayed at home.\n\n"
    "Another unit would probably refuse orders if it were sent to Belarus next week.\n"
)


def _claims() -> list[Claim]:
    article = Article.from_text(TEXT, outlet="Test Wire", published="2022-04-08")
    ((_, claims),) = list(read_articles([article]))
    return claims


def _mention(claims: list[Claim], phrase: str, lemma: str) -> EventMention:
    (claim,) = [c for c in claims if phrase in c.text]
    found = [m for m in claim.mentions if m.lemma == lemma]
    assert found, [m.lemma for m in claim.mentions]
    return found[0]


def test_a_refusal_has_its_counted_agent_place_and_date() -> None:
    claims = _claims()
    refused = _mention(claims, "About 60 Russian servicemen", "refuse")
    assert refused.trigger == "refused" and not refused.negated
    (agent,) = [p for p in refused.participants if p.role == "agent"]
    assert agent.count is not None and agent.count.value == 60 and agent.count.approximate
    assert "servicemen" in agent.text
    fight = _mention(claims, "About 60 Russian servicemen", "fight")
    assert [p.name for p in fight.places] == ["Ukraine"]  # where the fighting was refused
    assert [d.text for m in (refused, fight) for d in m.dates] == ["March 3"]
    start, end = refused.span
    assert TEXT[start:end] == "refused"


def test_negation_and_modality() -> None:
    claims = _claims()
    accept = _mention(claims, "did not accept", "accept")
    assert accept.negated and accept.modality == "actual"
    refuse = _mention(claims, "would probably refuse", "refuse")
    assert refuse.modality == "conditional" and not refuse.negated
    assert "Belarus" not in [p.name for p in refuse.places]  # where they would be sent


def test_mentions_round_trip_through_the_records() -> None:
    claims = _claims()
    assert any(m.destinations for c in claims for m in c.mentions)  # every nested field kept
    for claim in claims:
        assert from_dict(Claim, to_dict(claim)) == claim


def test_a_place_that_names_a_persons_office_is_not_where_the_clause_happens() -> None:
    text = (
        "The Florida senator told reporters in Minnesota that he would win 11 states.\n\n"
        "Texas Sen. Ted Cruz won 8 delegates in Iowa on Monday, officials said.\n\n"
        "Ohio's governor signed 12 bills in Denver on Tuesday, officials said."
    )
    article = Article.from_text(text, outlet="Test Wire", published="2016-03-01")
    ((_, claims),) = list(read_articles([article]))
    places = {
        c.text[:12]: {p.name for m in c.mentions for p in m.places} for c in claims if c.mentions
    }
    assert "Minnesota" in places["The Florida "] and "Florida" not in places["The Florida "]
    assert "Iowa" in places["Texas Sen. T"] and "Texas" not in places["Texas Sen. T"]
    assert "Denver" in places["Ohio's gover"] and "Ohio" not in places["Ohio's gover"]
    # the claims keep every place they name; only the mentions' sites leave the office out
    assert {"Florida", "Minnesota"} <= {p.name for c in claims[:1] for p in c.places}
