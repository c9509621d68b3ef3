"""Which event mentions of one story, across its articles, tell one real event.

The reader's slot rules of event coreference. :func:`storytrace.align.coref.chain_mentions`,
the one chaining function (``analyze``, ``predict coref``, ``bench quality ecbplus-events``),
weighs learned pair probabilities and takes these rules as constraints where the reader
filled a mention's slots: a pair that meets one of rules 1-3 is a must-link
(:func:`same_event`), a pair that :func:`apart` rules out is a cannot-link. Facts are built
on the event chains cut by the same rules (:func:`fact_chains`): two claims state one fact
when their mentions are one event and tell the same thing about it.

1. **Counted participants.** Two mentions in different articles that count the same
   kind of people ("some 60 unit members", "about 60 servicemen") with intervals that
   overlap tell one event, whatever their verbs ("were fired", "refused"), unless the
   verbs name different outcomes (killed is not injured). Small counts ("three
   workers") are common across unrelated events: they chain only when both verbs name
   the same outcome (killed, injured, arrested ...), when the counts are equal, and when
   no place named around them rules it out.
2. **Counted participants told differently.** Counts of the same kind that do not
   overlap ("some 60" against "about 80"; small counts with one named outcome) still
   tell one event when the mentions share a specific place (a town or region, one
   containing the other) and name no place that rules it out: the slot then conflicts.
3. **One action in one place.** Mentions with the same specific verb lemma ("return")
   whose own clauses name a shared specific place, where it happened or where it went
   ("returned to Pskov", "returned to their base in Pskov").

A mention that names no place takes the places of its paragraph ("They reported that
the unit was from an airbase in Pskov. ... some 60 unit members were fired").
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from storytrace.align.compare import counted_kind, overlaps, specific
from storytrace.records import EventMention, Place, Quantity

# Outcomes that are different events even for the same people and place.
_OUTCOMES = (
    {"kill", "die", "dead", "death", "shoot", "murder", "execute", "slaughter"},
    {"injure", "wound", "hurt", "hospitalise", "hospitalize", "treat"},
    {"evacuate", "relocate", "displace", "flee"},
    {"arrest", "detain", "jail", "imprison", "capture"},
    {"rescue", "save", "free", "release"},
    {"miss", "disappear"},
)
# Verbs too general to say two mentions tell one action.
_GENERIC = {
    "be", "have", "do", "say", "tell", "report", "go", "come", "take", "make", "get", "give",
    "see", "know", "want", "seem", "appear", "become", "include", "use", "claim", "add",
}  # fmt: skip
_PARAGRAPH = re.compile(r"\n\s*\n")


def outcome(lemma: str, quantity: Quantity | None) -> int | None:
    """Which family of outcomes (killed, injured, evacuated ...) a verb names, if any."""
    words = {lemma.split(":")[-1]}
    if quantity is not None and quantity.predicate:
        words |= set(quantity.predicate.split("+"))
    for index, family in enumerate(_OUTCOMES):
        if words & family:
            return index
    return None


def contains(a: Place, b: Place) -> bool:
    """Whether one place lies in the other (or they are one place): Pskov and Pskov Oblast."""
    if a.name == b.name and a.country == b.country:
        return True
    if a.country is None or a.country != b.country:
        return False
    if "country" in (a.precision, b.precision):
        return True
    if "region" in (a.precision, b.precision):
        return a.admin1 is not None and a.admin1 == b.admin1
    return False


def specific_places(places: Sequence[Place]) -> list[Place]:
    """The most specific places among ``places``: towns if any, else regions."""
    towns = [p for p in places if p.precision == "city"]
    return towns or [p for p in places if p.precision == "region"]


def places_agree(a: Sequence[Place], b: Sequence[Place]) -> bool | None:
    """True when some specific place of one contains one of the other, False when none
    does, None when either names no specific place."""
    first, second = specific_places(a), specific_places(b)
    if not first or not second:
        return None
    return any(contains(x, y) for x in first for y in second)


def _paragraph_places(
    mentions: Sequence[EventMention], texts: Mapping[str, str]
) -> dict[str, tuple[Place, ...]]:
    """Each mention's places, or else those named in its paragraph."""
    bounds: dict[str, list[int]] = {}
    for article_id, text in texts.items():
        bounds[article_id] = [m.end() for m in _PARAGRAPH.finditer(text)]
    paragraph: dict[tuple[str, int], list[Place]] = {}

    def key(m: EventMention) -> tuple[str, int]:
        ends = bounds.get(m.article_id, [])
        return m.article_id, sum(1 for end in ends if end <= m.span[0])

    for m in mentions:
        paragraph.setdefault(key(m), []).extend(m.places)
    return {m.id: m.places or tuple(paragraph.get(key(m), ())) for m in mentions}


def _own_places(mention: EventMention) -> tuple[Place, ...]:
    """The places the mention's own clause names, destinations included (not its paragraph's)."""
    return mention.places + mention.destinations


def _counts(mention: EventMention) -> list[Quantity]:
    """The mention's counted participants (a count of a known kind of thing)."""
    return [
        p.count
        for p in mention.participants
        if p.count is not None and counted_kind(p.count) is not None
    ]


