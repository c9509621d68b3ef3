"""A story's claim groups by outlet: the claim matrix a desk reads first.

Rows are claim groups (in reading order: most contested first), columns are outlets
(articles of one outlet share a column), and a cell holds the member claims that
outlet makes, each with its certainty.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from storytrace.records import Article, Claim, ClaimGroup

OutletLabel = Callable[[str, Mapping[str, Article]], str]

#: A certainty as a mark and the words a screen reader says for it.
CERTAINTY_MARKS: dict[str, str] = {
    "asserted": "●",
    "hedged": "◐",
    "unconfirmed": "○",
    "denied": "✕",
}


@dataclass(frozen=True)
class MatrixColumn:
    """One outlet of the story and the articles it published in it."""

    outlet: str
    article_ids: tuple[str, ...]


@dataclass(frozen=True)
class MatrixRow:
    """One claim group, where its details are on the page, and the claims of each column."""

    group: ClaimGroup
    anchor: str
    label: str  # the verdict in words
    cells: tuple[tuple[Claim, ...], ...]  # one claim per article (its first member)
    values: tuple[str, ...] = ()  # per column: the value(s) the outlet reports (number, conflict)


@dataclass(frozen=True)
class Matrix:
    """The claim matrix of one story."""

    columns: tuple[MatrixColumn, ...]
    rows: tuple[MatrixRow, ...]


def outlet_columns(
    article_ids: Sequence[str], by_id: Mapping[str, Article], label: OutletLabel
) -> tuple[MatrixColumn, ...]:
    """One column per outlet, in the order the story lists its articles.

    ``label`` is the function that names an article's outlet (``views.outlet_label``).
    """
    columns: dict[str, list[str]] = {}
    for article_id in article_ids:
        columns.setdefault(label(article_id, by_id), []).append(article_id)
    return tuple(MatrixColumn(name, tuple(ids)) for name, ids in columns.items())


def claim_matrix(
    columns: Sequence[MatrixColumn], groups: Sequence[tuple[ClaimGroup, str, str]]
) -> Matrix:
    """Place each group's member claims in the column of their article's outlet.

    ``groups`` holds ``(group, anchor, verdict label)`` in row order. A claim whose
    article is not among the story's articles gets no cell.
    """
    column_of = {
        article_id: index
        for index, column in enumerate(columns)
        for article_id in column.article_ids
    }
    rows = []
    for group, anchor, label in groups:
        cells: list[list[Claim]] = [[] for _ in columns]
        seen: set[str] = set()
        for claim in group.members:
            index = column_of.get(claim.article_id)
            if index is not None and claim.article_id not in seen:
                seen.add(claim.article_id)
                cells[index].append(claim)
        values: list[list[str]] = [[] for _ in columns]
        for index, cell in enumerate(cells):  # the number each outlet gives, as it words it
            for claim in cell:
                values[index] += [
                    q.text for q in claim.quantities[:1] if q.text not in values[index]
                ]
        for conflict in group.conflicts:
            for value in conflict.values:
                for article_id in value.article_ids:
                    index = column_of.get(article_id)
                    if index is not None and value.value not in values[index]:
                        values[index].append(value.value)
        if group.conflicts:  # where outlets disagree, the compared values say it best
            values = [
                [v for v in found if any(v == c.value for x in group.conflicts for c in x.values)]
                or found
                for found in values
            ]
        rows.append(
            MatrixRow(
                group,
                anchor,
                label,
                tuple(tuple(cell) for cell in cells),
                tuple(" / ".join(found) for found in values),
            )
        )
    return Matrix(tuple(columns), tuple(rows))
