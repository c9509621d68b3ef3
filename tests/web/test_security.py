"""Untrusted text stays text: escaping, the CSP, no javascript: links, loopback hosts only."""

from __future__ import annotations

import re

from fastapi.testclient import TestClient

from storytrace.web import create_app
from storytrace.web.app import CONTENT_SECURITY_POLICY, is_loopback


def _hostile(web_run):
    (article,) = [a for a in web_run.articles.values() if a["source"].endswith("hostile.txt")]
    return article, web_run.story_of(article["id"])


def test_every_response_carries_a_policy_without_inline_script(client, web_run):
    article, story = _hostile(web_run)
    paths = [
        "/",
        f"/stories/{story['id']}",
        f"/articles/{article['id']}",
        "/api/stories",
        "/nope",
        "/api/nope",
        "/static/app.js",
        "/static/storytrace.css",
        "/openapi.json",
    ]
    for path in paths:
        headers = client.get(path).headers
        assert headers["content-security-policy"] == CONTENT_SECURITY_POLICY, path
        assert headers["x-content-type-options"] == "nosniff"
    directives = dict(d.strip().split(" ", 1) for d in CONTENT_SECURITY_POLICY.split(";"))
    assert directives["script-src"] == "'self'"
    assert directives["default-src"] == "'none'"
    assert "unsafe" not in CONTENT_SECURITY_POLICY


def test_hostile_fields_are_escaped_everywhere(client, web_run):
    article, story = _hostile(web_run)
    for path in ("/", "/?q=depot", f"/stories/{story['id']}", f"/articles/{article['id']}"):
        html = client.get(path).text
        assert "<script>alert" not in html and "<img" not in html and "<b>" not in html
        assert not re.search(r"<[a-z]+[^>]*\son\w+=", html), path
        assert not re.search(r"""href\s*=\s*["']?\s*javascript:""", html, re.I), path
        assert re.findall(r"<script[^>]*>", html) == ['<script src="/static/app.js" defer>']
        assert "style=" not in html  # inline styles would need 'unsafe-inline'
    page = client.get(f"/articles/{article['id']}").text
    assert "&lt;script&gt;alert(&#34;text&#34;)&lt;/script&gt;" in page
    assert "Address (not linked): <code>javascript:alert(&#39;url&#39;)</code>" in page


def test_the_query_is_reflected_as_text(client):
    html = client.get("/", params={"q": '"><script>alert(1)</script>'}).text
    assert "<script>alert(1)" not in html
    assert 'value="&#34;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"' in html
    assert client.get("/", params={"q": "x" * 201}).status_code == 400


def test_ids_with_reserved_characters_stay_inside_their_path(client):
    response = client.get("/stories/%3Cscript%3E%22")
    assert response.status_code == 404
    assert "no story has the id &#39;&lt;script&gt;&#34;&#39;" in response.text


def test_loopback_servers_answer_only_loopback_host_names(web_store):
    app = create_app(web_store, allowed_hosts=["127.0.0.1", "localhost"])
    with TestClient(app, base_url="http://127.0.0.1:8000") as local:
        assert local.get("/").status_code == 200
    with TestClient(app, base_url="http://attacker.example") as rebound:
        assert rebound.get("/api/stories").status_code == 400
    assert is_loopback("127.0.0.1") and is_loopback("::1") and is_loopback("localhost")
    assert not is_loopback("0.0.0.0") and not is_loopback("192.168.1.2")
