"""No network at run time, and new articles join the stories they belong to."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from storytrace_testkit import IBT, ROOT, SEEDS, SOFREP

_NO_NETWORK = """
import socket, sys

def refuse(*args, **kwargs):
    raise OSError("network access attempted during analyze")

socket.socket.connect = refuse
socket.socket.connect_ex = refuse
socket.create_connection = refuse
socket.getaddrinfo = refuse

from storytrace.pipeline import analyze
summary = analyze([sys.argv[1]], db=sys.argv[2], out=sys.argv[3])
print(summary.counts.stories, len(summary.rejected))
"""


def _stories(db: Path) -> list:
    from storytrace.store import open_store

    with open_store(db) as store:
        return store.get_stories()


def test_analyze_runs_with_every_socket_refused(tmp_path: Path) -> None:
    script = tmp_path / "offline.py"
    script.write_text(_NO_NETWORK, encoding="utf-8")
    result = subprocess.run(
        [sys.executable, str(script), str(SEEDS), str(tmp_path / "st.db"), str(tmp_path / "out")],
        capture_output=True,
        text=True,
        check=False,
        cwd=ROOT,
        env={"HF_HUB_OFFLINE": "1", "PATH": "/usr/bin:/bin"},
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.split() == ["1", "0"]


def test_a_new_article_joins_the_existing_story(tmp_path: Path) -> None:
    from storytrace.pipeline import analyze

    first, second = tmp_path / "first", tmp_path / "second"
    for folder, stem in ((first, SOFREP), (second, IBT)):
        folder.mkdir()
        shutil.copy(SEEDS / f"{stem}.txt", folder)
        shutil.copy(SEEDS / f"{stem}.meta.json", folder)
    db = tmp_path / "st.db"
    assert analyze([str(first)], db=db).counts.stories == 1
    (story,) = _stories(db)
    assert {g.verdict for g in story.claim_groups} == {"single_source"}
    later = analyze([str(second)], db=db)
    assert later.stored == 1 and later.counts.stories == 1
    (joined,) = _stories(db)
    assert joined.id == story.id
    assert len(joined.article_ids) == 2
    assert "echoed" in {g.verdict for g in joined.claim_groups}


def test_a_rerun_with_nothing_new_gives_the_same_stories_without_rebuilding(
    tmp_path: Path,
) -> None:
    from storytrace.pipeline import analyze

    db = tmp_path / "st.db"
    first = analyze([str(SEEDS)], db=db, out=tmp_path / "one")
    built = _stories(db)
    again = analyze([str(SEEDS)], db=db, out=tmp_path / "two")
    assert (again.stored, again.duplicates, again.rebuilt) == (0, 2, 0)
    assert again.counts == first.counts
    assert _stories(db) == built  # the stored stories, as built the first time
    one = (tmp_path / "one" / "stories.json").read_text(encoding="utf-8")
    two = (tmp_path / "two" / "stories.json").read_text(encoding="utf-8")
    assert one == two
    kept = analyze([str(SEEDS)], db=db, out=tmp_path / "one")  # the report shows the store
    assert kept.outputs == [] and {p.name for p in kept.kept} == {"stories.json", "report.html"}
    assert (tmp_path / "one" / "stories.json").read_text(encoding="utf-8") == one
