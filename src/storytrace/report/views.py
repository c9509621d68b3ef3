"""Records -> plain view objects the HTML template renders (no markup here).

Everything a view holds is still untrusted text; the template escapes it. The one
decision about safety made here is :func:`safe_href`: only http(s) URLs become links.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from urllib.parse import urlsplit

from storytrace.records import Article, Claim, ClaimGroup, Conflict, Event, ReuseEdge, Story
from storytrace.report.coverage import Coverage, coverage
from storytrace.report.event_map import EventMap, event_map
from storytrace.report.event_words import acled_type, by_importance, event_title
from storytrace.report.glance import effective_verdict, headline, plain_attribute
from storytrace.report.graph import Graph, provenance_graph
from storytrace.report.matrix import Matrix, claim_matrix, outlet_columns
from storytrace.report.timeline import TimelineEntry, story_timeline, with_year
from storytrace.report.timeline_plot import TimelinePlot, timeline_plot
from storytrace.report.when import span_words

#: Reading order of claim groups: what most needs a reader's attention first.
INTEREST_ORDER: tuple[str, ...] = (
    "conflicting",
    "contested_certainty",
    "echoed",
    "corroborated",
    "single_source",
)
VERDICT_LABELS: dict[str, str] = {
    "conflicting": "Conflicting",
    "echoed": "Echoed",
    "corroborated": "Corroborated",
    "single_source": "Single source",
}
_EXCERPT_CHARS = 240
_EXCERPTS_PER_EDGE = 3


@dataclass(frozen=True)
class ArticleView:
    """An article as listed under its story."""

    id: str
    outlet: str
    title: str | None
    href: str | None  # set only for http(s) URLs
    url: str | None  # shown as text when it is not a safe link
    published: str | None


@dataclass(frozen=True)
class MemberView:
    """One evidence sentence with its outlet."""

    outlet: str
    claim: Claim


@dataclass(frozen=True)
class ConflictView:
    """A disagreement with, for each value, the outlets that give it."""

    attribute: str
    values: tuple[tuple[str, tuple[str, ...]], ...]
    conservative: str | None
    sources: tuple[str, ...] = ()  # per value: who the outlets quote for it ("" if no one)


@dataclass(frozen=True)
class GroupView:
    """A claim group with its badge and the sentence that explains its verdict."""

    anchor: str
    group: ClaimGroup
    label: str
    summary: str
    certainty_note: str | None
    members: tuple[MemberView, ...]
    conflicts: tuple[ConflictView, ...]


@dataclass(frozen=True)
class EdgeView:
    """A reuse edge told as a sentence, with excerpts of the shared passages."""

    sentence: str
    evidence: tuple[str, ...]
    passage_count: int
    excerpts: tuple[str, ...]


@dataclass(frozen=True)
class EventView:
    """An event with its fields already put into words."""

    anchor: str
    event: Event
    location: str | None
    date: str | None
    count: str | None
    sources: tuple[str, ...]
    claim_links: tuple[tuple[str, str | None], ...]  # (claim group id, anchor or None)
    outlets: tuple[str, ...] = ()  # the outlets that report it (``sources`` are its origins)
    title: str = ""  # what happened, where, how many, in plain words
    acled: str = ""  # the ACLED category ("Strategic developments / Other")


@dataclass(frozen=True)
class StoryView:
    """One story, ready to render."""

    anchor: str
    story: Story
    articles: tuple[ArticleView, ...]
    groups: tuple[GroupView, ...]
    edges: tuple[EdgeView, ...]
    events: tuple[EventView, ...]
    matrix: Matrix
    timeline: tuple[TimelineEntry, ...]
    graph: Graph | None
    conflicts: tuple[GroupView, ...]  # the groups whose members disagree
    headline: str = ""  # the story at a glance: outlets, origins, first report, disputes
    timeline_plot: TimelinePlot | None = None  # the timeline drawn on a date axis
    event_map: EventMap | None = None  # the events on the offline base map
    coverage: Coverage | None = None  # articles per outlet per day


def safe_href(url: str | None) -> str | None:
    """``url`` if it is an absolute http or https URL, else ``None`` (never a link)."""
    if not url:
        return None
    candidate = url.strip()
    try:
        parts = urlsplit(candidate)
    except ValueError:
        return None
    if parts.scheme.lower() in ("http", "https") and parts.netloc:
        return candidate
    return None


def number(value: float | int) -> str:
    """A number as a reader writes it: ``54.0`` -> ``54``, ``20000.5`` -> ``20,000.5``."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return f"{value:,}" if isinstance(value, int) else f"{value:,.6g}"


def plural(count: int, singular: str, many: str | None = None) -> str:
    """``1 article``, ``2 articles``; ``many`` for irregular plurals (``stories``)."""
    return f"{count} {singular if count == 1 else (many or singular + 's')}"


