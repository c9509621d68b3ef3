"""The read stage: ``Article`` -> its attributions, and check-worthy ``Claim``s with facts."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc, Span

from storytrace.claims.attribution import (
    Coverage,
    attributions_of,
    carry_quote_attributions,
    quote_row,
    tweet_attributions,
)
from storytrace.claims.checkworthy import is_furniture, load_model
from storytrace.claims.hedges import CONDITION_CUES, assess_certainty, doubts_what_went_before
from storytrace.claims.quotes import find_quotes
from storytrace.claims.relations import find_relations
from storytrace.claims.sources import SourceContext
from storytrace.events import acled
from storytrace.events.kinds import EVENT_WORDS, reports_event
from storytrace.records import Article, Attribution, Certainty, Claim, Entity
from storytrace.text.dates import resolve_dates
from storytrace.text.mentions import attach_mentions
from storytrace.text.nlp import parse_articles
from storytrace.text.places import context_countries, geocode_places
from storytrace.text.quantities import find_quantities
from storytrace.text.segment import after_dateline, split_lines

_MIN_WORDS = 6
#: A text of at most this many prose sentences is a brief: its sentences that tell an event
#: are its report and are kept as claims whatever their check-worthiness score.
BRIEF_SENTENCES = 3
_MIN_QUOTED_WORDS = 4  # an attributed sentence: “Things are bad with food,” he said
_OPINION = re.compile(
    r"\b(i|we) (believe|think|feel)\b|\bin (my|our) (view|opinion)\b|\bit would not be difficult\b"
    r"|\bimagine\b|\bif you can remember\b",
    re.IGNORECASE,
)
_ENTITY_LABELS = {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "DATE", "WORK_OF_ART"}


@dataclass(frozen=True)
class Reading:
    """What the read stage stores of one article: its attributions and its claims."""

    article: Article
    attributions: list[Attribution]
    claims: list[Claim]


def read_stage(
    articles: Sequence[Article],
    *,
    known_outlets: Iterable[str] = (),
    nlp: Language | None = None,
) -> Iterator[Reading]:
    """Parse each article and yield every attribution it holds and its claims.

    The one reader: ``analyze`` stores what this yields and ``predict attributions``
    writes the same attributions (batched through spaCy).
    """
    outlets = frozenset(known_outlets)
    for article, doc in parse_articles(articles, nlp=nlp):
        yield read_article(article, doc, known_outlets=outlets)


def read_articles(
    articles: Sequence[Article],
    *,
    known_outlets: Iterable[str] = (),
    nlp: Language | None = None,
) -> Iterator[tuple[Article, list[Claim]]]:
    """Each article with its claims (:func:`read_stage` without the attribution list)."""
    for reading in read_stage(articles, known_outlets=known_outlets, nlp=nlp):
        yield reading.article, reading.claims


def extract_claims(article: Article, doc: Doc, *, known_outlets: Iterable[str] = ()) -> list[Claim]:
    """The check-worthy claims of one parsed article, in text order."""
    return read_article(article, doc, known_outlets=known_outlets).claims


def read_article(article: Article, doc: Doc, *, known_outlets: Iterable[str] = ()) -> Reading:
    """Every attribution of one parsed article, and its check-worthy claims in text order."""
    ctx = SourceContext(known_outlets=set(known_outlets))
    all_ents = ctx.entities(doc)
    countries = context_countries(all_ents)
    ents_of = _entities_by_sentence(doc, all_ents)
    attributions, prose = attributed_sentences(article, doc, ctx)
    brief = len(prose) <= BRIEF_SENTENCES
    candidates = [
        (sent, text, attribution, actor)
        for sent, text, attribution, actor in prose
        if candidate_claim(sent, text, actor)
        or _conflict_report(sent, text)
        or (brief and _brief_report(sent, text, alone=False))  # "3 people were killed."
    ]
    scores = load_model().score([c[0] for c in candidates], [c[1] for c in candidates])
    doubted = doubted_by_next(article.text, [(sent, text) for sent, text, _, _ in prose])
    claims: list[Claim] = []
    for (sent, text, attribution, actor), score in zip(candidates, scores, strict=True):
        certainty = assess_certainty(sent, text=text)
        if (
            is_claim(score, actor, certainty, text)
            or _conflict_report(sent, text)
            or (brief and _brief_report(sent, text, alone=len(prose) == 1))
        ):
            if sent.start in doubted and certainty[0] in ("asserted", "hedged"):
                certainty = ("unconfirmed", (*certainty[1], doubted[sent.start]))
            claims.append(
                _claim(article, sent, text, attribution, countries, ents_of[sent.start],
                       score=score, certainty=certainty)
            )  # fmt: skip
    return Reading(article, attributions, claims)


_UNVERIFIED_WORDS = ("verif", "confirm", "corroborat")
_PARAGRAPH_BREAK = re.compile(r"\n[^\S\n]*\n")


def doubted_by_next(text: str, prose: Sequence[tuple[Span, str]]) -> dict[int, str]:
    """The sentences (by first token) whose account the sentence after them calls unverified,
    with its cue: "Kyiv said 60 soldiers refused. The claim could not be verified." A
    sentence speaks of the one before it in its paragraph, or the last one of the paragraph
    before; one that speaks of several ("the claims", "these") of every sentence before
    it in that paragraph. Which sentences are claims is decided before (on each sentence's
    own words), so this changes no claim, only how sure its article is of it."""
    doubted: dict[int, str] = {}
    for k in range(1, len(prose)):
        sent, sentence = prose[k]
        if not any(word in sentence.lower() for word in _UNVERIFIED_WORDS):
            continue
        found = doubts_what_went_before(sent, text=sentence)
        if found is None:
            continue
        cue, plural = found
        for j in range(k - 1, -1, -1):
            before = prose[j][0]
            gap = text[before.end_char : prose[j + 1][0].start_char]
            breaks = len(_PARAGRAPH_BREAK.findall(gap))
            if gap.strip() or breaks > (1 if j == k - 1 else 0):
                break  # another line between them, or an earlier paragraph
            doubted.setdefault(before.start, cue)
            if not plural or breaks:
                break
    return doubted


def attributed_sentences(
    article: Article, doc: Doc, ctx: SourceContext
) -> tuple[list[Attribution], list[tuple[Span, str, Attribution | None, Attribution | None]]]:
    """Every attribution of the article, and each prose sentence with the one covering it
    and the one that makes it a claim: the covering one, else a relation cued in it whose
    cue is no word of saying ("Ann Lee won the vote, which her rivals dispute"). The
    sentence is then the writer's report of what someone did, a claim without a source."""
    lines = split_lines(article.text)
    starts = [line.start for line in lines]
    quotes = find_quotes(article.text)
    sentences = list(doc.sents)
    attributions = attributions_of(
        article.id, doc, find_relations(doc), quotes, ctx, sentences, author=article.author
    )
    coverage = Coverage(attributions, doc)
    tweets = tweet_attributions(article.id, article.text, ctx)
    prose: list[tuple[Span, str]] = []
    actors: list[Attribution | None] = []
    rows = []
    for sent in sentences:
        text = article.text[sent.start_char : sent.end_char]  # ``sent.text``, without rebuilding it
        if not text.strip():
            continue
        line = lines[max(0, bisect.bisect_right(starts, _first_char(sent, text)) - 1)]
        if line.role != "prose":
            continue
        start, end = _first_char(sent, text), sent.start_char + len(text.rstrip())
        found = coverage(start, end, sent.root.idx)
        found = next((t for t in tweets if _inside(t.content_span, sent.root.idx)), found)
        rows.append(quote_row(found, quotes, start, end))
        prose.append((sent, text))
        actors.append(coverage.cued_in(start, end, sent.root.idx))
    carried = carry_quote_attributions(rows)
    return attributions, [
        (s, t, a, a or actor) for (s, t), a, actor in zip(prose, carried, actors, strict=True)
    ]


