"""PolNeAR brat standoff in and out, span scoring, and the shipped attribution tagger."""

from __future__ import annotations

from pathlib import Path

from storytrace.benchmark.polnear import (
    format_ann,
    predict_folder,
    read_ann,
    read_relations,
    score_folder,
)
from storytrace.claims.relations import Relation, find_relations
from storytrace.text import load_nlp

TEXT = "Officials said the bridge was closed. “It is safe,” she told reporters.\n"
GOLD = (
    "T1\tSource 0 9\tOfficials\n"
    "T2\tCue 10 14\tsaid\n"
    "T3\tContent 15 36\tthe bridge was closed\n"
    "T4\tAttribution 10 14\tsaid\n"
    "E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1\n"
    "T5\tContent 38 48;50 51\t“It is safe ”\n"
    "T6\tCue 56 60\ttold\n"
    "T7\tSource 52 55\tshe\n"
    "T8\tAttribution 56 60\ttold\n"
    "E2\tAttribution:T8 Content:T5 Cue:T6 Source:T7\n"
    "T9\tDiscuss 0 9\tOfficials\n"
    "#1\tAnnotatorNotes T1\ta note\n"
)


def _split(tmp_path: Path, ann: str) -> tuple[Path, Path]:
    (tmp_path / "text").mkdir()
    (tmp_path / "gold").mkdir()
    (tmp_path / "text" / "a.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "gold" / "a.ann").write_text(ann, encoding="utf-8")
    return tmp_path / "text", tmp_path / "gold"


def test_read_ann_keeps_discontinuous_spans_and_ignores_flags(tmp_path: Path) -> None:
    _, gold = _split(tmp_path, GOLD)
    spans = read_ann(gold / "a.ann")
    assert spans["Content"] == [((15, 36),), ((38, 48), (50, 51))]
    assert spans["Source"] == [((0, 9),), ((52, 55),)]
    (first, second) = read_relations(gold / "a.ann")
    assert first == Relation(cue=((10, 14),), content=((15, 36),), source=((0, 9),))
    assert second.content == ((38, 48), (50, 51))


def test_written_relations_read_back_and_score_perfectly(tmp_path: Path) -> None:
    text_dir, gold = _split(tmp_path, GOLD)
    pred = tmp_path / "pred"
    pred.mkdir()
    relations = read_relations(gold / "a.ann")
    (pred / "a.ann").write_text(format_ann(TEXT, relations), encoding="utf-8")
    assert read_relations(pred / "a.ann") == relations
    scores = score_folder(gold, pred, text_dir)
    for role in ("Source", "Cue", "Content"):
        assert scores[role]["exact"] == {"precision": 1.0, "recall": 1.0, "f1": 1.0}


def test_overlap_counts_a_shared_token_once_per_gold_span(tmp_path: Path) -> None:
    text_dir, gold = _split(tmp_path, GOLD)
    pred = tmp_path / "pred"
    pred.mkdir()
    guesses = [
        Relation(cue=((10, 14),), content=((19, 25),), source=((0, 14),)),  # "bridge"
        Relation(cue=((56, 60),), content=((19, 36),), source=None),  # same gold content again
    ]
    (pred / "a.ann").write_text(format_ann(TEXT, guesses), encoding="utf-8")
    scores = score_folder(gold, pred, text_dir)
    assert scores["Cue"]["exact"]["f1"] == 1.0
    assert scores["Content"]["exact"]["f1"] == 0.0
    assert scores["Content"]["overlap"]["precision"] == 0.5  # one of two predictions matches
    assert scores["Content"]["overlap"]["recall"] == 0.5
    assert scores["Source"]["exact"]["recall"] == 0.0
    assert scores["Source"]["overlap"]["recall"] == 0.5


def test_the_shipped_tagger_finds_source_cue_and_content() -> None:
    text = "The senator said on Tuesday that the budget would be cut by ten percent."
    (relation,) = find_relations(load_nlp()(text))
    assert text[slice(*relation.cue[0])] == "said"
    assert relation.source is not None and text[slice(*relation.source[0])] == "The senator"
    content = " ".join(text[a:b] for a, b in relation.content)
    assert "the budget would be cut" in content


def test_predict_folder_writes_one_ann_per_text(tmp_path: Path) -> None:
    text_dir, _ = _split(tmp_path, GOLD)
    out = tmp_path / "out"
    assert predict_folder(text_dir, out) == 1
    spans = read_ann(out / "a.ann")
    assert ((10, 14),) in spans["Cue"]


def test_the_commands_predict_and_score_a_split(tmp_path: Path, capsys) -> None:
    import json

    from storytrace.cli.main import main

    split = tmp_path / "split"
    (split / "text").mkdir(parents=True)
    (split / "attributions").mkdir()
    (split / "text" / "a.txt").write_text(TEXT, encoding="utf-8")
    (split / "attributions" / "a.ann").write_text(GOLD, encoding="utf-8")
    assert main(["predict", "attributions", str(split / "text"), "--out", str(tmp_path / "o")]) == 0
    assert (tmp_path / "o" / "a.ann").exists()
    capsys.readouterr()
    assert main(["bench", "quality", "polnear", str(split)]) == 0
    scores = json.loads(capsys.readouterr().out)
    assert scores["dataset"] == "polnear" and scores["Cue"]["gold"] == 2
    assert set(scores["Source"]) == {"gold", "predicted", "exact", "overlap"}
    assert main(["bench", "quality", "polnear", str(tmp_path / "missing")]) == 2


def test_predict_folder_skips_an_unreadable_text_and_keeps_the_rest(tmp_path: Path, capsys) -> None:
    text_dir, _ = _split(tmp_path, GOLD)
    (text_dir / "broken.txt").write_bytes(b"\xff\xfe not UTF-8 \x80")
    out = tmp_path / "out"
    seen: list[tuple[int, int]] = []
    assert predict_folder(text_dir, out, progress=lambda d, t: seen.append((d, t))) == 1
    assert (out / "a.ann").exists() and not (out / "broken.ann").exists()
    assert "broken.txt" in capsys.readouterr().err
    assert seen == [(1, 1)]


def test_predict_folder_keeps_offsets_of_crlf_texts(tmp_path: Path) -> None:
    text_dir = tmp_path / "text"
    text_dir.mkdir()
    text = "Headline\r\n\r\nThe senator said the budget would be cut.\r\n"
    (text_dir / "c.txt").write_bytes(text.encode("utf-8"))
    predict_folder(text_dir, tmp_path / "out")
    cues = read_ann(tmp_path / "out" / "c.ann")["Cue"]
    assert [text[a:b] for ((a, b),) in cues] == ["said"]


def test_a_source_shared_by_two_relations_is_written_once_as_polnear_does(tmp_path: Path) -> None:
    text = "She said the bridge was closed and added that it was safe.\n"
    shared = (
        "T1\tSource 0 3\tShe\n"
        "T2\tCue 4 8\tsaid\n"
        "T3\tContent 9 30\tthe bridge was closed\n"
        "T4\tAttribution 4 8\tsaid\n"
        "E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1\n"
        "T5\tCue 35 40\tadded\n"
        "T6\tContent 41 57\tthat it was safe\n"
        "T7\tAttribution 35 40\tadded\n"
        "E2\tAttribution:T7 Content:T6 Cue:T5 Source:T1\n"
    )
    (tmp_path / "text").mkdir()
    (tmp_path / "gold").mkdir()
    (tmp_path / "pred").mkdir()
    (tmp_path / "text" / "a.txt").write_text(text, encoding="utf-8")
    (tmp_path / "gold" / "a.ann").write_text(shared, encoding="utf-8")
    relations = read_relations(tmp_path / "gold" / "a.ann")
    written = format_ann(text, relations)
    assert [line.split("\t")[1] for line in written.splitlines()].count("Source 0 3") == 1
    (tmp_path / "pred" / "a.ann").write_text(written, encoding="utf-8")
    assert read_relations(tmp_path / "pred" / "a.ann") == relations
    scores = score_folder(tmp_path / "gold", tmp_path / "pred", tmp_path / "text")
    assert scores["Source"]["predicted"] == 1
    assert scores["Source"]["exact"] == {"precision": 1.0, "recall": 1.0, "f1": 1.0}
