"""Provenance and verdicts: each claim group's origins, independent sources and verdict."""

from __future__ import annotations

import hashlib
import itertools
import re
from collections.abc import Callable, Mapping, Sequence

from rapidfuzz import fuzz

from storytrace.align.conflicts import contested_certainty, denying, find_conflicts
from storytrace.provenance.accounts import speaks_as_party
from storytrace.provenance.origins import (
    OriginNames,
    by_role_only,
    merge_origins,
    name_key,
    names_its_source,
    same_source,
)
from storytrace.records import (
    Article,
    Attribution,
    Claim,
    ClaimGroup,
    Conflict,
    ConflictValue,
    Origin,
    OriginKind,
    ReuseEdge,
    Verdict,
)
from storytrace.reuse import covers

_CITED_KINDS = ("outlet", "organisation", "document")
TellsAlike = Callable[[Claim, Claim], bool]  # two members state the same fact alike
QUOTE_ONLY = "shared quotation only"
_FUNCTION = {"the", "a", "an", "of"}


def outlet_name(article: Article) -> str:
    """How an article's outlet is named in origins and evidence."""
    return article.outlet or article.title or f"article {article.id}"


def cited_sources(claims: Sequence[Claim]) -> dict[str, list[str]]:
    """The outlets, organisations and documents each article names as a source."""
    cited: dict[str, list[str]] = {}
    for claim in claims:
        attribution = claim.attribution
        if attribution is not None and attribution.kind in _CITED_KINDS:
            names = cited.setdefault(claim.article_id, [])
            if attribution.source not in names:
                names.append(attribution.source)
    return cited


def _stated_origin(claim: Claim, article: Article) -> Origin | None:
    """The origin a claim names itself, if it names a source."""
    attribution = claim.attribution
    if attribution is None or not names_its_source(attribution):
        return None
    kind: OriginKind = "speaker" if attribution.kind == "person" else "cited_source"
    if attribution.kind == "outlet" and same_source(attribution.source, outlet_name(article)):
        return Origin(outlet_name(article), "outlet", (attribution.source,))
    return Origin(attribution.source, kind, (attribution.source,))


def trace_origins(
    members: Sequence[Claim],
    articles: Mapping[str, Article],
    *,
    edges: Sequence[ReuseEdge] = (),
    cited: Mapping[str, Sequence[str]] | None = None,
    accounts: Mapping[str, Origin] | None = None,
) -> dict[str, Origin]:
    """The origin of each member, by claim id.

    1. A member that names its source (a cited outlet or document, a speaker) has that
       origin; so does one that tells the account its paragraph attributes to a source
       (``accounts``, from :func:`~storytrace.provenance.accounts.paragraph_sources`).
    2. A member in a passage copied from another article has the origin of that article's
       member, or that article's outlet.
    3. A member that names no source, in an article whose other members of this group
       name one (a speaker, a cited outlet or document), is traced to that source: the
       article tells the fact once on someone's authority and retells it unattributed
       (not a member that denies it: a denial retells no one's account; nor in rule 4).
    4. A member that names no source, in an article that elsewhere cites a source another
       member names for this claim, is traced to that source.
    5. A member whose speaker the text gives only by a role ("the Vermont senator said")
       has that role as its origin; :func:`confirms` never counts it, for the role may
       stand for any of the group's named speakers.
    6. Otherwise the outlet's own reporting is the origin.
    7. A member that cites another outlet of the group, whose own article tells the fact,
       has the origin that article gives it (:func:`_through_cited_outlets`).
    """
    cited = cited or {}
    accounts = accounts or {}
    origins: dict[str, Origin] = {}
    for claim in members:
        stated = _stated_origin(claim, articles[claim.article_id]) or accounts.get(claim.id)
        if stated is not None:
            origins[claim.id] = stated
    named = [o for o in origins.values() if o.kind != "outlet"]
    for claim in members:
        if claim.id in origins:
            continue
        copied = _copied_from(claim, members, articles, edges, origins)
        if copied is not None:
            origins[claim.id] = copied
            continue
        article = articles[claim.article_id]
        retold = claim.certainty != "denied"  # a denial retells no one's account
        origins[claim.id] = (
            (retold and _same_article(claim, members, origins))
            or (retold and _inherited(named, cited.get(claim.article_id, ())))
            or _by_role(claim)
            or Origin(outlet_name(article), "outlet", (outlet_name(article),))
        )
    return _through_cited_outlets(members, articles, origins)


