"""Event mentions of one claim, from the parse the read stage already has.

A mention is a predicate with its arguments: the trigger (with negation and modality),
its participants (agent and patient, each with the count the sentence gives them, taken
from :func:`~storytrace.text.quantities.find_quantities`), and the places and dates
found in its clause (from :mod:`~storytrace.text.places` and :mod:`~storytrace.text.dates`).
Nothing is parsed or geocoded again: the claim's quantities, places and dates are
assigned to the predicates whose clauses hold them.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from spacy.tokens import Span, Token

from storytrace.records import Claim, DateMention, EventMention, Participant, Place, Quantity
from storytrace.text.doccache import entity_at, token_strings

MAX_MENTIONS = 4  # predicates kept per claim, main clause first
_CLAUSES = {"ROOT", "ccomp", "conj", "xcomp", "advcl", "relcl", "acl", "pcomp"}
_REPORTING = {
    "say", "tell", "report", "claim", "add", "state", "announce", "confirm", "deny", "write",
    "according", "allege", "insist", "suggest", "believe", "think", "note", "explain", "accuse",
}  # fmt: skip
_LIGHT = {"be", "have", "do", "get", "become", "seem", "appear"}
_FUTURE = {"will", "shall", "'ll"}
_CONDITIONAL = {"would"}
_SPECULATIVE = {"might", "may", "must", "could", "should"}
_NEGATORS = {"not", "n't", "never", "no"}
_SUBJECTS = {"nsubj": "agent", "nsubjpass": "patient", "csubj": "agent", "expl": "other"}
_OBJECTS = {"dobj": "patient", "attr": "patient", "oprd": "patient"}
_TOWARDS = {"to", "into", "towards", "toward", "onto"}
_NAMED = {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"}


def _is_predicate(token: Token) -> bool:
    if token.dep_ not in _CLAUSES:
        return False
    if token.pos_ == "VERB":
        return True
    if token.pos_ == "AUX":  # a copula: "the unit was from an airbase in Pskov"
        return any(c.dep_ in ("attr", "acomp", "prep") for c in token.children)
    return token.dep_ == "ROOT" and token.pos_ in ("NOUN", "ADJ", "PROPN")


def _predicates(sent: Span) -> list[Token]:
    """The clause heads of a sentence, the main one first; reporting verbs of a content
    clause give way to the clause they report."""
    deps = token_strings(sent.doc, "DEP")  # only a clause head can be a predicate
    found = [
        t
        for t in (sent.doc[i] for i in range(sent.start, sent.end) if deps[i] in _CLAUSES)
        if _is_predicate(t)
    ]
    kept = [
        t
        for t in found
        if not (t.lemma_.lower() in _REPORTING and any(c.dep_ == "ccomp" for c in t.children))
    ] or found
    kept.sort(key=lambda t: (t.dep_ != "ROOT", _depth(t), t.i))
    return kept[:MAX_MENTIONS]


def _depth(token: Token) -> int:
    depth = 0
    while token.head.i != token.i:
        token, depth = token.head, depth + 1
    return depth


def _modality(trigger: Token, certainty: str) -> str:
    aux = {c.lower_ for c in trigger.children if c.dep_ in ("aux", "auxpass")}
    head = trigger
    while head.dep_ in ("xcomp", "conj") and head.head.i != head.i:
        head = head.head
        aux |= {c.lower_ for c in head.children if c.dep_ in ("aux", "auxpass")}
    if aux & _CONDITIONAL or any(c.dep_ == "mark" and c.lower_ == "if" for c in trigger.children):
        return "conditional"
    if aux & _SPECULATIVE:
        return "hedged"
    if aux & _FUTURE:
        return "future"
    if head.dep_ == "ccomp" and head.head.lemma_.lower() in _REPORTING:
        return "reported"
    return "hedged" if certainty in ("hedged", "unconfirmed") else "actual"


def _negated(trigger: Token) -> bool:
    heads = [trigger]
    if trigger.dep_ == "xcomp":
        heads.append(trigger.head)
    for head in heads:
        for child in head.children:
            if child.dep_ == "neg" or (child.lower_ in _NEGATORS and child.dep_ in ("advmod",)):
                return True
            if child.dep_ in _SUBJECTS and any(
                d.dep_ == "det" and d.lower_ == "no" for d in child.children
            ):
                return True
    return False


def _lemma(trigger: Token) -> str:
    """The trigger's lemma; a copula stands for what it predicates ("were elite paratroopers")."""
    lemma = trigger.lemma_.lower()
    if lemma in _LIGHT:
        for child in trigger.children:
            if child.dep_ in ("attr", "acomp", "xcomp") and child.pos_ in ("NOUN", "ADJ", "VERB"):
                return f"{lemma}:{child.lemma_.lower()}"
    return lemma


def _arguments(trigger: Token) -> list[tuple[Token, str]]:
    """(head noun, role) of the trigger's subject and object; a controlled clause ("refused
    to fight") shares the subject of the verb it completes."""
    args = [(c, _SUBJECTS[c.dep_]) for c in trigger.children if c.dep_ in _SUBJECTS]
    args += [(c, _OBJECTS[c.dep_]) for c in trigger.children if c.dep_ in _OBJECTS]
    for child in trigger.children:
        if child.dep_ == "agent":
            args += [(g, "agent") for g in child.children if g.dep_ == "pobj"]
    if not any(role in ("agent", "patient") for _, role in args[:1]) and trigger.dep_ in (
        "xcomp",
        "conj",
    ):
        head = trigger.head
        args = [(c, _SUBJECTS[c.dep_]) for c in head.children if c.dep_ in _SUBJECTS] + args
    return args


