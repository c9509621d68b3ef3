"""Build ``report/data/countries_110m.json``: simplified country outlines for the event map.

The source is Natural Earth's 1:110m admin-0 countries (public domain), as bundled in the
pinned geopandas wheel (``geopandas/datasets/naturalearth_lowres``; geopandas 1.0 dropped
it). The wheel is fetched with pip, checked against its SHA-256, and its shapefile read
with the standard library; rings are simplified (Douglas-Peucker) and rounded so the file
stays small enough to ship and to draw into every report.

Usage: .venv/bin/python bench/build_basemap.py [--wheel PATH] [--out PATH]
"""

from __future__ import annotations

import argparse
import hashlib
import io
import json
import struct
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "src/storytrace/report/data/countries_110m.json"
WHEEL = "geopandas==0.14.4"
WHEEL_SHA256 = "3bb6473cb59d51e1a7fe2dbc24a1a063fb0ebdeddf3ce08ddbf8c7ddc99689aa"
MEMBER = "geopandas/datasets/naturalearth_lowres/naturalearth_lowres"
TOLERANCE = 0.08  # degrees a simplified outline may stray from the source
DIGITS = 2

Ring = list[tuple[float, float]]


def fetch_wheel(folder: Path) -> Path:
    """Download the pinned wheel with pip (no dependencies) into ``folder``."""
    command = [sys.executable, "-m", "pip", "download", WHEEL, "--no-deps", "-d", str(folder)]
    subprocess.run(command, check=True, capture_output=True)  # noqa: S603 (a fixed command)
    (wheel,) = folder.glob("geopandas-*.whl")
    return wheel


def read_shapes(shp: bytes) -> list[list[Ring]]:
    """The polygons of an ESRI shapefile: per record, its rings of (lon, lat)."""
    shapes: list[list[Ring]] = []
    offset = 100
    while offset < len(shp):
        _number, words = struct.unpack(">ii", shp[offset : offset + 8])
        body = shp[offset + 8 : offset + 8 + words * 2]
        offset += 8 + words * 2
        (kind,) = struct.unpack("<i", body[:4])
        if kind != 5:  # only polygons; a null shape is an empty country
            shapes.append([])
            continue
        parts, points = struct.unpack("<ii", body[36:44])
        starts = list(struct.unpack(f"<{parts}i", body[44 : 44 + 4 * parts]))
        base = 44 + 4 * parts
        coords = struct.unpack(f"<{2 * points}d", body[base : base + 16 * points])
        xy = list(zip(coords[0::2], coords[1::2], strict=True))
        ends = [*starts[1:], points]
        shapes.append([xy[a:b] for a, b in zip(starts, ends, strict=True)])
    return shapes


def read_table(dbf: bytes) -> list[dict[str, str]]:
    """The rows of a dBASE table as text (the .cpg says ISO 8859-1)."""
    count, header, size = struct.unpack("<4xIHH", dbf[:12])
    fields: list[tuple[str, int]] = []
    at = 32
    while dbf[at] != 0x0D:
        name = dbf[at : at + 11].split(b"\0")[0].decode("ascii")
        fields.append((name, dbf[at + 16]))
        at += 32
    rows = []
    for index in range(count):
        record = dbf[header + index * size : header + (index + 1) * size]
        row, pos = {}, 1  # byte 0 is the deletion flag
        for name, width in fields:
            row[name] = record[pos : pos + width].decode("latin-1").strip()
            pos += width
        rows.append(row)
    return rows


def _distance(p: tuple[float, float], a: tuple[float, float], b: tuple[float, float]) -> float:
    (x, y), (x1, y1), (x2, y2) = p, a, b
    dx, dy = x2 - x1, y2 - y1
    if dx == dy == 0:
        return float(((x - x1) ** 2 + (y - y1) ** 2) ** 0.5)
    t = max(0.0, min(1.0, ((x - x1) * dx + (y - y1) * dy) / (dx * dx + dy * dy)))
    return float(((x - x1 - t * dx) ** 2 + (y - y1 - t * dy) ** 2) ** 0.5)


def simplify(ring: Ring, tolerance: float) -> Ring:
    """Douglas-Peucker, iteratively; the first and last points are kept."""
    keep = {0, len(ring) - 1}
    stack = [(0, len(ring) - 1)]
    while stack:
        first, last = stack.pop()
        far, index = 0.0, first
        for i in range(first + 1, last):
            d = _distance(ring[i], ring[first], ring[last])
            if d > far:
                far, index = d, i
        if far > tolerance:
            keep.add(index)
            stack += [(first, index), (index, last)]
    return [ring[i] for i in sorted(keep)]


def build(wheel: Path) -> dict[str, object]:
    """The outlines as the report reads them: name, ISO code and flat rings per country."""
    digest = hashlib.sha256(wheel.read_bytes()).hexdigest()
    if digest != WHEEL_SHA256:
        raise SystemExit(f"{wheel}: sha256 {digest}, expected {WHEEL_SHA256}")
    with zipfile.ZipFile(wheel) as archive:
        shp = archive.read(MEMBER + ".shp")
        dbf = archive.read(MEMBER + ".dbf")
    countries = []
    for row, rings in zip(read_table(dbf), read_shapes(shp), strict=True):
        kept = []
        for ring in rings:
            small = simplify(ring, TOLERANCE)
            if len(small) >= 4:
                kept.append([round(v, DIGITS) for point in small for v in point])
        if kept:
            countries.append({"name": row["name"], "iso_a3": row["iso_a3"], "rings": kept})
    return {
        "source": "Natural Earth 1:110m admin-0 countries, via the geopandas 0.14.4 wheel",
        "licence": "public domain (https://www.naturalearthdata.com/about/terms-of-use/)",
        "wheel_sha256": WHEEL_SHA256,
        "tolerance_degrees": TOLERANCE,
        "command": "python bench/build_basemap.py",
        "countries": countries,
    }


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--wheel", type=Path, help="a downloaded geopandas 0.14.4 wheel")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as folder:
        wheel = args.wheel or fetch_wheel(Path(folder))
        data = build(wheel)
    buffer = io.StringIO()
    json.dump(data, buffer, ensure_ascii=False, separators=(",", ":"))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(buffer.getvalue() + "\n", encoding="utf-8")
    print(f"wrote {args.out}: {len(data['countries'])} countries")  # type: ignore[arg-type]


if __name__ == "__main__":
    main()
