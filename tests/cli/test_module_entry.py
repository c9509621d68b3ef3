"""``python -m storytrace`` runs the same command as ``storytrace``."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

SRC = Path(__file__).resolve().parents[2] / "src"


def test_python_dash_m_storytrace_is_the_command() -> None:
    env = {"PYTHONPATH": str(SRC), "HF_HUB_OFFLINE": "1", "PATH": "/usr/bin:/bin"}
    done = subprocess.run([sys.executable, "-m", "storytrace", "--help"], capture_output=True,
                          text=True, check=False, env=env)  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "usage: storytrace" in done.stdout and "analyze" in done.stdout
