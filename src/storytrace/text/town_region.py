"""Places written as conflict reporting writes them: "Toretsk, Donetsk", "Hays district, Al
Hudaydah", "Let Yet Kone village, Tabayin township, Sagaing", "Minna, Niger state".

A name (or several, comma-separated; or one with its district and region in brackets
after it: "Boni (Douentza, Mopti)") followed by a first-level region is a place in that
region, whatever the tagger made of the names (the small model reads "Nikopol" and
"Dnipropetrovsk" as organisations, "Guerrero" as a person). Each name is looked up with
the region as context: a town or village found in the region's country is the place, with
the region the report names as its first-level region (the report names it; a gazetteer's
boundary may differ); a name found nowhere there leaves the region itself. A generic word
after a name ("district", "raion", "township", "city", "LGA") is not part of it.

The place's ``text`` is the name with its region ("Toretsk, Donetsk"): it is not looked up
again without the region (see ``events.coding``); its span is the name's own.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from dataclasses import replace
from typing import Any

from spacy.tokens import Span, Token

from storytrace.records import Place
from storytrace.text.calendar_words import MONTHS, WEEKDAYS
from storytrace.text.doccache import token_strings
from storytrace.text.gazetteer import (
    acled_spellings,
    skeleton,
    village_candidates,
    villages_named,
    villages_spelt_like,
)
from storytrace.text.places import (
    _admin1_code,
    _admin1_subdivision,
    _cities,
    _cities_by_skeleton,
    _countries,
    _geonames_region_keys,
    _region,
    _region_of_stem,
    _regions,
    _skeleton,
    geocode,
    region_code,
    region_seat,
    short_regions,
    town_named,
)

#: Words after a name that say what kind of place it is, not part of the name.
GENERIC = frozenset(("district", "districts", "raion", "rayon", "township", "city", "town",
                     "village", "villages", "area", "areas", "lga", "municipality", "county",
                     "subdistrict", "sub-district", "hromada", "neighbourhood",
                     "neighborhood", "camp", "locality", "commune", "department",
                     "territory", "cercle", "prefecture", "tehsil", "sector", "woreda",
                     "upazila", "chiefdom", "sub-county", "subcounty", "mountains",
                     "mountain", "hills", "valley", "forest", "zone"))  # fmt: skip
_REGION_WORD = re.compile(r"\s+(state|governorate|province|oblast|region)$", re.IGNORECASE)
_LINKS = frozenset(("al", "el", "ad", "as", "ar", "ash", "at", "az", "an", "and", "de", "del",
                    "la", "-", "'s", "of", "bin", "abu", "du", "des", "da", "do",
                    "di"))  # fmt: skip
_MAX_WORDS = 5
#: Words that open a sentence before a place's name, capitalised there only.
_OPENERS = frozenset(("in", "near", "at", "on", "outside", "from", "around", "across"))


def town_region_places(sent: Span) -> list[tuple[Place, tuple[int, int]]]:
    """The places of ``sent`` written "Name, Region" (or "Name, Name, Region"), each with
    the characters the whole mention covers (its names and the region)."""
    found = parenthesised_places(sent)
    texts = token_strings(sent.doc, "ORTH")
    commas = [sent.doc[i] for i in range(sent.start, sent.end) if texts[i] == ","]
    for comma in commas:
        after = _name_at(comma.i + 1, sent)
        if after is None:
            continue
        region, country, whole = _region_after(after)
        # "Huanta province, Ayacucho": a province of a first-level region is a district
        names = _names_before(comma, sent, also=_PROVINCE if region is not None else frozenset())
        if names and names[0].start - 1 > sent.start and texts[names[0].start - 1] == "(":
            # "Boni (Douentza, Mopti)": the name before the brackets, in their district
            names = _names_before(sent.doc[names[0].start - 1], sent) + names
        names = [n for n in names if not _a_date(n)]
        if not names:
            continue  # "death Tuesday, Charlotte experienced": a day, then a town
        if region is None and country is None:
            # a region of several countries ("Punjab"): the one the town is found in
            for namesake in _namesake_regions(after):
                context = {c for c in (namesake.country, region_code(namesake)) if c}
                if any(_in_region(n.text, context, namesake) for n in names):
                    region, country = namesake, namesake.country
                    break
        if region is None and country is None:
            continue
        context = {c for c in (country, region_code(region) if region else None) if c}
        # "Gore, Logone Oriental province": a region written with its word is one, whatever
        # town elsewhere the name before it names
        worded = whole and _REGION_WORD.search(after.text) is not None
        if any(start < after.end_char and names[0].start_char < end for _, (start, end) in found):
            continue  # read as "Name (Region)" already
        for number, name in enumerate(names):
            label = f"{name.text}, {after.text}"
            last = whole and number == len(names) - 1
            place = _town(name, context, region, label, last=last, worded=worded)
            if place is not None:
                found.append((place, (names[0].start_char, after.end_char)))
    return found


def _a_date(name: Span) -> bool:
    """A capitalised day or month before a comma ("Tuesday, Charlotte ..."), not a town."""
    words = [t.lower_ for t in name]
    return all(w in WEEKDAYS or w in MONTHS or t.ent_type_ in ("DATE", "TIME")
               for w, t in zip(words, name, strict=True))  # fmt: skip


def _region_after(span: Span | None) -> tuple[Place | None, str | None, bool]:
    """The first-level region (or the country) a name just after a comma names, and
    whether it is the whole name: a region read from the first words of a longer one
    ("Northern" of "Northern Russia") holds a town found in it, never an unknown name."""
    if span is None:
        return None, None, False
    for end in range(span.end, span.start, -1):
        whole = end == span.end
        text = span.doc[span.start : end].text
        stem = _REGION_WORD.sub("", text)
        if stem != text:  # "Niger state" is the state, not the country
            region = _region(stem, set()) or _region_of_stem(text, stem, set())
            if region is not None and region.precision == "region":
                return region, region.country, whole
        key = text.lower().removeprefix("the ")
        if key in _countries():
            return None, str(_countries()[key]["iso"]), whole
        shared = _shared_regions().get(_spaceless(text))
        if shared is not None:  # "Khan Younis, Gaza Strip": a town of the country
            return None, shared, whole
        region = (
            _region(text, set())
            or _region_of_stem(text, text, set())
            or _alias(text)
            or _short_region(text)
        )
        if region is not None and region.precision == "region":
            return region, region.country, whole
    return None, None, False


def _short_region(text: str) -> Place | None:
    """A region of a three-letter name in one country only ("Gao"), after a town's name."""
    found = short_regions().get(_skeleton(text), []) if text[:1].isupper() else []
    if len({s.country_code for s in found}) != 1:
        return None
    name = str(found[0].name)
    return Place(text, name, found[0].country_code, name, None, None, "region")


