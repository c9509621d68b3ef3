"""Which way in time a mention points: the tense and modality of the verb that governs it.

"will vote on Thursday", "plans to open the bridge in June", "talks resume on Monday"
point forward; "voted on Thursday", "has opened", "was opened" point back. A reader
resolves a weekday or a month without a year by this direction.
"""

from __future__ import annotations

from typing import Literal

from spacy.tokens import Span, Token

from storytrace.text.calendar_words import MONTHS, WEEKDAYS

Direction = Literal["past", "future"]

# with the typographic apostrophe too: “We’ll be meeting on Friday”
_FUTURE_MODALS = {"will", "shall", "'ll", "\u2019ll", "wo", "would", "could", "may", "might",
                  "must", "should", "can", "ca", "'d", "\u2019d"}  # fmt: skip
_PLAN_LEMMAS = {
    "plan", "schedule", "expect", "intend", "aim", "hope", "prepare", "propose", "set", "due",
    "vow", "promise", "pledge", "seek", "want", "threaten", "agree", "decide", "go", "poise",
    "slate", "wish", "have",
}  # fmt: skip
_SCHEDULING = {"set", "schedule", "slate", "expect", "plan", "due", "time", "poise", "book",
               "reschedule", "postpone", "delay", "move", "push", "call", "hold"}  # fmt: skip
_PRESENT_TAGS = {"VBZ", "VBP"}
_PAST_TAGS = {"VBD", "VBN"}
_CLAUSE_DEPS = {"xcomp", "ccomp", "advcl", "relcl", "acl", "conj", "pcomp"}


def governing_verb(span: Span) -> Token | None:
    """The nearest verb above the span's root in the parse (None when there is none)."""
    token = span.root
    for _ in range(12):
        if token.pos_ in ("VERB", "AUX") and token.i not in range(span.start, span.end):
            return token
        if token.head.i == token.i:
            return token if token.pos_ in ("VERB", "AUX") else None
        token = token.head
    return None


def direction(span: Span) -> Direction | None:
    """ "future" when the governing verb is future, modal, planned or present; "past" when past.

    None when no verb governs the span (a date hanging off a noun phrase or a headline). A
    date that owns a noun ("Monday's debate") names that thing's day, not the verb's: a
    plain present or progressive verb over it ("is raising questions about Monday's debate")
    says nothing of its direction.
    """
    if _dates_a_planned_thing(span):
        return "future"
    return _direction_of(governing_verb(span), plain_present=not _owns_a_noun(span))


_PLANNED = {"planned", "upcoming", "scheduled", "expected", "proposed", "forthcoming",
            "coming", "impending", "future"}  # fmt: skip


def _dates_a_planned_thing(span: Span) -> bool:
    """The date of something still to come, whatever the verb ("noted a planned rally on
    Saturday", "the scheduled vote on Tuesday", "Thursday's upcoming debate")."""
    root = span.root
    if root.dep_ == "pobj" and root.head.dep_ == "prep":
        thing = root.head.head
    elif root.dep_ in ("poss", "compound", "npadvmod", "nmod"):
        thing = root.head
    else:
        return False
    return thing.pos_ in ("NOUN", "PROPN") and any(
        c.dep_ == "amod" and c.lower_ in _PLANNED for c in thing.children
    )


def sentence_direction(span: Span) -> Direction | None:
    """The direction of the main verb of the span's sentence: for a span no verb governs
    (the parse of "are scheduled to co-moderate the debate, Oct. 9" hangs it off a noun)."""
    root = span.sent.root
    if root.pos_ not in ("VERB", "AUX"):
        return None
    if root.tag_ in _PRESENT_TAGS and not any(c.dep_ == "xcomp" for c in root.children):
        return None  # "His speech on Monday is the latest": plain present says nothing
    return _direction_of(root, plain_present=not _owns_a_noun(span))


_AHEAD = {"for", "before", "ahead", "advance", "until", "till", "to", "toward", "towards"}


