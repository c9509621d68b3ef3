"""The once-per-document ``Doc.text`` and ``Doc.ents`` agree with spaCy's own."""

from __future__ import annotations

from storytrace.text import load_nlp
from storytrace.text.doccache import doc_ents, doc_text, entity_at, span_ents, token_strings

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


def test_token_strings_are_the_tokens_own() -> None:
    doc = load_nlp()(TEXT)
    readers = {
        "ORTH": lambda t: t.text,
        "DEP": lambda t: t.dep_,
        "TAG": lambda t: t.tag_,
        "POS": lambda t: t.pos_,
    }
    for attr, read in readers.items():
        assert token_strings(doc, attr) == [read(t) for t in doc], attr
    bare = load_nlp().make_doc("Not parsed , at all")
    assert token_strings(bare, "ORTH") == ["Not", "parsed", ",", "at", "all"]
    assert token_strings(bare, "DEP") == [""] * 5


def test_the_last_document_is_never_mistaken_for_another() -> None:
    nlp = load_nlp()
    first, second = nlp("Anna Lind spoke in Oslo."), nlp("Bo Berg wrote from Rome.")
    for _ in range(2):  # alternating: each answer belongs to the doc asked about
        assert doc_text(first) == first.text and doc_text(second) == second.text
        assert doc_ents(first) == first.ents and doc_ents(second) == second.ents