def _alias(text: str) -> Place | None:
    """A region by ACLED's spelling of it ("Deir-ez-Zor", "Federal Capital Territory"),
    spaces and hyphens aside."""
    subdivision = _acled_names().get(_spaceless(text))
    if subdivision is None:
        return None
    name = str(subdivision.name)
    return Place(text, name, subdivision.country_code, name, None, None, "region")


def _spaceless(text: str) -> str:
    return _skeleton(text).replace(" ", "")


@functools.cache
def _acled_names() -> dict[str, Any]:
    """ACLED's region spellings (``text/data/acled_admin1.json``), spelling skeleton without
    spaces -> the ISO 3166-2 subdivision; a name several subdivisions share (Palestine's
    "West Bank") names none of them."""
    import pycountry

    found: dict[str, Any] = {}
    shared = Counter(_spaceless(name) for name in acled_spellings().values())
    for code, name in acled_spellings().items():
        subdivision = pycountry.subdivisions.get(code=code)  # type: ignore[no-untyped-call]
        key = _spaceless(name)
        if subdivision is not None and shared[key] == 1 and key not in _COMPASS:
            found[key] = subdivision
    return found


@functools.cache
def _shared_regions() -> dict[str, str]:
    """ACLED region names that several first-level regions of one country share ("Gaza
    Strip", "West Bank"), spelling skeleton without spaces -> the country's code."""
    countries: dict[str, set[str]] = {}
    for code, name in acled_spellings().items():
        countries.setdefault(_spaceless(name), set()).add(code.split("-")[0])
    shared = Counter(_spaceless(name) for name in acled_spellings().values())
    return {
        key: next(iter(found))
        for key, found in countries.items()
        if shared[key] > 1 and len(found) == 1 and key not in _COMPASS
    }


