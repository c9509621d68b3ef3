"""An article's text cut into plain runs and highlighted claims, for the article page.

Spans are character offsets into the stored text. Claims that overlap one already
highlighted are listed but not highlighted again, so the text is shown exactly once.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from storytrace.records import Claim
from storytrace.report.links import claim_anchor


@dataclass(frozen=True)
class GroupRef:
    """The claim group a claim belongs to, and where it is on the story page."""

    verdict: str
    label: str
    href: str


@dataclass(frozen=True)
class Segment:
    """A run of the text; ``claim`` is set when the run is a highlighted claim."""

    text: str
    claim: Claim | None = None
    anchor: str | None = None
    group: GroupRef | None = None


def segments(
    text: str, claims: Sequence[Claim], groups: Mapping[str, GroupRef]
) -> tuple[Segment, ...]:
    """Cut ``text`` at the claims' spans; ``groups`` maps claim ids to their groups."""
    runs: list[Segment] = []
    at = 0
    for claim in sorted(claims, key=lambda c: (c.span[0], -c.span[1])):
        start, end = max(0, claim.span[0]), min(len(text), claim.span[1])
        if start < at or end <= start:
            continue  # overlaps the previous claim, or points outside the text
        if start > at:
            runs.append(Segment(text[at:start]))
        runs.append(Segment(text[start:end], claim, claim_anchor(claim), groups.get(claim.id)))
        at = end
    if at < len(text):
        runs.append(Segment(text[at:]))
    return tuple(runs)
