"""ACLED's vocabulary: event types from action words, disorder types, precision codes, actors.

The mapping (see ``docs/events.md``) follows ACLED's codebook. Words are spaCy lemmas of
the verb or noun that names what happened ("refused", "refusal" -> ``refuse``/``refusal``).

- Refusing to fight or obey, deserting and non-violent mutiny are
  ``Strategic developments`` / ``Other``: ACLED keeps ``Change to group/activity`` for a
  group's own decisions about its structure or operations (relocating, disbanding,
  recruiting, fighters defecting to another side), while a unit refusing orders is a
  significant development that fits no other sub-event type. A mutiny told with fighting
  is a battle (``Armed clash``).
- An arrest told with a protest ("police detained dozens of protesters") is the protest,
  ``Protest with intervention``, as ACLED codes it.
- A raid is ``Arrests`` when the sentence says people were arrested or detained,
  ``Looting/property destruction`` when property was seized, looted or destroyed, and
  ``Other`` otherwise (a search of an office, as in a crackdown on a newspaper).
- Fires, explosions of unknown cause, shipwrecks and other accidents are not ACLED
  events. storytrace still codes them, as ``Incident`` (see :data:`INCIDENT`), so a reader
  sees what happened and its disputed tolls, but ``export --format acled`` leaves them out.
"""

from __future__ import annotations

from typing import Final

from storytrace.events import actor_names
from storytrace.records import DateMention, Place

INCIDENT: Final = "Incident"  # storytrace's own type for what ACLED does not code

