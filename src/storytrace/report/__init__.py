"""report: articles and stories -> ``stories.json`` and a self-contained ``report.html``.

Example:
    >>> doc = stories_document(articles, stories, version="0.1.0")  # doctest: +SKIP
    >>> write_json("out/stories.json", doc)  # doctest: +SKIP
    >>> write_html("out/report.html", articles, stories, version="0.1.0")  # doctest: +SKIP
"""

from storytrace.report.html import render_html, write_html
from storytrace.report.json_doc import stories_document, write_json

__all__ = ["render_html", "stories_document", "write_html", "write_json"]
