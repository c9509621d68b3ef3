"""Any records round-trip exactly through the store, on both backends.

The records are drawn from their type annotations in ``records.py``, so a field added
there is drawn (and round-tripped) without a change here.
"""

from __future__ import annotations

import dataclasses
import typing
import uuid
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from storytrace.records import Article, Claim, ClaimGroup, Event, ReuseEdge, Story

# PostgreSQL text cannot hold NUL; surrogates are not UTF-8 (both are refused at ingest).
TEXT = st.text(
    st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=12
)
_SCALARS: dict[Any, st.SearchStrategy[Any]] = {
    str: TEXT,
    int: st.integers(-(2**31), 2**31),
    float: st.floats(allow_nan=False, min_value=-1e12, max_value=1e12),
    bool: st.booleans(),
}


def drawn(hint: Any, depth: int = 0) -> st.SearchStrategy[Any]:
    """A strategy for any value of ``hint`` (records recursively, tuples short)."""
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if hint in _SCALARS:
        return _SCALARS[hint]
    if origin is typing.Literal:
        return st.sampled_from(args)
    if origin in (typing.Union, __import__("types").UnionType):
        return st.one_of(*(st.none() if a is type(None) else drawn(a, depth) for a in args))
    if origin is tuple:
        if len(args) == 2 and args[1] is Ellipsis:
            size = 2 if depth < 3 else 0
            return st.lists(drawn(args[0], depth + 1), max_size=size).map(tuple)
        return st.tuples(*(drawn(a, depth) for a in args))
    if origin is dict:
        return st.just({})
    if dataclasses.is_dataclass(hint):
        hints = typing.get_type_hints(hint)
        fields = {f.name: drawn(hints[f.name], depth + 1) for f in dataclasses.fields(hint)}
        return st.builds(hint, **fields)
    raise TypeError(f"no strategy for {hint!r}")


def _articles_of(story: Story) -> set[str]:
    ids = set(story.article_ids)
    for group in story.claim_groups:
        ids |= {m.article_id for m in group.members}
    for edge in story.reuse_edges:
        ids |= {edge.source, edge.target}
    return ids


SETTINGS = settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                          HealthCheck.too_slow]
)  # fmt: skip


@SETTINGS
@given(claims=st.lists(drawn(Claim), max_size=3))
def test_any_claims_round_trip(store, claims):
    article = Article.from_text(uuid.uuid4().hex)
    store.add_article(article)
    claims = [dataclasses.replace(c, article_id=article.id, id=f"{article.id}:{n}")
              for n, c in enumerate(claims)]  # fmt: skip
    store.save_claims(article.id, claims)
    back = store.get_claims([article.id])
    assert back == sorted(claims, key=lambda c: (c.span, claims.index(c)))


@SETTINGS
@given(story=drawn(Story), group=drawn(ClaimGroup), event=drawn(Event), edge=drawn(ReuseEdge))
def test_any_story_round_trips(store, story, group, event, edge):
    story = dataclasses.replace(
        story,
        id=uuid.uuid4().hex,
        claim_groups=(*story.claim_groups, group),
        events=(*story.events, event),
        reuse_edges=(*story.reuse_edges, edge),
    )
    for article_id in sorted(_articles_of(story)):
        store.add_article(dataclasses.replace(Article.from_text(uuid.uuid4().hex), id=article_id))
    store.save_story(story)
    back = store.get_story(story.id)
    expected = dataclasses.replace(story, article_ids=tuple(dict.fromkeys(story.article_ids)))
    assert back == expected
