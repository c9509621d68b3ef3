"""Sentence starts as a reader sees them: the small parser's cuts mid-sentence are undone."""

from __future__ import annotations

import pytest

from storytrace.text import load_nlp


def _sentences(text: str) -> list[str]:
    return [s.text.strip() for s in load_nlp()(text).sents]


@pytest.mark.parametrize(
    "sentence",
    [
        # the parser cut this after "remarks", where nothing closes a sentence
        "At Monday's presidential debate, Clinton mentioned disparaging remarks Trump had made "
        "about Machado as examples of the Republican nominee's disrespect for women.",
        "“So why didn’t Donald Trump pay his?” a narrator in the Clinton ad asks.",
        "Stumpf's answers led Sens. Jon Tester and David Vitter to raise breaking up the bank.",
        "Those who lost their jobs made $35,000 to $60,000 a year ― and that included managers.",
        "The men rode down to the shafts of Federal mine No. 2 last spring.",
        "Forty-six percent would choose Clinton and 44 percent would back  Trump, while 5 percent "
        "prefer Johnson.",
    ],
)
def test_a_sentence_is_not_cut_where_nothing_closes_it(sentence: str) -> None:
    assert _sentences(sentence + " The next one starts here.") == [
        sentence,
        "The next one starts here.",
    ]


def test_line_breaks_and_dateline_dashes_still_start_sentences() -> None:
    text = "Mine to close\nNEWPORT NEWS, Va. - The mine will close. It employs 300 people."
    sentences = _sentences(text)
    assert sentences[0] == "Mine to close"
    assert sentences[-1] == "It employs 300 people."
    assert "The mine will close." in " ".join(sentences[1:-1])


def test_in_text_without_punctuation_the_parser_still_decides() -> None:
    nlp = load_nlp()
    doc = nlp.make_doc(" ".join(["The council met and"] * 60))
    doc = nlp.get_pipe("storytrace_sentence_bounds")(doc)
    assert doc[4].is_sent_start is False  # "The" after "and": no sentence starts here
    assert doc[200].is_sent_start is None  # past a long unpunctuated run: left to the parser


def test_a_hard_wrapped_line_goes_on_its_sentence() -> None:
    text = (
        "Obama, who has denounced the attack as both an act of terrorism and a hate\n"
        "crime, reiterated his frustration.\nMourners gathered."
    )
    assert _sentences(text) == [
        "Obama, who has denounced the attack as both an act of terrorism and a hate\n"
        "crime, reiterated his frustration.",
        "Mourners gathered.",
    ]
