"""A source that calls a claim false denies it, however it words the call: "branded the
reports fake news", "called the claims baseless", "dismissed as nonsense reports that ...",
"there is no evidence that ..."; calling a plan or a report something else denies nothing."""

from __future__ import annotations

import pytest

from storytrace.claims import assess_certainty
from storytrace.text import load_nlp


def _sentence(text: str):
    return next(iter(load_nlp()(text).sents))


@pytest.mark.parametrize(
    "sentence",
    [
        "The port authority branded the reports that 40 cranes collapsed \u201cfake news\u201d.",
        "The town's mayor, Olga Rusu, rejected as untrue claims that 12 wells had run dry.",
        "The water board called the reports of a leak false on Monday.",
        "Officials dismissed as nonsense reports that 300 workers had walked out.",
        "A union spokesman labelled the allegations a fabrication.",
        "There is no evidence that the bridge was damaged, the engineers said.",
        "The army said it had found no proof that the convoy was attacked.",
    ],
)
def test_calling_a_claim_false_denies_it(sentence: str) -> None:
    assert assess_certainty(_sentence(sentence))[0] == "denied"


@pytest.mark.parametrize(
    "sentence",
    [
        "The mayor called the budget a disaster, aides said.",
        "Critics called the report on the flood a whitewash.",
        "She called for an inquiry into reports that the dam leaked.",
        "The council, which rejected the plan, met on Monday.",
        "The minister described the new bridge as a triumph of engineering.",
    ],
)
def test_calling_something_else_names_denies_nothing(sentence: str) -> None:
    assert assess_certainty(_sentence(sentence))[0] == "asserted"
