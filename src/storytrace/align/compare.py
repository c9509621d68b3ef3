"""Comparing the facts two claims state: counts as intervals of the same counted thing."""

from __future__ import annotations

import re

from storytrace.records import Claim, EventMention, Quantity


def same_counted(a: Quantity, b: Quantity) -> bool:
    """Whether two quantities count the same thing in the same way (killed is not wounded)."""
    if a.counted is None or b.counted is None:
        return False
    if not predicates_compatible(a, b):
        return False
    head_a, head_b = a.counted.split()[-1], b.counted.split()[-1]
    return head_a == head_b or a.counted == b.counted or _synonyms(head_a, head_b)


_SAME_KIND = [
    {"soldier", "serviceman", "servicemen", "troop", "paratrooper", "member", "unit member"},
    {"people", "person", "resident", "civilian", "inhabitant"},
    {"worker", "employee", "staff", "labourer", "laborer"},
]


def predicates_compatible(a: Quantity, b: Quantity) -> bool:
    """Whether the same thing could have happened to both counts (unknown is compatible)."""
    if not a.predicate or not b.predicate:
        return True
    return bool(set(a.predicate.split("+")) & set(b.predicate.split("+")))


def specific(quantity: Quantity) -> bool:
    """A count specific enough that agreeing on it is strong evidence of one fact."""
    return quantity.value is None or quantity.value >= 10


def counted_kind(quantity: Quantity) -> str | None:
    """A key shared by counts of the same kind of thing ("servicemen" and "soldiers" agree)."""
    if quantity.counted is None:
        return None
    head = quantity.counted.split()[-1]
    for index, group in enumerate(_SAME_KIND):
        if head in group:
            return f"kind-{index}"
    return head


def aligned_counts(a: Claim, b: Claim) -> list[tuple[Quantity, Quantity]]:
    """Counts of two claims that stand in the same slot: same kind, in order of appearance.

    "A ration for one person is shared between two people" has two counts of people; they
    pair with the first and second counts of people in the other claim, not with each other.
    """
    pairs: list[tuple[Quantity, Quantity]] = []
    kinds = {counted_kind(q) for q in a.quantities} - {None}
    for kind in sorted(k for k in kinds if k is not None):
        first = [q for q in a.quantities if counted_kind(q) == kind]
        second = [q for q in b.quantities if counted_kind(q) == kind]
        pairs += [
            (x, y) for x, y in zip(first, second, strict=False) if predicates_compatible(x, y)
        ]
    return pairs


_LIGHT_VERBS = {"be", "have", "do", "say"}


def action_lemmas(claim: Claim) -> set[str]:
    """The lemmas of a claim's event mentions that name an action or state ("refuse",
    "chant"), without light and reporting verbs and parser debris ("’")."""
    lemmas = {action_word(m) for m in claim.mentions}
    return {w for w in lemmas if w.isalpha()} - _LIGHT_VERBS


def shares_slot(a: Claim, b: Claim) -> bool:
    """Whether two claims tell something of one slot: the same action ("chanted" and
    "chant"), or counts of the same kind, whatever their verbs and values ("some 60 unit
    members were fired", "about 80 servicemen refused"). A claim whose mentions were not
    read (no parse) is given the benefit of the doubt."""
    if not a.mentions or not b.mentions:
        return True
    return bool(action_lemmas(a) & action_lemmas(b)) or _count_of_one_kind(a, b)


def _count_of_one_kind(a: Claim, b: Claim) -> bool:
    """Whether the two claims count things of one kind, whatever the values."""
    kinds = {counted_kind(q) for q in a.quantities} - {None}
    return any(counted_kind(q) in kinds for q in b.quantities)


# verbs that frame an event rather than tell it: reporting, asking, trying, wanting
_FRAMING = {
    "say", "tell", "report", "claim", "add", "state", "write", "allege", "insist", "suggest",
    "note", "explain", "respond", "reply", "argue", "ask", "warn", "acknowledge", "contend",
    "maintain", "try", "attempt", "seek", "want", "plan", "hope", "expect", "begin", "start",
    "continue", "manage", "decide", "need",
}  # fmt: skip
_NOT_ASSERTED = {"hedged", "conditional"}
_NO_ACTION = _LIGHT_VERBS | _FRAMING
_SECOND_PERSON = {"you", "ye", "y'all"}


