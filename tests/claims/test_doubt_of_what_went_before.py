"""A sentence that calls what went before unverified ("The claim could not be verified.")
makes the claim before it unconfirmed, through the real reader."""

from __future__ import annotations

import pytest

from storytrace.claims import read_stage
from storytrace.records import Article, Claim

CLAIM = "The army said on Tuesday that 14 fighters were killed near the border town of Arvel."


def _claims(text: str) -> list[Claim]:
    (reading,) = read_stage([Article.from_text(text, published="2024-05-08")])
    return list(reading.claims)


def _the(claims: list[Claim], opening: str) -> Claim:
    found = [c for c in claims if c.text.startswith(opening)]
    assert found, [c.text for c in claims]
    return found[0]


@pytest.mark.parametrize(
    "doubt",
    [
        "The claim could not be independently verified.",
        "Reuters could not independently verify the figures.",
        "This could not be independently confirmed.",
        "The account remains unconfirmed.",
        "The Associated Press was unable to verify the report.",
    ],
)
def test_the_next_sentence_calling_it_unverified_makes_a_claim_unconfirmed(doubt: str) -> None:
    claim = _the(_claims(f"{CLAIM} {doubt}\n"), "The army said")
    assert claim.certainty == "unconfirmed"
    assert claim.hedges


def test_a_doubt_in_the_next_paragraph_still_speaks_of_the_last_sentence() -> None:
    claims = _claims(f"Rebels took the road on Monday, a witness said.\n\n{CLAIM}\n\n"
                     "The claim could not be verified.\n")  # fmt: skip
    assert _the(claims, "The army said").certainty == "unconfirmed"
    assert _the(claims, "Rebels took").certainty == "asserted"


def test_one_sentence_doubt_speaks_of_one_sentence_and_the_claims_of_the_paragraph() -> None:
    first = "Rebels took the road to Arvel on Monday, the governor said."
    one = _claims(f"{first} {CLAIM} The claim could not be verified.\n")
    assert _the(one, "Rebels took").certainty == "asserted"
    both = _claims(f"{first} {CLAIM} The claims could not be verified.\n")
    assert _the(both, "Rebels took").certainty == "unconfirmed"
    assert _the(both, "The army said").certainty == "unconfirmed"


@pytest.mark.parametrize(
    "after",
    [
        # a doubt that says what it doubts, or doubts inside its own sentence
        "Its claim that 30 drones were downed could not be verified.",
        "While the report cannot be independently verified, the army is usually accurate.",
        "The governor said the road was open, but this has yet to be confirmed.",
        "The governor said 30 people had fled.",
    ],
)
def test_a_doubt_of_something_else_leaves_the_claim_asserted(after: str) -> None:
    claim = _the(_claims(f"{CLAIM} {after}\n"), "The army said")
    assert claim.certainty == "asserted"


def test_a_heading_between_them_breaks_the_reference() -> None:
    claims = _claims(f"{CLAIM}\n\nWhat we know\n\nThe claim could not be verified.\n")
    assert _the(claims, "The army said").certainty == "asserted"
