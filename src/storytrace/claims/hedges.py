"""Certainty of a sentence, in the spirit of FactBank: asserted, hedged, unconfirmed, denied."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from spacy.tokens import Span, Token

from storytrace.claims.features import token_view
from storytrace.records import Certainty

_HEDGES = (
    "reportedly", "allegedly", "apparently", "purportedly", "supposedly", "possibly",
    "probably", "presumably", "perhaps", "likely", "so-called", "rumoured", "rumored",
    "it was claimed", "it is claimed", "is said to", "are said to", "was said to",
    "were said to", "is believed to", "are believed to", "is thought to", "are thought to",
    "appears to", "appear to", "appeared to", "seems to", "seem to", "may have", "might have",
    "could have", "is understood to", "are understood to", "according to unconfirmed",
    # a speaker's own belief, not an assertion ("I think Holt will be fair," Trump said)
    "i think", "i believe", "we think", "we believe", "i suspect", "we suspect", "i guess",
    "i do think", "i do believe", "we do think", "we do believe",
    "in my view", "in my opinion", "in our view", "in our opinion",
)  # fmt: skip
_UNCONFIRMED = (
    "cannot be independently verified", "could not be independently verified",
    "can not be independently verified", "cannot be verified", "could not be verified",
    "can't be verified", "has yet to be confirmed", "have yet to be confirmed",
    "has not been confirmed", "have not been confirmed", "has not been verified",
    "have not been verified", "could not be confirmed", "cannot be confirmed",
    "could not independently confirm", "could not independently verify",
    "were unable to verify", "was unable to verify", "not independently verified",
    "unverified", "unconfirmed", "yet to be verified", "has not been independently confirmed",
    "could not be verified as genuine", "could not be independently confirmed",
    "cannot be independently confirmed", "have not been independently confirmed",
    "has not been independently verified", "have not been independently verified",
    "could not immediately be verified", "could not immediately be confirmed",
    "could not immediately verify", "could not immediately confirm",
    "could not verify", "could not confirm", "was not able to verify", "were not able to verify",
    "not possible to verify", "not possible to independently verify", "impossible to verify",
    "impossible to independently verify", "no way to verify", "no way of verifying",
)  # fmt: skip
_MODALS = {"may", "might"}
_DENY_LEMMAS = {"deny", "refute"}
_REJECT_LEMMAS = {"dismiss", "reject", "dispute"}  # deny only when they take a claim as object
_CLAIM_NOUNS = {"claim", "report", "allegation", "accusation", "suggestion", "charge", "account",
                "story", "rumour", "rumor", "assertion", "idea", "notion"}  # fmt: skip
_DENY_PHRASES = ("is not true", "was not true", "are not true", "were not true", "is false",
                 "was false", "are false", "were false", "is untrue", "was untrue", "are untrue",
                 "were untrue", "categorically denied", "is a lie", "was a lie", "are lies",
                 "were lies", "is baseless", "was baseless", "are baseless", "were baseless",
                 "is groundless", "are groundless", "is a fabrication", "are fabrications",
                 "never happened", "did not happen", "didn't happen", "no evidence that",
                 "no evidence of", "no evidence to suggest", "no proof that")  # fmt: skip
# verbs that deny when they call a claim false: "branded the reports fake news", "called the
# claims baseless", "dismissed as nonsense reports that ..."
_LABEL_LEMMAS = {"call", "brand", "label", "term", "describe", "denounce"}
_FALSITY = {"false", "untrue", "fake", "baseless", "groundless", "fabrication", "fabricate",
            "lie", "nonsense", "fiction", "propaganda", "disinformation", "misinformation",
            "rubbish", "hoax", "invention", "invent", "absurd", "unfounded", "bogus",
            "provocation", "fantasy", "slander"}  # fmt: skip


@functools.cache
def _pattern(phrases: tuple[str, ...]) -> re.Pattern[str]:
    """One alternation for a cue list, longest phrase first, on word boundaries."""
    ordered = sorted(phrases, key=len, reverse=True)
    return re.compile(r"(?<![\w-])(" + "|".join(map(re.escape, ordered)) + r")(?![\w-])")


def assess_certainty(sent: Span, *, text: str | None = None) -> tuple[Certainty, tuple[str, ...]]:
    """The certainty of one sentence and the cue words that set it (strongest wins).

    ``text`` is ``sent.text``, when the caller has it already.
    """
    cues = certainty_cues(sent, text=text)
    words = tuple(dict.fromkeys(cue.text for cue in sorted(cues, key=_strength)))
    for certainty in ("denied", "unconfirmed", "hedged"):
        if any(cue.certainty == certainty for cue in cues):
            return certainty, words
    return "asserted", words


def _strength(cue: CertaintyCue) -> int:
    return ("denied", "unconfirmed", "hedged").index(cue.certainty)


@dataclass(frozen=True)
class CertaintyCue:
    """One certainty cue in a sentence: its words, what it signals, and what it scopes over."""

    text: str
    certainty: Certainty
    span: tuple[int, int]  # character offsets of the cue words
    scope: tuple[int, int]  # character offsets of the clause or phrase the cue qualifies


def _scope(anchor: Token) -> tuple[int, int]:
    """The clause a cue qualifies: the subject of "cannot be verified", else the verb's clause.

    "While the report cannot be independently verified, ..." scopes over "the report";
    "They reportedly staged a mutiny" and "may have left" over their verb's clause.
    """
    verb = anchor
    for _ in range(4):
        if verb.pos_ in ("VERB", "AUX") and verb.dep_ not in ("aux", "auxpass"):
            break
        if verb.head.i == verb.i:
            break
        verb = verb.head
    if verb.lemma_.lower() in _DENY_LEMMAS | _REJECT_LEMMAS | _LABEL_LEMMAS:
        said = [c for c in verb.children if c.dep_ in ("ccomp", "dobj")]
        verb = said[0] if said else verb  # what is denied, not the denier
        tokens = list(verb.subtree)
        return tokens[0].idx, tokens[-1].idx + len(tokens[-1])
    subjects = [c for c in verb.children if c.dep_ in ("nsubjpass", "nsubj")]
    passive = any(c.dep_ == "auxpass" for c in verb.children)
    if passive and subjects and verb.lemma_.lower() in ("verify", "confirm", "corroborate"):
        tokens = list(subjects[0].subtree)
    else:
        tokens = [t for t in verb.subtree if t.dep_ not in ("advcl",) or t.i == verb.i]
        tokens = tokens if tokens else list(verb.subtree)
    start, end = min(t.i for t in tokens), max(t.i for t in tokens)
    doc = verb.doc
    return doc[start].idx, doc[end].idx + len(doc[end])


def certainty_cues(sent: Span, *, text: str | None = None) -> list[CertaintyCue]:
    """Every hedge, unconfirmed and denial cue of a sentence with its scope, in text order.

    ``text`` is ``sent.text``, when the caller has it already.
    """
    lowered = (sent.text if text is None else text).lower()
    found: list[CertaintyCue] = []
    taken: list[tuple[int, int]] = []
    lists: tuple[tuple[Certainty, tuple[str, ...]], ...] = (
        ("denied", _DENY_PHRASES),
        ("unconfirmed", _UNCONFIRMED),
        ("hedged", _HEDGES),
    )
    for certainty, phrases in lists:
        if not any(phrase in lowered for phrase in phrases):
            continue  # no cue of the list: skip the slower word-boundary search
        for match in _pattern(phrases).finditer(lowered):
            start, end = sent.start_char + match.start(), sent.start_char + match.end()
            if any(a < end and start < b for a, b in taken):
                continue
            anchor = sent.char_span(match.start(), match.end(), alignment_mode="expand")
            scope = _scope(anchor.root) if anchor is not None else (start, end)
            found.append(CertaintyCue(match.group(), certainty, (start, end), scope))
            taken.append((start, end))
    view = token_view(sent.doc)  # only a possible cue word becomes a ``Token``
    lemmas, lowers, tags = view.lemmas, view.lowers, view.tags
    for i in range(sent.start, sent.end):
        if (
            lemmas[i] not in _DENY_LEMMAS
            and lemmas[i] not in _REJECT_LEMMAS
            and lemmas[i] not in _LABEL_LEMMAS
            and not (lowers[i] in _MODALS and tags[i] == "MD")
        ):
            continue  # neither a denial (its lemma is none of those) nor a modal
        token = sent.doc[i]
        denial = _denial(token)
        if not denial and not (token.lower_ in _MODALS and token.tag_ == "MD"):
            continue
        span = (token.idx, token.idx + len(token))
        if not any(a < span[1] and span[0] < b for a, b in taken):
            kind: Certainty = "denied" if denial else "hedged"
            found.append(CertaintyCue(token.text, kind, span, _scope(token)))
    for token in _conditions(sent):
        span = (token.idx, token.idx + len(token))
        if not any(a < span[1] and span[0] < b for a, b in taken):
            found.append(CertaintyCue(token.lower_, "hedged", span, _scope(token.head)))
    return sorted(found, key=lambda cue: cue.span)


# what a sentence can call unverified when it speaks of what went before: "The claim could
# not be verified.", "Reuters could not independently verify the figures."
_ACCOUNT_NOUNS = _CLAIM_NOUNS | {
    "figure", "number", "toll", "information", "statement", "video", "footage", "image",
    "photo", "picture", "detail", "tally", "estimate", "death", "casualty",
}  # fmt: skip
_POINTING = {"the", "this", "that", "these", "those", "neither", "both", "either", "such",
             "their", "his", "her", "its"}  # fmt: skip
_POINTING_PRONOUNS = {"this", "that", "it", "these", "those", "they"}
_PLURAL_POINTING = {"these", "those", "they", "both", "neither", "either"}
_CHECKING = {"verify", "confirm", "corroborate", "unverified", "unconfirmed"}


def doubts_what_went_before(sent: Span, *, text: str | None = None) -> tuple[str, bool] | None:
    """The cue of a sentence that calls the account before it unverified, and whether it
    speaks of more than one sentence: "The claim could not be verified." ("the claim"),
    "These claims could not be independently confirmed." (several), "Reuters could not
    verify the figures." A sentence that says itself what is unverified ("Russia's claim that ...
    could not be verified") points at nothing before it."""
    for cue in certainty_cues(sent, text=text):
        if cue.certainty != "unconfirmed":
            continue
        anchor = sent.doc.char_span(*cue.span, alignment_mode="expand")
        if anchor is None:
            continue
        checking = [t for t in anchor if t.lemma_.lower() in _CHECKING] or [anchor.root]
        verb = main = checking[-1]
        while main.dep_ in ("xcomp", "acomp") and main.head is not main:
            main = main.head  # "was unable to verify", "remains unconfirmed"
        if main.dep_ != "ROOT":
            continue  # "While the report cannot be verified, ...", "..., but this has yet to be"
        for token in (verb, verb.head, main):
            for child in token.children:
                if child.dep_ in ("nsubjpass", "dobj", "nsubj") and _points_back(child):
                    plural = child.lower_ in _PLURAL_POINTING or child.tag_ in ("NNS", "NNPS")
                    plural = plural or any(d.lower_ in _PLURAL_POINTING for d in child.children)
                    return cue.text, plural
    return None


