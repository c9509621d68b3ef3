import json
import random
import re
from pathlib import Path

import pytest

from storytrace.records import Article, ReuseEdge
from storytrace.reuse import SHARED_QUOTATION, covers, find_reuse
from storytrace.reuse.shingles import tokenize

from .texts import EDITED, NINE_WORDS_A, NINE_WORDS_B, OUTLET, PARAPHRASE, UNRELATED, WIRE

SEEDS = Path(__file__).resolve().parents[3] / "shared" / "seeds"
PSKOV_QUOTE = (
    "After the first days of the war, they were first brought to the Republic of Belarus, "
    "and then they returned to their base in Pskov"
)


def _seed_articles() -> list[Article]:
    articles = []
    for path in sorted(SEEDS.glob("*.txt")):
        meta = json.loads(path.with_suffix(".meta.json").read_text(encoding="utf-8"))
        articles.append(Article.from_text(path.read_text(encoding="utf-8"), **meta))
    return articles


def _words(text: str) -> tuple[str, ...]:
    return tokenize(text).words


def _one_edge(edges: list[ReuseEdge]) -> ReuseEdge:
    assert len(edges) == 1, edges
    return edges[0]


def test_seed_articles_share_a_quotation_of_pskovskaya_gubernia() -> None:
    sofrep, ibt = _seed_articles()
    edge = _one_edge(find_reuse([sofrep, ibt]))
    by_id = {sofrep.id: sofrep, ibt.id: ibt}
    assert {edge.source, edge.target} == {sofrep.id, ibt.id}
    source, target = by_id[edge.source].text, by_id[edge.target].text
    shared = [(source[slice(*p.source_span)], target[slice(*p.target_span)]) for p in edge.passages]
    assert (PSKOV_QUOTE, PSKOV_QUOTE) in shared
    assert SHARED_QUOTATION in edge.direction_evidence
    assert "direction undetermined" in edge.direction_evidence
    assert 0 < edge.containment < 0.1


def test_wire_copy_points_from_wire_to_outlet() -> None:
    wire = Article.from_text(WIRE, outlet="Coastal Press Agency")
    outlet = Article.from_text(OUTLET, outlet="Avon Valley Gazette")
    edge = _one_edge(find_reuse([outlet, wire]))
    assert (edge.source, edge.target) == (wire.id, outlet.id)
    wire_words, outlet_words = len(_words(WIRE)), len(_words(OUTLET))
    # The outlet is the wire story (without its headline) plus an intro and a trailer.
    expected = (wire_words - len(_words(WIRE.split("\n\n", 1)[0]))) / outlet_words
    assert edge.containment == pytest.approx(expected, abs=0.02)
    assert 0.5 < edge.containment < 0.9
    assert any("(CPA) —" in line for line in edge.direction_evidence)
    assert SHARED_QUOTATION not in edge.direction_evidence
    assert len(edge.passages) == 1
    (passage,) = edge.passages
    assert outlet.text[slice(*passage.target_span)].startswith("BRISTOL, England (CPA)")
    assert wire.text[slice(*passage.source_span)].endswith("demolished last year")


def test_lightly_edited_copy_is_one_passage() -> None:
    wire = Article.from_text(WIRE)
    edited = Article.from_text(EDITED)
    edge = _one_edge(find_reuse([wire, edited]))
    assert len(edge.passages) == 1
    (passage,) = edge.passages
    edited_side = passage.target_span if edge.target == edited.id else passage.source_span
    body = EDITED.split("\n\n", 1)[1].strip()
    start = EDITED.index(body)
    assert edited_side[0] <= start
    assert edited_side[1] == start + len(body) - 1  # all but the final full stop


def test_dates_decide_direction_when_present() -> None:
    wire = Article.from_text(WIRE, outlet="Coastal Press Agency", published="2024-03-02")
    edited = Article.from_text(EDITED, outlet="Avon Valley Gazette", published="2024-03-01")
    edge = _one_edge(find_reuse([wire, edited]))
    assert (edge.source, edge.target) == (edited.id, wire.id)
    assert edge.direction_evidence[0] == "published earlier: 2024-03-01 < 2024-03-02"
    assert any(line.startswith("contrary: wire marker") for line in edge.direction_evidence)

    wire_first = Article.from_text(WIRE, published="2024-03-01T09:00:00+00:00")
    edited_later = Article.from_text(EDITED, published="2024-03-01T11:30:00+00:00")
    edge = _one_edge(find_reuse([edited_later, wire_first]))
    assert (edge.source, edge.target) == (wire_first.id, edited_later.id)
    assert edge.direction_evidence[0].startswith("published earlier: 2024-03-01T09")


def test_unrelated_articles_on_the_same_story_are_not_linked() -> None:
    articles = [Article.from_text(WIRE), Article.from_text(UNRELATED)]
    assert find_reuse(articles) == []


def test_min_words_is_the_shortest_passage_kept() -> None:
    articles = [Article.from_text(NINE_WORDS_A), Article.from_text(NINE_WORDS_B)]
    # By default one short shared phrase is not reuse: it could be a stock phrase.
    assert find_reuse(articles) == []
    short = {"min_total": 0, "min_longest": 0}
    edge = _one_edge(find_reuse(articles, **short))
    (passage,) = edge.passages
    source = next(a for a in articles if a.id == edge.source)
    shared = source.text[slice(*passage.source_span)]
    assert shared == "new charges would apply from the first of May"
    assert len(find_reuse(articles, min_words=9, **short)) == 1
    assert find_reuse(articles, min_words=10, **short) == []