def value_range(low: float | None, high: float | None) -> str | None:
    """An interval in words: ``54 to 66``, ``20,001 or more``, ``up to 10``; None if unbounded."""
    if high is None:
        return None if low is None else f"{number(low)} or more"
    if low is None:
        return f"up to {number(high)}"
    return number(low) if low == high else f"{number(low)} to {number(high)}"


def interest_rank(group: ClaimGroup) -> int:
    """Position of ``group`` in :data:`INTEREST_ORDER` (conflicts first, lone claims last)."""
    if group.verdict == "conflicting":
        return 0
    if group.contested_certainty:
        return 1
    return INTEREST_ORDER.index(group.verdict) if group.verdict in INTEREST_ORDER else 5


def verdict_counts(stories: Sequence[Story]) -> dict[str, int]:
    """How many claim groups carry each verdict a count may show (see effective_verdict)."""
    counts: Counter[str] = Counter(
        effective_verdict(group) for story in stories for group in story.claim_groups
    )
    return {verdict: counts[verdict] for verdict in VERDICT_LABELS}


def story_views(articles: Sequence[Article], stories: Sequence[Story]) -> list[StoryView]:
    """Build the view of every story, with unique anchors for stories and claim groups."""
    by_id = {article.id: article for article in articles}
    return [story_view(story, f"story-{n}", by_id) for n, story in enumerate(stories, start=1)]


def story_view(story: Story, anchor: str, by_id: Mapping[str, Article]) -> StoryView:
    """The view of one story; its claim groups' and events' anchors start with ``anchor``."""
    ordered = sorted(story.claim_groups, key=interest_rank)
    groups = tuple(
        _group_view(group, f"{anchor}-claim-{g_index}", by_id)
        for g_index, group in enumerate(ordered, start=1)
    )
    anchors = {view.group.id: view.anchor for view in groups}
    events = tuple(
        event_view(event, f"{anchor}-event-{e_index}", by_id, anchors, story.article_ids)
        for e_index, event in enumerate(by_importance(story.events), start=1)
    )
    columns = outlet_columns(story.article_ids, by_id, outlet_label)
    timeline = story_timeline(
        story.article_ids,
        [(g.group, g.anchor) for g in groups],
        [(ev.event, ev.anchor) for ev in events],
        by_id,
        outlet_label,
    )
    return StoryView(
        anchor=anchor,
        story=story,
        articles=tuple(_article_view(a_id, by_id) for a_id in story.article_ids),
        groups=groups,
        edges=tuple(_edge_view(edge, by_id) for edge in story.reuse_edges),
        events=events,
        matrix=claim_matrix(columns, [(g.group, g.anchor, g.label) for g in groups]),
        timeline=timeline,
        graph=provenance_graph(
            story.article_ids, story.claim_groups, story.reuse_edges, by_id, outlet_label
        ),
        conflicts=tuple(g for g in groups if g.conflicts),
        headline=headline(story, by_id),
        timeline_plot=timeline_plot(timeline),
        event_map=event_map([(ev.event, ev.anchor, ev.title) for ev in events]),
        coverage=coverage(story.article_ids, by_id, outlet_label),
    )


def outlet_label(article_id: str, by_id: Mapping[str, Article]) -> str:
    """The outlet of an article, falling back to its title, then its id."""
    article = by_id.get(article_id)
    if article is None:
        return article_id
    return article.outlet or article.title or article.id


def _article_view(article_id: str, by_id: Mapping[str, Article]) -> ArticleView:
    article = by_id.get(article_id)
    if article is None:
        return ArticleView(article_id, article_id, None, None, None, None)
    href = safe_href(article.url)
    return ArticleView(
        id=article.id,
        outlet=outlet_label(article_id, by_id),
        title=article.title,
        href=href,
        url=None if href else article.url,
        published=article.published,
    )


def _group_view(group: ClaimGroup, anchor: str, by_id: Mapping[str, Article]) -> GroupView:
    members = tuple(MemberView(outlet_label(c.article_id, by_id), c) for c in group.members)
    return GroupView(
        anchor=anchor,
        group=group,
        label=VERDICT_LABELS.get(group.verdict, group.verdict),
        summary=_summary(group, members),
        certainty_note=_certainty_note(members) if group.contested_certainty else None,
        members=members,
        conflicts=tuple(_conflict_view(c, by_id, group.members) for c in group.conflicts),
    )


def _names(items: Sequence[str]) -> str:
    return ", ".join(dict.fromkeys(items))


