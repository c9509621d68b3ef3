"""A story at a glance: one header line, and verdict counts that mean what they say.

The header names what a reader wants first: how many outlets carry the story, on how
many origins its claims rest (origins of different facts, not confirmations), who
reported it first and when, and what is disputed. Everything returned is plain
(untrusted) text; templates escape it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from datetime import date

from storytrace.records import Article, ClaimGroup, Story
from storytrace.report.when import MONTHS


def effective_verdict(group: ClaimGroup) -> str:
    """The verdict a count may show: "corroborated" only with two independent origins.

    A group marked corroborated whose origins collapse to one (or none named) is
    counted as echoed when several articles carry it, else as single source.
    """
    return shown_verdict(
        group.verdict,
        group.independent_sources,
        named_origins=len({origin.id or origin.name.casefold() for origin in group.origins}),
        articles=len({claim.article_id for claim in group.members}),
    )


def shown_verdict(verdict: str, independent: int, *, named_origins: int, articles: int) -> str:
    """:func:`effective_verdict` from a group's counts (what the store can read cheaply)."""
    if verdict != "corroborated":
        return verdict
    independent = min(independent, named_origins) if named_origins else independent
    if independent >= 2:
        return "corroborated"
    return "echoed" if articles > 1 else "single_source"


def honest_counts(story: Story) -> Counter[str]:
    """How many claim groups of ``story`` carry each :func:`effective_verdict`."""
    return Counter(effective_verdict(group) for group in story.claim_groups)


def story_origins(story: Story) -> tuple[str, ...]:
    """The distinct origins the story's claims rest on, most cited first."""
    names: Counter[str] = Counter()
    shown: dict[str, str] = {}
    for group in story.claim_groups:
        for origin in group.origins:
            key = origin.id or origin.name.casefold()
            names[key] += 1
            shown.setdefault(key, origin.name)
    return tuple(shown[key] for key, _ in names.most_common())


def long_date(value: str | None) -> str | None:
    """``2026-03-10...`` -> ``10 March 2026``; a partial or odd date is returned as given."""
    if not value:
        return None
    try:
        day = date.fromisoformat(value[:10])
    except ValueError:
        return value
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def first_report(story: Story, by_id: Mapping[str, Article]) -> tuple[str, str] | None:
    """(outlet, publication date) of the earliest dated article, or None if none is dated."""
    dated = [
        (article.published, article.outlet or article.title or article.id)
        for article in (by_id.get(a) for a in story.article_ids)
        if article is not None and article.published
    ]
    if not dated:
        return None
    published, outlet = min(dated)
    return outlet, long_date(published) or published


_PAST = {
    "kill": "killed",
    "injure": "injured",
    "wound": "wounded",
    "arrest": "arrested",
    "displace": "displaced",
    "evacuate": "evacuated",
    "detain": "detained",
}
_UNCOUNTED = {"people", "police", "personnel", "children", "staff"}
_ATTRIBUTES = {"polarity": "whether it happened", "agency": "who did it", "place": "where"}


def plain_attribute(attribute: str) -> str:
    """A conflict label in words: ``count: worker kill`` -> ``the number of workers killed``."""
    if not attribute.startswith("count:"):
        return _ATTRIBUTES.get(attribute, attribute)
    words = attribute.removeprefix("count:").split()
    if not words:
        return "the number"
    noun = words[0] if words[0].endswith("s") or words[0] in _UNCOUNTED else words[0] + "s"
    verb = " ".join(_PAST.get(word, word) for word in words[1:])
    return f"the number of {noun} {verb}".rstrip()


def disputes(story: Story) -> tuple[str, ...]:
    """What the outlets disagree on, each as ``attribute (a vs b)``."""
    found: dict[str, None] = {}
    for group in story.claim_groups:
        for conflict in group.conflicts:
            values = " vs ".join(dict.fromkeys(value.value for value in conflict.values))
            name = plain_attribute(conflict.attribute)
            found.setdefault(f"{name} ({values})" if values else name)
    return tuple(found)


def headline(story: Story, by_id: Mapping[str, Article]) -> str:
    """One line: outlets, the origins its claims rest on, first report and what is disputed."""
    outlets = {
        (by_id[a].outlet or by_id[a].title or a) if a in by_id else a for a in story.article_ids
    }
    parts = [f"{len(outlets)} outlet{'' if len(outlets) == 1 else 's'}"]
    origins = story_origins(story)
    if len(origins) == 1:
        parts[0] += f", resting on 1 origin ({origins[0]})"
    elif origins:
        # Origins of different facts are not confirmations of one another: no "independent".
        parts[0] += f", resting on {len(origins)} origins (most cited: {origins[0]})"
    first = first_report(story, by_id)
    if first is not None:
        parts.append(f"first reported by {first[0]} on {first[1]}")
    disputed = disputes(story)
    if disputed:
        parts.append("disputed: " + "; ".join(disputed))
    return "; ".join(parts)
