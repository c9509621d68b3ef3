"""The verdict rules of docs/verdicts.md, each on hand-built claims through the real judge."""

from __future__ import annotations

import dataclasses

from storytrace.provenance import judge_group
from storytrace.provenance.accounts import is_party, paragraph_sources
from storytrace.provenance.verdicts import story_names
from storytrace.records import (
    Article,
    Attribution,
    Certainty,
    Claim,
    EventMention,
    Participant,
    SourceKind,
)


def _article(outlet: str, text: str = "") -> Article:
    return Article.from_text(text or f"Text of {outlet}.", outlet=outlet)


def _claim(
    article: Article,
    text: str,
    source: str | None = None,
    *,
    kind: SourceKind = "person",
    certainty: Certainty = "asserted",
    at: int = 0,
) -> Claim:
    attribution = Attribution(source, kind, "said", False) if source else None
    return Claim(f"{article.id}:{at}", article.id, text, (at, at + len(text)),
                 certainty=certainty, attribution=attribution)  # fmt: skip


A, B, C = _article("Outlet A"), _article("Outlet B"), _article("Outlet C")
ARTICLES = {x.id: x for x in (A, B, C)}
FACT = "About 60 soldiers refused to fight."


def test_corroborated_needs_two_independent_origins_that_assert() -> None:
    group = judge_group([_claim(A, FACT, "Anna Volkova"), _claim(B, FACT, "Olga Petrova")],
                        ARTICLES)  # fmt: skip
    assert (group.verdict, group.independent_sources) == ("corroborated", 2)


def test_a_member_its_article_calls_unconfirmed_does_not_confirm() -> None:
    members = [_claim(A, FACT, "Anna Volkova"),
               _claim(B, FACT, "Olga Petrova", certainty="unconfirmed")]  # fmt: skip
    group = judge_group(members, ARTICLES)
    assert group.verdict == "single_source" and group.independent_sources == 1
    assert len(group.members) == 2  # shown, not counted
    assert "Olga Petrova (Outlet B): unconfirmed" in group.evidence


def test_a_hedged_member_does_not_confirm() -> None:
    members = [_claim(A, FACT, "Anna Volkova"),
               _claim(B, FACT, "Olga Petrova", certainty="hedged")]  # fmt: skip
    assert judge_group(members, ARTICLES).verdict != "corroborated"


def test_a_party_to_the_dispute_does_not_confirm() -> None:
    assert is_party("Ukraine") and is_party("the Russian defence ministry")
    assert not is_party("Pskovskaya Gubernia") and not is_party("Anna Volkova")
    members = [_claim(A, FACT, "Anna Volkova"),
               _claim(B, FACT, "Ukraine's defence ministry", kind="organisation")]  # fmt: skip
    group = judge_group(members, ARTICLES)
    assert group.verdict == "single_source" and group.independent_sources == 1
    assert "a party to the dispute" in group.evidence


def test_single_source_has_one_independent_source() -> None:
    members = [_claim(A, FACT, "Anna Volkova"), _claim(A, FACT, "Olga Petrova", at=50)]
    group = judge_group(members, ARTICLES)
    assert (group.verdict, group.independent_sources) == ("single_source", 1)


def test_a_denial_names_both_sources_and_the_outlets_of_each_side() -> None:
    members = [_claim(A, FACT, "Koen Verbeke"), _claim(B, FACT, "Koen Verbeke"),
               _claim(C, FACT, "Sofie Lambrecht", certainty="denied")]  # fmt: skip
    group = judge_group(members, ARTICLES)
    assert group.verdict == "conflicting"
    (polarity,) = group.conflicts
    sides = {v.value: set(v.article_ids) for v in polarity.values}
    assert sides == {"affirmed: Koen Verbeke": {A.id, B.id}, "denied: Sofie Lambrecht": {C.id}}


def test_one_origin_has_one_name_and_one_id_across_the_story() -> None:
    first = [_claim(A, FACT, "Pskovskaya Gubernia", kind="outlet"),
             _claim(B, FACT, "Pskovskaya Guberniya", kind="outlet")]  # fmt: skip
    second = [_claim(B, "They were sent back.", "Pskovskaya Guberniya", kind="outlet", at=40)]
    names = story_names([*first, *second], ARTICLES)
    one = judge_group(first, ARTICLES, names=names).origins
    two = judge_group(second, ARTICLES, names=names).origins
    assert len(one) == len(two) == 1
    assert (one[0].name, one[0].id) == (two[0].name, two[0].id) and one[0].id
    assert {"Pskovskaya Gubernia", "Pskovskaya Guberniya"} <= set(two[0].variants)


def _they(claim: Claim) -> Claim:
    trigger = EventMention(f"{claim.id}:e", claim.article_id, "returned", "return", claim.span,
                           claim.span, participants=(Participant("they", "agent"),))  # fmt: skip
    return Claim(claim.id, claim.article_id, claim.text, claim.span, claim.certainty,
                 mentions=(trigger,))  # fmt: skip


