"""Facts, not sentences: event chains, fact groups and slot conflicts on hand-built mentions."""

from __future__ import annotations

import dataclasses

from storytrace.align.coref import chain_mentions
from storytrace.align.facts import fact_conflicts, fact_groups, is_analysis
from storytrace.align.mention_chains import contains, effective_places, fact_chains
from storytrace.records import Attribution, Claim, EventMention, Participant, Place, Quantity

PSKOV = Place("Pskov", "Pskov", "RU", "Pskovskaya oblast'", 57.8, 28.3, "city")
PSKOV_OBLAST = Place("Pskov region", "Pskovskaya oblast'", "RU", "Pskovskaya oblast'",
                     precision="region")  # fmt: skip
KURSK = Place("Kursk", "Kursk", "RU", "Kurskaya oblast'", 51.7, 36.2, "city")
GHENT = Place("Ghent", "Gent", "BE", "Vlaams Gewest", 51.05, 3.72, "city")
RUSSIA = Place("Russia", "Russia", "RU", precision="country")


def _count(value: float, counted: str, predicate: str) -> Quantity:
    return Quantity(f"about {value:.0f} {counted}", value, value * 0.9, value * 1.1, counted,
                    True, "about", predicate=predicate)  # fmt: skip


def _claim(article: str, text: str, lemma: str, count: Quantity | None = None,
           places: tuple[Place, ...] = ()) -> Claim:  # fmt: skip
    agent = Participant(count.text if count else "they", "agent", count=count)
    mention = EventMention(f"{article}:e0", article, lemma, lemma, (0, 5), (0, len(text)),
                           claim_id=f"{article}:0", participants=(agent,),
                           places=places)  # fmt: skip
    return Claim(f"{article}:0", article, text, (0, len(text)), mentions=(mention,))


def _facts(*claims: Claim) -> tuple[list[list[Claim]], dict[str, str], dict]:
    mentions = [m for c in claims for m in c.mentions]
    texts = {c.article_id: c.text for c in claims}
    places = effective_places(mentions, texts)
    chains = fact_chains(mentions, chain_mentions(mentions, texts), places)
    groups = fact_groups(claims, [[c] for c in claims], chains)
    return groups, chains, places


def test_one_count_of_the_same_people_across_different_verbs_is_one_fact() -> None:
    fired = _claim(
        "a", "Some 60 unit members were fired.", "fire", _count(60, "unit member", "fire")
    )
    refused = _claim("b", "About 60 servicemen refused.", "refuse",
                     _count(60, "serviceman", "refuse"))  # fmt: skip
    groups, chains, places = _facts(fired, refused)
    assert len(groups) == 1
    assert fact_conflicts(groups[0], chains, places) == []


def test_a_changed_count_in_one_place_conflicts_across_verbs() -> None:
    fired = _claim("a", "Some 60 unit members were fired.", "fire",
                   _count(60, "unit member", "fire"), (PSKOV,))  # fmt: skip
    refused = _claim("b", "About 80 servicemen refused.", "refuse",
                     _count(80, "serviceman", "refuse"), (PSKOV_OBLAST,))  # fmt: skip
    groups, chains, places = _facts(fired, refused)
    assert len(groups) == 1
    (conflict,) = fact_conflicts(groups[0], chains, places)
    assert conflict.attribute.startswith("count")
    assert {v.value: v.article_ids for v in conflict.values} == {"about 60": ("a",),
                                                                 "about 80": ("b",)}  # fmt: skip
    assert conflict.conservative == "60"


def test_different_outcomes_or_places_are_different_facts() -> None:
    killed = _claim("a", "About 60 soldiers were killed.", "kill", _count(60, "soldier", "kill"))
    refused = _claim("b", "About 60 soldiers refused.", "refuse", _count(60, "soldier", "refuse"))
    assert len(_facts(killed, refused)[0]) == 2
    here = _claim("a", "About 11 soldiers refused.", "refuse", _count(11, "soldier", "refuse"),
                  (KURSK,))  # fmt: skip
    there = _claim("b", "About 300 soldiers refused.", "refuse", _count(300, "soldier", "refuse"),
                   (PSKOV,))  # fmt: skip
    assert len(_facts(here, there)[0]) == 2


def test_places_conflict_unless_one_contains_the_other() -> None:
    assert contains(PSKOV, PSKOV_OBLAST) and contains(PSKOV_OBLAST, PSKOV)
    assert contains(PSKOV, RUSSIA) and not contains(PSKOV, KURSK)
    first = _claim("a", "About 60 soldiers refused.", "refuse", _count(60, "soldier", "refuse"),
                   (PSKOV,))  # fmt: skip
    second = _claim("b", "About 60 soldiers refused.", "refuse", _count(60, "soldier", "refuse"),
                    (KURSK,))  # fmt: skip
    groups, chains, places = _facts(first, second)
    (conflict,) = fact_conflicts(groups[0], chains, places)
    assert conflict.attribute == "place"
    assert {v.value: v.article_ids for v in conflict.values} == {"Pskov": ("a",), "Kursk": ("b",)}
    contained = _claim("b", "About 60 soldiers refused.", "refuse",
                       _count(60, "soldier", "refuse"), (PSKOV_OBLAST,))  # fmt: skip
    groups, chains, places = _facts(first, contained)
    assert fact_conflicts(groups[0], chains, places) == []


