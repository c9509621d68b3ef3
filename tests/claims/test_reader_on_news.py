"""What a fact-checker reads off `analyze` in news copy: conditions inside quotations are no
assertions, a tweet is its author's words, a role is not the name the role word stands
beside, two people who share a surname stay two, and a show's name is no date."""

from __future__ import annotations

import pytest

from storytrace.claims import read_stage
from storytrace.claims.attribution import covering
from storytrace.claims.extract import is_claim
from storytrace.records import Article, Attribution, Claim


def _read(text: str) -> tuple[list[Attribution], list[Claim]]:
    (reading,) = read_stage([Article.from_text(text, published="2016-09-20")])
    return list(reading.attributions), list(reading.claims)


def _claim(text: str, opening: str) -> Claim:
    _, claims = _read(text)
    found = [c for c in claims if c.text.lstrip('"“ ').startswith(opening)]
    assert found, [c.text for c in claims]
    return found[0]


def _said(text: str, cue: str) -> Attribution:
    attributions, _ = _read(text)
    found = [a for a in attributions if a.cue.startswith(cue)]
    assert found, [(a.cue, a.source) for a in attributions]
    return found[0]


@pytest.mark.parametrize(
    ("text", "opening", "cue"),
    [
        ('"If it were only the two of them, Lee would win that race easily," said Tom Park, '
         "a former governor of Ohio.", "If it were", "if"),
        ("Were the board to release the files, it would hurt the company badly, the judge "
         "wrote on Monday.", "Were the board", "were"),
        ('"We will win the district if we stay united," the mayor told the crowd.',
         "We will win", "if"),
        ('"Unless the state pays for the repairs, the plant is going to close," the owner said.',
         "Unless the state", "unless"),
    ],
)  # fmt: skip
def test_a_condition_inside_a_quotation_is_no_assertion(text: str, opening: str, cue: str) -> None:
    claim = _claim(text, opening)
    assert claim.certainty == "hedged"
    assert cue in claim.hedges


@pytest.mark.parametrize(
    ("text", "opening"),
    [
        ("Even if the members resented the terms, the six countries joined the pact in 2015.",
         "Even if"),
        ("The rules bar the firm's lawyers from taking cases if they worked on them in office, "
         "the ethics board said.", "The rules"),
        ("The governor asked if the bridge would reopen before the winter storms arrived, "
         "aides said.", "The governor asked"),
    ],
)  # fmt: skip
def test_what_holds_whatever_the_condition_stays_asserted(text: str, opening: str) -> None:
    claim = _claim(text, opening)
    assert claim.certainty == "asserted", claim.hedges


def test_a_condition_alone_does_not_make_a_sentence_a_claim() -> None:
    text = (
        "The city unveiled its new bus shelters on Monday. They are painted blue. "
        "If you like the color blue, you would love the new bus shelters. "
        "The shelters have benches. Some have screens."
    )
    assert not [c for c in _read(text)[1] if c.text.startswith("If you like")]


def test_a_tweet_is_its_authors_words_not_the_words_of_the_person_it_names() -> None:
    text = (
        "Jane Holloway answered her critics on Sunday. Senator Mark Dwyer had criticised her "
        "plan at a rally in Ohio.\n\n"
        '<tweet author="realJaneHolloway" timestamp="1470067200">Mr. Dwyer, who has never '
        "met me, viciously attacked me from the stage and is now all over television doing "
        "the same!</tweet>.\n\nThe exchange continued into the evening."
    )
    (claim,) = [c for c in _read(text)[1] if "viciously attacked" in c.text]
    assert claim.attribution is not None
    assert (claim.attribution.source, claim.attribution.kind) == ("Jane Holloway", "person")
    assert claim.attribution.cue == "tweeted"


def test_an_unknown_tweet_author_is_the_account() -> None:
    text = (
        "The debate drew a large audience across the country on Tuesday night.\n\n"
        '<tweet author="@citywatcher99">The new stadium has cost the city 40 million dollars '
        "more than the council promised voters in 2014.</tweet>.\n"
    )
    claim = _claim(text, "The new stadium")
    assert claim.attribution is not None
    assert claim.attribution.source == "@citywatcher99"


