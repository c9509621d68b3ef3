"""PolNeAR attribution relations: brat standoff in and out, and span scoring.

``bench quality polnear PATH`` predicts every ``PATH/text/X.txt`` into a scratch folder
with :func:`predict_folder` and scores it against ``PATH/attributions/X.ann``: precision,
recall and F1 of Source, Cue and Content spans, exact (same character fragments) and
overlapping (a predicted span shares a token with a still unmatched gold span of the
same type; exact pairs are matched first, then the largest token overlaps).
"""

from __future__ import annotations

import bisect
import re
import sys
import tempfile
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

from storytrace.claims.relations import Fragments, Relation
from storytrace.records import Article, Attribution

ROLES = ("Source", "Cue", "Content")
_T_LINE = re.compile(r"^(T\d+)\t(\S+) ([\d ;]+)\t")
_E_LINE = re.compile(r"^(E\d+)\t(.*)$")
_TOKEN = re.compile(r"\w+|[^\w\s]")


def read_ann(path: Path) -> dict[str, list[Fragments]]:
    """Source, Cue and Content spans of one ``.ann`` file, by role (workflow flags ignored)."""
    spans: dict[str, list[Fragments]] = {role: [] for role in ROLES}
    for line in path.read_text(encoding="utf-8").split("\n"):
        match = _T_LINE.match(line)
        if match is None or match.group(2) not in spans:
            continue
        spans[match.group(2)].append(_fragments(match.group(3)))
    return spans


def read_relations(path: Path) -> list[Relation]:
    """The attributions (``E`` lines) of one ``.ann`` file, each with its spans."""
    spans: dict[str, tuple[str, Fragments]] = {}
    events: list[str] = []
    for line in path.read_text(encoding="utf-8").split("\n"):
        match = _T_LINE.match(line)
        if match is not None:
            spans[match.group(1)] = (match.group(2), _fragments(match.group(3)))
        elif _E_LINE.match(line):
            events.append(line.split("\t", 1)[1])
    relations = []
    for event in events:
        roles: dict[str, Fragments] = {}
        for arg in event.split():
            role, _, ident = arg.partition(":")
            if ident in spans and spans[ident][0] in ROLES:
                roles.setdefault(re.sub(r"\d+$", "", role), spans[ident][1])
        if "Cue" in roles and "Content" in roles:
            relations.append(Relation(roles["Cue"], roles["Content"], roles.get("Source")))
    return relations


def _fragments(offsets: str) -> Fragments:
    pairs = (part.split() for part in offsets.split(";"))
    return tuple(sorted((int(a), int(b)) for a, b in pairs))


def format_ann(text: str, relations: Iterable[Relation]) -> str:
    """Relations as brat standoff: ``T`` lines for the spans, one ``E`` line per relation.

    As PolNeAR writes them, a span that several relations share (one source quoted twice,
    "Trump said ... and added ...") is one ``T`` line that each ``E`` line points at; each
    relation's trigger is its own.
    """
    lines: list[str] = []
    number = 0
    written: dict[tuple[str, Fragments], str] = {}

    def add(role: str, fragments: Fragments) -> str:
        nonlocal number
        if (role, fragments) in written:
            return written[role, fragments]
        number += 1
        if role in ROLES:
            written[role, fragments] = f"T{number}"
        offsets = ";".join(f"{a} {b}" for a, b in fragments)
        covered = " ".join(text[a:b] for a, b in fragments).replace("\n", " ")
        lines.append(f"T{number}\t{role} {offsets}\t{covered}")
        return f"T{number}"

    for index, relation in enumerate(relations, 1):
        trigger = "Attribution" if relation.source else "Attribution-no-source"
        args = [f"{trigger}:{add(trigger, relation.cue)}"]
        args.append(f"Content:{add('Content', relation.content)}")
        args.append(f"Cue:{add('Cue', relation.cue)}")
        if relation.source:
            args.append(f"Source:{add('Source', relation.source)}")
        lines.append(f"E{index}\t{' '.join(args)}")
    return "".join(f"{line}\n" for line in lines)


def attribution_relations(attributions: Iterable[Attribution]) -> list[Relation]:
    """Stored attributions as brat relations: their fragments as the text marks them."""
    return [
        Relation(
            cue=a.cue_fragments,
            content=a.content_fragments,
            source=a.source_fragments or None,
        )
        for a in attributions
        if a.cue_fragments and a.content_fragments
    ]