#: ACLED region names that are only a direction (Lebanon's "North", "South"): read in a
#: text, they are words, not regions.
_COMPASS = frozenset({"north", "south", "east", "west", "centre", "center"})


def _namesake_regions(span: Span) -> list[Place]:
    """The first-level regions of several countries a name may be ("Punjab")."""
    found = []
    for subdivision in _regions().get(_skeleton(span.text), ()):
        if subdivision.parent_code is None:
            name = str(subdivision.name)
            found.append(Place(span.text, name, subdivision.country_code, name, None, None,
                               "region"))  # fmt: skip
    return sorted(found, key=lambda p: (p.country or "", p.name))


#: Words for a region that, before a first-level region, name a lower one.
_PROVINCE = frozenset(("province", "provinces"))


def _names_before(comma: Token, sent: Span, also: frozenset[str] = frozenset()) -> list[Span]:
    """The comma-separated names just before ``comma`` ("A, B, Region" -> A, B), each
    without the generic word after it ("Tabayin township" -> "Tabayin"), or a word of
    ``also``."""
    doc = sent.doc
    names: list[Span] = []
    at = comma.i - 1
    while at >= sent.start:
        while at >= sent.start and (doc[at].lower_ in GENERIC or doc[at].lower_ in also):
            at -= 1
        end = start = at + 1
        while start - 1 >= sent.start and end - start < _MAX_WORDS:
            word = doc[start - 1]
            if word.lower_ == "and":
                break  # "Paris and San Bernardino, Calif.": the region is the last name's
            glued = start < end and not word.whitespace_ and (word.is_alpha or _hyphen(word))
            # "Mazar-e Sharif": a short lowercase word glued after a hyphen
            hyphened = (
                start < end
                and word.is_lower
                and start - 2 >= sent.start
                and (_hyphen(doc[start - 2]))
            )
            if _capitalised(word) or (word.lower_ in _LINKS and start < end) or glued or hyphened:
                start -= 1
            else:
                break
        while start < end and doc[start].lower_ in _LINKS and not doc[start].text[:1].isupper():
            start += 1
        if start < end and start == sent.start and doc[start].lower_ in _OPENERS:
            start += 1  # "In Kumba, South-West region, ...": the capital is the sentence's
        if start == end:
            break
        names.insert(0, doc[start:end])
        if start - 1 < sent.start or doc[start - 1].text != ",":
            break
        at = start - 2
    return names


def _name_at(start: int, sent: Span) -> Span | None:
    """The capitalised name (links allowed inside, a region word after) at token ``start``."""
    end = start
    while end < sent.end and end - start < _MAX_WORDS:
        word = sent.doc[end]
        inside = end > start and end + 1 < sent.end and _capitalised(sent.doc[end + 1])
        glued = end > start and not sent.doc[end - 1].whitespace_ and word.is_alpha
        if _capitalised(word) or (word.lower_ in _LINKS and inside) or glued or _hyphen(word):
            end += 1
        elif end > start and _REGION_WORD.search(" " + word.text):
            end += 1
            break
        else:
            break
    return sent.doc[start:end] if end > start else None


def _hyphen(token: Token) -> bool:
    """A hyphen inside a name ("Deir-ez-Zor"), glued to the words on both sides."""
    doc = token.doc
    return (
        token.text == "-"
        and not token.whitespace_
        and token.i > 0
        and not doc[token.i - 1].whitespace_
        and token.i + 1 < len(doc)
    )


#: A capitalised abbreviation with its full stop: a US state as news style writes it ("Va.",
#: "Calif.", "N.Y.").
_ABBREVIATED = re.compile(r"[A-Z][a-z]{0,4}\.|(?:[A-Z]\.){2,3}")


def _capitalised(token: Token) -> bool:
    """A word that can be part of a place name: "Toretsk", "Al", "al-Zawiya", "Va."."""
    text = token.text
    return text[:1].isupper() and (
        token.is_alpha or "-" in text or "'" in text or bool(_ABBREVIATED.fullmatch(text))
    )


