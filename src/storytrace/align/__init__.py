"""Align stage: the claims of one story -> claim groups with their compared attributes."""

from storytrace.align.compare import overlaps, quantity_agreement, same_counted
from storytrace.align.conflicts import contested_certainty, find_conflicts
from storytrace.align.groups import group_claims, pair_scores

__all__ = [
    "contested_certainty",
    "find_conflicts",
    "group_claims",
    "overlaps",
    "pair_scores",
    "quantity_agreement",
    "same_counted",
]
