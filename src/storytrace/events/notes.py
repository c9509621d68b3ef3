"""An event's ``count`` and ``notes`` from its reports and claim groups.

``count`` keeps every reported figure (``reports``), one value per report of the main kind
(people counted first, then fatalities, arrests, injuries, evacuations) and the lowest as
the conservative value, as ACLED codes disputed tolls. ``notes`` state, in this order: the
lead sentence, differing figures and who gives each, other counts, the claim groups'
conflicts and contested certainty, who hedges it and with which words, who reports it and
its origins, what was taken from context, a missing year, and places named with it.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import is_dataclass, replace
from typing import Any, Final

from storytrace.records import ClaimGroup, Event, EventCount

_KINDS = ("people", "fatalities", "arrested", "injured", "evacuated")


def summarise(
    event: Event, groups: Mapping[str, ClaimGroup], *, place_inferred: bool | None = None
) -> Event:
    """Fill ``count`` (every value, the conservative one) and ``notes`` from the reports.

    A town taken from the article's context is said so in the notes; ``place_inferred``
    says whether it was (when not given: a town at geo_precision 2, as merged events
    re-summarised do not know better).
    """
    place_inferred = (
        place_inferred
        if place_inferred is not None
        else (
            event.location is not None
            and event.location.precision == "city"
            and event.geo_precision == 2
        )
    )
    as_told: list[dict[str, Any]] = list(event.count.get("reports", []))
    reports = _sides_summed(as_told)
    kinds = [k for k in _KINDS if any(r["kind"] == k for r in reports)]
    count: dict[str, Any] = {"values": [], "conservative": None}
    notes: list[str] = []
    lead = groups[event.claim_group_ids[0]].text if event.claim_group_ids else ""
    if lead:
        notes.append(_clip(lead))
    if kinds:
        main = kinds[0]
        values = [_number(r) for r in reports if r["kind"] == main]
        count.update(
            values=values,
            conservative=min(values),
            kind=main,
            counted=Counter(r["counted"] for r in reports if r["kind"] == main).most_common(1)[0][
                0
            ],
        )
        if len(set(values)) > 1:
            told = "; ".join(f"{_fmt(v)} ({_who(reports, main, v)})" for v in sorted(set(values)))
            notes.append(f"Figures differ ({main}): {told}. Coded the lowest, {_fmt(min(values))}.")
        for kind in kinds[1:]:
            numbers = sorted({_number(r) for r in reports if r["kind"] == kind})
            notes.append(f"Also reported, {kind}: {', '.join(_fmt(n) for n in numbers)}.")
    fatal = [_number(r) for r in reports if r["kind"] == "fatalities"]
    if fatal:
        count["fatalities"] = {"values": fatal, "conservative": min(fatal)}
    count["reports"] = as_told
    outlets = {r["article_id"]: r["outlet"] for r in reports if r.get("outlet")}
    for gid in event.claim_group_ids:
        for member in groups[gid].members if gid in groups else ():
            outlets.setdefault(member.article_id, _outlet_of(member.article_id, event))
    notes += _hedges_and_disputes(event, groups, outlets)
    if event.outlets:
        origin = f"; origins: {', '.join(event.sources)}" if event.sources else ""
        notes.append(f"Reported by {', '.join(event.outlets)}{origin}.")
    if place_inferred and event.location is not None:
        notes.append(
            f"Place not in the reports' sentences: {event.location.name} taken from the "
            "article's context."
        )
    if event.date is not None and event.date.precision == "reported":
        notes.append("No date given: coded to the report's publication date.")
    elif event.time_precision == 2 and event.date is not None and event.date.precision == "day":
        notes.append(f"Date taken from the sentence before ({event.date.text}).")
    if event.date is not None and (event.date.start or "").startswith("--"):
        notes.append(f"The year is not given ({event.date.text}, {event.date.start}).")
    if event.related_places:
        names = ", ".join(p.name for p in event.related_places)
        notes.append(f"Also named with it: {names}.")
    return replace(event, count=EventCount.of(count), notes=" ".join(notes))


#: The sides a toll's counted word names: the dead of one article's sides add up ("it
#: killed 20 militants; 4 soldiers were also killed": 24), where one side's figures told
#: twice differ.
_SIDES: Final = {
    "attackers": frozenset({"militant", "insurgent", "terrorist", "bandit", "attacker",
                            "assailant", "gunman", "gunmen", "rebel", "jihadist", "kidnapper",
                            "militiaman", "militiamen", "fighter", "combatant", "raider"}),
    "forces": frozenset({"soldier", "troop", "policeman", "policemen", "police", "officer",
                         "personnel", "serviceman", "servicemen", "guard", "gendarme",
                         "trooper", "commando"}),
    "civilians": frozenset({"civilian", "villager", "resident", "passenger", "farmer",
                            "worshipper", "student", "child", "children", "woman", "women"}),
}  # fmt: skip


def _side(counted: str | None) -> str | None:
    words = {w.rstrip("s") if w.endswith("s") and not w.endswith("ss") else w
             for w in (counted or "").lower().split()}  # fmt: skip
    named = [side for side, nouns in _SIDES.items() if words & nouns]
    return named[0] if len(named) == 1 else None


def _sides_summed(reports: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One article's death tolls of different sides (militants and soldiers, soldiers and
    civilians) as one toll, their sum: the parts of one event's dead."""
    by_article: dict[str, list[dict[str, Any]]] = {}
    for report in reports:
        if report["kind"] == "fatalities":
            by_article.setdefault(str(report.get("article_id")), []).append(report)
    summed: list[dict[str, Any]] = []
    for report in reports:
        tolls = by_article.get(str(report.get("article_id")), [])
        if report["kind"] != "fatalities" or len(tolls) < 2:
            summed.append(report)
            continue
        if report is not tolls[0]:
            continue  # told in the first toll's sum (or kept below)
        sides: dict[str, set[float]] = {}
        for toll in tolls:
            sides.setdefault(_side(toll["counted"]) or "", set()).add(_number(toll))
        if "" in sides or len(sides) < 2 or any(len(v) > 1 for v in sides.values()):
            summed += tolls  # a toll of no side, or one side's figures differing
            continue
        total = sum(v for values in sides.values() for v in values)
        text = " + ".join(str(t["text"]) for t in tolls)
        if is_dataclass(report) and not isinstance(report, type):
            summed.append(replace(report, value=total, low=total, high=total, text=text))
        else:
            summed.append({**report, "value": total, "low": total, "high": total, "text": text})
    return summed