# a page's invitation to follow its writer ("Follow Ann Lee on Twitter @annlee."): furniture
_FOLLOW_LINE = re.compile(
    r"\W*follow\s+(?:[\w.'-]+\s+){0,4}on\s+(?:twitter|facebook|instagram)\b|\W*follow\s+@\w",
    re.IGNORECASE,
)
_OPENING_TAG = re.compile(r"\s*<[a-z][\w-]*(?:\s[^<>]*)?/?>\s*")
_CLOSING_TAG = re.compile(r"\s*</?[a-z][\w-]*\s*/?>\W{0,2}$")


def _without_tags(text: str, start: int, end: int) -> tuple[int, int]:
    """A claim's span without the markup tag that opens or closes it (an embedded tweet's
    "<tweet author=...>" and "</tweet>")."""
    opening = _OPENING_TAG.match(text, start, end)
    if opening is not None and opening.end() < end:
        start = opening.end()
    closing = _CLOSING_TAG.search(text, start, end)
    if closing is not None and closing.start() > start:
        end = closing.start()
    return start, end


def _inside(span: tuple[int, int] | None, at: int) -> bool:
    return span is not None and span[0] <= at < span[1]


def is_claim(
    score: float,
    attribution: Attribution | None,
    certainty: tuple[Certainty, tuple[str, ...]],
    text: str,
) -> bool:
    """A candidate the checker would check: scored over the threshold, or an attributed or
    hedged assertion ("X said ...", "reportedly", "could not be verified"), which the
    transcript-trained score underrates; never a credit line or page furniture. A sentence
    hedged only by a condition ("if ...") is kept on its score like an assertion: the
    condition is no sign of a reported claim. ``certainty`` is the sentence's certainty with
    its cue words (:func:`~storytrace.claims.hedges.assess_certainty`)."""
    if is_furniture(text) or _FOLLOW_LINE.match(text):
        return False
    level, cues = certainty
    conditional = bool(cues) and all(cue in CONDITION_CUES for cue in cues)
    hedged = level != "asserted" and not conditional
    return score >= load_model().threshold or _named(attribution) or hedged


