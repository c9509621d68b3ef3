"""Attribution relations (Source, Cue, Content) found by a learned two-step sequence tagger.

Step 1 marks reporting cues ("said", "according to", "told reporters", "said in a
statement", a colon before a quote) with a linear-chain CRF over each sentence (B/I/O);
step 2 labels, for each cue, the tokens of its paragraph as its Source, its Content or
neither with a second CRF, from how they hang off the cue in the dependency parse, so the
labels of neighbouring tokens agree and spans get whole boundaries. Both are fitted on
PolNeAR train (``python -m storytrace.training.attribution``) and shipped as plain JSON
weights in ``claims/data/attribution_model.json`` (with ``attribution_model.meta.json``),
scored template by template over the whole doc (:mod:`storytrace.claims.cue_scores`,
:mod:`storytrace.claims.role_scores`) and decoded by :mod:`storytrace.claims.sequence`.
Tweets, signed quotes, transcript lines and "Name: statement" headlines are read by rule.
The read stage runs this tagger on every article (:func:`storytrace.claims.read_stage`).
"""

from __future__ import annotations

import functools
import json
import re
from dataclasses import dataclass
from importlib import resources
from typing import Any, TypeVar

from spacy.tokens import Doc, Span, Token

from storytrace.claims.cue_network import load_tagger, log_probs, mixed_labels, token_vectors
from storytrace.claims.cue_scores import cue_scores
from storytrace.claims.features import cue_head, quote_mask, sentence_ids, token_view
from storytrace.claims.role_scores import role_scores
from storytrace.claims.sequence import decode_many
from storytrace.claims.span_rules import (
    according_phrase,
    according_source,
    across_space,
    chain_subject,
    closing_comma,
    cut_tail,
    dated_cue,
    drop_cued_relative,
    drop_opening,
    drop_participle,
    next_line_content,
    participle_subject,
    sourceless,
    split_subject,
    trim_source,
    whole_subject,
)
from storytrace.text.doccache import doc_text
from storytrace.text.segment import after_dateline

Fragments = tuple[tuple[int, int], ...]
ROLE_LABELS = ("O", "Source", "Content", "Cue")
_T = TypeVar("_T")  # a token, or its index
MODEL_FILE = "attribution_model.json"
# Tokens either side of a cue that may hold its source or content. The role tagger learns
# from 60-token windows; reading 100 keeps long quotes whole (content exact +0.01 in CV).
WINDOW = 100


@dataclass(frozen=True)
class Relation:
    """One attribution: Source (optional), Cue and Content as character fragments."""

    cue: Fragments
    content: Fragments
    source: Fragments | None = None


@functools.cache
def load_model() -> dict[str, Any]:
    """The shipped weights (cached per process): the two CRFs and, under ``"network"``, the
    neural cue tagger whose scores join the cue CRF's (:mod:`storytrace.claims.cue_network`).
    """
    path = resources.files("storytrace.claims") / "data" / MODEL_FILE
    model: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return {**model, "network": load_tagger()}


def _sentences(doc: Doc) -> list[list[Token]]:
    """The non-space tokens of each sentence: the sequences the cue tagger reads."""
    return [[t for t in sent if not t.is_space] for sent in doc.sents]


def cue_runs(tokens: list[_T], labels: list[str]) -> list[list[_T]]:
    """Cue spans from B/I/O labels: a run opens at ``B`` (or a stray ``I``) and stops at ``O``."""
    runs: list[list[_T]] = []
    current: list[_T] = []
    for token, label in zip(tokens, labels, strict=True):
        if label == "B" or (label == "I" and not current):
            if current:
                runs.append(current)
            current = [token]
        elif label == "I":
            current.append(token)
        elif current:
            runs.append(current)
            current = []
    if current:
        runs.append(current)
    return runs


