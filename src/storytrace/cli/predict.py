"""``storytrace predict KIND ...``: predictions in the evaluation formats of ``shared/data``.

Each kind registers itself through :data:`KINDS` (a function that adds its sub-parser),
so ``predict paraphrase`` and ``predict stories`` sit beside ``predict attributions``.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TypeAlias

Subparsers: TypeAlias = "argparse._SubParsersAction[argparse.ArgumentParser]"


def _add_attributions(kinds: Subparsers) -> None:
    """``predict attributions TEXT_DIR --out ANN_DIR``.

    Example:
        storytrace predict attributions ../shared/data/polnear/dev/text --out out/ann
    """
    parser = kinds.add_parser(
        "attributions",
        help="write ANN_DIR/X.ann (brat standoff, PolNeAR style) for every TEXT_DIR/X.txt",
    )
    parser.add_argument("text_dir", type=Path, metavar="TEXT_DIR")
    parser.add_argument("--out", type=Path, required=True, metavar="ANN_DIR")
    parser.set_defaults(run=run_attributions)


def run_attributions(args: argparse.Namespace) -> int:
    """Predict Source, Cue and Content spans for a folder of texts."""
    from storytrace.benchmark.polnear import predict_folder

    if not args.text_dir.is_dir():
        print(f"storytrace predict attributions: {args.text_dir}: not a folder", file=sys.stderr)
        return 2
    from storytrace.cli.progress import ProgressBar

    with ProgressBar() as progress:
        predict_folder(
            args.text_dir, args.out, progress=lambda done, total: progress("predict", done, total)
        )
    return 0


def _add_paraphrase(kinds: Subparsers) -> None:
    """``predict paraphrase PAIRS.tsv``.

    Example:
        storytrace predict paraphrase ../shared/data/mrpc/dev.tsv > predictions.tsv
    """
    parser = kinds.add_parser(
        "paraphrase",
        help="for each MRPC pair: 1 if the two sentences state the same fact, with a score",
    )
    parser.add_argument("pairs", type=Path, metavar="PAIRS.tsv")
    parser.set_defaults(run=run_paraphrase)


def run_paraphrase(args: argparse.Namespace) -> int:
    """Print ``id1 id2 label score`` for every pair, in input order."""
    from storytrace.benchmark.mrpc import read_pairs, write_predictions

    if not args.pairs.is_file():
        print(f"storytrace predict paraphrase: {args.pairs}: no such file", file=sys.stderr)
        return 2
    write_predictions(read_pairs(args.pairs), sys.stdout)
    return 0


def _add_stories(kinds: Subparsers) -> None:
    """``predict stories DOCS.jsonl``.

    Example:
        storytrace predict stories ../shared/data/ecbplus/dev.jsonl > stories.jsonl
    """
    parser = kinds.add_parser(
        "stories", help='for each {"doc_id", "text"} line: the story it belongs to'
    )
    parser.add_argument("documents", type=Path, metavar="DOCS.jsonl")
    parser.set_defaults(run=run_stories)


def run_stories(args: argparse.Namespace) -> int:
    """Print one ``{"doc_id", "story"}`` line per document (gold fields are ignored)."""
    import json

    from storytrace.benchmark.ecbplus import assign_stories, read_documents

    if not args.documents.is_file():
        print(f"storytrace predict stories: {args.documents}: no such file", file=sys.stderr)
        return 2
    documents = read_documents(args.documents)
    stories = assign_stories([str(d["text"]) for d in documents])
    for document, story in zip(documents, stories, strict=True):
        print(json.dumps({"doc_id": document["doc_id"], "story": story}))
    return 0


def _add_coref(kinds: Subparsers) -> None:
    """``predict coref EVENTS.jsonl``.

    Example:
        storytrace predict coref ../shared/data/ecbplus/dev_events.input.jsonl > chains.jsonl
    """
    parser = kinds.add_parser(
        "coref",
        help="for each ECB+ event mention: the chain of mentions that refer to the same event",
    )
    parser.add_argument("events", type=Path, metavar="EVENTS.jsonl")
    parser.set_defaults(run=run_coref)


def run_coref(args: argparse.Namespace) -> int:
    """Print one ``{"doc_id", "mention_id", "chain"}`` line per mention (stories predicted)."""
    from storytrace.benchmark.ecbplus_events import read_events, write_predictions

    if not args.events.is_file():
        print(f"storytrace predict coref: {args.events}: no such file", file=sys.stderr)
        return 2
    try:
        documents = read_events(args.events)
    except (ValueError, KeyError, IndexError, TypeError) as exc:
        print(f"storytrace predict coref: {args.events}: {exc}", file=sys.stderr)
        return 2
    write_predictions(documents, sys.stdout)
    return 0


def _add_checkworthy(kinds: Subparsers) -> None:
    """``predict checkworthy SENTENCES.tsv``.

    Example:
        storytrace predict checkworthy ../shared/data/checkworthy/claimbuster.tsv > scores.tsv
    """
    parser = kinds.add_parser(
        "checkworthy",
        help="for each id/text row: the check-worthiness score and 1 where analyze makes a claim",
    )
    parser.add_argument("sentences", type=Path, metavar="SENTENCES.tsv")
    parser.set_defaults(run=run_checkworthy)


def run_checkworthy(args: argparse.Namespace) -> int:
    """Print ``id score label`` per row in input order: the read stage's scorer and threshold.

    Each row's text is parsed as ``analyze`` parses an article, and scored as one
    sentence; ``label`` is 1 where ``analyze`` would make it a claim: the same candidate
    test (a verb, enough words, not a question or an opinion) and the same
    ``claims.extract.is_claim`` (the threshold, or an attributed or hedged assertion).
    """
    import csv

    from storytrace.claims.checkworthy import load_model
    from storytrace.claims.extract import attributed_sentences, candidate_claim, is_claim
    from storytrace.claims.hedges import assess_certainty
    from storytrace.claims.sources import SourceContext
    from storytrace.records import Article
    from storytrace.text.nlp import load_nlp

    if not args.sentences.is_file():
        print(f"storytrace predict checkworthy: {args.sentences}: no such file", file=sys.stderr)
        return 2
    with args.sentences.open(encoding="utf-8", newline="") as handle:
        rows = [r for r in csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE) if r]
    if rows and rows[0][:2] == ["id", "text"]:
        rows = rows[1:]
    model = load_model()
    texts = [row[1] if len(row) > 1 else "" for row in rows]
    print("id\tscore\tlabel")
    for row, doc in zip(rows, load_nlp().pipe(texts, batch_size=256), strict=True):
        sent, text = doc[:], doc.text
        [score] = model.score([sent], [text])
        found = attributed_sentences(Article.from_text(text), doc, SourceContext())[1]
        attribution = next((a for _s, _t, _a, a in found if a is not None), None)
        certainty = assess_certainty(sent, text=text)  # with its cues, as analyze judges
        claim = candidate_claim(sent, text, attribution) and is_claim(
            score, attribution, certainty, text
        )
        print(f"{row[0]}\t{score:.4f}\t{int(claim)}")
    return 0


def _add_events(kinds: Subparsers) -> None:
    """``predict events SNIPPETS.tsv``.

    Example:
        storytrace predict events ../shared/data/case2021/snippets.tsv > events.tsv
    """
    parser = kinds.add_parser(
        "events",
        help="for each id/text row (optional published): the event analyze codes from it",
    )
    parser.add_argument("snippets", type=Path, metavar="SNIPPETS.tsv")
    parser.set_defaults(run=run_events)


EVENT_COLUMNS = (
    "id", "events", "event_type", "sub_event_type", "actor1", "inter1", "actor2", "inter2",
    "interaction", "location", "admin1", "country", "latitude", "longitude", "geo_precision",
    "event_date", "time_precision", "fatalities", "notes",
)  # fmt: skip


def run_events(args: argparse.Namespace) -> int:
    """Print one row per input row, in input order: its main event in ACLED's columns
    (``events`` says how many the row yielded; empty columns where it yielded none)."""
    from storytrace.benchmark.case2021 import code_rows, read_rows
    from storytrace.report.acled_csv import acled_row

    if not args.snippets.is_file():
        print(f"storytrace predict events: {args.snippets}: no such file", file=sys.stderr)
        return 2
    try:
        rows = read_rows(args.snippets)
    except (ValueError, UnicodeDecodeError) as exc:
        print(f"storytrace predict events: {exc}", file=sys.stderr)
        return 2
    print("\t".join(EVENT_COLUMNS))
    for coded in code_rows(rows):
        found = {"id": coded.id, "events": len(coded.story.events) if coded.story else 0}
        if coded.event is not None:
            found |= acled_row(coded.event, timestamp=0)
        if coded.error:
            found["notes"] = coded.error
        print("\t".join(_cell(found.get(c)) for c in EVENT_COLUMNS))
    return 0


def _cell(value: object) -> str:
    """A TSV cell: tabs and line breaks in text become spaces."""
    return "" if value is None else " ".join(str(value).split())


KINDS: list[Callable[[Subparsers], None]] = [
    _add_attributions,
    _add_checkworthy,
    _add_coref,
    _add_events,
    _add_paraphrase,
    _add_stories,
]


def add_parser(commands: Subparsers) -> None:
    """Register ``predict`` and every kind in :data:`KINDS`.

    Example:
        storytrace predict attributions TEXT_DIR --out ANN_DIR
    """
    parser = commands.add_parser(
        "predict", help="predictions in the evaluation formats (see CONTRACT.md)"
    )
    kinds = parser.add_subparsers(dest="kind", required=True, metavar="KIND")
    for add_kind in KINDS:
        add_kind(kinds)
