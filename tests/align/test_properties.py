"""A property one outlet doubts and another asserts forms one contested group."""

from __future__ import annotations

from storytrace.align.properties import contested_properties
from storytrace.records import Claim


def _claim(article: str, text: str, certainty: str) -> Claim:
    return Claim(f"{article}:0", article, text, (0, len(text)), certainty=certainty)  # type: ignore[arg-type]


def test_a_doubted_property_meets_its_asserted_mentions() -> None:
    doubted = _claim(
        "b",
        "Officials said the victims were local fishermen, but this is unconfirmed.",
        "unconfirmed",
    )
    asserted = _claim("a", "The three local fishermen left port before dawn.", "asserted")
    hedged = _claim("c", "The local fishermen reportedly left port.", "hedged")
    same_article = _claim("b", "Local fishermen are angry.", "asserted")
    (group,) = contested_properties([doubted, asserted, hedged, same_article])
    assert group == [doubted, asserted]


def test_verbs_and_unrelated_words_make_no_property() -> None:
    doubted = _claim("b", "The fire was reportedly caused by a faulty tank.", "hedged")
    other = _claim("a", "The fire was caused by a faulty tank.", "asserted")
    assert contested_properties([doubted, other]) == []


def test_a_name_after_is_names_someone_and_predicates_no_property() -> None:
    doubted = _claim(
        "b",
        "“I think she can win, but the strongest candidate we have is Maria Lopez,” he said.",
        "hedged",
    )
    other = _claim(
        "a",
        "The mayor praised the council's budget, a priority of the likely nominee Maria Lopez.",
        "asserted",
    )
    assert contested_properties([doubted, other]) == []
    # a property after "is" is still one
    doubted = _claim("b", "He said the driver was a substitute teacher, but this is unconfirmed.",
                     "unconfirmed")  # fmt: skip
    other = _claim("a", "The substitute teacher had driven the route for years.", "asserted")
    assert contested_properties([doubted, other]) == [[doubted, other]]
