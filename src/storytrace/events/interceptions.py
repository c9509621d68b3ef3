"""An interception and what its debris did in the next sentence of the same report.

ACLED codes drones or missiles shot down as "Disrupted weapons use", unless the attack
still hit something: "Russian air defence intercepted a drone over Kursk. Debris damaged
the roof of a house." is the drone's strike (Explosions/Remote violence), with its
toll. A sentence continues the interception when it follows it in the same paragraph and
tells debris (or fragments, wreckage) doing harm (:func:`.reports.debris_struck`).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from typing import Final

from storytrace.events.protests import following_sentence
from storytrace.events.reports import Report, affirmed, debris_struck, parse_claim
from storytrace.records import Article

_DISRUPTED: Final = ("Strategic developments", "Disrupted weapons use")


def absorb(clusters: list[list[Report]], articles: Mapping[str, Article]) -> list[list[Report]]:
    """Each interception whose next sentence tells its debris hit something: that sentence's
    reports join it, and it is coded as the attack."""
    merged: list[list[Report]] = []
    taken: set[int] = set()
    for index, members in enumerate(clusters):
        if index in taken:
            continue
        typed = [r for r in members if r.event_type is not None]
        lead = min(typed, key=lambda r: r.claim.span, default=None)
        article = articles.get(lead.claim.article_id) if lead is not None else None
        if lead is None or article is None or (lead.event_type, lead.sub_event_type) != _DISRUPTED:
            merged.append(members)
            continue
        follow = _next_sentence(article.text, lead.claim.span[1])
        attack = debris_struck(follow[2]) if follow else None
        if follow is None or attack is None:
            merged.append(members)
            continue
        start, end, words = follow
        attack = debris_struck(words | _lemmas(lead.claim.text)) or attack  # the weapon named
        joined = list(members)
        for other, others in enumerate(clusters):
            if (
                other != index
                and other not in taken
                and all(
                    r.claim.article_id == lead.claim.article_id and start <= r.claim.span[0] < end
                    for r in others
                )
            ):
                joined += others
                taken.add(other)
        merged.append([replace(r, event_type=attack[0], sub_event_type=attack[1],
                               action=lead.action) if r.event_type is not None else r
                       for r in joined])  # fmt: skip
    return merged


def _next_sentence(text: str, after: int) -> tuple[int, int, set[str]] | None:
    """The sentence after character ``after`` in the same paragraph: start, end, lemmas."""
    span = following_sentence(text, after)
    return None if span is None else (*span, _lemmas(text[span[0] : span[1]]))


def _lemmas(sentence: str) -> set[str]:
    return affirmed(parse_claim(sentence))
