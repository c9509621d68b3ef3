"""RSS and Atom feeds from files and URLs: full content, linked pages, hostile XML."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from ingest_helpers import page, split
from loopback import LOOPBACK, Loopback

from storytrace.ingest import ReadOptions, read_inputs

BODY_A = (
    "Flood barriers on the river Tay were raised overnight after heavy rain, the council "
    "said on Tuesday. About 200 homes in Perth were told to prepare sandbags."
)
BODY_B = (
    "The rail operator cancelled all trains between Perth and Dundee on Tuesday because "
    "the line was under water near Errol, a spokeswoman said."
)
RSS = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>Tay News - Local</title><link>https://www.taynews.example/local</link>
<item><title>Flood barriers raised</title><link>https://www.taynews.example/a</link>
  <author>desk@taynews.example (Morag Reid)</author>
  <pubDate>Tue, 05 Mar 2024 07:30:00 GMT</pubDate>
  <description>Short summary only.</description>
  <content:encoded><![CDATA[<p>{a}</p><script>steal()</script>
  <p>&lt;script&gt;alert(1)&lt;/script&gt; was typed by a reader.</p>]]></content:encoded>
</item>
<item><title>Trains cancelled</title><link>{link}</link>
  <pubDate>Tue, 05 Mar 2024 09:00:00 GMT</pubDate>
  <description>Trains cancelled between Perth and Dundee.</description>
</item>
</channel></rss>
"""
ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Dundee Wire</title>
<link href="https://dundeewire.example/"/><id>urn:x</id><updated>2024-03-05T10:00:00Z</updated>
<entry><title>Flood barriers raised</title><id>urn:1</id><link href="https://dundeewire.example/1"/>
  <updated>2024-03-05T10:00:00Z</updated><author><name>Ewan Gray</name></author>
  <content type="html">&lt;p&gt;{a}&lt;/p&gt;</content></entry>
</feed>
"""
RDF = """<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/">
<channel rdf:about="https://old.example/"><title>Old Times</title><link>https://old.example/</link></channel>
<item rdf:about="{link}"><title>Trains cancelled</title><link>{link}</link>
<description>Trains cancelled.</description></item>
</rdf:RDF>
"""
RSS091 = """<?xml version="1.0"?>
<!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN"
 "http://my.netscape.com/publish/formats/rss-0.91.dtd">
