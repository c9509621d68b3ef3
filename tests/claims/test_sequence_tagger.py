"""The CRF decoder and the span bookkeeping of the sequence attribution tagger."""

from __future__ import annotations

import numpy as np

from storytrace.benchmark.polnear import relation_spans, score_spans
from storytrace.claims.relations import (
    Relation,
    _fragments,
    _nearest_run,
    _window,
    closing_comma,
    cue_runs,
    roles,
    trim_source,
)
from storytrace.claims.sequence import best_path, best_paths, state_scores, viterbi, viterbi_many
from storytrace.text import load_nlp

# Two labels; "x" favours A, "y" favours B, and B may never follow A.
TOY = {
    "labels": ["A", "B"],
    "transitions": [[0.0, -100.0], [0.0, 0.0]],
    "weights": {"x": [1.0, 0.0], "y": [0.0, 2.0]},
}


def test_state_scores_sum_the_weights_of_known_features() -> None:
    assert state_scores(TOY, [["x", "y", "unknown"], []]).tolist() == [[1.0, 2.0], [0.0, 0.0]]


def test_viterbi_follows_the_emissions_when_transitions_allow() -> None:
    assert viterbi(TOY, [["y"], ["x"], ["x"]]) == ["B", "A", "A"]


def test_viterbi_respects_a_forbidden_transition() -> None:
    # Alone, the tokens would read A B; since B never follows A, the best path is B B.
    assert viterbi(TOY, [["x"], ["y"]]) == ["B", "B"]
    assert viterbi(TOY, []) == []


def test_viterbi_many_gives_each_sequence_its_own_path() -> None:
    sequences = [[["x"], ["y"]], [], [["y"], ["x"], ["x"]], [["x"]]]
    assert viterbi_many(TOY, sequences) == [["B", "B"], [], ["B", "A", "A"], ["A"]]
    assert viterbi_many(TOY, [[], []]) == [[], []]


def test_best_paths_decode_side_by_side_as_best_path_does_one_by_one() -> None:
    # Scores rounded to one decimal make ties common: both break them the same way.
    rng = np.random.default_rng(7)
    for _ in range(200):
        width = int(rng.integers(2, 5))
        emissions = [
            np.round(rng.normal(size=(int(rng.integers(1, 30)), width)), 1)
            for _ in range(int(rng.integers(1, 8)))
        ]
        moves = np.round(rng.normal(size=(width, width)), 1).tolist()
        assert best_paths(emissions, moves) == [best_path(e, moves) for e in emissions]


def test_cue_runs_open_at_b_and_at_a_stray_i() -> None:
    doc = load_nlp().make_doc("he said in a statement that she told")
    tokens = list(doc)
    labels = ["O", "B", "I", "I", "I", "O", "O", "I"]
    runs = cue_runs(tokens, labels)
    assert [" ".join(t.text for t in run) for run in runs] == ["said in a statement", "told"]
    assert [len(r) for r in cue_runs(tokens[:3], ["B", "B", "O"])] == [1, 1]


def test_the_source_is_the_run_nearest_the_cue() -> None:
    doc = load_nlp().make_doc("Smith and Jones said , Brown added")
    cue = [doc[3]]
    assert _nearest_run([0, 2, 5], cue) == [2]
    assert _nearest_run([4, 5], cue) == [4, 5]
    assert _nearest_run([], cue) == []
    spaced = load_nlp().make_doc("Smith , a\xa0Bloomberg poll said")  # "\xa0" is token 3
    assert _nearest_run([2, 4, 5], [spaced[6]]) == [2, 4, 5]  # one run across the space
    broken = load_nlp().make_doc("Smith , a\n\nBloomberg poll said")
    assert _nearest_run([2, 4, 5], [broken[6]]) == [4, 5]  # a line break splits it


def test_scores_from_relations_count_exact_and_overlapping_spans() -> None:
    text = "Officials said the bridge was closed."
    gold = [Relation(cue=((10, 14),), content=((15, 36),), source=((0, 9),))]
    pred = [Relation(cue=((10, 14),), content=((19, 36),), source=None)]
    scores = score_spans([(text, relation_spans(gold), relation_spans(pred))])
    assert scores["Cue"]["exact"]["f1"] == 1.0
    assert scores["Content"]["exact"]["f1"] == 0.0
    assert scores["Content"]["overlap"]["f1"] == 1.0
    assert scores["Source"]["exact"]["recall"] == 0.0
    assert scores["Source"]["predicted"] == 0


def test_a_label_bias_shifts_the_decision_towards_that_label() -> None:
    assert viterbi(TOY, [["x"]]) == ["A"]
    assert viterbi({**TOY, "label_bias": [0.0, 1.5]}, [["x"]]) == ["B"]