def _town(
    name: Span,
    context: set[str],
    region: Place | None,
    label: str,
    *,
    last: bool,
    worded: bool = False,
) -> Place | None:
    """``name`` looked up in the named region: a town or village there, with the region
    the report names; else, for the name nearest the region, the region itself (when
    the name is a town of another country, only if the region is ``worded``: written
    with its word, "Logone Oriental province")."""
    span = (name.start_char, name.end_char)
    generic = name.end < len(name.doc) and name.doc[name.end].lower_ in GENERIC
    own = _region(name.text, set()) or _region_of_stem(name.text, name.text, set())
    if (
        region is not None
        and own is not None
        and not generic
        and own.country == region.country
        and own.admin1 != region.admin1
    ):
        return None  # "Odesa, Kherson": a list of regions, not a town in one
    place = _in_region(name.text, context, region)
    if place is None and region is not None and own is not None and own.admin1 == region.admin1:
        # "Daraa city, Daraa", "Menaka, Menaka region": the region's own town
        place = region_seat(region) or town_named(name.text, region.country)
    if place is not None:
        admin1 = region.admin1 if region is not None else place.admin1
        return Place(label, place.name, place.country, admin1, place.lat, place.lon, "city", span)
    if region is not None and last and (worded or not _known_elsewhere(name.text, region)):
        return Place(label, region.name, region.country, region.admin1, None, None, "region",
                     span)  # fmt: skip
    return None


def _known_elsewhere(name: str, region: Place) -> bool:
    """``name`` is a known town of another country than the region's ("Pskov, Northern"
    is no unknown village of Sudan's Northern state), by its own name: a town that only
    has it among its other names ("Boni" for Bonn) is no such town."""
    place = geocode(name, set())
    return (
        place is not None
        and place.precision == "city"
        and place.country != region.country
        and _skeleton(place.name) == _skeleton(name)
    )


def _in_region(name: str, context: set[str], region: Place | None) -> Place | None:
    """The town or village called ``name`` in the region (or country) of ``context``."""
    codes = {c for c in context if "-" in c}
    place = geocode(name, context, codes)
    if place is None or place.precision != "city" or place.country not in context:
        place = None
    if region is None or (place is not None and _inside(place, region, codes)):
        return place
    seat = _seat_record(region)
    if place is not None and _same_geonames_region(_record(place), seat):
        return place  # "Debre Markos, Amhara": GeoNames' region of the seat, unnamed in ISO's
    villages = [v for v in village_candidates(name, context)
                if _admin1_code(v) in codes or _same_geonames_region(v, seat)]  # fmt: skip
    if villages:
        best = villages[0]
        return Place(name, best["name"], best["countrycode"], region.admin1,
                     float(best["latitude"]), float(best["longitude"]), "city")  # fmt: skip
    if place is not None and codes and region_seat(region) is None:
        return place  # the gazetteer places no town in the region: its boundaries are unknown
    return spelt_like_in(name, codes, region)


#: How alike (rapidfuzz ratio of the transliteration skeletons) a name and a town of the
#: region it is written with must be to be one place spelt otherwise ("Bulo Burde" and
#: GeoNames' "Buulobarde": 89; "Hudur" and "Xuddur": 80), and by how much the best must
#: beat any other place of the region.
_SPELT_LIKE, _SPELT_LIKE_MARGIN = 80.0, 5.0
#: The shortest skeleton read so: shorter names are too often other names one letter away.
_SPELT_LIKE_MIN = 5


