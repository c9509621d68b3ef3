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
4. **Containment**: a text found almost whole (≥ 90 % of its words) inside a
   text with clearly more of its own (≤ 70 % covered) is the source: the longer
   one is an outlet that pasted it and added an intro or background. A shorter
   text mostly (≥ 50 %) but not wholly made of the other's words is the copy: a
   trimmed, reworded pick-up of a longer wire story. Anything else does not decide.
5. Otherwise the article with the smaller id is called the source, and the evidence
   says ``"direction undetermined"``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime

from storytrace.records import Article

__all__ = ["Vote", "orient", "wire_marker"]

_AGENCIES = (
    "AP|AFP|Reuters|Bloomberg|Xinhua|Kyodo|Yonhap|Interfax|TASS|Anadolu|ANSA|EFE|DPA|PA|UPI|CNA"
)
# "(AP) —", "LONDON (CPA) -", or a bare known agency such as "(Reuters)".
_CODE = re.compile(
    rf"\((?P<code>[A-Z]{{2,6}})\)\s*[—–-]|\((?P<known>{_AGENCIES})\)",
)
_SIGN_OFF = re.compile(rf"^\s*[—–-]+\s*(?P<agency>{_AGENCIES})\s*$", re.MULTILINE)
_NEAR_START = 600  # characters


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
    pair: tuple[Article, Article], *, covered: tuple[float, float]
) -> tuple[int, tuple[str, ...]]:
    """The position (0 or 1) of the source in ``pair``, and the evidence strings.

    ``covered`` is the share of each article's words inside the shared passages.
    """
    votes = [
        vote
        for vote in (
            _by_date(pair),
            _by_citation(pair),
            _by_wire(pair),
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
