"""Attribution records: the tagger's relations with their source resolved, and claims' share.

:func:`attributions_of` turns the Source/Cue/Content relations that the learned tagger
(:mod:`storytrace.claims.relations`) finds in an article into ``Attribution`` records: the
spans as the text marks them, the cue's words, whether the content is a direct quote, and
the source resolved within the article (:mod:`storytrace.claims.sources`). Sentences get
the attribution whose content covers them (:func:`covering`); the one rule the tagger lacks
is kept here: a sentence inside a quote that no relation covers carries the speaker of that
quote, or of the quote just before it (:func:`carry_quote_attributions`).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Sequence
from dataclasses import replace

import numpy as np
from spacy.tokens import Doc, Span, Token

from storytrace.claims.quotes import Quote, quote_at
from storytrace.claims.relations import Fragments, Relation
from storytrace.claims.sources import DASHES, SourceContext, author_source, resolve_source
from storytrace.records import Attribution, SourceKind
from storytrace.text.doccache import doc_text
from storytrace.text.segment import after_dateline

Row = tuple[Attribution | None, Quote | None, list[Quote]]
_QUOTE_MARKS = "\"“”«»„'‘’"
_NOMINAL = ("NOUN", "PROPN", "PRON", "NUM", "DET", "X")


def _tokens(doc: Doc, fragments: Fragments) -> list[Token]:
    """The tokens of a span's character fragments."""
    found: list[Token] = []
    for start, end in fragments:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is not None:
            found += [t for t in span if not t.is_space]
    return found


def _head(tokens: list[Token]) -> Token | None:
    """The token of a span that governs it: the first whose head lies outside the span, after
    a dateline's dash ("WASHINGTON -- President Obama")."""
    dashes = [k for k, t in enumerate(tokens) if t.text in DASHES]
    if dashes and dashes[-1] + 1 < len(tokens) and tokens[0].is_upper:
        tokens = tokens[dashes[-1] + 1 :]
    ids = {t.i for t in tokens}
    heads = [t for t in tokens if t.head.i not in ids or t.head.i == t.i]
    nominal = [t for t in heads if t.pos_ in _NOMINAL]
    found = nominal or heads or tokens
    return found[0] if found else None


def _cue_subject(cue: list[Token]) -> list[Token]:
    """The grammatical subject of a cue's verb, as a source's tokens ("as Fox News host Megyn
    Kelly said": Megyn Kelly), without its relative clauses; none for an expletive "it"."""
    for token in cue:
        if token.pos_ not in ("VERB", "AUX"):
            continue
        for child in token.children:
            if child.dep_ == "nsubj" and child.lower_ != "it":
                drop = {t.i for c in child.children if c.dep_ in ("relcl", "acl", "appos")
                        for t in c.subtree}  # fmt: skip
                return [t for t in child.subtree if t.i not in drop and not t.is_punct]
    return []


def _beside_speaker(token: Token, marked: list[Token], subject: list[Token]) -> bool:
    """Whether a marked source's head is a place or body in the phrase of the cue's subject:
    set beside it ("says Ann Lee, a student from Fresno, Calif."), or marked together with
    it ("In District Court in Alexandria, Lee said")."""
    head = _head(subject)
    if head is None or token.i == head.i or token.ent_type_ not in ("GPE", "LOC", "FAC", "ORG"):
        return False
    if any(t.i == head.i for t in marked) or head.i in {t.i for t in token.ancestors}:
        return True
    between = token.doc[head.i + 1 : token.i]
    return head.i < token.i and not any(t.pos_ in ("VERB", "AUX") for t in between)


