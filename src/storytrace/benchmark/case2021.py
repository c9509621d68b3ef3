"""CASE 2021 event snippets: code each as ``analyze`` would, and score the sub-event type.

Each snippet is one article (no outlet; the ``published`` column, when there is one, is
its publication date). It is read by the read stage, its claims encoded as ``analyze``
stores them, and its story (of one article) built by :func:`storytrace.pipeline.build_story`:
the events are what ``analyze`` would store. The row's event is the one told first in the
text among those with the most reports.

:func:`score` cross-validates the kind model: in each of :data:`FOLDS` folds, the model is
refitted on the other folds' snippets and the news sentences that report no event (the
recipe of ``training/event_types.py``) and the held-out snippets are coded with it, so no
snippet is coded by weights that saw it.
Reported: weighted F1 of the sub-event type on the ACLED-type snippets (CASE 2021
sub-task 1; a snippet without an ACLED event counts as wrong), event type accuracy, how
often an event is coded at all, and how the snippets outside ACLED's scheme are coded.
"""

from __future__ import annotations

import csv
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sklearn.metrics import f1_score
from sklearn.model_selection import KFold

from storytrace.events import acled
from storytrace.events.kinds import CODES, using_model
from storytrace.records import Article, Event, Story

FOLDS = 5
SEED = 19
NONE = "(no event)"


@dataclass(frozen=True)
class Coded:
    """One input row with the story ``analyze`` builds from it and its main event."""

    id: str
    story: Story | None
    event: Event | None
    error: str = ""


def read_rows(path: Path) -> list[dict[str, str]]:
    """``id, text`` rows (``published`` and gold columns optional) of a TSV with a header."""
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        if reader.fieldnames is None or not {"id", "text"} <= set(reader.fieldnames):
            raise ValueError(f"{path}: needs a header with id and text columns")
        return [{k: (v or "") for k, v in row.items() if k} for row in reader]


def main_event(story: Story) -> Event | None:
    """The event with the most claim groups; of those, the one told first."""
    first = {m.id: m.span[0] for g in story.claim_groups for m in g.members}
    start = {g.id: min((first[m.id] for m in g.members), default=0) for g in story.claim_groups}

    def key(event: Event) -> tuple[int, int]:
        told = min((start.get(g, 0) for g in event.claim_group_ids), default=0)
        return -len(event.claim_group_ids), told

    return min(story.events, key=key, default=None)


def code_rows(rows: Sequence[dict[str, str]]) -> Iterator[Coded]:
    """Each row's story and main event, through ``analyze``'s read and story stages."""
    from storytrace.align.groups import read_vectors
    from storytrace.claims.extract import read_stage
    from storytrace.pipeline import build_story

    articles = [
        Article.from_text(r["text"], published=r.get("published") or None, source=r["id"])
        for r in rows
    ]
    readings = list(read_stage(articles))
    vectors = read_vectors([c for r in readings for c in r.claims])
    for row, reading in zip(rows, readings, strict=True):
        try:
            story = build_story(f"row-{row['id']}", [reading.article], reading.claims, [],
                                vectors)  # fmt: skip
        except Exception as exc:  # a bad row never stops the batch
            yield Coded(row["id"], None, None, f"{type(exc).__name__}: {exc}")
            continue
        yield Coded(row["id"], story, main_event(story))


def _refit(
    rows: Sequence[dict[str, str]], lemmas: Sequence[str], vectors: Any, negatives: Any
) -> Any:
    """The shipped recipe (``training/event_types.fit``: tf-idf and MiniLM features, news
    sentences as the not-an-event class) fitted on ``rows``."""
    from storytrace.training.event_types import fit

    return fit(lemmas, [r["code"] for r in rows], vectors, negatives=negatives)


def cross_coded(
    rows: Sequence[dict[str, str]], folds: int = FOLDS, negatives: Any = None
) -> list[Coded]:
    """Every row coded by a kind model refitted without its fold (input order);
    ``negatives``: the recipe's news sentences (read when not given)."""
    from storytrace.training.event_types import Negatives, lemma_texts, text_vectors

    texts = [r["text"] for r in rows]
    lemmas, vectors = lemma_texts(texts), text_vectors(texts)  # features, fitted per fold
    if negatives is None:
        negatives = Negatives.read()  # not snippets: the same in every fold
    coded: dict[int, Coded] = {}
    splitter = KFold(n_splits=min(folds, len(rows)), shuffle=True, random_state=SEED)
    for train, held in splitter.split(list(range(len(rows)))):
        model = _refit([rows[i] for i in train], [lemmas[i] for i in train], vectors[train],
                       negatives)  # fmt: skip
        with using_model(model):
            for i, one in zip(held, code_rows([rows[i] for i in held]), strict=True):
                coded[int(i)] = one
    return [coded[i] for i in range(len(rows))]


def figures(rows: Sequence[dict[str, str]], coded: Sequence[Coded]) -> dict[str, Any]:
    """The scores of coded rows against their gold columns."""
    gold_sub, predicted_sub = [], []
    type_right = with_event = 0
    outside: Counter[str] = Counter()
    for row, one in zip(rows, coded, strict=True):
        event = one.event
        if not row.get("sub_event_type"):
            outside[_outside(event)] += 1
            continue
        with_event += int(event is not None)
        is_acled = event is not None and acled.is_acled(event.event_type)
        gold_sub.append(row["sub_event_type"])
        predicted_sub.append(event.sub_event_type if event is not None and is_acled else NONE)
        type_right += int(event is not None and event.event_type == row["event_type"])
    total_acled = len(gold_sub)
    return {
        "snippets": len(rows),
        "acled_snippets": total_acled,
        "sub_event_weighted_f1": round(
            float(f1_score(gold_sub, predicted_sub, average="weighted", zero_division=0)), 4
        )
        if gold_sub
        else None,
        "event_type_accuracy": round(type_right / total_acled, 4) if total_acled else None,
        "acled_snippets_with_an_event": round(with_event / total_acled, 4) if total_acled else None,
        "non_acled_snippets": sum(outside.values()),
        "non_acled_coded_as": dict(outside.most_common()),
        "errors": sum(1 for c in coded if c.error),
    }


def _outside(event: Event | None) -> str:
    if event is None:
        return NONE
    if acled.is_acled(event.event_type):
        return "forced into ACLED: " + event.event_type
    return event.event_type


def score(path: Path, folds: int = FOLDS, negatives: Any = None) -> dict[str, Any]:
    """``bench quality case2021 snippets.tsv``: cross-validated figures (see the module)."""
    if path.is_dir():
        path = path / "snippets.tsv"
    rows = [r for r in read_rows(path) if r.get("code") in CODES]
    found = figures(rows, cross_coded(rows, folds, negatives))
    found["folds"] = min(folds, len(rows))
    found["published_best_weighted_f1"] = 0.839
    return found
