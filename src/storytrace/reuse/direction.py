"""Which of two articles sharing text is the source, and the evidence for it.

The rules, strongest first; the first that decides sets the direction, and every
rule that fires is kept as evidence (those that point the other way as
``"contrary: ..."``):

1. **Dates**: the article published earlier is the source.
2. **Citation**: an article whose text names the other's outlet took from it.
3. **Wire marker**: an article carrying a news agency marker near its start (a
   dateline ``"CITY (AGENCY) —"``, a parenthesised agency code such as ``(AP)`` or
   ``(Reuters)``) or an agency sign-off (``"— Reuters"``) is the wire original. If
   both carry one (an outlet pasted the wire text whole), the one whose marker
   comes first is the original: the other put its own words before the wire copy.
4. **Republication note**: an article that ends with a note of republication ("This
   piece first appeared on ...", "Reprinted courtesy of ...", "Read more at ...")
   that the other lacks is the copy.
5. **Excerpt**: a text found almost whole (≥ 90 %) inside the other, as passages
   that are contiguous in it but lie apart in the other (the other has at least 20
   more words between them), is an excerpt: kept paragraphs of a longer story.
6. **Word choice**: where the two differ inside their shared passages, the copy is
   the one whose own words are rarer in the batch (higher mean inverse document
   frequency): a rewrite swaps plain words for less common ones ("said" → "stated",
   "about" → "roughly") and slips in its own; an original does not swap back.
7. **Containment**: a text found almost whole (≥ 90 % of its words) inside a
   text with clearly more of its own (≤ 70 % covered) is the source: the longer
   one is an outlet that pasted it and added an intro or background. A shorter
   text mostly (≥ 50 %) but not wholly made of the other's words is the copy: a
   trimmed, reworded pick-up of a longer wire story. Anything else does not decide.
8. Otherwise the article with the smaller id is called the source, and the evidence
   says ``"direction undetermined"``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime

from storytrace.records import Article

__all__ = ["Overlap", "Vote", "orient", "republication_note", "wire_marker"]

_AGENCIES = (
    "AP|AFP|Reuters|Bloomberg|Xinhua|Kyodo|Yonhap|Interfax|TASS|Anadolu|ANSA|EFE|DPA|PA|UPI|CNA"
)
# "(AP) —", "LONDON (CPA) -", or a bare known agency such as "(Reuters)".
_CODE = re.compile(
    rf"\((?P<code>[A-Z]{{2,6}})\)\s*[—–-]|\((?P<known>{_AGENCIES})\)",
)
_SIGN_OFF = re.compile(rf"^\s*[—–-]+\s*(?P<agency>{_AGENCIES})\s*$", re.MULTILINE)
_NEAR_START = 600  # characters
_NEAR_END = 400  # characters
_REPUBLISHED = re.compile(
    r"\b(?:(?:originally|first)\s+(?:appeared|published|ran)|republished|reprinted"
    r"|read\s+more\s+(?:at|on)\s+(?!our\b)|read\s+the\s+(?:original|full)\s+(?:story|article)"
    r"|distributed\s+by)\b",
    re.IGNORECASE,
)
# Word choice: differing words needed, and the least difference of mean IDF that decides.
_MIN_DIFFERING = 4
_MIN_RARITY_GAP = 0.25
# Excerpt: words between the passages in the longer text, beyond those in the excerpt.
_MIN_SKIPPED = 20


@dataclass(frozen=True)
class Overlap:
    """What two articles share: covered shares, passage word spans, and word choice.

    ``spans[k]`` are the passages' ``[start, stop)`` word spans in article ``k``;
    ``rarity[k]`` is ``(mean IDF, count)`` of the words only article ``k`` has inside
    the passages, or ``None`` when word frequencies are unknown.
    """

    covered: tuple[float, float]
    spans: tuple[tuple[tuple[int, int], ...], tuple[tuple[int, int], ...]] = ((), ())
    rarity: tuple[tuple[float, int], tuple[float, int]] | None = None


@dataclass(frozen=True)
class Vote:
    """One rule's opinion: ``source`` (0 or 1, the position in the pair) and why."""

    source: int
    evidence: str


def _label(article: Article) -> str:
    return article.outlet or article.id


def _day_or_time(value: str) -> date | datetime | None:
    try:
        parsed = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    has_time = "T" in value or " " in value.strip()
    return parsed if has_time else parsed.date()


def _by_date(pair: tuple[Article, Article]) -> Vote | None:
    first, second = (_day_or_time(a.published or "") for a in pair)
    if first is None or second is None:
        return None
    if isinstance(first, datetime) and isinstance(second, datetime):
        if (first.tzinfo is None) != (second.tzinfo is None):
            first, second = first.date(), second.date()
    else:
        first = first.date() if isinstance(first, datetime) else first
        second = second.date() if isinstance(second, datetime) else second
    if first == second:
        return None
    earlier = 0 if first < second else 1
    early, late = pair[earlier].published, pair[1 - earlier].published
    return Vote(earlier, f"published earlier: {early} < {late}")


def _names(text: str, outlet: str) -> bool:
    return re.search(rf"(?<!\w){re.escape(outlet)}(?!\w)", text, re.IGNORECASE) is not None


def _by_citation(pair: tuple[Article, Article]) -> Vote | None:
    outlets = [a.outlet.strip() if a.outlet else "" for a in pair]
    if len(outlets[0]) < 2 or len(outlets[1]) < 2 or outlets[0].casefold() == outlets[1].casefold():
        return None
    cites = [_names(pair[i].text, outlets[1 - i]) for i in (0, 1)]
    if cites[0] == cites[1]:
        return None
    citer = 0 if cites[0] else 1
    return Vote(1 - citer, f"{_label(pair[citer])} names {outlets[1 - citer]}")


