"""Export formats over hand-built records: ACLED columns, claim tables, escaping."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import replace

import pytest

from storytrace.errors import ConfigError
from storytrace.records import Article, DateMention, Event, Place, Story
from storytrace.report.acled_csv import ACLED_COLUMNS, events_acled_csv
from storytrace.report.export import FORMATS, export
from storytrace.report.tables import CLAIM_COLUMNS, claims_csv, claims_markdown, csv_cell, md_cell

PSKOV = Place("Pskov", "Pskov", "RU", "Pskovskaya oblast'", 57.81922, 28.33181, "city")


def _rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def _refusal(**fields: object) -> Event:
    base = Event(
        id="ev-1",
        event_type="Strategic developments",
        sub_event_type="Other",
        actors=("Military Forces of Russia", "76th Guards Air Assault Division"),
        location=PSKOV,
        date=DateMention("March 5", "2022-03-05", "2022-03-05", "day"),
        count={"values": [60, 60], "conservative": 60,
               "fatalities": {"values": [3, 5], "conservative": 3}},
        claim_group_ids=("g-sixty",),
        sources=("Pskovskaya Gubernia",),
        notes="About 60 servicemen refused to fight.",
        disorder_type="Strategic developments",
        geo_precision=1,
        time_precision=1,
        outlets=("SOFREP", "International Business Times"),
        action="refusal",
    )  # fmt: skip
    return replace(base, **fields)  # type: ignore[arg-type]


def test_acled_csv_has_acleds_columns_and_fills_what_is_known(story: Story) -> None:
    text = events_acled_csv([replace(story, events=(_refusal(),))], timestamp=1700000000)
    assert text.splitlines()[0].split(",") == list(ACLED_COLUMNS)
    (row,) = _rows(text)
    assert row["event_id_cnty"] == "RUS-ev-1"
    assert (row["event_date"], row["year"], row["time_precision"]) == ("2022-03-05", "2022", "1")
    assert (row["event_type"], row["sub_event_type"]) == ("Strategic developments", "Other")
    assert row["disorder_type"] == "Strategic developments"
    assert (row["actor1"], row["assoc_actor_1"], row["inter1"]) == (
        "Military Forces of Russia",
        "76th Guards Air Assault Division",
        "1",
    )
    assert row["interaction"] == "10"  # one actor: sole military action
    assert (row["iso"], row["country"], row["admin1"], row["location"]) == (
        "643",
        "Russia",
        "Pskov",  # ACLED's spelling of the region (the place keeps ISO's)
        "Pskov",
    )
    assert (row["latitude"], row["longitude"], row["geo_precision"]) == (
        "57.81922",
        "28.33181",
        "1",
    )
    assert row["source"] == "Pskovskaya Gubernia; SOFREP; International Business Times"
    assert row["fatalities"] == "3"  # the conservative death toll
    assert row["timestamp"] == "1700000000"
    assert row["region"] == row["admin2"] == row["source_scale"] == ""


def test_acled_csv_leaves_out_incidents_and_writes_merged_events_once(story: Story) -> None:
    fire = _refusal(id="ev-fire", event_type="Incident", sub_event_type="Fire/explosion")
    one = replace(story, id="a", events=(_refusal(), fire))
    two = replace(story, id="b", events=(_refusal(),))
    rows = _rows(events_acled_csv([one, two], timestamp=0))
    assert [r["event_id_cnty"] for r in rows] == ["RUS-ev-1"]


def test_acled_csv_writes_an_event_told_in_several_stories_once_as_merged(story: Story) -> None:
    one = replace(story, id="a", events=(_refusal(id="ev-a", claim_group_ids=("g-a",)),))
    two = replace(story, id="b", events=(_refusal(id="ev-b", claim_group_ids=("g-b",)),))
    merged = _refusal(id="ev-ab", claim_group_ids=("g-a", "g-b"), story_ids=("a", "b"))
    rows = _rows(events_acled_csv([one, two], timestamp=0, merged=[merged]))
    assert [r["event_id_cnty"] for r in rows] == ["RUS-ev-ab"]
    rows = _rows(events_acled_csv([one, two], timestamp=0))  # each story's own otherwise
    assert [r["event_id_cnty"] for r in rows] == ["RUS-ev-a", "RUS-ev-b"]


def test_acled_csv_dates_a_yearless_day_by_its_articles(story: Story) -> None:
    yearless = _refusal(date=DateMention("March 5", "--03-05", "--03-05", "month-day"),
                        article_ids=("a1",), story_ids=(story.id,))  # fmt: skip
    article = Article(id="a1", text="x", published="2022-03-07")
    text = events_acled_csv([replace(story, events=(yearless,))], [article], timestamp=0)
    (row,) = _rows(text)
    assert (row["event_date"], row["year"], row["time_precision"]) == ("2022-03-05", "2022", "1")
    assert "Year 2022 taken from the articles' dates" in row["notes"]


def test_acled_csv_dates_an_undated_event_by_its_article_at_precision_3(story: Story) -> None:
    undated = _refusal(date=None, time_precision=None, article_ids=("a1",))
    article = Article(id="a1", text="x", published="2022-03-07T10:00:00Z")
    (row,) = _rows(events_acled_csv([replace(story, events=(undated,))], [article], timestamp=0))
    assert (row["event_date"], row["year"], row["time_precision"]) == ("2022-03-07", "2022", "3")


def test_acled_csv_states_each_left_out_event_and_why(story: Story) -> None:
    undated = _refusal(id="ev-undated", date=None, time_precision=None)
    placeless = _refusal(id="ev-nowhere", location=None)
    fire = _refusal(id="ev-fire", event_type="Incident", sub_event_type="Fire/explosion")
    said: list[str] = []
    text = events_acled_csv([replace(story, events=(undated, placeless, fire))], timestamp=0,
                            warn=said.append)  # fmt: skip
    assert len(_rows(text)) == 1  # the undated one, written with a warning
    assert [line.split(" ")[2] for line in said] == ["ev-undated", "out", "out"]
    assert "no year" in said[0] and "no place" in said[1] and "not an ACLED" in said[2]


def test_acled_interaction_follows_the_actors(story: Story) -> None:
    raid = _refusal(actors=("Police Forces of Russia (2000-)",), targets=("Pskovskaya Gubernia",))
    clash = _refusal(id="ev-2", actors=("Military Forces of Ukraine (2019-)",),
                     targets=("Military Forces of Russia (2000-)",))  # fmt: skip
    unknown = _refusal(id="ev-3", actors=("Azov",), targets=("Civilians (Russia)",))
    rows = _rows(events_acled_csv([replace(story, events=(raid, clash, unknown))], timestamp=0))
    assert [(r["actor2"], r["assoc_actor_2"], r["inter2"], r["interaction"]) for r in rows] == [
        ("Civilians (Russia)", "Pskovskaya Gubernia", "7", "17"),
        ("Military Forces of Russia (2000-)", "", "1", "11"),
        ("Civilians (Russia)", "", "7", ""),  # an actor1 of unknown kind: no code, not a wrong one
    ]
    for row in rows:  # never a lone-actor code with an actor2
        assert not (row["actor2"] and row["interaction"].endswith("0"))


@pytest.mark.parametrize("value", ['=HYPERLINK("http://x")', "+1", "-2+3", "@SUM(A1)", "\tx"])
def test_csv_cells_that_would_run_as_formulas_get_an_apostrophe(value: str) -> None:
    assert csv_cell(value) == "'" + value
    assert csv_cell(-2.5) == -2.5  # numbers we write are numbers
    assert csv_cell("Pskov") == "Pskov"


def test_claims_csv_has_one_row_per_claim_group(articles: list[Article], story: Story) -> None:
    rows = _rows(claims_csv([story], articles))
    assert list(rows[0]) == list(CLAIM_COLUMNS)
    assert len(rows) == len(story.claim_groups)
    by_id = {r["group_id"]: r for r in rows}
    for group in story.claim_groups:
        row = by_id[group.id]
        assert (row["verdict"], row["independent_sources"]) == (
            group.verdict,
            str(group.independent_sources),
        )
        assert row["contested_certainty"] == str(group.contested_certainty).lower()


def test_claims_csv_defuses_formulas_in_article_text(articles: list[Article], story: Story) -> None:
    group = replace(story.claim_groups[0], text='=HYPERLINK("http://evil","click")')
    (row, *_) = _rows(claims_csv([replace(story, claim_groups=(group,))], articles))
    assert row["text"] == "'" + group.text


def test_markdown_escapes_pipes_markup_and_html(hostile: tuple[Article, Story]) -> None:
    article, story = hostile
    group = replace(story.claim_groups[0], text="a | b *bold* [x](javascript:y) <b>`c`</b>")
    text = claims_markdown([replace(story, claim_groups=(group,))], [article])
    row = next(line for line in text.splitlines() if line.startswith("| g-evil"))
    assert row.count(" | ") == 7  # eight columns: the pipe in the text is escaped
    assert r"a \| b \*bold\* \[x\](javascript:y) &lt;b&gt;\`c\`&lt;/b&gt;" in row
    assert "<script>" not in text and "<b>" not in text
    assert md_cell("two\nlines") == "two lines"


def test_json_export_is_stories_json_with_a_timeline(articles: list[Article], story: Story) -> None:
    document = json.loads(export([story], articles, "json", version="0.1.0"))
    assert list(document) == ["storytrace_version", "articles", "stories"]
    (entry,) = document["stories"][0]["timeline"]  # the dated event; publications are HTML's
    assert (entry["kind"], entry["ref"], entry["start"]) == ("event", "e-pskov", "2022-02-24")
    assert entry["end"] == "2022-03-10"


def test_every_format_exports_and_an_unknown_one_is_a_usage_error(
    articles: list[Article], story: Story
) -> None:
    assert set(FORMATS) == {"json", "md", "csv", "members", "acled", "claimreview"}
    for fmt in FORMATS:
        assert export([story], articles, fmt, version="0.1.0")
    with pytest.raises(ConfigError, match="use one of json, md, csv, members, acled, claimreview"):
        export([story], articles, "xml", version="0.1.0")