def _last_person(marked: list[Token], head: Token | None) -> Token | None:
    """A person's name that closes a marked source after a comma, past the place or body
    the mark opens with ("In District Court in Alexandria, Va., Lazar,"): the speaker."""
    words = [t for t in marked if not t.is_punct]
    if head is None or not words or words[-1].ent_type_ != "PERSON" or words[-1].i <= head.i:
        return None
    last = words[-1]
    first = last
    while first.i > head.i + 1 and first.ent_iob_ == "I":  # back to the name's first word
        first = first.doc[first.i - 1]
    before = first.doc[first.i - 1] if first.i > 0 else None
    return last if before is not None and before.text == "," else None


def _inside_subject(token: Token, subject: list[Token]) -> bool:
    """Whether a token lies in a relative or participle clause hanging from the subject."""
    ids = {t.i for t in subject}
    while token.head.i != token.i:
        if token.dep_ in ("relcl", "acl") and token.head.i in ids:
            return True
        token = token.head
    return False


_COPULAR = frozenset({"be", "seem", "appear", "look", "sound", "become", "remain"})


def _copular_only(relation: Relation, doc: Doc) -> bool:
    """Whether every verb of a relation's cue is copular or raising ("seemed", "was")."""
    verbs = [  # not the auxiliaries of "don't seem", "did not appear"
        t
        for t in _tokens(doc, relation.cue)
        if t.pos_ in ("VERB", "AUX") and t.dep_ not in ("aux", "auxpass")
    ]
    return bool(verbs) and all(t.lemma_.lower() in _COPULAR for t in verbs)


def _direct(fragments: Fragments, quotes: Sequence[Quote]) -> bool:
    """Whether the content quotes its source: mostly inside quotation marks, or holding a
    whole quotation of its own ("claimed the figures were "grossly exaggerated"")."""
    size = sum(b - a for a, b in fragments)
    inside = 0
    for a, b in fragments:
        for quote in quotes:
            inside += max(0, min(b, quote.end) - max(a, quote.start))
            if a <= quote.start and quote.end <= b + 1:
                return True
    return size > 0 and inside * 2 >= size


def _outer(fragments: Fragments | None) -> tuple[int, int] | None:
    return (fragments[0][0], fragments[-1][1]) if fragments else None


def attributions_of(
    article_id: str,
    doc: Doc,
    relations: Sequence[Relation],
    quotes: Sequence[Quote],
    ctx: SourceContext,
    sentences: Sequence[Span],
    *,
    author: str | None = None,
) -> list[Attribution]:
    """One ``Attribution`` per relation, sources resolved in reading order.

    ``ctx`` learns each sentence's names after the relations whose cue lies in it are
    resolved, so "he" looks back, never ahead. An "I" outside quotation marks is the
    article's ``author`` (a columnist: "I know your tax returns are being audited").
    """
    ordered = sorted(relations, key=lambda r: r.cue[0])
    cue_starts = [r.cue[0][0] for r in ordered]
    found: list[Attribution] = []
    done = 0
    text = doc_text(doc)
    for sent in sentences:
        upto = bisect.bisect_left(cue_starts, sent.end_char)
        speakers: set[int] = set()
        cites_group = False
        told_by: list[str] = []  # people a "he"/"she" outside quotes stands for as a source
        for relation in ordered[done:upto]:
            found.append(_attribution(article_id, doc, text, relation, quotes, ctx))
            speakers.update(t.i for t in _tokens(doc, relation.source or ()))
            group = ctx.last_group
            cites_group = cites_group or (group is not None and found[-1].source == group[0])
            told_by += _pronoun_speaker(found[-1], quotes)
            if found[-1].kind == "person" and found[-1].source:
                ctx.last_speaker = found[-1].source
        done = upto
        ctx.note_entities(sent, speakers=speakers, cites_group=cites_group)
        for person in told_by:
            ctx.mark_subject(person)
    for relation in ordered[done:]:
        found.append(_attribution(article_id, doc, text, relation, quotes, ctx))
    return _first_person_speakers(found, quotes, author_source(author))


