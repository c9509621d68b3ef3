"""One pair scorer for alignment and ``predict paraphrase``: same fact apart from conflict."""

from __future__ import annotations

from pathlib import Path

import pytest

from storytrace.align.groups import DEFAULT_THRESHOLD, group_claims
from storytrace.align.opposites import opposite_wording
from storytrace.align.pairs import judge_pairs, same_fact_scores, sentence_claim, tells_alike
from storytrace.cluster.embed import embed
from storytrace.records import Claim, Quantity

MRPC = Path(__file__).resolve().parents[3] / "shared" / "data" / "mrpc"
_needs_data = pytest.mark.skipif(
    not (MRPC / "train.tsv").exists(), reason="shared/data/mrpc is not beside the repo"
)
DEV_FLOOR = 0.835  # dev F1 0.839 recorded in BENCHMARKS.md; issue #15 targets 0.85


def _claim(article: str, text: str, count: float, certainty: str = "asserted") -> Claim:
    start = text.index(str(int(count)))
    quantity = Quantity(f"{int(count)} servicemen", count, count, count, "serviceman",
                        span=(start, start + 2), predicate="refuse")  # fmt: skip
    return Claim(f"{article}:0", article, text, (0, len(text)), certainty=certainty,  # type: ignore[arg-type]
                 quantities=(quantity,))  # fmt: skip


def _judge(a: Claim, b: Claim) -> tuple[float, bool, bool]:
    vectors = embed([a.text, b.text])
    (found,) = judge_pairs([a], [b], [float(vectors[0] @ vectors[1])])
    return found.same_fact, found.conflict, found.paraphrase


def test_a_changed_count_is_one_fact_that_conflicts() -> None:
    sixty = _claim("a", "About 60 servicemen from Pskov refused to fight in Ukraine.", 60)
    eighty = _claim("b", "Some 80 servicemen from Pskov refused to fight in Ukraine.", 80)
    same_fact, conflict, paraphrase = _judge(sixty, eighty)
    assert same_fact >= DEFAULT_THRESHOLD and conflict and not paraphrase
    # alignment calls the same scorer and keeps them together, so the conflict is shown
    assert [len(g) for g in group_claims([sixty, eighty])] == [2]


def test_an_agreeing_count_is_a_paraphrase_without_conflict() -> None:
    first = _claim("a", "About 60 servicemen from Pskov refused to fight in Ukraine.", 60)
    second = _claim("b", "Around 60 servicemen from Pskov refused to fight in Ukraine.", 60)
    same_fact, conflict, paraphrase = _judge(first, second)
    assert same_fact >= DEFAULT_THRESHOLD and not conflict and paraphrase


def test_a_denial_conflicts_with_the_assertion() -> None:
    said = _claim("a", "About 60 servicemen from Pskov refused to fight in Ukraine.", 60)
    denied = _claim("b", "About 60 servicemen from Pskov refused to fight in Ukraine.", 60,
                    certainty="denied")  # fmt: skip
    _, conflict, paraphrase = _judge(said, denied)
    assert conflict and not paraphrase


def test_unrelated_sentences_score_lower_than_a_rewording() -> None:
    pairs = [
        ("Three workers were killed in the blast.", "The blast killed three workers."),
        ("The ferry left Split at 9:30.", "The library reopened after two years."),
    ]
    scores = []
    for a, b in pairs:
        vectors = embed([a, b])
        scores.append(same_fact_scores([sentence_claim(a)], [sentence_claim(b)],
                                       [float(vectors[0] @ vectors[1])])[0])  # fmt: skip
    assert scores[0] > DEFAULT_THRESHOLD > scores[1]


def test_two_polls_with_different_figures_are_one_fact_that_does_not_confirm() -> None:
    first = sentence_claim("Clinton leads Trump by 46 percent to 41 percent, the poll found.", "a")
    second = sentence_claim("Clinton leads Trump by 43 percent to 40 percent, the poll found.", "b")
    (found,) = _judgements([first], [second])
    assert found.same_fact >= 0.7 and found.paraphrase  # one fact, worded alike
    assert not tells_alike({})(first, second)  # but two polls do not confirm each other


def test_figures_written_in_words_clash_with_other_figures() -> None:
    first = sentence_claim("The margin of error is plus or minus four percentage points.", "a")
    second = sentence_claim("The margin of error is plus or minus 5.7 percentage points.", "b")
    same = sentence_claim("The margin of error is plus or minus 4 percentage points.", "c")
    alike = tells_alike({})
    assert not alike(first, second)  # two polls' margins confirm nothing
    assert alike(first, same)  # "four" and "4" are one figure


def test_corroboration_needs_more_than_the_paraphrase_cut() -> None:
    first = sentence_claim("The council approved the new harbour budget on Monday.", "a")
    second = sentence_claim("On Monday the harbour budget was passed by the council.", "b")
    (found,) = _judgements([first], [second])
    alike = tells_alike({})(first, second)
    assert found.paraphrase or not alike  # whatever confirms is also a paraphrase
    assert alike == (found.paraphrase and found.same_fact >= 0.7)
    assert alike  # a rewording of one fact confirms it


def test_a_telling_and_its_opposite_do_not_confirm_each_other() -> None:
    first = sentence_claim("The mayor has enormous respect for the harbour workers.", "a")
    second = sentence_claim("The mayor has been disrespecting the harbour workers.", "b")
    (found,) = _judgements([first], [second])
    assert found.same_fact >= 0.7  # close vectors: alignment may still group them
    assert not tells_alike({})(first, second)
    assert opposite_wording("The ruling was fair to tenants.", "The ruling was unfair to tenants.")
    assert not opposite_wording("He informed the council.", "He formed the council.")
    assert not opposite_wording("Clinton won the state.", "Trump lost the state.")


def _judgements(firsts: list[Claim], seconds: list[Claim]):  # type: ignore[no-untyped-def]
    vectors = embed([c.text for c in firsts + seconds])
    n = len(firsts)
    return judge_pairs(firsts, seconds, [float(vectors[i] @ vectors[n + i]) for i in range(n)])


@pytest.mark.slow
@_needs_data
def test_dev_f1_of_predict_paraphrase_keeps_its_floor() -> None:
    from storytrace.benchmark.mrpc import score

    assert score(MRPC / "dev.tsv")["f1"] >= DEV_FLOOR