#: Trigger lemma -> (event type, sub-event type). Nouns and verbs alike.
ACTIONS: Final[dict[str, tuple[str, str]]] = {
    # Strategic developments: refusals, desertions, mutinies (see the module docstring)
    "refuse": ("Strategic developments", "Other"),
    "refusal": ("Strategic developments", "Other"),
    "desert": ("Strategic developments", "Other"),
    "desertion": ("Strategic developments", "Other"),
    "defect": ("Strategic developments", "Change to group/activity"),
    # forced recruitment is a group's own change of activity (the verb, see reports.py)
    "recruit": ("Strategic developments", "Change to group/activity"),
    "recruitment": ("Strategic developments", "Change to group/activity"),
    # captives freed by those who held them: a development of no other sub-type
    "release": ("Strategic developments", "Other"),
    # ground handed over ("handed over their positions to the army"), see reports.py
    "handover": ("Strategic developments", "Non-violent transfer of territory"),
    "defection": ("Strategic developments", "Change to group/activity"),
    "mutiny": ("Strategic developments", "Other"),
    "raid": ("Strategic developments", "Other"),
    "arrest": ("Strategic developments", "Arrests"),
    "detain": ("Strategic developments", "Arrests"),
    "detention": ("Strategic developments", "Arrests"),
    "loot": ("Strategic developments", "Looting/property destruction"),
    "looting": ("Strategic developments", "Looting/property destruction"),
    "ransack": ("Strategic developments", "Looting/property destruction"),
    "demolish": ("Strategic developments", "Looting/property destruction"),
    "demolition": ("Strategic developments", "Looting/property destruction"),
    "bulldoze": ("Strategic developments", "Looting/property destruction"),
    "raze": ("Strategic developments", "Looting/property destruction"),
    # Battles and remote violence
    "clash": ("Battles", "Armed clash"),
    "battle": ("Battles", "Armed clash"),
    "ambush": ("Battles", "Armed clash"),
    "firefight": ("Battles", "Armed clash"),
    "gunfight": ("Battles", "Armed clash"),
    "skirmish": ("Battles", "Armed clash"),
    "fighting": ("Battles", "Armed clash"),  # the noun: "Fighting between X and Y ..."
    "recapture": ("Battles", "Government regains territory"),
    "retake": ("Battles", "Government regains territory"),
    "regain": ("Battles", "Government regains territory"),
    "liberate": ("Battles", "Government regains territory"),
    "airstrike": ("Explosions/Remote violence", "Air/drone strike"),
    "warplane": ("Explosions/Remote violence", "Air/drone strike"),
    "drone": ("Explosions/Remote violence", "Air/drone strike"),
    "shell": ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
    "shelling": ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
    "missile": ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
    "artillery": ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
    "mortar": ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
    "rocket": ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
    "bombard": ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
    "grenade": ("Explosions/Remote violence", "Grenade"),
    "landmine": ("Explosions/Remote violence", "Remote explosive/landmine/IED"),
    "ied": ("Explosions/Remote violence", "Remote explosive/landmine/IED"),
    "suicide": ("Explosions/Remote violence", "Suicide bomb"),
    "detonate": ("Explosions/Remote violence", "Remote explosive/landmine/IED"),
    "vbied": ("Explosions/Remote violence", "Remote explosive/landmine/IED"),
    "chlorine": ("Explosions/Remote violence", "Chemical weapon"),
    "sarin": ("Explosions/Remote violence", "Chemical weapon"),
    # Violence against civilians
    "massacre": ("Violence against civilians", "Attack"),
    "abduct": ("Violence against civilians", "Abduction/forced disappearance"),
    "kidnap": ("Violence against civilians", "Abduction/forced disappearance"),
    "abduction": ("Violence against civilians", "Abduction/forced disappearance"),
    "kidnapping": ("Violence against civilians", "Abduction/forced disappearance"),
    "rape": ("Violence against civilians", "Sexual violence"),
    # Protests and riots (sub-types refined by the sentence's words: see reports.py)
    "protest": ("Protests", "Peaceful protest"),
    "rally": ("Protests", "Peaceful protest"),
    "demonstrate": ("Protests", "Peaceful protest"),
    "demonstration": ("Protests", "Peaceful protest"),
    "sit-in": ("Protests", "Peaceful protest"),
    # a vigil, a strike, a march, a road blockade held by a crowd: see reports._street_protest
    "street protest": ("Protests", "Peaceful protest"),
    "riot": ("Riots", "Violent demonstration"),
    "rioter": ("Riots", "Violent demonstration"),
    "lynch": ("Riots", "Mob violence"),
    "dispersal": ("Protests", "Protest with intervention"),  # a crowd dispersed: see reports.py
    # Strategic developments decided by their word
    "ceasefire": ("Strategic developments", "Agreement"),
    "truce": ("Strategic developments", "Agreement"),
    "prisoner exchange": ("Strategic developments", "Agreement"),  # prisoners exchanged, swapped
    "peace agreement": ("Strategic developments", "Agreement"),  # signed: see reports.py
    "defuse": ("Strategic developments", "Disrupted weapons use"),
    # drones or missiles shot down, intercepted: the codebook's disrupted weapons use
    "intercept": ("Strategic developments", "Disrupted weapons use"),
    "interception": ("Strategic developments", "Disrupted weapons use"),
    # Not ACLED: accidents and disasters (INCIDENT)
    "fire": (INCIDENT, "Fire/explosion"),
    "blaze": (INCIDENT, "Fire/explosion"),
    "explosion": (INCIDENT, "Fire/explosion"),
    "explode": (INCIDENT, "Fire/explosion"),
    "blast": (INCIDENT, "Fire/explosion"),
    "aground": (INCIDENT, "Transport accident"),
    "crash": (INCIDENT, "Transport accident"),
    "collide": (INCIDENT, "Transport accident"),
    "capsize": (INCIDENT, "Transport accident"),
    "derail": (INCIDENT, "Transport accident"),
    "collapse": (INCIDENT, "Structural collapse"),
}

#: Action words of one family name one kind of action: a refusal and a desertion of the
#: same soldiers are one event; a raid and a refusal, both "Other", are not.
FAMILIES: Final[dict[str, str]] = {
    "refuse": "refusal", "desert": "refusal", "desertion": "refusal", "defect": "refusal",
    "defection": "refusal", "mutiny": "refusal", "detain": "arrest", "detention": "arrest",
    "looting": "loot", "ransack": "loot", "demolish": "loot", "demolition": "loot",
    "bulldoze": "loot", "raze": "loot", "bombing": "bomb", "airstrike": "bomb",
    "shelling": "shell", "missile": "shell", "demonstrate": "protest",
    "demonstration": "protest", "rally": "protest", "dispersal": "protest", "rioter": "riot",
    "blaze": "fire",
    "firefight": "clash",
    "gunfight": "clash", "skirmish": "clash", "battle": "clash", "retake": "recapture",
    "regain": "recapture", "liberate": "recapture", "artillery": "shell", "mortar": "shell",
    "rocket": "shell", "bombard": "shell", "warplane": "bomb", "drone": "bomb",
    "abduction": "abduct", "kidnapping": "abduct", "truce": "ceasefire",
    "interception": "intercept", "vbied": "detonate", "sit-in": "protest",
    "street protest": "protest",
    "prisoner exchange": "ceasefire", "peace agreement": "ceasefire", "explosion": "fire",
    "recruitment": "recruit",
    "explode": "fire", "blast": "fire", "kidnap": "abduct",
}  # fmt: skip


