"""One store's stories in a format other tools read: ``storytrace export`` calls :func:`export`.

Formats (see ``docs/exports.md``): ``json`` (``stories.json``), ``csv`` and ``md`` (one row
per claim group), ``members`` (CSV, one row per claim per article), ``acled`` (events in
ACLED's columns) and ``claimreview`` (schema.org JSON-LD). Every format treats article
text as untrusted. The two claim CSVs start with a UTF-8 byte-order mark, so spreadsheets
read accented names as written.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from storytrace.errors import ConfigError
from storytrace.records import Article, Event, Story
from storytrace.report.acled_csv import events_acled_csv
from storytrace.report.claimreview import claim_reviews_json
from storytrace.report.json_doc import stories_document
from storytrace.report.members_csv import members_csv
from storytrace.report.tables import claims_csv, claims_markdown

#: Written first in the claim CSVs: Excel reads the file as UTF-8 only with it.
BOM = "\ufeff"


@dataclass(frozen=True)
class ExportSettings:
    """What an exporter may need beyond the records.

    ``base_url`` is where ``storytrace serve`` is published (ClaimReview's ``url``);
    ``reviewed`` the ISO date of the run that judged the claims (its ``datePublished``).
    """

    version: str
    base_url: str | None = None
    reviewed: str | None = None
    events: Sequence[Event] | None = None  # the events told in several stories


Exporter = Callable[[Sequence[Story], Sequence[Article], ExportSettings], str]


def _json(stories: Sequence[Story], articles: Sequence[Article], settings: ExportSettings) -> str:
    document = stories_document(articles, stories, version=settings.version,
                                events=settings.events)  # fmt: skip
    return json.dumps(document, ensure_ascii=False, indent=2, allow_nan=False) + "\n"


def _claimreview(
    stories: Sequence[Story], articles: Sequence[Article], settings: ExportSettings
) -> str:
    return claim_reviews_json(
        stories,
        articles,
        version=settings.version,
        base_url=settings.base_url,
        reviewed=settings.reviewed,
    )


#: Format name -> exporter(stories, articles, settings) -> text.
EXPORTERS: dict[str, Exporter] = {
    "json": _json,
    "md": lambda stories, articles, _settings: claims_markdown(stories, articles),
    "csv": lambda stories, articles, _settings: BOM + claims_csv(stories, articles),
    "members": lambda stories, articles, _settings: BOM + members_csv(stories, articles),
    "acled": lambda stories, articles, settings: events_acled_csv(
        stories, articles, merged=settings.events or ()
    ),
    "claimreview": _claimreview,
}
FORMATS: tuple[str, ...] = tuple(EXPORTERS)


def export(
    stories: Sequence[Story],
    articles: Sequence[Article],
    fmt: str,
    *,
    version: str,
    base_url: str | None = None,
    reviewed: str | None = None,
    events: Sequence[Event] | None = None,
) -> str:
    """The stories as text in format ``fmt`` (one of :data:`FORMATS`); ``events`` are the
    events told in several stories (``Store.get_cross_events``).

    Example:
        >>> text = export(stories, articles, "acled", version="0.1.0")  # doctest: +SKIP
    """
    exporter = EXPORTERS.get(fmt)
    if exporter is None:
        raise ConfigError(f"unknown export format {fmt!r}; use one of {', '.join(FORMATS)}")
    return exporter(stories, articles, ExportSettings(version, base_url, reviewed, events))
