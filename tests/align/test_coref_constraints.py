"""The learned coreference takes the reader's slot rules as constraints (seed row S12).

"11 OMON officers" in Khakassia and "about 60 servicemen" in Pskov, both refusing, are two
events whatever the pair model says; 60 and 80 servicemen in one place are one event whose
count conflicts; killed is not injured.
"""

from __future__ import annotations

import numpy as np

from storytrace.align.coref import chain_mentions, cluster_mentions, pair_probabilities
from storytrace.align.coref_features import mention_contexts
from storytrace.align.coref_model import load_model
from storytrace.align.facts import fact_conflicts
from storytrace.align.mention_chains import apart, effective_places, slot_links
from storytrace.records import Claim, EventMention, Participant, Place, Quantity

PSKOV = Place("Pskov", "Pskov", "RU", "Pskovskaya oblast'", 57.8, 28.3, "city")
KHAKASSIA = Place("Khakassia", "Khakasiya, Respublika", "RU", "Khakasiya, Respublika",
                  precision="region")  # fmt: skip


def _count(text: str, value: float, counted: str, spread: float = 0.1) -> Quantity:
    return Quantity(text, value, value * (1 - spread), value * (1 + spread), counted,
                    spread > 0, "about" if spread else None, predicate="refuse")  # fmt: skip


def _claim(article: str, text: str, trigger: str, lemma: str, count: Quantity,
           place: Place | None) -> Claim:  # fmt: skip
    start = text.index(trigger)
    mention = EventMention(
        f"{article}:e{start}", article, trigger, lemma, (start, start + len(trigger)),
        (0, len(text)), claim_id=f"{article}:0",
        participants=(Participant(count.text, "agent", count=count),),
        places=(place,) if place else (),
    )  # fmt: skip
    return Claim(f"{article}:0", article, text, (0, len(text)), mentions=(mention,))


SIXTY = _claim(
    "ibt", "About 60 servicemen from Pskov refused to go to war in Ukraine.",
    "refused", "refuse", _count("About 60 servicemen", 60, "serviceman"), PSKOV,
)  # fmt: skip
OMON = _claim(  # no place named: nothing but the counts tells the two apart
    "sofrep", "11 OMON officers refused to go to war in Ukraine.",
    "refused", "refuse", _count("11 OMON officers", 11, "soldier", 0.0), None,
)  # fmt: skip
OMON_KHAKASSIA = _claim(
    "rferl", "Eleven OMON officers from Khakassia refused to go to war in Ukraine.",
    "refused", "refuse", _count("Eleven OMON officers", 11, "soldier", 0.0), KHAKASSIA,
)  # fmt: skip
EIGHTY = _claim(
    "ledger", "About 80 servicemen in Pskov declined to deploy, a local newspaper reported.",
    "declined", "decline", _count("About 80 servicemen", 80, "serviceman"), PSKOV,
)  # fmt: skip


def _chains(*claims: Claim) -> dict[str, str]:
    mentions = [m for c in claims for m in c.mentions]
    return chain_mentions(mentions, {c.article_id: c.text for c in claims})


def test_11_omon_officers_and_about_60_servicemen_never_chain() -> None:
    mentions = [SIXTY.mentions[0], OMON.mentions[0]]
    texts = {c.article_id: c.text for c in (SIXTY, OMON)}
    places = effective_places(mentions, texts)
    assert apart(mentions[0], mentions[1], None)
    assert slot_links(mentions, places) == ([], [(0, 1)])
    model = load_model()
    contexts = mention_contexts(mentions, texts)
    learned = pair_probabilities(contexts, model)[0, 1]
    assert learned > model.threshold  # the pair model alone would chain them (S12 broke so)
    constrained = pair_probabilities(contexts, model, slot_links(mentions, places))
    assert constrained[0, 1] == 0.0
    chains = _chains(SIXTY, OMON, OMON_KHAKASSIA)
    assert chains[mentions[0].id] != chains[mentions[1].id]
    assert chains[OMON_KHAKASSIA.mentions[0].id] != chains[mentions[0].id]


def test_60_and_80_servicemen_in_one_place_chain_and_their_count_conflicts() -> None:
    chains = _chains(SIXTY, EIGHTY, OMON)
    sixty, eighty, omon = (c.mentions[0].id for c in (SIXTY, EIGHTY, OMON))
    assert chains[sixty] == chains[eighty] != chains[omon]
    mentions = [SIXTY.mentions[0], EIGHTY.mentions[0]]
    places = effective_places(mentions, {"ibt": SIXTY.text, "ledger": EIGHTY.text})
    (conflict,) = fact_conflicts([SIXTY, EIGHTY], chains, places)
    assert conflict.attribute.startswith("count")
    assert conflict.conservative == "60"


def test_killed_and_injured_never_chain() -> None:
    text_a = "Three workers were killed in the blast at the plant in Pskov on Monday."
    text_b = "Three workers were injured in the blast at the plant in Pskov on Monday."
    killed = EventMention("a:e19", "a", "killed", "kill", (19, 25), (0, len(text_a)))
    injured = EventMention("b:e19", "b", "injured", "injure", (19, 26), (0, len(text_b)))
    assert apart(killed, injured, None)
    chains = chain_mentions([killed, injured], {"a": text_a, "b": text_b})
    assert chains[killed.id] != chains[injured.id]


def test_clusters_holding_a_cannot_linked_pair_are_split() -> None:
    probabilities = np.asarray(
        [[1.0, 0.9, 0.8], [0.9, 1.0, 0.8], [0.8, 0.8, 1.0]], dtype=np.float32
    )
    free = cluster_mentions(probabilities, 0.5)
    assert len(set(free)) == 1
    split = cluster_mentions(probabilities, 0.5, [(0, 2)])
    assert split[0] == split[1] != split[2]


def test_clusters_of_a_must_linked_pair_are_joined_unless_a_cannot_link_keeps_them_apart() -> None:
    probabilities = np.asarray(
        [[1.0, 0.9, 0.1, 0.1], [0.9, 1.0, 0.1, 0.1], [0.1, 0.1, 1.0, 0.9], [0.1, 0.1, 0.9, 1.0]],
        dtype=np.float32,
    )
    assert len(set(cluster_mentions(probabilities, 0.5))) == 2
    assert len(set(cluster_mentions(probabilities, 0.5, must=[(1, 2)]))) == 1
    kept = cluster_mentions(probabilities, 0.5, [(0, 3)], [(1, 2)])
    assert kept[0] == kept[1] != kept[2] == kept[3]
