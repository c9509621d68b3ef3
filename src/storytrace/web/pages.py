"""The HTML pages: the stories list with search, one story, one article with its claims marked."""

from __future__ import annotations

from typing import Annotated
from urllib.parse import quote

from fastapi import APIRouter, Query, Request
from starlette.exceptions import HTTPException
from starlette.responses import HTMLResponse, RedirectResponse, Response

from storytrace.report.views import story_views
from storytrace.store import Store
from storytrace.web.article_text import GroupRef, segments
from storytrace.web.listing import StoryIndex
from storytrace.web.rendering import WebLinks, page, stylesheet
from storytrace.web.search_hits import page_hits

router = APIRouter(include_in_schema=False)

PAGE_SIZE = 50
SEARCH_LIMIT = 500  # matches shown for one query, best first
QUERY_CHARS = 200


def _store(request: Request) -> Store:
    store: Store = request.app.state.store
    return store


def _index(request: Request) -> StoryIndex:
    index: StoryIndex = request.app.state.index
    return index


@router.get("/static/storytrace.css")
def css() -> Response:
    """The shared stylesheet (also inlined in report.html)."""
    return Response(
        stylesheet(),
        media_type="text/css; charset=utf-8",
        headers={"Cache-Control": "public, max-age=3600"},
    )


@router.get("/", response_class=HTMLResponse)
def stories(
    request: Request,
    q: Annotated[str, Query(max_length=QUERY_CHARS)] = "",
    page_number: Annotated[int, Query(alias="page", ge=1, le=100_000)] = 1,
) -> HTMLResponse:
    """Every story, newest first, or those matching a full-text search."""
    query = q.strip()
    index = _index(request)
    if query:
        found = index.find(_store(request).search(query, limit=SEARCH_LIMIT))
    else:
        found = list(index.summaries())
    pages = max(1, -(-len(found) // PAGE_SIZE))
    if page_number > pages:
        raise HTTPException(404, f"there is no page {page_number}; the last page is {pages}")
    start = (page_number - 1) * PAGE_SIZE
    shown = found[start : start + PAGE_SIZE]
    hits = page_hits([s.id for s in shown], _store(request), query) if query else {}
    return page(
        "stories.html.j2",
        q=query,
        total=len(found),
        summaries=shown,
        hits=hits,
        page_number=page_number,
        pages=pages,
        first=start + 1,
    )


@router.get("/stories/{story_id}", response_class=HTMLResponse)
def story(request: Request, story_id: str) -> Response:
    """One story: claim matrix, conflicts, who copied whom, timeline, events, evidence."""
    store = _store(request)
    found = store.get_story(story_id)
    if found is None:
        successor = store.redirect_of(story_id)
        if successor is not None:  # merged into another story by a later run
            return RedirectResponse(f"/stories/{quote(successor, safe='')}", status_code=301)
        raise HTTPException(404, f"no story has the id {story_id!r}")
    articles = store.get_articles(found.article_ids)
    (view,) = story_views(articles, [found])
    return page("story.html.j2", sv=view, q="")


@router.get("/articles/{article_id}", response_class=HTMLResponse)
def article(request: Request, article_id: str) -> HTMLResponse:
    """One article's text, each claim highlighted and linked to its claim group."""
    store = _store(request)
    articles = store.get_articles([article_id])
    if not articles:
        raise HTTPException(404, f"no article has the id {article_id!r}")
    (found,) = articles
    story_id = store.story_of(found.id)
    story = store.get_story(story_id) if story_id else None
    claims = {claim.id: claim for claim in store.get_claims([found.id])}
    groups: dict[str, GroupRef] = {}
    if story is not None:
        (view,) = story_views(articles, [story])
        story_href = WebLinks().story(story.id)
        for group in view.groups:
            for member in group.members:
                if member.claim.article_id == found.id:
                    claims.setdefault(member.claim.id, member.claim)
                    ref = GroupRef(group.group.verdict, group.label, f"{story_href}#{group.anchor}")
                    groups[member.claim.id] = ref
    runs = segments(found.text, list(claims.values()), groups)
    return page("article.html.j2", article=found, story=story, runs=runs, q="")
