"""Usage errors: one line on stderr, exit status 2, and nothing written, before any work.

Read-only files and folders are made with ``chmod``; when the suite runs as root (whom
permissions do not stop) the command runs as the unprivileged ``nobody`` instead.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import stat
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

import storytrace
from storytrace.cli.main import main
from storytrace_testkit import SEEDS, Run

SRC = Path(storytrace.__file__).resolve().parents[1]
NOBODY = 65534


def _error(capsys: pytest.CaptureFixture[str]) -> str:
    """The one stderr line of a refused command."""
    captured = capsys.readouterr()
    assert captured.out == ""
    (line,) = captured.err.splitlines()
    assert line.startswith("storytrace: error: ") and "Traceback" not in line
    return line


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _as_user(*args: str) -> subprocess.CompletedProcess[str]:
    """``storytrace ARGS`` as a user whom file permissions bind (``nobody`` under root)."""
    command = [sys.executable, "-m", "storytrace.cli.main", *args]
    if os.geteuid() == 0:
        setpriv = shutil.which("setpriv")
        assert setpriv, "running as root, the read-only tests need util-linux's setpriv"
        command = [setpriv, f"--reuid={NOBODY}", f"--regid={NOBODY}", "--clear-groups", *command]
    return subprocess.run(
        command,
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
        env={"PYTHONPATH": str(SRC), "HF_HUB_OFFLINE": "1", "PATH": "/usr/bin:/bin"},
    )


@pytest.fixture
def shared() -> Iterator[Path]:
    """A scratch folder another user can write (pytest's own is private to its user)."""
    with tempfile.TemporaryDirectory(prefix="storytrace-usage-") as name:
        folder = Path(name)
        folder.chmod(0o777)
        yield folder
        for path in [folder, *folder.rglob("*")]:  # let the clean-up remove everything
            if path.is_dir():
                path.chmod(0o755)


def test_analyze_out_naming_a_file_is_refused_before_the_run(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "report.html"
    out.write_text("my own notes\n", encoding="utf-8")
    db = tmp_path / "st.db"
    assert main(["analyze", str(SEEDS), "--db", str(db), "--out", str(out)]) == 2
    assert _error(capsys) == (
        f"storytrace: error: --out {out}: is a file; name a folder for report.html and stories.json"
    )
    assert not db.exists() and out.read_text(encoding="utf-8") == "my own notes\n"


def test_analyze_out_under_a_file_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "notes.txt").write_text("x", encoding="utf-8")
    out = tmp_path / "notes.txt" / "report"
    assert main(["analyze", str(SEEDS), "--db", str(tmp_path / "st.db"), "--out", str(out)]) == 2
    assert "cannot be created" in _error(capsys) and not (tmp_path / "st.db").exists()


def test_analyze_db_naming_a_folder_or_another_file_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "report"
    assert main(["analyze", str(SEEDS), "--db", str(tmp_path), "--out", str(out)]) == 2
    assert _error(capsys).endswith(f"--db {tmp_path}: is a folder; name a database file, e.g."
                                   " storytrace.db")  # fmt: skip
    notes = tmp_path / "notes.db"
    notes.write_text("These are my notes, not a database.\n", encoding="utf-8")
    before = _digest(notes)
    assert main(["analyze", str(SEEDS), "--db", str(notes), "--out", str(out)]) == 2
    assert _error(capsys).endswith(f"--db {notes}: is not a SQLite database; name a storytrace"
                                   " database or a new file")  # fmt: skip
    assert _digest(notes) == before and not out.exists()


def test_analyze_into_a_read_only_database_says_read_only(seeds_run: Run, shared: Path) -> None:
    db = shared / "st.db"
    shutil.copy(seeds_run.out.parent / "st.db", db)
    db.chmod(stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH)
    before, out = _digest(db), shared / "report"
    done = _as_user("analyze", str(SEEDS), "--db", str(db), "--out", str(out))
    assert done.returncode == 2, done.stderr
    assert done.stderr == (
        f"storytrace: error: --db {db}: is read-only; make it writable or name another --db\n"
    )
    assert "not a usable SQLite database" not in done.stderr
    assert _digest(db) == before and not out.exists()
    assert sorted(p.name for p in shared.iterdir()) == ["st.db"]  # no journal, no lock


def test_analyze_into_a_read_only_folder_says_so(seeds_run: Run, shared: Path) -> None:
    folder = shared / "locked"
    folder.mkdir()
    db = folder / "st.db"
    shutil.copy(seeds_run.out.parent / "st.db", db)
    db.chmod(0o666)  # the file itself may be written; its folder may not
    folder.chmod(0o555)
    out = shared / "report"
    done = _as_user("analyze", str(SEEDS), "--db", str(db), "--out", str(out))
    assert done.returncode == 2, done.stderr
    assert done.stderr == (
        f"storytrace: error: --db {db}: is in a read-only folder ({folder}); SQLite writes"
        " its journal beside the database, so name a --db in a folder you can write\n"
    )
    new = _as_user("analyze", str(SEEDS), "--db", str(folder / "new.db"), "--out", str(out))
    assert (new.returncode, new.stderr) == (
        2,
        f"storytrace: error: --db {folder / 'new.db'}: cannot be created: the folder"
        f" {folder} is read-only\n",
    )
    assert sorted(p.name for p in folder.iterdir()) == ["st.db"] and not out.exists()


@pytest.mark.parametrize("command", ["export", "serve"])
def test_export_and_serve_refuse_a_folder_or_a_file_that_is_not_sqlite(
    command: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    extra = ["--format", "csv"] if command == "export" else []
    assert main([command, "--db", str(tmp_path), *extra]) == 2
    assert _error(capsys).endswith("is a folder; name a database file, e.g. storytrace.db")
    notes = tmp_path / "notes.db"
    notes.write_text("not a database\n", encoding="utf-8")
    assert main([command, "--db", str(notes), *extra]) == 2
    assert _error(capsys).endswith(f"--db {notes}: is not a SQLite database; name a"
                                   " storytrace database or a new file")  # fmt: skip
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.db"]


@pytest.mark.parametrize("command", ["export", "serve"])
def test_export_and_serve_on_a_missing_database_create_nothing(
    command: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "none.db"
    extra = ["--format", "json"] if command == "export" else []
    assert main([command, "--db", str(missing), *extra]) == 2
    assert f"{missing}: no such" in _error(capsys)
    assert list(tmp_path.iterdir()) == []


def test_export_refuses_a_base_url_that_is_not_http(
    seeds_run: Run, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "reviews.json"
    db = str(seeds_run.out.parent / "st.db")
    args = ["export", "--db", db, "--format", "claimreview", "--out", str(out)]
    assert main([*args, "--base-url", "javascript:alert(1)"]) == 2
    assert "--base-url javascript:alert(1): not an http(s) URL" in _error(capsys)
    assert not out.exists()


def test_export_out_in_a_read_only_folder_is_refused(seeds_run: Run, shared: Path) -> None:
    folder = shared / "locked"
    folder.mkdir()
    folder.chmod(0o555)
    db = seeds_run.out.parent / "st.db"
    done = _as_user("export", "--db", str(db), "--format", "csv", "--out", str(folder / "x.csv"))
    assert (done.returncode, done.stderr) == (
        2,
        f"storytrace: error: --out {folder / 'x.csv'}: its folder is read-only\n",
    )
    assert list(folder.iterdir()) == []


def test_parquet_without_spark_and_load_of_a_folder_that_is_not_parquet_are_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    parquet = tmp_path / "read"
    assert main(["analyze", str(SEEDS), "--parquet", str(parquet)]) == 2
    assert _error(capsys) == (
        "storytrace: error: --parquet needs --engine spark; nothing was written"
    )
    assert not parquet.exists()
    (parquet / "articles").mkdir(parents=True)  # one dataset of six
    db = tmp_path / "st.db"
    assert main(["load", str(parquet), "--db", str(db), "--out", str(tmp_path / "out")]) == 2
    line = _error(capsys)
    assert "not a Parquet folder written by analyze --parquet" in line and "claims" in line
    assert not db.exists() and not (tmp_path / "out").exists()
