"""The pictures of a story, drawn right: timeline, map, coverage, and the graph at 20 outlets."""

from __future__ import annotations

import re
import struct
from dataclasses import replace

from storytrace.records import (
    Article,
    Claim,
    ClaimGroup,
    DateMention,
    Event,
    Origin,
    Place,
    ReuseEdge,
    Story,
)
from storytrace.report import render_html
from storytrace.report.basemap import countries
from storytrace.report.coverage import coverage
from storytrace.report.event_map import event_map
from storytrace.report.views import outlet_label, story_views

HOSTILE = '<script>alert(1)</script><img src=x onerror=alert(2)>"&'
PSKOV = Place("Pskov", "Pskov", "RU", "Pskov Oblast", 57.82, 28.33, "city")
SUMY = Place("Sumy", "Sumy", "UA", "Sumy Oblast", 50.92, 34.80, "city")
GHENT = Place("Ghent", "Gent", "BE", "Flanders", 51.05, 3.72, "city")


def _article(outlet: str, published: str | None, text: str = "A report.") -> Article:
    return Article.from_text(f"{text} ({outlet})", outlet=outlet, published=published)


def _event(eid: str, ids: tuple[str, ...], **fields: object) -> Event:
    return Event(
        id=eid,
        event_type="Strategic developments",
        sub_event_type="Other",
        article_ids=ids,
        **fields,
    )  # type: ignore[arg-type]


def test_timeline_plot_places_marks_by_date_with_their_precision():
    a, b = _article("Daily", "2022-04-08"), _article("Weekly", "2022-04-12")
    events = (
        _event(
            "minor",
            (a.id,),
            action="raid",
            location=PSKOV,
            date=DateMention("March 5", "--03-05", "--03-05", "month-day"),
        ),
        _event(
            "main",
            (a.id, b.id),
            action="refusal",
            location=PSKOV,
            count={"values": [60], "conservative": 60, "kind": "people"},
        ),
        _event(
            "month",
            (b.id,),
            action="fire",
            location=SUMY,
            date=DateMention("in March", "2022-03", None, "month"),
        ),
    )
    story = Story("s", "Refusal", (a.id, b.id), events=events)
    (view,) = story_views([a, b], [story])
    plot = view.timeline_plot
    assert plot is not None
    rows = {row.words.split(" · Event: ")[1].split(" — ")[0]: row for row in plot.rows}
    raid, fire = rows["Raid in Pskov"], rows["Fire in Sumy"]
    main = rows["Refusal in Pskov (60 people)"]
    # the yearless day took its article's year; a month is a bar, a day a point
    assert raid.words.startswith("5 March 2022 · ")
    assert fire.x_end > fire.x and raid.x_end == raid.x
    assert fire.x < raid.x < fire.x_end  # 5 March lies inside March
    # the main event has no date: it is there, at its first report (8 April), marked so
    assert main.placed and main.words.startswith("8 April 2022 (no date given")
    assert main.x > fire.x_end
    ordered = [row.x for row in plot.rows]
    assert ordered == sorted(ordered)
    # events are listed most reported first, in plain words
    assert view.events[0].title == "Refusal in Pskov (60 people)"
    page = render_html([a, b], [story], version="0")
    assert "--03-05" not in page and "Strategic developments: Other" not in page
    assert 'class="tp-row tp-event tp-placed"' in page


def test_background_years_sit_at_the_edge_instead_of_squashing_the_axis():
    a = _article("Daily", "2026-05-18")
    old = ClaimGroup(
        "g-old",
        "The line was founded in 1998.",
        "single_source",
        members=(replace(_claim_of(a), dates=(DateMention("1998", "1998", None, "year"),)),),
    )
    new = ClaimGroup(
        "g-new",
        "The ferry ran aground on Sunday.",
        "single_source",
        members=(replace(_claim_of(a), dates=(DateMention("Sunday", "2026-05-17", None, "day"),)),),
    )
    (view,) = story_views([a], [Story("s", "Ferry", (a.id,), claim_groups=(old, new))])
    plot = view.timeline_plot
    assert plot is not None
    before = [row for row in plot.rows if row.clipped == "before"]
    assert len(before) == 1 and before[0].words.startswith("1998 · Claim")
    day = next(row for row in plot.rows if not row.clipped)
    assert day.x - plot.left > (plot.right - plot.left) / 3  # the axis is not 28 years wide


def _claim_of(article: Article) -> Claim:
    return Claim(id=f"{article.id}:0", article_id=article.id, text=article.text, span=(0, 9))