def find_cues(doc: Doc, quoted: list[bool], model: dict[str, Any]) -> list[list[Token]]:
    """Reporting cues, in text order, sentence by sentence: the cue CRF's scores plus, when
    ``model`` carries one, the neural cue tagger's (a doc without token vectors: CRF alone).
    """
    sentences = [ids for ids in sentence_ids(doc) if ids]
    scores = cue_scores(doc, quoted, model["cue"], model["cue"].get("lexicon"))
    parts = [scores[ids] for ids in sentences]
    network = model.get("network")
    vectors = token_vectors(doc) if network else None
    if network is None or vectors is None:
        labels = decode_many(model["cue"], parts)
    else:
        neural = log_probs(doc, sentences, vectors, quoted, network)
        labels = mixed_labels(model["cue"], parts, neural, network["mix"])
    lowers = token_view(doc).lowers
    runs: list[list[Token]] = []
    for ids, found in zip(sentences, labels, strict=True):
        tagged = [[doc[i] for i in run] for run in cue_runs(ids, found)]
        candidates = [doc[i] for i in ids if lowers[i] in EVIDENTIALS]
        runs += sorted(tagged + evidential_cues(candidates, tagged), key=lambda run: run[0].i)
    kept = [run for run in runs if not all(t.is_punct for t in run) or run[0].text in ":—–-"]
    return [dated_cue(run) for run in kept]


# Adverbs that put a claim on someone else's word without naming them. PolNeAR marks
# "reportedly" as a cue in 14 of its 29 uses in train; the reader takes each one that
# modifies a verb no tagged cue governs, so the claim keeps its hedge's source.
EVIDENTIALS = frozenset({"reportedly", "allegedly", "purportedly", "supposedly"})


def evidential_cues(tokens: list[Token], tagged: list[list[Token]]) -> list[list[Token]]:
    """Evidential adverbs of a sentence, each a one-word cue ("The fire was reportedly ..."),
    unless a tagged cue holds or governs it ("Police said the driver was reportedly drunk")."""
    cue_ids = {t.i for run in tagged for t in run}
    return [
        [t]
        for t in tokens
        if t.lower_ in EVIDENTIALS
        and t.dep_ == "advmod"
        and t.head.pos_ in {"VERB", "AUX"}
        and t.i not in cue_ids
        and not any(a.i in cue_ids for a in t.ancestors)
    ]


def _window(doc: Doc, cue: list[Token], width: int | None = None) -> range:
    """Tokens of the cue's paragraph (no line break crossed) within ``width`` of it."""
    width = width or WINDOW
    texts = token_view(doc).texts  # a token's trailing whitespace is one space or none
    start = cue[0].i
    while start > 0 and cue[0].i - start < width and "\n" not in texts[start - 1]:
        start -= 1
    end = cue[-1].i + 1
    while end < len(doc) and end - cue[-1].i < width and "\n" not in texts[end]:
        end += 1
    return range(start, end)


def _fragments(tokens: list[Token]) -> Fragments:
    """Character fragments of a set of tokens: consecutive tokens join into one fragment, as
    do tokens that only whitespace tokens within a line separate ("has\xa0acknowledged":
    spaCy makes a token of a no-break or second space; PolNeAR's span runs across it)."""
    fragments: list[tuple[int, int]] = []
    previous: Token | None = None
    for token in sorted(tokens, key=lambda t: t.i):
        if previous is not None and _joined(token.doc, previous.i, token.i):
            fragments[-1] = (fragments[-1][0], token.idx + len(token))
        else:
            fragments.append((token.idx, token.idx + len(token)))
        previous = token
    return tuple(fragments)


def _joined(doc: Doc, left: int, right: int) -> bool:
    """Whether token ``right`` continues the run of token ``left``: next to it, or after
    whitespace tokens that hold no line break."""
    if right <= left + 1:
        return True  # next to it: no token between (and no slice of the doc built)
    return all(t.is_space and "\n" not in t.text for t in doc[left + 1 : right])


def _nearest_run(ids: list[int], cue: list[Token]) -> list[int]:
    """The run of consecutive token indices closest to the cue (whitespace tokens within a
    line, which the tagger never labels, do not break a run: "a\xa0Bloomberg poll")."""
    runs: list[list[int]] = []
    doc = cue[0].doc
    for i in sorted(ids):
        if runs and _joined(doc, runs[-1][-1], i):
            runs[-1].append(i)
        else:
            runs.append([i])
    if not runs:
        return []

    def gap(run: list[int]) -> int:
        return cue[0].i - run[-1] if run[-1] < cue[0].i else run[0] - cue[-1].i

    return min(runs, key=gap)