def _conflict_report(sent: Span, text: str) -> bool:
    """A report of a conflict or protest event (an ACLED action word and a place named),
    kept as a claim however short or low its score: the events stage codes from claims."""
    if text.rstrip().endswith("?") or is_furniture(text):
        return False
    return reports_event(sent, acled.CONFLICT_WORDS)


def _brief_report(sent: Span, text: str, *, alone: bool) -> bool:
    """A sentence of a brief (at most :data:`BRIEF_SENTENCES` sentences of prose) that
    tells an event (an event word, not negated): the brief is its report, whatever the
    check-worthiness score makes of it ("Police continue to arrest activists ahead of the
    anniversary"); the only sentence of a text is kept with or without one."""
    if is_furniture(text) or text.rstrip().endswith("?"):
        return False
    return alone or any(
        (t.lemma_.lower() in EVENT_WORDS or t.lemma_.lower() in acled.ACTIONS)
        and t.pos_ in ("VERB", "NOUN")
        and not any(c.dep_ == "neg" for c in t.children)
        for t in sent
    )


def _named(attribution: Attribution | None) -> bool:
    """Attributed to someone the text names: not a bare "I think" or an unresolved "they"."""
    return attribution is not None and bool(attribution.source)


def _entities_by_sentence(doc: Doc, ents: list[Span]) -> dict[int, list[Span]]:
    """Each sentence's entities keyed by its first token (``Span.ents`` rescans the doc)."""
    sentences = [(sent.start, sent.end) for sent in doc.sents]
    starts = [start for start, _ in sentences]
    by_start: dict[int, list[Span]] = {start: [] for start in starts}
    for ent in ents:
        index = bisect.bisect_right(starts, ent.start) - 1
        if index >= 0 and ent.end <= sentences[index][1]:
            by_start[starts[index]].append(ent)
    return by_start


def _first_char(sent: Span, text: str) -> int:
    """Where the sentence's first non-space character is (``text`` is its text)."""
    return sent.start_char + (len(text) - len(text.lstrip()))


def candidate_claim(sent: Span, text: str, attribution: Attribution | None) -> bool:
    """A candidate claim: a full sentence with a verb, not a question, an opinion or a credit.

    ``text`` is the sentence's text; the candidates are then scored (``claims.checkworthy``).
    """
    if text.rstrip().endswith("?"):
        return False
    least = _MIN_QUOTED_WORDS if _named(attribution) else _MIN_WORDS
    words = 0
    verb = False
    for token in sent:
        words += int(token.is_alpha)
        verb = verb or token.pos_ in ("VERB", "AUX")
        if verb and words >= least:
            break
    if words < least or not verb:
        return False
    if attribution is not None and attribution.direct and _scrap(sent, attribution):
        return False  # a quoted scrap: "'I would,' Lee said", "Probably not," she said
    return _named(attribution) or not _OPINION.search(text)


def _scrap(sent: Span, attribution: Attribution) -> bool:
    """Whether a sentence only has its source say a scrap of under three words and tells
    little else ("'I would,' Lee said to the TV"), when the attribution's cue lies in it
    (a quotation's later sentences carry their speaker and are no scraps)."""
    cue = attribution.cue_span
    if cue is None or not sent.start_char <= cue[0] < sent.end_char:
        return False
    said = [*attribution.content_fragments]
    marked = [*attribution.source_fragments, *attribution.cue_fragments]
    words = [t for t in sent if t.is_alpha]
    inside = sum(1 for t in words if any(a <= t.idx < b for a, b in said))
    rest = sum(1 for t in words if not any(a <= t.idx < b for a, b in [*said, *marked]))
    return 0 < inside < 3 and rest <= 3


def _claim(
    article: Article,
    sent: Span,
    text: str,
    attribution: Attribution | None,
    countries: set[str],
    ents: list[Span],
    *,
    score: float,
    certainty: tuple[Certainty, tuple[str, ...]],
) -> Claim:
    start = after_dateline(article.text, _first_char(sent, text))
    end = sent.start_char + len(text.rstrip())
    start, end = _without_tags(article.text, start, end)
    entities = tuple(
        Entity(ent.text, ent.label_, (ent.start_char, ent.end_char))
        for ent in ents
        if ent.label_ in _ENTITY_LABELS
    )
    claim = Claim(
        id=f"{article.id}:{start}",
        article_id=article.id,
        text=article.text[start:end],
        span=(start, end),
        certainty=certainty[0],
        hedges=certainty[1],
        attribution=attribution,
        attribution_id=attribution.id if attribution is not None and attribution.id else None,
        quantities=tuple(find_quantities(sent, text=text)),
        # a dateline's date is when the report was filed, not a date the claim tells
        dates=tuple(
            d for d in resolve_dates(sent, article.published, ents=ents) if d.span[0] >= start
        ),
        places=tuple(geocode_places(sent, countries, ents=ents)),
        entities=entities,
        checkworthiness=round(score, 4),
    )
    return attach_mentions(claim, sent)
