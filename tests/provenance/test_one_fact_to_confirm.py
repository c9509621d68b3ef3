"""What two read claims must share to confirm each other: one fact, not a background clause,
a normative "should", a denial or a generic "you"; and a report that names no one is shown
but never counted as a confirmation."""

from __future__ import annotations

import functools

from storytrace.align.compare import in_background, main_actions, tells_one_fact
from storytrace.claims import read_articles
from storytrace.provenance import judge_group
from storytrace.records import Article, Claim

FIRST = (
    "Harbour row\n\n"
    "The council did not approve the budget for the new harbour on Monday, the clerk said.\n\n"
    "Unions argued that managers who closed the depot should be punished.\n\n"
    "\u201cYou don\u2019t win an election by how many towns you win,\u201d Mayor Lena Hart "
    "said.\n\n"
    "Ivo Dimov, who phoned the mayor shortly after the ferry was declared lost, told "
    "reporters, \u201cI still trust this crew.\u201d\n\n"
    "It has been reported that the harbour master resigned last week.\n\n"
    "Mayor Lena Hart has done much of her work with 12 rival councillors since 2019, aides "
    "said.\n"
)
SECOND = (
    "Budget news\n\n"
    "The council approved the budget for the new harbour on Monday, officials said.\n\n"
    "Managers who closed the depot were punished by the board, the union said.\n\n"
    "Mayor Lena Hart has not won a single town in the region.\n\n"
    "The coast guard sent families a message saying the ferry was declared lost at sea.\n\n"
    "The harbour master resigned last week, the port authority said.\n\n"
    "Mayor Lena Hart has done little for the harbour in her first year, critics said.\n"
)
THIRD = (
    "Harbour\n\n"
    "The council approved the budget for the new harbour on Monday, a spokesman said.\n\n"
    "The board punished managers who closed the depot.\n\n"
    "Mayor Lena Hart did not win a single town in the region, results showed.\n\n"
    "The harbour master resigned last week, his deputy Anna Volkova said.\n"
)


@functools.cache
def _read() -> tuple[dict[str, Article], list[Claim]]:
    articles = [Article.from_text(text, outlet=outlet, published="2026-05-12")
                for text, outlet in ((FIRST, "Outlet A"), (SECOND, "Outlet B"),
                                     (THIRD, "Outlet C"))]  # fmt: skip
    claims = [c for _, found in read_articles(articles) for c in found]
    return {a.id: a for a in articles}, claims


def _pick(phrase: str, outlet: str) -> Claim:
    articles, claims = _read()
    (claim,) = [c for c in claims if phrase in c.text and articles[c.article_id].outlet == outlet]
    return claim


def test_the_same_main_action_asserted_by_both_is_one_fact() -> None:
    approved = _pick("council approved", "Outlet B")
    assert tells_one_fact(approved, _pick("council approved", "Outlet C"))
    punished = _pick("were punished by the board", "Outlet B")
    assert tells_one_fact(punished, _pick("The board punished", "Outlet C"))


def test_a_denial_does_not_confirm_an_assertion() -> None:
    refused = _pick("did not approve", "Outlet A")
    assert not tells_one_fact(refused, _pick("council approved", "Outlet B"))
    lost = _pick("has not won", "Outlet B")
    assert tells_one_fact(lost, _pick("did not win", "Outlet C"))  # two denials agree


def test_what_should_happen_confirms_nothing_that_did() -> None:
    argued = _pick("should be punished", "Outlet A")
    assert not tells_one_fact(argued, _pick("The board punished", "Outlet C"))


def test_a_light_or_framing_verb_shared_is_no_fact() -> None:
    worked = _pick("has done much of her work", "Outlet A")
    assert not tells_one_fact(worked, _pick("has done little", "Outlet B"))


def test_a_generic_you_is_not_a_named_person() -> None:
    quoted = _pick("You don", "Outlet A")
    assert not tells_one_fact(quoted, _pick("has not won", "Outlet B"))


def test_an_event_told_only_in_a_background_clause_is_not_the_claims_fact() -> None:
    phoned = _pick("Ivo Dimov", "Outlet A")
    declared = next(m for m in phoned.mentions if m.lemma.endswith("declare"))
    assert in_background(phoned, declared)
    assert declared not in main_actions(phoned)
    assert not tells_one_fact(phoned, _pick("coast guard", "Outlet B"))
    # the relative clause shared by both ("managers who closed the depot") is no fact either
    argued = _pick("should be punished", "Outlet A")
    assert all(m.lemma != "close" for m in main_actions(argued))


def test_a_report_that_names_no_one_is_shown_but_not_counted() -> None:
    articles, _ = _read()
    unnamed = _pick("It has been reported", "Outlet A")
    authority = _pick("port authority", "Outlet B")
    group = judge_group([unnamed, authority], articles)
    assert group.verdict != "corroborated"
    assert "Outlet A (Outlet A): an unnamed report" in group.evidence
    named = judge_group([_pick("Anna Volkova", "Outlet C"), authority], articles)
    assert named.verdict == "corroborated" and named.independent_sources == 2


def test_the_same_action_told_negated_denies_it() -> None:
    from storytrace.align.conflicts import denying

    articles, _ = _read()
    refused, approved = _pick("did not approve", "Outlet A"), _pick("council approved", "Outlet B")
    assert refused.certainty == "asserted"  # no denial in words: the action is negated
    assert denying([refused, approved]) == {refused.id}
    group = judge_group([refused, approved], articles)
    assert group.verdict == "conflicting"
    (polarity,) = [c for c in group.conflicts if c.attribute == "polarity"]
    affirmed, denied = polarity.values
    assert affirmed.article_ids == (approved.article_id,)
    assert denied.article_ids == (refused.article_id,)
    # two articles that both tell the action negated agree
    lost, lost_too = _pick("has not won", "Outlet B"), _pick("did not win", "Outlet C")
    assert denying([lost, lost_too]) == set()
