"""The offline base map: Natural Earth 1:110m country outlines shipped as package data.

``data/countries_110m.json`` is built by ``bench/build_basemap.py`` from the pinned
geopandas 0.14.4 wheel's ``naturalearth_lowres`` (public domain), simplified to about
0.08 degrees. Nothing is fetched at run time.
"""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass
from importlib import resources

Ring = tuple[tuple[float, float], ...]


@dataclass(frozen=True)
class Country:
    """One country: its name, ISO 3166-1 alpha-3 code, rings of (lon, lat) and bounds."""

    name: str
    iso_a3: str
    rings: tuple[Ring, ...]
    bounds: tuple[float, float, float, float]  # west, south, east, north


@functools.cache
def countries() -> tuple[Country, ...]:
    """Every country outline of the bundled base map."""
    source = resources.files("storytrace.report") / "data" / "countries_110m.json"
    data = json.loads(source.read_text(encoding="utf-8"))
    found = []
    for item in data["countries"]:
        rings = tuple(tuple(zip(flat[0::2], flat[1::2], strict=True)) for flat in item["rings"])
        lons = [lon for ring in rings for lon, _ in ring]
        lats = [lat for ring in rings for _, lat in ring]
        bounds = (min(lons), min(lats), max(lons), max(lats))
        found.append(Country(item["name"], item["iso_a3"], rings, bounds))
    return tuple(found)


def licence() -> str:
    """Where the outlines come from and on what terms (shown under every map)."""
    return "Country outlines: Natural Earth (public domain)."