def _points_back(noun: Token) -> bool:
    """A noun phrase that stands for an account told before: "this", "the report", "these
    figures", never one that says what it is ("the claim that ...", "the figures we saw")."""
    for child in noun.children:
        said = child.dep_ == "acl" and any(
            c.dep_ in ("mark", "nsubj", "nsubjpass") for c in child.children
        )
        if said or child.dep_ in ("relcl", "ccomp"):
            return False
    if noun.pos_ == "PRON":
        return noun.lower_ in _POINTING_PRONOUNS
    determiners = [c.lower_ for c in noun.children if c.dep_ in ("det", "predet", "poss")]
    return noun.lemma_.lower() in _ACCOUNT_NOUNS and bool(_POINTING.intersection(determiners))


_CONDITION_MARKS = {"if", "unless"}
_INVERTED = {"were", "had", "should"}  # "Were the court to ..., it would ..."
#: The cue words of a condition (:func:`certainty_cues` gives them lowercased).
CONDITION_CUES = frozenset(_CONDITION_MARKS | _INVERTED)
# what the main clause of a sentence is reached through from a clause it holds; not a
# joined clause: "holds $2 billion abroad and would owe taxes if ..." asserts its first half
_MAIN_PATH = {"ccomp", "parataxis", "xcomp"}


