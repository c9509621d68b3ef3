"""Whose account a sentence tells: paragraph sources and parties to a dispute.

1. **Paragraph sources.** A sentence that names no source, in a paragraph that has
   attributed the account to one ("According to the report, some 60 unit members were
   fired ..."), tells that source's account. So does the first sentence of the next
   paragraph when it carries the account on with a pronoun ("... they reported.
   // Apparently not wanting to fight, they ...").
2. **Parties.** A country, or a state organ named with its country ("Ukraine's defence
   ministry", "the Russian military", "the Kremlin"), is a party to the war or dispute it
   speaks about: what it claims is shown, never counted as an independent confirmation.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping, Sequence

from storytrace.provenance.origins import name_key, names_its_source
from storytrace.records import Article, Claim, Origin, OriginKind
from storytrace.text.places import geocode, is_capital, nationality_country

_PARAGRAPH = re.compile(r"\n\s*\n")
_PRONOUNS = {"they", "he", "she"}  # people whose account goes on; "it" and "this" do not
_STATE = re.compile(
    r"\b(government|ministry|military|army|armed forces|forces|defen[cs]e|general staff|"
    r"president|presidency|kremlin|pentagon|foreign office|state department|authorities|"
    r"officials?|intelligence|spokes(?:man|woman|person)|security services?|police|command|"
    r"side)\b",
    re.IGNORECASE,
)
# state organs named without their country; a speaker introduced by one speaks for it
# ("Kremlin spokesman Dmitry Peskov")
_ALWAYS = re.compile(r"\b(kremlin|pentagon)\b", re.IGNORECASE)


def origin_of(claim: Claim, article: Article) -> Origin | None:
    """The origin a claim names itself (a speaker, a cited outlet, organisation or document)."""
    attribution = claim.attribution
    if attribution is None or not names_its_source(attribution):
        return None
    if attribution.kind == "outlet" and article.outlet and attribution.source == article.outlet:
        return None  # the outlet citing itself is its own reporting
    kind: OriginKind = "speaker" if attribution.kind == "person" else "cited_source"
    return Origin(attribution.source, kind, (attribution.source,))


def _paragraph_of(text: str) -> list[int]:
    return [m.end() for m in _PARAGRAPH.finditer(text)]


def _carries_on(claim: Claim) -> bool:
    """The sentence goes on with the account in its subject: "they", "he", "these"."""
    for mention in claim.mentions[:1]:
        for participant in mention.participants:
            if participant.role == "agent" or participant.role == "patient":
                return participant.text.lower() in _PRONOUNS
    return False


def paragraph_sources(
    claims: Sequence[Claim], articles: Mapping[str, Article]
) -> dict[str, Origin]:
    """The origin each unattributed claim inherits from its paragraph's account, by claim id."""
    inherited: dict[str, Origin] = {}
    by_article: dict[str, list[Claim]] = {}
    for claim in claims:
        by_article.setdefault(claim.article_id, []).append(claim)
    for article_id, own in by_article.items():
        article = articles.get(article_id)
        if article is None:
            continue
        ends = _paragraph_of(article.text)
        current: Origin | None = None
        paragraph, last_attributed = -1, False
        for claim in sorted(own, key=lambda c: c.span):
            here = sum(1 for end in ends if end <= claim.span[0])
            if here != paragraph:
                carry = current if last_attributed and _carries_on(claim) else None
                paragraph, current = here, carry
            stated = origin_of(claim, article)
            if stated is not None:
                current, last_attributed = stated, True
                continue
            last_attributed = claim.attribution is None and current is not None
            if last_attributed and current is not None:
                inherited[claim.id] = current
    return inherited


def is_party(source: str) -> bool:
    """Whether a source is a party to the conflict it speaks of: a country, its capital
    standing for its government, or its state ("Ukraine's General Staff", "Russian
    officials", "Kremlin spokesman Dmitry Peskov")."""
    return _is_party(source.strip())


def speaks_as_party(claim: Claim, origin: Origin) -> bool:
    """Whether a claim's origin is a party to what it speaks of: by its name, or, when the
    origin is the claim's own source, as the text gives it ("Ukraine's General Staff" for
    "General Staff") or as a place standing for its government ("Moscow said")."""
    if origin.kind == "outlet":
        return False
    if is_party(origin.name):
        return True
    attribution = claim.attribution
    if attribution is None or name_key(attribution.source) != name_key(origin.name):
        return False
    return attribution.kind == "government" or is_party(attribution.source_text or "")


@functools.lru_cache(maxsize=1 << 16)  # a story asks of the same few sources many times
def _is_party(name: str) -> bool:
    """:func:`is_party` of a stripped name (remembered)."""
    if _ALWAYS.search(name):
        return True
    place = geocode(name, set())
    if place is not None and (place.precision == "country" or is_capital(place)):
        return True  # "Ukraine claimed", "Moscow said"
    if " " not in name and nationality_country(name.removeprefix("the ")):
        return True  # "the Ukrainians said", "Russian" as a source
    if not _STATE.search(name):
        return False
    words = re.findall(r"[A-Z][\w-]*", name)
    for word in words:
        stem = word.removesuffix("'s")
        found = geocode(stem, set())
        if nationality_country(stem) or (found is not None and found.precision == "country"):
            return True
    return False
