"""Attribution of sentences: direct quotes, reported speech and "according to", with the speaker."""

from __future__ import annotations

from spacy.tokens import Span, Token

from storytrace.claims.quotes import Quote, quote_at
from storytrace.claims.sources import SourceContext, name_source
from storytrace.records import Attribution

REPORTING_LEMMAS = {
    "say", "tell", "report", "claim", "confirm", "deny", "state", "announce", "add", "insist",
    "warn", "allege", "write", "explain", "note", "accuse", "admit", "acknowledge", "inform",
    "reveal", "testify", "argue", "suggest", "estimate", "assert", "maintain", "stress",
    "tweet", "post", "cite", "quote", "declare", "indicate", "disclose", "conclude", "predict",
    "believe", "verify", "describe", "dispute", "refute", "emphasise", "emphasize",
}  # fmt: skip
_QUOTE_ONLY_LEMMAS = {"call", "label", "brand", "dub", "vow", "term"}  # cues only before a quote
_SUBJECTS = ("nsubj", "nsubjpass")
_CONTENT_DEPS = ("ccomp", "xcomp", "parataxis")


def _inside(token: Token, quote: Quote | None) -> bool:
    return quote is not None and quote.start <= token.idx < quote.end


def _reporting_verb(sent: Span, quote: Quote | None) -> Token | None:
    """The reporting verb of a sentence that governs its content, outside any quote in it."""
    for token in sent:
        if token.pos_ not in ("VERB", "AUX"):
            continue
        lemma = token.lemma_.lower()
        quote_cue = lemma in _QUOTE_ONLY_LEMMAS and quote is not None
        if lemma not in REPORTING_LEMMAS and not quote_cue:
            continue
        if _inside(token, quote):
            continue
        if any(child.dep_ in ("auxpass", "nsubjpass") for child in token.children):
            continue  # "is said to", "could not be verified": a hedge, not a source
        has_subject = any(child.dep_ in _SUBJECTS for child in token.children)
        if has_subject or token.dep_ in ("ROOT", "ccomp", "parataxis", "conj"):
            return token
    return None


def _according_to(sent: Span, ctx: SourceContext) -> Attribution | None:
    """ "According to X, ..." or "..., according to X": X is the source, the rest the content."""
    for token in sent:
        if token.lower_ == "according" and token.i + 1 < sent.end and token.nbor(1).lower_ == "to":
            objects = [c for c in token.nbor(1).children if c.dep_ == "pobj"]
            if not objects:
                continue
            name, kind, span = name_source(objects[0], ctx)
            end = token.nbor(1)
            phrase_end = max(t.i for t in objects[0].subtree) + 1
            if token.i - sent.start <= 1:  # leads the sentence: the content follows it
                rest = [t for t in sent.doc[phrase_end : sent.end] if not t.is_punct]
            else:
                rest = [t for t in sent.doc[sent.start : token.i] if not t.is_punct]
            content = (rest[0].idx, rest[-1].idx + len(rest[-1])) if rest else None
            if kind in ("outlet", "organisation"):
                ctx.cite_group(name, kind)
            return Attribution(
                source=name,
                kind=kind,
                cue="according to",
                direct=False,
                source_span=(span.start_char, span.end_char),
                cue_span=(token.idx, end.idx + len(end)),
                content_span=content,
            )
    return None


def _content(verb: Token, sent: Span) -> tuple[int, int]:
    """What a reporting verb reports: its clausal complement, else the words after it."""
    clauses = [c for c in verb.children if c.dep_ in _CONTENT_DEPS and c.i > verb.i]
    if clauses:
        tokens = [t for c in clauses for t in c.subtree]
    else:
        tokens = [
            t
            for t in sent.doc[verb.i + 1 : sent.end]
            if not (t.dep_ in ("dative", "dobj") and t.head.i == verb.i and t.pos_ == "PRON")
        ]
    tokens = [t for t in tokens if not t.is_punct or t.text in "\"“”'’"]
    while tokens and tokens[-1].is_punct and tokens[-1].text not in "\"”'’":
        tokens.pop()
    if not tokens:
        return verb.idx + len(verb), sent.end_char
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1])


def _leading_name(sent: Span, verb: Token) -> Token | None:
    """A name opening the sentence before a subjectless reporting verb (a misparse)."""
    for ent in sent.ents:
        if ent.end > verb.i:
            break
        opening = all(t.is_punct for t in sent.doc[sent.start : ent.start])
        if opening and ent.label_ in ("PERSON", "ORG", "GPE", "NORP", "WORK_OF_ART"):
            return ent.root
    return None


def _subject(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ in _SUBJECTS:
            return child
    if verb.dep_ == "conj":  # "He verified the reports and said ..." shares the subject
        return _subject(verb.head)
    return None


def attribute_sentence(
    sent: Span, quotes: list[Quote], ctx: SourceContext
) -> tuple[Attribution | None, Quote | None, list[Quote]]:
    """The attribution a sentence states itself, the quote it sits in, and the quotes it touches."""
    quote = quote_at(quotes, sent.start_char, sent.end_char)
    touching = [q for q in quotes if q.start < sent.end_char and q.end > sent.start_char]
    verb = _reporting_verb(sent, touching[0] if touching else None)
    if verb is not None:
        subject = _subject(verb) or _leading_name(sent, verb)
        if subject is not None and subject.lower_ != "it":
            name, kind, span = name_source(subject, ctx)
            content = touching[0].inner if touching else _content(verb, sent)
            attribution = Attribution(
                source=name,
                kind=kind,
                cue=verb.text,
                direct=bool(touching),
                source_span=(span.start_char, span.end_char),
                cue_span=(verb.idx, verb.idx + len(verb)),
                content_span=content,
            )
            if kind in ("outlet", "organisation"):
                ctx.cite_group(name, kind)
            return attribution, quote, touching
    return _according_to(sent, ctx), quote, touching


Row = tuple[Attribution | None, Quote | None, list[Quote]]


def carry_quote_attributions(rows: list[Row]) -> list[Attribution | None]:
    """Give sentences inside a quote the speaker of that quote, or of the quote just before it.

    A quote's speaker is named in any sentence that touches it; a quote that names no
    speaker continues the previous quote's speaker when it follows within two sentences
    (the newswire convention for a quote spread over sentences or paragraphs).
    """
    by_quote: dict[Quote, Attribution] = {}
    for attribution, _inside, touching in rows:
        if attribution is not None and attribution.direct:
            for quote in touching:
                by_quote.setdefault(quote, attribution)
    result: list[Attribution | None] = []
    last: tuple[int, Attribution] | None = None
    for index, (attribution, inside, _touching) in enumerate(rows):
        if attribution is None and inside is not None:
            attribution = by_quote.get(inside)
            if attribution is None and last is not None and index - last[0] <= 2:
                attribution = by_quote.setdefault(inside, last[1])
        if attribution is not None and attribution.direct:
            last = (index, attribution)
        result.append(attribution)
    return result