def test_a_sentence_inherits_the_source_its_paragraph_attributes_the_account_to() -> None:
    text = (
        "According to the report, some 60 unit members were fired. They were paid nothing.\n\n"
        "Apparently not wanting to fight, they returned home.\n\n"
        "The weather was cold in the city that week.\n"
    )
    article = _article("Outlet A", text)
    spans = [(0, 57), (58, 82), (84, 136), (138, 182)]
    sentences = [text[s:e] for s, e in spans]
    claims = [
        _claim(article, sentences[0], "Pskovskaya Gubernia", kind="outlet"),
        _claim(article, sentences[1], at=58),
        _they(_claim(article, sentences[2], at=84, certainty="hedged")),
        _claim(article, sentences[3], at=138),
    ]
    found = paragraph_sources(claims, {article.id: article})
    assert found[claims[1].id].name == "Pskovskaya Gubernia"  # the same paragraph
    assert found[claims[2].id].name == "Pskovskaya Gubernia"  # "they" carries it on
    assert claims[3].id not in found  # a new paragraph about something else
    group = judge_group(claims[1:2], {article.id: article}, accounts=found)
    assert [o.name for o in group.origins] == ["Pskovskaya Gubernia"]


def test_two_sources_confirm_each_other_only_when_they_state_the_fact_alike() -> None:
    from storytrace.align.pairs import tells_alike

    closed = _claim(A, "Floodwater closed the Varna bridge on Monday.", "Mayor Elena Petrova")
    also_closed = _claim(B, "The Varna bridge was closed by floodwater on Monday.", "Police")
    repairs = _claim(C, "Repairs to the Varna bridge will take six months.", "Engineer Ivo Dimov")
    alike = tells_alike({})  # nothing stored: the claims are embedded by the scorer
    same = judge_group([closed, also_closed], ARTICLES, alike=alike)
    assert same.verdict == "corroborated" and same.independent_sources == 2
    related = judge_group([closed, repairs], ARTICLES, alike=alike)
    assert related.verdict == "single_source" and related.independent_sources == 1
    assert "no two independent sources state the same fact alike" in related.evidence
    assert judge_group([closed, repairs], ARTICLES).verdict == "corroborated"  # without a scorer


def test_figures_that_differ_in_one_unit_confirm_nothing() -> None:
    from storytrace.align.pairs import tells_alike

    one = _claim(
        A, "Vidal leads Moreau by 46 percent to 42 percent in the poll.", "Pollster Ana Ruiz"
    )
    other = _claim(
        B, "Vidal leads Moreau by 43 percent to 38 percent in a poll.", "Pollster Jan Berg"
    )
    again = _claim(C, "In the poll, Vidal leads Moreau by 46 percent to 42 percent.", "Tom Hale")
    alike = tells_alike({})
    assert judge_group([one, other], ARTICLES, alike=alike).verdict == "single_source"
    assert judge_group([one, again], ARTICLES, alike=alike).verdict == "corroborated"


def test_two_sentences_of_one_article_do_not_corroborate_each_other() -> None:
    from storytrace.align.pairs import tells_alike

    closed = _claim(A, "Floodwater closed the Varna bridge on Monday.", "Mayor Elena Petrova")
    also_closed = _claim(A, "The Varna bridge was closed by floodwater on Monday.", "Police", at=50)
    hedged = _claim(B, "Floodwater reportedly closed the Varna bridge on Monday.",
                    certainty="hedged")  # fmt: skip
    alike = tells_alike({})
    group = judge_group([closed, also_closed, hedged], ARTICLES, alike=alike)
    assert group.verdict == "single_source" and group.independent_sources == 1
    third = _claim(C, "The Varna bridge was closed by floodwater on Monday.", "Police")
    assert judge_group([closed, also_closed, third], ARTICLES, alike=alike).verdict == (
        "corroborated"
    )


def test_a_speaker_named_only_by_a_role_is_the_named_speaker_of_its_article() -> None:
    members = [
        _claim(A, FACT, "former secretary"),  # "the former secretary of state said"
        _claim(A, FACT, "Maria Lindqvist", at=80),
        _claim(B, FACT, "Maria Lindqvist"),
    ]
    group = judge_group(members, ARTICLES)
    assert group.verdict == "echoed"
    assert [o.name for o in group.origins] == ["Maria Lindqvist"]


def test_a_document_given_only_by_what_it_is_names_no_origin_of_its_own() -> None:
    members = [
        _claim(A, FACT, "ad", kind="document"),  # "the ad says ..."
        _claim(B, FACT, "Olga Petrova"),
    ]
    group = judge_group(members, ARTICLES)
    assert sorted(o.name for o in group.origins) == ["Olga Petrova", "Outlet A"]  # not "ad"


