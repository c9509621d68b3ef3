"""Search shows the sentences it matched, with their claim group and verdict (#20)."""

from __future__ import annotations

import re
from html import unescape

from storytrace.web.search_hits import query_words, sentence_hits


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
    (story,) = [s for s in web_store.get_stories() if sentence_hits(s, web_store, "Pskov")]
    for hit in sentence_hits(story, web_store, "Pskov paratroopers"):
        words = hit.sentence.casefold()
        assert "pskov" in words and "paratrooper" in words
    assert sentence_hits(story, web_store, "zzzunheardof") == ()
