"""In Chromium: the story header line and the sentences a search matched (#20)."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from storytrace_testkit import SOFREP

pytestmark = pytest.mark.browser


def test_search_shows_matching_sentences_and_the_story_opens_on_its_header(watched, web_run):
    page = watched.page
    page.goto("/?q=Pskov")
    hits = page.locator("ol.stories li.hit")
    expect(hits.first).to_be_visible()
    expect(hits.first.locator("q")).to_contain_text(re.compile("Pskov", re.I))
    expect(hits.first.locator("span.badge")).to_be_visible()
    expect(page.locator("ol.stories p.headline").first).to_contain_text("outlets")
    watched.screenshot("search-sentences")

    story = web_run.story_of(web_run.article_of(SOFREP)["id"])
    page.goto(f"/stories/{story['id']}")
    header = page.locator("p.headline")
    expect(header).to_be_visible()
    expect(header).to_contain_text(re.compile(r"^2 outlets, resting on "))
    expect(header).to_contain_text("disputed: ")
    watched.screenshot("story-header", full_page=False)
