"""Who copied whom: a story's provenance as a laid-out graph the templates draw as SVG.

Nodes are the story's articles and the sources they cite (cited outlets and named
speakers); arrows run the way text and claims flowed: from a cited source to each article
that names it, and from an article to one that reused its text. The layout is layered top
to bottom, so it fits a phone: cited sources, then the articles that copied no one, then
their copies, each layer wrapped two boxes to a row. A reuse edge carries its evidence as
a label ("61% · wire credit"); a line without an arrow is shared text of unknown direction.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Literal

from storytrace.records import Article, ClaimGroup, ReuseEdge
from storytrace.report.text_fit import wrap

NODE_WIDTH, NODE_HEIGHT = 170, 44  # NODE_HEIGHT: a box of two lines
PER_ROW, GAP_X, GAP_Y, MARGIN, GUTTER = 2, 14, 22, 10, 26  # a row gap holds a label
LINE_HEIGHT, LAYER_GAP, HEADING = 16, 64, 18
WIDTH = MARGIN * 2 + PER_ROW * NODE_WIDTH + (PER_ROW - 1) * GAP_X + GUTTER
MAX_SOURCES = 10  # the most-cited sources are drawn; the rest are counted
_LABEL_CHARS = 23  # about what a 170 px box holds at 13 px
_UNDIRECTED = "direction undetermined"


@dataclass(frozen=True)
class GraphNode:
    """A box: an article (``key`` is its id) or a cited source (``key`` is its name)."""

    key: str
    kind: Literal["article", "source"]
    label: str  # shortened (kept for callers of the old layout; the box shows ``lines``)
    title: str  # the full name, shown on hover
    x: int
    y: int
    lines: tuple[str, ...] = ()  # the full name wrapped to the box, never cut
    height: int = NODE_HEIGHT


@dataclass(frozen=True)
class GraphEdge:
    """An arrow (or, when the direction is unknown, a plain line) with what it means."""

    kind: Literal["reuse", "cites"]
    path: str  # SVG path data
    directed: bool
    title: str
    label: str = ""  # the evidence in a few words, drawn on the edge
    label_x: float = 0.0
    label_y: float = 0.0


@dataclass(frozen=True)
class Graph:
    """A laid-out provenance graph; ``hidden_sources`` were left out to keep it readable."""

    width: int
    height: int
    nodes: tuple[GraphNode, ...]
    edges: tuple[GraphEdge, ...]
    hidden_sources: int
    node_width: int = NODE_WIDTH
    node_height: int = NODE_HEIGHT
    layers: tuple[tuple[str, int], ...] = ()  # each layer's heading and its baseline


def _short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= _LABEL_CHARS else text[: _LABEL_CHARS - 1].rstrip() + "…"


def _fold(name: str) -> str:
    """A name compared loosely: case-folded, spaces folded, without a leading "the"."""
    folded = " ".join(name.casefold().split())
    return folded[4:] if folded.startswith("the ") else folded


def cited_sources(groups: Sequence[ClaimGroup]) -> dict[str, set[str]]:
    """Each cited source or speaker of the story, with the articles that trace to it.

    An article traces to a source when one of its claims is attributed to a spelling of
    that source, or when the claim is in an echoed group whose one origin it is. Origins
    of different groups that share a spelling are one source, named as first met.
    """
    found: dict[str, set[str]] = {}
    names: dict[str, str] = {}  # every folded spelling -> the name the source is shown by
    for group in groups:
        origins = [o for o in group.origins if o.kind != "outlet"]
        echo = group.verdict == "echoed" and len(group.origins) == len(origins) == 1
        for origin in origins:
            spellings = {_fold(name) for name in (origin.name, *origin.variants)}
            shown = next((names[s] for s in sorted(spellings) if s in names), origin.name)
            names.update(dict.fromkeys(spellings, shown))
            articles = found.setdefault(shown, set())
            for claim in group.members:
                source = claim.attribution.source if claim.attribution else None
                if echo or (source is not None and _fold(source) in spellings):
                    articles.add(claim.article_id)
    return {name: articles for name, articles in found.items() if articles}


def _depths(article_ids: Sequence[str], edges: Sequence[ReuseEdge]) -> dict[str, int]:
    """How many copying steps separate each article from text nobody copied it from."""
    depth = dict.fromkeys(article_ids, 0)
    directed = [e for e in edges if _directed(e) and e.source in depth and e.target in depth]
    for _ in range(len(depth)):  # longest path; bounded, so a cycle cannot loop forever
        changed = False
        for edge in directed:
            if depth[edge.target] < depth[edge.source] + 1 <= len(depth):
                depth[edge.target] = depth[edge.source] + 1
                changed = True
        if not changed:
            break
    return depth


def _directed(edge: ReuseEdge) -> bool:
    return _UNDIRECTED not in edge.direction_evidence and edge.source != edge.target


_REASONS = (
    ("published earlier", "published first"),
    ("wire marker", "wire credit"),
    ("republication note", "republication note"),
    ("excerpt", "excerpt"),
    ("word choice", "word choice"),
    ("containment asymmetry", "holds its text"),
    ("shared quotation only", "a shared quote only"),
)


def edge_label(edge: ReuseEdge) -> str:
    """A reuse edge's evidence in a few words: ``61% · wire credit``."""
    share = f"{edge.containment:.0%}"
    for evidence in edge.direction_evidence:
        if evidence.startswith("contrary") or evidence == _UNDIRECTED:
            continue
        if " names " in evidence and ":" not in evidence:
            return f"{share} · names its source"
        for prefix, words in _REASONS:
            if evidence.startswith(prefix):
                return f"{share} · {words}"
    return f"{share} · shared text" if _directed(edge) else f"{share} · direction unknown"


