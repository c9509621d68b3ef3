"""Conflicts inside a claim group: counts that cannot both be true, assertion against denial."""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence

from storytrace.align.compare import (
    action_word,
    aligned_counts,
    counted_kind,
    main_actions,
    overlaps,
)
from storytrace.records import Claim, Conflict, ConflictValue, EventMention, Quantity

_AFFIRMING = ("asserted", "hedged", "unconfirmed")


def _format(quantity: Quantity) -> str:
    value = quantity.value
    number = f"{value:,.0f}" if value is not None else (quantity.qualifier or quantity.text)
    if quantity.qualifier and value is not None:
        return f"{quantity.qualifier} {number}"
    return number


_RATE = re.compile(
    r"^[^.;:]{0,30}?\b((every|each|per|a|an) (\d+ |few |couple of )?(second|minute|hour|day|night"
    r"|week|month|quarter|year)s?\b(?! (after|before|later|earlier|ago))|annually|daily|weekly|"
    r"monthly|yearly)",
    re.IGNORECASE,
)
_AMONG = re.compile(r"\bamong ((?:the |all |those |that )?[\w'’-]+(?: [\w'’-]+)?)", re.IGNORECASE)


def is_rate(claim: Claim, quantity: Quantity) -> bool:
    """Whether a count is a rate ("130 to 160 courses are closing every 12 months",
    "5,000 a year"): how often, not how many in one event."""
    after = claim.text[quantity.span[1] - claim.span[0] :]
    return bool(_RATE.match(after))


def _dated_apart(a: Claim, b: Claim) -> bool:
    """Both claims give dates and none of one overlaps one of the other: "158 courses
    closed in 2013" and "650 have closed since 2006" count over different times."""
    first = [(d.start, d.end) for d in a.dates if d.start and d.end and d.start[:1].isdigit()]
    second = [(d.start, d.end) for d in b.dates if d.start and d.end and d.start[:1].isdigit()]
    if not first or not second:
        return False
    return not any(s1 <= e2 and s2 <= e1 for s1, e1 in first for s2, e2 in second)


def _subgroups(claim: Claim) -> set[str]:
    return {m.group(1).lower() for m in _AMONG.finditer(claim.text)}


def same_count_slot(a: Claim, qa: Quantity, b: Claim, qb: Quantity) -> bool:
    """Whether two counts of one kind can be told of one fact by their sentences: not a
    rate, not over different dates, not of different subgroups ("Clinton led among Latinos
    by four points" is not her lead over all voters)."""
    if is_rate(a, qa) or is_rate(b, qb) or _dated_apart(a, b):
        return False
    return _subgroups(a) == _subgroups(b)


def count_conflicts(members: Sequence[Claim]) -> list[Conflict]:
    """Counts in the same slot, told by different articles, whose intervals do not overlap.

    Both counts must say what happened to what they count (a predicate: "fired",
    "refused"): a bare figure ("the margin of error is plus or minus six points", "a
    survey of 1,200 voters") may belong to another poll or another fact of the group."""
    clashing: dict[tuple[str, int], list[tuple[Claim, Quantity]]] = {}
    for a, b in itertools.combinations(members, 2):
        if a.article_id == b.article_id:
            continue
        for qa, qb in aligned_counts(a, b):
            if overlaps(qa, qb) or not (qa.predicate and qb.predicate):
                continue
            if not same_count_slot(a, qa, b, qb):
                continue
            kind = counted_kind(qa) or ""
            slot = (kind, [q for q in a.quantities if counted_kind(q) == kind].index(qa))
            entries = clashing.setdefault(slot, [])
            for claim, quantity in ((a, qa), (b, qb)):
                if all(quantity is not q for _, q in entries):
                    entries.append((claim, quantity))
    conflicts: list[Conflict] = []
    for entries in clashing.values():
        values: dict[str, list[str]] = {}
        for claim, quantity in entries:
            ids = values.setdefault(_format(quantity), [])
            if claim.article_id not in ids:
                ids.append(claim.article_id)
        lows = [q.value if q.value is not None else q.low for _, q in entries]
        known = [low for low in lows if low is not None]
        first = entries[0][1]
        predicate = f" {first.predicate}" if first.predicate else ""
        conflicts.append(
            Conflict(
                attribute=f"count: {first.counted}{predicate}",
                values=tuple(ConflictValue(v, tuple(ids)) for v, ids in values.items()),
                conservative=f"{min(known):,.0f}" if known else None,
            )
        )
    return conflicts


