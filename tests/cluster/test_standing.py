"""An outlet's standing text (an editor's note it prints under every article) is no event detail."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest

from storytrace.cluster import article_vectors, group_stories
from storytrace.cluster.standing import standing_spans, without_spans
from storytrace.records import Article
from storytrace.reuse import find_reuse

# Six unrelated events on one invented island, reported by one invented outlet on one day.
EVENTS = [
    "A bakery on Quay Street burned down overnight. Firefighters from the harbour station kept "
    "the flames away from the neighbouring houses, and the baker, who lives above the shop, "
    "escaped with his dog before the roof fell in. The cause is not yet known, the fire "
    "service said, and the street stayed closed until the afternoon while crews cooled the ruins.",
    "The island council voted to close the old lighthouse to visitors after engineers found "
    "cracks in its spiral stairs. Councillors said the tower would stay shut until a survey "
    "decides whether the stone can be repaired, and the guided tours that start at the tourist "
    "office will visit the keeper's cottage instead for the rest of the season.",
    "A fishing trawler named Gull lost its engine in thick fog off the western reef and was "
    "towed back to port by the coastguard. The skipper and his crew of four were unhurt. The "
    "harbour master said the trawler had drifted close to the rocks before the lifeboat reached "
    "it, and that divers would inspect the hull once it was lifted onto the slipway.",
    "The school choir of Mirela Island won the regional song contest in the capital, beating "
    "choirs from much larger towns. The singers, aged between nine and fourteen, performed two "
    "folk songs in the old island dialect, and their teacher said the prize money would pay for "
    "new sheet music and a trip to the national final in the spring.",
    "A storm knocked down power lines along the north shore, leaving the villages there without "
    "electricity through the night. Engineers from the mainland utility crossed on the first "
    "ferry to repair the lines, and the council opened the sports hall in the main town for "
    "families who needed heat, hot food and somewhere to charge their phones.",
    "Police arrested a man who stole copper cable from the car park of the ferry terminal. "
    "Officers stopped his van on the coast road after a guard reported the theft, and found the "
    "cable under tarpaulin in the back. The terminal's lights failed for several hours, and the "
    "ferry company said passengers had boarded by torchlight during the evening crossings.",
]
# The outlet's standing note: numbers and a year that every one of its articles repeats.
NOTE = (
    "Editor's note: the Harbour Courier has been owned by its 4,500 readers since 1987, and "
    "3 of our 11 reporters read every story before it is printed, so that what you read here "
    "is checked twice; subscriptions cost 2.50 a week and keep us independent of any owner."
)
# A quotation two of the outlet's articles share (one partner each: not standing text).
QUOTE = (
    'The mayor said: "We will rebuild what the island lost this week, street by street and '
    'house by house, and nobody who lost a home will be left to sleep in the sports hall."'
)


def _article(text: str, outlet: str) -> Article:
    return dataclasses.replace(Article.from_text(text), outlet=outlet, published="2023-08-06")


@pytest.fixture(scope="module")
def courier() -> list[Article]:
    texts = [f"{event}\n\n{NOTE}" for event in EVENTS]
    texts[0] = f"{EVENTS[0]}\n\n{QUOTE}\n\n{NOTE}"
    texts[4] = f"{EVENTS[4]}\n\n{QUOTE}\n\n{NOTE}"
    return [_article(text, "Harbour Courier") for text in texts]


def test_standing_text_is_what_an_outlet_repeats_in_several_of_its_articles(courier) -> None:
    elsewhere = (
        "The ferry company added a late sailing on Fridays for the summer, after islanders "
        "asked for a way home from the mainland theatre. The new boat leaves the terminal at "
        "eleven and reaches the island before midnight, and tickets cost the same as by day."
    )
    other = _article(f"{elsewhere}\n\n{NOTE}", "Valley Ledger")  # the note, copied once
    articles = [*courier, other]
    edges = find_reuse(articles, only={a.id for a in articles}, window_days=365)
    spans = standing_spans(articles, edges)
    assert other.id not in spans  # no other article of its outlet
    for article in courier:
        kept = without_spans(article.text, spans[article.id])
        assert len(kept) == len(article.text)
        assert "Editor's note" not in kept and "independent of any owner" not in kept
        assert EVENTS[courier.index(article)][:60] in kept
    for article in (courier[0], courier[4]):  # the quotation they share stays
        assert "street by street" in without_spans(article.text, spans[article.id])


def test_an_outlets_standing_note_does_not_make_its_articles_one_story(courier) -> None:
    articles = [
        dataclasses.replace(a, text=f"{e}\n\n{NOTE}") for a, e in zip(courier, EVENTS, strict=True)
    ]
    vectors = dict(zip((a.id for a in articles), article_vectors(articles), strict=True))
    edges = find_reuse(articles, only={a.id for a in articles}, window_days=365)
    assert edges and all(e.containment < 0.5 for e in edges)  # the note alone links them
    story = group_stories(articles, vectors, edges=edges)
    assert len(set(story.values())) >= 5  # six events (the storm and the cable theft may meet)


def test_without_spans_blanks_each_span_and_keeps_positions() -> None:
    text = "alpha beta gamma delta"
    assert without_spans(text, [(6, 10), (0, 5), (8, 16)]) == " " * 16 + " delta"
    assert without_spans(text, []) == text
    assert np.array_equal(
        np.frombuffer(without_spans(text, [(30, 40)]).encode(), np.uint8),
        np.frombuffer(text.encode(), np.uint8),
    )
