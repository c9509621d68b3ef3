"""Features of parsed tokens for the learned attribution tagger (cues, then sources and content).

Training (:mod:`storytrace.claims.learn`) and prediction (:mod:`storytrace.claims.relations`)
share these functions, so a model and its features can never drift apart.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from storytrace.claims.quotes import find_quotes


def quote_mask(doc: Doc) -> list[bool]:
    """Whether each token lies inside a direct quotation (marks included)."""
    mask = [False] * len(doc)
    quotes = find_quotes(doc.text)
    index = 0
    for token in doc:
        while index < len(quotes) and quotes[index].end <= token.idx:
            index += 1
        mask[token.i] = index < len(quotes) and quotes[index].start <= token.idx
    return mask


def _word(doc: Doc, i: int) -> str:
    if i < 0:
        return "<s>"
    if i >= len(doc):
        return "</s>"
    if doc[i].is_space:
        return "<nl>" if "\n" in doc[i].text else "<sp>"
    return doc[i].lower_


def _tag(doc: Doc, i: int) -> str:
    if i < 0 or i >= len(doc):
        return "-"
    return doc[i].tag_


def cue_features(token: Token, quoted: list[bool]) -> list[str]:
    """Features for "is this token part of a reporting cue" (a binary tagger)."""
    doc, i = token.doc, token.i
    lemma, head = token.lemma_.lower(), token.head
    children = {child.dep_ for child in token.children}
    feats = [
        f"w={token.lower_}",
        f"l={lemma}",
        f"t={token.tag_}",
        f"d={token.dep_}",
        f"l+d={lemma}|{token.dep_}",
        f"l+t={lemma}|{token.tag_}",
        f"hl={head.lemma_.lower()}",
        f"hl+d={head.lemma_.lower()}|{token.dep_}",
        f"hd={head.dep_}",
        f"ht={head.tag_}",
        f"w-1={_word(doc, i - 1)}",
        f"w+1={_word(doc, i + 1)}",
        f"w-2={_word(doc, i - 2)}",
        f"w+2={_word(doc, i + 2)}",
        f"t-1={_tag(doc, i - 1)}",
        f"t+1={_tag(doc, i + 1)}",
        f"w-1+w={_word(doc, i - 1)}|{token.lower_}",
        f"w+w+1={token.lower_}|{_word(doc, i + 1)}",
        f"q={quoted[i]}",
        f"q+t={quoted[i]}|{token.tag_}",
        f"hq={quoted[head.i]}",
        f"sent0={token.is_sent_start}",
    ]
    feats += [f"c={dep}" for dep in children]
    feats += [f"l+c={lemma}|{dep}" for dep in children & {"ccomp", "nsubj", "dobj", "xcomp"}]
    if any(quoted[child.i] for child in token.children if child.dep_ in ("ccomp", "dobj")):
        feats.append("quoted-object")
    if token.i + 1 < len(doc) and quoted[token.i + 1] and not quoted[i]:
        feats.append("before-quote")
    if i > 0 and quoted[i - 1] and not quoted[i]:
        feats.append("after-quote")
    if head.i != i and head.head.i != head.i:
        feats.append(f"hhl={head.head.lemma_.lower()}")
    feats += [
        f"e={token.ent_iob_}-{token.ent_type_}",
        f"l+1={_lemma(doc, i + 1)}",
        f"l-1={_lemma(doc, i - 1)}",
        f"l+w+1+w+2={lemma}|{_word(doc, i + 1)}|{_word(doc, i + 2)}",
        f"w-2+w-1={_word(doc, i - 2)}|{_word(doc, i - 1)}",
        f"sentend={i + 1 >= len(doc) or doc[i + 1].is_sent_start is True}",
    ]
    if token.is_punct:
        feats.append(f"punct={token.text}|{_tag(doc, i - 1)}|{quoted[i]}")
    return _printable(feats)


def _printable(feats: list[str]) -> list[str]:
    """Features with line breaks and other control characters replaced (one line each)."""
    return [
        f if f.isprintable() else "".join(c if c.isprintable() else "_" for c in f) for f in feats
    ]


def _lemma(doc: Doc, i: int) -> str:
    if i < 0 or i >= len(doc):
        return "-"
    return doc[i].lemma_.lower()


def cue_head(tokens: list[Token]) -> Token:
    """The syntactic head of a cue span: its first token whose head lies outside the span."""
    inside = {t.i for t in tokens}
    for token in tokens:
        if token.head.i not in inside or token.head.i == token.i:
            return token
    return tokens[0]


def _path(token: Token, head: Token) -> tuple[str, int]:
    """How ``token`` hangs from the cue head: the top relation below it, or up/over it."""
    chain: list[Token] = []
    current = token
    for _ in range(40):
        if current.i == head.i:
            top = chain[-1].dep_ if chain else "self"
            return f"down:{top}", len(chain)
        if current.head.i == current.i:
            break
        chain.append(current)
        current = current.head
    ancestors = []
    current = head
    for _ in range(40):
        ancestors.append(current)
        if current.head.i == current.i:
            break
        current = current.head
    ancestor_ids = [a.i for a in ancestors]
    current = token
    below: Token | None = None
    for _ in range(40):
        if current.i in ancestor_ids:
            up = ancestor_ids.index(current.i)
            rel = below.dep_ if below is not None else "anc"
            return f"up{min(up, 3)}:{head.dep_ if up == 1 else 'far'}:{rel}", up
        if current.head.i == current.i:
            break
        below = current
        current = current.head
    return "none", 99


def role_features(token: Token, cue: list[Token], quoted: list[bool]) -> list[str]:
    """Features for the role (Source, Content or none) of ``token`` relative to one cue."""
    head = cue_head(cue)
    path, depth = _path(token, head)
    first, last = cue[0].i, cue[-1].i
    side = "before" if token.i < first else "after"
    distance = first - token.i if side == "before" else token.i - last
    bucket = str(distance) if distance < 4 else ("near" if distance < 10 else "far")
    same_sent = token.sent.start == head.sent.start
    cue_lemma = head.lemma_.lower()
    feats = [
        f"p={path}",
        f"p+side={path}|{side}",
        f"p+t={path}|{token.tag_}",
        f"p+cl={path}|{cue_lemma}",
        f"depth={min(depth, 6)}",
        f"p+depth={path}|{min(depth, 6)}",
        f"side={side}",
        f"dist={side}|{bucket}",
        f"sent={same_sent}",
        f"t={token.tag_}",
        f"d={token.dep_}",
        f"w={token.lower_}" if token.is_punct or token.is_stop else f"t2={token.pos_}",
        f"q={quoted[token.i]}|{quoted[head.i]}",
        f"q+side={quoted[token.i]}|{side}",
        f"cl={cue_lemma}",
        f"ct={head.tag_}",
        f"cd={head.dep_}",
        f"q+p={quoted[token.i]}|{path}",
    ]
    # A cue without its own subject ("..., saying", "Kasich says ... and tells") takes the
    # subject of the verb it hangs from: the same path means more when the cue has none.
    own = _has_subject(head)
    feats += [
        f"own={own}|{path}",
        f"own+d={own}|{head.dep_}|{token.dep_}",
        f"agent={any(c.dep_ == 'agent' for c in head.children)}|{path}",
    ]
    if token.is_punct:
        feats.append(f"punct+p={token.lower_}|{path}|{side}")
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
    own = {t.i for t in cue}
    first, last = cue[0].i, cue[-1].i
    others = sorted(cue_ids - own)
    head = cue_head(cue)
    rows = []
    for i in window:
        token = doc[i]
        if i in own:
            rows.append(_printable(["cue=self", f"cue=self|{token.lower_}"]))
            continue
        if token.is_space:
            rows.append(["space"])
            continue
        feats = role_features(token, cue, quoted)
        side = "before" if i < first else "after"
        low, high = (i, first) if i < first else (last, i)
        between = any(low < k < high for k in others)
        offset = _sentence_offset(token, head)
        feats += [
            f"other={i in cue_ids}",
            f"between={between}",
            f"between+side={between}|{side}",
            f"sentoff={offset}",
            f"sentoff+q={offset}|{quoted[i]}",
            f"e={token.ent_iob_}-{token.ent_type_}",
            f"l+side={token.lemma_.lower()}|{side}",
            f"w-1={_word(doc, i - 1)}|{side}",
            f"w+1={_word(doc, i + 1)}|{side}",
            f"qmark={token.text in QUOTE_MARKS}|{quoted[i]}|{side}",
        ]
        rows.append(_printable(feats))
    return rows


QUOTE_MARKS = frozenset("\"“”‘’«»'")


def _sentence_offset(token: Token, head: Token) -> str:
    """Which sentence a token sits in relative to the cue's: 0, -1, +1 or far."""
    if token.sent.start == head.sent.start:
        return "0"
    if token.i < head.i:
        return "-1" if token.sent.end == head.sent.start else "-far"
    return "+1" if token.sent.start == head.sent.end else "+far"
