"""Features of parsed tokens for the learned attribution tagger (cues, then sources and content).

Training (:mod:`storytrace.training.attribution`) and prediction
(:mod:`storytrace.claims.relations`) share these functions, so a model and its features
can never drift apart.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
from spacy.parts_of_speech import NAMES as POS_NAMES
from spacy.tokens import Doc, Token

from storytrace.claims.quotes import find_quotes
from storytrace.text.doccache import doc_text


def quote_mask(doc: Doc) -> list[bool]:
    """Whether each token lies inside a direct quotation (marks included)."""
    mask = [False] * len(doc)
    quotes = find_quotes(doc_text(doc))
    index = 0
    starts = doc.to_array("IDX").tolist() if len(doc) else []
    for i, start in enumerate(starts):
        while index < len(quotes) and quotes[index].end <= start:
            index += 1
        mask[i] = index < len(quotes) and quotes[index].start <= start
    return mask


@dataclass
class _View:
    """Per-token strings and sentence bounds of one doc, read once (spaCy builds a new
    ``Token`` on every ``doc[i]`` and walks the parse on every ``token.sent``)."""

    doc: Doc
    words: list[str]
    tags: list[str]
    lemmas: list[str]
    sent_start: list[int]
    sent_end: list[int]
    padded_words: list[str]  # two "<s>" before and two "</s>" after ``words``
    padded_tags: list[str]  # "-" either side
    padded_lemmas: list[str]  # "-" either side
    heads: list[int]
    deps: list[str]
    lowers: list[str]
    texts: list[str]
    pos: list[str]
    ents: list[str]  # "B-PERSON", "O-" ...
    space: list[bool]
    punct: list[bool]
    stop: list[bool]
    children: list[list[int]]  # each token's dependents, in order
    like_num: list[bool]


_LAST: list[_View] = []
_COLUMNS: list[int | str] = [
    "HEAD", "DEP", "TAG", "LEMMA", "LOWER", "ORTH", "POS", "ENT_IOB", "ENT_TYPE",
    "IS_SPACE", "IS_PUNCT", "IS_STOP", "LIKE_NUM",
]  # fmt: skip


def _strings(doc: Doc, column: npt.NDArray[np.uint64], *, lower: bool = False) -> list[str]:
    """The strings of a column of string hashes (0 is ""), each distinct one looked up once."""
    store = doc.vocab.strings
    distinct, inverse = np.unique(column, return_inverse=True)
    found = [store[key] if key else "" for key in distinct.tolist()]
    if lower:
        found = [word.lower() for word in found]
    return [found[k] for k in inverse.reshape(-1).tolist()]


def _view(doc: Doc) -> _View:
    """The :class:`_View` of ``doc`` (the last one is kept)."""
    if _LAST and _LAST[0].doc is doc:
        return _LAST[0]
    size = len(doc)
    empty = np.zeros((0, len(_COLUMNS)), dtype=np.uint64)
    table: npt.NDArray[np.uint64] = np.asarray(doc.to_array(_COLUMNS), np.uint64) if size else empty
    # HEAD is a relative offset, stored as uint64.
    heads = (np.arange(size) + table[:, 0].astype(np.int64)).tolist()
    deps, tags = _strings(doc, table[:, 1]), _strings(doc, table[:, 2])
    lemmas = _strings(doc, table[:, 3], lower=True)
    lowers, texts = _strings(doc, table[:, 4]), _strings(doc, table[:, 5])
    pos = [POS_NAMES[part] for part in table[:, 6].tolist()]
    iob = ("", "I", "O", "B")
    types = _strings(doc, table[:, 8])
    ents = [f"{iob[k]}-{kind}" for k, kind in zip(table[:, 7].tolist(), types, strict=True)]
    space, punct, stop, like_num = (table[:, k].astype(bool).tolist() for k in range(9, 13))
    children: list[list[int]] = [[] for _ in range(size)]
    for i, head in enumerate(heads):
        if head != i:
            children[head].append(i)
    words = [
        ("<nl>" if "\n" in text else "<sp>") if is_space else lower
        for lower, text, is_space in zip(lowers, texts, space, strict=True)
    ]
    sentenced = doc.has_annotation("SENT_START")  # else ``doc.sents`` raises: one sentence
    bounds = np.array(
        [(sent.start, sent.end) for sent in doc.sents] if sentenced else [(0, size)],
        dtype=np.int64,
    )
    bounds = bounds.reshape(-1, 2)
    lengths = bounds[:, 1] - bounds[:, 0]
    sent_start: list[int] = np.repeat(bounds[:, 0], lengths).tolist()
    sent_end: list[int] = np.repeat(bounds[:, 1], lengths).tolist()
    view = _View(
        doc,
        words,
        tags,
        lemmas,
        sent_start,
        sent_end,
        ["<s>", "<s>", *words, "</s>", "</s>"],
        ["-", "-", *tags, "-", "-"],
        ["-", "-", *lemmas, "-", "-"],
        heads,
        deps,
        lowers,
        texts,
        pos,
        ents,
        space,
        punct,
        stop,
        children,
        like_num,
    )
    _LAST[:] = [view]
    return view


def token_view(doc: Doc) -> _View:
    """The per-token strings of ``doc``, read once and shared by the taggers and the
    check-worthiness model (the last doc's view is kept)."""
    return _view(doc)


def _tag(doc: Doc, i: int) -> str:
    if i < 0 or i >= len(doc):
        return "-"
    return _view(doc).tags[i]


CLAUSE_DEPS = frozenset({"ccomp", "nsubj", "dobj", "xcomp"})


Lexicon = dict[str, str]  # lemma -> how often it is a cue in train ("r0" ... "r4")


def cue_features(token: Token, quoted: list[bool], lexicon: Lexicon | None = None) -> list[str]:
    """Features for "is this token part of a reporting cue" (a binary tagger).

    ``lexicon`` gives each lemma's rate of being (part of) a cue in the training data,
    bucketed (:func:`storytrace.training.attribution.cue_lexicon`): a lemma seen a few
    times as a cue shares what the tagger learned of others with the same rate.
    """
    return _cue_features(_view(token.doc), token.i, quoted, lexicon)


def cue_rows(
    tokens: list[Token], quoted: list[bool], lexicon: Lexicon | None = None
) -> list[list[str]]:
    """:func:`cue_features` of each token of one sentence (the doc read once)."""
    if not tokens:
        return []
    view = _view(tokens[0].doc)
    return [_cue_features(view, t.i, quoted, lexicon) for t in tokens]


def sentence_ids(doc: Doc) -> list[list[int]]:
    """The non-space token indices of each sentence: the sequences the cue tagger reads."""
    space = _view(doc).space
    return [[i for i in range(s.start, s.end) if not space[i]] for s in doc.sents]


def index_cue_rows(
    doc: Doc, ids: list[int], quoted: list[bool], lexicon: Lexicon | None = None
) -> list[list[str]]:
    """:func:`cue_rows` over token indices (no ``Token`` built)."""
    view = _view(doc)
    return [_cue_features(view, i, quoted, lexicon) for i in ids]


def _lexicon_features(view: _View, i: int, lexicon: Lexicon) -> list[str]:
    """The lexicon rate of a token, of its head and of its neighbours, with its relation."""
    lemmas, tag, dep = view.lemmas, view.tags[i], view.deps[i]
    size = len(lemmas)
    rate = lexicon.get(lemmas[i], "unseen")
    head = lexicon.get(lemmas[view.heads[i]], "unseen")
    before = lexicon.get(lemmas[i - 1], "unseen") if i > 0 else "-"
    after = lexicon.get(lemmas[i + 1], "unseen") if i + 1 < size else "-"
    return [
        f"lex={rate}",
        f"lex+t={rate}|{tag}",
        f"lex+d={rate}|{dep}",
        f"hlex+d={head}|{dep}",
        f"lex-1={before}",
        f"lex+1={after}",
        f"lex-1+t={before}|{tag}",
        f"lex+1+t={after}|{tag}",
    ]


def _cue_features(
    view: _View, i: int, quoted: list[bool], lexicon: Lexicon | None = None
) -> list[str]:
    """:func:`cue_features` over token indices."""
    words, tags, lemmas, deps = view.padded_words, view.padded_tags, view.padded_lemmas, view.deps
    k = i + 2  # index into the padded lists
    lower, tag, dep, lemma = view.lowers[i], view.tags[i], deps[i], view.lemmas[i]
    head = view.heads[i]
    head_lemma = view.lemmas[head]
    kids = view.children[i]
    children = {deps[c] for c in kids}
    quote = quoted[i]
    size = len(view.heads)
    feats = [
        f"w={lower}",
        f"l={lemma}",
        f"t={tag}",
        f"d={dep}",
        f"l+d={lemma}|{dep}",
        f"l+t={lemma}|{tag}",
        f"hl={head_lemma}",
        f"hl+d={head_lemma}|{dep}",
        f"hd={deps[head]}",
        f"ht={view.tags[head]}",
        f"w-1={words[k - 1]}",
        f"w+1={words[k + 1]}",
        f"w-2={words[k - 2]}",
        f"w+2={words[k + 2]}",
        f"t-1={tags[k - 1]}",
        f"t+1={tags[k + 1]}",
        f"w-1+w={words[k - 1]}|{lower}",
        f"w+w+1={lower}|{words[k + 1]}",
        f"q={quote}",
        f"q+t={quote}|{tag}",
        f"hq={quoted[head]}",
        f"sent0={view.sent_start[i] == i}",
    ]
    feats += [f"c={d}" for d in children]
    feats += [f"l+c={lemma}|{d}" for d in children & CLAUSE_DEPS]
    if any(quoted[c] for c in kids if deps[c] in ("ccomp", "dobj")):
        feats.append("quoted-object")
    if i + 1 < size and quoted[i + 1] and not quote:
        feats.append("before-quote")
    if i > 0 and quoted[i - 1] and not quote:
        feats.append("after-quote")
    if head != i and view.heads[head] != head:
        feats.append(f"hhl={view.lemmas[view.heads[head]]}")
    feats += [
        f"e={view.ents[i]}",
        f"l+1={lemmas[k + 1]}",
        f"l-1={lemmas[k - 1]}",
        f"l+w+1+w+2={lemma}|{words[k + 1]}|{words[k + 2]}",
        f"w-2+w-1={words[k - 2]}|{words[k - 1]}",
        f"sentend={i + 1 >= size or view.sent_start[i + 1] == i + 1}",
    ]
    if view.punct[i]:
        feats.append(f"punct={view.texts[i]}|{tags[k - 1]}|{quote}")
    if lexicon is not None:
        feats += _lexicon_features(view, i, lexicon)
    return _printable(feats)


def _printable(feats: list[str]) -> list[str]:
    """Features with line breaks and other control characters replaced (one line each)."""
    if "".join(feats).isprintable():
        return feats
    return [
        f if f.isprintable() else "".join(c if c.isprintable() else "_" for c in f) for f in feats
    ]


def _lemma(doc: Doc, i: int) -> str:
    if i < 0 or i >= len(doc):
        return "-"
    return _view(doc).lemmas[i]


def cue_head(tokens: list[Token]) -> Token:
    """The syntactic head of a cue span: its first token whose head lies outside the span."""
    inside = {t.i for t in tokens}
    for token in tokens:
        if token.head.i not in inside or token.head.i == token.i:
            return token
    return tokens[0]


def _path(token: Token, head: Token) -> tuple[str, int]:
    """How ``token`` hangs from the cue head: the top relation below it, or up/over it."""
    return path_of(_view(token.doc), token.i, head.i)


def path_of(view: _View, i: int, target: int) -> tuple[str, int]:
    """:func:`_path` over token indices."""
    heads, deps = view.heads, view.deps
    chain: list[int] = []
    current = i
    for _ in range(40):
        if current == target:
            top = deps[chain[-1]] if chain else "self"
            return f"down:{top}", len(chain)
        if heads[current] == current:
            break
        chain.append(current)
        current = heads[current]
    ancestor_ids = []
    current = target
    for _ in range(40):
        ancestor_ids.append(current)
        if heads[current] == current:
            break
        current = heads[current]
    current = i
    below: int | None = None
    for _ in range(40):
        if current in ancestor_ids:
            up = ancestor_ids.index(current)
            rel = deps[below] if below is not None else "anc"
            return f"up{min(up, 3)}:{deps[target] if up == 1 else 'far'}:{rel}", up
        if heads[current] == current:
            break
        below = current
        current = heads[current]
    return "none", 99


@dataclass(frozen=True)
class _Cue:
    """What every role feature of one cue's window reads of the cue."""

    head: int
    first: int
    last: int
    lemma: str
    tag: str
    dep: str
    own: bool  # the cue's head has a subject of its own
    agent: bool  # ... or an agent ("was told by")


def cue_summary(cue: list[Token]) -> _Cue:
    """What the role features read of one cue."""
    head = cue_head(cue)
    return _Cue(
        head=head.i,
        first=cue[0].i,
        last=cue[-1].i,
        lemma=head.lemma_.lower(),
        tag=head.tag_,
        dep=head.dep_,
        own=_has_subject(head),
        agent=any(c.dep_ == "agent" for c in head.children),
    )


def role_features(token: Token, cue: list[Token], quoted: list[bool]) -> list[str]:
    """Features for the role (Source, Content or none) of ``token`` relative to one cue."""
    return _role_features(_view(token.doc), token.i, cue_summary(cue), quoted)


def _role_features(view: _View, i: int, cue: _Cue, quoted: list[bool]) -> list[str]:
    """:func:`role_features` over token indices, with the cue read once."""
    path, depth = path_of(view, i, cue.head)
    side = "before" if i < cue.first else "after"
    distance = cue.first - i if side == "before" else i - cue.last
    bucket = str(distance) if distance < 4 else ("near" if distance < 10 else "far")
    same_sent = view.sent_start[i] == view.sent_start[cue.head]
    tag, dep, quote = view.tags[i], view.deps[i], quoted[i]
    punct = view.punct[i]
    depth = min(depth, 6)
    feats = [
        f"p={path}",
        f"p+side={path}|{side}",
        f"p+t={path}|{tag}",
        f"p+cl={path}|{cue.lemma}",
        f"depth={depth}",
        f"p+depth={path}|{depth}",
        f"side={side}",
        f"dist={side}|{bucket}",
        f"sent={same_sent}",
        f"t={tag}",
        f"d={dep}",
        f"w={view.lowers[i]}" if punct or view.stop[i] else f"t2={view.pos[i]}",
        f"q={quote}|{quoted[cue.head]}",
        f"q+side={quote}|{side}",
        f"cl={cue.lemma}",
        f"ct={cue.tag}",
        f"cd={cue.dep}",
        f"q+p={quote}|{path}",
        # A cue without its own subject ("..., saying", "Kasich says ... and tells") takes
        # the subject of the verb it hangs from: the same path means more when it has none.
        f"own={cue.own}|{path}",
        f"own+d={cue.own}|{cue.dep}|{dep}",
        f"agent={cue.agent}|{path}",
    ]
    if punct:
        feats.append(f"punct+p={view.lowers[i]}|{path}|{side}")
    return feats


_SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj", "csubjpass", "expl"})


def _has_subject(head: Token) -> bool:
    """Whether a cue's head word has a subject of its own."""
    return any(child.dep_ in _SUBJECTS for child in head.children)


def role_rows(
    doc: Doc, cue: list[Token], window: range, quoted: list[bool], cue_ids: set[int]
) -> list[list[str]]:
    """Feature rows for a cue's window, one per token, for the sequence role tagger.

    ``cue_ids`` holds the tokens of every cue of the text; the cue's own tokens are
    marked as such, and a token beyond another cue (seen from this one) is flagged, since
    each token has at most one role in at most one attribution.
    """
    view = _view(doc)
    own = {t.i for t in cue}
    about = cue_summary(cue)
    first, last = about.first, about.last
    others = sorted(cue_ids - own)
    rows = []
    for i in window:
        if i in own:
            rows.append(_printable(["cue=self", f"cue=self|{view.lowers[i]}"]))
            continue
        if view.space[i]:
            rows.append(["space"])
            continue
        feats = _role_features(view, i, about, quoted)
        side = "before" if i < first else "after"
        low, high = (i, first) if i < first else (last, i)
        after_low = bisect.bisect_right(others, low)
        between = after_low < len(others) and others[after_low] < high
        offset = _offset(view, i, about.head)
        feats += [
            f"other={i in cue_ids}",
            f"between={between}",
            f"between+side={between}|{side}",
            f"sentoff={offset}",
            f"sentoff+q={offset}|{quoted[i]}",
            f"e={view.ents[i]}",
            f"l+side={view.lemmas[i]}|{side}",
            f"w-1={view.padded_words[i + 1]}|{side}",  # the word before (padded by two)
            f"w+1={view.padded_words[i + 3]}|{side}",
            f"qmark={view.texts[i] in QUOTE_MARKS}|{quoted[i]}|{side}",
        ]
        rows.append(_printable(feats))
    return rows


QUOTE_MARKS = frozenset("\"“”‘’«»'")


def _sentence_offset(token: Token, head: Token) -> str:
    """Which sentence a token sits in relative to the cue's: 0, -1, +1 or far."""
    return _offset(_view(token.doc), token.i, head.i)


def _offset(view: _View, i: int, head: int) -> str:
    """:func:`_sentence_offset` over token indices."""
    start, end = view.sent_start[i], view.sent_end[i]
    if start == view.sent_start[head]:
        return "0"
    if i < head:
        return "-1" if end == view.sent_start[head] else "-far"
    return "+1" if start == view.sent_end[head] else "+far"