MAIN_CLAUSES = 2  # how many of a claim's shallowest clause heads tell what it states


def main_actions(claim: Claim) -> list[EventMention]:
    """The events a claim chiefly tells: its :data:`MAIN_CLAUSES` shallowest clause heads
    that are no light or framing verbs and stand in no background clause (the read stage
    orders mentions main clause first, then by depth; "Rubio responded: 'You don't win
    ...'" tells of winning, "tried to auction" of the auction), or its first clause head
    when every one frames."""
    found = [
        m
        for m in claim.mentions
        if (w := action_word(m)).isalpha() and w not in _NO_ACTION and not in_background(claim, m)
    ]
    return found[:MAIN_CLAUSES] or list(claim.mentions[:1])


_RELATIVES = {"who", "which", "that", "whom"}
_SUBORDINATORS = {  # "that" is left out: it also opens what is reported ("said that ...")
    "who", "which", "whom", "whose", "after", "before", "when", "whenever", "while", "since",
    "until", "once", "because", "although", "though", "whereas", "where",
}  # fmt: skip
_CLAUSE_BREAK = re.compile(r"[,;:()\u2014\u2013\"\u201c\u201d]|--")
_WINDOW = 5  # words before a clause head in which its subordinator stands


def in_background(claim: Claim, mention: EventMention) -> bool:
    """Whether a mention stands in a relative or adverbial clause of its sentence ("Hart,
    who called after the result was declared, said ..."): background to what the sentence
    states, not the fact it reports."""
    if any(p.role == "agent" and p.text.lower() in _RELATIVES for p in mention.participants):
        return True
    before = claim.text[: max(0, mention.span[0] - claim.span[0])]
    clause = _CLAUSE_BREAK.split(before)[-1]
    words = list(re.finditer(r"\S+", clause))[-_WINDOW:]
    opener = next((w for w in reversed(words) if w.group().lower() in _SUBORDINATORS), None)
    if opener is None:
        return False
    start = claim.span[0] + len(before) - len(clause) + opener.start()
    # a clause head between the opener and this one owns the clause ("Managers who closed
    # the depot were punished": "who" opens "closed", not "punished")
    return not any(start < m.span[0] < mention.span[0] for m in claim.mentions)


def action_word(mention: EventMention) -> str:
    """The word of a mention's action, without the particle or object its lemma may carry
    ("take:over" -> "over"), lowercased."""
    return mention.lemma.split(":")[-1].lower()


def tells_one_fact(a: Claim, b: Claim) -> bool:
    """Whether two claims of different articles state one fact, as a confirmation needs:
    counts of the same kind, or one action both tell alike: asserted by both (not "should
    be punished", not "would win"), with the same polarity ("won" does not confirm "did not
    win"), with no generic "you" for its agent in one against a named agent in the other,
    in no background clause of either (:func:`in_background`), and among the main actions
    (:func:`main_actions`) of at least one of them: "Clinton, who called after the winner
    was declared, told supporters ..." and "the campaign texted: 'we were declared the
    winner'" tell two facts, as do two sentences sharing only a clause deep inside both. A
    claim whose mentions were not read (no parse) is given the benefit of the doubt."""
    if not a.mentions or not b.mentions:
        return True
    if _count_of_one_kind(a, b):
        return True
    main = {id(m) for m in main_actions(a) + main_actions(b)}
    return any(
        action_word(first) == action_word(second)
        and (id(first) in main or id(second) in main)
        and first.negated == second.negated
        and _addressee(first) == _addressee(second)
        for first in _asserted_actions(a)
        for second in _asserted_actions(b)
    )