def test_a_list_of_places_is_no_site_to_conflict_with() -> None:
    count = _count(60, "soldier", "refuse")
    listed = _claim("a", "About 60 soldiers refused.", "refuse", count, (GHENT, KURSK, PSKOV))
    second = _claim("b", "About 60 soldiers refused.", "refuse", count, (KURSK,))
    third = _claim("c", "About 60 soldiers refused.", "refuse", count, (GHENT,))
    groups, chains, places = _facts(listed, second, third)
    (conflict,) = fact_conflicts(groups[0], chains, places)
    assert {v.value: v.article_ids for v in conflict.values} == {"Kursk": ("b",), "Gent": ("c",)}


def test_a_mention_without_a_place_takes_its_paragraphs() -> None:
    text = "The unit was based in Pskov.\n\nLater news."
    based = _claim("a", text, "base", None, (PSKOV,))
    mention = EventMention("a:e9", "a", "fired", "fire", (10, 15), (0, 28))
    places = effective_places([based.mentions[0], mention], {"a": text})
    assert places["a:e9"] == (PSKOV,)


def test_the_outlets_own_analysis_is_not_a_fact() -> None:
    assert is_analysis(Claim("a:0", "a", "This alone would decrease morale.", (0, 33)))
    assert is_analysis(Claim("a:0", "a", "It is also possible that they left.", (0, 35)))
    assert not is_analysis(Claim("a:0", "a", "About 60 servicemen refused to fight.", (0, 37)))


def _exact(value: float, counted: str, predicate: str) -> Quantity:
    return Quantity(f"{value:.0f} {counted}", value, value, value, counted, predicate=predicate)


def test_a_small_count_chains_only_when_equal_with_one_named_outcome() -> None:
    three = _claim("a", "Three workers were killed.", "kill", _exact(3, "worker", "kill"))
    also_three = _claim("b", "Three workers died.", "die", _exact(3, "worker", "die"))
    assert len(_facts(three, also_three)[0]) == 1
    five = _claim("b", "Five workers were killed.", "kill", _exact(5, "worker", "kill"))
    assert len(_facts(three, five)[0]) == 2  # nothing else ties them
    five_in_ghent = _claim("b", "Five workers were killed in Ghent.", "kill",
                           _exact(5, "worker", "kill"), (GHENT,))  # fmt: skip
    three_in_ghent = _claim("a", "Three workers were killed in Ghent.", "kill",
                            _exact(3, "worker", "kill"), (GHENT,))  # fmt: skip
    groups, chains, places = _facts(three_in_ghent, five_in_ghent)
    assert len(groups) == 1  # one place: the toll is told differently
    assert fact_conflicts(groups[0], chains, places)
    met = _claim("b", "Three workers met the mayor.", "meet", _exact(3, "worker", "meet"))
    assert len(_facts(three, met)[0]) == 2  # no outcome named: too common to chain
    elsewhere = _claim("b", "Three workers were killed in Pskov.", "kill",
                       _exact(3, "worker", "kill"), (PSKOV,))  # fmt: skip
    assert len(_facts(three_in_ghent, elsewhere)[0]) == 2


def test_one_action_towards_one_place_is_one_fact() -> None:
    went = EventMention("a:e0", "a", "returned", "return", (0, 8), (0, 30), claim_id="a:0",
                        destinations=(PSKOV,))  # fmt: skip
    came = EventMention("b:e0", "b", "returned", "return", (0, 8), (0, 30), claim_id="b:0",
                        places=(PSKOV,))  # fmt: skip
    texts = {"a": "x" * 30, "b": "x" * 30}
    places = effective_places([went, came], texts)
    chains = fact_chains([went, came], chain_mentions([went, came], texts), places)
    assert chains["a:e0"] == chains["b:e0"]


def test_reported_speech_run_on_from_another_sentence_does_not_shield_analysis() -> None:
    text = "This might be because the troops saw their units slaughtered."
    run_on = Attribution("Pskovskaya Gubernia", "outlet", "said", False, cue_span=(10, 14))
    claim = Claim("a:40", "a", text, (40, 40 + len(text)), attribution=run_on)
    assert is_analysis(claim)
    own = Attribution("Pskovskaya Gubernia", "outlet", "said", False, cue_span=(60, 64))
    assert not is_analysis(dataclasses.replace(claim, attribution=own))


def test_a_count_beside_the_action_ties_no_two_facts() -> None:
    """'expected to cruise past the 1,237 delegates needed' and 'put him over the 1,237
    delegates' share a number, not who did or underwent either action."""

    def beside(article: str, text: str, lemma: str, role: str) -> Claim:
        count = Quantity("1,237 delegates", 1237, 1237, 1237, "delegate", False, None,
                         predicate=lemma)  # fmt: skip
        delegates = Participant("1,237 delegates", role, count=count)
        mention = EventMention(f"{article}:e0", article, lemma, lemma, (0, 5), (0, len(text)),
                               claim_id=f"{article}:0", participants=(delegates,))  # fmt: skip
        return Claim(f"{article}:0", article, text, (0, len(text)), mentions=(mention,))

    texts = ("He was expected to cruise past the 1,237 delegates needed.",
             "The state's votes put him over the 1,237 delegates.")  # fmt: skip
    for role, one_fact in (("other", False), ("patient", True)):
        a = beside("a", texts[0], "cruise", role)
        b = beside("b", texts[1], "put", role)
        mentions = [*a.mentions, *b.mentions]
        places = effective_places(mentions, {"a": a.text, "b": b.text})
        chains = fact_chains(mentions, {m.id: "ev-1" for m in mentions}, places)
        assert (chains["a:e0"] == chains["b:e0"]) is one_fact, role
