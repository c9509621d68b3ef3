"""Two counts of one kind conflict only when their sentences can tell one fact: not a
rate against a total, not over different dates, not of different subgroups."""

from __future__ import annotations

import pytest

from storytrace.align.conflicts import count_conflicts
from storytrace.claims import read_articles
from storytrace.records import Article, Claim


def _claim(text: str, outlet: str) -> Claim:
    article = Article.from_text(text, outlet=outlet, published="2015-11-25")
    ((_, claims),) = list(read_articles([article]))
    (claim,) = [c for c in claims if c.quantities]
    return claim


@pytest.mark.parametrize(
    ("first", "second", "conflict"),
    [
        (  # different years: two facts
            "In 2013 alone, 158 golf courses closed across the country, the foundation said.",
            "Almost 650 golf courses have closed since 2006, the foundation said.",
            False,
        ),
        (  # the same year: one fact, two counts
            "In 2013, 158 golf courses closed across the country, the foundation said.",
            "In 2013, 450 golf courses closed across the country, the group said.",
            True,
        ),
        (  # a rate against a total
            "Between 130 and 160 courses are closing every 12 months, the foundation said.",
            "Almost 650 courses have closed across the country, the group said.",
            False,
        ),
        (  # a range against a total
            "Between 130 and 160 courses have closed across the country, the foundation said.",
            "Almost 650 courses have closed across the country, the group said.",
            True,
        ),
        (  # a lead among one group of voters is not the lead over all
            "Clinton led Sanders among Latino voters by four points, the poll found.",
            "Clinton leads Sanders by 12 points, the poll found.",
            False,
        ),
        (
            "Clinton leads Sanders by four points, the poll found.",
            "Clinton leads Sanders by 12 points, the poll found.",
            True,
        ),
    ],
)
def test_counts_conflict_only_in_one_slot(first: str, second: str, conflict: bool) -> None:
    found = count_conflicts([_claim(first, "Courier"), _claim(second, "Ledger")])
    assert bool(found) is conflict, found
