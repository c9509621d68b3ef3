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

import functools
import itertools
from typing import Final

from spacy.tokens import Token

from storytrace.events import acled, actor_names
from storytrace.text.places import country_name, geocode, nationality_country

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
    "junta",
}
#: Countries ACLED names with "the" after "Forces of" ("Military Forces of the United States").
_WITH_ARTICLE: Final = frozenset({"United States", "United Kingdom", "Philippines",
                                  "Netherlands", "United Arab Emirates"})  # fmt: skip
_WITH: Final = frozenset({"with", "against", "on", "at", "upon", "between"})
_PROTESTERS: Final = frozenset({"protester", "demonstrator", "protestor", "activist"})
_RIOTERS: Final = frozenset({"rioter", "mob", "crowd"})
_GUNMEN: Final = frozenset({"gunman", "gunmen", "assailant", "attacker", "militant",
                            "insurgent", "jihadist", "bandit", "gang", "criminal"})  # fmt: skip
#: Settlers who attack are an identity militia in ACLED's coding ("Settlers (Israel)").
_SETTLERS: Final = frozenset({"settler"})


def state_forces(kind: str, iso: str | None) -> str:
    """ "Military Forces of Russia (2000-)"; without a known country, "Military Forces"."""
    name = country_name(iso)
    if not name:
        return kind
    if name in _WITH_ARTICLE:
        name = f"the {name}"
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


def acled_name(name: str) -> str:
    """A side's name as ACLED's actor list gives it: a listed group's ACLED name ("JNIM"
    -> "JNIM: Group for Support of Islam and Muslims"), a newsroom name of a state's forces
    as the state's ("SAF" -> "Military Forces of Sudan"), any other name without its
    article ("the Awami League" -> "Awami League")."""
    name = actor_names.without_article(name)  # "the RSF", "Suspected JNIM"
    named = actor_names.group(name)
    if named is not None:
        return named[0]
    state = actor_names.state_of(name)
    if state:
        return state_forces("Military Forces", state)
    return name


def _phrase(head: Token) -> list[Token]:
    """The head noun with its modifiers (not clauses)."""
    keep = [head]
    for child in head.children:
        if child.dep_ in ("amod", "compound", "det", "poss", "nmod", "prep", "pobj", "conj", "cc"):
            keep += [t for t in child.subtree]
    return keep


def _country(tokens: list[Token]) -> str | None:
    """The country a phrase's nationality word or country name names ("Russian forces",
    "the Myanmar military", "US forces")."""
    for token in tokens:
        if token.pos_ in ("ADJ", "PROPN", "NOUN") and token.text[:1].isupper():
            iso = nationality_country(token.text) or country_code(token.text)
            if iso:
                return iso
    return None


@functools.cache
def country_code(name: str) -> str | None:
    """The ISO code of a country a capitalised name names ("Myanmar", "Russia", "U.S.")."""
    place = geocode(name, set()) if name[:1].isupper() else None
    return place.country if place is not None and place.precision == "country" else None


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
                                   "border", "defence", "defense", "naval", "junta"})  # fmt: skip


def _islamic_state(tokens: list[Token]) -> bool:
    """The phrase names the Islamic State or one of its provinces ("Islamic State
    Mozambique fighters", "ISIS militants", "Daesh cells")."""
    words = [t.lower_ for t in sorted(tokens, key=lambda t: t.i)]
    pairs = set(itertools.pairwise(words))
    return ("islamic", "state") in pairs or bool(set(words) & {"isis", "isil", "daesh"})


def _of_whom(head: Token) -> Token | None:
    """The group a member belongs to ("members of a criminal group" -> "group")."""
    if head.lemma_.lower() not in _MEMBERS:
        return None
    for prep in (c for c in head.children if c.dep_ == "prep" and c.lower_ == "of"):
        return next((g for g in prep.children if g.dep_ == "pobj"), None)
    return None


def where_of(iso: str | None) -> str:
    """A country's name as ACLED brackets it ("Unidentified Armed Group (Mali)")."""
    return country_name(iso) or ""


_MEMBERS: Final = frozenset({"member", "members"})
_UNSEEN: Final = "Unidentified Armed Group"
#: Irregular fighters a report does not name: an unidentified armed group's, never a state's
#: ("separatist fighters", "criminal gangs", "militia members").
_IRREGULAR: Final = frozenset({"separatist", "rebel", "insurgent", "jihadist", "guerrilla",
                               "criminal", "gang", "cartel", "bandit", "militant", "militia",
                               "militiaman", "militiamen", "paramilitary"})  # fmt: skip


