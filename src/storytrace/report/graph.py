"""Who copied whom: a story's provenance as a laid-out graph the templates draw as SVG.

Nodes are the story's articles and the sources they cite (cited outlets and named
speakers); arrows run the way text and claims flowed: from a cited source to each article
that names it, and from an article to one that reused its text. Sources are the first
column; each article sits one column right of the deepest article it copied from.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Literal

from storytrace.records import Article, ClaimGroup, ReuseEdge

NODE_WIDTH, NODE_HEIGHT = 170, 44
GAP_X, GAP_Y, MARGIN = 56, 16, 12
MAX_SOURCES = 10  # the most-cited sources are drawn; the rest are counted
_LABEL_CHARS = 23  # about what a 170 px box holds at 13 px
_UNDIRECTED = "direction undetermined"


@dataclass(frozen=True)
class GraphNode:
    """A box: an article (``key`` is its id) or a cited source (``key`` is its name)."""

    key: str
    kind: Literal["article", "source"]
    label: str  # shortened to fit the box
    title: str  # the full name, shown on hover
    x: int
    y: int

    @property
    def lines(self) -> tuple[str, ...]:
        """The full name wrapped into at most two lines of the box's width."""
        return _wrap(self.title)


@dataclass(frozen=True)
class GraphEdge:
    """An arrow (or, when the direction is unknown, a plain line) with what it means."""

    kind: Literal["reuse", "cites"]
    path: str  # SVG path data
    directed: bool
    title: str


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


def _short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= _LABEL_CHARS else text[: _LABEL_CHARS - 1].rstrip() + "…"


def _wrap(text: str) -> tuple[str, ...]:
    """Two lines of words that fit a box; only a name longer than both is shortened."""
    words = text.split()
    first: list[str] = []
    while words and len(" ".join([*first, words[0]])) <= _LABEL_CHARS:
        first.append(words.pop(0))
    if not first:
        return (_short(text),)
    rest = " ".join(words)
    return (" ".join(first), _short(rest)) if rest else (" ".join(first),)


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


def _curve(a: GraphNode, b: GraphNode) -> str:
    """A path from box ``a`` to box ``b``: left to right, or an arc when they share a column."""
    mid_a, mid_b = a.y + NODE_HEIGHT // 2, b.y + NODE_HEIGHT // 2
    if a.x == b.x:
        x = a.x + NODE_WIDTH
        bend = x + GAP_X // 2 + 4
        return f"M{x},{mid_a} C{bend},{mid_a} {bend},{mid_b} {x},{mid_b}"
    if a.x > b.x:
        a, b, mid_a, mid_b = b, a, mid_b, mid_a
    x1, x2 = a.x + NODE_WIDTH, b.x
    half = (x2 - x1) // 2
    return f"M{x1},{mid_a} C{x1 + half},{mid_a} {x2 - half},{mid_b} {x2},{mid_b}"


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
    offset = 1 if shown else 0
    columns: dict[int, list[tuple[str, Literal["article", "source"], str]]] = {}
    for name in shown:
        columns.setdefault(0, []).append((name, "source", name))
    for article_id in article_ids:
        name = outlet(article_id, by_id)
        columns.setdefault(depth[article_id] + offset, []).append((article_id, "article", name))
    nodes: dict[tuple[str, str], GraphNode] = {}
    for column, members in sorted(columns.items()):
        for row, (key, kind, name) in enumerate(members):
            x = MARGIN + column * (NODE_WIDTH + GAP_X)
            y = MARGIN + row * (NODE_HEIGHT + GAP_Y)
            nodes[(kind, key)] = GraphNode(key, kind, _short(name), name, x, y)
    lines: list[GraphEdge] = []
    for name in shown:
        for article_id in sorted(sources[name] & set(article_ids), key=article_ids.index):
            source, target = nodes[("source", name)], nodes[("article", article_id)]
            title = f"{target.title} cites {name}"
            lines.append(GraphEdge("cites", _curve(source, target), True, title))
    for cited_id, citer_id in dict.fromkeys(cited_outlets):
        if cited_id != citer_id:
            source, target = nodes[("article", cited_id)], nodes[("article", citer_id)]
            title = f"{target.title} cites {source.title}"
            lines.append(GraphEdge("cites", _curve(source, target), True, title))
    for edge in reuse:
        source, target = nodes[("article", edge.source)], nodes[("article", edge.target)]
        if _directed(edge):
            title = f"{target.title} reused {edge.containment:.0%} of its text from {source.title}"
        else:
            title = f"{source.title} and {target.title} share text (direction undetermined)"
        lines.append(GraphEdge("reuse", _curve(source, target), _directed(edge), title))
    width = MARGIN * 2 + (max(columns) + 1) * NODE_WIDTH + max(columns) * GAP_X + GAP_X // 2
    tallest = max(len(members) for members in columns.values())
    height = MARGIN * 2 + tallest * NODE_HEIGHT + (tallest - 1) * GAP_Y
    return Graph(width, height, tuple(nodes.values()), tuple(lines), len(ranked) - len(shown))