def test_duplicate_ids_are_taken_once() -> None:
    article = Article.from_text(WIRE)
    assert find_reuse([article, article]) == []


def test_covers_spans_of_a_found_edge() -> None:
    wire = Article.from_text(WIRE)
    outlet = Article.from_text(OUTLET)
    edge = _one_edge(find_reuse([wire, outlet]))
    quote = re.search(r"“The barrier.*?overnight,”", OUTLET)
    intro = re.search(r"Neighbours on Clift Road.*?dawn\.", OUTLET)
    assert quote is not None and intro is not None
    assert covers(edge, outlet.id, quote.span())
    assert not covers(edge, outlet.id, intro.span())
    assert covers(edge, wire.id, (WIRE.index("Firefighters"), WIRE.index("two hours")))
    assert not covers(edge, "someone-else", quote.span())


def _synthetic_corpus() -> tuple[list[Article], set[frozenset[str]]]:
    """300 texts drawn from the seed vocabulary with Zipf weights, 5 planted copies."""
    vocabulary = sorted({w for a in _seed_articles() for w in _words(a.text)})
    weights = [1 / rank for rank in range(1, len(vocabulary) + 1)]
    rng = random.Random(20240301)
    rng.shuffle(vocabulary)
    texts = [" ".join(rng.choices(vocabulary, weights, k=rng.randint(80, 220))) for _ in range(300)]
    planted: list[tuple[int, int]] = []
    pool = rng.sample(range(300), 10)
    for k in range(5):
        source, target = pool[2 * k], pool[2 * k + 1]
        words = texts[source].split()
        start = rng.randint(0, len(words) - 40)
        copied = words[start : start + rng.randint(30, 40)]
        if k == 0:  # one lightly edited copy
            copied[len(copied) // 2] = "EDITED"
        host = texts[target].split()
        cut = rng.randint(0, len(host))
        texts[target] = " ".join(host[:cut] + copied + host[cut:])
        planted.append((source, target))
    articles = [Article.from_text(text) for text in texts]
    pairs = {frozenset((articles[s].id, articles[t].id)) for s, t in planted}
    return articles, pairs


def test_many_articles_give_exactly_the_planted_edges() -> None:
    articles, planted = _synthetic_corpus()
    edges = find_reuse(articles)
    assert {frozenset((e.source, e.target)) for e in edges} == planted
    assert all(len(e.passages) == 1 for e in edges)


def test_a_reworded_copy_is_found_on_its_content_words() -> None:
    wire = Article.from_text(WIRE, published="2024-03-01")
    reworded = Article.from_text(PARAPHRASE, published="2024-03-02")
    edge = _one_edge(find_reuse([reworded, wire]))
    assert (edge.source, edge.target) == (wire.id, reworded.id)
    assert edge.containment > 0.6
    # Exact word runs alone are too short and too few once the words are changed.
    assert find_reuse([reworded, wire], min_content=0) == []


def test_date_window_and_outlet_filters_drop_pairs() -> None:
    wire = Article.from_text(WIRE, outlet="Coastal Press Agency", published="2024-03-01")
    outlet = Article.from_text(OUTLET, outlet="Avon Valley Gazette", published="2024-03-20")
    assert len(find_reuse([wire, outlet])) == 1
    assert find_reuse([wire, outlet], window_days=7) == []
    same = Article.from_text(OUTLET, outlet="coastal press agency", published="2024-03-02")
    assert find_reuse([wire, same], same_outlet=False) == []
    assert len(find_reuse([wire, same], window_days=7)) == 1


def _spun(text: str) -> str:
    swaps = {"gave way": "collapsed", "said": "stated", "used": "employed", "reach": "access",
             "almost": "nearly", "urged": "implored", "criticised": "castigated"}  # fmt: skip
    for plain, rare in swaps.items():
        text = text.replace(plain, rare)
    return text


def test_without_dates_the_copy_with_rarer_words_is_the_target() -> None:
    plain = WIRE.replace(" (CPA)", "")  # no wire marker: word choice alone decides
    wire = Article.from_text(plain, outlet="Coastal Press Agency")
    spun = Article.from_text(_spun(plain), outlet="Content Farm")
    # The batch gives the words their document frequencies.
    others = [Article.from_text(t) for t in (OUTLET, UNRELATED, EDITED, NINE_WORDS_A)]
    edges = [
        e for e in find_reuse([spun, wire, *others]) if {e.source, e.target} == {wire.id, spun.id}
    ]
    edge = _one_edge(edges)
    assert (edge.source, edge.target) == (wire.id, spun.id)
    assert edge.direction_evidence[0].startswith(
        "word choice: where the passages differ, Content Farm uses rarer words"
    )
    # Alone, the pair gives every word the same frequency: word choice cannot decide.
    alone = _one_edge(find_reuse([spun, wire]))
    assert not any(line.startswith("word choice") for line in alone.direction_evidence)
