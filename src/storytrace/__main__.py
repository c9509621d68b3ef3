"""``python -m storytrace``: the ``storytrace`` command, for a checkout run with PYTHONPATH=src."""

from __future__ import annotations

import sys

from storytrace.cli.main import main

if __name__ == "__main__":
    sys.exit(main())