@pytest.mark.parametrize(
    ("text", "cue", "wrong"),
    [
        ("The judge agreed with Mary Tyler that there was no reason to intrude on her privacy.",
         "agreed", "Mary Tyler"),
        ('Trump spoke in Ohio on Monday. The real estate businessman says of Clinton, "She will '
         'put the Oval Office up for sale."', "says", "Clinton"),
    ],
)  # fmt: skip
def test_a_role_is_not_the_person_named_after_its_verb(text: str, cue: str, wrong: str) -> None:
    attribution = _said(text, cue)
    assert wrong not in attribution.source
    assert attribution.kind == "person"


def test_two_people_joined_by_and_keep_their_shared_surname_apart() -> None:
    text = (
        "President Reyes is rolling out a new and more personal campaign message.\n\n"
        "The president told voters this weekend he would take it as an insult if they "
        "stayed home.\n\n"
        "The campaign plans to send Mr. Reyes and the first lady, Carmen Reyes, to rallies "
        "in the coming weeks."
    )
    attribution = _said(text, "told")
    assert attribution.source != "Carmen Reyes"
    assert attribution.kind == "person"


def test_a_party_before_a_persons_role_is_not_the_source() -> None:
    attribution = _said(
        "The GOP presidential nominee argued that the state legislature had put divorce files "
        "off-limits.",
        "argued",
    )
    assert attribution.kind == "person"
    assert attribution.source != "GOP"


def test_a_spokesman_still_speaks_for_the_body_that_names_him() -> None:
    attribution = _said("A Pentagon spokesman said the drill would go ahead next month.", "said")
    assert (attribution.source, attribution.kind) == ("Pentagon", "organisation")


@pytest.mark.parametrize(
    ("text", "opening"),
    [
        ('Comedian Ann Pike, who hosts the weekly show "Last Week Tonight," lost her temper '
         "over the tax plan.", "Comedian Ann Pike"),
    ],
)  # fmt: skip
def test_a_shows_name_is_no_date(text: str, opening: str) -> None:
    claim = _claim(text, opening)
    assert not claim.dates, claim.dates


def test_a_date_in_lower_case_is_still_read() -> None:
    claim = _claim("The senator said last week that the spending bill would pass.", "The senator")
    assert [d.text for d in claim.dates] == ["last week"]


@pytest.mark.parametrize(
    "line", ['"Follow Ann Key on Twitter @annkeywrites."', "Follow @annkeywrites for updates."]
)
def test_an_invitation_to_follow_the_writer_is_no_claim(line: str) -> None:
    # carried from the transcript line before it, as a quotation's continuation is
    speaker = Attribution(source="Tom Lee", kind="person", cue=":", direct=True)
    assert not is_claim(0.0, speaker, ("asserted", ()), line)
    crops = '"Fellow farmers on the plains lost their crops."'
    assert is_claim(0.0, speaker, ("asserted", ()), crops)


@pytest.mark.parametrize(
    "text",
    [
        "Many Democrats say the statistical edge hides worries about turnout in the cities.",
        "Two Republicans said they would vote against the spending bill on Friday.",
    ],
)
def test_counted_party_members_are_people_not_the_party(text: str) -> None:
    attributions, _ = _read(text)
    assert [a.kind for a in attributions] == ["unnamed"]


def test_a_party_by_itself_is_still_the_party() -> None:
    (attribution,) = _read("Democrats say the spending bill is dead in the Senate.")[0]
    assert attribution.kind == "organisation"


def test_the_subject_of_a_raising_verb_is_no_source() -> None:
    attributions, claims = _read(
        "The blunt language from the mayor seemed to reverberate across the city on Sunday."
    )
    assert all(not a.source for a in attributions)
    assert all(c.attribution is None or not c.attribution.source for c in claims)


def test_a_quoted_scrap_is_no_claim() -> None:
    text = (
        "Tom Lee, the mayor of the town, spoke on Monday about the flood and the repairs.\n\n"
        '"Will the water be gone by Friday? Probably not," Lee said.\n\n'
        '"I would," Ann Hart said to the reporters.\n\n'
        '"Things are bad with food," Lee said.\n'
    )
    kept = [c.text for c in _read(text)[1]]
    assert not [t for t in kept if "Probably not" in t or "I would" in t]
    assert [t for t in kept if t.startswith('"Things are bad')]