# An embedded tweet as news sites print it: "TEXT — Name (@handle) September 1, 2016". The
# dash and the name are matched first; the text runs back from the dash to the line start
# (or a tag, or the previous tweet), which keeps the search linear in the text's length.
_TWEET_TAIL = re.compile(r"\s+(?P<cue>[—―])\s+(?P<source>[^\n()<>—―]{1,60}?\(@\w{1,30}\))")
_TWEET_STOPS = "<>\n—―"
# A quotation signed on its own line: '"...." ― Name', '"...."\n\n- Name.'
_SIGNED_QUOTE = re.compile(
    r"(?P<close>[”\"’'])[ \t\xa0]*(?:\n[ \t\xa0]*){0,2}(?P<cue>―|—|–|--?)[ \t\xa0]*"
    r"(?P<source>[A-Z][^\s,.()<>“”\"]*\.?(?:[ \xa0]+[A-Z][^\s,.()<>“”\"]*\.?){0,4})"
    r"(?=[ \t\xa0]*(?:,|\n|$))"
)
_OPENING_MARKS = "“”\"‘'"


def tweet_relations(text: str) -> list[Relation]:
    """Attributions of embedded tweets: the dash is the cue, "Name (@handle)" the source."""
    relations = []
    done = 0
    for match in _TWEET_TAIL.finditer(text):
        end = match.start()
        start = max(done, *(text.rfind(stop, done, end) + 1 for stop in _TWEET_STOPS))
        if end <= start or text[end - 1] in _TWEET_STOPS:
            continue
        while start < end and text[start] in ' \t"“':
            start += 1
        relations.append(
            Relation(
                cue=(match.span("cue"),),
                content=((start, end),),
                source=(match.span("source"),),
            )
        )
        done = match.end()
    return relations


def signed_quote_relations(text: str) -> list[Relation]:
    """Quotations signed with a dash and a name after the closing mark, the whole quoted
    line being the content ("“...” ― Sonya Herridge", "\"...\"\\n\\n- Bernie Sanders.")."""
    relations = []
    for match in _SIGNED_QUOTE.finditer(text):
        close = match.start("close")
        start = text.rfind("\n", 0, close) + 1
        while start < close and text[start] in " \t\xa0":
            start += 1
        if start >= close or text[start] not in _OPENING_MARKS:
            continue
        a, b = match.span("source")
        last = text[a:b].split()[-1]
        if text[b - 1] == "." and len(last) > 2:
            b -= 1
        relations.append(
            Relation(cue=(match.span("cue"),), content=((start, close + 1),), source=((a, b),))
        )
    return relations


# A transcript line: a speaker's name in capitals, a colon, what they said ("WALLACE: Let's
# start ..."). In PolNeAR train, 11 of the 14 such lines of articles with two or more are
# annotated so (colon the cue, name the source, the rest of the line the content); a
# single capitalised label is mostly a headline's ("UPDATE:", "POLL:") and is left alone.
_SPEAKER_LINE = re.compile(
    r"(?m)^[ \t\xa0]*[\"“]?(?P<source>[A-Z][A-Z.'’-]+(?:[ \t][A-Z][A-Z.'’-]+){0,2})(?P<cue>:)"
    r"[ \t\xa0]+(?P<content>\S[^\n]*)"
)
_NOT_SPEAKERS = frozenset(
    {"UPDATE", "UPDATED", "VIDEO", "WATCH", "BREAKING", "EXCLUSIVE", "BYLINE", "EMAIL", "NOTE",
     "EDITOR'S NOTE", "CORRECTION", "RELATED", "READ MORE", "PHOTOS", "PHOTO", "SOURCE", "LISTEN"}
)  # fmt: skip


def transcript_relations(text: str) -> list[Relation]:
    """Speaker lines of a transcript (two or more in the text): colon cue, name source, and
    the rest of the line as content."""
    lines = [
        match
        for match in _SPEAKER_LINE.finditer(text)
        if match.group("source").replace("’", "'") not in _NOT_SPEAKERS
    ]
    if len(lines) < 2:
        return []
    relations = []
    for match in lines:
        a, b = match.span("content")
        b = a + len(text[a:b].rstrip())
        relations.append(
            Relation(cue=(match.span("cue"),), content=((a, b),), source=(match.span("source"),))
        )
    return relations


