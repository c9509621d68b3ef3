"""The member-level CSV: one row per claim per article, read back as spreadsheet tools read it."""

from __future__ import annotations

import csv
import io
from dataclasses import replace

import pandas as pd

from storytrace.records import Article, Attribution, Story
from storytrace.report.export import export
from storytrace.report.members_csv import MEMBER_COLUMNS

BOM = b"\xef\xbb\xbf"


def _bytes(story: Story, articles: list[Article], fmt: str = "members") -> bytes:
    """What ``storytrace export --format members --out FILE`` writes."""
    return export([story], articles, fmt, version="0.1.0").encode("utf-8")


def _pandas(data: bytes) -> list[dict[str, str]]:
    frame = pd.read_csv(io.BytesIO(data), dtype=str, keep_default_na=False)
    rows: list[dict[str, str]] = frame.to_dict("records")
    assert list(frame.columns) == list(MEMBER_COLUMNS)  # the mark is not in the first name
    return rows


def _csv_module(data: bytes) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))


def test_one_row_per_claim_per_article_with_its_article_and_source(
    articles: list[Article], story: Story, sofrep: Article, ibt: Article
) -> None:
    rows = _pandas(_bytes(story, articles))
    assert len(rows) == sum(len(group.members) for group in story.claim_groups)
    echoed = [row for row in rows if row["group_id"] == "g-sixty"]
    assert [(r["outlet"], r["article_url"], r["published"]) for r in echoed] == [
        ("SOFREP", sofrep.url, "2022-04-09"),
        ("International Business Times", ibt.url, "2022-04-08T14:02:00Z"),
    ]
    first, second = echoed
    assert (first["story_id"], first["verdict"]) == ("story-pskov", "echoed")
    assert first["claim_text"].startswith("According to the report, some 60 unit members")
    assert (first["source"], first["source_kind"], first["cue"], first["direct_quote"]) == (
        "Pskovskaya Gubernia",
        "organisation",
        "according to the report",
        "false",
    )
    assert (second["source"], second["cue"], second["direct_quote"]) == (
        "Pskovskaya Guberniya",
        "reported",
        "true",
    )
    hedged = next(r for r in rows if r["group_id"] == "g-dead")
    assert (hedged["certainty"], hedged["hedges"], hedged["source"]) == ("hedged", "reportedly", "")
    assert rows == _csv_module(_bytes(story, articles))  # Python's reader agrees


def test_utf8_with_a_byte_order_mark_keeps_accented_names(
    articles: list[Article], story: Story
) -> None:
    local = [replace(a, outlet="Slobodna Dalmacija – Split") for a in articles]
    group = replace(story.claim_groups[0], text="Požar na Braču: vatrogasci iz Supetra")
    data = _bytes(replace(story, claim_groups=(group,)), local)
    assert data.startswith(BOM) and not data.startswith(BOM * 2)
    (row,) = _pandas(data)
    assert (row["group_text"], row["outlet"]) == (group.text, "Slobodna Dalmacija – Split")
    assert _bytes(story, articles, "csv").startswith(BOM)  # the group-level CSV too


def test_cells_a_spreadsheet_would_run_get_an_apostrophe(
    articles: list[Article], story: Story
) -> None:
    evil = [
        replace(articles[0], outlet="@SUM(A1:A9)", url='=HYPERLINK("http://x","y")'),
        replace(articles[1], outlet="+cmd|' /C calc'!A0", published="-2+3"),
    ]
    group = story.claim_groups[2]  # the echoed group: one member in each article
    member = replace(
        group.members[0],
        text="\tTab first",
        attribution=Attribution("-1+1", "person", "\rsaid", False),
    )
    group = replace(group, text="=1+1", members=(member, *group.members[1:]))
    rows = _pandas(_bytes(replace(story, claim_groups=(group,)), evil))
    assert [r["group_text"] for r in rows] == ["'=1+1", "'=1+1"]
    first, second = rows
    assert first["outlet"] == "'@SUM(A1:A9)"
    assert first["article_url"] == """'=HYPERLINK("http://x","y")"""
    assert (first["claim_text"], first["source"], first["cue"]) == ("'\tTab first", "'-1+1",
                                                                    "'\rsaid")  # fmt: skip
    assert (second["outlet"], second["published"]) == ("'+cmd|' /C calc'!A0", "'-2+3")
    assert second["claim_text"] == group.members[1].text  # plain text is left as it is