def _parsed(text: str):
    return load_nlp()(text)


def test_a_source_run_loses_leading_words_outside_its_noun_phrase() -> None:
    doc = _parsed("All of a sudden, black voters said no.")
    assert [t.text for t in trim_source(list(doc[0:7]))] == ["black", "voters"]
    doc = _parsed("How Paul Ryan said it was fine.")
    assert [t.text for t in trim_source(list(doc[0:3]))] == ["Paul", "Ryan"]


def test_a_source_run_keeps_its_leading_words_across_a_no_break_space() -> None:
    doc = _parsed("A\xa0Bloomberg poll shows Clinton ahead.")
    run = [t for t in doc[0:4] if not t.is_space]
    assert [t.text for t in trim_source(run)] == ["A", "Bloomberg", "poll"]


def test_a_source_run_keeps_conjuncts_and_what_follows_its_head() -> None:
    doc = _parsed("Trump and Clinton said no.")
    assert [t.text for t in trim_source(list(doc[0:3]))] == ["Trump", "and", "Clinton"]
    doc = _parsed("Ben Domenech, publisher of The Federalist, said no.")
    kept = trim_source(list(doc[0:8]))
    assert kept[0].text == "Ben" and kept[-1].text == ","


def test_the_window_stays_in_the_paragraph_and_within_its_width() -> None:
    doc = _parsed("First paragraph ends here.\nOfficials said the bridge was closed today.")
    cue = [t for t in doc if t.text == "said"]
    window = _window(doc, cue)
    assert doc[window.start].text == "Officials" and doc[window.stop - 1].text == "."
    narrow = _window(doc, cue, 2)
    assert [doc[i].text for i in narrow] == ["Officials", "said", "the"]


def test_a_cue_without_content_is_read_again_with_content_made_cheaper() -> None:
    # Content loses to O by 1 after the cue; the retry adds 2 to Content.
    model = {
        "role": {
            "labels": ["O", "Source", "Content", "Cue"],
            "transitions": [[0.0] * 4 for _ in range(4)],
            "weights": {
                "cue=self": [0.0, 0.0, 0.0, 9.0],
                "side=after": [1.0, 0.0, 0.0, 0.0],
                "side=before": [5.0, 0.0, 0.0, 0.0],
            },
        }
    }
    doc = _parsed("He said the bridge was closed")
    cue = [doc[1]]
    found = roles(doc, cue, [False] * len(doc), {1}, model)
    assert [t.text for t in found["Content"]] == ["the", "bridge", "was", "closed"]


def test_an_appositions_closing_comma_belongs_to_the_source_a_names_does_not() -> None:
    nlp = load_nlp()
    doc = nlp("Jeff Flake, a senator from Arizona, said the bill was dead.")
    cue = [t for t in doc if t.text == "said"]
    assert [t.text for t in closing_comma(list(doc[:7]), cue)][-1] == ","  # comma added
    assert [t.text for t in closing_comma(list(doc[:8]), cue)][-1] == ","  # comma kept
    doc = nlp("Smith, who led the inquiry, said the bill was dead.")
    cue = [t for t in doc if t.text == "said"]
    assert [t.text for t in closing_comma([doc[0], doc[1]], cue)] == ["Smith"]
    assert [t.text for t in closing_comma([doc[0]], cue)] == ["Smith"]


def test_a_span_runs_across_a_no_break_space_but_not_a_line_break() -> None:
    doc = load_nlp().make_doc("She has\xa0acknowledged it.\n\nThen  more")
    words = [t for t in doc if not t.is_space]
    assert [t.text for t in words[1:3]] == ["has", "acknowledged"]  # "\xa0" is a token between
    assert _fragments(words[1:3]) == ((4, 20),)  # one fragment, as PolNeAR writes it
    spaced = [t for t in words if t.text in {"Then", "more"}]
    assert _fragments(spaced) == ((26, 36),)  # a second space inside a line: one fragment
    across = [t for t in words if t.text in {"it", "Then"}]
    assert len(_fragments(across)) == 2  # a paragraph break still splits


def test_the_main_subject_is_the_first_subject_of_the_root() -> None:
    from storytrace.claims.sources import _main_subject

    doc = load_nlp()(
        "Yesterday the ministers said they would resign. Police, the mayor said, fled."
    )
    for sent in doc.sents:
        for before in range(sent.start - 1, sent.end + 2):
            expected = next(
                (
                    t.i
                    for t in sent[: before - sent.start]
                    if t.dep_ in ("nsubj", "nsubjpass") and t.head.i == sent.root.i
                ),
                None,
            )
            found = _main_subject(sent, before)
            assert (found.i if found is not None else None) == expected
    assert _main_subject(next(iter(doc.sents)), len(doc)) is not None