def _through_cited_outlets(
    members: Sequence[Claim], articles: Mapping[str, Article], origins: dict[str, Origin]
) -> dict[str, Origin]:
    """Origins with a member that cites another outlet of the group for it ("SOFREP
    reported that ...", where SOFREP's own article tells the fact) traced on to the origin
    that outlet's article gives the fact: a relay of that article, not a new origin."""
    by_outlet: dict[str, list[Claim]] = {}
    for member in members:
        by_outlet.setdefault(outlet_name(articles[member.article_id]), []).append(member)
    relayed = {  # each member's source matched against the group's outlets once
        member.id: [
            other.id
            for outlet, told in by_outlet.items()
            if same_source(member.attribution.source, outlet)
            for other in told
            if other.article_id != member.article_id
        ]
        for member in members
        if member.attribution is not None
    }
    relayed = {key: ids for key, ids in relayed.items() if ids}
    for _ in range(len(by_outlet)):  # a relay of a relay: follow the chain, each step once
        changed = False
        for key, ids in relayed.items():
            if origins[key].kind == "outlet":
                continue
            traced = [origins[i] for i in ids]
            origin = ([o for o in traced if o.kind != "outlet"] or traced)[0]
            if origin != origins[key]:
                origins[key] = origin
                changed = True
        if not changed:
            break
    return origins


def _by_role(claim: Claim) -> Origin | None:
    """A speaker the text gives only by a role, as the role: shown, never counted."""
    attribution = claim.attribution
    if attribution is None or not by_role_only(attribution):
        return None
    return Origin(attribution.source, "speaker", (attribution.source,))


def _same_article(
    claim: Claim, members: Sequence[Claim], known: Mapping[str, Origin]
) -> Origin | None:
    """The named origin that the claim's own article gives this fact in another member."""
    for other in members:
        origin = known.get(other.id)
        if other.article_id == claim.article_id and origin is not None and origin.kind != "outlet":
            return origin
    return None


def _inherited(named: Sequence[Origin], article_cites: Sequence[str]) -> Origin | None:
    """A named origin of the group that this article also cites, in the article's spelling."""
    for origin in named:
        for name in article_cites:
            if same_source(origin.name, name):
                return Origin(origin.name, origin.kind, (name,))
    return None


def _copy_source(
    article_id: str, span: tuple[int, int], edges: Sequence[ReuseEdge]
) -> tuple[str, tuple[int, int]] | None:
    """The article a span was copied from (the most-contained copy edge) and the span there."""
    best: tuple[float, str, tuple[int, int]] | None = None
    for edge in edges:
        if edge.target != article_id or QUOTE_ONLY in edge.direction_evidence:
            continue
        if not covers(edge, article_id, span):
            continue
        passage = max(
            edge.passages,
            key=lambda p: min(span[1], p.target_span[1]) - max(span[0], p.target_span[0]),
        )
        if best is None or edge.containment > best[0]:
            best = (edge.containment, edge.source, passage.source_span)
    return None if best is None else (best[1], best[2])


def _copied_from(
    claim: Claim,
    members: Sequence[Claim],
    articles: Mapping[str, Article],
    edges: Sequence[ReuseEdge],
    known: Mapping[str, Origin],
) -> Origin | None:
    """Follow copied text back to the first article in the chain, and take its origin there."""
    article_id, span = claim.article_id, claim.span
    seen = {article_id}
    while (step := _copy_source(article_id, span, edges)) is not None and step[0] not in seen:
        article_id, span = step
        seen.add(article_id)
    if article_id == claim.article_id or article_id not in articles:
        return None
    for other in members:
        overlap = min(span[1], other.span[1]) - max(span[0], other.span[0])
        if other.article_id == article_id and overlap > 0 and other.id in known:
            return known[other.id]
    source = articles[article_id]
    return Origin(outlet_name(source), "outlet", (outlet_name(source),))


def confirms(member: Claim, origin: Origin) -> bool:
    """Whether a member counts as a confirmation: its own article asserts it (no hedge,
    not called unconfirmed, not denied) on the word of a source that is no party to it and
    that the text names (not a speaker given only by a role)."""
    if member.certainty != "asserted" or _role_origin(member, origin) or _asserts_nothing(member):
        return False
    return not speaks_as_party(member, origin)