def _inside(span: tuple[int, int], token: Token) -> bool:
    sub = list(token.subtree)
    return sub[0].idx <= span[0] and span[1] <= sub[-1].idx + len(sub[-1])


def _owner(start: int, sent: Span, triggers: Sequence[Token]) -> int:
    """Index of the nearest trigger above the token at character ``start`` (else the first)."""
    token = next((t for t in sent if t.idx <= start < t.idx + len(t) + 1), None)
    while token is not None:
        for index, trigger in enumerate(triggers):
            if trigger.i == token.i:
                return index
        if token.head.i == token.i:
            break
        token = token.head
    return 0


def _token_at(start: int, sent: Span) -> Token | None:
    """The token of ``sent`` that starts at character ``start``, if one does."""
    return next((t for t in sent if t.idx == start), None)


def _directional(token: Token | None) -> bool:
    """Whether a place is where something went ("sent to Belarus"), not where it was."""
    return bool(token and token.dep_ == "pobj" and token.head.lower_ in _TOWARDS)


_OFFICES = {
    "senator", "sen", "governor", "gov", "mayor", "congressman", "congresswoman", "rep",
    "representative", "lawmaker", "legislator", "assemblyman", "assemblywoman", "delegate",
    "councilman", "councilwoman", "councillor", "attorney", "president", "premier", "minister",
    "ambassador", "billionaire", "businessman", "businesswoman",
}  # fmt: skip


def _affiliation(token: Token | None) -> bool:
    """Whether a place names whom a person serves or where they come from ("the Florida
    senator", "Texas Sen. Ted Cruz", "Ohio's governor"), not where the clause happens."""
    if token is None:
        return False
    while token.dep_ == "compound" and token.head.i > token.i and token.head.ent_iob_ == "I":
        token = token.head  # the last word of a place name ("New York" -> "York")
    if token.dep_ not in ("compound", "amod", "nmod", "poss") or token.head.i <= token.i:
        return False
    head = token.head
    return head.ent_type_ == "PERSON" or head.lower_.rstrip(".") in _OFFICES


def _participant(noun: Token, role: str, claim: Claim, used: set[int]) -> Participant:
    sub = list(noun.subtree)
    span = (sub[0].idx, sub[-1].idx + len(sub[-1]))
    count: Quantity | None = None
    for index, quantity in enumerate(claim.quantities):
        if index not in used and span[0] <= quantity.span[0] and quantity.span[1] <= span[1]:
            count = quantity
            used.add(index)
            break
    holder = entity_at(noun)
    entity = holder.text if holder is not None and holder.label_ in _NAMED else None
    # the subtree's own tokens: ``doc.text`` would rebuild the whole article on every call
    text = noun.doc[sub[0].i : sub[-1].i + 1].text if span[1] - span[0] <= 80 else noun.text
    return Participant(text=text, role=role, span=span, entity=entity, count=count)


def find_mentions(claim: Claim, sent: Span) -> tuple[EventMention, ...]:
    """The event mentions of one claim whose sentence is ``sent`` (parsed once, upstream)."""
    triggers = _predicates(sent)
    if not triggers:
        return ()
    used: set[int] = set()
    participants: list[list[Participant]] = [[] for _ in triggers]
    for index, trigger in enumerate(triggers):
        for noun, role in _arguments(trigger):
            participants[index].append(_participant(noun, role, claim, used))
    for index, quantity in enumerate(claim.quantities):
        if index not in used:  # a count the clause holds outside its subject and object
            owner = _owner(quantity.span[0], sent, triggers)
            participants[owner].append(
                Participant(quantity.text, "other", quantity.span, None, quantity)
            )
    places: list[list[Place]] = [[] for _ in triggers]
    destinations: list[list[Place]] = [[] for _ in triggers]
    for place in claim.places:
        token = _token_at(place.span[0], sent)  # looked up once for both questions
        if _affiliation(token):
            continue
        slot = destinations if _directional(token) else places
        slot[_owner(place.span[0], sent, triggers)].append(place)
    dates: list[list[DateMention]] = [[] for _ in triggers]
    for date in claim.dates:
        dates[_owner(date.span[0], sent, triggers)].append(date)
    return tuple(
        EventMention(
            id=f"{claim.article_id}:e{trigger.idx}",
            article_id=claim.article_id,
            trigger=trigger.text,
            lemma=_lemma(trigger),
            span=(trigger.idx, trigger.idx + len(trigger)),
            sentence_span=claim.span,
            claim_id=claim.id,
            negated=_negated(trigger),
            modality=_modality(trigger, claim.certainty),
            participants=tuple(participants[index]),
            places=tuple(places[index]),
            dates=tuple(dates[index]),
            destinations=tuple(destinations[index]),
        )
        for index, trigger in enumerate(triggers)
    )


def attach_mentions(claim: Claim, sent: Span) -> Claim:
    """``claim`` with its event mentions (the read stage's one call)."""
    return dataclasses.replace(claim, mentions=find_mentions(claim, sent))
