"""Outlet names: one spelling per outlet, from a page, a feed or a URL."""

from __future__ import annotations

import pytest

from storytrace.ingest import normalise_outlet


@pytest.mark.parametrize(
    ("name", "url", "outlet"),
    [
        ("SOFREP | Military Grade Content", None, "SOFREP"),
        ("World news | The Guardian", "https://www.theguardian.com/world", "The Guardian"),
        ("BBC News - World", "http://feeds.bbci.co.uk/news/world/rss.xml", "BBC News"),
        ("  International   Business Times ", None, "International Business Times"),
        ("@nytimes", None, "nytimes"),
        ("WWW.Reuters.com", None, "reuters.com"),
        ("Pskovskaya Guberniya", "https://gubernia.media/x", "Pskovskaya Guberniya"),
        (None, "https://www.sofrep.com/news/paratroopers/", "sofrep.com"),
        ("", "https://WWW.IBTimes.co.uk/article", "ibtimes.co.uk"),
        (None, "file:///etc/passwd", None),
        (None, "https://127.0.0.1:8000/x", None),
        (None, None, None),
    ],
)
def test_outlet_names_are_normalised(name: str | None, url: str | None, outlet: str | None) -> None:
    assert normalise_outlet(name, url) == outlet
