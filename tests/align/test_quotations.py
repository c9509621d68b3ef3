"""One speaker's quotation, cut into sentences differently by each outlet, is one claim."""

from __future__ import annotations

from storytrace.align.quotations import join_quotations
from storytrace.records import Attribution, Claim


def _quote(
    article: str, start: int, text: str, speaker: str = "Ana Lopes", *, direct: bool = True
) -> Claim:
    attribution = Attribution(source=speaker, kind="person", cue="said", direct=direct)
    return Claim(
        f"{article}:{start}", article, text, (start, start + len(text)), attribution=attribution
    )


def _plain(article: str, start: int, text: str) -> Claim:
    return Claim(f"{article}:{start}", article, text, (start, start + len(text)))


def _two_outlets(**options: object) -> list[Claim]:
    first = "The bridge is closing for a year."
    second = "Every lorry will take the ring road instead."
    return [
        _quote("a", 100, first, **options),
        _quote("a", 100 + len(first) + 1, second, **options),
        _quote("b", 40, first.replace(".", ", we are told."), **options),
        _quote("b", 40 + len(first) + 15, second, **options),
    ]


def test_the_sentences_of_one_quotation_in_two_outlets_are_one_group() -> None:
    claims = _two_outlets()
    assert join_quotations([[0, 2], [1, 3]], claims) == [[0, 1, 2, 3]]


def test_reported_speech_and_other_speakers_are_left_apart() -> None:
    assert join_quotations([[0, 2], [1, 3]], _two_outlets(direct=False)) == [[0, 2], [1, 3]]
    claims = _two_outlets()
    claims[3] = _quote("b", claims[3].span[0], claims[3].text, "Marta Reis")
    assert join_quotations([[0, 2], [1, 3]], claims) == [[0, 2], [1, 3]]


def test_a_sentence_between_the_parts_breaks_the_quotation() -> None:
    claims = _two_outlets()
    claims[1] = _quote("a", 400, claims[1].text)  # far from the first part
    claims.append(_plain("a", 200, "The council met on Monday."))
    assert join_quotations([[0, 2], [1, 3], [4]], claims) == [[0, 2], [1, 3], [4]]


def test_a_shorter_cut_of_the_same_words_joins_the_longer_quote() -> None:
    claims = [
        _quote("a", 0, "“Things are bad with the harvest."),
        _quote("b", 0, '"Things are bad with the harvest, we are saving seed," she said.'),
        _quote("b", 90, '"Things are bad with the harvest," she said again.'),
        _quote("c", 0, "Prices of bread doubled in a month."),
    ]
    assert join_quotations([[0], [1], [2], [3]], claims) == [[0, 1, 2], [3]]
