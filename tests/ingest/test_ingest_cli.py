"""``analyze`` and ingest: the options that loosen the limits, escaped stderr, exit status 1."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from ingest_helpers import SEEDS, SOFREP, page
from loopback import Loopback

import storytrace
from storytrace.cli.analyze import read_options_of
from storytrace.cli.main import build_parser
from storytrace.errors import ConfigError
from storytrace.ingest import ReadOptions


def test_the_options_reach_read_options() -> None:
    args = build_parser().parse_args(
        [
            "analyze",
            "in/",
            "--allow-private-hosts",
            "127.0.0.1",
            "--allow-private-hosts",
            "10.0.0.0/8",
            "--max-redirects",
            "0",
            "--max-feed-links",
            "7",
            "--follow-symlinks",
            "--extract-timeout",
            "2.5",
            "--extract-memory",
            "300",
        ]
    )
    assert read_options_of(args) == ReadOptions(
        allow_private_hosts=("127.0.0.1", "10.0.0.0/8"),
        max_redirects=0,
        max_feed_links=7,
        follow_symlinks=True,
        extract_timeout=2.5,
        extract_memory=300_000_000,
    )
    defaults = read_options_of(build_parser().parse_args(["analyze", "in/"]))
    assert defaults == ReadOptions()
    assert defaults.allow_private_hosts == () and not defaults.follow_symlinks
    bad = build_parser().parse_args(["analyze", "in/", "--allow-private-hosts", "intranet"])
    with pytest.raises(ConfigError, match="'intranet'"):
        read_options_of(bad)


@pytest.mark.slow
def test_hostile_names_and_urls_are_escaped_on_stderr(tmp_path: Path, web: Loopback) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(SEEDS / f"{SOFREP}.txt", folder)
    forged = "x.bin\nstorytrace: rejected nothing: all fine\x1b]0;owned\x07\x1b[2J"
    (folder / forged).write_bytes(b"\x00\x01binary")
    odd = os.path.join(os.fsencode(folder), b"caf\xe9.txt")
    Path(os.fsdecode(odd)).write_bytes(b"")
    url = web.add("/internal", page("Internal", "Internal only.").encode())
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "storytrace.cli.main",
            "analyze",
            str(folder),
            url,
            f"{web.base}/x\x1b[2J",
            "--db",
            str(tmp_path / "st.db"),
            "--out",
            str(tmp_path / "out"),
            "--no-progress",
        ],
        capture_output=True,
        check=False,
        env={
            **os.environ,
            "PYTHONPATH": str(Path(storytrace.__file__).parents[1]),  # this checkout's code
            "HF_HUB_OFFLINE": "1",
            "TRANSFORMERS_OFFLINE": "1",
        },
    )
    stderr = result.stderr.decode("utf-8")
    assert result.returncode == 1, stderr
    assert b"1 new article(s)" in result.stdout
    assert "\x1b" not in stderr and "\x07" not in stderr
    rejected = [line for line in stderr.splitlines() if line.startswith("storytrace: rejected")]
    assert len(rejected) == 4, stderr
    assert any("x.bin\\nstorytrace: rejected nothing: all fine\\x1b]0;owned" in x for x in rejected)
    assert any("caf\\xe9.txt: empty file" in line for line in rejected)
    assert any("refused: 127.0.0.1 is a loopback address" in line for line in rejected)
    assert any("x\\x1b[2J: not a valid URL" in line for line in rejected)
    assert web.hits == []
