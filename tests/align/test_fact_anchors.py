"""Alignment's loose cut joins claims of two articles only when they share a slot."""

from __future__ import annotations

import numpy as np

from storytrace.align.groups import group_claims
from storytrace.align.pairs import CORROBORATION_CUT, SAME_FACT_CUT
from storytrace.claims import read_articles
from storytrace.records import Article, Claim

LEDGER = (
    "Governor accepts nomination in Columbus\n\n"
    "While Governor Dale Harmon laid out his vision for Ohio, the crowd reacted much the way "
    "it did at his rallies: loudly and impulsively.\n\n"
    "At one point the delegates loudly chanted \u201cSend him home!\u201d at his rival.\n\n"
    "About 40 farmers walked out of the hall in protest, organisers said.\n"
)
DAILY = (
    "Harmon rails against elites in acceptance speech\n\n"
    "And Harmon focused intensively on the alleged dangers posed by crime, showing that he "
    "would not shy away from rhetoric that many voters find alarming.\n\n"
    "As Harmon attacked his rival, the delegates chanted, \u201cSend him home!\u201d\n\n"
    "Some 40 farmers left the convention floor during the speech.\n"
)


def _claims() -> tuple[list[Claim], list[Claim]]:
    ledger = Article.from_text(LEDGER, outlet="Valley Ledger", published="2026-07-21")
    daily = Article.from_text(DAILY, outlet="Riverside Daily", published="2026-07-22")
    read = dict((a.id, claims) for a, claims in read_articles([ledger, daily]))
    return read[ledger.id], read[daily.id]


def _pick(claims: list[Claim], phrase: str) -> Claim:
    (claim,) = [c for c in claims if phrase in c.text]
    return claim


def _vectors(n: int, cosine: float) -> np.ndarray:
    """Unit vectors, the i-th of each article at ``cosine`` with its counterpart only."""
    vectors = np.zeros((2 * n, 2 * n), dtype=np.float32)
    for i in range(n):
        vectors[i, i] = 1.0
        vectors[n + i, i] = cosine
        vectors[n + i, n + i] = np.sqrt(1 - cosine**2)
    return vectors


def test_related_sentences_with_no_shared_action_or_count_stay_apart() -> None:
    ledger, daily = _claims()
    pairs = [
        (_pick(ledger, "reacted much the way"), _pick(daily, "focused intensively")),
        (_pick(ledger, "chanted"), _pick(daily, "chanted")),  # one action: chant
        (_pick(ledger, "About 40 farmers"), _pick(daily, "Some 40 farmers")),  # one count
    ]
    claims = [a for a, _ in pairs] + [b for _, b in pairs]
    cosine = (SAME_FACT_CUT + CORROBORATION_CUT) / 2  # loose: a neighbour or one fact
    groups = group_claims(claims, vectors=_vectors(len(pairs), cosine))
    together = {frozenset(c.id for c in g) for g in groups}
    assert frozenset({pairs[0][0].id}) in together and frozenset({pairs[0][1].id}) in together
    assert frozenset({pairs[1][0].id, pairs[1][1].id}) in together
    assert frozenset({pairs[2][0].id, pairs[2][1].id}) in together
    # above the corroboration cut the wording alone is enough
    close = group_claims(claims[:1] + claims[3:4], vectors=_vectors(1, CORROBORATION_CUT + 0.05))
    assert len(close) == 1