def test_a_sentence_that_tells_more_than_its_quoted_scrap_stays_a_claim() -> None:
    text = (
        'Protesters marching through the streets chanted "What curfew?" and kept going '
        "until nearly 2 a.m. on Friday in defiance of the order."
    )
    assert [c for c in _read(text)[1] if c.text.startswith("Protesters")]


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("Her submission to the court noted that the reports were false and misleading.",
         "noted"),
        ("The senator's brief said that was never her view of the contract.", "said"),
    ],
)  # fmt: skip
def test_a_filing_is_a_document(text: str, cue: str) -> None:
    assert _said(text, cue).kind == "document"


def test_a_headlines_capitalised_role_is_a_person() -> None:
    attribution = _said("Judge rejects city request to unseal the old zoning file.", "rejects")
    assert (attribution.source, attribution.kind) == ("Judge", "person")


def test_a_condition_on_a_joined_clause_leaves_the_first_asserted() -> None:
    claim = _claim(
        "The researchers reported that the firm holds $14 billion abroad and would owe "
        "$4 billion in taxes if that money were brought home.",
        "The researchers",
    )
    assert claim.certainty == "asserted", claim.hedges


def test_a_sentence_is_credited_to_the_source_cued_in_it_not_one_running_on() -> None:
    text = (
        "Ann Lee needs to tell more jokes. Tom Ross needs to tell the truth about things and "
        "lay out actual policies.\nAccording to the Daily Ledger, basically. As one Twitter "
        "user @citywatcher pointed out with a telling side-by-side, the gap between the two "
        "standards is so vast it is almost laughable.\n"
    )
    (claim,) = [c for c in _read(text)[1] if c.text.startswith("As one Twitter user")]
    assert claim.attribution is not None
    assert claim.attribution.cue == "pointed out"
    assert claim.attribution.kind == "person"


def test_a_clause_that_is_the_subject_denies_nothing() -> None:
    claim = _claim(
        '"Denying the flood victims their day in court is simply wrong," the widow said.',
        "Denying",
    )
    assert claim.certainty != "denied", claim.hedges


def test_an_emphatic_belief_is_a_hedge() -> None:
    claim = _claim('"I do think the votes are there for the override," the speaker said.', "I do")
    assert claim.certainty == "hedged"


def test_a_month_after_a_conditions_were_to_is_ahead() -> None:
    claim = _claim(
        "A spokesman said Friday that if his candidate were to win in November, she would "
        "sign the bill into law.",
        "A spokesman",
    )
    months = [d.start for d in claim.dates if d.text == "November"]
    assert months == ["2016-11-01"]


def test_a_condition_under_a_would_further_up_is_no_assertion() -> None:
    claim = _claim(
        '"If he is asked questions he is unable to answer, he would try to turn them back '
        'onto the questioners," she said.',
        "If he is asked",
    )
    assert claim.certainty == "hedged"


@pytest.mark.parametrize(
    ("inner_source", "chosen"), [("", "Walker"), ("Daily Ledger", "Daily Ledger")]
)
def test_a_sentence_takes_a_source_cued_in_it_only_when_it_names_one(
    inner_source: str, chosen: str
) -> None:
    # a speaker's line 0-120 whose content holds the sentence's main verb at 60; a
    # relation cued inside the sentence at 40 whose content also holds it
    speaker = Attribution(
        source="Walker",
        kind="person",
        cue=":",
        direct=True,
        cue_span=(6, 7),
        cue_fragments=((6, 7),),
        content_fragments=((8, 120),),
    )
    inner = Attribution(
        source=inner_source,
        kind="outlet" if inner_source else "unnamed",
        cue="wrote",
        direct=False,
        cue_span=(40, 45),
        cue_fragments=((40, 45),),
        content_fragments=((47, 120),),
    )
    found = covering([speaker, inner], 10, 120, root=60)
    assert found is not None and found.source == chosen