#: Words of attack whose ACLED type the kind model decides ("struck a depot": an air strike
#: or a shelling; "a strike" by workers: no event), kept as reports all the same.
ATTACK_WORDS: Final = frozenset({"strike", "attack", "bomb", "bombing", "assault", "offensive",
                                 "fighting", "capture"})  # fmt: skip
#: The action words of ACLED's own types and :data:`ATTACK_WORDS`: a sentence with one and a
#: place named is kept as a claim by the read stage, however short ("Russian forces shelled
#: Toretsk.", "Ukrainian forces struck an ammunition depot near Tokmak.").
CONFLICT_WORDS: Final = ATTACK_WORDS | frozenset(
    w for w, (kind, _) in ACTIONS.items() if kind != INCIDENT
)


def family(lemma: str) -> str:
    """The family of an action word ("desertion" -> "refusal"); itself when it has none."""
    return FAMILIES.get(lemma, lemma)


#: Words in a protest's sentence that make it a riot, force against it, or an intervention.
#: ACLED's codebook: demonstrators' own violence (vandalism, clashes, stones) makes a riot;
#: force likely to kill or injure seriously, excessive force; arrests, tear gas or dispersal,
#: an intervention. A "riot" that names police ("riot police") is "riot police".
PROTEST_VIOLENT: Final = frozenset(
    {"riot", "torch", "vandalise", "vandalize", "loot", "stone", "pelt", "hurl", "throw", "burn",
     "smash", "violent", "violence", "clash", "scuffle", "petrol", "molotov", "firebomb", "rock"}
)  # fmt: skip
PROTEST_FORCE: Final = frozenset({"kill", "shoot", "wound", "injure", "beat", "live", "die",
                                  "dead", "gunfire", "excessive", "injury", "bloody", "violently",
                                  "brutally", "brutal"})  # fmt: skip
PROTEST_STOPPED: Final = frozenset({"disperse", "teargas", "tear", "arrest", "detain", "cannon",
                                    "rubber", "baton", "break", "suppress", "crackdown", "pepper",
                                    "chase", "riot police"})  # fmt: skip

#: Words that make an arrest's sentence a protest broken up by arrests.
PROTEST_WORDS: Final = frozenset(
    {"protest", "protester", "protestor", "demonstration", "demonstrator", "demonstrate", "rally",
     "march", "marcher", "picket", "picketer", "sit", "encampment"}
)  # fmt: skip

#: Words in a raid's sentence that make it an arrest or a destruction of property.
RAID_ARRESTS: Final = frozenset({"arrest", "detain", "detention", "custody"})
RAID_PROPERTY: Final = frozenset({"seize", "confiscate", "loot", "destroy", "ransack", "burn"})

#: A refusal is an event only when what is refused is fighting or an order ...
REFUSED: Final = frozenset(
    {"fight", "obey", "deploy", "serve", "go", "participate", "comply", "advance", "attack",
     "follow", "carry", "return", "leave", "war", "order", "invasion", "combat", "mission"}
)  # fmt: skip
#: ... or when those refusing are armed forces, police or conscripts.
FORCES: Final = frozenset(
    {"soldier", "serviceman", "servicemen", "paratrooper", "troop", "conscript", "officer",
     "unit", "sailor", "marine", "guard", "fighter", "member", "personnel", "recruit",
     "reservist", "pilot", "policeman", "police", "commander", "army", "force", "battalion",
     "brigade", "regiment", "company", "platoon", "squad", "omon", "russians", "ukrainians"}
)  # fmt: skip
#: Who a non-state armed group is, and who the state's forces are, as a sentence names them
#: (ACLED: territory taken by a non-state group is "Non-state actor overtakes territory",
#: even when the group had held it before).
NON_STATE: Final = frozenset(
    {"rebel", "militant", "insurgent", "jihadist", "guerrilla", "militia", "militiaman",
     "opposition", "separatist", "terrorist", "taliban", "shabab", "shabaab", "houthi",
     "houthis", "hezbollah", "isis", "isil", "daesh", "haram", "fighter", "peshmerga", "ypg",
     "sdf", "maoist", "naxal", "naxalite"}
)  # fmt: skip
STATE_FORCES: Final = frozenset(
    {"army", "government", "military", "regime", "troop", "soldier", "police", "loyalist",
     "pro", "federal", "national"}
)  # fmt: skip
POLICE: Final = frozenset({"police", "policeman", "omon", "riot", "gendarme", "national guard"})
CIVILIANS: Final = frozenset(
    {"civilian", "resident", "people", "villager", "worker", "passenger", "child", "woman",
     "man", "student", "journalist", "family", "farmer", "trader", "herder", "fisherman",
     "worshipper", "pilgrim", "teacher", "motorist", "shopper", "headman", "shepherd"}
)  # fmt: skip
#: Counted with these verbs, a number is a death toll (ACLED's ``fatalities``).
FATAL: Final = frozenset({"kill", "die", "dead", "death", "slay", "execute", "perish"})
INJURED: Final = frozenset({"injure", "wound", "hurt", "injured", "wounded"})