_ASKING = re.compile(r"^(ask|wonder|question|inquir|enquir)(s|es|e|ed|ing)?$", re.IGNORECASE)


def _asserts_nothing(member: Claim) -> str | None:
    """Why a member states no fact, if it does not: its source asks a question ("Earhardt
    asked Rubio which states he could win"), its main clause is conditional ("If it were
    just Trump versus Rubio, Rubio would win"), or it relays a report that names no one
    ("It has been reported that ...", "according to reports"): whose report it is, and so
    whether it is another origin, the text does not say."""
    attribution = member.attribution
    cue = attribution.cue.split() if attribution is not None and attribution.cue else []
    if any(_ASKING.match(word) for word in cue[:2]):
        return "a question"
    if attribution is not None and _unnamed_report(attribution):
        return "an unnamed report"
    if member.mentions and member.mentions[0].modality == "conditional":
        return "conditional"
    return None


_PASSIVE = {"is", "was", "were", "are", "been", "be", "'s", "’s"}
_REPORTS = re.compile(r"^(?:(?:media|news|press|published|local|other|earlier) )?reports?$", re.I)


def _unnamed_report(attribution: Attribution) -> bool:
    """An attribution to nobody the text marks (a passive "it was reported") or to
    "reports" at large."""
    if attribution.kind != "unnamed":
        return False
    if not attribution.source and not attribution.source_text and attribution.source_span is None:
        return bool(_PASSIVE & set(attribution.cue.lower().split()))
    return bool(_REPORTS.match((attribution.source_text or attribution.source).strip()))


def _role_origin(member: Claim, origin: Origin) -> bool:
    """The member's origin is a speaker the text gives only by a role."""
    attribution = member.attribution
    return (
        by_role_only(attribution)
        and attribution is not None
        and (name_key(origin.name) == name_key(attribution.source))
    )


def corroborating_origins(
    members: Sequence[Claim], traced: Mapping[str, Origin], alike: TellsAlike | None
) -> list[Origin]:
    """The confirming origins that state the fact alike with a member of another confirming
    origin in another article (all confirming origins when ``alike`` is None): sources that
    say related things in one group, but never the same thing, confirm nothing of each
    other; nor do two sentences of one article, which tells a fact once (two sources of one
    article who agree are one sentence: "X and Y said"); nor a speaker and the organisation
    he is introduced as speaking for (:func:`speaks_for`)."""
    counted = [m for m in members if confirms(m, traced[m.id])]
    if alike is None:
        return merge_origins([traced[m.id] for m in counted])
    found: list[Origin] = []
    for a, b in itertools.combinations(counted, 2):
        first, second = traced[a.id], traced[b.id]
        if a.article_id == b.article_id:
            continue
        if same_source(first.name, second.name) or speaks_for(a, second) or speaks_for(b, first):
            continue
        if verbatim(a.text, b.text):
            continue  # one sentence in two articles is copied, not reported twice
        if alike(a, b):
            found += [first, second]
    return merge_origins(found)


def speaks_for(member: Claim, origin: Origin) -> bool:
    """Whether the member's speaker is introduced as speaking for ``origin``, an
    organisation or outlet: "FBI Director James Comey stated ..." speaks for "the FBI", so
    the FBI's conclusion and Comey's statement are one source, not two; so does a person
    for a body named as theirs ("Trump's campaign", "Ryan's office")."""
    attribution = member.attribution
    if attribution is None or attribution.kind != "person" or origin.kind == "speaker":
        return False
    possessor = _POSSESSOR.match(origin.name)
    if possessor and _surname(possessor.group(1)) == _surname(attribution.source):
        return True  # "Trump's campaign" speaks for Donald Trump
    marked = attribution.source_text or attribution.source
    words = [w for w in re.findall(r"[\w'’.-]+", origin.name.lower()) if w not in _FUNCTION]
    if not words or same_source(marked, origin.name):
        return False
    return re.search(r"\b" + r"\W+".join(map(re.escape, words)) + r"\b", marked.lower()) is not None


def _surname(name: str) -> str:
    words = name_key(name).split()
    return words[-1] if words else ""