<rss version="0.91"><channel><title>Classic</title><link>https://classic.example/</link>
<description>d</description><language>en</language>
<item><title>Trains cancelled</title><link>{link}</link><description>x</description></item>
</channel></rss>
"""


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _linked_page(web: Loopback) -> str:
    return web.add("/trains", page("Trains cancelled by flooding", BODY_B).encode())


def test_rss_file_uses_full_content_and_fetches_the_rest(tmp_path: Path, web: Loopback) -> None:
    link = _linked_page(web)
    path = _write(tmp_path, "tay.rss", RSS.format(a=BODY_A, link=link))
    (first, second), rejected = split(read_inputs([str(path)]))
    assert rejected == []
    assert first.source == f"{path}#1"
    assert first.text.startswith(BODY_A)
    assert "steal()" not in first.text
    assert "<script>alert(1)</script> was typed by a reader." in first.text  # inert text
    assert (first.title, first.author, first.url) == (
        "Flood barriers raised",
        "Morag Reid",
        "https://www.taynews.example/a",
    )
    assert first.published == "2024-03-05T07:30:00Z"
    assert first.outlet == "Tay News"
    assert second.source == f"{path}#2"
    assert BODY_B in second.text and second.url == link
    assert second.title == "Trains cancelled by flooding"
    assert second.published == "2024-03-05T09:00:00Z"  # the page has none: the feed's
    assert web.hits == ["/trains"]  # only the entry without full content was fetched


def test_atom_rss1_and_rss091_are_read(tmp_path: Path, web: Loopback) -> None:
    link = _linked_page(web)
    atom = _write(tmp_path, "a.atom", ATOM.format(a=BODY_A))
    rdf = _write(tmp_path, "b.rdf", RDF.format(link=link))
    classic = _write(tmp_path, "c.xml", RSS091.format(link=link))
    articles, rejected = split(read_inputs([str(atom), str(rdf), str(classic)]))
    assert rejected == []
    assert [a.source for a in articles] == [f"{atom}#1", f"{rdf}#1", f"{classic}#1"]
    assert articles[0].text == BODY_A and articles[0].author == "Ewan Gray"
    assert articles[0].outlet == "Dundee Wire"
    assert articles[1].id == articles[2].id  # one page reached through two feeds


def test_feed_from_a_url(web: Loopback) -> None:
    link = _linked_page(web)
    url = web.add("/feed", RSS.format(a=BODY_A, link=link).encode(), "application/rss+xml")
    articles, rejected = split(read_inputs([url]))
    assert rejected == []
    assert [a.source for a in articles] == [f"{url}#1", f"{url}#2"]


def test_entries_without_content_are_rejected_when_fetching_is_off(
    tmp_path: Path, web: Loopback
) -> None:
    link = _linked_page(web)
    path = _write(tmp_path, "tay.rss", RSS.format(a=BODY_A, link=link))
    (article,), (rejected,) = split(
        read_inputs(
            [str(path)], options=ReadOptions(fetch_links=False, allow_private_hosts=LOOPBACK)
        )
    )
    assert article.source == f"{path}#1"
    assert rejected.source == f"{path}#2"
    assert (
        rejected.reason == f"entry has no full text and fetching links is off; its page is {link}"
    )
    assert web.hits == []


def test_links_that_are_not_http_are_never_opened(tmp_path: Path) -> None:
    secret = tmp_path / "secret.html"
    secret.write_text(page("Secret", BODY_B), encoding="utf-8")
    path = _write(tmp_path, "local.rss", RSS.format(a=BODY_A, link=secret.as_uri()))
    articles, (rejected,) = split(read_inputs([str(path)]))
    assert len(articles) == 1
    assert rejected.reason == "entry has no full text and no http(s) link to fetch it from; skipped"


def test_dead_link_rejects_only_its_entry(tmp_path: Path, web: Loopback) -> None:
    path = _write(tmp_path, "tay.rss", RSS.format(a=BODY_A, link=web.url("/gone")))
    (article,), (rejected,) = split(read_inputs([str(path)]))
    assert article.source == f"{path}#1"
    assert rejected.source == f"{path}#2"
    assert rejected.reason == (
        f"its page {web.url('/gone')}: the server answered 404 Not Found; check the URL"
    )


LAUGHS = "".join(f'<!ENTITY lol{n} "{("&lol" + str(n - 1) + ";") * 10}">' for n in range(1, 10))
BILLION_LAUGHS = (
    f'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY lol0 "lol">{LAUGHS}]>'
    '<rss version="2.0"><channel><title>T</title><item><title>x</title>'
    "<description>&lol9;</description></item></channel></rss>"
)
EXTERNAL = (
    '<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
    '<rss version="2.0"><channel><title>T</title><item><title>x</title>'
    "<description>&xxe;</description></item></channel></rss>"
)
ENTITIES = (
    "declares XML entities (<!ENTITY ...>), which feeds never need and which can "
    "expand without bound or read local files; rejected unread"
)


@pytest.mark.parametrize("xml", [BILLION_LAUGHS, EXTERNAL], ids=["billion-laughs", "xxe"])
def test_entity_declarations_are_rejected_quickly(tmp_path: Path, xml: str) -> None:
    path = _write(tmp_path, "evil.xml", xml)
    started = time.monotonic()
    articles, (rejected,) = split(read_inputs([str(path)]))
    assert articles == []
    assert (rejected.source, rejected.reason) == (str(path), ENTITIES)
    assert time.monotonic() - started < 2


def test_an_html_page_saved_as_xml_gets_a_hint(tmp_path: Path) -> None:
    path = _write(tmp_path, "page.xml", "<html><body><p>Hello</p></body></html>")
    _, (rejected,) = split(read_inputs([str(path)]))
    assert (
        rejected.reason
        == "not RSS or Atom (root element is <html>); pass it as an HTML page instead"
    )


def test_feed_without_entries_and_non_feed_text(tmp_path: Path) -> None:
    empty = _write(
        tmp_path, "empty.rss", '<rss version="2.0"><channel><title>T</title></channel></rss>'
    )
    junk = _write(tmp_path, "junk.rss", "this is not a feed at all")
    empty_file = tmp_path / "zero.rss"
    empty_file.write_bytes(b"")
    articles, rejected = split(read_inputs([str(empty), str(junk), str(empty_file)]))
    assert articles == []
    assert rejected[0].reason == "a feed with no entries; nothing to read"
    assert rejected[1].reason.startswith("not RSS or Atom (")
    assert rejected[2].reason == "empty file (0 bytes); remove it or add the article text"