def _pronoun_speaker(attribution: Attribution, quotes: Sequence[Quote]) -> list[str]:
    """The person a source "he" or "she" outside quotation marks was resolved to: the
    sentence's speaker, whom a later "he" means before the others it names ("But he
    suggested that Lew had his eyes on critics. 'They are under pressure,' he said.")."""
    marked = (attribution.source_text or "").lower()
    span = attribution.source_span
    if attribution.kind != "person" or marked not in ("he", "she") or span is None:
        return []
    return [] if quote_at(quotes, *span) is not None else [attribution.source]


_FIRST_PERSON = {"i", "me", "my", "we", "us", "our"}
_SINGULAR = {"i", "me", "my"}


def _first_person_speakers(
    attributions: list[Attribution],
    quotes: Sequence[Quote],
    author: tuple[str, SourceKind] | None,
) -> list[Attribution]:
    """An "I" or "we" inside a quotation is its speaker: the named source of the direct
    attribution whose content holds the quote ("'I told them we would win,' Lee said");
    an "I" outside quotation marks is the author, when the article names one."""
    resolved: list[Attribution] = []
    for attribution in attributions:
        marked = (attribution.source_text or "").lower()
        if attribution.kind == "unnamed" and marked in _FIRST_PERSON and attribution.cue_span:
            quote = quote_at(quotes, *attribution.cue_span)
            speaker = _speaker_of(quote, attributions, attribution) if quote else None
            if speaker is not None:
                attribution = replace(
                    attribution,
                    source=speaker.source,
                    kind=speaker.kind,
                    resolved_span=speaker.resolved_span,
                )
            elif quote is None and author is not None and marked in _SINGULAR:
                attribution = replace(attribution, source=author[0], kind=author[1])
        resolved.append(attribution)
    return resolved


def _speaker_of(
    quote: Quote, attributions: Sequence[Attribution], inner: Attribution
) -> Attribution | None:
    """The named, direct attribution whose content holds the quote (not ``inner`` itself)."""
    for attribution in attributions:
        named = attribution.source and attribution.kind != "unnamed"
        if attribution is inner or not attribution.direct or not named:
            continue
        if any(
            a <= quote.start + 1 and quote.end - 1 <= b + 1
            for a, b in attribution.content_fragments
        ):
            return attribution
    return None


def _attribution(
    article_id: str,
    doc: Doc,
    text: str,
    relation: Relation,
    quotes: Sequence[Quote],
    ctx: SourceContext,
) -> Attribution:
    subject = _cue_subject(_tokens(doc, relation.cue))
    source_tokens = _tokens(doc, relation.source) if relation.source else []
    head = _head(source_tokens)
    if head is None or head.pos_ not in _NOMINAL:
        # no source marked, or a stray word ("as a rear admiral", "'s"): the cue's subject,
        # unless the cue is only a copular or raising verb, whose subject is what the
        # sentence is about ("The language seemed to reverberate")
        source_tokens = [] if _copular_only(relation, doc) else subject
        head = _head(source_tokens)
    if head is not None:
        name, kind, resolved = resolve_source(head, source_tokens, ctx)
    else:
        name, kind, resolved = "", "unnamed", None
    if subject and source_tokens is not subject and head is not None:
        if head not in subject and _inside_subject(head, subject):
            name, kind, resolved = "", "unnamed", None  # a word of its relative clause
        if kind != "person" and _beside_speaker(head, source_tokens, subject):
            # the tagger marked a place or body inside the speaker's own phrase ("says Ann
            # Lee, a student from Fresno, Calif.", "In District Court, Lee said"): the speaker
            subject_head = _head(subject) or subject[0]
            named = resolve_source(subject_head, subject, ctx)
            if named[1] == "person":
                name, kind, resolved = named
        if kind == "unnamed":
            # the tagger marked a word the text does not name ("Rucker Culpepper, who runs
            # the get-out-the-vote effort, said": "vote"): the cue's subject, if it names one
            # and is no dateline's place ("PHILADELPHIA, July 29 (UPI) -- Fans of ...")
            subject_head = _head(subject) or subject[0]
            named = resolve_source(subject_head, subject, ctx)
            if named[1] != "unnamed" and after_dateline(text, subject_head.idx) == subject_head.idx:
                name, kind, resolved = named
    if kind not in ("person", "unnamed") and source_tokens:
        last = _last_person(source_tokens, head)
        if last is not None:  # "In District Court in Alexandria, Va., Lazar, said"
            named = resolve_source(last, [last], ctx)
            if named[1] == "person":
                name, kind, resolved = named
    cue = " ".join(" ".join(text[a:b].split()) for a, b in relation.cue)
    source_span = _outer(relation.source)
    marked = " ".join(" ".join(text[a:b].split()) for a, b in relation.source or ())
    return Attribution(
        source=name,
        kind=kind,
        cue=cue,
        direct=_direct(relation.content, quotes),
        source_span=source_span,
        cue_span=_outer(relation.cue),
        content_span=_outer(relation.content),
        id=f"{article_id}:a{relation.cue[0][0]}",
        article_id=article_id,
        source_text=marked or None,
        resolved_span=resolved,
        source_fragments=tuple(relation.source or ()),
        cue_fragments=tuple(relation.cue),
        content_fragments=tuple(relation.content),
    )