# A headline that puts a statement in someone's mouth: "Trey Gowdy: Benghazi Investigation
# Helped Reveal ...", "Poll: Clinton and Trump in dead heat". In PolNeAR train, 71 of the
# 112 first lines of this shape are annotated so (the colon the cue, the name the source,
# the rest of the line without its closing stop the content); most others open with a label
# ("Breaking:", "Revealed:", "Wow:"), which names no one. With the name read as below, 45 of
# the 52 taken in the first 400 train texts are annotated, all 45 with this content.
_HEADLINE = re.compile(
    r"\A[ \t\xa0]*(?P<source>[A-Z][\w.'’-]*(?:[ \xa0]+[A-Z][\w.'’-]*){0,3})(?P<cue>:)"
    r"[ \t\xa0]+(?P<content>[^\n]*[^\s.;])"
)
_NAMING_ENTITIES = frozenset({"PERSON", "ORG", "GPE", "NORP"})


def headline_relations(doc: Doc) -> list[Relation]:
    """The attribution of a first line "Name: statement" whose name spaCy reads as a
    person, organisation, place or group, or as a plural or a common noun ("Historians",
    "Poll") rather than a label word ("Breaking", "Revealed")."""
    match = _HEADLINE.match(doc_text(doc))
    if match is None:
        return []
    span = doc.char_span(*match.span("source"), alignment_mode="expand")
    if span is None or not _names_someone(span):
        return []
    return [
        Relation(
            cue=(match.span("cue"),),
            content=(match.span("content"),),
            source=(match.span("source"),),
        )
    ]


def _names_someone(span: Span) -> bool:
    if any(t.ent_type_ in _NAMING_ENTITIES for t in span):
        return True
    last = span[-1]  # a title-case common noun, not a gerund read as one ("Breaking")
    return last.tag_ in {"NN", "NNS"} and last.is_title and not last.lower_.endswith("ing")


def roles(
    doc: Doc, cue: list[Token], quoted: list[bool], cue_ids: set[int], model: dict[str, Any]
) -> dict[str, list[Token]]:
    """The Source and Content tokens of one cue, as the sequence role tagger labels its window."""
    return all_roles(doc, [cue], quoted, cue_ids, model)[0]


def all_roles(
    doc: Doc,
    cues: list[list[Token]],
    quoted: list[bool],
    cue_ids: set[int],
    model: dict[str, Any],
) -> list[dict[str, list[Token]]]:
    """:func:`roles` of each cue, the windows tagged together."""
    windows = [_window(doc, cue) for cue in cues]
    emissions = role_scores(doc, cues, windows, quoted, cue_ids, model["role"])
    labels = decode_many(model["role"], emissions)
    retry = [k for k, found in enumerate(labels) if "Content" not in found]
    if retry and RETRY_BIAS:
        # A cue with no content: ask again with content made cheaper (cues rarely lack one).
        boost = [RETRY_BIAS if label == "Content" else 0.0 for label in model["role"]["labels"]]
        again = decode_many(model["role"], [emissions[k] for k in retry], boost)
        for k, found in zip(retry, again, strict=True):
            labels[k] = found
    return [
        _roles_of(doc, cue, window, found, cue_ids)
        for cue, window, found in zip(cues, windows, labels, strict=True)
    ]


def _roles_of(
    doc: Doc,
    cue: list[Token],
    window: range,
    labels: list[str],
    cue_ids: set[int] | None = None,
) -> dict[str, list[Token]]:
    own = {t.i for t in cue}
    space = token_view(doc).space
    found: dict[str, list[Token]] = {"Source": [], "Content": []}
    for i, label in zip(window, labels, strict=True):
        if label in found and i not in own and not space[i]:
            found[label].append(doc[i])
    source_ids = _nearest_run([t.i for t in found["Source"]], cue)
    tagged = across_space(trim_source([doc[i] for i in source_ids]))
    tagged = whole_subject(tagged, cue, own | {t.i for t in found["Content"]})
    tagged = drop_cued_relative(tagged, (cue_ids or set()) - own)
    found["Source"] = closing_comma(drop_opening(drop_participle(cut_tail(tagged))), cue)
    return found


