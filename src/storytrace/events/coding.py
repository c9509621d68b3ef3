"""Event coding in ACLED's terms: a story's claim groups -> ``Event``s.

1. Each member claim that names an action (see :mod:`.reports`) is a report of an event.
2. Reports specific enough to stand alone (two of: a count, a place, a date, a named
   actor; one, a nationality or an ACLED actor for a battle, a remote attack or a report
   the kind model takes for an ACLED event; none when the model has next to no doubt, see
   :attr:`.reports.Report.specific`) become events; reports of one event, in one claim
   group or in several articles, are merged (:mod:`.merge`).
3. Vaguer reports of the same kind join the one event they fit (same counted nouns, or
   told earlier in the same article); death, injury and evacuation counts without an
   action word join the event told nearest before them in their article; one with no
   event to join is the event the kind model reads in it (:meth:`.reports.Report.alone`).
4. Each event takes the most precise place and date its reports give. With none in its
   sentences, the place comes from the sentence before (refined to the town the article
   names most in that area) and the date from the sentence before in the same paragraph,
   then from the publication date; precision codes say so.
5. Counts keep every reported figure; the conservative value is the lowest.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
from typing import Any, Final

from storytrace.align.groups import SENTENCE, read_vectors
from storytrace.cluster.embed import Vectors
from storytrace.events import acled, interceptions, kinds, protests
from storytrace.events.actors import acled_name, with_period
from storytrace.events.merge import (
    cluster,
    counts_overlap,
    dates_compatible,
    places_compatible,
    same_town,
)
from storytrace.events.notes import summarise
from storytrace.events.reports import (
    TERRITORY,
    Report,
    might_report,
    parse_claim,
    parse_claims,
    read_report,
    takes_no_ground,
)
from storytrace.records import Article, Claim, ClaimGroup, DateMention, Event, EventCount, Place
from storytrace.text.places import (
    country_name,
    geocode,
    places_context,
    region_code,
    region_seat,
)

_SUBJECTS = {"they", "he", "she", "these", "those"}
_TOLL_UNKNOWN = re.compile(
    r"\b(casualt\w*|fatalit\w*|death toll|victims?)\W+(?:\w+\W+){0,3}?"
    r"(unknown|not (?:yet )?known|unclear|not (?:been )?reported|unconfirmed)",
    re.IGNORECASE,
)
_NEAR = re.compile(
    r"\b(near|nearby|outside|close to|outskirts of|vicinity of|around|environs of|surroundings of"
    r"|(?:rural|border) areas? of|countryside of|hinterlands? of|between"
    r"|(?:road|highway|route) (?:to|from|linking)|\d+ ?(?:km|kilomet\w+|miles?) (?:away )?from"
    r"|\d+ ?(?:km|kilomet\w+|miles?)"
    r" (?:\w+ )?(?:north|south|east|west)\w* of|(?:north|south|east|west)\w* of)"
    r"(?: the)?(?: (?:city|town|village|settlement) of)?\s*$",
    re.IGNORECASE,
)
_REGION = re.compile(r"\s*(region|oblast|province|governorate)\b", re.IGNORECASE)
_DISTRICT = re.compile(
    r"\s*(district|raion|rayon|county|municipality|territory|cercle|prefecture|tehsil|lga"
    r"|township|sub-county|woreda|upazila)\b",
    re.IGNORECASE,
)
#: ACLED's conservative rule: an unknown toll is coded 0, and the notes say so.
UNKNOWN_TOLL = "Casualties unknown: fatalities coded 0."
#: The sentence after a report telling that its one victim died ("He died of his injuries
#: later", "The victim succumbed to her wounds"): a toll of one the read stage keeps no
#: claim of, as it names no one.
_DIED_AFTER = re.compile(
    r"^\W*(?:he|she|the (?:victim|man|woman|boy|girl|child|[a-z]+er)) (?:later |subsequently )?"
    r"(?:died|succumbed)\b",
    re.IGNORECASE,
)
#: A note's toll told as a sentence of its own after the report ("3 fatalities.").
_FATALITIES_AFTER = re.compile(r"^\W*(\d+) fatalit(?:y|ies)\b", re.IGNORECASE)
#: Types whose report may name one victim who died after ("shot a trader. He died ...").
_ONE_VICTIM = frozenset({"Violence against civilians", "Battles", "Explosions/Remote violence",
                         "Riots", "Protests"})  # fmt: skip
_NEAR_CHARS = 600  # a consequence joins an event told at most this far before it


def code_events(
    groups: Sequence[ClaimGroup],
    articles: Mapping[str, Article],
    *,
    claims: Sequence[Claim] = (),
    story_id: str = "",
    vectors: Mapping[str, Vectors] | None = None,
) -> list[Event]:
    """The events a story's claim groups report, merged, earliest first.

    ``claims`` are all the story's claims (context for places, dates and pronouns; the
    groups' members when not given); ``vectors`` the read stage's claim vectors
    (:func:`~storytrace.align.groups.read_vectors`), the kind model's sentence features.
    """
    every = list(claims) or [m for g in groups for m in g.members]
    by_article: dict[str, list[Claim]] = {}
    for claim in sorted({c.id: c for c in every}.values(), key=lambda c: c.span):
        by_article.setdefault(claim.article_id, []).append(claim)
    named = [p for c in every for p in c.places]
    context = _ContextByName(named)
    outlets = frozenset(a.outlet for a in articles.values() if a.outlet)
    parse_claims(m.text for g in groups for m in g.members if might_report(m))
    if vectors is None and kinds.load_model().dense is not None:
        vectors = read_vectors([m for g in groups for m in g.members if might_report(m)])
    reports: list[Report] = []
    for group in groups:
        for claim in group.members:
            if not might_report(claim):
                continue
            before = [c for c in by_article.get(claim.article_id, []) if c.span[1] <= claim.span[0]]
            report = read_report(claim, group, before=before, sources=outlets,
                                 vector=sentence_vector(claim, vectors))  # fmt: skip
            if report is not None:
                reports.append(_in_context(report, context))
    clusters = interceptions.absorb(protests.absorb(_clusters(reports), articles), articles)
    coder = _Coder(articles, by_article, {g.id: g for g in groups}, story_id)
    events = [coder.event(members) for members in clusters]
    return sorted(events, key=lambda e: ((e.date.start or "") if e.date else "~", e.id))


def sentence_vector(claim: Claim, vectors: Mapping[str, Vectors] | None) -> Vectors | None:
    """The claim's whole-sentence vector among the read stage's, if it was encoded."""
    if vectors is None:
        return None
    found = vectors.get(claim.id + SENTENCE)
    return found if found is not None else vectors.get(claim.id)


class _ContextByName:
    """The story's countries and regions, as context for one place name.

    A name's own mentions are left out of its context: a first guess ("Paris" -> France)
    must not vote for itself against the story's other places (Texas).
    """

    def __init__(self, places: Sequence[Place]) -> None:
        self._places = places
        self._cache: dict[str, set[str]] = {}

    def __call__(self, text: str) -> set[str]:
        key = text.casefold().strip()
        if key not in self._cache:
            others = (p for p in self._places if p.text.casefold().strip() != key)
            self._cache[key] = places_context(others)
        return self._cache[key]


def _in_context(report: Report, context: _ContextByName) -> Report:
    """Re-geocode the report's places with the whole story's countries and regions."""
    places = []
    for place in report.places:
        # a name written with its region ("Abuja, Federal Capital Territory") was placed there
        again = (
            geocode(place.text, context(place.text))
            if place.precision == "city" and "," not in place.text
            else None
        )
        places.append(replace(again, span=place.span) if again is not None else place)
    return replace(report, places=tuple(places))


def _clusters(reports: Sequence[Report]) -> list[list[Report]]:
    """Specific reports merged into events; vaguer reports and consequences attached."""
    specific = [r for r in reports if r.event_type and r.specific]
    protos = [_proto(r) for r in specific]
    index = {id(p): r for p, r in zip(protos, specific, strict=True)}
    first_of: dict[str, int] = {}
    together = []
    for i, report in enumerate(specific):
        together.append((i, first_of.setdefault(report.group.id, i)))
    clusters = [[index[id(p)] for p in group] for group in cluster(protos, together=together)]
    clusters = _merge_clusters(clusters)
    waiting = [r for r in reports if r.event_type and not r.specific]
    while waiting:
        placed = [r for r in waiting if _attach(r, _fit(r, clusters))]
        if not placed:
            break
        waiting = [r for r in waiting if r not in placed]
    for report in reports:
        if report.event_type is None and not _attach(report, _nearest_before(report, clusters)):
            alone = report.alone()
            if alone is not None:
                clusters.append([alone])
    return _merge_clusters(clusters)


def _merge_clusters(clusters: list[list[Report]]) -> list[list[Report]]:
    """Merge events whose reports, taken together, match (a place from one report and a
    date from another can meet those of another event)."""
    while len(clusters) > 1:
        merged = cluster([_cluster_proto(members) for members in clusters])
        if len(merged) == len(clusters):
            break
        by_id = {id(_first(m)): m for m in clusters}
        clusters = [[r for e in group for r in by_id[id(_first_of(e, clusters))]]
                    for group in merged]  # fmt: skip
    return clusters


def _first(members: list[Report]) -> Report:
    return members[0]


def _first_of(event: Event, clusters: list[list[Report]]) -> Report:
    return next(m[0] for m in clusters if m[0].claim.id == event.id)


def _cluster_proto(members: list[Report]) -> Event:
    """One event standing for a cluster of reports, only for matching."""
    kinds = Counter((r.event_type, r.sub_event_type, r.action) for r in members if r.event_type)
    (event_type, sub_type, action), _ = kinds.most_common(1)[0]
    return Event(
        id=members[0].claim.id,
        event_type=event_type or "",
        sub_event_type=sub_type or "",
        actors=tuple(dict.fromkeys(a for r in members for a in r.actors)),
        location=_place(members),
        date=_date(members),
        count=EventCount.of({"reports": [_count_dict(c) for r in members for c in r.counts]}),
        targets=tuple(dict.fromkeys(t for r in members for t in r.targets)),
        action=action,
    )


def _attach(report: Report, members: list[Report] | None) -> bool:
    if members is None:
        return False
    members.append(report)
    return True


def _proto(report: Report) -> Event:
    """A one-report event, only for matching (see :func:`.merge.events_match`)."""
    return Event(
        id=report.claim.id,
        event_type=report.event_type or "",
        sub_event_type=report.sub_event_type or "",
        actors=report.actors,
        location=report.places[0] if report.places else None,
        date=report.dates[0] if report.dates else None,
        count=EventCount.of({"kind": "people", "reports": [_count_dict(c) for c in report.counts]}),
        targets=report.targets,
        action=report.action,
    )


def _fit(report: Report, clusters: list[list[Report]]) -> list[Report] | None:
    """The one event a vague report fits: same action, compatible place and date, and
    its claim group, an overlapping count, or shared nouns or place in the same article."""
    same = [
        c
        for c in clusters
        if c[0].action == report.action
        and places_compatible(_place(c), report.places[0] if report.places else None)
        and dates_compatible(_date(c), report.dates[0] if report.dates else None)
    ]
    for members in same:
        if any(r.group.id == report.group.id for r in members):
            return members
    mine = [(q.quantity.low, q.quantity.high) for q in report.counts]
    by_count = [c for c in same if counts_overlap(mine, [(q.quantity.low, q.quantity.high)
                                                        for r in c for q in r.counts])]  # fmt: skip
    if len(by_count) == 1:
        return by_count[0]
    local = [c for c in same if any(r.claim.article_id == report.claim.article_id for r in c)]
    by_nouns = [c for c in local if any(report.nouns & r.nouns for r in c)]
    if len(by_nouns) == 1:
        return by_nouns[0]
    by_place = [c for c in local if report.places and same_town(_place(c), report.places[0])]
    if len(by_place) == 1:
        return by_place[0]
    return None


def _nearest_before(report: Report, clusters: list[list[Report]]) -> list[Report] | None:
    """The event told just before a consequence in its article (or in its claim group)."""
    best: tuple[int, list[Report]] | None = None
    for members in clusters:
        for other in members:
            if other.event_type is None:
                continue
            if other.group.id == report.group.id:
                return members
            if other.claim.article_id != report.claim.article_id:
                continue
            distance = report.claim.span[0] - other.claim.span[1]
            if 0 <= distance <= _NEAR_CHARS and (best is None or distance < best[0]):
                best = (distance, members)
    return best[1] if best else None


def _place(reports: Sequence[Report]) -> Place | None:
    order = {"city": 0, "region": 1, "country": 2}
    places = [p for r in reports for p in r.places]
    return min(places, key=lambda p: order.get(p.precision, 3), default=None)


def _date(reports: Sequence[Report]) -> DateMention | None:
    """The most precise of the reports' dates, each report's best first (the date its
    action word governs: "shelled the village at the weekend, residents said on Monday"
    is the weekend's)."""
    order = {"day": 0, "month-day": 0, "week": 1, "month": 2, "year": 3}
    dates = [r.dates[0] for r in reports if r.dates]
    return min(dates, key=lambda d: order.get(d.precision, 4), default=None)


def _count_dict(count: Any, outlet: str | None = None) -> dict[str, Any]:
    q = count.quantity
    return {
        "text": q.text,
        "value": q.value,
        "low": q.low,
        "high": q.high,
        "counted": q.counted,
        "kind": count.kind,
        "article_id": count.article_id,
        "outlet": outlet,
        "claim_group_id": count.group_id,
    }


class _Coder:
    """Turns the reports of one event into an ``Event`` with its context filled in."""

    def __init__(
        self,
        articles: Mapping[str, Article],
        by_article: Mapping[str, list[Claim]],
        groups: Mapping[str, ClaimGroup],
        story_id: str,
    ) -> None:
        self.articles = articles
        self.by_article = by_article
        self.groups = groups
        self.story_id = story_id

    def outlet(self, article_id: str) -> str:
        article = self.articles.get(article_id)
        return (article.outlet or article.title or article_id) if article else article_id

    def event(self, reports: list[Report]) -> Event:
        kinds = Counter((r.event_type, r.action) for r in reports if r.event_type)
        common = kinds.most_common(1)[0][0]
        lead = min(
            (r for r in reports if (r.event_type, r.action) == common),
            key=lambda r: (not r.specific, r.claim.id),
        )
        place, place_inferred = self._town_over_district(_place(reports), reports), False
        if place is None:
            place, place_inferred = self._context_place(lead.claim), True
        date, date_inferred = _date([r for r in reports if r.event_type]) or _date(reports), False
        if date is None:
            date, date_inferred = self._context_date(lead.claim), True
        if place is not None and place.precision == "city" and self._names_region(place, reports):
            place = replace(place, name=place.admin1 or place.name, precision="region")
        geo = acled.geo_precision(place, inferred=place_inferred)
        if geo == 1 and place is not None and self._near(place, reports):
            geo = 2
        if place is not None and place.precision == "region" and place.lat is None:
            seat = region_seat(place)
            if seat is not None:
                place = Place(place.text, place.name, place.country, place.admin1,
                              seat.lat, seat.lon, place.precision, place.span)  # fmt: skip
        group_ids = tuple(dict.fromkeys(r.group.id for r in reports))
        article_ids = tuple(dict.fromkeys(r.claim.article_id for r in reports))
        origins = _origin_names(self.groups[gid] for gid in group_ids)
        counts = {(c.quantity.span, c.article_id): c for r in reports for c in r.counts}
        told = [_count_dict(c, self.outlet(c.article_id)) for c in counts.values()]
        if not any(c.kind == "fatalities" for c in counts.values()):
            told += self._died_after(lead)
        event_type, sub_type = lead.event_type or "", lead.sub_event_type or ""
        if sub_type in TERRITORY and all(
            takes_no_ground(self.articles[a].text) for a in article_ids if a in self.articles
        ):
            event_type, sub_type = "Battles", "Armed clash"  # no ground taken: a clash
        event = Event(
            id="ev-" + hashlib.sha256(lead.claim.id.encode()).hexdigest()[:12],
            event_type=event_type,
            sub_event_type=sub_type,
            actors=_with_country(_acting(reports, event_type, sub_type), place),
            location=place,
            date=date,
            count=EventCount.of({"reports": told}),
            claim_group_ids=group_ids,
            sources=tuple(dict.fromkeys(origins)) or tuple(self.outlet(a) for a in article_ids),
            disorder_type=acled.disorder_type(event_type, sub_type),
            geo_precision=geo,
            time_precision=acled.time_precision(date, inferred=date_inferred)
            if date is not None and date.precision != "reported"
            else (3 if date is not None else None),
            targets=_with_country(_acted_on(reports, event_type), place),
            article_ids=article_ids,
            outlets=tuple(dict.fromkeys(self.outlet(a) for a in article_ids)),
            story_ids=(self.story_id,) if self.story_id else (),
            related_places=self._related(reports, place),
            action=lead.action,
        )
        event = summarise(event, self.groups, place_inferred=place_inferred)
        if not event.count.get("fatalities") and any(self._toll_unknown(r.claim) for r in reports):
            event = replace(event, notes=f"{event.notes} {UNKNOWN_TOLL}".strip())
        return event

    def _names_region(self, place: Place, reports: Sequence[Report]) -> bool:
        """The town's name is told as its first-level region's ("in the Sumy region"):
        ACLED's 3. A province named after a town that is no first-level region ("Satipo
        province, Junin") is the town's district: see :meth:`_near`."""
        return self._followed_by(place, reports, _REGION, 16) and self._first_level(place)

    @staticmethod
    def _first_level(place: Place) -> bool:
        """A province or region named after the town is the first-level region, unless
        the report names the region after it ("Satipo province, Junin": a town written
        with its region, see ``text.town_region``)."""
        return "," not in place.text

    def _followed_by(
        self, place: Place, reports: Sequence[Report], word: re.Pattern[str], reach: int
    ) -> bool:
        """Whether a report's text after the place's name matches ``word`` ("region",
        "district") within ``reach`` characters."""
        for report in reports:
            article = self.articles.get(report.claim.article_id)
            after = article.text[place.span[1] : place.span[1] + reach] if article else ""
            if place in report.places and word.match(after):
                return True
        return False

    def _town_over_district(self, place: Place | None, reports: Sequence[Report]) -> Place | None:
        """A town named as a district's ("Glushkovo district") yields to a town of the same
        region named as itself ("the village of Tyotkino in Glushkovo district, Kursk")."""
        if place is None or place.precision != "city" or not self._district(place, reports):
            return place
        for report in reports:
            for other in report.places:
                if (
                    other.precision == "city"
                    and other.country == place.country
                    and region_code(other) == region_code(place)
                    and not self._district(other, reports)
                ):
                    return other
        return place

    def _district(self, place: Place, reports: Sequence[Report]) -> bool:
        """The town's name is told as its district's ("Hays district")."""
        return self._followed_by(place, reports, _DISTRICT, 14)

    def _near(self, place: Place, reports: Sequence[Report]) -> bool:
        """The town is named as near the event ("near", "outside", "10 km north of") or
        as a district's name, or with its district in brackets after another name: ACLED's
        geo_precision 2."""
        for report in reports:
            article = self.articles.get(report.claim.article_id)
            if article is None or place not in report.places:
                continue
            before = article.text[max(0, place.span[0] - 40) : place.span[0]]
            after = article.text[place.span[1] : place.span[1] + 16]
            if _NEAR.search(before) or _DISTRICT.match(after) or before.rstrip().endswith("("):
                return True  # "Boni (Douentza, Mopti)": the place's district
            if _REGION.match(after) and not self._first_level(place):
                return True  # "Satipo province, Junin": a province of a region
        return False

    def _died_after(self, lead: Report) -> list[dict[str, Any]]:
        """A toll told by the sentence after the lead report, which the read stage keeps no
        claim of (see :data:`_DIED_AFTER`, :data:`_FATALITIES_AFTER`)."""
        article = self.articles.get(lead.claim.article_id)
        if article is None or lead.event_type not in _ONE_VICTIM:
            return []
        after = article.text[lead.claim.span[1] : lead.claim.span[1] + 120]
        found = _DIED_AFTER.search(after) or _FATALITIES_AFTER.search(after)
        if found is None:
            return []
        where = lead.claim.article_id
        value = float(found.group(1)) if found.re is _FATALITIES_AFTER else 1.0
        return [{"text": found.group(0).strip(), "value": value, "low": value, "high": value,
                 "counted": "person", "kind": "fatalities", "article_id": where,
                 "outlet": self.outlet(where), "claim_group_id": lead.group.id}]  # fmt: skip

    def _toll_unknown(self, claim: Claim) -> bool:
        """The report's sentence or the next one says the toll is not known."""
        article = self.articles.get(claim.article_id)
        if article is None:
            return False
        return _TOLL_UNKNOWN.search(article.text[claim.span[0] : claim.span[1] + 160]) is not None

    def _context_place(self, claim: Claim) -> Place | None:
        """The most specific place of the sentence before; a region or country is refined
        to the town the article names most inside it."""
        claims = self.by_article.get(claim.article_id, [])
        before = [c for c in claims if c.span[1] <= claim.span[0]][-2:]
        places = [p for c in reversed(before) for p in c.places]
        order = {"city": 0, "region": 1, "country": 2}
        best = min(places, key=lambda p: order.get(p.precision, 3), default=None)
        if best is None or best.precision == "city":
            return best
        towns = Counter(
            (p.name, p.country, p.admin1, p.lat, p.lon)
            for c in claims
            for p in c.places
            if p.precision == "city" and places_compatible(p, best)
        )
        if not towns:
            return best
        (name, country, admin1, lat, lon), _ = towns.most_common(1)[0]
        return Place(best.text, name, country, admin1, lat, lon, "city", best.span)

    def _context_date(self, claim: Claim) -> DateMention | None:
        """The date of the sentence before in the same paragraph, else the publication date."""
        article = self.articles.get(claim.article_id)
        claims = self.by_article.get(claim.article_id, [])
        before = [c for c in claims if c.span[1] <= claim.span[0]][-1:]
        if before and article is not None and before[0].dates:
            gap = article.text[before[0].span[1] : claim.span[0]]
            if "\n\n" not in gap:
                return before[0].dates[0]
        if article is not None and article.published and article.published[:4].isdigit():
            day = article.published[:10]
            return DateMention(f"reported {day}", day, day, "reported")
        return None

    def _related(self, reports: Sequence[Report], place: Place | None) -> tuple[Place, ...]:
        """Places of the sentence after a report when it goes on about the same people."""
        found: dict[str, Place] = {}
        for report in reports:
            claims = self.by_article.get(report.claim.article_id, [])
            after = [c for c in claims if c.span[0] >= report.claim.span[1]][:1]
            for claim in after:
                subjects = {
                    t.lower_ for t in parse_claim(claim.text) if t.dep_ in ("nsubj", "nsubjpass")
                }
                if not subjects & _SUBJECTS:
                    continue
                for other in claim.places:
                    if not _contains(other, place):
                        found.setdefault(other.name, other)
        return tuple(found.values())


def _contains(outer: Place, inner: Place | None) -> bool:
    """``outer`` is ``inner`` or holds it (its country, its region)."""
    if inner is None:
        return False
    if outer.name == inner.name:
        return True
    if outer.precision == "country":
        return outer.country == inner.country
    return outer.precision == "region" and outer.admin1 == inner.admin1


def _origin_names(groups: Iterable[ClaimGroup]) -> list[str]:
    """The groups' origins, one name per origin (spelling variants folded)."""
    names: list[str] = []
    seen: set[str] = set()
    for group in groups:
        for origin in group.origins:
            spellings = {origin.name, *origin.variants}
            if not spellings & seen:
                names.append(origin.name)
            seen |= spellings
    return names


#: Sub-types whose unnamed perpetrator ACLED codes as "Unidentified Armed Group (country)".
_UNSEEN_HANDS: Final = frozenset({"Suicide bomb", "Remote explosive/landmine/IED", "Grenade"})
#: Event types in which civilians are acted on, never the acting side.
_CIVILIANS_SUFFER: Final = frozenset(
    {"Violence against civilians", "Explosions/Remote violence", "Strategic developments"}
)


def _acting(reports: Sequence[Report], event_type: str, sub_type: str) -> list[str]:
    """The event's acting sides: civilians counted in an attack are its victims, not its
    actor ("bandits abducted 30 passengers"); a bomb, a grenade or an attack on civilians
    whose perpetrator no report names is an unidentified armed group's, as ACLED codes it."""
    names = [a for r in reports for a in r.actors]
    if event_type in _CIVILIANS_SUFFER:
        names = [a for a in names if not a.startswith("Civilians")]
    if event_type not in ("Protests", "Riots"):  # a crowd read before the type was settled
        names = [a for a in names if not a.startswith(("Protesters", "Rioters"))]
    else:
        names = _demonstrators(names, event_type)
    if not names and (sub_type in _UNSEEN_HANDS or event_type == "Violence against civilians"):
        names = ["Unidentified Armed Group"]
    return names


#: The state's forces: in a protest, the side that acts on the protesters (ACLED's actor2).
_STATE_SIDES: Final = ("Police Forces", "Military Forces")


def _demonstrators(names: list[str], event_type: str) -> list[str]:
    """A demonstration's actors as ACLED names them: the crowd first, "Protesters (...)" in
    a protest and "Rioters (...)" in a riot (the type settles which, whatever the sentence
    that named them); the police or the army that broke up a protest are acted on, not
    acting (:func:`_acted_on`)."""
    crowd, other = {"Protests": ("Protesters", "Rioters"), "Riots": ("Rioters", "Protesters")}[
        event_type
    ]
    named = [crowd + a[len(other) :] if a.startswith(other) else a for a in names]
    if event_type == "Protests":
        named = [a for a in named if not a.startswith(_STATE_SIDES)]
    if not any(a.startswith(crowd) for a in named):
        named.insert(0, crowd)
    return list(dict.fromkeys(sorted(named, key=lambda a: not a.startswith(crowd))))


def _acted_on(reports: Sequence[Report], event_type: str) -> list[str]:
    """The sides acted on, with the civilians :func:`_acting` takes from the actors and the
    state's forces that acted on a protest."""
    moved = [a for r in reports for a in r.actors if a.startswith("Civilians")]
    targets = [t for r in reports for t in r.targets]
    if event_type == "Protests":
        forces = [a for r in reports for a in r.actors if a.startswith(_STATE_SIDES)]
        crowd = [t for t in targets if not t.startswith(("Protesters", "Rioters"))]
        return list(dict.fromkeys([*forces, *crowd]))
    if event_type not in _CIVILIANS_SUFFER:
        return targets
    targets += moved
    if event_type == "Violence against civilians" and not any(
        t.startswith("Civilians") for t in targets
    ):
        targets.insert(0, "Civilians")  # violence against civilians has civilians for actor2
    return targets


#: ACLED actor kinds named with their country in brackets ("Civilians (Mali)").
_CROWDS: Final = ("Civilians", "Protesters", "Rioters", "Unidentified Armed Group", "Settlers")


def _with_country(names: Iterable[str], place: Place | None) -> tuple[str, ...]:
    """ACLED labels without a country take the event's ("Military Forces" -> "... of Russia")."""
    country = country_name(place.country) if place is not None else None
    found: list[str] = []
    for name in names:
        if name in ("Military Forces", "Police Forces") and country:
            name = f"{name} of {country}"
        elif name in _CROWDS and country:
            name = f"{name} ({country})"
        found.append(with_period(acled_name(name)))
    return tuple(dict.fromkeys(found))
