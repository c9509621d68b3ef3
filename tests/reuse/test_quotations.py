from storytrace.reuse.quotations import quote_regions, quoted_words
from storytrace.reuse.shingles import tokenize


def test_curly_and_straight_quotes() -> None:
    text = 'He said “we left” and she said "we stayed" today.'
    spans = [text[s:e] for s, e in quote_regions(text)]
    assert spans == ["we left", "we stayed"]


def test_a_quote_left_open_runs_to_the_end_of_its_paragraph() -> None:
    text = 'Gubernia: "About 60 servicemen left.\n\nSergei Shoigu\n\n"Most are dismissed."'
    spans = [text[s:e] for s, e in quote_regions(text)]
    assert spans == ["About 60 servicemen left.", "Most are dismissed."]


def test_apostrophes_are_not_quotes() -> None:
    text = "Putin’s troops and the soldiers' wives"
    assert quote_regions(text) == []


def test_quoted_words_flags_each_token() -> None:
    text = "Kuzmin said “they went home” yesterday."
    assert quoted_words(tokenize(text), text) == (False, False, True, True, True, False)
