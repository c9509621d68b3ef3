r"""Claim groups as rows: CSV and Markdown tables, safe for untrusted article text.

CSV cells that start with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return get a
leading apostrophe, so a spreadsheet shows them as text instead of running them as a
formula (OWASP's advice against CSV injection); rows end in CRLF (RFC 4180), so a line
break inside a cell is always quoted. Markdown cells escape the pipe and the
characters that make emphasis, links and code (``\ ` * _ [ ] ~``), write ``<``, ``>`` and
``&`` as entities (no raw HTML gets through), and fold line breaks into spaces.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from storytrace.records import Article, ClaimGroup, Story

CLAIM_COLUMNS: tuple[str, ...] = (
    "story_id",
    "story_title",
    "group_id",
    "text",
    "verdict",
    "independent_sources",
    "origins",
    "outlets",
    "conflicts",
    "contested_certainty",
)
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]|~])")


def csv_cell(value: Any) -> Any:
    """A value as a CSV cell: text that a spreadsheet would run as a formula is quoted."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def write_csv(columns: Sequence[str], rows: Iterable[Mapping[str, Any]]) -> str:
    """CSV text with a header row; every string cell made safe by :func:`csv_cell`."""
    buffer = io.StringIO()
    # RFC 4180's CRLF: the writer then also quotes a cell holding a lone carriage return,
    # which a spreadsheet would otherwise read as the end of the row.
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow([csv_cell(_plain(row.get(column))) for column in columns])
    return buffer.getvalue()


def md_cell(value: Any) -> str:
    """A value as Markdown table text: markup escaped, HTML neutralised, one line."""
    text = " ".join(str(_plain(value)).split())
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text)


def _plain(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return value


def claim_rows(stories: Sequence[Story], articles: Sequence[Article]) -> list[dict[str, Any]]:
    """One row per claim group of every story (see :data:`CLAIM_COLUMNS`)."""
    by_id = {article.id: article for article in articles}
    return [_claim_row(story, group, by_id) for story in stories for group in story.claim_groups]


def _claim_row(story: Story, group: ClaimGroup, by_id: Mapping[str, Article]) -> dict[str, Any]:
    outlets = []
    for member in group.members:
        article = by_id.get(member.article_id)
        outlets.append(
            (article.outlet or article.title or article.id) if article else member.article_id
        )
    conflicts = "; ".join(
        f"{c.attribute}: {' vs '.join(v.value for v in c.values)}" for c in group.conflicts
    )
    return {
        "story_id": story.id,
        "story_title": story.title,
        "group_id": group.id,
        "text": group.text,
        "verdict": group.verdict,
        "independent_sources": group.independent_sources,
        "origins": "; ".join(origin.name for origin in group.origins),
        "outlets": "; ".join(dict.fromkeys(outlets)),
        "conflicts": conflicts,
        "contested_certainty": group.contested_certainty,
    }


def claims_csv(stories: Sequence[Story], articles: Sequence[Article]) -> str:
    """The claim groups as CSV, one row each."""
    return write_csv(CLAIM_COLUMNS, claim_rows(stories, articles))


def claims_markdown(stories: Sequence[Story], articles: Sequence[Article]) -> str:
    """The claim groups as Markdown: a heading and a table per story."""
    rows = claim_rows(stories, articles)
    columns = [c for c in CLAIM_COLUMNS if c not in ("story_id", "story_title")]
    lines = ["# Claims by story", ""]
    for story in stories:
        lines += [f"## {md_cell(story.title)}", "", f"Story id: {md_cell(story.id)}", ""]
        lines.append("| " + " | ".join(columns) + " |")
        lines.append("|" + "---|" * len(columns))
        for row in rows:
            if row["story_id"] == story.id:
                lines.append("| " + " | ".join(md_cell(row[c]) for c in columns) + " |")
        lines.append("")
    return "\n".join(lines)
