"""One store's stories in a format other tools read: ``storytrace export`` calls :func:`export`.

Formats (see ``docs/cli.md``): ``json`` (``stories.json``), ``csv`` and ``md`` (one row
per claim group), ``acled`` (events in ACLED's columns) and ``claimreview`` (schema.org
JSON-LD). Every format treats article text as untrusted.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence

from storytrace.errors import ConfigError
from storytrace.records import Article, Story
from storytrace.report.acled_csv import events_acled_csv
from storytrace.report.claimreview import claim_reviews_json
from storytrace.report.json_doc import stories_document
from storytrace.report.tables import claims_csv, claims_markdown

Exporter = Callable[[Sequence[Story], Sequence[Article], str], str]


def _json(stories: Sequence[Story], articles: Sequence[Article], version: str) -> str:
    document = stories_document(articles, stories, version=version)
    return json.dumps(document, ensure_ascii=False, indent=2, allow_nan=False) + "\n"


#: Format name -> exporter(stories, articles, version) -> text.
EXPORTERS: dict[str, Exporter] = {
    "json": _json,
    "md": lambda stories, articles, _version: claims_markdown(stories, articles),
    "csv": lambda stories, articles, _version: claims_csv(stories, articles),
    "acled": lambda stories, articles, _version: events_acled_csv(stories, articles),
    "claimreview": lambda stories, articles, version: claim_reviews_json(
        stories, articles, version=version
    ),
}
FORMATS: tuple[str, ...] = tuple(EXPORTERS)


def export(stories: Sequence[Story], articles: Sequence[Article], fmt: str, *, version: str) -> str:
    """The stories as text in format ``fmt`` (one of :data:`FORMATS`).

    Example:
        >>> text = export(stories, articles, "acled", version="0.1.0")  # doctest: +SKIP
    """
    exporter = EXPORTERS.get(fmt)
    if exporter is None:
        raise ConfigError(f"unknown export format {fmt!r}; use one of {', '.join(FORMATS)}")
    return exporter(stories, articles, version)