def _asserted_actions(claim: Claim) -> list[EventMention]:
    """The mentions a confirmation can rest on: an action ("has done much", "told CNN" are
    none), asserted, in no background clause."""
    return [
        m
        for m in claim.mentions
        if action_word(m) not in _NO_ACTION
        and m.modality not in _NOT_ASSERTED
        and not in_background(claim, m)
    ]


def _addressee(mention: EventMention) -> bool:
    """Whether the mention's agent is "you": the listener, or anyone, never a third party."""
    return any(p.role == "agent" and p.text.lower() in _SECOND_PERSON for p in mention.participants)


def _synonyms(a: str, b: str) -> bool:
    return any(a in group and b in group for group in _SAME_KIND)


def overlaps(a: Quantity, b: Quantity) -> bool:
    """Whether two counts can both be true once approximation and bounds are applied."""
    low_a = a.low if a.low is not None else float("-inf")
    high_a = a.high if a.high is not None else float("inf")
    low_b = b.low if b.low is not None else float("-inf")
    high_b = b.high if b.high is not None else float("inf")
    strict_a = a.qualifier in ("over", "more than", "in excess of", "upwards of")
    strict_b = b.qualifier in ("over", "more than", "in excess of", "upwards of")
    if strict_a and high_b <= low_a:
        return False
    if strict_b and high_a <= low_b:
        return False
    return low_a <= high_b and low_b <= high_a


def quantity_agreement(a: Claim, b: Claim) -> float:
    """How far shared counts say two claims state one fact about the same thing.

    1 for an agreeing specific count, 0.4 for an agreeing small one, 0.5 for a count of
    the same thing that disagrees (the same slot told differently is a conflict, and
    conflicts are found only inside a group), else 0.
    """
    score = 0.0
    for qa in a.quantities:
        for qb in b.quantities:
            if not same_counted(qa, qb):
                continue
            if not overlaps(qa, qb):
                score = max(score, 0.5)  # the same slot with another value: a conflict to show
            else:
                score = max(score, 1.0 if specific(qa) and specific(qb) else 0.4)
    return score


def predicate_clash(a: Claim, b: Claim) -> bool:
    """Both claims count the same noun, with different numbers, and say different things happened.

    "Three workers were killed" and "two workers were injured" are different facts; "60
    paratroopers staged a mutiny" and "about 60 servicemen refused" may well be one.
    """
    for qa in a.quantities:
        for qb in b.quantities:
            if (
                qa.counted
                and qb.counted
                and qa.counted.split()[-1] == qb.counted.split()[-1]
                and not predicates_compatible(qa, qb)
                and not overlaps(qa, qb)
            ):
                return True
    return False


_FIRST_PERSON = {"i", "we"}
# what a witness does to tell of something else: two witnesses who saw one thing confirm it
_PERCEPTION = {"see", "hear", "witness", "watch", "notice", "know", "believe", "think", "count"}


def _agents(claim: Claim) -> dict[str, set[str]]:
    """The agents of a claim's actions, by lemma (an action told without one is left out)."""
    found: dict[str, set[str]] = {}
    for mention in claim.mentions:
        agents = {p.text.lower() for p in mention.participants if p.role == "agent"}
        if agents:
            found.setdefault(action_word(mention), set()).update(agents)
    return found


def different_selves(a: Claim, b: Claim) -> bool:
    """Whether two speakers each tell what they themselves do: "I support and endorse Paul
    Ryan," said one, and "I strongly support Paul Ryan," said another, are two facts (one
    endorsement each), however alike their words. Holds when every action the two share
    with an agent has "I" or "we" for it in both, and their sources differ; two
    witnesses who "saw three tanks enter the village" tell of the tanks, and confirm."""
    source_a = a.attribution.source if a.attribution is not None else ""
    source_b = b.attribution.source if b.attribution is not None else ""
    if not source_a or not source_b or source_a == source_b:
        return False
    agents_a, agents_b = _agents(a), _agents(b)
    shared = action_lemmas(a) & action_lemmas(b) & agents_a.keys() & agents_b.keys()
    return (
        bool(shared)
        and not shared & _PERCEPTION
        and all(agents_a[w] | agents_b[w] <= _FIRST_PERSON for w in shared)
    )