def test_event_map_projects_east_right_and_north_up_on_the_base_map():
    a = _article("Daily", "2022-04-08")
    events = [
        (_event("p", (a.id,), location=PSKOV), "a-1", "Refusal in Pskov"),
        (_event("s", (a.id,), location=SUMY), "a-2", "Refusal in Sumy"),
        (_event("n", (a.id,)), None, "Somewhere"),
    ]
    drawn = event_map(events)
    assert drawn is not None
    pskov, sumy = sorted(drawn.markers, key=lambda m: m.numbers)
    assert pskov.x < sumy.x and pskov.y < sumy.y  # Sumy lies east and south of Pskov
    for marker in drawn.markers:
        assert 0 < marker.x < drawn.width and 0 < marker.y < drawn.height
    names = {shape.name for shape in drawn.shapes}
    assert {"Russia", "Ukraine"} <= names and "Brazil" not in names
    assert [item.on_map for item in drawn.items] == [True, True, False]
    assert "not on the map" in drawn.items[2].words
    assert event_map([(_event("n", (a.id,)), None, "x")]) is None


def test_base_map_is_natural_earth_outlines_shipped_offline():
    shapes = {country.name: country for country in countries()}
    assert len(shapes) > 170
    west, south, east, north = shapes["Belgium"].bounds
    assert west < GHENT.lon < east and south < GHENT.lat < north  # type: ignore[operator]


