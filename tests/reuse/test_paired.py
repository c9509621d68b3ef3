"""Candidate pairs' articles are loaded while in use, not all at once (issue #18)."""

import weakref

import numpy as np

from storytrace.reuse.edges import paired


class _Doc:
    """Something loaded per position, whose life a weak reference can watch."""

    def __init__(self, position: int) -> None:
        self.position = position


def _banded(count: int, width: int) -> np.ndarray:
    """Sorted pairs (i, j), i < j <= i + width: articles of one date window, in time order."""
    found = [(i, j) for i in range(count) for j in range(i + 1, min(count, i + width + 1))]
    return np.array(found, dtype=np.int64)


def test_every_pair_is_given_in_order_with_its_own_articles() -> None:
    pairs = np.array([[0, 3], [0, 5], [1, 2], [2, 5], [4, 9]], dtype=np.int64)
    loads: list[int] = []

    def load(position: int) -> _Doc:
        loads.append(position)
        return _Doc(position)

    given = [(a.position, b.position) for a, b in paired(pairs, load)]
    assert given == [tuple(p) for p in pairs.tolist()]
    assert sorted(loads) == [0, 1, 2, 3, 4, 5, 9]  # each loaded once


def test_memory_holds_the_articles_of_one_window_not_the_corpus() -> None:
    pairs, alive, highest = _banded(400, 5), weakref.WeakSet[_Doc](), 0
    for first, second in paired(pairs, _Doc):
        alive.add(first)
        alive.add(second)
        del first, second
        highest = max(highest, len(alive))
    assert highest <= 7  # the window's articles and the pair in hand; 400 if all were kept


def test_no_pairs_loads_nothing() -> None:
    assert list(paired(np.zeros((0, 2), dtype=np.int64), _Doc)) == []