def _summary(group: ClaimGroup, members: Sequence[MemberView]) -> str:
    """One sentence, in words, saying why the verdict holds."""
    outlets = _names([member.outlet for member in members])
    n_articles = len({member.claim.article_id for member in members})
    origins = _names(
        [f"{origin.name} ({origin.kind.replace('_', ' ')})" for origin in group.origins]
    )
    if group.verdict == "echoed":
        traced = f"All {n_articles} articles trace back to one origin"
        return f"{traced}: {origins}." if origins else f"{traced}."
    if group.verdict == "corroborated":
        found = f"{group.independent_sources} independent origins"
        return f"{found}: {origins}." if origins else f"{found}."
    if group.verdict == "single_source":
        return f"Only {outlets} states this." if outlets else "Only one article states this."
    if group.verdict == "conflicting":
        attributes = _names([plain_attribute(conflict.attribute) for conflict in group.conflicts])
        said = f"The articles disagree on {attributes}" if attributes else "The articles disagree"
        named = _names([origin.name for origin in group.origins])
        return f"{said}; the claim traces to {named}." if named else f"{said}."
    return group.evidence


def attribution_words(claim: Claim) -> str:
    """Whom the outlet quotes or cites for a claim, with the words that say so."""
    found = claim.attribution
    if found is None:
        return ""
    how = "quoting" if found.direct else "citing"
    return f"{how} {found.source} (“{found.cue}”)" if found.cue else f"{how} {found.source}"


def _certainty_note(members: Sequence[MemberView]) -> str:
    """How each outlet states a claim whose certainty is contested."""
    by_outlet: dict[str, list[str]] = {}
    for member in members:
        by_outlet.setdefault(member.claim.certainty, []).append(member.outlet)
    told = "; ".join(
        f"{certainty} by {_names(outlets)}" for certainty, outlets in by_outlet.items()
    )
    return f"Certainty differs between outlets: {told}."


def _conflict_view(
    conflict: Conflict, by_id: Mapping[str, Article], members: Sequence[Claim] = ()
) -> ConflictView:
    values = tuple(
        (value.value, tuple(dict.fromkeys(outlet_label(a, by_id) for a in value.article_ids)))
        for value in conflict.values
    )
    sources = tuple(
        _names(
            [
                claim.attribution.source
                for claim in members
                if claim.article_id in value.article_ids and claim.attribution is not None
            ]
        )
        for value in conflict.values
    )
    return ConflictView(plain_attribute(conflict.attribute), values, conflict.conservative, sources)


def _edge_view(edge: ReuseEdge, by_id: Mapping[str, Article]) -> EdgeView:
    source, target = outlet_label(edge.source, by_id), outlet_label(edge.target, by_id)
    sentence = f"{target} reused text from {source}: {edge.containment:.0%} of the text"
    target_article = by_id.get(edge.target)
    excerpts: list[str] = []
    if target_article is not None:
        for passage in edge.passages[:_EXCERPTS_PER_EDGE]:
            start, end = passage.target_span
            text = " ".join(target_article.text[max(start, 0) : max(end, 0)].split())
            if text:
                cut = len(text) > _EXCERPT_CHARS
                excerpts.append(text[:_EXCERPT_CHARS].rstrip() + ("…" if cut else ""))
    return EdgeView(sentence, edge.direction_evidence, len(edge.passages), tuple(excerpts))


def _count_text(value: object) -> str:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return str(value)
    return number(value)


def _precision_words(precision: str) -> str:
    """How exactly a date is known, in words."""
    if precision in ("day", "month-day"):
        return "to the day"
    if precision in ("week", "month", "year"):
        return f"to the {precision}"
    return "a span" if precision == "span" else "worked out from the article's date"


def event_view(
    event: Event,
    anchor: str,
    by_id: Mapping[str, Article],
    anchors: Mapping[str, str],
    story_ids: Sequence[str] = (),
) -> EventView:
    """An event with its fields in words; ``anchors`` are its claim groups' in the page."""
    location = None
    if event.location is not None:
        place = event.location
        parts = list(dict.fromkeys(p for p in (place.name, place.admin1, place.country) if p))
        location = f"{', '.join(parts)} (precision: {place.precision}"
        location += f"; ACLED geo_precision {event.geo_precision})" if event.geo_precision else ")"
    date = None
    if event.date is not None:
        ids = event.article_ids or tuple(story_ids)
        start = event.date.start and with_year(event.date.start, ids, by_id)
        end = event.date.end and with_year(event.date.end, ids, by_id)
        date = span_words(start, end) or event.date.text
        date += f" (“{event.date.text}”; {_precision_words(event.date.precision)}"
        date += f"; ACLED time precision {event.time_precision})" if event.time_precision else ")"
    count = None
    if event.count:
        values = ", ".join(_count_text(v) for v in event.count.get("values", ()))
        conservative = event.count.get("conservative")
        count = f"reported: {values or 'none'}"
        if conservative is not None:
            count += f"; conservative: {_count_text(conservative)}"
    return EventView(
        anchor=anchor,
        event=event,
        location=location,
        date=date,
        count=count,
        sources=tuple(outlet_label(source, by_id) for source in event.sources),
        claim_links=tuple((gid, anchors.get(gid)) for gid in event.claim_group_ids),
        outlets=event.outlets,
        title=event_title(event),
        acled=acled_type(event),
    )