def predict_folder(
    text_dir: Path, out_dir: Path, *, progress: Callable[[int, int], None] | None = None
) -> int:
    """Write ``out_dir/X.ann`` for every ``text_dir/X.txt``; the number of files written.

    Each file becomes an ``Article`` read by the read stage itself
    (:func:`storytrace.claims.read_stage`, the function ``analyze`` runs, with the same
    model and settings), and the attributions it yields are written as brat standoff.
    Offsets count the file's own characters (line endings kept as they are). A file that
    is not UTF-8 is reported on stderr and skipped; the others are still predicted.
    ``progress(done, total)`` is called after each article.
    """
    from storytrace.claims import read_stage

    out_dir.mkdir(parents=True, exist_ok=True)
    readable: list[tuple[Path, Article]] = []
    for path in sorted(text_dir.glob("*.txt")):
        try:
            text = path.read_bytes().decode("utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            print(
                f"storytrace: {path}: skipped, cannot be read as UTF-8 text ({exc})",
                file=sys.stderr,
            )
            continue
        readable.append((path, Article.from_text(text, source=str(path))))
    articles = [article for _, article in readable]
    readings = read_stage(articles)
    for done, ((path, article), reading) in enumerate(zip(readable, readings, strict=True), 1):
        relations = attribution_relations(reading.attributions)
        (out_dir / f"{path.stem}.ann").write_text(
            format_ann(article.text, relations), encoding="utf-8"
        )
        if progress is not None:
            progress(done, len(readable))
    return len(readable)


def _tokens(fragments: Fragments, starts: Sequence[int], ends: Sequence[int]) -> set[int]:
    """Indices of the tokens (word or punctuation) that intersect a span's fragments."""
    found: set[int] = set()
    for a, b in fragments:
        index = bisect.bisect_right(ends, a)
        while index < len(starts) and starts[index] < b:
            found.add(index)
            index += 1
    return found


def _match(gold: list[Fragments], pred: list[Fragments], text: str) -> tuple[int, int]:
    """Exact and overlapping one-to-one matches between predicted and gold spans."""
    remaining = list(gold)
    unmatched: list[Fragments] = []
    for span in pred:
        if span in remaining:
            remaining.remove(span)
        else:
            unmatched.append(span)
    exact = len(pred) - len(unmatched)
    words = list(_TOKEN.finditer(text))
    starts, ends = [m.start() for m in words], [m.end() for m in words]
    gold_tokens = [_tokens(g, starts, ends) for g in remaining]
    overlap = exact
    for span in unmatched:
        mine = _tokens(span, starts, ends)
        best, best_size = -1, 0
        for index, theirs in enumerate(gold_tokens):
            size = len(mine & theirs)
            if size > best_size:
                best, best_size = index, size
        if best >= 0:
            gold_tokens[best] = set()
            overlap += 1
    return exact, overlap


def relation_spans(relations: Iterable[Relation]) -> dict[str, list[Fragments]]:
    """The distinct Source, Cue and Content spans of a list of relations, by role: a span
    that several relations share counts once, as :func:`format_ann` writes it."""
    spans: dict[str, dict[Fragments, None]] = {role: {} for role in ROLES}
    for relation in relations:
        spans["Cue"][relation.cue] = None
        spans["Content"][relation.content] = None
        if relation.source:
            spans["Source"][relation.source] = None
    return {role: list(found) for role, found in spans.items()}


Scored = tuple[str, dict[str, list[Fragments]], dict[str, list[Fragments]]]


def score_spans(items: Iterable[Scored]) -> dict[str, Any]:
    """P/R/F1 per role, exact and overlap, micro-averaged over ``(text, gold, predicted)``."""
    counts = {role: {"gold": 0, "pred": 0, "exact": 0, "overlap": 0} for role in ROLES}
    for text, gold, pred in items:
        for role in ROLES:
            exact, overlap = _match(gold[role], pred[role], text)
            tally = counts[role]
            tally["gold"] += len(gold[role])
            tally["pred"] += len(pred[role])
            tally["exact"] += exact
            tally["overlap"] += overlap
    scores: dict[str, Any] = {}
    for role, tally in counts.items():
        scores[role] = {"gold": tally["gold"], "predicted": tally["pred"]}
        for mode in ("exact", "overlap"):
            scores[role][mode] = _prf(tally[mode], tally["pred"], tally["gold"])
    return scores


def score_folder(gold_dir: Path, pred_dir: Path, text_dir: Path) -> dict[str, Any]:
    """P/R/F1 per role, exact and overlap, micro-averaged over every gold ``.ann``."""

    def items() -> Iterable[Scored]:
        for gold_path in sorted(gold_dir.glob("*.ann")):
            text = (text_dir / f"{gold_path.stem}.txt").read_text(encoding="utf-8")
            pred_path = pred_dir / gold_path.name
            pred = read_ann(pred_path) if pred_path.exists() else {r: [] for r in ROLES}
            yield text, read_ann(gold_path), pred

    return score_spans(items())


def _prf(hits: int, predicted: int, gold: int) -> dict[str, float]:
    precision = hits / predicted if predicted else 0.0
    recall = hits / gold if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4)}


def quality(path: Path) -> dict[str, Any]:
    """Predict a PolNeAR split (``PATH/text``, ``PATH/attributions``) and score it."""
    text_dir, gold_dir = path / "text", path / "attributions"
    if not text_dir.is_dir() or not gold_dir.is_dir():
        raise FileNotFoundError(f"{path}: expected text/ and attributions/ folders (PolNeAR)")
    with tempfile.TemporaryDirectory(prefix="storytrace-polnear-") as scratch:
        articles = predict_folder(text_dir, Path(scratch))
        scores = score_folder(gold_dir, Path(scratch), text_dir)
    return {"benchmark": "quality", "dataset": "polnear", "articles": articles, **scores}