def _conditions(sent: Span) -> list[Token]:
    """The words that make a sentence's main claim conditional: an "if" or "unless" whose
    clause qualifies the main clause or the clause a speaker is quoted saying ("If it were
    just the two of them, Lee would win," Park said), or an opening "Were"/"Had"/"Should"
    before a "would" ("Had the vote been held, it would have failed"). Not "even if" or "as
    if" (the claim stands), nor an "if" inside a clause that only describes something (laws
    "that prohibit lawyers from representing cases if ...")."""
    view = token_view(sent.doc)
    lowers = view.lowers
    marks = [i for i in range(sent.start, sent.end) if lowers[i] in _CONDITION_MARKS]
    words = [i for i in range(sent.start, sent.end) if not sent.doc[i].is_punct]
    found: list[Token] = []
    if words and lowers[words[0]] in _INVERTED and "would" in lowers[sent.start : sent.end]:
        first = sent.doc[words[0]]
        if first.pos_ == "AUX" and first.dep_ in ("advcl", "aux", "ccomp"):
            found.append(first)
    for i in marks:
        token = sent.doc[i]
        clause = token.head
        before = sent.doc[i - 1].lower_ if i > sent.start else ""
        if token.dep_ != "mark" or clause.dep_ != "advcl" or before in ("even", "as"):
            continue
        if _main_clause(clause.head) and _unreal(clause.head, clause):
            found.append(token)
    return found