_POSSESSOR = re.compile(r"^(.*?\w)['’]s?\s+\w")  # "Trump's campaign", "Ryan's office"
_VERBATIM_CHARS = 60  # shorter sentences may well be written alike independently
_VERBATIM_RATIO = 95


def verbatim(a: str, b: str) -> bool:
    """Whether two sentences are one text (punctuation, spacing and case aside)."""
    first, second = _letters(a), _letters(b)
    if min(len(first), len(second)) < _VERBATIM_CHARS:
        return False
    return fuzz.ratio(first, second) >= _VERBATIM_RATIO


def _letters(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.lower()))


def _slot_values(conflict: Conflict) -> tuple[str, frozenset[str]]:
    """A conflict's kind of slot ("count", "place" ...) and its values: one disagreement
    found both on the sentences and on their event mentions is shown once."""
    return conflict.attribute.split(":")[0], frozenset(v.value for v in conflict.values)


def judge_group(
    members: Sequence[Claim],
    articles: Mapping[str, Article],
    *,
    edges: Sequence[ReuseEdge] = (),
    cited: Mapping[str, Sequence[str]] | None = None,
    accounts: Mapping[str, Origin] | None = None,
    names: OriginNames | None = None,
    facts: Sequence[Conflict] = (),
    alike: TellsAlike | None = None,
) -> ClaimGroup:
    """One claim group with its origins, independent-source count, conflicts and verdict.

    The rules (``docs/verdicts.md``): a member counts as a confirmation only when
    :func:`confirms`; ``corroborated`` needs two independent origins that confirm and,
    given ``alike`` (the claim pair scorer), state the fact alike;
    ``single_source`` is one article, or several with one confirming origin among
    others that do not confirm; ``echoed`` is several articles from one origin.
    ``facts`` are slot conflicts found on the group's event mentions.
    """
    traced = trace_origins(members, articles, edges=edges, cited=cited, accounts=accounts)
    if names is not None:
        traced = {key: names.resolve(origin) for key, origin in traced.items()}
    origins = merge_origins(list(traced.values()))
    conflicts = [
        c for c in find_conflicts(members) if c.attribute != "polarity" and articles_disagree(c)
    ]
    seen = {_slot_values(c) for c in conflicts}
    conflicts += [c for c in facts if _slot_values(c) not in seen]
    polarity = _polarity(members, traced)
    if polarity is not None:
        conflicts.append(polarity)
    confirming = merge_origins([traced[m.id] for m in members if confirms(m, traced[m.id])])
    article_ids = list(dict.fromkeys(m.article_id for m in members))
    verdict: Verdict
    if conflicts:
        verdict = "conflicting"
    elif len(article_ids) == 1:
        verdict = "single_source"
    elif (
        len(confirming) >= 2
        and len(alike_ones := corroborating_origins(members, traced, alike)) >= 2
    ):
        verdict = "corroborated"
        confirming = alike_ones
    elif len(origins) == 1:
        verdict = "echoed"
    else:
        verdict = "single_source"
    independent = len(confirming) if verdict in ("corroborated", "conflicting") else 1
    outlets = list(dict.fromkeys(outlet_name(articles[a]) for a in article_ids))
    lead = min(members, key=lambda m: (m.certainty != "asserted", -len(m.quantities), m.span[0]))
    digest = hashlib.sha256("|".join(sorted(m.id for m in members)).encode()).hexdigest()[:12]
    evidence = _evidence(verdict, outlets, origins, len(article_ids))
    if verdict == "single_source" and len(confirming) >= 2:
        evidence = (
            f"{len(article_ids)} articles ({', '.join(outlets)}) tell related claims from "
            f"{len(confirming)} sources, but no two independent sources state the same fact "
            f"alike; origins: {', '.join(o.name for o in origins)}."
        )
    unconfirming = _not_counted(members, traced, articles)
    if unconfirming and len(article_ids) > 1:
        evidence += " Not counted as confirmation: " + "; ".join(unconfirming) + "."
    return ClaimGroup(
        id=f"cg-{digest}",
        text=lead.text,
        verdict=verdict,
        members=tuple(members),
        origins=tuple(origins),
        independent_sources=max(1, independent),
        contested_certainty=contested_certainty(members),
        conflicts=tuple(conflicts),
        evidence=evidence,
    )


def _key(conflict: Conflict) -> tuple[str, frozenset[str]]:
    return conflict.attribute.split(":")[0], frozenset(v.value for v in conflict.values)


