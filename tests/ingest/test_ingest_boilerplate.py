"""Furniture left in extracted page text is removed; plain-text files are kept as written."""

from __future__ import annotations

from pathlib import Path

import pytest
from ingest_helpers import IBT, page, split

from storytrace.ingest import read_inputs
from storytrace.ingest.boilerplate import strip_boilerplate

LEAD = (
    "Around 60 elite Russian paratroopers have reportedly staged a mutiny and have refused "
    "to fight in Ukraine, the newspaper said."
)
MORE = "These elite paratroopers are now facing jail time for insubordination, it added."


@pytest.mark.parametrize(
    "furniture",
    [
        ["Sergei Shoigu", "Sergei Shoigu Twitter"],
        ["Arrested Russian soldiers", "Arrested Russian soldiers being interrogated Twitter"],
        ["Putin has cancer", "web screen grab"],
        ["Photo: Maxim Shemetov/Reuters"],
        ["Protesters in Moscow on Sunday. AFP/Getty Images"],
        ["• Updated"],
        ["Updated 14:05 GMT, 3 March 2022"],
        ["Published: 10/03/2022 09:15"],
        ["Share this article"],
        ["Facebook Twitter Email Copy link"],
        ["Read more: Russia's losses in Ukraine mount"],
        ["Related stories", "Kremlin denies report", "Ukraine war latest"],
        ["You may also like", "Ten things to know about Pskov"],
    ],
)
def test_furniture_lines_are_removed(furniture: list[str]) -> None:
    text = "\n\n".join(["Paratroopers refuse to fight", LEAD, *furniture, MORE])
    assert strip_boilerplate(text) == f"Paratroopers refuse to fight\n\n{LEAD}\n\n{MORE}"


@pytest.mark.parametrize(
    "line",
    [
        "Defying Putin's Orders",  # a sub-heading, not followed by a caption
        "The photo was shared on Twitter by a Ukrainian soldier on Monday.",
        "Updated figures released on Friday showed that 300 soldiers had refused orders.",
        "More than 300 soldiers near Sumy refused orders, officials said.",
        "Share prices fell sharply in Moscow after the report was published.",
        "Related reports from the region said the unit had been sent to Belarus.",
    ],
)
def test_article_lines_are_kept(line: str) -> None:
    text = "\n\n".join(["Paratroopers refuse to fight", LEAD, line, MORE])
    assert strip_boilerplate(text) == text


def test_the_headline_is_never_removed() -> None:
    text = f"Updated\n\n{LEAD}"
    assert strip_boilerplate(text) == text


def test_captions_are_removed_from_html_pages(tmp_path: Path) -> None:
    html = page(
        "Paratroopers refuse to fight",
        LEAD,
        "Sergei Shoigu",
        "Sergei Shoigu Twitter",
        "• Updated",
        MORE,
        "Share this article",
        "Read more: Russia's losses in Ukraine mount",
    )
    path = tmp_path / "mutiny.html"
    path.write_text(html, encoding="utf-8")
    (article,), _ = split(read_inputs([str(path)]))
    assert article.text == f"Paratroopers refuse to fight\n\n{LEAD}\n\n{MORE}"


def test_plain_text_keeps_its_caption_lines(seeds: Path) -> None:
    (article,), _ = split(read_inputs([str(seeds / f"{IBT}.txt")]))
    for line in ("Sergei Shoigu Twitter", "web screen grab", "  • Updated"):
        assert f"\n{line}\n" in article.text