def spelt_like_in(
    name: str, codes: set[str], region: Place, *, strict: bool = False
) -> Place | None:
    """The one town or village of the named region (``codes``: its ISO 3166-2 code) whose
    own name is spelt nearly like ``name`` (:data:`_SPELT_LIKE`): another transliteration
    ("Um Rawaba" of GeoNames' "Umm Ruwaba", "Kyaukphyu" of "Kyaukpyu"), looked up only in
    the region the report writes the name with. ``strict``, for a name merely told near a
    region: its own name, not another of its names, and its first letter."""
    from rapidfuzz import fuzz

    if not codes or region.country is None or len(skeleton(name)) < _SPELT_LIKE_MIN:
        return None
    if _known_name(name):
        return None  # "Florida, Illinois": a name the gazetteer knows is no misspelling
    wanted = skeleton(name)
    scored: dict[tuple[float, float], tuple[float, dict[str, Any]]] = {}
    for key, towns in _cities_by_skeleton(region.country).items():
        score = fuzz.ratio(wanted, key, score_cutoff=_SPELT_LIKE - _SPELT_LIKE_MARGIN)
        for town in towns if score else ():
            where = (float(town["latitude"]), float(town["longitude"]))
            if score > scored.get(where, (0.0, town))[0]:
                scored[where] = (score, town)
    for score, village in villages_spelt_like(name, region.country,
                                              _SPELT_LIKE - _SPELT_LIKE_MARGIN):  # fmt: skip
        where = (float(village["latitude"]), float(village["longitude"]))
        if score > scored.get(where, (0.0, village))[0]:
            scored[where] = (score, village)
    seat = region_seat(region)
    record = _seat_record(region)
    here = sorted(
        (
            (score, town)
            for score, town in scored.values()
            if _same_geonames_region(town, record) or _maybe_inside(town, codes, seat)
        ),
        key=lambda f: (-f[0], -int(f[1]["population"])),
    )
    if not here or here[0][0] < _SPELT_LIKE:
        return None
    if len(here) > 1 and here[0][0] - here[1][0] < _SPELT_LIKE_MARGIN:
        return None
    best = here[0][1]
    own = skeleton(str(best["name"]))
    if strict and (fuzz.ratio(wanted, own) < _SPELT_LIKE or own[:1] != wanted[:1]):
        return None  # alike only to another of its names ("States", "St. Matthews")
    return Place(name, best["name"], best["countrycode"], region.admin1,
                 float(best["latitude"]), float(best["longitude"]), "city")  # fmt: skip


def _inside(place: Place, region: Place, codes: set[str]) -> bool:
    """The town lies in the region: by ISO 3166-2 code, or by name where the region has no
    code (GeoNames names it otherwise than ISO)."""
    if not codes:
        return place.admin1 == region.admin1
    code = region_code(place)  # a second-level region holds the towns of its first level's
    return code in codes or _parent_code(code) in codes or code in {_parent_code(c) for c in codes}


def _parent_code(code: str | None) -> str | None:
    """The first-level region of a second-level subdivision ("BF-SOM" -> "BF-12")."""
    import pycountry

    subdivision = pycountry.subdivisions.get(code=code) if code else None  # type: ignore[no-untyped-call]
    return (
        str(subdivision.parent_code)
        if subdivision is not None and subdivision.parent_code
        else None
    )


# ACLED's way of writing a place: "Kisumu (Kisumu)", "Paris (Paris - Ile-de-France)",
# "Karachi - Gulshan-e-Iqbal (Karachi - Sindh)", "Kolkata - Ward 24 (Kolkata)": a town (or a
# city and its district, joined by " - "), then in brackets its regions, the first-level one
# last (or only its district, the city itself).
_WORD = r"(?:[a-z]{1,2}['’]|(?:al|el|ad|as|ash|ar|at|az|an|ul|ud)-)?[A-Z][\w'’]*(?:-[\w'’]+)*\.?"
_LINK = r"(?:al|el|ad|as|ash|ar|at|az|an|de|del|la|le|e|ul|ud|da|do|dos|das|di|du|des|bin|ibn|abu)"
_NAME = rf"{_WORD}(?: (?:{_LINK} )*{_WORD}){{0,4}}"
_BEFORE_BRACKET = re.compile(
    rf"(?:(?P<city>{_NAME})\s+[-–]\s+)?(?P<name>{_NAME}(?: \d+[A-Za-z]?)?|\d+\w* [a-z]+)"
    r"(?: (?:town|city|village|township|border|crossing|camp|area))?\s*$"
)
_IN_BRACKETS = re.compile(rf"{_NAME}(?: and {_NAME})?")
_DASH = re.compile(r"\s+[-–]\s+")
#: Capitalised words that open a sentence before a place's name.
_OPENING = re.compile(r"^(?:In|Near|At|On|Outside|From|Around) ")


