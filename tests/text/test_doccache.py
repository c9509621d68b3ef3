"""The once-per-document ``Doc.text`` and ``Doc.ents`` agree with spaCy's own."""

from __future__ import annotations

from storytrace.text import load_nlp
from storytrace.text.doccache import doc_ents, doc_text, entity_at, span_ents

TEXT = (
    "Angela Merkel met Emmanuel Macron in Paris on Monday.  \n\n"
    "“We agree,” said the French president\u00a0of the Fifth Republic.\t\n"
    "Reuters contributed to this report. "
)


def test_doc_text_and_ents_are_spacys() -> None:
    doc = load_nlp()(TEXT)
    assert doc_text(doc) == doc.text == TEXT
    assert doc_ents(doc) == doc.ents
    assert doc_text(load_nlp()("")) == ""


def test_span_ents_pick_as_spacy_picks() -> None:
    doc = load_nlp()(TEXT)
    assert doc.ents, "the small model finds the names"
    spans = [*doc.sents, doc[:], doc[1:4], doc[2:3], doc[0:0], doc[3 : len(doc) - 2]]
    for span in spans:
        assert [(e.start, e.end, e.label_) for e in span_ents(span)] == [
            (e.start, e.end, e.label_) for e in span.ents
        ]


def test_entity_at_is_the_entity_holding_the_token() -> None:
    doc = load_nlp()(TEXT)
    for token in doc:
        holding = [e for e in doc.ents if e.start <= token.i < e.end]
        found = entity_at(token)
        got = (found.start, found.end) if found is not None else None
        assert got == ((holding[0].start, holding[0].end) if holding else None)
    assert any(entity_at(token) is not None for token in doc)
