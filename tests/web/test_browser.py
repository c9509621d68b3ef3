"""What a desk does in a real browser: list, search, open the seeds' story, follow a claim,
and a hostile article that must render as text and run nothing."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from storytrace.report.views import VERDICT_LABELS
from storytrace_testkit import IBT, SOFREP
from web.browsing import PageWatch

pytestmark = pytest.mark.browser

OUTLETS = ("SOFREP", "International Business Times")


def test_search_open_the_seeds_story_and_follow_a_claim_to_its_sentence(watched, web_run):
    page = watched.page
    page.goto("/")
    expect(page.locator("h1")).to_have_text("Stories")
    watched.screenshot("stories")

    page.locator("body").press("/")  # the search key moves to the search box
    expect(page.locator("#q")).to_be_focused()
    page.locator("#q").fill("paratroopers Pskov")
    page.locator("#q").press("Enter")
    expect(page).to_have_url(re.compile(r"/\?q=paratroopers\+Pskov$"))
    expect(page.locator("h1")).to_have_text("Stories matching “paratroopers Pskov”")
    watched.screenshot("search")
    sofrep = web_run.article_of(SOFREP)
    story = web_run.story_of(sofrep["id"])
    results = page.locator("ol.stories > li")
    expect(results).to_have_count(1)
    results.get_by_role("link", name=story["title"]).click()

    expect(page).to_have_url(re.compile(r"/stories/" + re.escape(story["id"]) + "$"))
    matrix = page.locator("section[aria-labelledby$='-matrix']")
    folded = matrix.locator("details.fold > summary")  # a long matrix folds its later rows
    if folded.count():
        folded.click()
    for outlet in OUTLETS:
        expect(
            matrix.locator("table.matrix").first.locator("thead th", has_text=outlet)
        ).to_have_count(1)
    verdicts = {g["verdict"] for g in story["claim_groups"]}
    assert len(verdicts) >= 2
    for verdict in verdicts:
        expect(matrix.locator(f"span.badge-{verdict}").first).to_have_text(VERDICT_LABELS[verdict])
    expect(page.locator("figure.graph svg")).to_be_visible()
    watched.screenshot("story")

    echoed = next(g for g in story["claim_groups"] if g["verdict"] == "echoed")
    member = next(m for m in echoed["members"] if m["article_id"] == sofrep["id"])
    start, end = member["span"]
    anchor = f"claim-{start}-{end}"
    page.locator(f'table.matrix a[href$="#{anchor}"]').first.click()
    expect(page).to_have_url(re.compile(f"/articles/{sofrep['id']}#{anchor}$"))
    target = page.locator("mark.claim:target")
    expect(target).to_have_attribute("id", anchor)
    expect(target).to_be_in_viewport()
    article = page.request.get(f"/api/articles/{sofrep['id']}").json()
    expect(target).to_have_text(article["text"][start:end])
    assert member["text"] in article["text"][start:end]
    watched.screenshot("article", full_page=False)
    assert watched.dialogs == []
    assert watched.errors == []  # no script error, and nothing refused by the CSP


def test_verdict_filter_and_keyboard_reach_the_matrix(watched, web_run):
    page = watched.page
    story = web_run.story_of(web_run.article_of(IBT)["id"])
    page.goto(f"/stories/{story['id']}")
    rows = page.locator("table.matrix tbody tr")
    total = rows.count()
    page.get_by_role("button", name="Echoed").click()
    expect(page.get_by_role("button", name="Echoed")).to_have_attribute("aria-pressed", "true")
    echoed = sum(g["verdict"] == "echoed" for g in story["claim_groups"])
    expect(page.locator("table.matrix tbody tr:visible")).to_have_count(echoed)
    page.get_by_role("button", name="All claims").click()
    expect(page.locator("table.matrix tbody tr:visible")).to_have_count(total)

    page.goto(f"/stories/{story['id']}")
    page.keyboard.press("Tab")
    expect(page.locator("a.skip")).to_be_focused()
    page.keyboard.press("Enter")
    focused = []
    for _ in range(40):  # tab through to the first certainty mark of the matrix
        page.keyboard.press("Tab")
        focused.append(page.evaluate("document.activeElement.className"))
        if "mark" in focused[-1].split():
            break
    assert "mark" in focused[-1].split(), focused
    assert watched.errors == []


def test_phone_width_reads_without_sideways_scrolling(chromium, live_server, web_run):
    context = chromium.new_context(
        viewport={"width": 375, "height": 740}, base_url=live_server, is_mobile=True
    )
    watch = PageWatch(context.new_page())
    story = web_run.story_of(web_run.article_of(SOFREP)["id"])
    for path, name in ((f"/stories/{story['id']}", "story-phone"), ("/", "stories-phone")):
        watch.page.goto(path)
        overflow = watch.page.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow <= 0, f"{path} is {overflow}px wider than the phone"
        watch.screenshot(name, full_page=False)
    assert watch.errors == []
    context.close()


def test_hostile_article_renders_as_text_and_runs_nothing(watched, web_run):
    page = watched.page
    (hostile,) = [a for a in web_run.articles.values() if a["source"].endswith("hostile.txt")]
    story = web_run.story_of(hostile["id"])
    for path in ("/", "/?q=depot", f"/stories/{story['id']}", f"/articles/{hostile['id']}"):
        page.goto(path)
        page.wait_for_load_state("load")
        injected = page.evaluate(
            """() => {
              const all = [...document.querySelectorAll("*")];
              return {
                handlers: all.flatMap(el => [...el.attributes].filter(a => a.name.startsWith("on"))
                                               .map(a => el.tagName + " " + a.name)),
                scripts: [...document.scripts].map(s => s.getAttribute("src")),
                images: document.querySelectorAll("img").length,
                bold: document.querySelectorAll("b").length,
                jsLinks: [...document.querySelectorAll("[href]")]
                           .filter(el => /^\\s*javascript:/i.test(el.getAttribute("href"))).length,
                svgs: [...document.querySelectorAll("svg")]
                        .filter(s => !s.closest("figure.graph, figure.plot")).length,
              };
            }"""
        )
        assert injected == {
            "handlers": [],
            "scripts": ["/static/app.js"],
            "images": 0,
            "bold": 0,
            "jsLinks": 0,
            "svgs": 0,
        }, path
    # The markup is there to read, as text.
    expect(page.locator("h1")).to_have_text(HOSTILE_TITLE)
    expect(page.locator(".article-text")).to_contain_text('<script>alert("text")</script>')
    expect(page.locator(".article-text")).to_contain_text("javascript:alert('link')")
    expect(page.locator("header")).to_contain_text("Address (not linked): javascript:alert('url')")
    watched.screenshot("hostile-article")
    page.goto(f"/stories/{story['id']}")
    expect(page.locator("h1")).to_contain_text("<")  # whatever the title, its markup is text
    watched.screenshot("hostile-story")
    assert watched.dialogs == []
    assert watched.errors == []


HOSTILE_TITLE = "<img src=x onerror=alert('title')>Depot <b>fire</b>"
