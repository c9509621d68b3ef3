"""Facts, not sentences: claim groups built from the events their mentions tell.

A fact is one event (or one stated property of an entity) with its slots: who, how
many, where, when. Sentence alignment (:func:`~storytrace.align.groups.group_claims`)
proposes groups of claims worded alike; event chains (:mod:`storytrace.align.mention_chains`)
then join the groups whose claims tell one event in other words ("some 60 unit members
were fired", "about 60 servicemen refused"), and a group that one article alone fills
with unrelated sentences is split. The outlet's own analysis and opinion ("This alone
would decrease morale") is not a fact to judge and forms no group.

Conflicts are slot disagreements between the chained mentions of one fact, told by
different articles: counts of the same people whose intervals do not overlap, places
neither of which contains the other, dates that do not overlap.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from storytrace.align.compare import action_lemmas, counted_kind, overlaps, specific
from storytrace.align.conflicts import _format, same_count_slot
from storytrace.align.mention_chains import contains, outcome, specific_places
from storytrace.records import Claim, Conflict, ConflictValue, EventMention, Place, Quantity

_ANALYSIS = re.compile(
    r"^\W*(this|that|it|these|which)( alone| also)? (might|may|could|would|should|must)\b"
    r"|\bit (suggests|seems|appears|would seem)\b|\bit is (also )?(possible|likely|unlikely|"
    r"clear|obvious|plausible)\b|\b(taken (all )?together|with this in mind)\b",
    re.IGNORECASE,
)


def is_analysis(claim: Claim) -> bool:
    """The outlet's own speculation or opinion: not attributed, and conditional or
    speculative in its main clause ("This alone would ...", "It is possible that ...").

    A sentence counts as attributed when its own cue names the source, or when it is
    quoted; reported speech that the tagger runs on into the next sentence ("The newspaper
    said that they expect more deserters. This might be because ...") does not shield it.
    """
    attribution = claim.attribution
    named = (
        attribution is not None
        and bool(attribution.source)
        and (attribution.direct or _cue_inside(attribution.cue_span, claim.span))
    )
    if named or claim.certainty in ("unconfirmed", "denied"):
        return False
    if claim.mentions and claim.mentions[0].modality == "conditional":
        return True
    return bool(_ANALYSIS.search(claim.text))


def _cue_inside(cue: tuple[int, int] | None, span: tuple[int, int]) -> bool:
    return cue is None or span[0] <= cue[0] < span[1]


def _restates(a: Claim, b: Claim) -> bool:
    """Whether two claims of one article state one fact: a shared count or action."""
    for qa in a.quantities:
        for qb in b.quantities:
            if counted_kind(qa) == counted_kind(qb) and specific(qa) and overlaps(qa, qb):
                return True
    return bool(action_lemmas(a) & action_lemmas(b))


def _split_single_article(group: list[Claim]) -> list[list[Claim]]:
    """A group from one article keeps together only claims that restate one fact."""
    if len(group) < 2 or len({c.article_id for c in group}) > 1:
        return [group]
    parts: list[list[Claim]] = []
    for claim in group:
        home = next((p for p in parts if any(_restates(claim, c) for c in p)), None)
        if home is None:
            parts.append([claim])
        else:
            home.append(claim)
    return parts


def fact_groups(
    claims: Sequence[Claim], sentence_groups: Sequence[Sequence[Claim]], chains: Mapping[str, str]
) -> list[list[Claim]]:
    """Claim groups of one story, one per fact (analysis and opinion left out)."""
    groups = [
        part
        for group in sentence_groups
        for part in _split_single_article([c for c in group if not is_analysis(c)])
        if part
    ]
    parent = list(range(len(groups)))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    first_group: dict[str, int] = {}
    for g, group in enumerate(groups):
        for claim in group:
            for mention in claim.mentions:
                chain = chains.get(mention.id)
                if chain is None:
                    continue
                if chain in first_group:
                    parent[find(g)] = find(first_group[chain])
                else:
                    first_group[chain] = g
    merged: dict[int, list[Claim]] = {}
    for g, group in enumerate(groups):
        merged.setdefault(find(g), []).extend(group)
    order = {c.id: i for i, c in enumerate(claims)}
    return [sorted(g, key=lambda c: order.get(c.id, 0)) for g in merged.values()]


def _chained_pairs(
    members: Sequence[Claim], chains: Mapping[str, str]
) -> list[tuple[EventMention, EventMention]]:
    by_chain: dict[str, list[EventMention]] = {}
    for claim in members:
        for mention in claim.mentions:
            if mention.id in chains:
                by_chain.setdefault(chains[mention.id], []).append(mention)
    pairs = []
    for mentions in by_chain.values():
        for i, a in enumerate(mentions):
            pairs += [(a, b) for b in mentions[i + 1 :] if a.article_id != b.article_id]
    return pairs


def _counts(mention: EventMention) -> list[Quantity]:
    return [p.count for p in mention.participants if p.count is not None]


def _comparable(a: EventMention, qa: Quantity, b: EventMention, qb: Quantity) -> bool:
    """Two counts of one slot: the same kind, and small counts only for one named outcome."""
    if counted_kind(qa) != counted_kind(qb) or counted_kind(qa) is None:
        return False
    if specific(qa) and specific(qb):
        return True
    found = outcome(a.lemma, qa)
    return found is not None and found == outcome(b.lemma, qb)


def fact_conflicts(
    members: Sequence[Claim],
    chains: Mapping[str, str],
    places: Mapping[str, Sequence[Place]],
) -> list[Conflict]:
    """Slot disagreements between the chained mentions of a group, article against article."""
    counts: dict[str, dict[str, tuple[Quantity, set[str]]]] = {}
    sites: dict[str, list[Place]] = {}
    claims = {c.id: c for c in members}
    for a, b in _chained_pairs(members, chains):
        claim_a, claim_b = claims.get(a.claim_id or ""), claims.get(b.claim_id or "")
        for qa in _counts(a):
            for qb in _counts(b):
                if not _comparable(a, qa, b, qb) or overlaps(qa, qb):
                    continue
                if claim_a and claim_b and not same_count_slot(claim_a, qa, claim_b, qb):
                    continue
                slot = counts.setdefault(counted_kind(qa) or "", {})
                for mention, quantity in ((a, qa), (b, qb)):
                    entry = slot.setdefault(_format(quantity), (quantity, set()))
                    entry[1].add(mention.article_id)
        for mention in (a, b):
            found = specific_places(places.get(mention.id, ()))
            if len(found) > _MOST_SITES:
                continue  # a list of places ("Indiana, Michigan, Ohio and ...") is no site
            sites.setdefault(mention.article_id, [])
            sites[mention.article_id] += [p for p in found if p not in sites[mention.article_id]]
    conflicts = [_count_conflict(slot) for slot in counts.values()]
    place = _place_conflict(sites)
    return conflicts + ([place] if place is not None else [])


_MOST_SITES = 2  # places one mention may give for where one event happened


def _count_conflict(slot: dict[str, tuple[Quantity, set[str]]]) -> Conflict:
    lows = [q.value if q.value is not None else q.low for q, _ in slot.values()]
    known = [low for low in lows if low is not None]
    counted = next(iter(slot.values()))[0].counted
    return Conflict(
        attribute=f"count: {counted}",
        values=tuple(ConflictValue(v, tuple(sorted(ids))) for v, (_, ids) in slot.items()),
        conservative=f"{min(known):,.0f}" if known else None,
    )


def _place_conflict(sites: dict[str, list[Place]]) -> Conflict | None:
    """Articles whose places for the fact share none that contains another."""
    told = {a: p for a, p in sites.items() if p}
    ids = list(told)
    clash = any(
        not any(contains(x, y) for x in told[a] for y in told[b])
        for i, a in enumerate(ids)
        for b in ids[i + 1 :]
    )
    if not clash:
        return None
    values: dict[str, list[str]] = {}
    for article_id, found in told.items():
        for place in found:
            values.setdefault(place.name, []).append(article_id)
    return Conflict(
        attribute="place",
        values=tuple(
            ConflictValue(name, tuple(dict.fromkeys(ids))) for name, ids in values.items()
        ),
    )
