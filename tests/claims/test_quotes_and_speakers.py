"""Each kind of quote and reported speech, and whom it is attributed to."""

from __future__ import annotations

import pytest

from storytrace.claims import extract_claims, find_quotes, read_article
from storytrace.records import Article
from storytrace.text import load_nlp


def _attributions(text: str) -> list:
    article = Article.from_text(text, published="2022-04-06")
    claims = extract_claims(article, load_nlp()(text))
    return [c.attribution for c in claims]


def test_straight_curly_and_guillemet_marks_open_and_close() -> None:
    text = 'He said "one thing", then “another” and «a third».'
    assert [text[q.start : q.end] for q in find_quotes(text)] == [
        '"one thing"',
        "“another”",
        "«a third»",
    ]


def test_an_apostrophe_or_inch_mark_does_not_open_a_quote() -> None:
    assert find_quotes("The soldiers' rations were 6\" long, officers' too.") == []


def test_a_quote_left_open_at_a_paragraph_end_continues_with_the_same_speaker() -> None:
    (first, second) = _attributions(
        '"Things are bad with food, we are constantly saving it," he said, according to '
        "soldier Ivan Petrov's family.\n\n"
        '"Very often a ration for one person is shared between two people.\n\n'
    )
    assert first is not None and first.direct
    assert second is not None and second.direct and second.source == first.source


def test_a_partial_quote_is_direct_and_inside_its_content() -> None:
    text = 'The minister claimed the figures were "grossly exaggerated" by the opposition.'
    (attribution,) = _attributions(text)
    assert attribution.direct and attribution.cue == "claimed"
    start, end = attribution.content_span
    assert '"grossly exaggerated"' in text[start:end]


@pytest.mark.parametrize(
    ("text", "source", "kind", "cue"),
    [
        ("The ministry confirmed that 40 people were detained in the capital overnight.",
         "ministry", "organisation", "confirmed"),
        ("The governor denied that troops had been deployed to the border region.",
         "governor", "person", "denied"),
        ("Sources told the agency that the convoy had left the base before dawn.",
         "Sources", "unnamed", "told"),
        ("A military source said the unit would be disbanded by the end of the month.",
         "military source", "unnamed", "said"),
        ("The Kyiv Independent reported that the bridge had been destroyed by shelling.",
         "Kyiv Independent", "outlet", "reported"),
        ("Harbour Gazette, citing police sources, said three suspects had been arrested.",
         "Harbour Gazette", "outlet", "said"),
        ("The report, published by the defence ministry, said casualties had doubled since May.",
         "report", "document", "said"),
        ("According to a statement from the company, the plant will stay closed for a week.",
         "statement", "document", "according to"),
        ("“Russian forces are aware of the hopelessness of their situation,” The Centre for "
         "Defense Strategies said.", "Centre for Defense Strategies", "organisation", "said"),
    ],
)  # fmt: skip
def test_reported_speech_names_its_source_and_kind(
    text: str, source: str, kind: str, cue: str
) -> None:
    (attribution,) = _attributions(text)
    assert (attribution.source, attribution.kind, attribution.cue.lower()) == (source, kind, cue)
    start, end = attribution.source_span
    assert source in text[start:end]


def test_reported_content_is_the_reported_clause() -> None:
    text = "Sources told the agency that the convoy had left the base before dawn."
    (attribution,) = _attributions(text)
    start, end = attribution.content_span
    assert text[start:end] == "that the convoy had left the base before dawn"
    assert text[slice(*attribution.cue_span)] == "told"


def test_according_to_at_the_end_takes_the_words_before_it() -> None:
    text = "Forty people were detained in the capital overnight, according to the ministry."
    (attribution,) = _attributions(text)
    assert attribution.source == "ministry" and attribution.kind == "organisation"
    assert text[slice(*attribution.content_span)] == (
        "Forty people were detained in the capital overnight"
    )


def test_he_follows_the_last_subject_not_the_last_name_mentioned() -> None:
    attributions = _attributions(
        "Russian activist Nikolay Kuzmin said that he spoke to a driver who moved the soldiers.\n\n"
        "Kuzmin reportedly works with the Yabloko party, an opposition party against Putin.\n\n"
        "“Soldiers should protect their homeland from attack and stay home,” he said via Telegram."
    )
    assert attributions[-1].source == "Nikolay Kuzmin" and attributions[-1].direct


def test_they_stops_meaning_the_outlet_once_another_plural_subject_intervenes() -> None:
    text = (
        "“Commanders refuse all resignation reports,” the Harbour Gazette said on Monday.\n\n"
        "They reported that the unit was from an airbase near the city of Pskov.\n\n"
        "These troops are now being reprimanded by their government in Moscow.\n\n"
        "However, they have said that they are fully prepared to face the leadership."
    )
    attributions = read_article(Article.from_text(text), load_nlp()(text)).attributions
    sources = [(a.source, a.kind) for a in attributions]
    assert sources[:2] == [("Harbour Gazette", "outlet")] * 2
    # the last "they" is the troops the sentence before is about, never the outlet
    assert sources[-1] == ("These troops", "unnamed")


def test_two_apostrophes_quote_like_a_double_mark() -> None:
    text = (
        "''I have admiration for the mechanics'' of the plan, Mr. Vance said. "
        "The students'' fees rose, and the officers' too."
    )
    assert [text[q.start : q.end] for q in find_quotes(text)][:1] == [
        "''I have admiration for the mechanics''"
    ]
    direct = [a for a in _attributions(text) if a is not None and a.cue == "said"]
    assert direct and direct[0].direct


def test_i_outside_quotes_is_the_columnist_inside_them_the_speaker() -> None:
    text = (
        "I know the tax returns of the candidate are being audited, and I think that "
        "the audit will take months.\n\n"
        '"I told the board we would sell the plant by June," Lena Okafor said on Monday, '
        '"and I said the buyers were ready."'
    )
    article = Article.from_text(text, published="2022-04-06", author="Marcus Hale")
    reading = read_article(article, load_nlp()(text))
    by_cue = {a.cue_span: a for a in reading.attributions}
    first = [a for a in reading.attributions if (a.source_text or "").lower() == "i"]
    assert first, by_cue
    for attribution in first:
        inside = attribution.cue_span[0] > text.index('"I told')
        assert attribution.source == ("Lena Okafor" if inside else "Marcus Hale")