def wire_marker(text: str) -> tuple[str, int] | None:
    """The first news-agency marker of ``text`` and its offset, if it has one.

    Example:
        >>> wire_marker("BRISTOL (CPA) — Floods closed the bridge.")
        ('(CPA) —', 8)
    """
    code = _CODE.search(text, 0, _NEAR_START)
    if code is not None:
        return code.group().strip(), code.start()
    tail = max(0, len(text) - _NEAR_START)
    sign_off = _SIGN_OFF.search(text, tail)
    if sign_off is not None:
        return sign_off.group().strip(), sign_off.start()
    return None


def _by_wire(pair: tuple[Article, Article]) -> Vote | None:
    markers = [wire_marker(a.text) for a in pair]
    if markers[0] is None and markers[1] is None:
        return None
    if markers[0] is not None and markers[1] is not None:
        if markers[0][1] == markers[1][1]:
            return None
        original = 0 if markers[0][1] < markers[1][1] else 1
        found = markers[original]
        assert found is not None
        return Vote(
            original,
            f"wire marker '{found[0]}' in {_label(pair[original])}; "
            f"{_label(pair[1 - original])} carries it only after text of its own",
        )
    original = 0 if markers[0] is not None else 1
    found = markers[original]
    assert found is not None
    return Vote(original, f"wire marker '{found[0]}' in {_label(pair[original])}")


def republication_note(text: str) -> str | None:
    """A note near the end of ``text`` saying it was published elsewhere first.

    Example:
        >>> republication_note("The end.\\nThis piece first appeared on Global Risk Insights.")
        'first appeared'
    """
    found = _REPUBLISHED.search(text, max(0, len(text) - _NEAR_END))
    return None if found is None else " ".join(found.group().split())


def _by_republication(pair: tuple[Article, Article]) -> Vote | None:
    notes = [republication_note(a.text) for a in pair]
    if (notes[0] is None) == (notes[1] is None):
        return None
    copy = 0 if notes[0] is not None else 1
    return Vote(1 - copy, f"republication note '{notes[copy]}' at the end of {_label(pair[copy])}")


def _interior_gaps(spans: tuple[tuple[int, int], ...]) -> int:
    """Words between the first and last passage not inside any passage."""
    gaps, reach = 0, None
    for start, stop in sorted(spans):
        if reach is not None and start > reach:
            gaps += start - reach
        reach = stop if reach is None else max(reach, stop)
    return gaps


def _by_excerpt(pair: tuple[Article, Article], overlap: Overlap) -> Vote | None:
    covered = overlap.covered
    for part in (0, 1):
        whole = 1 - part
        skipped = _interior_gaps(overlap.spans[whole]) - _interior_gaps(overlap.spans[part])
        if covered[part] >= 0.9 and covered[whole] <= 0.7 and skipped >= _MIN_SKIPPED:
            return Vote(
                whole,
                f"excerpt: {_label(pair[part])} keeps {len(overlap.spans[part])} passages of "
                f"{_label(pair[whole])} and skips the {skipped} words between them",
            )
    return None


def _by_word_choice(pair: tuple[Article, Article], overlap: Overlap) -> Vote | None:
    if overlap.rarity is None:
        return None
    (first, count_first), (second, count_second) = overlap.rarity
    if min(count_first, count_second) == 0 or count_first + count_second < _MIN_DIFFERING:
        return None
    if abs(first - second) < _MIN_RARITY_GAP:
        return None
    copy = 0 if first > second else 1
    rare, plain = max(first, second), min(first, second)
    return Vote(
        1 - copy,
        f"word choice: where the passages differ, {_label(pair[copy])} uses rarer words "
        f"(mean IDF {rare:.2f} against {plain:.2f})",
    )


def _by_containment(pair: tuple[Article, Article], covered: tuple[float, float]) -> Vote | None:
    for whole in (0, 1):
        other = 1 - whole
        if covered[whole] >= 0.9 and covered[other] <= 0.7:
            return Vote(
                whole,
                f"containment asymmetry: {_label(pair[other])} holds "
                f"{covered[whole]:.0%} of {_label(pair[whole])} and adds text of its own",
            )
    mostly = 0 if covered[0] > covered[1] else 1
    if 0.5 <= covered[mostly] < 0.9 and covered[1 - mostly] <= covered[mostly] - 0.2:
        return Vote(
            1 - mostly,
            f"containment asymmetry: {_label(pair[mostly])} is mostly "
            f"({covered[mostly]:.0%}) text of {_label(pair[1 - mostly])}",
        )
    return None


def orient(
    pair: tuple[Article, Article],
    *,
    covered: tuple[float, float],
    overlap: Overlap | None = None,
) -> tuple[int, tuple[str, ...]]:
    """The position (0 or 1) of the source in ``pair``, and the evidence strings.

    ``covered`` is the share of each article's words inside the shared passages;
    ``overlap``, if given, adds where the passages lie and the word choice.
    """
    overlap = overlap if overlap is not None else Overlap(covered)
    votes = [
        vote
        for vote in (
            _by_date(pair),
            _by_citation(pair),
            _by_wire(pair),
            _by_republication(pair),
            _by_excerpt(pair, overlap),
            _by_word_choice(pair, overlap),
            _by_containment(pair, covered),
        )
        if vote is not None
    ]
    if not votes:
        source = 0 if pair[0].id <= pair[1].id else 1
        return source, ("direction undetermined",)
    source = votes[0].source
    evidence = tuple(
        vote.evidence if vote.source == source else f"contrary: {vote.evidence}" for vote in votes
    )
    return source, evidence