RETRY_BIAS = 2.0  # added to Content when a window has none (train fold 0: Cue, Source F1 +0.005)


def find_relations(doc: Doc, model: dict[str, Any] | None = None) -> list[Relation]:
    """Every attribution relation of a parsed text, in the order of the cues.

    ``model`` defaults to the shipped weights (:func:`load_model`).
    """
    model = model or load_model()
    quoted = quote_mask(doc)
    text = doc_text(doc)
    tweets = tweet_relations(text) + signed_quote_relations(text)
    covered = [(r.content[0][0], r.source[0][1]) for r in tweets if r.source]
    speakers = transcript_relations(text) + headline_relations(doc)
    covered += [(r.source[0][0], r.cue[0][1]) for r in speakers if r.source]
    tweets += speakers
    cues = [
        cue
        for cue in find_cues(doc, quoted, model)
        if not any(a <= cue[0].idx < b for a, b in covered)
    ]
    cue_ids = {t.i for cue in cues for t in cue}
    relations: list[Relation] = []
    for cue, found in zip(cues, all_roles(doc, cues, quoted, cue_ids, model), strict=True):
        content = _trim(_after_dateline(found["Content"], text)) or next_line_content(cue, quoted)
        if not content:
            continue
        if not found["Source"]:
            found["Source"], content = according_source(cue, content, cue_ids)
        if not found["Source"]:
            found["Source"], content = split_subject(cue, content, cue_ids)
        source = _after_dateline(found["Source"] or fallback_source(cue, content, cue_ids), text)
        if sourceless(cue):
            source = []
        relations.append(
            Relation(
                cue=_fragments(cue),
                content=_fragments(content),
                source=_fragments(source) if source else None,
            )
        )
    return sorted(relations + tweets, key=lambda r: r.cue[0])


def fallback_source(cue: list[Token], content: list[Token], cue_ids: set[int]) -> list[Token]:
    """A source read from the parse for a cue the tagger gave none, in two constructions
    whose source PolNeAR train marks as one phrase of the parse:

    - a participle cue modifying a clause: that clause's subject ("Trump attacked Clinton,
      saying ..." -> "Trump"; exactly the gold source of 554 of 738 such cues, none for 4%);
    - "according to X": the object X, without a closing comma (339 of 387 exactly;
      :func:`~storytrace.claims.span_rules.according_phrase`);
    - the later of several joined verbs without a subject of its own ("Mr. Trump was forced
      into damage control and said ..."): the first verb's subject
      (:func:`~storytrace.claims.span_rules.chain_subject`);
    - any other participle cue: the subject of the clause it hangs from, through joined
      participles and prepositions ("Cruz opened by dismissing them, calling ...")
      (:func:`~storytrace.claims.span_rules.participle_subject`).

    Nothing when the phrase would take in a cue or the content.
    """
    head = cue_head(cue)
    phrase: list[Token] = []
    if head.tag_ == "VBG" and head.dep_ == "advcl":
        subjects = [t for t in head.head.children if t.dep_ in {"nsubj", "nsubjpass"}]
        phrase = list(subjects[0].subtree) if subjects else []
    elif head.dep_ == "conj":
        phrase = chain_subject(head)
    else:
        phrase = according_phrase(cue)
    if not phrase and head.tag_ == "VBG":
        phrase = participle_subject(head)
    phrase = [t for t in phrase if not t.is_space]
    taken = cue_ids | {t.i for t in content}
    return [] if any(t.i in taken for t in phrase) else phrase


def _after_dateline(tokens: list[Token], text: str) -> list[Token]:
    """A span without the dateline it opens with ("WASHINGTON -- President Obama"): in
    PolNeAR train no source or content covers one (27 sources and 11 contents start after)."""
    if not tokens:
        return tokens
    start = after_dateline(text, tokens[0].idx)
    return [t for t in tokens if t.idx >= start]


def _trim(tokens: list[Token]) -> list[Token]:
    """Content without a lone punctuation fragment (a stray comma is never content)."""
    if all(t.is_punct for t in tokens):
        return []
    return tokens
