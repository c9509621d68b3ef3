"""``Doc.text`` and ``Doc.ents``, built once per parsed document.

spaCy rebuilds both from every token on each access, and ``Span.ents`` rescans the whole
document's entities; the read stage asks for them per sentence, per cue and per participant.
The read stage never changes a ``Doc`` after parsing, so the values are kept for the life of
the ``Doc`` (weakly: a ``Doc`` that is dropped takes its entry with it).
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from weakref import WeakKeyDictionary

from spacy.parts_of_speech import NAMES as POS_NAMES
from spacy.tokens import Doc, Span, Token


@dataclass(frozen=True)
class _Entities:
    spans: tuple[Span, ...]
    starts: tuple[int, ...]


_TEXTS: WeakKeyDictionary[Doc, str] = WeakKeyDictionary()
_ENTS: WeakKeyDictionary[Doc, _Entities] = WeakKeyDictionary()
_PERSON_WORDS: WeakKeyDictionary[Doc, frozenset[str]] = WeakKeyDictionary()
_COLUMNS: WeakKeyDictionary[Doc, dict[str, list[str]]] = WeakKeyDictionary()
# the last document asked about, and its text and entities: most calls are about the one
# document being read, and a weak dictionary's lookup builds a weak reference each time
_LAST: list[tuple[Doc, str] | None] = [None]
_LAST_ENTS: list[tuple[Doc, _Entities] | None] = [None]


def doc_text(doc: Doc) -> str:
    """``doc.text``, built once (each token's text and trailing space, as spaCy joins them,
    read from the token array without building a ``Token`` per token)."""
    last = _LAST[0]
    if last is not None and last[0] is doc:
        return last[1]
    text = _TEXTS.get(doc)
    if text is None:
        strings = doc.vocab.strings
        known: dict[int, str] = {}
        parts: list[str] = []
        for orth, space in doc.to_array(["ORTH", "SPACY"]).tolist() if len(doc) else []:
            word = known.get(orth)
            if word is None:
                word = known[orth] = strings[orth]
            parts.append(word + " " if space else word)
        text = _TEXTS[doc] = "".join(parts)
    _LAST[0] = (doc, text)
    return text


def token_strings(doc: Doc, attr: str) -> list[str]:
    """Each token's ``attr`` as a string, read once per document from the token array:
    ``"ORTH"`` (``token.text``), ``"DEP"`` (``token.dep_``), ``"TAG"`` (``token.tag_``) or
    ``"POS"`` (``token.pos_``), so a pass over a sentence builds no ``Token`` per token."""
    columns = _COLUMNS.get(doc)
    if columns is None:
        columns = _COLUMNS[doc] = {}
    found = columns.get(attr)
    if found is None:
        values = doc.to_array([attr]).tolist() if len(doc) else []
        if attr == "POS":
            found = [POS_NAMES[value] for value in values]
        elif attr in ("ORTH", "DEP", "TAG"):
            strings = doc.vocab.strings
            known = {value: strings[value] if value else "" for value in set(values)}
            found = [known[value] for value in values]
        else:
            raise ValueError(f"no string column {attr!r}")
        columns[attr] = found
    return found


def _entities(doc: Doc) -> _Entities:
    last = _LAST_ENTS[0]
    if last is not None and last[0] is doc:
        return last[1]
    found = _ENTS.get(doc)
    if found is None:
        spans = tuple(doc.ents)
        found = _ENTS[doc] = _Entities(spans, tuple(e.start for e in spans))
    _LAST_ENTS[0] = (doc, found)
    return found


def doc_ents(doc: Doc) -> tuple[Span, ...]:
    """``doc.ents``, built once."""
    return _entities(doc).spans


def span_ents(span: Span) -> list[Span]:
    """``span.ents``, picked as spaCy picks them: from the first entity starting inside the
    span, each in order while it ends inside the span."""
    found = _entities(span.doc)
    index = bisect.bisect_left(found.starts, span.start)
    picked: list[Span] = []
    for ent in found.spans[index:]:
        if ent.end > span.end:
            break
        picked.append(ent)
    return picked


def entity_at(token: Token) -> Span | None:
    """The entity of ``doc.ents`` that holds ``token``, if any."""
    found = _entities(token.doc)
    index = bisect.bisect_right(found.starts, token.i) - 1
    if index >= 0 and token.i < found.spans[index].end:
        return found.spans[index]
    return None


def person_name_words(doc: Doc) -> frozenset[str]:
    """The first and last names of the people the document names in full ("Merrick
    Garland" gives "Merrick" and "Garland")."""
    words = _PERSON_WORDS.get(doc)
    if words is None:
        found: set[str] = set()
        for ent in doc_ents(doc):
            parts = [t.text for t in ent if t.is_alpha and t.is_title]
            if ent.label_ == "PERSON" and len(parts) >= 2:
                found.update((parts[0], parts[-1]))
        words = frozenset(found)
        _PERSON_WORDS[doc] = words
    return words
