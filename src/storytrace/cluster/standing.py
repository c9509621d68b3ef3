"""An outlet's standing text: passages it prints in many of its articles, whatever the event.

An editor's note, a sign-off or a subscription line repeats word for word across an
outlet's articles; reuse finds it as a short passage shared by two articles of one
outlet. Its words, names and numbers tell nothing of any one event, so event detail
(:mod:`storytrace.cluster.events`) is read without it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from storytrace.records import Article, ReuseEdge, Span

# Text an outlet repeats in its own articles links them outright only when it covers at
# least this share of one (an update or a republication). A shorter shared passage is the
# outlet's standing text (an editor's note, a sign-off), found in articles of every story.
OWN_TEXT_CONTAINMENT = 0.5
# A passage is standing text when the article shares it with at least this many other
# articles of its outlet (a quotation two reports of one event share is not).
MIN_PARTNERS = 2


def _outlet(article: Article) -> str:
    return (article.outlet or "").strip().casefold()


def is_standing(edge: ReuseEdge, outlet: Mapping[str, str]) -> bool:
    """Whether an edge is text an outlet shares with its own article, short of an update."""
    source = outlet.get(edge.source)
    return (
        bool(source)
        and source == outlet.get(edge.target)
        and (edge.containment < OWN_TEXT_CONTAINMENT)
    )


def standing_spans(
    articles: Sequence[Article], edges: Sequence[ReuseEdge]
) -> dict[str, list[Span]]:
    """Each article's spans (of its text) that it shares with :data:`MIN_PARTNERS` or more
    other articles of its outlet through :func:`is_standing` edges, merged and in order."""
    outlet = {a.id: _outlet(a) for a in articles}
    found: dict[str, dict[str, list[Span]]] = {}
    for edge in edges:
        if edge.source == edge.target or not is_standing(edge, outlet):
            continue
        for passage in edge.passages:
            found.setdefault(edge.source, {}).setdefault(edge.target, []).append(
                passage.source_span
            )
            found.setdefault(edge.target, {}).setdefault(edge.source, []).append(
                passage.target_span
            )
    return {
        article_id: spans
        for article_id, partners in found.items()
        if (spans := _covered_by(list(partners.values()), MIN_PARTNERS))
    }


def _covered_by(spans_by_partner: Sequence[list[Span]], least: int) -> list[Span]:
    """The stretches covered by the spans of at least ``least`` partners, merged."""
    events: list[tuple[int, int]] = []
    for spans in spans_by_partner:
        for start, end in _merged(spans):
            events += [(start, 1), (end, -1)]
    out: list[Span] = []
    depth, opened = 0, 0
    for position, step in sorted(events):
        before = depth
        depth += step
        if before < least <= depth:
            opened = position
        elif depth < least <= before and position > opened:
            out.append((opened, position))
    return _merged(out)


def _merged(spans: Sequence[Span]) -> list[Span]:
    """Spans sorted, overlapping or touching ones joined."""
    out: list[Span] = []
    for start, end in sorted(spans):
        if out and start <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], end))
        else:
            out.append((start, end))
    return out


def without_spans(text: str, spans: Sequence[Span]) -> str:
    """``text`` with each span blanked (spaces keep every other character in place)."""
    pieces, last = [], 0
    for start, end in _merged(spans):
        start, end = max(start, last), min(end, len(text))
        if start >= end:
            continue
        pieces += [text[last:start], " " * (end - start)]
        last = end
    return "".join([*pieces, text[last:]])