# An embedded tweet kept as markup, with its author's handle ("<tweet author="@jlee">...").
_TWEET = re.compile(r"<tweet\b(?P<attrs>[^>]*)>(?P<body>.*?)(?:</tweet>|<tweet/>|$)", re.S)
_TWEET_AUTHOR = re.compile(r'\bauthor\s*=\s*"@?(?P<handle>[A-Za-z0-9_]{1,30})"')


def tweet_attributions(article_id: str, text: str, ctx: SourceContext) -> list[Attribution]:
    """Who wrote each tweet the text embeds as markup with an author: its words are the
    author's, whoever they name or quote ("Mr. Lee attacked me" tweeted by @jsmith is
    J. Smith's). The handle stands for a person the article names when it holds their
    surname ("@realJaneSmith": Jane Smith), else it is the account itself."""
    found: list[Attribution] = []
    for match in _TWEET.finditer(text):
        author = _TWEET_AUTHOR.search(match["attrs"])
        start, end = match.span("body")
        if author is None or not text[start:end].strip():
            continue
        handle = author["handle"]
        person = _handle_person(handle, ctx)
        found.append(
            Attribution(
                source=person or f"@{handle}",
                kind="person",
                cue="tweeted",
                direct=True,
                content_span=(start, end),
                article_id=article_id,
                source_text=f"@{handle}",
                resolved_span=ctx.mention_of(person),
                content_fragments=((start, end),),
            )
        )
    return found


def _handle_person(handle: str, ctx: SourceContext) -> str | None:
    """The person of the article whose surname a handle holds (the longest such surname)."""
    lowered = handle.lower()
    names = [
        (len(surname), full)
        for surname, full in ctx.surnames.items()
        if len(surname) >= 3 and surname.lower() in lowered
    ]
    return max(names)[1] if names else None


def _holds(fragments: Fragments, at: int) -> bool:
    return any(a <= at < b for a, b in fragments)


