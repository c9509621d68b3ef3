"""Attributions printed without a verb: embedded tweets, signed quotes, transcript lines,
headlines."""

from __future__ import annotations

import time

from storytrace.claims.relations import (
    find_relations,
    headline_relations,
    signed_quote_relations,
    transcript_relations,
    tweet_relations,
)
from storytrace.text import load_nlp


def _read(text: str, relation) -> tuple[str, str, str]:  # type: ignore[no-untyped-def]
    def spans(fragments) -> str:  # type: ignore[no-untyped-def]
        return " | ".join(text[a:b] for a, b in fragments)

    return spans(relation.content), spans(relation.cue), spans(relation.source)


def test_an_embedded_tweet_has_its_text_its_dash_and_its_author() -> None:
    text = (
        '<tweet date="2016-07-05">No one should be above the law. — Paul Ryan (@SpeakerRyan) '
        "July 5, 2016</tweet>\nMore text follows here."
    )
    (relation,) = tweet_relations(text)
    assert _read(text, relation) == (
        "No one should be above the law.",
        "—",
        "Paul Ryan (@SpeakerRyan)",
    )


def test_a_long_line_without_a_tweet_is_searched_in_linear_time() -> None:
    # The old pattern backtracked from every start position of a dash-free line.
    text = ("word " * 40_000 + "\n") * 3
    began = time.perf_counter()
    assert tweet_relations(text) == []
    assert signed_quote_relations(text) == []
    assert time.perf_counter() - began < 1.0


def test_a_quote_signed_on_its_line_is_attributed_to_the_name_after_the_dash() -> None:
    text = (
        "Readers wrote in.\n"
        "“He represents our greatest shame.” ― Sonya Herridge\n"
        "“We cannot go on like this.”― Carla Sanchez.\n\n"
        '"Pay zero taxes."\n\n- Bernie Sanders.\n'
    )
    found = [_read(text, r) for r in signed_quote_relations(text)]
    assert found == [
        ("“He represents our greatest shame.”", "―", "Sonya Herridge"),
        ("“We cannot go on like this.”", "―", "Carla Sanchez"),
        ('"Pay zero taxes."', "-", "Bernie Sanders"),
    ]


def test_a_dash_inside_a_sentence_or_after_an_unquoted_line_signs_nothing() -> None:
    text = (
        "The vote -- Smith said -- was close.\n"
        "The senator spoke for an hour ― Ben Jacobs\n"
        "He called it “a disgrace” - Senate leaders disagreed with him.\n"
    )
    assert signed_quote_relations(text) == []


def test_the_speaker_lines_of_a_transcript_are_attributed_to_their_speakers() -> None:
    text = (
        "Partial transcript as follows:\n\n"
        '"WALLACE: Will she be there tomorrow night?\n\n'
        '"MIKE PENCE: Well, look, she will not be attending.  \n'
    )
    found = [_read(text, r) for r in transcript_relations(text)]
    assert found == [
        ("Will she be there tomorrow night?", ":", "WALLACE"),
        ("Well, look, she will not be attending.", ":", "MIKE PENCE"),
    ]
    read = [_read(text, r) for r in find_relations(load_nlp()(text))]  # what analyze reads
    assert set(found) <= set(read)


def test_a_lone_capitalised_label_or_page_furniture_is_no_speaker() -> None:
    assert transcript_relations("POLL: Clinton leads in Ohio.\n\nMore text here.\n") == []
    furniture = "UPDATE: The vote was moved.\n\nVIDEO: The senator speaks.\n"
    assert transcript_relations(furniture) == []


def test_a_headline_puts_its_statement_in_the_named_mouth() -> None:
    nlp = load_nlp()
    text = "Trey Gowdy: Benghazi Investigation Helped Reveal Clinton Email Scandal.\n\nMore."
    (relation,) = headline_relations(nlp(text))
    expected = ("Benghazi Investigation Helped Reveal Clinton Email Scandal", ":", "Trey Gowdy")
    assert _read(text, relation) == expected
    assert expected in [_read(text, r) for r in find_relations(nlp(text))]  # what analyze reads
    poll = "Poll: Clinton and Trump in dead heat heading into first debate.\nText."
    assert [_read(poll, r) for r in headline_relations(nlp(poll))] == [
        ("Clinton and Trump in dead heat heading into first debate", ":", "Poll")
    ]


def test_a_label_headline_or_a_later_line_names_no_one() -> None:
    nlp = load_nlp()
    for text in (
        "Breaking: Federal Judge Gives Campaign Bad News.\n",
        "Revealed: What the Videos Contain.\n",
        "The vote was close.\n\nTrey Gowdy: Benghazi Investigation Helped Reveal It.\n",
    ):
        assert headline_relations(nlp(text)) == [], text