def polarity_conflicts(members: Sequence[Claim]) -> list[Conflict]:
    """One article states the fact, another denies it: in words ("denied that ...", "the
    reports were false") or by telling the same action negated ("No paratrooper has
    refused to fight" against "60 paratroopers refused to fight")."""
    denied = denying(members)
    denying_ids = [c.article_id for c in members if c.id in denied]
    affirming = [c.article_id for c in members if c.certainty in _AFFIRMING and c.id not in denied]
    if not denying_ids or not affirming or set(denying_ids) == set(affirming):
        return []
    return [
        Conflict(
            attribute="polarity",
            values=(
                ConflictValue("affirmed", tuple(dict.fromkeys(affirming))),
                ConflictValue("denied", tuple(dict.fromkeys(denying_ids))),
            ),
        )
    ]


def denying(members: Sequence[Claim]) -> set[str]:
    """The ids of the members that deny the group's fact: their certainty says so, or their
    main action is negated where another article's member tells the same action unnegated."""
    told = {c.id: _told(c) for c in members}
    found = {c.id for c in members if c.certainty == "denied"}
    for member in members:
        negated = {m.lemma.lower() for m in told[member.id] if m.negated}
        if negated and any(
            other.article_id != member.article_id
            and any(m.lemma.lower() in negated and not m.negated for m in told[other.id])
            for other in members
        ):
            found.add(member.id)
    return found


# verbs that negate what they govern: "refused to answer" tells no answer
_NEGATING_VERBS = {"refuse", "decline", "fail", "deny", "reject", "avoid", "refrain", "stop",
                   "cease", "prevent", "block", "bar", "forbid", "ban", "halt"}  # fmt: skip


def _told(claim: Claim) -> list[EventMention]:
    """The main actions a claim tells as happening (not "will", not "would"), up to one that
    negates what it governs: "refused to answer" tells a refusal, not an answer."""
    told: list[EventMention] = []
    for mention in main_actions(claim):
        if mention.modality in ("future", "conditional"):
            continue
        told.append(mention)
        if action_word(mention) in _NEGATING_VERBS:
            break
    return told


_VOLUNTARY = re.compile(
    r"\b(of (their|his|her|its) own (accord|volition|free will)|voluntarily|on (their|his|her) own"
    r"|without (prior )?(notice|permission|orders?|authori[sz]ation)|(chose|decided) to)\b",
    re.IGNORECASE,
)
_COMPELLED = re.compile(
    r"\b((was|were|been|being|be) (ordered|forced|sent|made|told|marched|expelled|deported|"
    r"recalled|withdrawn|pulled)|(ordered|forced|sent|recalled|pulled) (them |him |her )?back|"
    r"in disgrace|against (their|his|her) will|under orders)\b",
    re.IGNORECASE,
)


def agency_conflicts(members: Sequence[Claim]) -> list[Conflict]:
    """One article says it happened of their own accord, another that they were made to.

    Two versions of one event that differ in who decided it ("returned without prior
    notice" against "ordered back in disgrace") cannot both be the whole story.
    """
    voluntary = [c.article_id for c in members if _VOLUNTARY.search(c.text)]
    compelled = [c.article_id for c in members if _COMPELLED.search(c.text)]
    if not voluntary or not compelled or set(voluntary) == set(compelled):
        return []
    return [
        Conflict(
            attribute="agency",
            values=(
                ConflictValue("of their own accord", tuple(dict.fromkeys(voluntary))),
                ConflictValue("ordered or sent", tuple(dict.fromkeys(compelled))),
            ),
        )
    ]


def find_conflicts(members: Sequence[Claim]) -> list[Conflict]:
    """Every conflict among a group's members."""
    return count_conflicts(members) + polarity_conflicts(members) + agency_conflicts(members)


def contested_certainty(members: Sequence[Claim]) -> bool:
    """One article asserts what another hedges or calls unconfirmed."""
    asserted = {c.article_id for c in members if c.certainty == "asserted"}
    doubted = {c.article_id for c in members if c.certainty in ("hedged", "unconfirmed")}
    return any(a != d for a in asserted for d in doubted)
