"""Reading a text longer than spaCy takes at once (``nlp.max_length``) in pieces.

spaCy refuses a text over ``nlp.max_length`` characters (E088: the parser and the entity
recogniser need about 1 GB per 100,000 characters). Such a text is cut at paragraph
breaks (else at a space) into pieces of at most :data:`PIECE_CHARS`, each piece parsed on
its own, and the parsed pieces joined into one ``Doc`` over exactly the original text.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.language import Language
from spacy.tokens import Doc

PIECE_CHARS = 100_000


def pieces(text: str, size: int = PIECE_CHARS) -> Iterator[str]:
    """Consecutive pieces of ``text`` of at most ``size`` characters, joined they are ``text``.

    A piece ends after the last line break in its window, else after the last space, else
    at ``size`` characters (a text without any break).
    """
    start = 0
    while len(text) - start > size:
        window = text[start : start + size]
        cut = window.rfind("\n") + 1 or window.rfind(" ") + 1 or size
        yield text[start : start + cut]
        start += cut
    if start < len(text) or not text:
        yield text[start:]


def parse_in_pieces(nlp: Language, text: str, size: int = PIECE_CHARS) -> Doc:
    """One ``Doc`` over exactly ``text``, parsed piece by piece (sentences never span pieces)."""
    size = min(size, nlp.max_length)
    docs = list(nlp.pipe(pieces(text, size)))
    doc = Doc.from_docs(docs, ensure_whitespace=False)
    if doc.text != text:  # unreachable: pieces() joins back to the text
        raise ValueError("the parsed pieces do not join back to the article's text")
    return doc
