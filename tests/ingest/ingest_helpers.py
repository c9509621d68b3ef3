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


def page(title: str, *paragraphs: str, extra: str = "", head: str = "") -> str:
    """A realistic article page: navigation, script, the article, related links, footer."""
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (
        f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{title}</title>'
        f"{head}<script>var tracker = 'TRACKER-CODE';</script></head><body>"
        "<nav><a href='/'>Home</a> <a href='/world'>World</a> <a href='/sport'>Sport</a></nav>"
        f"<main><article><h1>{title}</h1>{body}{extra}</article></main>"
        "<aside><h3>Most read</h3><ul><li><a href='/x'>Other story</a></li></ul></aside>"
        "<footer>© Example Media. All rights reserved.</footer></body></html>"
    )
