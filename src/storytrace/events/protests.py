"""A protest and what happened to it in the next sentence of the same report.

Conflict reporting tells a protest first and what the police or the protesters did after:
"Students protested in Minna. Police fired live rounds at the protesters, killing 1." ACLED
codes one event: the protest, with its sub-type from what followed (ACLED's codebook:
force that kills or maims is "Excessive force against protesters"; dispersal, tear gas or
arrests "Protest with intervention"; protesters who burn, loot or clash make it a riot,
"Violent demonstration") and the deaths it caused. A sentence continues the protest when
it names the protest or its people ("the protesters", "the march", "them"), follows it in
the same paragraph, and tells no other protest.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import replace
from typing import Final

from storytrace.events import acled
from storytrace.events.reports import Report, done_words, parse_claim, violence_told
from storytrace.records import Article

#: Words that refer back to a protest or its people.
_REFERS: Final = acled.PROTEST_WORDS | frozenset(
    {"crowd", "they", "them", "participant", "gathering", "protesting", "sit-in"}
)
#: Who breaks up a protest or fires on it (armed groups too: "Taliban members dispersed them").
_AUTHORITIES: Final = acled.POLICE | frozenset({"force", "soldier", "troop", "army", "military",
                                               "officer", "security", "guard", "fighter",
                                               "gunman", "militiaman", "militia"}
                                    ) | acled.NON_STATE  # fmt: skip
_SENTENCE_END: Final = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9\"'])|\n")
_MAX_CHARS: Final = 400
_PEACEFUL: Final = "Peaceful protest"
_ORDER: Final = {_PEACEFUL: 0, "Protest with intervention": 1,
                 "Excessive force against protesters": 2}  # fmt: skip


def absorb(clusters: list[list[Report]], articles: Mapping[str, Article]) -> list[list[Report]]:
    """Each protest with what its next sentence tells of it: that sentence's reports join
    it, and the protest's type and sub-type follow what was done (see the module)."""
    merged: list[list[Report]] = []
    taken: set[int] = set()
    for index, members in enumerate(clusters):
        if index in taken:
            continue
        lead = _protest(members)
        if lead is None:
            merged.append(members)
            continue
        article = articles.get(lead.claim.article_id)
        follow = _next_sentence(article.text, lead.claim.span[1]) if article else None
        if follow is None:
            merged.append(members)
            continue
        start, end, lemmas = follow
        subjects = _subjects(article.text[start:end]) if article else set()
        joined = list(members)
        for other, others in enumerate(clusters):
            if other == index or other in taken:
                continue
            if all(r.claim.article_id == lead.claim.article_id
                   and start <= r.claim.span[0] < end for r in others):  # fmt: skip
                joined += others
                taken.add(other)
        typed = _after((lemmas, subjects), lead)
        merged.append(_retyped(joined, typed, _forces(subjects) if typed != _told(lead) else ""))
    return merged


def _told(lead: Report) -> tuple[str, str]:
    return lead.event_type or "", lead.sub_event_type or ""


def _forces(subjects: set[str]) -> str:
    """The state's side the next sentence names as acting on the protest (ACLED's actor2)."""
    if subjects & acled.POLICE:
        return "Police Forces"
    if subjects & {"soldier", "troop", "army", "military", "gendarme", "gendarmerie"}:
        return "Military Forces"
    return ""


def _protest(members: list[Report]) -> Report | None:
    """The cluster's first protest report (or violent demonstration), if its reports are
    mostly of protests."""
    protests = [r for r in members if r.event_type == "Protests" or _demonstrating(r)]
    if not protests or len(protests) * 2 < sum(1 for r in members if r.event_type):
        return None
    return min(protests, key=lambda r: r.claim.span)


def _demonstrating(report: Report) -> bool:
    """A riot of demonstrators (not a mob): what the police did next joins it, and it
    stays a riot ("Protesters stormed the parliament. Police opened fire, killing 5")."""
    return report.event_type == "Riots" and report.sub_event_type == "Violent demonstration"


def _riot_told_as_protest(report: Report) -> bool:
    """A riot the kind model reads in a protest word's sentence with no violence in it
    ("Farmers protested in Karnal against the farm laws"): a protest until told otherwise."""
    if report.event_type != "Riots" or report.action != "protest":
        return False
    return not violence_told(report.claim.text)


