"""Each story's share of ``stories.json`` and ``report.html``, drawn once, joined in order.

A :class:`StoryPiece` holds everything the two reports show of one story: its entry of
``stories.json`` (already indented as the document nests it), its line in the contents
and its section of ``report.html`` (with :data:`ANCHOR` where its place in the page goes,
since a story's number changes when another is added before it), and its claim groups
counted by verdict for the page's header. :func:`json_chunks` and :func:`html_chunks`
join pieces into the two documents; a full write and an incremental one (which draws
only the stories that changed, :mod:`storytrace.report.cache`) both go through them,
so they write the same bytes.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from markupsafe import Markup

from storytrace.records import Article, Story
from storytrace.report.cross_events import CrossEventView
from storytrace.report.glance import effective_verdict
from storytrace.report.links import ReportLinks
from storytrace.report.views import VERDICT_LABELS, story_view

#: Where a story's anchor (``story-N``, N its place in the page) goes in a drawn piece.
ANCHOR = "story-@@storytrace-anchor@@"
_INDENT = 2  # stories.json is written with json.dumps(indent=2)


@dataclass(frozen=True)
class StoryPiece:
    """One story as the reports show it (text already escaped and laid out)."""

    story_id: str
    entry: str  # its element of stories.json's "stories", indented two levels
    contents: str  # its line in report.html's contents, with ANCHOR
    section: str  # its <article> in report.html, with ANCHOR
    verdicts: tuple[int, ...]  # claim groups per verdict, in VERDICT_LABELS order
    groups: int  # claim groups


def nested_json(value: Any, level: int) -> str:
    """``value`` as ``json.dumps(..., indent=2)`` writes it ``level`` levels deep."""
    text = json.dumps(value, ensure_ascii=False, indent=_INDENT, allow_nan=False)
    pad = " " * (_INDENT * level)
    return pad + text.replace("\n", "\n" + pad)


def draw_story(story: Story, by_id: Mapping[str, Article], *, version: str) -> StoryPiece:
    """Draw one story's piece; ``by_id`` holds at least the articles it names."""
    from storytrace.report.html import environment  # html joins pieces; it imports this
    from storytrace.report.json_doc import finite, story_dict

    view = story_view(story, ANCHOR, by_id)
    values = {"sv": view, "links": ReportLinks(), "version": version}
    env = environment()
    counts = [effective_verdict(group) for group in story.claim_groups]
    return StoryPiece(
        story_id=story.id,
        entry=nested_json(finite(story_dict(story)), 2),
        contents=env.get_template("report_entry.html.j2").render(values),
        section=env.get_template("report_story.html.j2").render(values),
        verdicts=tuple(counts.count(verdict) for verdict in VERDICT_LABELS),
        groups=len(story.claim_groups),
    )


def json_chunks(
    article_dicts: Sequence[Mapping[str, Any]],
    entries: Iterable[str],
    *,
    version: str,
    events: Sequence[Mapping[str, Any]] | None = None,
) -> Iterator[str]:
    """``stories.json``, in pieces: what ``json.dumps(stories_document(...), indent=2)``
    followed by a newline writes (``events``: the events told in several stories)."""
    yield "{\n" + " " * _INDENT + '"storytrace_version": ' + json.dumps(version) + ",\n"
    yield " " * _INDENT + '"articles": ' + _list([nested_json(a, 2) for a in article_dicts])
    yield ",\n" + " " * _INDENT + '"stories": '
    first = True
    for entry in entries:
        yield ("[\n" if first else ",\n") + entry
        first = False
    yield "[]" if first else "\n" + " " * _INDENT + "]"
    if events is not None:
        yield ",\n" + " " * _INDENT + '"events": ' + _list([nested_json(e, 2) for e in events])
    yield "\n}\n"


def _list(items: Sequence[str]) -> str:
    if not items:
        return "[]"
    return "[\n" + ",\n".join(items) + "\n" + " " * _INDENT + "]"


@dataclass(frozen=True)
class Totals:
    """What the page's header counts over every story."""

    articles: int
    stories: int
    groups: int
    verdicts: tuple[int, ...]


def totals(article_count: int, counts: Iterable[tuple[Sequence[int], int]]) -> Totals:
    """The header's counts over every story's (claim groups per verdict, claim groups)."""
    stories = groups = 0
    verdicts = [0] * len(VERDICT_LABELS)
    for story_verdicts, story_groups in counts:
        stories += 1
        groups += story_groups
        verdicts = [a + b for a, b in zip(verdicts, story_verdicts, strict=True)]
    return Totals(article_count, stories, groups, tuple(verdicts))


def html_chunks(
    found: Totals,
    contents: Iterable[str],
    sections: Iterable[str],
    *,
    version: str,
    cross: Sequence[CrossEventView] = (),
) -> Iterator[str]:
    """``report.html``, in pieces: the page around every story's contents line and
    section, in order, each anchor set to the story's place (``story-1``, ``story-2``, ...),
    then the events told in several stories (``cross``)."""
    head, middle, tail = _frame(found, version, cross)
    yield head
    for number, line in enumerate(contents, start=1):
        yield line.replace(ANCHOR, f"story-{number}")
    yield middle
    for number, section in enumerate(sections, start=1):
        yield section.replace(ANCHOR, f"story-{number}")
    yield tail


_CONTENTS = "\x00storytrace-contents\x00"
_SECTIONS = "\x00storytrace-sections\x00"


def _frame(found: Totals, version: str, cross: Sequence[CrossEventView]) -> tuple[str, str, str]:
    """The page before the contents lines, between them and the sections, and after."""
    from storytrace.report.html import CONTENT_SECURITY_POLICY, environment

    template = environment().get_template("report.html.j2")
    page = template.render(
        version=version,
        csp=CONTENT_SECURITY_POLICY,
        verdict_counts=dict(zip(VERDICT_LABELS, found.verdicts, strict=True)),
        article_count=found.articles,
        story_count=found.stories,
        group_count=found.groups,
        contents=Markup(_CONTENTS),  # noqa: S704 - our own marker, split off below
        sections=Markup(_SECTIONS),  # noqa: S704 - our own marker, split off below
        cross_events=cross,
    )
    if not found.stories:  # no contents list: the page says so instead
        head, tail = page.split(_SECTIONS)
        return head, "", tail
    head, rest = page.split(_CONTENTS)
    middle, tail = rest.split(_SECTIONS)
    return head, middle, tail
