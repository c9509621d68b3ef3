"""The pages, read as HTML: what a desk sees on the list, a story and an article."""

from __future__ import annotations

import re
from html.parser import HTMLParser

from storytrace_testkit import IBT, SOFREP


class _Page(HTMLParser):
    """Start tags with attributes, and the text of each element with an id."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text_by_id: dict[str, str] = {}
        self._open: list[str] = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        self.tags.append((tag, attributes))
        if tag == "mark":
            self._open.append(attributes.get("id") or "")
            self.text_by_id[self._open[-1]] = ""

    def handle_endtag(self, tag):
        if tag == "mark" and self._open:
            self._open.pop()

    def handle_data(self, data):
        for key in self._open:
            self.text_by_id[key] += data


def parse(html: str) -> _Page:
    page = _Page()
    page.feed(html)
    page.close()
    return page


def test_the_list_shows_every_story_with_outlets_and_verdicts(client, web_run):
    html = client.get("/").text
    for story in web_run.document["stories"]:
        assert f'href="/stories/{story["id"]}"' in html
    assert "International Business Times, SOFREP" in html or "SOFREP, International" in html
    assert '<span class="badge badge-echoed">Echoed</span>' in html


def test_search_narrows_the_list_and_says_when_nothing_matches(client, web_run):
    seeds = web_run.story_of(web_run.article_of(SOFREP)["id"])
    html = client.get("/", params={"q": "Pskov"}).text
    assert re.findall(r'<h2><a href="/stories/([^"]+)">', html) == [seeds["id"]]
    assert 'value="Pskov"' in html
    empty = client.get("/", params={"q": "zzzunheardof"}).text
    assert "No story matches “zzzunheardof”." in empty
    assert client.get("/", params={"page": 99}).status_code == 404


def test_story_page_has_matrix_conflicts_graph_timeline_and_evidence(client, web_run):
    sofrep, ibt = web_run.article_of(SOFREP), web_run.article_of(IBT)
    story = web_run.story_of(sofrep["id"])
    html = client.get(f"/stories/{story['id']}").text
    page = parse(html)
    # a long matrix folds its later rows into a second table with the same header (#20)
    headers = list(dict.fromkeys(re.findall(r'<th scope="col">([^<]+)</th>', html)))
    assert headers[0] == "Claim"
    assert sorted(headers[1:]) == ["International Business Times", "SOFREP"]
    rows = re.findall(r'<tr data-verdict="(\w+)"', html)
    assert len(rows) == len(story["claim_groups"])
    marks = [a["href"] for t, a in page.tags if t == "a" and "mark" in (a.get("class") or "")]
    # one mark per article of a group, not one per member sentence (#20)
    firsts: dict[tuple[str, str], dict] = {}
    for group in story["claim_groups"]:
        for member in group["members"]:
            firsts.setdefault((group["id"], member["article_id"]), member)
    assert len(marks) == len(firsts)
    for member in firsts.values():
        start, end = member["span"]
        assert f"/articles/{member['article_id']}#claim-{start}-{end}" in marks
    assert "Pskovskaya Guberniya" in html  # the one origin the outlets echo
    for section in ("matrix", "conflicts", "graph", "timeline", "claims"):
        assert f'id="story-1-{section}"' in html
    svg = re.search(r"<svg .*?</svg>", html, re.S).group(0)
    assert f'<a href="/articles/{sofrep["id"]}">' in svg and f"/articles/{ibt['id']}" in svg
    ids = [a["id"] for _, a in page.tags if "id" in a]
    assert len(ids) == len(set(ids))
    fragments = {a["href"][1:] for t, a in page.tags if t == "a" and a["href"].startswith("#")}
    assert fragments <= set(ids)


def test_article_page_marks_each_claim_at_its_span(client, web_run, web_store):
    sofrep = web_run.article_of(SOFREP)
    text = web_store.get_articles([sofrep["id"]])[0].text
    page = parse(client.get(f"/articles/{sofrep['id']}").text)
    assert page.text_by_id
    for anchor, shown in page.text_by_id.items():
        start, end = map(int, anchor.removeprefix("claim-").split("-"))
        assert shown == text[start:end]
    grouped = {
        f"claim-{m['span'][0]}-{m['span'][1]}"
        for g in web_run.story_of(sofrep["id"])["claim_groups"]
        for m in g["members"]
        if m["article_id"] == sofrep["id"]
    }
    assert grouped <= set(page.text_by_id)


def test_unknown_pages_are_html_404s(client):
    for path in ("/stories/nope", "/articles/nope", "/nowhere"):
        response = client.get(path)
        assert response.status_code == 404
        assert response.headers["content-type"].startswith("text/html")
        assert "<h1>Not found</h1>" in response.text
