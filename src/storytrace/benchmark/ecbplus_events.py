"""ECB+ as event coreference: gold mentions in, chains out, scored by MUC, B-cubed and CEAF-e.

Each document becomes an article text (tokens joined by spaces, sentences by line breaks);
each gold mention becomes an :class:`~storytrace.records.EventMention` whose lemma is the
spaCy lemma of the mention's syntactic head in its sentence. Documents are grouped into
stories by the pipeline's own story clustering (what ``predict stories`` runs; the gold
topics are never read), and :func:`storytrace.align.coref.chain_mentions` chains the
mentions, as ``analyze`` does with the mentions its reader builds.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO

from storytrace.records import EventMention


@dataclass(frozen=True)
class EventDocument:
    """One ECB+ document as an article text with its event mentions (gold chains kept apart)."""

    doc_id: str
    text: str
    mentions: tuple[EventMention, ...]
    gold: tuple[str | None, ...]  # the gold chain of each mention, when the file has one


def _document(record: dict[str, Any]) -> tuple[str, list[list[tuple[int, int]]]]:
    """The article text of a document and the character span of every token."""
    parts: list[str] = []
    offsets: list[list[tuple[int, int]]] = []
    position = 0
    for number, sentence in enumerate(record.get("sentences") or []):
        if number:
            parts.append("\n")
            position += 1
        spans = []
        for index, token in enumerate(sentence):
            if index:
                parts.append(" ")
                position += 1
            word = str(token)
            spans.append((position, position + len(word)))
            parts.append(word)
            position += len(word)
        offsets.append(spans)
    return "".join(parts), offsets


def convert(record: dict[str, Any]) -> EventDocument:
    """One input line -> an :class:`EventDocument` (lemmas are filled by :func:`add_lemmas`)."""
    doc_id = str(record["doc_id"])
    text, offsets = _document(record)
    mentions: list[EventMention] = []
    gold: list[str | None] = []
    for item in record.get("mentions") or []:
        sentence = offsets[int(item["sent"])]
        tokens = item.get("tokens") or list(range(int(item["start"]), int(item["end"])))
        first, last = sentence[min(tokens)], sentence[max(tokens)]
        mentions.append(
            EventMention(
                id=str(item["mention_id"]),
                article_id=doc_id,
                trigger=text[first[0] : last[1]],
                lemma=str(item.get("text", "")).lower(),
                span=(first[0], last[1]),
                sentence_span=(sentence[0][0], sentence[-1][1]),
            )
        )
        chain = item.get("chain")
        gold.append(None if chain is None else str(chain))
    return EventDocument(doc_id, text, tuple(mentions), tuple(gold))


def read_events(path: Path) -> list[EventDocument]:
    """The documents of an ECB+ ``*_events[.input].jsonl`` file, with lemmas from spaCy."""
    documents = []
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            record = json.loads(line)
            if not isinstance(record, dict) or "doc_id" not in record:
                raise ValueError(f"{path}:{number}: each line needs 'doc_id' and 'sentences'")
            documents.append(convert(record))
    return add_lemmas(documents)


def add_lemmas(documents: Sequence[EventDocument]) -> list[EventDocument]:
    """Each mention's lemma: the lemma of its head (the root of its span in the sentence parse)."""
    from dataclasses import replace

    from storytrace.text.nlp import load_nlp

    nlp = load_nlp()
    out = []
    for document, doc in zip(documents, nlp.pipe(d.text for d in documents), strict=True):
        mentions = []
        for mention in document.mentions:
            span = doc.char_span(*mention.span, alignment_mode="expand")
            lemma = span.root.lemma_.lower() if span is not None and len(span) else mention.lemma
            mentions.append(replace(mention, lemma=lemma or mention.lemma))
        out.append(replace(document, mentions=tuple(mentions)))
    return out


def story_groups(documents: Sequence[EventDocument]) -> dict[str, str]:
    """The story of every document, from the pipeline's story clustering (never gold topics)."""
    from storytrace.benchmark.ecbplus import assign_stories

    stories = assign_stories([d.text for d in documents])
    return {d.doc_id: story for d, story in zip(documents, stories, strict=True)}


def predict(documents: Sequence[EventDocument]) -> dict[str, str]:
    """Mention id -> chain id, by the coreference that ``analyze`` runs."""
    from storytrace.align.coref import chain_mentions

    mentions = [m for d in documents for m in d.mentions]
    texts = {d.doc_id: d.text for d in documents}
    return chain_mentions(mentions, texts, groups=story_groups(documents))


def write_predictions(documents: Sequence[EventDocument], out: TextIO) -> None:
    """The contract's output: one ``{"doc_id", "mention_id", "chain"}`` line per mention."""
    chains = predict(documents)
    for document in documents:
        for mention in document.mentions:
            row = {"doc_id": document.doc_id, "mention_id": mention.id, "chain": chains[mention.id]}
            out.write(json.dumps(row) + "\n")


def score(path: Path) -> dict[str, Any]:
    """MUC, B-cubed, CEAF-e and the CoNLL F1 of the predicted chains against the gold ones."""
    from storytrace.benchmark.ecbplus_scores import conll_scores

    documents = read_events(path)
    chains = predict(documents)
    gold = {m.id: g for d in documents for m, g in zip(d.mentions, d.gold, strict=True)}
    figures: dict[str, Any] = {"benchmark": "ecbplus-events", "path": str(path)}
    figures.update(conll_scores(gold, chains))
    figures["grouping"] = "predicted stories (storytrace.cluster.group_stories)"
    return figures
