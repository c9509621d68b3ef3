from storytrace.records import Passage, ReuseEdge
from storytrace.reuse.passages import WordPassage, align, covered_share, covers
from storytrace.reuse.shingles import shingle_hashes, tokenize

from .texts import EDITED, WIRE

BODY = (
    "Firefighters used boats to reach residents on Clift Road after the river rose almost "
    "a metre in two hours and no injuries were reported"
)


def _align(a: str, b: str, **options: int) -> list[WordPassage]:
    wa, wb = tokenize(a).words, tokenize(b).words
    return align(wa, wb, shingle_hashes(wa), shingle_hashes(wb), **options)


def test_verbatim_copy_inside_new_text_is_one_exact_passage() -> None:
    found = _align("Our own words come first here. " + BODY, BODY + " and then a tail of ours.")
    assert found == [WordPassage((6, 30), (0, 24), 24)]


def test_small_edits_stay_inside_one_passage() -> None:
    edited = BODY.replace("boats", "dinghies").replace("almost", "nearly").replace(" and", ",")
    (passage,) = _align(BODY, edited)
    assert passage.a == (0, 24)
    assert passage.b == (0, 23)  # "and" deleted
    assert passage.matched == 21


def test_a_run_of_changed_words_splits_the_passage() -> None:
    rewritten = BODY.replace("on Clift Road after the", "living along the street when")
    found = _align(BODY, rewritten)
    assert [p.a for p in found] == [(0, 6), (11, 24)] or [p.a for p in found] == [(11, 24)]
    assert (11, 24) in [p.a for p in found]
    assert len(_align(BODY, rewritten, min_words=5)) == 2


def test_reordered_paragraphs_give_two_passages() -> None:
    first, second = WIRE.split("\n\n")[2], WIRE.split("\n\n")[3]
    found = _align(first + "\n\n" + second, second + "\n\n" + first)
    assert len(found) == 2
    assert sorted(p.matched for p in found) == sorted(
        [len(tokenize(first).words), len(tokenize(second).words)]
    )


def test_an_edited_article_aligns_in_one_passage() -> None:
    found = _align(WIRE, EDITED)
    assert len(found) == 1
    assert found[0].matched > 50


def test_covered_share_counts_overlaps_once() -> None:
    assert covered_share([(0, 10), (5, 15), (20, 25)], 50) == 0.4
    assert covered_share([], 0) == 0.0


def test_covers_needs_most_of_the_span_on_the_right_side() -> None:
    edge = ReuseEdge("src", "tgt", 0.5, passages=(Passage((0, 100), (200, 300)),))
    assert covers(edge, "tgt", (250, 320))  # 50 of 70 characters inside
    assert not covers(edge, "tgt", (280, 320))  # 20 of 40
    assert covers(edge, "src", (40, 60))
    assert not covers(edge, "src", (240, 260))  # a target-side span, asked of the source
    assert not covers(edge, "other", (40, 60))
    assert covers(edge, "src", (50, 50))