def test_a_speaker_given_only_by_a_capitalised_role_is_shown_but_never_counted() -> None:
    members = [_claim(A, FACT, "Anna Volkova"), _claim(B, FACT, "Kursk governor")]
    group = judge_group(members, ARTICLES)
    assert (group.verdict, group.independent_sources) == ("single_source", 1)
    assert sorted(o.name for o in group.origins) == ["Anna Volkova", "Kursk governor"]
    assert "Kursk governor (Outlet B): a speaker named only by a role" in group.evidence


def test_one_role_in_two_articles_corroborates_nothing() -> None:
    role = "the presumptive Republican nominee"
    group = judge_group([_claim(A, FACT, role), _claim(B, FACT, role)], ARTICLES)
    assert group.verdict != "corroborated"


def test_a_body_named_as_a_persons_speaks_for_that_person() -> None:
    members = [
        _claim(A, FACT, "Olga Petrova’s campaign", kind="organisation"),
        _claim(B, FACT, "Olga Petrova"),
    ]
    same = lambda a, b: True  # noqa: E731  (both tell the fact alike)
    assert judge_group(members, ARTICLES, alike=same).verdict != "corroborated"
    other = [_claim(A, FACT, "Anna Volkova’s campaign", kind="organisation"), members[1]]
    assert judge_group(other, ARTICLES, alike=same).verdict == "corroborated"


def test_one_long_sentence_in_two_articles_is_not_two_confirmations() -> None:
    text = ("The three scholars agreed there are qualified candidates who could bridge the "
            "priorities of both parties, Ms. Volkova said.")  # fmt: skip
    copied = text.replace(", Ms.", " - Ms.")
    same = lambda a, b: True  # noqa: E731  (both tell the fact alike)
    members = [_claim(A, text, "Anna Volkova"), _claim(B, copied, "Olga Petrova")]
    assert judge_group(members, ARTICLES, alike=same).verdict == "single_source"
    retold = ("Qualified candidates exist who could bridge both parties' priorities, the three "
              "scholars agreed, according to Ms. Petrova.")  # fmt: skip
    members = [_claim(A, text, "Anna Volkova"), _claim(B, retold, "Olga Petrova")]
    assert judge_group(members, ARTICLES, alike=same).verdict == "corroborated"


def _mentioned(claim: Claim, modality: str) -> Claim:
    mention = EventMention(f"{claim.id}:e0", claim.article_id, "win", "win", claim.span,
                           claim.span, claim_id=claim.id, modality=modality)  # fmt: skip
    return dataclasses.replace(claim, mentions=(mention,))


def test_a_question_or_a_conditional_confirms_nothing() -> None:
    asked = dataclasses.replace(
        _claim(B, FACT, "Ainsley Earhardt"),
        attribution=Attribution("Ainsley Earhardt", "person", "asked", False),
    )
    members = [_claim(A, FACT, "Anna Volkova"), asked]
    group = judge_group(members, ARTICLES)
    assert group.verdict == "single_source" and "Ainsley Earhardt (Outlet B): a question" in (
        group.evidence
    )
    would = _mentioned(_claim(B, FACT, "Olga Petrova"), "conditional")
    group = judge_group([_claim(A, FACT, "Anna Volkova"), would], ARTICLES)
    assert group.verdict == "single_source" and "conditional" in group.evidence
    told = _mentioned(_claim(B, FACT, "Olga Petrova"), "actual")
    assert judge_group([_claim(A, FACT, "Anna Volkova"), told], ARTICLES).verdict == (
        "corroborated"
    )


def test_a_party_is_known_by_its_capital_its_officials_and_its_spokesmen() -> None:
    for name in ("Moscow", "Kyiv", "Ukrainian officials", "Russia's General Staff",
                 "Kremlin spokesman Dmitry Peskov", "Ukrainian intelligence"):  # fmt: skip
        assert is_party(name), name
    for name in ("Pskov", "Olga Petrova", "the Centre for Defense Strategies", "General Staff"):
        assert not is_party(name), name


def test_a_party_named_by_its_organ_alone_is_still_the_party_the_text_names() -> None:
    # the source resolves to "General Staff"; the text names it "Ukraine's General Staff"
    staff = Attribution("General Staff", "organisation", "said", False,
                        source_text="Ukraine's General Staff")  # fmt: skip
    capital = Attribution("Kyiv", "government", "said", False)
    for attribution in (staff, capital):
        party = dataclasses.replace(_claim(B, FACT), attribution=attribution)
        group = judge_group([_claim(A, FACT, "Anna Volkova"), party], ARTICLES)
        assert group.verdict == "single_source" and group.independent_sources == 1
        assert "a party to the dispute" in group.evidence


def test_a_first_name_is_no_nationality_and_no_party() -> None:
    from storytrace.text.places import nationality_country

    for name in ("Francis", "Ben", "Ian", "Ken", "Berman", "Hans"):
        assert nationality_country(name) is None, name
        assert not is_party(name), name
    for word, country in (("Palestinian", "PS"), ("Kenyan", "KE"), ("Ukrainians", "UA"),
                          ("Saudi", "SA"), ("Iraqi", "IQ"), ("Sudanese", "SD")):  # fmt: skip
        assert nationality_country(word) == country, word
