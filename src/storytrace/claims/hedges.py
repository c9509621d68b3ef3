"""Certainty of a sentence, in the spirit of FactBank: asserted, hedged, unconfirmed, denied."""

from __future__ import annotations

import re

from spacy.tokens import Span

from storytrace.records import Certainty

_HEDGES = (
    "reportedly", "allegedly", "apparently", "purportedly", "supposedly", "possibly",
    "probably", "presumably", "perhaps", "likely", "so-called", "rumoured", "rumored",
    "it was claimed", "it is claimed", "is said to", "are said to", "was said to",
    "were said to", "is believed to", "are believed to", "is thought to", "are thought to",
    "appears to", "appear to", "appeared to", "seems to", "seem to", "may have", "might have",
    "could have", "is understood to", "are understood to", "according to unconfirmed",
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
    "could not be verified as genuine",
)  # fmt: skip
_MODALS = {"may", "might"}
_DENY_LEMMAS = {"deny", "refute"}
_REJECT_LEMMAS = {"dismiss", "reject", "dispute"}  # deny only when they take a claim as object
_CLAIM_NOUNS = {"claim", "report", "allegation", "accusation", "suggestion", "charge", "account",
                "story", "rumour", "rumor", "assertion", "idea", "notion"}  # fmt: skip
_DENY_PHRASES = ("is not true", "was not true", "are not true", "were not true", "is false",
                 "was false", "is untrue", "was untrue", "categorically denied")  # fmt: skip


def _phrases(text: str, phrases: tuple[str, ...]) -> list[str]:
    lowered = text.lower()
    return [p for p in phrases if re.search(rf"(?<![\w-]){re.escape(p)}(?![\w-])", lowered)]


def denial_cues(sent: Span) -> list[str]:
    """Words that deny the sentence's content ("denied", "is not true")."""
    cues = [t.text for t in sent if t.lemma_.lower() in _DENY_LEMMAS and t.pos_ == "VERB"]
    cues += [
        t.text
        for t in sent
        if t.lemma_.lower() in _REJECT_LEMMAS
        and any(c.dep_ == "dobj" and c.lemma_.lower() in _CLAIM_NOUNS for c in t.children)
    ]
    return cues + _phrases(sent.text, _DENY_PHRASES)


def assess_certainty(sent: Span) -> tuple[Certainty, tuple[str, ...]]:
    """The certainty of one sentence and the cue words that set it (strongest wins)."""
    unconfirmed = _phrases(sent.text, _UNCONFIRMED)
    hedges = _phrases(sent.text, _HEDGES)
    hedges += [t.text for t in sent if t.lower_ in _MODALS and t.tag_ == "MD"]
    denied = denial_cues(sent)
    cues = tuple(dict.fromkeys([*denied, *unconfirmed, *hedges]))
    if denied:
        return "denied", cues
    if unconfirmed:
        return "unconfirmed", cues
    if hedges:
        return "hedged", cues
    return "asserted", cues