def parenthesised_places(sent: Span) -> list[tuple[Place, tuple[int, int]]]:
    """The places of ``sent`` written as ACLED writes them, a town with its regions in
    brackets: "Kisumu (Kisumu)", "Paris (Paris - Ile-de-France)", "Karachi - Gulshan-e-Iqbal
    (Karachi - Sindh)", "Kolkata - Ward 24 (Kolkata)", each with the characters the whole
    mention covers. The region in brackets tells the country when none is named, and
    which of several namesakes is meant ("Hyderabad (Sindh)" is Pakistan's). A city's
    district is its own place when the gazetteer knows it as a town of the region ("Lagos
    - Ikeja (Lagos)"), else the city is."""
    text = sent.text
    found: list[tuple[Place, tuple[int, int]]] = []
    for bracket in re.finditer(r"\(([^()]{2,80})\)", text):
        parts = _DASH.split(bracket.group(1).strip())
        if len(parts) > 3 or not all(_IN_BRACKETS.fullmatch(p) for p in parts):
            continue
        if parts[-1].endswith("."):
            continue  # "Cummings (Md.)": a lawmaker and his state, as US news writes them
        before = _BEFORE_BRACKET.search(text[: bracket.start()])
        if before is None:
            continue
        start = before.start()
        opener = _OPENING.match(before.group(0)) if start == 0 else None
        city, name = before.group("city"), before.group("name")
        if opener is not None:
            start += opener.end()
            if city is not None:
                city = city[opener.end() :] or None
            else:
                name = name[opener.end() :]
        if not name or (city is None and not name[:1].isupper()):
            continue
        place = _bracketed(name, city, parts)
        offset = sent.start_char
        if place is not None and place.precision != "city" and _a_person(sent, offset + start):
            continue  # "Ted Cruz (Tex.)", "Cummings (Md.)": a lawmaker and his state
        if place is not None:
            span = (offset + start, offset + before.end("name"))
            label = f"{text[start : before.end('name')]}, {bracket.group(1).strip()}"
            found.append((replace(place, text=label, span=span),
                          (offset + start, offset + bracket.end())))  # fmt: skip
    return found


def _a_person(sent: Span, start: int) -> bool:
    """The name from character ``start`` to its bracket is a person's: a word of it tagged
    so, a first name, a word of a name the article gives in full, or a title."""
    from storytrace.text.doccache import person_name_words
    from storytrace.text.places import _first_name

    words = [t for t in sent if t.idx >= start]
    words = words[: next((i for i, t in enumerate(words) if t.text == "("), len(words))]
    named = person_name_words(sent.doc)
    return any(
        t.ent_type_ == "PERSON" or _first_name(t.text) or t.text in named for t in words
    ) or any(t.lower_.rstrip(".") in _TITLES for t in words)


#: Titles before a person's name ("Sen. Ted Cruz (Tex.)").
_TITLES = frozenset(("sen", "rep", "gov", "mr", "mrs", "ms", "dr", "senator", "president"))


def _bracketed(name: str, city: str | None, parts: list[str]) -> Place | None:
    """The place of a name (and the city it is a district of) with the regions in brackets."""
    regions = [r for part in reversed(parts) for r in _regions_named(part)]
    names = [n for n in (name, city) if n]
    names += [p for p in parts[:-1] if p not in names]  # "(Patiala - Punjab)": the district's
    # town when the place itself is unknown ("the Shambhu border")
    if regions:
        found = [(town, region) for region in regions
                 if (town := _first_in(names, region)) is not None]  # fmt: skip
        if found:
            town, region = max(found, key=lambda f: _size(f[0]))
            return Place(town.text, town.name, town.country, region.admin1, town.lat, town.lon,
                         "city")  # fmt: skip
        countries = {r.country for r in regions if r.country}
        town = town_named(name, next(iter(countries))) if len(countries) == 1 else None
        if town is not None and _skeleton(town.admin1 or "") == _skeleton(parts[-1]):
            # "Ramallah (Ramallah and al-Bireh - West Bank)": GeoNames' region of the town is
            # the one ACLED names, though its governorates are ISO's
            return replace(town, text=name)
        if len(countries) == 1:
            region = regions[0]
            return Place(name, region.name, region.country, region.admin1, None, None, "region")
        return None
    # "Kolkata - Ward 24 (Kolkata)": no region in brackets, only the city (its district)
    for part in parts:
        town = geocode(part, set())
        if town is None or town.precision != "city" or _skeleton(town.name) != _skeleton(part):
            continue
        if part in names:  # the city's district, or a town in brackets after its own name
            return town
    return None