def side_label(head: Token, event_type: str = "", fallback: str | None = None) -> str:
    """The ACLED name of the side whose noun phrase ``head`` heads ("" when unknown)."""
    named = _named_group(head) or next(
        (_named_group(c) for c in head.children if c.dep_ == "compound" and _named_group(c)), ""
    )
    if named:  # "Boko Haram militants", "Al Shabaab" (tagged a person's name)
        return named
    if head.pos_ == "PROPN" and not list(head.children) and country_code(head.text):
        return state_forces("Military Forces", country_code(head.text))  # "Russia fired"
    of = _of_whom(head)
    if of is not None:  # "members of a criminal group", "a member of the council"
        return side_label(of, event_type, fallback)
    tokens = _phrase(head)
    lemmas = {t.lemma_.lower() for t in tokens}
    iso = _country(tokens) or fallback
    if _islamic_state(tokens):  # "Islamic State Mozambique fighters": never the state's
        return "Islamic State"
    if lemmas & _IRREGULAR and not lemmas & acled.STATE_FORCES:
        return f"Unidentified Armed Group ({where_of(iso)})" if iso else _UNSEEN
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
    if lemmas & _SETTLERS:
        return f"Settlers ({where})" if where else "Settlers"
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
        if child.dep_ == "nsubj" and not agent:  # "a Russian drone dropped explosives"
            agent = side_label(child, event_type, fallback) or _armed_country(child)
        elif child.dep_ in ("dobj", "nsubjpass") and not other:
            other = side_label(child, event_type, fallback)
        elif child.dep_ == "agent":
            for noun in (g for g in child.children if g.dep_ == "pobj"):
                agent = agent or side_label(noun, event_type, fallback)
        elif child.dep_ == "prep" and child.lower_ == "between" and not agent:
            # "clashes between Al Shabaab and Somali forces": one side each
            for noun in (g for g in child.children if g.dep_ == "pobj"):
                agent = side_label(noun, event_type, fallback) or _named_group(noun)
                for joined in (c for c in noun.children if c.dep_ == "conj"):
                    other = other or side_label(joined, event_type, fallback)
                # the parser may hang the first side on the second ("Al Shabaab and
                # Somali forces" as "forces" with "Shabaab" its modifier)
                first = [_named_group(c) for c in noun.children if c.dep_ == "nmod"]
                if any(first):
                    agent, other = next(f for f in first if f), agent
        elif child.dep_ == "prep" and child.lower_ in _WITH:
            for noun in (g for g in child.children if g.dep_ == "pobj"):
                other = other or side_label(noun, event_type, fallback)
    if not agent and trigger.dep_ in ("xcomp", "conj", "advcl") and trigger.head.i != trigger.i:
        agent = sides(trigger.head, event_type, fallback)[0]
    if not agent and trigger.pos_ == "NOUN":  # "shelling by the RSF" before "artillery"
        agent = _by_phrase(trigger, event_type, fallback)
    if not agent and trigger.pos_ == "NOUN":  # "Russian shelling", "an army offensive"
        modifiers = [c for c in trigger.children if c.dep_ in ("amod", "compound", "poss")]
        for modifier in modifiers:
            agent = agent or side_label(modifier, event_type, fallback)
    if not agent and trigger.pos_ in ("NOUN", "PROPN"):
        agent = _agent_of_noun(trigger, event_type, fallback)
    return agent, other if other != agent else ""


def _agent_of_noun(trigger: Token, event_type: str, fallback: str | None) -> str:
    """Who acts when the event word is a noun: the side a weapon belongs to ("Israeli
    warplanes struck", "a Ukrainian drone hit"), the subject of the verb that carries out
    the attack ("Russian forces launched a drone attack", "the military carried out an
    airstrike"), or the "by" phrase of a participle or of the noun ("rockets fired by
    militants", "an attack by Russian forces")."""
    node = trigger.head if trigger.dep_ == "compound" else trigger
    for child in node.children:
        if child.dep_ == "acl":  # "rockets fired by militants", "artillery shelling by ..."
            for agent in (c for c in child.children if c.dep_ == "agent"):
                for noun in (g for g in agent.children if g.dep_ == "pobj"):
                    return side_label(noun, event_type, fallback) or _named_group(noun)
            found = _by_phrase(child, event_type, fallback)
            if found:
                return found
    found = _by_phrase(node, event_type, fallback)
    if found:
        return found
    if node.dep_ == "nsubj":  # the weapon acts: "Israeli tanks shelled the area"
        found = side_label(node, event_type, fallback) or _armed_country(node)
        if found or node.head.i == node.i:
            return found
        passive = any(c.dep_ == "agent" for c in node.head.children)  # "rockets fired by"
        return sides(node.head, event_type, fallback)[0] if passive else ""
    if node.dep_ == "dobj" and node.head.pos_ == "VERB":  # "launched a drone attack"
        return sides(node.head, event_type, fallback)[0]
    verb = node.head.head
    if node.dep_ == "pobj" and node.head.dep_ == "prep" and verb.pos_ == "VERB":
        return sides(verb, event_type, fallback)[0]  # "killed four in a raid", "with drones"
    return ""


def _by_phrase(noun: Token, event_type: str, fallback: str | None) -> str:
    """The side a noun's "by" phrase names ("an attack by Russian forces"), or ""."""
    for prep in (c for c in noun.children if c.dep_ == "prep" and c.lower_ == "by"):
        for side in (g for g in prep.children if g.dep_ == "pobj"):
            return side_label(side, event_type, fallback) or _named_group(side)
    return ""


def _armed_country(weapon: Token) -> str:
    """A weapon of a country's ("Israeli tanks", "a Ukrainian drone"): that state's
    forces; "" when the phrase names no weapon or no country."""
    tokens = _phrase(weapon)
    if not {t.lemma_.lower() for t in tokens} & _WEAPONS:
        return ""
    iso = _country(tokens)
    return state_forces("Military Forces", iso) if iso else ""


def _named_group(token: Token) -> str:
    """A group the parse leaves unnamed that ACLED's actor list knows ("Al Shabaab",
    tagged a person's name by the small model)."""
    words = sorted(_compounds(token), key=lambda t: t.i)
    text = " ".join(t.text for t in words if t.pos_ == "PROPN" or t.is_upper)
    return text if text and actor_names.group(text) is not None else ""


def _compounds(token: Token) -> list[Token]:
    """A name's words: the token and the compounds before it ("Al" "Shabaab")."""
    found = [token]
    for child in token.children:
        if child.dep_ == "compound":
            found += _compounds(child)
    return found


#: Weapons a country's forces fire: with a nationality, they name the side that acts.
_WEAPONS: Final = frozenset({"tank", "drone", "missile", "rocket", "shell", "bomb", "gunboat",
                             "warship", "uav", "howitzer", "mortar"})  # fmt: skip
