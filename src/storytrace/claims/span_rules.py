"""Span rules applied to what the cue and role taggers label, each read off the parse.

:mod:`storytrace.claims.relations` runs them on every cue: a cue's end (:func:`dated_cue`),
a source run's boundaries (:func:`trim_source`, :func:`across_space`, :func:`whole_subject`,
:func:`cut_tail`, :func:`drop_participle`, :func:`drop_opening`, :func:`closing_comma`), a
source the tagger left inside the content (:func:`split_subject`, :func:`according_source`),
none for a raising verb (:func:`sourceless`) and the content of a cue that ends its line with
a colon (:func:`next_line_content`). Each was kept because it raised exact Source, Cue or Content
F1 on held-out folds of PolNeAR train (``bench/polnear_cv.py``), not chosen on dev.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from storytrace.claims.features import cue_head

_NOMINAL = frozenset({"NOUN", "PROPN", "PRON", "NUM"})
# Copular and raising verbs: their subject is what the content is about, never who speaks
# ("Clinton appeared ...", "The idea seems ...", "Voters were unhappy ...").
_COPULAR = frozenset({"be", "seem", "appear", "look", "sound", "become", "remain"})


def closing_comma(tokens: list[Token], cue: list[Token]) -> list[Token]:
    """A source before its cue, followed by a comma, as PolNeAR annotates it.

    The closing comma of an apposition belongs to the source ("Jeff Flake, Republican of
    Arizona, said": 92% of such sources in train), and a single name's comma does not
    ("Smith, who ..., said": 99%). After its cue the same holds: "said Jeff Flake,
    Republican of Arizona, adding ..." keeps its closing comma (66 of the 92 such sources of
    train gold), "said Smith, adding ..." never (369 of 369). Not for "according to X",
    whose X is read by :func:`according_phrase`. The rule after the cue, with CRFs fitted
    without the fold, on train folds 0 / 1 / 2 held out: exact Source F1 +0.0017 / +0.0009 /
    -0.0004 (dev +0.0006).
    """
    if not tokens:
        return tokens
    core = tokens[:-1] if tokens[-1].text == "," else tokens
    if not core:
        return tokens
    after = core[-1].i + 1
    doc = core[0].doc
    if tokens[-1].i > cue[-1].i:
        if [t.lower_ for t in cue] == ["according", "to"]:
            return tokens
        after = _next_word(doc, core[-1].i)
    elif tokens[-1].i >= cue[0].i or after >= cue[0].i:
        return tokens
    if after >= len(doc) or doc[after].text != ",":
        return tokens
    return [*core, doc[after]] if any(t.text == "," for t in core) else core


def _next_word(doc: Doc, i: int) -> int:
    """The index of the first token after ``i`` that is not whitespace within the line."""
    i += 1
    while i < len(doc) and doc[i].is_space and "\n" not in doc[i].text:
        i += 1
    return i


def dated_cue(cue: list[Token]) -> list[Token]:
    """A cue with the day name that follows it and modifies its verb ("revealed Tuesday").

    PolNeAR train gold is split on such days (with "say" in 37 times, out 32; with other
    verbs about 35 in, 16 out); the cue tagger leaves most of them out. Held out on train folds
    1-4 -> 0 and 0,2-4 -> 1: exact Cue F1 +0.0024 and +0.0010 (CRF alone); with the cue
    network fitted on the same folds beside it, +0.0016 and +0.0013.
    """
    doc = cue[0].doc
    after = cue[-1].i + 1
    while after < len(doc) and doc[after].is_space and "\n" not in doc[after].text:
        after += 1
    if after >= len(doc):
        return cue
    day = doc[after]
    if day.dep_ == "npadvmod" and day.tag_ == "NNP" and any(t.i == day.head.i for t in cue):
        return [*cue, day]
    return cue


def trim_source(tokens: list[Token]) -> list[Token]:
    """A source run that starts where its noun phrase starts.

    The tagger sometimes runs a source into what precedes it ("How Paul Ryan", "All of a
    sudden, black voters", a timestamp before a name), or stops short of it ("Mike Pence"
    of "Republican vice-presidential nominee Mike Pence"). The head is the last nominal of
    the run whose own head lies outside it; the run then starts at the first word before the
    head from which the head's subtree is unbroken, tagged or not. A phrase the parse split
    into words hanging side by side from the verb ("His", "ex", "-", "wife", each a subject)
    counts as one subtree. Words after the head (appositions, "who" clauses, a closing
    comma) are left as tagged. On train folds 1-4 -> 0: exact Source F1 +0.001.
    """
    if not tokens:
        return tokens
    ids = {t.i for t in tokens}
    heads = [t for t in tokens if t.pos_ in _NOMINAL and (t.head.i not in ids or t.head.i == t.i)]
    if not heads:
        return tokens
    head = heads[-1]
    doc = head.doc
    governed = {t.i for t in head.subtree}
    for token in tokens:
        if token.head.i == head.head.i and token.dep_ == head.dep_ and token.head.i not in ids:
            governed.update(t.i for t in token.subtree)
    start = head.i
    while True:
        before = start - 1  # the word before, over whitespace within the line ("A\xa0poll")
        while before >= 0 and doc[before].is_space and "\n" not in doc[before].text:
            before -= 1
        if before not in governed:
            break
        start = before
    first = min(ids)
    added = [doc[i] for i in range(start, first) if not doc[i].is_space]
    return added + [t for t in tokens if t.i >= start]


def across_space(tokens: list[Token]) -> list[Token]:
    """A source run that stops at a no-break or second space inside its own phrase, carried
    on over it to the phrase's end ("Sens.\xa0John McCain (Ariz.)", "available\xa0from the
    FBI": the role tagger labels few words after a whitespace token). Only when every word
    from the space to the end of the phrase belongs to it. On train folds 1-4 -> 0 and
    0,2-4 -> 1: exact Source F1 +0.0003 and +0.0009.
    """
    if not tokens:
        return tokens
    doc = tokens[0].doc
    after = tokens[-1].i + 1
    if after >= len(doc) or not doc[after].is_space or "\n" in doc[after].text:
        return tokens
    while after < len(doc) and doc[after].is_space and "\n" not in doc[after].text:
        after += 1
    if after >= len(doc):
        return tokens
    ids = {t.i for t in tokens}
    for top in (t for t in tokens if t.head.i not in ids or t.head.i == t.i):
        phrase = {t.i for t in top.subtree}
        if after not in phrase:
            continue
        rest = [doc[k] for k in range(after, max(phrase) + 1)]
        if all(t.i in phrase or t.is_space for t in rest):
            return tokens + [t for t in rest if not t.is_space]
    return tokens


def whole_subject(tokens: list[Token], cue: list[Token], taken: set[int]) -> list[Token]:
    """A source run that stops inside the subject of its cue's verb, carried on to the
    subject's end ("Richard Curtin, the chief economist for the Michigan Survey" of "...
    Survey of Consumers said", "a woman in Worcester" of "a woman in Worcester,
    Massachusetts, told", "said Hayati Camlica, who owns a ... shop" and what the clause
    goes on to say). The role tagger often stops short of a long apposition or at an inner
    comma; PolNeAR marks the whole phrase.

    The same for a run that ends where a subject before the cue ends but starts inside it
    ("Mariam Emara" of "Another friend, Mariam Emara, told", "Mr. Trump" of "Officials close
    to Mr. Trump said"): PolNeAR marks the whole subject (exact Source F1 held out, folds
    0 / 1 / 2: +0.0001 / +0.0016 / +0.0016; dev +0.0016).

    Only when the run starts (or, before the cue, ends) where the subject does, the subject
    is one unbroken run before or after the cue (not across it), it holds no word labelled
    content or cue (``taken``), and what it would add opens no relative clause (train gold
    splits evenly on "who ..." clauses). A participle clause the subject closes with is then
    dropped by :func:`drop_participle`, as for any source. For the second of two joined
    verbs, the first verb's subject; after its cue, without a closing comma (gold leaves out
    396 of the 466 commas that follow a source there; :func:`closing_comma` puts back an
    apposition's). With CRFs fitted without the fold, on train folds 0, 1 and 2 held out:
    exact Source F1 +0.0039, +0.0020 and +0.0004.
    """
    if not tokens:
        return tokens
    head = cue_head(cue)
    subjects = [t for t in head.children if t.dep_ == "nsubj"]
    if not subjects and head.dep_ == "conj":
        subjects = [t for t in head.head.children if t.dep_ == "nsubj"]
    if not subjects:
        return tokens
    phrase = [t for t in subjects[0].subtree if not t.is_space]
    ids, whole = {t.i for t in tokens}, {t.i for t in phrase}
    if not ids < whole or whole & taken:
        return tokens
    if phrase[0].i != tokens[0].i and not _ends_with(phrase, tokens, cue):
        return tokens
    if phrase[0].i < cue[0].i < phrase[-1].i:
        return tokens
    doc = cue[0].doc
    if any(not doc[k].is_space and k not in whole for k in range(phrase[0].i, phrase[-1].i)):
        return tokens  # the subtree has a gap: not one phrase of the text
    if any(t.dep_ == "relcl" for t in phrase if t.i > max(ids)):
        return tokens
    while phrase[-1].i > cue[0].i and phrase[-1].text == "," and len(phrase) > len(tokens):
        phrase = phrase[:-1]
    return phrase


def _ends_with(phrase: list[Token], tokens: list[Token], cue: list[Token]) -> bool:
    """Whether a run ends where a phrase before the cue ends (a closing comma aside)."""

    def last(run: list[Token]) -> int:
        words = [t for t in run if t.text != ","]
        return words[-1].i if words else -1

    return last(phrase) == last(tokens) >= 0 and phrase[-1].i < cue[0].i


_VERB_MODIFIERS = frozenset({"prep", "npadvmod", "advmod", "advcl"})


def cut_tail(tokens: list[Token]) -> list[Token]:
    """A source run without the words after its name that modify the verb instead ("Trump on
    Tuesday said", "Arturo Vargas, the head of ..., at its recent annual convention").

    The words cut are the tail whose phrase hangs from outside the run (a preposition, time
    noun, adverb or clause of the cue's verb) after the run's last nominal phrase. On train
    folds 1-4 -> 0 and 0,2-4 -> 1: exact Source F1 +0.0009 and +0.0000.
    """
    if len(tokens) < 2:
        return tokens
    ids = {t.i for t in tokens}

    def phrase_of(token: Token) -> Token:
        """The token of the run whose head lies outside it, above ``token``."""
        for _ in range(len(tokens)):
            if token.head.i not in ids or token.head.i == token.i:
                break
            token = token.head
        return token

    tops = {t.i: phrase_of(t) for t in tokens}
    names = [top.i for top in tops.values() if top.pos_ in _NOMINAL]
    if not names:
        return tokens
    last = max(names)
    cut = {i for i, top in tops.items() if top.i > last and top.dep_ in _VERB_MODIFIERS}
    kept = [t for t in tokens if t.i not in cut]
    if not cut or not kept or min(cut) < kept[-1].i:
        return tokens  # only a tail is cut
    return kept


def drop_participle(tokens: list[Token]) -> list[Token]:
    """A source run without a participle clause that closes it after a comma ("Nate Cohn,
    writing in The New York Times,": PolNeAR train gold leaves 76 of 93 such clauses of a
    source out). On train folds 1-4 -> 0 and 0,2-4 -> 1: exact Source F1 +0.0003 and
    +0.0006.
    """
    ids = {t.i for t in tokens}
    for k in range(1, len(tokens) - 1):
        clause = tokens[k + 1]
        if tokens[k].text != "," or clause.dep_ != "acl" or clause.tag_ not in {"VBG", "VBN"}:
            continue
        inside = {t.i for t in clause.subtree}
        after = [t for t in tokens[k + 1 :] if t.i not in inside and not t.is_punct]
        if clause.head.i in ids and not after:
            return tokens[:k]
    return tokens


# Words a tagged source may open with that PolNeAR leaves out: a focusing "even" ("even
# some of his admirers said"; on held-out train folds, dropping it made 8 predicted sources
# exact and broke 1) and a relative word before the phrase ("which they", "who many").
_OPENERS = frozenset({"even"})
_RELATIVES = frozenset({"WP", "WDT", "WRB"})


def drop_opening(tokens: list[Token]) -> list[Token]:
    """A source without the punctuation it opens with (a quotation mark or dash the tagger
    ran into: '" Vann R. Newkirk II, a writer for The Atlantic,'), a focusing "even" or a
    relative word that the rest of the run follows ("who many in the party").

    On train folds 1-4 -> 0 and 0,2-4 -> 1: exact Source F1 +0.0012 and +0.0009 (the
    relative words: +0.0003 and +0.0009 more).
    """
    while len(tokens) > 1 and (
        tokens[0].is_punct
        or tokens[0].tag_ in _RELATIVES
        or (tokens[0].lower_ in _OPENERS and tokens[0].dep_ == "advmod")
    ):
        tokens = tokens[1:]
    return tokens


# Raising verbs as cues ("Sanders seemed to concede", "who appeared rattled"): PolNeAR marks
# no source span for 185 of the 228 such cues in train gold.
_RAISING = frozenset({"seem", "appear"})


def sourceless(cue: list[Token]) -> bool:
    """Whether a cue takes no source span: its head is a raising verb ("seem", "appear").
    On train folds 1-4 -> 0 and 0,2-4 -> 1: exact Source F1 +0.0006 and +0.0006."""
    return cue_head(cue).lemma_.lower() in _RAISING


def split_subject(
    cue: list[Token], content: list[Token], cue_ids: set[int]
) -> tuple[list[Token], list[Token]]:
    """A source the tagger labelled as content: the subject of the cue's verb.

    For a cue given no source ("Cruz called ..." read whole as the content), when the
    content takes in the subject of the cue's verb (or, for the second of two joined verbs,
    of the first) and the subject lies before the cue, the subject becomes the source and
    leaves the content with what lies between it and the cue. Not for copular or raising
    verbs, whose subject is what the content is about. Returns ``(source, content)``: no
    source and the content unchanged when the rule does not apply. On train folds 1-4 -> 0:
    exact Source F1 +0.004 (33 of the 53 sources it gave on the held-out fold were gold).
    """
    head = cue_head(cue)
    if head.pos_ not in {"VERB", "AUX"} or head.lemma_.lower() in _COPULAR:
        return [], content
    subjects = [t for t in head.children if t.dep_ == "nsubj"]
    if not subjects and head.dep_ == "conj":
        subjects = [t for t in head.head.children if t.dep_ == "nsubj"]
    if not subjects:
        return [], content
    phrase = [t for t in subjects[0].subtree if not t.is_space]
    if not phrase or phrase[-1].i >= cue[0].i or any(t.i in cue_ids for t in phrase):
        return [], content
    ids = {t.i for t in content}
    if not any(t.i in ids for t in phrase):
        return [], content
    rest = [t for t in content if not phrase[0].i <= t.i < cue[0].i]
    if all(t.is_punct for t in rest):
        return [], content
    return closing_comma(phrase, cue), rest


def according_phrase(cue: list[Token]) -> list[Token]:
    """The X of an "according to X" cue: the phrase "to" governs (its object, or a clause the
    parse made of it: "according to show insiders"), without a closing comma."""
    if [t.lower_ for t in cue] != ["according", "to"]:
        return []
    objects = [t for t in cue[-1].children if t.dep_ in {"pobj", "pcomp"}]
    phrase = [t for t in objects[0].subtree if not t.is_space] if objects else []
    while phrase and phrase[-1].text == ",":
        phrase.pop()
    return phrase


def according_source(
    cue: list[Token], content: list[Token], cue_ids: set[int]
) -> tuple[list[Token], list[Token]]:
    """The source of "according to X" that the tagger labelled as content ("Clinton plans to
    visit Charlotte on Sunday, according to a campaign aide." read whole as the content): X
    becomes the source and leaves the content. Returns ``(source, content)``: no source and
    the content unchanged when X is not in the content or holds a cue. On train folds 1-4 ->
    0 and 0,2-4 -> 1 (with the parse's "pcomp" reading of X in :func:`according_phrase`):
    exact Source F1 +0.0015 and +0.0003.
    """
    phrase = according_phrase(cue)
    if not phrase or any(t.i in cue_ids for t in phrase):
        return [], content
    ids = {t.i for t in phrase}
    if not any(t.i in ids for t in content):
        return [], content
    rest = [t for t in content if t.i not in ids]
    if all(t.is_punct for t in rest):
        return [], content
    return phrase, rest


def next_line_content(cue: list[Token], quoted: list[bool]) -> list[Token]:
    """The content of a cue that ends its line with a colon ("Limbaugh added:"): the next
    line, or only the quotation that opens it, up to its closing mark (a quotation never
    runs past its paragraph: :func:`~storytrace.claims.quotes.find_quotes`).

    The role tagger reads no further than the cue's line, so such a cue had no content and
    was dropped. PolNeAR train: of the 27 gold cues that end a line with a colon, 23 have
    content starting on the next line (16 exactly that line). Nothing for any other cue.
    """
    doc = cue[0].doc
    last = cue[-1]
    if last.text != ":":
        return []
    i = last.i + 1
    while i < len(doc) and doc[i].is_space and "\n" not in doc[i].text:
        i += 1
    if i >= len(doc) or not doc[i].is_space:
        return []  # the line goes on after the colon (or the text ends)
    while i < len(doc) and doc[i].is_space:
        i += 1
    found: list[Token] = []
    in_quote = i < len(doc) and quoted[i]
    while i < len(doc) and (quoted[i] if in_quote else "\n" not in doc[i].text):
        if not doc[i].is_space:
            found.append(doc[i])
        i += 1
    return found


def chain_subject(verb: Token) -> list[Token]:
    """The subject of the first of several joined verbs, for a later one that has none of its
    own ("Mr. Trump was forced into damage control and said ...", "they reversed
    themselves, rushed everyone inside and said ..."): the whole phrase, before the verb and
    without a closing comma. Nothing for a verb that has a subject, is no verb, or is copular
    or raising, nor when the first verb has no subject.

    In PolNeAR train gold, this phrase is exactly the source of 323 of the 528 cues it reads
    one for (none for 31). As the source of a cue the tagger gave none, with CRFs fitted
    without the fold, on train folds 0 / 1 / 2 held out: exact Source F1 +0.0014 / +0.0002 /
    +0.0005 (dev -0.0001).
    """
    if verb.pos_ not in {"VERB", "AUX"} or verb.lemma_.lower() in _COPULAR:
        return []
    if any(t.dep_ in {"nsubj", "nsubjpass", "expl"} for t in verb.children):
        return []
    first = verb
    while first.dep_ == "conj" and first.head.i != first.i:
        first = first.head
    if first.i == verb.i:
        return []
    return _subject_before(first, verb)


def drop_cued_relative(tokens: list[Token], cue_ids: set[int]) -> list[Token]:
    """A source without the relative clause closing it when that clause holds another cue
    ("Mrs. Lee, who told reporters the vote was rigged, said ...": the source is "Mrs.
    Lee"). PolNeAR gives each word one attribution at most: in train gold, a source's
    relative clause holding a cue is left out 175 times of 175. With CRFs fitted without the
    fold, on train folds 0 / 1 / 2 held out: exact Source F1 +0.0003 / -0.0003 / +0.0013
    (dev flat).
    (One without a cue is taken in 436 times of 576, but letting :func:`whole_subject` add
    such clauses gained +0.0010 on both folds and lost 0.0006 on dev: not done.)
    """
    if not tokens or not cue_ids:
        return tokens
    ids = {t.i for t in tokens}
    for token in tokens:
        if token.dep_ != "relcl" or token.head.i not in ids:
            continue
        clause = {t.i for t in token.subtree}
        if not clause & cue_ids:
            continue
        start = min(clause)
        kept = [t for t in tokens if t.i < start]
        while kept and kept[-1].is_punct:
            kept.pop()
        after = [t for t in tokens if t.i > max(clause) and not t.is_punct]
        if kept and not after:
            return kept
    return tokens


_CLIMB = frozenset({"conj", "advcl", "pcomp", "prep", "xcomp"})


def participle_subject(verb: Token) -> list[Token]:
    """The subject of the clause a participle cue hangs from, through joined participles,
    clauses and prepositions ("Cruz opened by dismissing them as a cartel, calling McConnell
    a liar" -> "Cruz" for "calling"): the whole phrase, before the cue, without a closing
    comma. Nothing when the climb meets a main, relative or complement clause first. As the
    source of a participle cue the tagger gave none (after the other fallbacks), with CRFs
    fitted without the fold, on train folds 0, 1 and 2 held out: exact Source F1 +0.0000,
    +0.0002 and +0.0004 (dev +0.0001).
    """
    token = verb
    for _ in range(5):
        if token.dep_ not in _CLIMB or token.head.i == token.i:
            return []
        token = token.head
        if token.pos_ in {"VERB", "AUX"} and _subjects(token):
            return _subject_before(token, verb)
    return []


def _subjects(verb: Token) -> list[Token]:
    return [t for t in verb.children if t.dep_ in {"nsubj", "nsubjpass"}]


def _subject_before(clause: Token, cue: Token) -> list[Token]:
    """The whole subject phrase of ``clause`` without a closing comma, when it stands before
    ``cue``; nothing when the clause has no subject."""
    subjects = _subjects(clause)
    if not subjects:
        return []
    phrase = [t for t in subjects[0].subtree if not t.is_space]
    while phrase and phrase[-1].text == ",":
        phrase.pop()
    return phrase if phrase and phrase[-1].i < cue.i else []
