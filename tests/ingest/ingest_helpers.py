"""Constants and helpers shared by the ingest tests (imported by name, unlike conftest)."""

from __future__ import annotations

import importlib.util
import sys
from collections.abc import Iterable
from pathlib import Path

if importlib.util.find_spec("storytrace") is None:  # not yet installed with `pip -e .`
    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "src"))

from storytrace.errors import InputRejected
from storytrace.records import Article

SEEDS = Path(__file__).resolve().parents[3] / "shared" / "seeds"
SOFREP = "000_9646f06734e70d26"
IBT = "001_33e2a856800a8d12"
IBT_TITLE = (
    "60 Russian Elite Paratroopers Stage Mutiny and Refuse to Fight in Ukraine "
    "in Latest Setback for Putin; Face Prison Sentence"
)


def split(results: Iterable[Article | InputRejected]) -> tuple[list[Article], list[InputRejected]]:
    """Articles and rejections of a read, in order, failing on anything else."""
    articles: list[Article] = []
    rejected: list[InputRejected] = []
    for result in results:
        if isinstance(result, Article):
            articles.append(result)
        elif isinstance(result, InputRejected):
            rejected.append(result)
        else:
            raise AssertionError(f"unexpected result {result!r}")
    return articles, rejected