# what a source does with words: a cue of these, not holding a sentence's main verb,
# still speaks for the sentence ("His estimates vary, but he has said from the start that
# ..."); a cue of any other verb there is an event the sentence tells ("more than half of
# the voters opted for Trump", "Cruz, whom even other senators hate, won")
SPEAKING_LEMMAS = frozenset({
    "say", "tell", "report", "claim", "confirm", "deny", "state", "announce", "add", "insist",
    "warn", "allege", "write", "explain", "note", "accuse", "admit", "acknowledge", "inform",
    "reveal", "testify", "argue", "suggest", "estimate", "assert", "maintain", "stress",
    "tweet", "post", "quote", "declare", "indicate", "disclose", "conclude", "predict",
    "describe", "dispute", "refute", "emphasise", "emphasize", "accord", "according", "show",
    "find", "ask", "answer", "reply", "respond", "call", "recall", "contend", "charge",
    "complain", "concede", "agree", "observe", "remark", "signal",
    "speculate", "reportedly", "allegedly", "purportedly", "supposedly",
    # acts done in words: "Khan, the father of a slain soldier, decried Trump's calls"
    "decry", "denounce", "condemn", "criticize", "criticise", "slam", "blast", "praise",
    "urge", "vow", "promise", "pledge", "threaten", "question", "dismiss", "reject",
    "welcome", "hail", "mock", "lament", "deplore", "blame", "defend", "demand", "propose",
    "recommend", "advise", "caution", "boast", "brag", "joke", "quip", "scoff", "retort",
    "counter", "repeat", "reiterate", "mention", "forecast",
})  # fmt: skip


# what a person does, not says: a cue governed by one of these tells an act the writer
# reports ("Lee supports the mayor", "Lee spent the campaign railing against it", "Lee
# decided to back Obama", "the Senate voted for the bill"), which no one is the source of
ACT_LEMMAS = frozenset({
    "support", "back", "vote", "opt", "nominate", "hold", "decide", "seek", "spend",
    "include", "require", "mandate", "prohibit", "ban", "cover", "share", "see", "win",
    "lose", "elect", "appoint", "sign", "pass", "approve", "fund", "campaign", "join",
    "resign", "build", "choose", "pick", "select", "consolidate", "hire", "fire",
})  # fmt: skip


def _cue_heads(doc: Doc, attribution: Attribution) -> list[Token]:
    """The words that govern an attribution's cue ("took" of "took to the talk shows")."""
    words = [t for t in _tokens(doc, attribution.cue_fragments) if t.is_alpha]
    ids = {t.i for t in words}
    return [t for t in words if t.head.i not in ids or t.head.i == t.i] or words


def speaking_cue(doc: Doc, attribution: Attribution) -> bool:
    """Whether an attribution's cue is a word of saying, showing or finding ("said",
    "according to", "a poll shows"), or no word at all (a colon, a dash): the word that
    governs the cue ("took to the talk shows" is no showing), or a verb of saying it
    governs ("was prompted to say")."""
    heads = _cue_heads(doc, attribution)
    verbs = [  # a verb of saying the cue's head governs: "was prompted to say"
        t for t in _tokens(doc, attribution.cue_fragments) if t.pos_ == "VERB" and t not in heads
    ]
    return (
        not heads
        or any(t.lemma_.lower() in SPEAKING_LEMMAS or t.lower_ in SPEAKING_LEMMAS for t in heads)
        or any(t.lemma_.lower() in SPEAKING_LEMMAS for t in verbs)
    )


def acting_cue(doc: Doc, attribution: Attribution) -> bool:
    """Whether an attribution's cue is governed only by verbs of acting (:data:`ACT_LEMMAS`)."""
    heads = _cue_heads(doc, attribution)
    return bool(heads) and all(t.lemma_.lower() in ACT_LEMMAS for t in heads)