def _regions_named(text: str) -> list[Place]:
    """The first-level regions (and those ACLED lists as regions) called ``text``, of any
    country: "Sindh", "Kurdistan", "North" (Lebanon's in ACLED's spelling), "Oyo"."""
    import pycountry

    codes: dict[str, Any] = {}
    stem = _REGION_WORD.sub("", text)
    for subdivision in (
        *_regions().get(_skeleton(stem), ()),
        *short_regions().get(_skeleton(stem), ()),
    ):
        if subdivision.parent_code is None or str(subdivision.code) in acled_spellings():
            codes.setdefault(str(subdivision.code), subdivision)
    wanted = _spaceless(stem)
    for code, spelling in acled_spellings().items():
        if _spaceless(spelling) == wanted:
            subdivision = pycountry.subdivisions.get(code=code)  # type: ignore[no-untyped-call]
            if subdivision is not None:
                codes.setdefault(code, subdivision)
    if not codes:  # "(Kupiansk - Kharkiv)": a region GeoNames names after its town
        for key in _geonames_region_keys().get(_skeleton(stem), ()):
            subdivision = _admin1_subdivision(*key.split(".", 1))
            if subdivision is not None:
                codes.setdefault(str(subdivision.code), subdivision)
    if not codes:
        region = _region(stem, set())
        if region is not None and region.precision == "region":
            return [replace(region, text=text)]
    return [
        Place(text, str(s.name), s.country_code, str(s.name), None, None, "region")
        for _, s in sorted(codes.items())
    ]


def _first_in(names: list[str], region: Place) -> Place | None:
    """The first of ``names`` found as a town or village of ``region``."""
    context = {c for c in (region.country, region_code(region)) if c}
    for name in names:
        place = _in_region(name, context, region)
        if place is not None:
            return replace(place, text=name)
    return None


def _size(place: Place) -> int:
    """The population GeoNames gives a town found (0 when it is not one of its towns)."""
    record = _record(place)
    return int(record["population"]) if record is not None else 0


def _seat_record(region: Place) -> dict[str, Any] | None:
    """GeoNames' record of the town :func:`region_seat` gives the region, if any."""
    seat = region_seat(region)
    return _record(seat) if seat is not None else None


def _record(place: Place) -> dict[str, Any] | None:
    """GeoNames' record of a town found (by its name and coordinates), if it is one of the
    town index's."""
    for city in _cities().get(place.name.lower(), ()):
        if (float(city["latitude"]), float(city["longitude"])) == (place.lat, place.lon):
            return city
    return None


def _same_geonames_region(town: dict[str, Any] | None, seat: dict[str, Any] | None) -> bool:
    """The town lies in the GeoNames region of the named region's seat: in the region,
    whatever ISO's codes can tell (Ethiopia's "Amara" is ISO's Amhara)."""
    return (
        town is not None
        and seat is not None
        and town["countrycode"] == seat["countrycode"]
        and str(town["admin1code"]) == str(seat["admin1code"])
        and _admin1_code(town) is None
    )


def _known_name(name: str) -> bool:
    """A name the gazetteer knows as spelt: a country's, a first-level region's, a town's
    or a village's anywhere (not a district's: districts are named after their seats, often
    spelt otherwise, "Bogura" of GeoNames' Bogra)."""
    key = " ".join(name.split()).lower()
    return bool(
        key in _countries()
        or any(s.parent_code is None for s in _regions().get(_skeleton(name), ()))
        or _cities().get(key)
        or villages_named(name)
    )


#: How far from the seat of the region named a town whose region the gazetteer cannot name
#: may lie and still be taken for one of the region's (Sudan's "Shamal Kurdufan" is ISO's
#: North Kordofan, whose seat El Obeid is 110 km from Umm Ruwaba).
_SEAT_REACH_KM = 250.0


def _maybe_inside(town: dict[str, Any], codes: set[str], seat: Place | None) -> bool:
    """The town lies in the region of ``codes``: by its region's code, or, where the
    gazetteer cannot tell its region's code, within :data:`_SEAT_REACH_KM` of the region's
    seat (anywhere in the country when it knows no seat of the region either)."""
    code = _admin1_code(town)
    if code is not None:
        return code in codes or _parent_code(code) in codes
    if seat is None or seat.lat is None or seat.lon is None:
        return True  # the gazetteer places no town in the region: its boundaries are unknown
    return (
        _km(float(town["latitude"]), float(town["longitude"]), seat.lat, seat.lon) <= _SEAT_REACH_KM
    )


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    import math

    a, b, c, d = map(math.radians, (lat1, lon1, lat2, lon2))
    h = math.sin((c - a) / 2) ** 2 + math.cos(a) * math.cos(c) * math.sin((d - b) / 2) ** 2
    return 6371 * 2 * math.asin(math.sqrt(h))
