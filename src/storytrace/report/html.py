"""Articles and stories -> one self-contained ``report.html`` (Jinja2, autoescaped)."""

from __future__ import annotations

import functools
import os
from collections.abc import Sequence
from pathlib import Path

import jinja2

from storytrace.records import Article, Story
from storytrace.report.basemap import licence
from storytrace.report.files import write_text_atomic
from storytrace.report.links import ReportLinks
from storytrace.report.matrix import CERTAINTY_MARKS
from storytrace.report.views import (
    VERDICT_LABELS,
    attribution_words,
    number,
    plural,
    story_views,
    value_range,
    verdict_counts,
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
def _environment() -> jinja2.Environment:
    return make_environment()


def render_html(articles: Sequence[Article], stories: Sequence[Story], *, version: str) -> str:
    """The report page: stories, their claim groups by interest, evidence, reuse and events."""
    template = _environment().get_template("report.html.j2")
    return template.render(
        version=version,
        csp=CONTENT_SECURITY_POLICY,
        links=ReportLinks(),
        verdict_counts=verdict_counts(stories),
        article_count=len({article.id for article in articles}),
        group_count=sum(len(story.claim_groups) for story in stories),
        stories=story_views(articles, stories),
    )


def write_html(
    path: str | os.PathLike[str],
    articles: Sequence[Article],
    stories: Sequence[Story],
    *,
    version: str,
) -> Path:
    """Render the report and write it atomically as UTF-8; returns the path written."""
    return write_text_atomic(path, render_html(articles, stories, version=version))