def test_build_script_reads_shapefiles_and_simplifies(tmp_path):
    from bench.build_basemap import read_shapes, read_table, simplify

    square = [(0.0, 0.0), (0.0, 1.0), (0.5, 1.001), (1.0, 1.0), (1.0, 0.0), (0.0, 0.0)]
    body = struct.pack("<i4d2i", 5, 0, 0, 1, 1, 1, len(square)) + struct.pack("<i", 0)
    body += struct.pack(f"<{2 * len(square)}d", *[v for p in square for v in p])
    shp = b"\0" * 100 + struct.pack(">ii", 1, len(body) // 2) + body
    assert read_shapes(shp) == [[square]]
    assert simplify(square, 0.01) == [p for p in square if p != (0.5, 1.001)]
    field = b"name".ljust(11, b"\0") + b"C" + b"\0" * 4 + bytes([6]) + b"\0" * 15
    header = struct.pack("<4xIHH", 1, 32 + 32 + 1, 7).ljust(32, b"\0")
    dbf = header + field + b"\x0d" + b" " + "Brač".encode("latin-1", "replace").ljust(6)
    assert read_table(dbf)[0]["name"] == "Bra?"


def test_coverage_counts_articles_per_outlet_per_day_first_reporter_on_top():
    arts = [
        _article("Wire", "2026-03-10T08:00:00Z", "one"),
        _article("Wire", "2026-03-10T12:00:00Z", "two"),
        _article("Late Daily", "2026-03-12", "three"),
        _article("Wire", "2026-03-12", "four"),
        _article("Undated Weekly", None, "five"),
    ]
    by_id = {a.id: a for a in arts}
    chart = coverage([a.id for a in arts], by_id, outlet_label)
    assert chart is not None and chart.unit == "day"
    assert [row.outlet for row in chart.rows] == ["Wire", "Late Daily", "Undated Weekly"]
    wire = chart.rows[0]
    assert [bar.count for bar in wire.bars] == [2, 1]
    assert wire.bars[0].x < wire.bars[1].x and wire.bars[0].height > wire.bars[1].height
    assert wire.words == "Wire: 3 articles (2 on 10 March 2026; 1 on 12 March 2026)"
    assert chart.rows[2].bars == () and "1 without a date" in chart.rows[2].words
    assert coverage([arts[4].id], by_id, outlet_label) is None


def _twenty_outlets() -> tuple[list[Article], Story]:
    names = [
        f"The {n} Regional Evening Chronicle and Gazette" if n % 4 == 0 else f"Outlet {n}"
        for n in range(20)
    ]
    arts = [
        _article(name, f"2026-03-{10 + n % 5:02d}", f"text {n}") for n, name in enumerate(names)
    ]
    speaker = Origin("Fire Chief Hilde Vanparys", "speaker")
    group = ClaimGroup(
        "g",
        "Three workers died.",
        "echoed",
        members=tuple(
            replace(_claim_of(a), id=f"c{n}", attribution=None) for n, a in enumerate(arts[:12])
        ),
        origins=(speaker,),
    )
    wire = ("wire marker '(CPA) —' in Outlet 0",)
    edges = (
        *(ReuseEdge(arts[0].id, arts[n].id, 0.6, wire) for n in range(12, 16)),
        ReuseEdge(arts[1].id, arts[17].id, 0.2, ("direction undetermined",)),
    )
    return arts, Story(
        "s20", "Twenty outlets", tuple(a.id for a in arts), claim_groups=(group,), reuse_edges=edges
    )


def test_graph_of_twenty_outlets_is_layered_wrapped_and_labelled():
    arts, story = _twenty_outlets()
    (view,) = story_views(arts, [story])
    graph = view.graph
    assert graph is not None and graph.width <= 420
    y = {node.key: node.y for node in graph.nodes}
    source = next(node for node in graph.nodes if node.kind == "source")
    assert all(source.y < y[a.id] for a in arts)  # origins above outlets
    assert all(y[arts[0].id] < y[arts[n].id] for n in range(12, 16))  # copies below
    long_name = arts[0].outlet or ""
    first = next(node for node in graph.nodes if node.key == arts[0].id)
    assert " ".join(first.lines) == long_name and len(first.lines) > 1  # wrapped, not cut
    reuse = [edge for edge in graph.edges if edge.kind == "reuse"]
    assert [edge.directed for edge in reuse] == [True] * 4 + [False]
    assert {edge.label for edge in reuse[:4]} == {"60% · wire credit"}
    assert reuse[4].label == "20% · direction unknown"
    boxes = [(n.x, n.y, n.x + graph.node_width, n.y + n.height) for n in graph.nodes]
    for i, a in enumerate(boxes):  # no box over another
        assert not any(_hit(a, b) for b in boxes[i + 1 :])
    # little empty space: the boxes fill a good share of the drawing
    area = sum((b[2] - b[0]) * (b[3] - b[1]) for b in boxes)
    assert area / (graph.width * graph.height) > 0.3


def _hit(a: tuple[float, ...], b: tuple[float, ...]) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def test_every_picture_escapes_article_text_and_has_a_text_equivalent():
    a = _article(HOSTILE, "2022-04-08")
    place = replace(PSKOV, name=HOSTILE)
    event = _event(
        "e",
        (a.id,),
        action="raid",
        location=place,
        date=DateMention("5 April", "2022-04-05", None, "day"),
    )
    group = ClaimGroup(
        "g",
        HOSTILE,
        "single_source",
        members=(
            replace(_claim_of(a), dates=(DateMention("5 April", "2022-04-05", None, "day"),)),
        ),
    )
    page = render_html(
        [a], [Story("s", "x", (a.id,), claim_groups=(group,), events=(event,))], version="0"
    )
    assert "<script>alert(1)" not in page and "<img src=x" not in page
    for kind in ("timeline-plot", "event-map", "coverage-plot"):
        figure = page[page.index(f'<figure class="plot {kind}">') :]
        svg = figure[: figure.index("</svg>")]
        assert 'role="img"' in svg and "&lt;script&gt;" in svg
        for ref in re.search(r'aria-labelledby="([^"]+)"', svg).group(1).split():  # type: ignore[union-attr]
            assert re.search(rf'id="{ref}">[^<]+', page), ref


def test_matrix_cells_show_the_number_each_outlet_gives(articles, story):
    (view,) = story_views(articles, [story])
    columns = [column.outlet for column in view.matrix.columns]
    dead = next(row for row in view.matrix.rows if row.group.id == "g-dead")
    assert dict(zip(columns, dead.values, strict=True)) == {
        "SOFREP": "",
        "International Business Times": "over 20,000",
    }
    conflict = next(row for row in view.matrix.rows if row.group.conflicts)
    assert set(conflict.values) == {"returned of their own accord", "ordered back in disgrace"}


def test_a_long_story_folds_its_less_contested_claims(articles, story):
    many = tuple(replace(story.claim_groups[1], id=f"g{n}", text=f"Claim {n}.") for n in range(14))
    page = render_html(articles, [replace(story, claim_groups=many)], version="0")
    matrix = page[page.index('<details class="fold"><summary>2 more claims') :]
    assert "Claim 12." in matrix[: matrix.index("</details>")]
    assert "Claim 11." not in matrix[: matrix.index("</details>")]
    folded = page[page.index('<details class="fold"><summary>8 more claims') :]
    assert "Claim 13." in folded and "Claim 5." not in folded


def test_impossible_coordinates_are_left_off_the_map_not_a_crash():
    a = _article("Daily", "2022-04-08")
    broken = [replace(PSKOV, lat=float("nan")), replace(PSKOV, lat=123.0, lon=500.0)]
    events = [(_event(f"e{n}", (a.id,), location=p), None, "x") for n, p in enumerate(broken)]
    assert event_map(events) is None
    drawn = event_map([*events, (_event("ok", (a.id,), location=SUMY), None, "Sumy")])
    assert drawn is not None and [i.on_map for i in drawn.items] == [False, False, True]
