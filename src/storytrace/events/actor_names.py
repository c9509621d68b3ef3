"""Named armed groups and state forces as ACLED's actor list names them.

A report names a group the way a newsroom does ("JNIM fighters", "the RSF", "Al-Shabaab",
"FARDC troops"); ACLED's actor list names it one way ("JNIM: Group for Support of Islam
and Muslims", "RSF: Rapid Support Forces", "Al Shabaab", "Military Forces of the
Democratic Republic of Congo") and gives it an ``inter`` code (2 rebel group, 3 political
militia, 4 identity militia, 8 external force). :data:`GROUPS` holds the groups whose
ACLED name and code we are sure of from ACLED's public actor naming; a group not listed
keeps the name the report gives it and no inter code (an export leaves its interaction
empty rather than guess). :data:`STATE_FORCES` holds the newsroom names of state forces
("SAF", "the Tatmadaw", "IRGC") with their country, named "Military Forces of ..." by
:func:`storytrace.events.actors.state_forces`.
"""

from __future__ import annotations

import re
from typing import Final

#: Spelling of a group in reports (folded by :func:`fold`) -> (ACLED's name, inter code).
GROUPS: Final[dict[str, tuple[str, int]]] = {
    "al shabaab": ("Al Shabaab", 2),
    "jnim": ("JNIM: Group for Support of Islam and Muslims", 2),
    "jama'at nusrat al islam wal muslimin": ("JNIM: Group for Support of Islam and Muslims", 2),
    "boko haram": ("Boko Haram - Jamaatu Ahli is-Sunnah lid-Dawati wal-Jihad", 2),
    "jas": ("Boko Haram - Jamaatu Ahli is-Sunnah lid-Dawati wal-Jihad", 2),
    "rsf": ("RSF: Rapid Support Forces", 2),
    "rapid support forces": ("RSF: Rapid Support Forces", 2),
    "pkk": ("PKK: Kurdistan Workers Party", 2),
    "kurdistan workers party": ("PKK: Kurdistan Workers Party", 2),
    "sdf": ("SDF: Syrian Democratic Forces", 2),
    "syrian democratic forces": ("SDF: Syrian Democratic Forces", 2),
    "hts": ("HTS: Hayat Tahrir al Sham", 2),
    "hayat tahrir al sham": ("HTS: Hayat Tahrir al Sham", 2),
    "m23": ("M23: March 23 Movement", 2),
    "march 23 movement": ("M23: March 23 Movement", 2),
    "adf": ("ADF: Allied Democratic Forces", 2),
    "allied democratic forces": ("ADF: Allied Democratic Forces", 2),
    "arakan army": ("AA: Arakan Army", 2),
    "kachin independence army": ("KIA: Kachin Independence Army", 2),
    "kia": ("KIA: Kachin Independence Army", 2),
    "eln": ("ELN: National Liberation Army", 2),
    "npa": ("NPA: New People's Army", 2),
    "new people's army": ("NPA: New People's Army", 2),
    "biff": ("BIFF: Bangsamoro Islamic Freedom Fighters", 2),
    "bangsamoro islamic freedom fighters": ("BIFF: Bangsamoro Islamic Freedom Fighters", 2),
    "ttp": ("TTP: Tehreek-i-Taliban Pakistan", 2),
    "tehreek e taliban pakistan": ("TTP: Tehreek-i-Taliban Pakistan", 2),
    "pakistani taliban": ("TTP: Tehreek-i-Taliban Pakistan", 2),
    "hezbollah": ("Hezbollah", 2),
    "islamic state": ("Islamic State", 2),
    "isis": ("Islamic State", 2),
    "isil": ("Islamic State", 2),
    "daesh": ("Islamic State", 2),
    "wagner": ("Wagner Group", 8),
    "wagner group": ("Wagner Group", 8),
    "cjng": ("CJNG: Jalisco New Generation Cartel", 3),
    "jalisco new generation cartel": ("CJNG: Jalisco New Generation Cartel", 3),
    "sinaloa cartel": ("Sinaloa Cartel", 3),
}

#: Newsroom names of a state's armed forces -> the state's ISO code.
STATE_FORCES: Final[dict[str, str]] = {
    "saf": "SD",
    "sudanese armed forces": "SD",
    "endf": "ET",
    "fardc": "CD",
    "sspdf": "SS",
    "idf": "IL",
    "israel defense forces": "IL",
    "fama": "ML",
    "tatmadaw": "MM",
    "irgc": "IR",
    "revolutionary guards": "IR",
    "islamic revolutionary guard corps": "IR",
}

_ARTICLE = re.compile(r"^(?:[Tt]he|[Aa]n?|[Ss]uspected|[Aa]lleged)\s+(?=[A-Z])")
_DASHES = re.compile(r"[\u2010-\u2015-]")


def without_article(name: str) -> str:
    """A name without the article or the "suspected" before it ("the Awami League" ->
    "Awami League", "Suspected JNIM" -> "JNIM")."""
    return _ARTICLE.sub("", name.strip())


def fold(name: str) -> str:
    """A group's name as :data:`GROUPS` keys it: lowercase, no article nor "suspected",
    hyphens as spaces ("the Al-Shabaab" -> "al shabaab")."""
    text = _DASHES.sub(" ", without_article(name))
    return " ".join(text.lower().replace("\u2019", "'").split())


def group(name: str) -> tuple[str, int] | None:
    """ACLED's (name, inter code) of a group a report names, or None when not listed."""
    return GROUPS.get(fold(name))


def state_of(name: str) -> str | None:
    """The ISO code of the state whose forces a newsroom name stands for ("SAF" -> "SD")."""
    return STATE_FORCES.get(fold(name))


def inter_of(actor: str) -> int | None:
    """The inter code of an ACLED name from :data:`GROUPS`, or None."""
    return _BY_NAME.get(actor)


_BY_NAME: Final[dict[str, int]] = {name: code for name, code in GROUPS.values()}