Box = tuple[float, float, float, float]


def _overlaps(a: Box, b: Box) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def _route(
    a: GraphNode, b: GraphNode, layer_of: Mapping[str, int]
) -> tuple[str, list[tuple[float, float]]]:
    """SVG path data from box ``a`` to box ``b`` and points along it (for its label).

    Across layers the line leaves one box's bottom for the next one's top; within a layer
    it runs through the right-hand gutter, so it never hides under the boxes between.
    """
    la, lb = layer_of[a.key + a.kind], layer_of[b.key + b.kind]
    x1: float
    y1: float
    x2: float
    y2: float
    if la != lb:
        up = la > lb
        x1, y1 = a.x + NODE_WIDTH / 2, (a.y if up else a.y + a.height)
        x2, y2 = b.x + NODE_WIDTH / 2, (b.y + b.height if up else b.y)
        bend = (y2 - y1) / 2
        path = f"M{x1:g},{y1:g} C{x1:g},{y1 + bend:g} {x2:g},{y2 - bend:g} {x2:g},{y2:g}"
        return path, [_bezier((x1, y1), (x1, y1 + bend), (x2, y2 - bend), (x2, y2), t) for t in _TS]
    if a.y == b.y:  # side by side: a loop under the row, with room for a label
        x1, x2 = a.x + NODE_WIDTH / 2, b.x + NODE_WIDTH / 2
        y1, y2 = a.y + a.height, b.y + b.height
        low = max(y1, y2) + LAYER_GAP * 0.6
        path = f"M{x1:g},{y1:g} C{x1:g},{low:g} {x2:g},{low:g} {x2:g},{y2:g}"
        points = [_bezier((x1, y1), (x1, low), (x2, low), (x2, y2), t) for t in _TS]
        return path, points
    x: float = WIDTH - MARGIN - GUTTER / 2
    y1, y2 = a.y + a.height / 2, b.y + b.height / 2
    xa, xb = a.x + NODE_WIDTH, b.x + NODE_WIDTH
    path = f"M{xa:g},{y1:g} C{x:g},{y1:g} {x:g},{y2:g} {xb:g},{y2:g}"
    return path, [_bezier((xa, y1), (x, y1), (x, y2), (xb, y2), t) for t in _TS]


_TS = tuple(sorted((i / 50 for i in range(2, 49)), key=lambda t: abs(t - 0.5)))


def _bezier(
    p0: tuple[float, float],
    p1: tuple[float, float],
    p2: tuple[float, float],
    p3: tuple[float, float],
    t: float,
) -> tuple[float, float]:
    u = 1 - t
    x = u**3 * p0[0] + 3 * u * u * t * p1[0] + 3 * u * t * t * p2[0] + t**3 * p3[0]
    y = u**3 * p0[1] + 3 * u * u * t * p1[1] + 3 * u * t * t * p2[1] + t**3 * p3[1]
    return round(x, 1), round(y, 1)


def label_box(text: str, x: float, y: float) -> Box:
    """The box an edge label centred on (x, y) takes at 11 px."""
    half = len(text) * 3.3 + 4
    return (x - half, y - 8, x + half, y + 8)