def following_sentence(text: str, after: int) -> tuple[int, int] | None:
    """Where the sentence after character ``after`` starts and ends, when it is in the same
    paragraph (a note's "Police fired tear gas." or "Debris damaged a house.")."""
    rest = text[after : after + _MAX_CHARS]
    if "\n\n" in rest[: len(rest) - len(rest.lstrip())] or not rest.strip():
        return None
    start = after + len(rest) - len(rest.lstrip())
    found = _SENTENCE_END.search(text, start + 1, start + _MAX_CHARS)
    return start, found.start() if found else min(len(text), start + _MAX_CHARS)


def _next_sentence(text: str, after: int) -> tuple[int, int, set[str]] | None:
    """The sentence after character ``after`` when it continues the protest (same
    paragraph, refers to it): its start, end and lemmas."""
    span = following_sentence(text, after)
    if span is None:
        return None
    start, end = span
    sentence = text[start:end]  # what was done in it, not what a protest demands
    lemmas = done_words(sentence)[0] | (_lemmas(sentence) & _REFERS)
    acted = lemmas & (acled.PROTEST_STOPPED | acled.PROTEST_FORCE) and (
        _subjects(text[start:end]) & _AUTHORITIES
    )  # "Police used tear gas." after the protest: against it, though it names no one
    if not (lemmas & _REFERS or acted) or _new_protest(sentence):
        return None
    return start, end, lemmas


def _new_protest(sentence: str) -> bool:
    """A sentence that tells a protest of its own ("Students also protested in Gulu")."""
    return any(
        t.dep_ == "ROOT" and t.lemma_.lower() in ("protest", "demonstrate", "rally", "march")
        for t in parse_claim(sentence)
    )


def _subjects(sentence: str) -> set[str]:
    """The lemmas of the sentence's subjects and the words they govern ("security forces")."""
    aside = done_words(sentence)[1]  # not who did what is demanded ("force by police")
    return {
        w.lemma_.lower()
        for t in parse_claim(sentence)
        if t.dep_ in ("nsubj", "nsubjpass", "agent") and t.i not in aside
        for w in t.subtree
    }


def _lemmas(sentence: str) -> set[str]:
    doc = parse_claim(sentence)
    return {"riot police" if t.lemma_.lower() == "riot" and t.dep_ == "compound"
            else t.lemma_.lower() for t in doc}  # fmt: skip


def _after(follow: tuple[set[str], set[str]], lead: Report) -> tuple[str, str]:
    """The protest's type and sub-type from what the next sentence tells was done: by the
    protesters (its subject names them), or by the police or soldiers (its subject names
    them); a sentence about anyone else changes nothing."""
    lemmas, subjects = follow
    if lead.event_type == "Riots" and not _riot_told_as_protest(lead):
        return "Riots", "Violent demonstration"  # force against rioters: still a riot
    told = _PEACEFUL if lead.event_type == "Riots" else lead.sub_event_type or _PEACEFUL
    violent = lemmas & acled.PROTEST_VIOLENT - {"violence", "violent"}
    if subjects & _REFERS and violent:
        return "Riots", "Violent demonstration"
    if not subjects & _AUTHORITIES:
        return lead.event_type or "Protests", told
    if lemmas & acled.PROTEST_FORCE:
        sub = "Excessive force against protesters"
    elif lemmas & acled.PROTEST_STOPPED:
        sub = "Protest with intervention"
    else:
        sub = _PEACEFUL
    return "Protests", max((sub, told), key=lambda s: _ORDER.get(s, 0))


def _retyped(members: list[Report], typed: tuple[str, str], forces: str = "") -> list[Report]:
    """The cluster's reports, all of the protest's (new) type and sub-type; ``forces``, who
    acted on the protest, among the lead's targets."""
    lead = _protest(members)
    action = lead.action if lead is not None else ""
    return [
        replace(r, event_type=typed[0], sub_event_type=typed[1], action=action,
                targets=(*r.targets, forces) if forces and r is lead else r.targets)
        if r.event_type is not None
        else r
        for r in members
    ]  # fmt: skip
