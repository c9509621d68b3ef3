"""The JSON API: the shapes of ``stories.json``, read-only."""

from __future__ import annotations

from typing import Annotated, Any
from urllib.parse import quote, urlencode

from fastapi import APIRouter, Query, Request
from starlette.exceptions import HTTPException
from starlette.responses import JSONResponse, RedirectResponse, Response

from storytrace import __version__
from storytrace.records import Story
from storytrace.report import stories_document
from storytrace.report.json_doc import article_dict
from storytrace.store import Store
from storytrace.web.listing import StoryIndex
from storytrace.web.schema import ArticleTextOut, ErrorOut, StoryOut

router = APIRouter(prefix="/api", tags=["stories"])

MAX_LIMIT = 200
SEARCH_LIMIT = 1000
_ERRORS: dict[int | str, dict[str, Any]] = {
    400: {"model": ErrorOut, "description": "A parameter is not valid"},
    404: {"model": ErrorOut, "description": "Nothing has that id"},
}


def _store(request: Request) -> Store:
    store: Store = request.app.state.store
    return store


def _story_json(story: Story) -> dict[str, Any]:
    """One entry of ``stories`` in stories.json (non-finite numbers as null)."""
    document = stories_document([], [story], version=__version__)
    shape: dict[str, Any] = document["stories"][0]
    return shape


@router.get(
    "/stories",
    response_class=JSONResponse,
    responses={200: {"model": list[StoryOut], "description": "A page of stories"}, **_ERRORS},
)
def list_stories(
    request: Request,
    q: Annotated[str, Query(max_length=200, description="full-text search, words ANDed")] = "",
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT, description="stories per page")] = 20,
    offset: Annotated[int, Query(ge=0, description="stories to skip")] = 0,
) -> JSONResponse:
    """Stories as a JSON list in the shape of ``stories[]`` in stories.json.

    Without ``q``, in id order; with ``q``, best match first. ``X-Total-Count`` says how
    many match and ``Link`` gives the next page.
    """
    store = _store(request)
    if q.strip():
        ids = store.search(q, limit=SEARCH_LIMIT)
    else:
        index: StoryIndex = request.app.state.index
        ids = sorted(summary.id for summary in index.summaries())
    page = ids[offset : offset + limit]
    found = {story.id: story for story in store.get_stories(page)}  # one read for the page
    chosen = [found.get(story_id) for story_id in page]
    headers = {"X-Total-Count": str(len(ids))}
    if offset + limit < len(ids):
        query = urlencode(
            {k: v for k, v in (("q", q), ("limit", limit)) if v} | {"offset": offset + limit}
        )
        headers["Link"] = f'</api/stories?{query}>; rel="next"'
    return JSONResponse([_story_json(s) for s in chosen if s is not None], headers=headers)


@router.get(
    "/stories/{story_id}",
    response_class=JSONResponse,
    responses={
        200: {"model": StoryOut, "description": "One story"},
        301: {"description": "The story was merged into another; Location names it"},
        **_ERRORS,
    },
)
def get_story(request: Request, story_id: str) -> Response:
    """One story in the shape of ``stories[]`` in stories.json."""
    store = _store(request)
    story = store.get_story(story_id)
    if story is None:
        successor = store.redirect_of(story_id)
        if successor is not None:  # merged into another story by a later run
            return RedirectResponse(f"/api/stories/{quote(successor, safe='')}", 301)
        raise HTTPException(404, f"no story has the id {story_id!r}")
    return JSONResponse(_story_json(story))


@router.get(
    "/articles/{article_id}",
    response_class=JSONResponse,
    responses={200: {"model": ArticleTextOut, "description": "One article"}, **_ERRORS},
)
def get_article(request: Request, article_id: str) -> JSONResponse:
    """One article: the fields of ``articles[]`` in stories.json, its text and its story."""
    store = _store(request)
    found = store.get_articles([article_id])
    if not found:
        raise HTTPException(404, f"no article has the id {article_id!r}")
    body = article_dict(found[0]) | {"text": found[0].text, "story_id": store.story_of(article_id)}
    return JSONResponse(body)
