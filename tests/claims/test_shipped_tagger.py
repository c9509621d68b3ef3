"""What the shipped PolNeAR tagger reads: cue boundaries, source noun phrases, content spans."""

from __future__ import annotations

import pytest

from storytrace.claims.relations import Fragments, find_relations
from storytrace.text import load_nlp

CASES = [
    # A reporting verb with its manner phrase is one cue; "that" opens the content.
    (
        "The company said in a statement that the plant would close in March.",
        ("The company", "said in a statement", "that the plant would close in March"),
    ),
    # "according to" leading the sentence: the source follows it, the content after the comma.
    (
        "According to the newspaper, the talks collapsed on Friday.",
        ("the newspaper", "According to", "the talks collapsed on Friday"),
    ),
    # ... and trailing it: the content is what comes before, the source keeps its modifiers.
    (
        "The talks collapsed on Friday, according to two officials familiar with the matter.",
        ("two officials familiar with the matter", "according to", "The talks collapsed on Friday"),
    ),
    # A direct quote before the cue: the content keeps its marks and closing comma.
    (
        "“We will not back down,” the senator told reporters on Tuesday.",
        ("the senator", "told", "“We will not back down,”"),
    ),
    # A title and an apposition belong to the source, commas included.
    (
        "Sen. Marco Rubio, a Florida Republican, said the bill was dead.",
        ("Sen. Marco Rubio, a Florida Republican,", "said", "the bill was dead"),
    ),
    # An auxiliary is part of the cue.
    ("Trump has said he would build a wall.", ("Trump", "has said", "he would build a wall")),
    # A colon after a name introduces a quote.
    ("Clinton: “I am not going anywhere.”", ("Clinton", ":", "“I am not going anywhere.”")),
    # Beliefs are attributions too.
    (
        "The governor believes that the budget is balanced.",
        ("The governor", "believes", "that the budget is balanced"),
    ),
]


def _text(text: str, fragments: Fragments | None) -> str | None:
    return " | ".join(text[a:b] for a, b in fragments) if fragments else None


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_the_shipped_tagger_reads_one_attribution(text: str, expected: tuple[str, ...]) -> None:
    (relation,) = find_relations(load_nlp()(text))
    found = (
        _text(text, relation.source),
        _text(text, relation.cue),
        _text(text, relation.content),
    )
    assert found == expected


@pytest.mark.parametrize(
    ("text", "cue", "source"),
    [
        (
            "The governor toured the damaged bridge and said it would reopen in May.",
            "said",
            "The governor",
        ),
        (
            "Rescuers reached the town on Friday and told reporters the road was blocked.",
            "told",
            "Rescuers",
        ),
        (
            "The general praised the troops and said the offensive had stalled.",
            "said",
            "The general",
        ),
    ],
)
def test_a_cue_without_its_own_subject_takes_the_subject_of_its_verb(
    text: str, cue: str, source: str
) -> None:
    # The second verb of "X did this and said that" has no subject of its own: X speaks.
    found = {_text(text, r.cue): _text(text, r.source) for r in find_relations(load_nlp()(text))}
    assert found[cue] == source
