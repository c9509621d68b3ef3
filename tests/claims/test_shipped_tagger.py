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


def _no_sources(model: dict) -> dict:
    """The shipped model with a role tagger that never labels a token Source."""
    role = model["role"]
    k = role["labels"].index("Source")
    weights = {f: [w - 100.0 if j == k else w for j, w in enumerate(row)]
               for f, row in role["weights"].items()}  # fmt: skip
    return {**model, "role": {**role, "weights": weights}}


def test_a_cue_the_tagger_gives_no_source_falls_back_on_the_parse() -> None:
    from storytrace.claims.relations import load_model

    model = _no_sources(load_model())
    text = (
        "Trump attacked the senator on Monday, saying she was unfit. "
        "According to the Tax Policy Center, a research group, the plan will cost more. "
        "Officials said the bridge was closed."
    )
    found = {_text(text, r.cue): r.source for r in find_relations(load_nlp()(text), model)}
    assert _text(text, found["saying"]) == "Trump"  # the subject of the clause it modifies
    # the object of "according to", without its closing comma
    assert _text(text, found["According to"]) == "the Tax Policy Center, a research group"
    # the subject the tagger (forbidden any source) read as part of the content
    assert _text(text, found["said"]) == "Officials"


def test_the_fallback_source_never_takes_in_the_content() -> None:
    from storytrace.claims.relations import fallback_source

    doc = load_nlp()("Trump attacked the senator on Monday, saying she was unfit.")
    saying = [t for t in doc if t.text == "saying"]
    assert [t.text for t in fallback_source(saying, [], {saying[0].i})] == ["Trump"]
    assert fallback_source(saying, [doc[0]], {saying[0].i}) == []


def test_a_dateline_is_no_part_of_a_source_or_a_content() -> None:
    from storytrace.claims.relations import _after_dateline

    text = "WASHINGTON -- President Obama said on Monday that the talks had failed."
    doc = load_nlp()(text)
    assert [t.text for t in _after_dateline(list(doc[:4]), text)] == ["President", "Obama"]
    assert [t.text for t in _after_dateline(list(doc[2:4]), text)] == ["President", "Obama"]
    (relation,) = find_relations(doc)
    assert _text(text, relation.source) == "President Obama"
    plain = "Washington is where President Obama said the talks had failed."
    assert _after_dateline(list(load_nlp()(plain)[:2]), plain)[0].text == "Washington"
