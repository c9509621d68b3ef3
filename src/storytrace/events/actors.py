"""Who acts and who is acted on, named as ACLED names actors.

The two sides of an event word come from its parse: the agent is the subject of an
active verb or the "by" phrase of a passive one; the other side is the object, the
passive subject, or the noun after "with", "against", "on", "at" ("clashed with the
Russian forces"). Each side's noun phrase is named by its nationality or country and what
it is: armed forces ("Military Forces of Russia (2000-)"), police, protesters, rioters,
civilians; a named organisation keeps its name ("Islamic State").

State forces carry the start year of the government they serve, as in ACLED's actor
list (:data:`REGIMES`); a country not listed gets its name alone.
"""

from __future__ import annotations

from typing import Final

from spacy.tokens import Token

from storytrace.events import acled
from storytrace.text.places import country_name, nationality_country

#: Country code -> the year ACLED dates its current government's forces from.
REGIMES: Final[dict[str, str]] = {
    "RU": "2000-",
    "UA": "2019-",
    "BY": "1994-",
    "SY": "2000-",
    "TR": "2002-",
}
_FORCE_WORDS: Final = acled.FORCES | {
    "military",
    "army",
    "militarie",
    "artillery",
    "airforce",
    "aircraft",
    "warplane",
    "jet",
    "helicopter",
    "navy",
}
_WITH: Final = frozenset({"with", "against", "on", "at", "upon", "between"})
_PROTESTERS: Final = frozenset({"protester", "demonstrator", "protestor", "activist"})
_RIOTERS: Final = frozenset({"rioter", "mob", "crowd"})
_GUNMEN: Final = frozenset({"gunman", "gunmen", "assailant", "attacker", "militant"})


def state_forces(kind: str, iso: str | None) -> str:
    """ "Military Forces of Russia (2000-)"; without a known country, "Military Forces"."""
    name = country_name(iso)
    if not name:
        return kind
    period = REGIMES.get(iso or "")
    return f"{kind} of {name} ({period})" if period else f"{kind} of {name}"


def with_period(label: str) -> str:
    """An actor label with its government's period where ACLED gives one
    ("Military Forces of Russia" -> "Military Forces of Russia (2000-)")."""
    if "(" in label or not label.startswith(("Military Forces of ", "Police Forces of ")):
        return label
    name = label.split(" of ", 1)[1]
    for iso, period in REGIMES.items():
        if country_name(iso) == name:
            return f"{label} ({period})"
    return label


def _phrase(head: Token) -> list[Token]:
    """The head noun with its modifiers (not clauses)."""
    keep = [head]
    for child in head.children:
        if child.dep_ in ("amod", "compound", "det", "poss", "nmod", "prep", "pobj", "conj", "cc"):
            keep += [t for t in child.subtree]
    return keep


def _country(tokens: list[Token]) -> str | None:
    for token in tokens:
        if token.pos_ in ("ADJ", "PROPN", "NOUN") and token.text[:1].isupper():
            iso = nationality_country(token.text)
            if iso:
                return iso
    return None


def _group_name(tokens: list[Token]) -> str:
    """The name of a group modifying a word of armed forces when it names no country
    ("Houthi" of "Houthi forces", "RSF" of "RSF fighters"); "" otherwise."""
    if _country(tokens) is not None:
        return ""
    names = [
        t
        for t in tokens
        if t.dep_ == "compound"
        and (t.pos_ == "PROPN" or t.ent_type_ in ("ORG", "NORP") or _acronym(t))
        and t.text[:1].isupper()
        and t.lemma_.lower() not in _FORCE_WORDS | _GENERIC_NAMES
    ]
    return " ".join(t.text for t in sorted(names, key=lambda t: t.i))


def _acronym(token: Token) -> bool:
    """ "RSF", "PDF", "SDF": a group's initials."""
    return token.is_alpha and token.is_upper and len(token.text) >= 2


#: Capitalised words of a state's forces that name no group ("Air Force", "Armed Forces").
_GENERIC_NAMES: Final = frozenset({"air", "armed", "special", "national", "government",
                                   "security", "state", "federal", "republican", "royal",
                                   "border", "defence", "defense", "naval"})  # fmt: skip


def side_label(head: Token, event_type: str = "", fallback: str | None = None) -> str:
    """The ACLED name of the side whose noun phrase ``head`` heads ("" when unknown)."""
    tokens = _phrase(head)
    lemmas = {t.lemma_.lower() for t in tokens}
    iso = _country(tokens) or fallback
    where = country_name(iso) or ""
    if lemmas & acled.POLICE:
        return state_forces("Police Forces", iso)
    group = _group_name(tokens)
    if lemmas & _FORCE_WORDS and group:
        return group  # "Houthi forces", "RSF fighters": the group's, not a state's
    if lemmas & _FORCE_WORDS:
        return state_forces("Military Forces", iso)
    if lemmas & _PROTESTERS or (event_type == "Protests" and lemmas & acled.CIVILIANS):
        return f"Protesters ({where})" if where else "Protesters"
    if lemmas & _RIOTERS:
        return f"Rioters ({where})" if where else "Rioters"
    if lemmas & acled.CIVILIANS:
        return f"Civilians ({where})" if where else "Civilians"
    if lemmas & _GUNMEN and not any(t.ent_type_ == "ORG" for t in tokens):
        return f"Unidentified Armed Group ({where})" if where else "Unidentified Armed Group"
    entity = [t for t in tokens if t.ent_type_ == "ORG"]
    if entity:
        return " ".join(t.text for t in sorted(entity, key=lambda t: t.i))
    return ""


def sides(trigger: Token, event_type: str = "", fallback: str | None = None) -> tuple[str, str]:
    """(agent, other side) of an event word, each "" when the sentence does not say."""
    agent = other = ""
    for child in trigger.children:
        if child.dep_ == "nsubj" and not agent:
            agent = side_label(child, event_type, fallback)
        elif child.dep_ in ("dobj", "nsubjpass") and not other:
            other = side_label(child, event_type, fallback)
        elif child.dep_ == "agent":
            for noun in (g for g in child.children if g.dep_ == "pobj"):
                agent = agent or side_label(noun, event_type, fallback)
        elif child.dep_ == "prep" and child.lower_ in _WITH:
            for noun in (g for g in child.children if g.dep_ == "pobj"):
                other = other or side_label(noun, event_type, fallback)
    if not agent and trigger.dep_ in ("xcomp", "conj", "advcl") and trigger.head.i != trigger.i:
        agent = sides(trigger.head, event_type, fallback)[0]
    if not agent and trigger.pos_ == "NOUN":  # "Russian shelling", "an army offensive"
        modifiers = [c for c in trigger.children if c.dep_ in ("amod", "compound", "poss")]
        for modifier in modifiers:
            agent = agent or side_label(modifier, event_type, fallback)
    return agent, other if other != agent else ""