def _core_counts(mention: EventMention) -> list[Quantity]:
    """The counts of who does or undergoes the action (agent, patient): a count that only
    stands beside it ("cruised past the 1,237 delegates needed", "a reference to thousands
    of emails") says who took part in some other fact."""
    return [
        p.count
        for p in mention.participants
        if p.count is not None and counted_kind(p.count) is not None and p.role != "other"
    ]


def _counts_meet(qa: Quantity, qb: Quantity, family: int | None, where: bool | None) -> bool:
    """Rules 1 and 2 for two counts of one kind whose verbs name the same outcome ``family``."""
    if specific(qa) and specific(qb):
        return overlaps(qa, qb) or where is True
    if family is None or where is False:
        return False  # a small count needs a named outcome ("three workers were killed")
    return where is True or (qa.value is not None and qa.value == qb.value)


def same_event(
    a: EventMention,
    b: EventMention,
    places_a: Sequence[Place],
    places_b: Sequence[Place],
    *,
    core: bool = False,
) -> bool:
    """Whether two mentions in different articles tell one event (rules 1-3 above); with
    ``core``, rules 1 and 2 read only the counts of who does or undergoes the action
    (:func:`_core_counts`), as facts need."""
    if a.article_id == b.article_id:
        return False
    where = places_agree(places_a, places_b)
    counts = _core_counts if core else _counts
    for qa in counts(a):
        for qb in counts(b):
            if counted_kind(qa) != counted_kind(qb):
                continue
            family = outcome(a.lemma, qa)
            if family != outcome(b.lemma, qb):
                continue
            if _counts_meet(qa, qb, family, where):
                return True
    lemma = a.lemma.split(":")[0]
    if lemma != b.lemma.split(":")[0] or lemma in _GENERIC:
        return False
    return places_agree(_own_places(a), _own_places(b)) is True


def apart(a: EventMention, b: EventMention, where: bool | None) -> bool:
    """Whether two mentions cannot tell one event (a cannot-link), whatever their wording.

    They count participants and no two of their counts can be the same people: none
    overlap, and none of one kind shares a place (``where``, from :func:`places_agree`)
    ("11 OMON soldiers" in Khakassia are not "about 60 servicemen" in Pskov; 60 and 80
    servicemen in Pskov may be, the count then conflicts); or their verbs name different
    outcomes (killed is not injured).
    """
    counts_a, counts_b = _counts(a), _counts(b)
    if (
        counts_a
        and counts_b
        and not any(
            overlaps(qa, qb) or (counted_kind(qa) == counted_kind(qb) and where is True)
            for qa in counts_a
            for qb in counts_b
        )
    ):
        return True
    first = _outcomes(a, counts_a)
    second = _outcomes(b, counts_b)
    return bool(first and second and not first & second)


def _outcomes(mention: EventMention, counts: Sequence[Quantity]) -> set[int]:
    found = {outcome(mention.lemma, q) for q in counts} | {outcome(mention.lemma, None)}
    return {f for f in found if f is not None}


def slot_links(
    mentions: Sequence[EventMention], places: Mapping[str, Sequence[Place]]
) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """Index pairs ``i < j`` the reader's slots decide: (must-links, cannot-links).

    A must-link is :func:`same_event` (rules 1-3 above); a cannot-link is :func:`apart`.
    ``places`` are each mention's effective places (:func:`effective_places`). Only
    mentions that count participants, name an outcome or name a specific place of their
    own are compared; the others leave the decision to the learned model.
    """
    must: list[tuple[int, int]] = []
    cannot: list[tuple[int, int]] = []
    filled = [
        i
        for i, m in enumerate(mentions)
        if _counts(m) or _outcomes(m, ()) or specific_places(_own_places(m))
    ]
    for pos, i in enumerate(filled):
        a = mentions[i]
        for j in filled[pos + 1 :]:
            b = mentions[j]
            if apart(a, b, places_agree(places[a.id], places[b.id])):
                cannot.append((i, j))
            elif same_event(a, b, places[a.id], places[b.id]):
                must.append((i, j))
    return must, cannot


def fact_chains(
    mentions: Sequence[EventMention],
    chains: Mapping[str, str],
    places: Mapping[str, Sequence[Place]],
) -> dict[str, str]:
    """The chains facts are built on: event chains cut to what the slots say is one fact.

    ``chains`` are the events (:func:`storytrace.align.coref.chain_mentions`); inside each,
    two mentions of different articles tell one fact when :func:`same_event` holds for
    them (the same counted people as agent or patient, or one specific action in one
    place). Every mention
    gets a fact chain id; one with no such partner is a fact alone.
    """
    index = {m.id: i for i, m in enumerate(mentions)}
    parent = list(range(len(mentions)))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    members: dict[str, list[int]] = {}
    for m in mentions:
        if m.id in chains:
            members.setdefault(chains[m.id], []).append(index[m.id])
    for block in members.values():
        for pos, i in enumerate(block):
            for j in block[pos + 1 :]:
                a, b = mentions[i], mentions[j]
                if find(i) != find(j) and same_event(a, b, places[a.id], places[b.id], core=True):
                    parent[find(i)] = find(j)
    return {m.id: f"fact-{mentions[find(i)].id}" for i, m in enumerate(mentions)}


def effective_places(
    mentions: Sequence[EventMention], texts: Mapping[str, str]
) -> dict[str, tuple[Place, ...]]:
    """Each mention's places, or its paragraph's when it names none (for slot comparison)."""
    return _paragraph_places(mentions, texts)