_UNREAL_CLAUSE = {"were", "had", "'d", "\u2019d"}  # "if it were ...", "if he had ..."


def _unreal(main: Token, clause: Token) -> bool:
    """Whether a condition leaves its main clause open: the main clause says what would,
    will, could or might be ("Lee would win", "going to be disruptive"), or the condition is
    contrary to fact ("if it were"). A rule stated in the present ("The rules bar lawyers
    from cases if they worked on them") is asserted as it stands."""
    verbs = [main, *(c for c in main.children if c.dep_ == "xcomp")]
    above = main
    while above.dep_ in _MAIN_PATH and above.head.i != above.i:
        above = above.head  # "he would try ... [he is unable] if he is asked"
        verbs.append(above)
    if any(c.tag_ == "MD" for v in verbs for c in v.children if c.dep_ in ("aux", "auxpass")):
        return True
    if main.lower_ == "going" and any(c.dep_ == "xcomp" for c in main.children):
        return True
    return any(c.lower_ in _UNREAL_CLAUSE for c in (clause, *clause.children))


def _main_clause(token: Token) -> bool:
    """Whether a clause head is the sentence's main clause, or reached from it only through
    reported clauses."""
    while token.dep_ != "ROOT":
        if token.dep_ not in _MAIN_PATH or token.head.i == token.i:
            return False
        token = token.head
    return True


def _denial(token: Token) -> bool:
    """ "denied", "refuted"; "dismissed" or "rejected" only with a claim as object; never a
    participle that only describes a noun ("the now-denied Keystone XL pipeline"), nor a
    verb in a clause that only describes something ("a bill that would have allowed
    officials to deny services"): such a sentence denies nothing it states."""
    lemma = token.lemma_.lower()
    if lemma not in _DENY_LEMMAS and lemma not in _REJECT_LEMMAS and lemma not in _LABEL_LEMMAS:
        return False
    # a finite verb the small model hangs on a noun ("The commander, Ivan Orlov, rejected
    # as untrue claims ...") still states what it says
    finite = token.tag_ == "VBD" and token.dep_ == "acl"
    if _describing(token) and not finite:
        return False
    if lemma in _DENY_LEMMAS:
        return token.pos_ == "VERB"
    if lemma in _REJECT_LEMMAS and any(
        c.dep_ == "dobj" and c.lemma_.lower() in _CLAIM_NOUNS for c in token.children
    ):
        return True
    return token.pos_ == "VERB" and _calls_a_claim_false(token)


_OBJECT_REACH = 5  # words after the verb in which the claim it calls false must stand


def _calls_a_claim_false(verb: Token) -> bool:
    """Whether a verb calls a claim false, read on the words (the small model's parse of
    such sentences is unreliable): a claim noun within a few words after the verb, and a
    word of falsity after the verb in its sentence: "branded the reports ... 'fake news'",
    "called the claims baseless", "rejected as untrue claims that ..."."""
    after = [t for t in verb.doc[verb.i + 1 : verb.sent.end] if not t.is_punct]
    near = {t.lemma_.lower() for t in after[:_OBJECT_REACH]}
    if not near & _CLAIM_NOUNS:
        return False
    return any(t.lemma_.lower() in _FALSITY or t.lower_ in _FALSITY for t in after)


# also a clause that is the subject: "Denying us justice is un-American" denies nothing
_DESCRIBING = {"amod", "compound", "relcl", "acl", "pcomp", "csubj", "csubjpass"}


def _describing(token: Token) -> bool:
    """Whether a word stands in a clause that describes something (a relative clause, a
    participle or infinitive after a noun) rather than in what the sentence states."""
    return any(t.dep_ in _DESCRIBING for t in (token, *token.ancestors))
