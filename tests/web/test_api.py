"""The JSON API returns the stories.json shapes, pages through them, and fails in one shape."""

from __future__ import annotations

import pytest

from storytrace.web.schema import ArticleTextOut, ErrorOut, StoryOut
from storytrace_testkit import SOFREP


def test_each_story_is_its_stories_json_entry(client, web_run):
    for story in web_run.document["stories"]:
        response = client.get(f"/api/stories/{story['id']}")
        assert response.status_code == 200
        assert response.headers["content-type"] == "application/json"
        assert response.json() == story
        StoryOut.model_validate(response.json())


def test_the_list_is_a_json_list_in_id_order_with_paging(client, web_run):
    stories = web_run.document["stories"]
    everything = client.get("/api/stories", params={"limit": 200})
    assert everything.json() == sorted(stories, key=lambda s: s["id"])
    assert everything.headers["x-total-count"] == str(len(stories))
    assert "link" not in everything.headers
    first = client.get("/api/stories", params={"limit": 1})
    assert [s["id"] for s in first.json()] == [everything.json()[0]["id"]]
    assert first.headers["link"] == '</api/stories?limit=1&offset=1>; rel="next"'
    second = client.get("/api/stories?limit=1&offset=1")
    assert [s["id"] for s in second.json()] == [everything.json()[1]["id"]]


def test_search_finds_the_seeds_story(client, web_run):
    sofrep = web_run.article_of(SOFREP)
    found = client.get("/api/stories", params={"q": "Pskov paratroopers"}).json()
    assert [s["id"] for s in found] == [web_run.story_of(sofrep["id"])["id"]]
    assert client.get("/api/stories", params={"q": "zzzunheardof"}).json() == []
    assert client.get("/api/stories", params={"q": '"foo" OR ) NEAR('}).status_code == 200


def test_an_article_comes_with_its_text_and_story(client, web_run):
    sofrep = web_run.article_of(SOFREP)
    body = client.get(f"/api/articles/{sofrep['id']}").json()
    ArticleTextOut.model_validate(body)
    assert {k: body[k] for k in sofrep} == sofrep
    assert body["story_id"] == web_run.story_of(sofrep["id"])["id"]
    for group in web_run.story_of(sofrep["id"])["claim_groups"]:
        for member in group["members"]:
            if member["article_id"] == sofrep["id"]:
                start, end = member["span"]
                assert member["text"] in body["text"][start:end]


@pytest.mark.parametrize(
    ("method", "path", "status", "error"),
    [
        ("GET", "/api/stories/no-such-story", 404, "no story has the id 'no-such-story'"),
        ("GET", "/api/articles/0000", 404, "no article has the id '0000'"),
        ("GET", "/api/stories?limit=0", 400, "limit: Input should be greater than or equal to 1"),
        ("GET", "/api/stories?offset=x", 400, "offset: Input should be a valid integer"),
        ("GET", "/api/nothing", 404, "Not Found"),
        ("POST", "/api/stories", 405, "Method Not Allowed"),
        ("DELETE", "/api/stories/x", 405, "Method Not Allowed"),
    ],
)
def test_every_error_has_one_shape(client, method, path, status, error):
    response = client.request(method, path)
    assert response.status_code == status
    assert response.headers["content-type"] == "application/json"
    assert response.json()["error"].startswith(error)
    assert response.json() == {
        "ok": False,
        "error": response.json()["error"],
        "errors": response.json()["errors"],
        "status": status,
    }
    ErrorOut.model_validate(response.json())


def test_openapi_describes_the_api_and_hides_the_pages(client):
    spec = client.get("/openapi.json").json()
    assert set(spec["paths"]) == {
        "/api/stories",
        "/api/stories/{story_id}",
        "/api/articles/{article_id}",
    }
    assert all(set(ops) == {"get"} for ops in spec["paths"].values())  # read-only
    one = spec["paths"]["/api/stories/{story_id}"]["get"]["responses"]
    assert one["200"]["content"]["application/json"]["schema"]["$ref"].endswith("/StoryOut")
    assert one["404"]["content"]["application/json"]["schema"]["$ref"].endswith("/ErrorOut")
    group = spec["components"]["schemas"]["ClaimGroupOut"]["properties"]["verdict"]
    assert set(group["enum"]) == {"corroborated", "echoed", "single_source", "conflicting"}
    schemas = spec["components"]["schemas"]
    assert "timeline" in schemas["StoryOut"]["properties"]
    assert {"geo_precision", "time_precision", "story_ids"} <= set(
        schemas["EventOut"]["properties"]
    )
    assert client.get("/docs").status_code == 404  # its scripts would come from a CDN