def _hedges_and_disputes(
    event: Event, groups: Mapping[str, ClaimGroup], outlets: Mapping[str, str]
) -> list[str]:
    """Sentences naming the conflicts of the event's claim groups and who hedges them."""
    notes = []
    hedged: dict[tuple[str, str], set[str]] = {}
    for gid in event.claim_group_ids:
        group = groups.get(gid)
        if group is None:
            continue
        for member in group.members:
            if member.certainty != "asserted":
                outlet = outlets.get(member.article_id, member.article_id)
                hedged.setdefault((member.certainty, outlet), set()).update(member.hedges)
        for conflict in group.conflicts:
            values = " vs ".join(v.value for v in conflict.values)
            notes.append(f"Disputed {conflict.attribute}: {values}.")
        if group.contested_certainty:
            notes.append("Outlets differ on how certain it is.")
    for (certainty, outlet), cues in sorted(hedged.items()):
        said = ", ".join(f"“{cue}”" for cue in sorted(cues))
        notes.append(f"{certainty.capitalize()} by {outlet}" + (f" ({said})." if said else "."))
    return list(dict.fromkeys(notes))


def _outlet_of(article_id: str, event: Event) -> str:
    """An article's outlet from the event's parallel ``article_ids`` and ``outlets``."""
    if len(event.article_ids) == len(event.outlets) and article_id in event.article_ids:
        return event.outlets[event.article_ids.index(article_id)]
    return article_id


def _who(reports: Sequence[Mapping[str, Any]], kind: str, value: float) -> str:
    outlets = {r["outlet"] or r["article_id"] for r in reports
               if r["kind"] == kind and _number(r) == value}  # fmt: skip
    return ", ".join(sorted(outlets))


def _number(report: Mapping[str, Any]) -> float:
    """A report's figure; a vague plural as ACLED codes it ("dozens" 12, "hundreds" 100)."""
    value = report.get("value")
    if value is None:
        vague = _VAGUE.search(str(report.get("text") or ""))
        if vague is not None:
            return float(_ACLED_VAGUE[vague.group(1).lower()])
        value = report.get("low")
    return float(value) if value is not None else 0.0


#: ACLED's figures for vague plurals: "tens" 10, "dozens" 12, "hundreds" 100, and so on.
_ACLED_VAGUE: Final = {"tens": 10, "dozens": 12, "scores": 20, "hundreds": 100,
                       "thousands": 1000}  # fmt: skip
_VAGUE = re.compile(r"^\W*(?:\w+ )?(tens|dozens|scores|hundreds|thousands)\b(?! of thousands)",
                    re.IGNORECASE)  # fmt: skip


def _fmt(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


def _clip(text: str, limit: int = 280) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
