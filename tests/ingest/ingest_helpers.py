"""Constants and helpers shared by the ingest tests (imported by name, unlike conftest)."""

from __future__ import annotations

from collections.abc import Iterable

from storytrace.errors import InputRejected
from storytrace.records import Article
from storytrace_testkit import IBT, SEEDS, SOFREP

__all__ = ["IBT", "IBT_TITLE", "SEEDS", "SOFREP", "split"]
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
