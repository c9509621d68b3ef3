"""Origins per article: the sources an article draws on, whatever the claim."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from storytrace.provenance.origins import merge_origins
from storytrace.provenance.verdicts import QUOTE_ONLY, outlet_name
from storytrace.records import Article, Claim, Origin, OriginKind, ReuseEdge

__all__ = ["article_origins"]


def article_origins(
    claims: Sequence[Claim],
    articles: Mapping[str, Article],
    *,
    edges: Sequence[ReuseEdge] = (),
) -> dict[str, list[Origin]]:
    """For each article, the origins it draws on, spelling variants merged.

    An article's origins are the speakers it quotes or reports, the outlets,
    organisations and documents it cites, and the origins of the article it copied
    text from (the source of a reuse edge whose passages are not only a shared
    quotation, followed along the copy chain to the first article): that article's
    named sources, or else its outlet. An article with no origin of its own or
    copied has its own reporting as its origin.
    """
    found: dict[str, list[Origin]] = {article_id: [] for article_id in articles}
    for claim in claims:
        attribution = claim.attribution
        if attribution is None or attribution.kind == "unnamed":
            continue
        if claim.article_id not in found:
            continue
        kind: OriginKind = "speaker" if attribution.kind == "person" else "cited_source"
        found[claim.article_id].append(Origin(attribution.source, kind, (attribution.source,)))
    copied = {e.target: e.source for e in edges if QUOTE_ONLY not in e.direction_evidence}
    result = {}
    for article_id, own in found.items():
        origins = list(own)
        first, seen = article_id, {article_id}
        while first in copied and copied[first] not in seen and copied[first] in articles:
            first = copied[first]
            seen.add(first)
        if first != article_id:
            name = outlet_name(articles[first])
            origins.extend(found[first] or [Origin(name, "outlet", (name,))])
        if not origins:
            name = outlet_name(articles[article_id])
            origins = [Origin(name, "outlet", (name,))]
        result[article_id] = merge_origins(origins)
    return result
