"""Where a story's events happened: their coordinates over the offline base map.

Equirectangular projection (longitude scaled by the cosine of the middle latitude, so
shapes keep their proportions), clipped to the events' bounding box with a margin. Events
at one place share a numbered marker; the list under the map gives each number in words.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from storytrace.records import Event, Place
from storytrace.report.basemap import countries

WIDTH = 400
MIN_HEIGHT, MAX_HEIGHT = 220, 420
MIN_SPAN = 5.0  # degrees of latitude shown around one place
PAD = 0.3  # margin around the events, as a share of their spread


@dataclass(frozen=True)
class MapShape:
    """A country drawn as SVG path data, with its name (shown on hover)."""

    name: str
    path: str


@dataclass(frozen=True)
class MapMarker:
    """A place with events: where it is drawn, its numbers and its label."""

    x: float
    y: float
    radius: float
    numbers: tuple[int, ...]
    place: str
    label: str  # "1, 3 · Pskov", or only the numbers where the name would overlap
    label_x: float
    anchor: str  # text-anchor of the label: "start" (right of the marker) or "end"
    show_label: bool  # False where even the numbers would overlap another label


@dataclass(frozen=True)
class MapItem:
    """One event in the list under the map (the map's text)."""

    number: int
    words: str
    anchor: str | None
    on_map: bool


@dataclass(frozen=True)
class EventMap:
    """A laid-out map of the story's events."""

    width: int
    height: int
    shapes: tuple[MapShape, ...]
    markers: tuple[MapMarker, ...]
    items: tuple[MapItem, ...]
    extent: str  # the area shown, in words


def _box(points: Sequence[tuple[float, float]]) -> tuple[float, float, float, float]:
    """West, south, east, north around ``points`` with a margin and a least span."""
    lons, lats = [p[0] for p in points], [p[1] for p in points]
    west, east, south, north = min(lons), max(lons), min(lats), max(lats)
    pad_lat = max((north - south) * PAD, MIN_SPAN / 2 - (north - south) / 2)
    middle = math.cos(math.radians((north + south) / 2)) or 1.0
    pad_lon = max((east - west) * PAD, (MIN_SPAN / middle) / 2 - (east - west) / 2)
    return west - pad_lon, max(-85.0, south - pad_lat), east + pad_lon, min(85.0, north + pad_lat)


def _fit(box: tuple[float, float, float, float]) -> tuple[tuple[float, ...], int, float, float]:
    """Widen ``box`` to the drawing's aspect; returns it, the height, scale and cosine."""
    west, south, east, north = box
    cos = math.cos(math.radians((north + south) / 2)) or 1.0
    ground_w, ground_h = (east - west) * cos, north - south
    height = round(min(MAX_HEIGHT, max(MIN_HEIGHT, WIDTH * ground_h / ground_w)))
    scale = min(WIDTH / ground_w, height / ground_h)
    extra_w = (WIDTH / scale - ground_w) / cos / 2
    extra_h = (height / scale - ground_h) / 2
    return (west - extra_w, south - extra_h, east + extra_w, north + extra_h), height, scale, cos


def _valid(place: Place | None) -> bool:
    """Coordinates a map can hold: both given, finite, on the globe."""
    if place is None or place.lat is None or place.lon is None:
        return False
    return math.isfinite(place.lat + place.lon) and abs(place.lat) <= 90 and abs(place.lon) <= 180


def _where(event: Event) -> str:
    place = event.location
    if place is None:
        return "no place given"
    parts = dict.fromkeys(p for p in (place.name, place.admin1, place.country) if p)
    return ", ".join(parts)


def event_map(
    events: Sequence[tuple[Event, str | None, str]],
) -> EventMap | None:
    """Lay out ``(event, anchor, title)`` on the base map; None when no event has coordinates."""
    located = [
        (float(event.location.lon or 0.0), float(event.location.lat or 0.0))
        for event, _, _ in events
        if event.location is not None and _valid(event.location)
    ]
    if not located:
        return None
    box, height, scale, cos = _fit(_box(located))
    west, south, east, north = box

    def project(lon: float, lat: float) -> tuple[float, float]:
        return round((lon - west) * cos * scale, 1), round((north - lat) * scale, 1)

    shapes = []
    for country in countries():
        c_west, c_south, c_east, c_north = country.bounds
        if c_east < west or c_west > east or c_north < south or c_south > north:
            continue
        rings = []
        for ring in country.rings:
            points = [project(lon, lat) for lon, lat in ring]
            rings.append("M" + "L".join(f"{x},{y}" for x, y in points) + "Z")
        shapes.append(MapShape(country.name, "".join(rings)))
    places: dict[tuple[float, float], tuple[str, list[int]]] = {}
    items = []
    for number, (event, anchor, title) in enumerate(events, start=1):
        place = event.location
        on_map = _valid(place)
        words = f"{title}: {_where(event)}"
        if place is not None and on_map:
            key = project(place.lon, place.lat)  # type: ignore[arg-type]
            places.setdefault(key, (place.name, []))[1].append(number)
            words += f" ({abs(place.lat):.2f}° {'N' if place.lat >= 0 else 'S'}, "  # type: ignore[operator,arg-type]
            words += f"{abs(place.lon):.2f}° {'E' if place.lon >= 0 else 'W'})"  # type: ignore[operator,arg-type]
        else:
            words += "; not on the map (no coordinates)"
        items.append(MapItem(number, words, anchor, on_map))
    return EventMap(
        WIDTH,
        height,
        tuple(shapes),
        _markers(places),
        tuple(items),
        f"{_degrees(south, 'N', 'S')} to {_degrees(north, 'N', 'S')}, "
        f"{_degrees(west, 'E', 'W')} to {_degrees(east, 'E', 'W')}",
    )


def _degrees(value: float, positive: str, negative: str) -> str:
    return f"{abs(value):.0f}° {positive if value >= 0 else negative}"


def _markers(places: dict[tuple[float, float], tuple[str, list[int]]]) -> tuple[MapMarker, ...]:
    """Markers with labels beside them, right or left, the name dropped where it collides."""
    ordered = sorted(places.items(), key=lambda item: item[1][1][0])
    taken = [
        (x - _radius(n), y - _radius(n), x + _radius(n), y + _radius(n))
        for (x, y), (_, n) in ordered
    ]
    markers = []
    for (x, y), (name, numbers) in ordered:
        radius = _radius(numbers)
        said = ", ".join(str(n) for n in numbers)
        chosen = None
        for text in (f"{said} · {name}" if name else said, said):
            width = len(text) * 7.0 + 4
            for right in (True, False):
                label_x = x + radius + 3 if right else x - radius - 3
                left_edge = label_x if right else label_x - width
                box = (left_edge, y - 9, left_edge + width, y + 6)
                inside = left_edge >= 1 and left_edge + width <= WIDTH - 1
                if inside and not any(_overlap(box, other) for other in taken):
                    chosen = (text, label_x, "start" if right else "end", box)
                    break
            if chosen:
                break
        if chosen:
            taken.append(chosen[3])
        text, label_x, anchor = chosen[:3] if chosen else (said, x + radius + 3, "start")
        markers.append(
            MapMarker(x, y, radius, tuple(numbers), name, text, label_x, anchor, bool(chosen))
        )
    return tuple(markers)


def _radius(numbers: Sequence[int]) -> float:
    return 5.0 + 1.5 * min(len(numbers) - 1, 4)


def _overlap(a: tuple[float, ...], b: tuple[float, ...]) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]
