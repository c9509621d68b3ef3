"""Search shows the sentences it matched, with their claim group and verdict (#20)."""

from __future__ import annotations

import re
from html import unescape

from storytrace.report.glance import effective_verdict
from storytrace.web.search_hits import page_hits, query_words


def test_search_lists_the_matching_sentences_with_group_and_verdict(client, web_run):
    html = client.get("/", params={"q": "Pskov"}).text
    hits = re.findall(r'<li class="hit"><q>(.*?)</q>.*?; claim: (.*?) <span class="badge', html)
    assert hits, "no matching sentence shown"
    groups = {g["text"] for s in web_run.document["stories"] for g in s["claim_groups"]}
    for sentence, group_text in hits:
        assert "pskov" in unescape(sentence).casefold()
        assert unescape(group_text) in groups
    assert '<ul class="plain hits" aria-label="Matching sentences">' in html
    assert '<li class="hit">' not in client.get("/").text  # the plain list has no hits


def test_sentence_hits_need_every_query_word(web_run, web_store):
    assert query_words("Pskov AND paratroopers!") == ("pskov", "paratroopers")
    ids = [s.id for s in web_store.get_stories()]
    found = page_hits(ids, web_store, "Pskov")
    (story_id,) = [i for i in ids if found[i]]
    (both,) = page_hits([story_id], web_store, "Pskov paratroopers").values()
    assert both
    for hit in both:
        words = hit.sentence.casefold()
        assert "pskov" in words and "paratrooper" in words
    assert page_hits([story_id], web_store, "zzzunheardof") == {story_id: ()}


def test_hits_name_the_group_and_its_verdict_as_the_story_does(web_store):
    stories = web_store.get_stories()
    for story in stories:
        for hit in page_hits([story.id], web_store, "the")[story.id]:
            (group,) = [
                g
                for g in story.claim_groups
                if g.text == hit.group_text and any(m.text == hit.sentence for m in g.members)
            ][:1]
            assert hit.verdict == effective_verdict(group)