def _not_counted(
    members: Sequence[Claim], traced: Mapping[str, Origin], articles: Mapping[str, Article]
) -> list[str]:
    """Why members are shown but not counted: "Ukraine (International Business Times):
    unconfirmed, a party"."""
    notes: dict[str, None] = {}
    confirming = [traced[m.id] for m in members if confirms(m, traced[m.id])]
    for member in members:
        origin = traced[member.id]
        if any(same_source(origin.name, o.name) for o in confirming):
            continue
        why: list[str] = [member.certainty] if member.certainty != "asserted" else []
        if speaks_as_party(member, origin):
            why.append("a party to the dispute")
        if _role_origin(member, origin):
            why.append("a speaker named only by a role")
        if (nothing := _asserts_nothing(member)) is not None:
            why.append(nothing)
        outlet = outlet_name(articles[member.article_id])
        notes[f"{origin.name} ({outlet}): {', '.join(why)}"] = None
    return list(notes)


_AFFIRMING = ("asserted", "hedged", "unconfirmed")


def _polarity(members: Sequence[Claim], traced: Mapping[str, Origin]) -> Conflict | None:
    """A source asserts the fact and another denies it: both sides named, with the
    articles that report each side."""
    denied = denying(members)
    deny = [m for m in members if m.id in denied]
    affirm = [m for m in members if m.certainty in _AFFIRMING and m.id not in denied]
    if not deny or not affirm:
        return None
    deniers = merge_origins([traced[m.id] for m in deny])
    affirming = merge_origins([traced[m.id] for m in affirm])
    # a source on both sides (a speaker who dismisses a charge and is quoted saying the rules
    # were kept) is one source's words, not a dispute between sources
    other_source = _any_apart(affirming, deniers) and _any_apart(deniers, affirming)
    other_article = {m.article_id for m in deny} != {m.article_id for m in affirm}
    if not (other_source or other_article):
        return None
    return Conflict(
        attribute="polarity",
        values=(
            ConflictValue(
                "affirmed: " + ", ".join(o.name for o in affirming),
                tuple(dict.fromkeys(m.article_id for m in affirm)),
            ),
            ConflictValue(
                "denied: " + ", ".join(o.name for o in deniers),
                tuple(dict.fromkeys(m.article_id for m in deny)),
            ),
        ),
    )


def _any_apart(these: Sequence[Origin], those: Sequence[Origin]) -> bool:
    """Whether one of ``these`` is none of ``those``."""
    return any(not any(same_source(a.name, b.name) for b in those) for a in these)


def articles_disagree(conflict: Conflict) -> bool:
    """Whether two articles give disjoint values (one sentence with "one person" and
    "two people", told by both outlets, is no disagreement)."""
    given: dict[str, set[str]] = {}
    for value in conflict.values:
        for article_id in value.article_ids:
            given.setdefault(article_id, set()).add(value.value)
    told = list(given.values())
    return any(not a & b for i, a in enumerate(told) for b in told[i + 1 :])


def _evidence(verdict: str, outlets: list[str], origins: list[Origin], articles: int) -> str:
    names = ", ".join(o.name for o in origins)
    told = f"{articles} article{'s' if articles != 1 else ''} ({', '.join(outlets)})"
    if verdict == "single_source" and articles > 1:
        return f"{told} tell this, but only one independent source asserts it; origins: {names}."
    if verdict == "single_source":
        return f"Only {told} states this; origin: {names}."
    if verdict == "echoed":
        return f"{told} state this, all tracing back to one origin: {names}."
    if verdict == "corroborated":
        return f"{told} state this from {len(origins)} independent origins: {names}."
    return f"{told} state this but disagree; origins: {names}."


def story_names(
    claims: Sequence[Claim],
    articles: Mapping[str, Article],
    accounts: Mapping[str, Origin] | None = None,
) -> OriginNames:
    """Every origin a story's claims name, merged: one name and id per source story-wide."""
    found = [
        origin
        for claim in claims
        if claim.article_id in articles
        and (origin := _stated_origin(claim, articles[claim.article_id])) is not None
    ]
    found += list((accounts or {}).values())
    found += [Origin(outlet_name(a), "outlet", (outlet_name(a),)) for a in articles.values()]
    return OriginNames(found)