_DISORDER: Final[dict[str, str]] = {
    "Battles": "Political violence",
    "Explosions/Remote violence": "Political violence",
    "Violence against civilians": "Political violence",
    "Riots": "Political violence; Demonstrations",
    "Protests": "Demonstrations",
    "Strategic developments": "Strategic developments",
}
ACLED_TYPES: Final = frozenset(_DISORDER)

_INTER: Final[dict[str, int]] = {
    "Military Forces": 1,
    "Police Forces": 1,
    "Rebel": 2,
    "Militia": 3,
    "Unidentified Armed Group": 3,
    "Settlers": 4,
    "Rioters": 5,
    "Protesters": 6,
    "Civilians": 7,
}


def disorder_type(event_type: str, sub_event_type: str = "") -> str:
    """ACLED's ``disorder_type`` for an event type ("" for storytrace's own incidents)."""
    if event_type == "Riots" and sub_event_type == "Mob violence":
        return "Political violence"
    return _DISORDER.get(event_type, "")


def is_acled(event_type: str) -> bool:
    """Whether ACLED codes this event type (incidents and accidents it does not)."""
    return event_type in ACLED_TYPES


def geo_precision(place: Place | None, *, inferred: bool = False) -> int | None:
    """ACLED's geo_precision: 1 the town itself, 2 near a town or part of a region, 3 a region.

    A country alone is 3 too (ACLED's coarsest code). A place taken from the article's
    context rather than the event's own sentence is at best 2.
    """
    if place is None:
        return None
    code = {"city": 1, "region": 3, "country": 3}.get(place.precision, 3)
    return max(code, 2) if inferred else code


def time_precision(date: DateMention | None, *, inferred: bool = False) -> int | None:
    """ACLED's time_precision: 1 a day, 2 a week or a date near it, 3 a month or a year.

    A day without its year (``--03-05``) is still a day; a date taken from the article's
    context (the nearest date before the event, the publication date) is at best 2.
    """
    if date is None:
        return None
    code = {"day": 1, "month-day": 1, "week": 2, "relative": 2}.get(date.precision, 3)
    return max(code, 2) if inferred else code


def actor_label(counted: str | None, country: str | None, event_type: str = "") -> str:
    """An ACLED-style actor for who is counted: "Military Forces of Russia", "Civilians (Peru)".

    In a protest or a riot, people are "Protesters (Georgia)" or "Rioters (Georgia)".
    """
    # the head noun comes before "of": "members of one family" are no armed force
    words = set((counted or "").lower().split(" of ")[0].split())
    where = country or ""
    if words & POLICE:
        return f"Police Forces of {where}".strip().removesuffix(" of")
    crowd = {"Protests": "Protesters", "Riots": "Rioters"}.get(event_type)
    # "members of the teachers' union" who protest are protesters, not an armed unit
    if words & (FORCES - {"member", "unit", "company"} if crowd else FORCES):
        return f"Military Forces of {where}".strip().removesuffix(" of")
    if crowd:
        return f"{crowd} ({where})" if where else crowd
    if words & CIVILIANS:
        return f"Civilians ({where})" if where else "Civilians"
    return ""


def inter_code(actor: str) -> int | None:
    """ACLED's ``inter`` code of an actor label made by :func:`actor_label` or named by
    :mod:`storytrace.events.actor_names`, if known."""
    named = actor_names.inter_of(actor)
    if named is not None:
        return named
    for prefix, code in _INTER.items():
        if actor.startswith(prefix):
            return code
    return None


def interaction(inter1: int | None, inter2: int | None) -> int | None:
    """ACLED's two-digit ``interaction`` code (lower code first; 10 × code for a lone actor)."""
    codes = sorted(c for c in (inter1, inter2) if c is not None)
    if not codes:
        return None
    return codes[0] * 10 + (codes[1] if len(codes) > 1 else 0)
