"""Conflicts inside a claim group: counts that cannot both be true, assertion against denial."""

from __future__ import annotations

from collections.abc import Sequence

from storytrace.align.compare import overlaps, same_counted
from storytrace.records import Claim, Conflict, ConflictValue, Quantity

_AFFIRMING = ("asserted", "hedged", "unconfirmed")


def _format(quantity: Quantity) -> str:
    value = quantity.value
    number = f"{value:,.0f}" if value is not None else (quantity.qualifier or quantity.text)
    if quantity.qualifier and value is not None:
        return f"{quantity.qualifier} {number}"
    return number


def count_conflicts(members: Sequence[Claim]) -> list[Conflict]:
    """Counts of the same thing, told by different articles, whose intervals do not overlap."""
    pairs = [(claim, q) for claim in members for q in claim.quantities if q.counted]
    conflicts: list[Conflict] = []
    seen: set[str] = set()
    for i, (claim_a, qa) in enumerate(pairs):
        if qa.counted in seen:
            continue
        related = [(claim_a, qa)] + [
            (claim_b, qb) for claim_b, qb in pairs[i + 1 :] if same_counted(qa, qb)
        ]
        clash = any(
            ca.article_id != cb.article_id and not overlaps(a, b)
            for ca, a in related
            for cb, b in related
        )
        if not clash:
            continue
        seen.add(qa.counted or "")
        values: dict[str, list[str]] = {}
        lows: list[float] = []
        for claim, quantity in related:
            ids = values.setdefault(_format(quantity), [])
            if claim.article_id not in ids:
                ids.append(claim.article_id)
            low = quantity.value if quantity.value is not None else quantity.low
            if low is not None:
                lows.append(low)
        predicate = f" {qa.predicate}" if qa.predicate else ""
        conflicts.append(
            Conflict(
                attribute=f"count: {qa.counted}{predicate}",
                values=tuple(ConflictValue(v, tuple(ids)) for v, ids in values.items()),
                conservative=f"{min(lows):,.0f}" if lows else None,
            )
        )
    return conflicts


def polarity_conflicts(members: Sequence[Claim]) -> list[Conflict]:
    """One article states the fact, another denies it."""
    denying = [c.article_id for c in members if c.certainty == "denied"]
    affirming = [c.article_id for c in members if c.certainty in _AFFIRMING]
    if not denying or not affirming or set(denying) == set(affirming):
        return []
    return [
        Conflict(
            attribute="polarity",
            values=(
                ConflictValue("affirmed", tuple(dict.fromkeys(affirming))),
                ConflictValue("denied", tuple(dict.fromkeys(denying))),
            ),
        )
    ]


def find_conflicts(members: Sequence[Claim]) -> list[Conflict]:
    """Every conflict among a group's members."""
    return count_conflicts(members) + polarity_conflicts(members)


def contested_certainty(members: Sequence[Claim]) -> bool:
    """One article asserts what another hedges or calls unconfirmed."""
    asserted = {c.article_id for c in members if c.certainty == "asserted"}
    doubted = {c.article_id for c in members if c.certainty in ("hedged", "unconfirmed")}
    return any(a != d for a in asserted for d in doubted)