def provenance_graph(
    article_ids: Sequence[str],
    groups: Sequence[ClaimGroup],
    edges: Sequence[ReuseEdge],
    by_id: Mapping[str, Article],
    outlet: Callable[[str, Mapping[str, Article]], str],
) -> Graph | None:
    """Lay out the story's provenance; None when no article copies or cites anything."""
    outlets = {_fold(outlet(a, by_id)): a for a in reversed(article_ids)}
    sources: dict[str, set[str]] = {}
    cited_outlets: list[tuple[str, str]] = []  # a cited outlet of the story is its article
    for name, citing in cited_sources(groups).items():
        if _fold(name) in outlets:
            ordered = sorted(citing & set(article_ids), key=article_ids.index)
            cited_outlets += [(outlets[_fold(name)], a) for a in ordered]
        else:
            sources[name] = citing
    ranked = sorted(sources, key=lambda name: (-len(sources[name]), name.casefold()))
    shown = ranked[:MAX_SOURCES]
    reuse = [e for e in edges if e.source in article_ids and e.target in article_ids]
    if not shown and not reuse and not cited_outlets:
        return None
    depth = _depths(article_ids, reuse)
    layers: list[tuple[str, list[tuple[str, Literal["article", "source"], str]]]] = []
    if shown:
        layers.append(("Sources the articles name", [(n, "source", n) for n in shown]))
    deepest = max(depth.values(), default=0)
    position: dict[str, float] = {name: i for i, name in enumerate(shown)}
    for level in range(deepest + 1):
        level_ids = [a for a in article_ids if depth[a] == level]
        parents: dict[str, list[float]] = {a: [] for a in level_ids}
        for name in shown:
            for a in sources[name] & set(level_ids):
                parents[a].append(position[name])
        for edge in reuse:
            if edge.target in parents and edge.source in position:
                parents[edge.target].append(position[edge.source])
        level_ids.sort(key=lambda a: sum(parents[a]) / len(parents[a]) if parents[a] else 1e9)
        position.update({a: i for i, a in enumerate(level_ids)})
        heading = "Articles that copied no one" if level == 0 else "Copies of the layer above"
        if not reuse:
            heading = "The story's articles"
        layers.append((heading, [(a, "article", outlet(a, by_id)) for a in level_ids]))
    nodes: dict[tuple[str, str], GraphNode] = {}
    layer_of: dict[str, int] = {}
    headings: list[tuple[str, int]] = []
    gaps: list[float] = []  # the middle of each free band between rows, where labels fit
    y = MARGIN
    for index, (heading, members) in enumerate(layers):
        if not members:
            continue
        y += HEADING
        headings.append((heading, y - 5))
        for start in range(0, len(members), PER_ROW):
            row = members[start : start + PER_ROW]
            wrapped = [wrap(name, _LABEL_CHARS) for _, _, name in row]
            height = max(NODE_HEIGHT, max(len(w) for w in wrapped) * LINE_HEIGHT + 12)
            for column, ((key, kind, name), said) in enumerate(zip(row, wrapped, strict=True)):
                x = MARGIN + column * (NODE_WIDTH + GAP_X)
                nodes[(kind, key)] = GraphNode(key, kind, _short(name), name, x, y, said, height)
                layer_of[key + kind] = index
            y += height + GAP_Y
            gaps.append(y - GAP_Y / 2)
        y += LAYER_GAP - GAP_Y
        gaps[-1] = y - LAYER_GAP / 2 + 4
    taken: list[Box] = [(n.x, n.y, n.x + NODE_WIDTH, n.y + n.height) for n in nodes.values()]
    taken += [label_box(h, MARGIN + len(h) * 3.3, hy - 4) for h, hy in headings]
    drawn: list[GraphEdge] = []
    lowest = 0.0  # the lowest point an edge or label reaches

    def add(
        kind: Literal["reuse", "cites"],
        a: GraphNode,
        b: GraphNode,
        directed: bool,
        title: str,
        label: str = "",
    ) -> None:
        nonlocal lowest
        path, points = _route(a, b, layer_of)
        lowest = max(lowest, *(p[1] for p in points))
        at = (0.0, 0.0)
        if label:
            tries = [
                (x + dx, ty)
                for x, y in points
                for ty in (y, *(g for g in gaps if abs(g - y) < 30))
                for dx in (0, 45, -45, 90, -90, 135, -135)
            ]
            inside = [
                p
                for p in tries
                if label_box(label, *p)[0] >= 0 and label_box(label, *p)[2] <= WIDTH
            ]
            free = next(
                (p for p in inside if not any(_overlaps(label_box(label, *p), t) for t in taken)),
                None,
            )
            at = free or (inside or points)[0]
            taken.append(label_box(label, *at))
            lowest = max(lowest, at[1] + 8)
        drawn.append(GraphEdge(kind, path, directed, title, label, at[0], at[1]))

    for name in shown:
        for article_id in sorted(sources[name] & set(article_ids), key=article_ids.index):
            target = nodes[("article", article_id)]
            add("cites", nodes[("source", name)], target, True, f"{target.title} cites {name}")
    for cited_id, citer_id in dict.fromkeys(cited_outlets):
        if cited_id != citer_id:
            source, target = nodes[("article", cited_id)], nodes[("article", citer_id)]
            add("cites", source, target, True, f"{target.title} cites {source.title}")
    for edge in reuse:
        source, target = nodes[("article", edge.source)], nodes[("article", edge.target)]
        evidence = "; ".join(e for e in edge.direction_evidence if e != _UNDIRECTED)
        if _directed(edge):
            title = f"{target.title} reused {edge.containment:.0%} of its text from {source.title}"
        else:
            title = f"{source.title} and {target.title} share text (direction unknown)"
        title += f"; evidence: {evidence}" if evidence else ""
        add("reuse", source, target, _directed(edge), title, edge_label(edge))
    height = round(max(y - LAYER_GAP + GAP_Y + MARGIN, lowest + MARGIN))
    return Graph(
        WIDTH,
        height,
        tuple(nodes.values()),
        tuple(drawn),
        len(ranked) - len(shown),
        layers=tuple(headings),
    )
