"""Articles and stories -> one self-contained ``report.html`` (Jinja2, autoescaped)."""

from __future__ import annotations

import functools
import os
from collections.abc import Sequence
from pathlib import Path

import jinja2

from storytrace.records import Article, Event, Story
from storytrace.report.basemap import licence
from storytrace.report.cross_events import cross_event_views
from storytrace.report.files import write_text_atomic
from storytrace.report.matrix import CERTAINTY_MARKS
from storytrace.report.pieces import draw_story, html_chunks, totals
from storytrace.report.views import (
    VERDICT_LABELS,
    attribution_words,
    number,
    plural,
    value_range,
)
from storytrace.report.when import span_words

#: No scripts, no remote anything: only the inline stylesheet and data: images.
CONTENT_SECURITY_POLICY = (
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
    "base-uri 'none'; form-action 'none'"
)
#: Badge colours as (background, text); each pair has a WCAG contrast of at least 4.5:1.
BADGE_COLOURS: dict[str, tuple[str, str]] = {
    "conflicting": ("#a4161a", "#ffffff"),
    "contested_certainty": ("#5a2d82", "#ffffff"),
    "echoed": ("#8a4b00", "#ffffff"),
    "corroborated": ("#1e6b36", "#ffffff"),
    "single_source": ("#4a4f57", "#ffffff"),
}
#: Claim groups shown open in a story; the rest are folded under one summary line.
FOLD_AFTER = 6
#: Rows of the claims-by-outlet matrix shown open; the rest fold into a second table.
FOLD_ROWS = 12
#: The shared templates: ``report.html.j2`` and the ``partials/`` the web app also renders.
TEMPLATES = Path(__file__).parent / "templates"


def make_environment(*folders: Path) -> jinja2.Environment:
    """A Jinja2 environment over ``folders`` then the shared templates, with their helpers.

    Autoescaping is on for every template, whatever its name: all text is untrusted.
    """
    environment = jinja2.Environment(
        loader=jinja2.FileSystemLoader([*folders, TEMPLATES]),
        autoescape=True,  # every value is untrusted article text until proven otherwise
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    environment.filters["number"] = number
    environment.filters["plural"] = plural
    environment.globals.update(
        value_range=value_range,
        badge_colours=BADGE_COLOURS,
        certainty_marks=CERTAINTY_MARKS,
        verdict_labels=VERDICT_LABELS,
        span_words=span_words,
        attribution_words=attribution_words,
        fold_after=FOLD_AFTER,
        fold_rows=FOLD_ROWS,
        base_map_credit=licence(),
    )
    return environment


@functools.cache
def environment() -> jinja2.Environment:
    """The report's own environment (one per process: its templates compile once)."""
    return make_environment()


def render_html(
    articles: Sequence[Article],
    stories: Sequence[Story],
    *,
    version: str,
    events: Sequence[Event] = (),
) -> str:
    """The report page: stories, their claim groups by interest, evidence, reuse and events,
    then the events told in several stories (``events``).

    Each story is drawn as a :class:`~storytrace.report.pieces.StoryPiece` and the pieces
    joined, as an incremental write joins the pieces it kept and those it drew again.
    """
    by_id = {article.id: article for article in articles}
    pieces = [draw_story(story, by_id, version=version) for story in stories]
    found = totals(len(by_id), ((p.verdicts, p.groups) for p in pieces))
    cross = cross_event_views(events, by_id, [s.id for s in stories])
    return "".join(
        html_chunks(found, (p.contents for p in pieces), (p.section for p in pieces),
                    version=version, cross=cross)
    )  # fmt: skip


def write_html(
    path: str | os.PathLike[str],
    articles: Sequence[Article],
    stories: Sequence[Story],
    *,
    version: str,
    events: Sequence[Event] = (),
) -> Path:
    """Render the report and write it atomically as UTF-8; returns the path written."""
    return write_text_atomic(path, render_html(articles, stories, version=version, events=events))