def covering(
    attributions: Sequence[Attribution],
    start: int,
    end: int,
    root: int | None = None,
    *,
    speaks: Callable[[Attribution], bool] | None = None,
) -> Attribution | None:
    """The attribution that covers a sentence ``start:end`` whose main verb starts at ``root``.

    The relation whose cue is the sentence's main verb ("..., he said") comes first, then
    one whose content holds the main verb (one cued in the sentence and naming its source
    first); else the content covering the largest share of the sentence, at least a third
    of it (or any share when its cue lies in the sentence). Where the main verb is neither
    a cue nor in a content, a relation cued in the sentence covers it only if ``speaks``
    (when given) says its cue is one of saying: the main clause is then the writer's own
    report ("The real story is that most voters opted for Trump").
    """
    if root is not None:
        for attribution in attributions:
            if _holds(attribution.cue_fragments, root):
                return attribution
        holding = [a for a in attributions if _holds(a.content_fragments, root)]
        # the one whose cue lies in the sentence before one whose content only runs on
        # into it ("According to the paper, basically. As one reader pointed out, ...")
        for attribution in holding:
            cue = attribution.cue_fragments[0][0] if attribution.cue_fragments else -1
            sound = not _holds(attribution.content_fragments, cue)  # no content of its cue
            if start <= cue < end and attribution.source and sound:
                return attribution
        if holding:
            return holding[0]
    best: Attribution | None = None
    best_share = 0.0
    size = max(1, end - start)
    for attribution in attributions:
        share = (
            sum(max(0, min(end, b) - max(start, a)) for a, b in attribution.content_fragments)
            / size
        )
        if share <= 0:
            continue
        cue_start = attribution.cue_fragments[0][0] if attribution.cue_fragments else -1
        cue_inside = start <= cue_start < end
        if share < 1 / 3 and not cue_inside:
            continue
        if cue_inside and root is not None and speaks is not None and not speaks(attribution):
            continue
        share += 1.0 if cue_inside else 0.0
        if share > best_share:
            best, best_share = attribution, share
    return best


class Coverage:
    """:func:`covering` over one article's attributions, each sentence weighing only those
    that reach it or its main verb (the same answer: an attribution that reaches neither
    can cover neither), so a long article is not read once per sentence."""

    def __init__(self, attributions: Sequence[Attribution], doc: Doc | None = None) -> None:
        self._attributions = list(attributions)
        self._speaking = (
            {id(a): speaking_cue(doc, a) for a in attributions} if doc is not None else None
        )
        # a relation whose cue is an act covers no sentence as its source
        self._acting = (
            {id(a) for a in attributions if acting_cue(doc, a)} if doc is not None else set()
        )
        spans = [[*a.cue_fragments, *a.content_fragments] for a in self._attributions]
        self._low = np.array([min((f[0] for f in s), default=np.inf) for s in spans], float)
        self._high = np.array([max((f[1] for f in s), default=-np.inf) for s in spans], float)

    def _near(self, start: int, end: int, root: int | None) -> list[Attribution]:
        reach = (self._low < end) & (self._high > start)
        if root is not None:
            reach |= (self._low <= root) & (self._high > root)
        return [self._attributions[k] for k in np.flatnonzero(reach)]

    def cued_in(self, start: int, end: int, root: int | None = None) -> Attribution | None:
        """:func:`covering` without asking whether a cue speaks: the relation a sentence
        tells of someone's act, when no one is its source."""
        return covering(self._near(start, end, root), start, end, root)

    def __call__(self, start: int, end: int, root: int | None = None) -> Attribution | None:
        """:func:`covering` of the sentence ``start:end`` whose main verb starts at ``root``;
        with the article's parse, not one whose cue only tells an act (:func:`acting_cue`)."""
        near = [a for a in self._near(start, end, root) if id(a) not in self._acting]
        speaking = self._speaking
        if speaking is None:
            return covering(near, start, end, root)
        return covering(near, start, end, root, speaks=lambda a: speaking[id(a)])


def quote_row(attribution: Attribution | None, quotes: list[Quote], start: int, end: int) -> Row:
    """What :func:`carry_quote_attributions` reads of one sentence ``start:end``."""
    inside = quote_at(quotes, start, end)
    touching = [q for q in quotes if q.start < end and q.end > start]
    return attribution, inside, touching


def carry_quote_attributions(rows: list[Row]) -> list[Attribution | None]:
    """Give sentences inside a quote the speaker of that quote, or of the quote just before it.

    A quote's speaker is the direct attribution of any sentence that touches it; a quote
    that names no speaker continues the previous quote's speaker when it follows within two
    sentences (the newswire convention for a quote spread over sentences or paragraphs).
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