def _owns_a_noun(span: Span) -> bool:
    """ "Monday's debate", "the October report": the date owns or modifies a noun that no
    forward-looking preposition governs ("preparing for Monday's debate" looks ahead)."""
    # "the strong October report"; not a weekday ("on Monday afternoon" keeps its verb's)
    modifier = (
        span.root.dep_ in ("compound", "nmod", "amod")
        and span.root.head.pos_ in ("NOUN", "PROPN")
        and any(t.lower_.rstrip(".") in MONTHS for t in span)
        and not any(t.lower_ in WEEKDAYS for t in span)
    )
    owner = (
        span.root.dep_ == "poss"
        or (span.end < len(span.doc) and span.doc[span.end].tag_ == "POS")
        or modifier
    )
    # "an announcement in September", "the rally in June": a month that dates a noun
    # through a preposition is that thing's, not the verb's ("the only figure is an
    # announcement in September")
    of_a_thing = (
        span.root.dep_ == "pobj"
        and span.root.head.dep_ == "prep"
        and span.root.head.lower_ not in _AHEAD
        and span.root.head.head.pos_ == "NOUN"
        and any(t.lower_.rstrip(".") in MONTHS for t in span)
        and not any(t.lower_ in WEEKDAYS for t in span)
    )
    if of_a_thing:
        return True
    owned = span.root.head
    prep = owned.head if owned.dep_ == "pobj" else None
    if prep is not None and prep.lower_ == "of":
        prep = prep.head  # "ahead of", "in advance of"
    return owner and not (prep is not None and prep.lower_ in _AHEAD)


def _direction_of(verb: Token | None, plain_present: bool = True) -> Direction | None:
    """The direction of one verb, climbing through "plans to [open]", "is going to [vote]";
    a plain present or progressive points forward only when ``plain_present``."""
    climbed = False
    for _ in range(4):  # up through "plans to [open]", "is going to [vote]"
        if verb is None:
            return None
        aux = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
        if any(c.tag_ == "MD" and c.lower_ in _FUTURE_MODALS for c in aux):
            return "future"
        # "plans to", "is set to", "is going to"; a past one only for the date of what was
        # planned ("agreed to resume talks on Sunday"), not of the agreeing ("On Sunday,
        # they agreed to resume talks")
        if _plans(verb) and (climbed or verb.tag_ not in _PAST_TAGS):
            return "future"
        if verb.tag_ == "VB" and any(c.tag_ == "TO" for c in aux):
            parent = verb.head
            if (
                parent.i != verb.i
                and parent.pos_ in ("VERB", "AUX", "ADJ")
                and verb.dep_ in _CLAUSE_DEPS
            ):
                verb = parent
                climbed = True
                continue
            if parent.i == verb.i:
                return "future"  # a headline's "Obama, Biden to campaign in September"
            return None
        perfect = any(c.lower_ in ("has", "have", "had") for c in aux)
        if (
            verb.tag_ == "VBN"
            and not perfect
            and any(c.dep_ == "auxpass" and c.tag_ in _PRESENT_TAGS for c in aux)
        ):
            # "are set on Nov. 8", "is scheduled for Oct. 9": a present passive of
            # scheduling; "the April 5 killing is included" says nothing
            return "future" if verb.lemma_.lower() in _SCHEDULING else None
        if verb.tag_ in _PAST_TAGS or perfect or any(c.tag_ in _PAST_TAGS for c in aux):
            return "past"
        if plain_present and (
            verb.tag_ in _PRESENT_TAGS
            or (verb.tag_ == "VBG" and any(c.tag_ in _PRESENT_TAGS for c in aux))
        ):
            return "future"  # "the vote takes place on Thursday", "is meeting on Friday"
        return None
    return None


def _plans(verb: Token) -> bool:
    """A verb of planning with an infinitive under it ("plans to", "is going to")."""
    lemma = verb.lemma_.lower()
    if lemma not in _PLAN_LEMMAS or (lemma == "go" and verb.tag_ != "VBG"):
        return False
    return any(c.dep_ == "xcomp" for c in verb.children)
