"""Jinja2 for the web pages: the shared report templates plus the page templates here."""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any
from urllib.parse import quote

import jinja2
from starlette.responses import HTMLResponse

from storytrace import __version__
from storytrace.records import Claim
from storytrace.report.html import make_environment
from storytrace.report.links import claim_anchor
from storytrace.report.views import safe_href

TEMPLATES = Path(__file__).parent / "templates"
STATIC = Path(__file__).parent / "static"


def path_part(value: str) -> str:
    """``value`` as one URL path segment: every reserved character percent-encoded."""
    return quote(value, safe="")


class WebLinks:
    """Links between the web app's pages."""

    pages = True

    def story(self, story_id: str) -> str:
        """The story page."""
        return f"/stories/{path_part(story_id)}"

    def api_story(self, story_id: str) -> str:
        """The story in the JSON API."""
        return f"/api/stories/{path_part(story_id)}"

    def article(self, article_id: str) -> str | None:
        """The article page, where its claims are highlighted."""
        return f"/articles/{path_part(article_id)}"

    def claim(self, claim: Claim) -> str | None:
        """The claim's sentence, highlighted on its article page."""
        return f"/articles/{path_part(claim.article_id)}#{claim_anchor(claim)}"


@functools.cache
def environment() -> jinja2.Environment:
    """The page templates over the shared partials, autoescaped."""
    env = make_environment(TEMPLATES)
    env.globals.update(links=WebLinks(), version=__version__, safe_href=safe_href)
    return env


@functools.cache
def stylesheet() -> str:
    """The shared stylesheet, rendered once."""
    return environment().get_template("partials/styles.css.j2").render()


def page(name: str, *, status: int = 200, **context: Any) -> HTMLResponse:
    """Render a page template into an HTML response."""
    html = environment().get_template(name).render(**context)
    return HTMLResponse(html, status_code=status)
