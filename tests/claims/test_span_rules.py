"""The span rules run on the role tagger's labels (claims/span_rules.py), on written sentences."""

from __future__ import annotations

from storytrace.claims.features import quote_mask
from storytrace.claims.relations import _roles_of, fallback_source
from storytrace.claims.span_rules import (
    according_phrase,
    according_source,
    across_space,
    chain_subject,
    closing_comma,
    cut_tail,
    dated_cue,
    drop_cued_relative,
    drop_opening,
    drop_participle,
    next_line_content,
    participle_subject,
    sourceless,
    split_subject,
    trim_source,
    whole_subject,
)
from storytrace.text.nlp import load_nlp


def _words(tokens: list) -> list[str]:
    return [t.text for t in tokens]


def test_a_source_runs_left_over_the_words_its_name_governs() -> None:
    doc = load_nlp()("Republican vice-presidential nominee Mike Pence echoed the warning.")
    pence = next(t for t in doc if t.text == "Pence")
    tagged = [doc[pence.i - 1], pence]  # the tagger marked "Mike Pence" only
    expected = "Republican vice - presidential nominee Mike Pence"
    assert " ".join(_words(trim_source(tagged))) == expected
    alone = trim_source([pence])  # a single tagged word is extended the same way
    assert _words(alone)[0] == "Republican"
    # a word before the phrase that the name does not govern stays out
    doc = load_nlp()("How Paul Ryan answered was telling.")
    assert _words(trim_source(list(doc[0:3]))) == ["Paul", "Ryan"]


def test_a_phrase_the_parse_splits_into_sibling_subjects_is_kept_whole() -> None:
    doc = load_nlp()("His ex-wife agreed that the house should be sold.")
    subjects = [t for t in doc[:4] if t.dep_ == "nsubj"]
    assert len(subjects) > 1, "the parse this test is about: 'ex', '-', 'wife' each a subject"
    assert _words(trim_source(list(doc[:4]))) == ["His", "ex", "-", "wife"]


def test_the_subject_the_tagger_left_in_the_content_becomes_the_source() -> None:
    doc = load_nlp()("Cruz called the plan a disaster for working families.")
    cue = [doc[1]]
    content = [doc[0], *doc[2:9]]  # the tagger read "Cruz" as part of the content
    source, rest = split_subject(cue, content, {1})
    assert _words(source) == ["Cruz"]
    assert _words(rest) == ["the", "plan", "a", "disaster", "for", "working", "families"]
    # a subject outside the content is no split (left to the other fallbacks)
    assert split_subject(cue, list(doc[2:9]), {1}) == ([], list(doc[2:9]))


def test_the_subject_of_a_copular_or_raising_verb_is_no_source() -> None:
    doc = load_nlp()("Clinton appeared confident that the vote would pass.")
    content = [t for t in doc if t.i != 1 and not t.is_punct]
    assert split_subject([doc[1]], content, {1}) == ([], content)


def test_a_cue_ending_its_line_with_a_colon_takes_the_next_line_as_content() -> None:
    text = "The mayor added:\n\nThe bridge will reopen in May.\n\nThe council met later."
    doc = load_nlp()(text)
    cue = [t for t in doc if t.text in ("added", ":")]
    found = next_line_content(cue, quote_mask(doc))
    assert " ".join(_words(found)) == "The bridge will reopen in May ."


def test_a_quotation_opening_the_next_line_is_the_content_up_to_its_closing_mark() -> None:
    text = 'The mayor added:\n\n"We will rebuild it," she said.\n\nThe council met.'
    doc = load_nlp()(text)
    cue = [t for t in doc if t.text in ("added", ":")]
    found = next_line_content(cue, quote_mask(doc))
    assert "".join(t.text_with_ws for t in found).strip() == '"We will rebuild it,"'


def test_a_colon_inside_its_line_or_a_cue_without_one_gets_no_next_line() -> None:
    doc = load_nlp()("The mayor added: the bridge will reopen.\n\nThe council met.")
    quoted = quote_mask(doc)
    assert next_line_content([doc[2], doc[3]], quoted) == []
    assert next_line_content([doc[2]], quoted) == []


def test_a_source_opens_with_neither_a_stray_quotation_mark_nor_a_focusing_even() -> None:
    nlp = load_nlp()
    doc = nlp('He was blunt. " Vann Newkirk, a writer for The Atlantic, said the plan failed.')
    start = next(t.i for t in doc if t.text == '"')
    tagged = list(doc[start : start + 10])  # '" Vann Newkirk , a writer for The Atlantic ,'
    assert _words(drop_opening(tagged))[:2] == ["Vann", "Newkirk"]
    doc = nlp("Even some of his admirers said the plan was a mistake.")
    assert doc[0].dep_ == "advmod", "the parse this test is about: 'Even' modifies the phrase"
    assert _words(drop_opening(list(doc[:5]))) == ["some", "of", "his", "admirers"]
    relative = nlp("It was a plan which many in the party said would fail.")
    run = list(relative[4:9])  # "which many in the party"
    assert _words(drop_opening(run)) == ["many", "in", "the", "party"]
    # a source that is one word is left whole; a name is never cut
    assert _words(drop_opening([doc[0]])) == ["Even"]
    assert _words(drop_opening(list(doc[1:5]))) == ["some", "of", "his", "admirers"]


def test_according_to_x_takes_x_out_of_the_content_as_the_source() -> None:
    doc = load_nlp()("Clinton plans to visit Charlotte on Sunday, according to a campaign aide.")
    cue = [t for t in doc if t.lower_ in ("according", "to") and t.i > 5]
    content = [t for t in doc if t not in cue and not t.is_punct]  # the tagger read it all
    source, rest = according_source(cue, content, {t.i for t in cue})
    assert _words(source) == ["a", "campaign", "aide"]
    assert _words(rest)[:3] == ["Clinton", "plans", "to"] and "aide" not in _words(rest)
    # X already outside the content: nothing to split (fallback_source takes it)
    outside = [t for t in content if t.i < cue[0].i]
    assert according_source(cue, outside, {t.i for t in cue}) == ([], outside)
    # any other cue: no phrase
    assert according_phrase([doc[1]]) == []


def test_according_to_x_reads_x_whether_the_parse_makes_it_an_object_or_a_clause() -> None:
    doc = load_nlp()("Trump demeaned women, according to show insiders.")
    cue = [t for t in doc if t.lower_ in ("according", "to")]
    assert _words(according_phrase(cue)) == ["show", "insiders"]


def test_a_cue_runs_on_over_the_day_name_that_modifies_its_verb() -> None:
    nlp = load_nlp()
    doc = nlp("The police department revealed Tuesday that the drug was found.")
    assert _words(dated_cue([doc[3]])) == ["revealed", "Tuesday"]
    # a day that belongs to the content's own verb stays out, as does any other next word
    doc = nlp("Officials said the vote is Tuesday.")
    assert _words(dated_cue([doc[1]])) == ["said"]
    doc = nlp("Officials said that the bridge would reopen.")
    assert _words(dated_cue([doc[1]])) == ["said"]


def test_a_raising_verb_cue_takes_no_source_span() -> None:
    doc = load_nlp()("Sanders seemed to concede the point, and Clinton said she would win.")
    seemed = next(t for t in doc if t.text == "seemed")
    said = next(t for t in doc if t.text == "said")
    assert sourceless([seemed]) and sourceless([seemed, seemed.nbor()])
    assert not sourceless([said])


def test_a_source_loses_the_words_after_its_name_that_modify_the_verb() -> None:
    nlp = load_nlp()
    doc = nlp("Trump said on Tuesday that the wall would rise.")
    assert doc[2].head.i == 1, "the parse this test is about: 'on Tuesday' modifies 'said'"
    assert _words(cut_tail([doc[0], doc[2], doc[3]])) == ["Trump"]  # tagged "Trump on Tuesday"
    # a phrase of the name itself stays ("the senator from Massachusetts")
    doc = nlp("Warren, the senator from Massachusetts, said the bill would fail.")
    assert _words(cut_tail(list(doc[:7]))) == _words(list(doc[:7]))


def test_a_source_run_carries_on_over_a_no_break_space_inside_its_phrase() -> None:
    nlp = load_nlp()
    doc = nlp("Several Republican leaders, including Sens.\xa0John McCain and Kelly Ayotte, said.")
    tagged = list(doc[:7])  # the tagger stopped at the no-break space after "Sens."
    found = "".join(t.text_with_ws for t in across_space(tagged))
    assert found.split()[-4:] == ["McCain", "and", "Kelly", "Ayotte,"]
    # an ordinary space after the run: nothing added
    doc = nlp("Several Republican leaders said so.")
    assert _words(across_space(list(doc[:3]))) == ["Several", "Republican", "leaders"]


def test_a_source_run_loses_a_participle_clause_that_closes_it_after_a_comma() -> None:
    nlp = load_nlp()
    doc = nlp("The report, released by the committee on Tuesday, found that the agency failed.")
    assert doc[3].dep_ == "acl", "the parse this test is about: 'released ...' modifies 'report'"
    assert _words(drop_participle(list(doc[:10]))) == ["The", "report"]
    # a participle inside an apposition, with no comma before it, stays
    doc = nlp("John Archer, a delegate wearing a shirt, said the race was close.")
    assert _words(drop_participle(list(doc[:9]))) == _words(list(doc[:9]))


def test_a_source_run_stopping_inside_the_subject_is_carried_on_to_its_end() -> None:
    nlp = load_nlp()
    doc = nlp(
        "Richard Curtin, the chief economist for the Michigan Survey of Consumers, said "
        "confidence had fallen."
    )
    said = next(t for t in doc if t.text == "said")
    assert doc[1].dep_ == "nsubj" and doc[1].head.i == said.i, "the parse this test is about"
    tagged = list(doc[:10])  # the tagger stopped at "... the Michigan Survey"
    whole = "Richard Curtin, the chief economist for the Michigan Survey of Consumers,"
    found = whole_subject(tagged, [said], {said.i})
    assert "".join(t.text_with_ws for t in found).strip() == whole
    # the role tagger's labels, read for the cue, end the same way
    window = range(0, len(doc))
    labels = ["Source" if i < 10 else "Content" if i > said.i else "O" for i in window]
    source = _roles_of(doc, [said], window, labels)["Source"]
    assert "".join(t.text_with_ws for t in source).strip() == whole
    # a source after its cue ("said Anna Berg, a teacher ...")
    doc = nlp('"We will win," said Anna Berg, a teacher from the town of Hull.')
    said = next(t for t in doc if t.text == "said")
    tagged = [t for t in doc if said.i < t.i <= said.i + 5]  # "Anna Berg, a teacher"
    found = whole_subject(tagged, [said], {said.i})
    assert " ".join(_words(found)) == "Anna Berg , a teacher from the town of Hull"
    # after its cue, the source keeps no closing comma ("..., before the vote began.")
    doc = nlp(
        '"We will win," said Anna Berg, a teacher from the town of Hull, before the vote began.'
    )
    said = next(t for t in doc if t.text == "said")
    assert doc[said.i + 11].text == "," and doc[said.i + 11].head.text == "Berg", "the parse"
    tagged = [t for t in doc if said.i < t.i <= said.i + 5]
    found = whole_subject(tagged, [said], {said.i})
    assert " ".join(_words(found)) == "Anna Berg , a teacher from the town of Hull"


def test_a_source_run_is_not_carried_into_a_relative_clause_content_or_another_start() -> None:
    nlp = load_nlp()
    doc = nlp("Sandy Phillips, who lost her daughter in the shooting, said the law must change.")
    said = next(t for t in doc if t.text == "said")
    assert doc[4].dep_ == "relcl", "the parse this test is about"
    assert _words(whole_subject(list(doc[:2]), [said], {said.i})) == ["Sandy", "Phillips"]
    doc = nlp(
        "Richard Curtin, the chief economist for the Michigan Survey of Consumers, said "
        "confidence had fallen."
    )
    said = next(t for t in doc if t.text == "said")
    tagged = list(doc[:10])
    # a word of the subject labelled content (or cue) keeps the run as tagged
    assert whole_subject(tagged, [said], {said.i, 11}) == tagged
    # a run that starts after the subject starts is left to trim_source
    assert whole_subject(tagged[1:], [said], {said.i}) == tagged[1:]


def test_a_source_after_its_cue_keeps_an_appositions_closing_comma_a_name_does_not() -> None:
    nlp = load_nlp()
    doc = nlp('"We will win," said Anna Berg, a teacher from Hull, before the vote began.')
    said = [next(t for t in doc if t.text == "said")]
    tagged = [t for t in doc if said[0].i < t.i <= said[0].i + 7]  # "Anna Berg, ... Hull"
    assert " ".join(_words(closing_comma(tagged, said))) == "Anna Berg , a teacher from Hull ,"
    doc = nlp('"We will win," said Smith, before the vote began.')
    said = [next(t for t in doc if t.text == "said")]
    tagged = [doc[said[0].i + 1], doc[said[0].i + 2]]  # "Smith ,": the comma is not his
    assert _words(closing_comma(tagged, said)) == ["Smith"]
    # the X of "according to X" is left as it is
    doc = nlp("The vote was rigged, according to Anna Berg, a teacher from Hull, who was there.")
    cue = [t for t in doc if t.text in {"according", "to"}]
    tagged = [t for t in doc if cue[-1].i < t.i <= cue[-1].i + 7]
    assert closing_comma(tagged, cue) == tagged


def test_a_later_verb_of_several_takes_the_first_verbs_subject_as_its_source() -> None:
    nlp = load_nlp()
    doc = nlp("The mayor reversed herself, rushed everyone inside and said the count would go on.")
    said = next(t for t in doc if t.text == "said")
    assert said.dep_ == "conj" and said.head.text == "rushed", "the parse: a chain of verbs"
    assert _words(chain_subject(said)) == ["The", "mayor"]
    content = [t for t in doc if t.i > said.i and not t.is_punct]
    assert _words(fallback_source([said], content, {said.i})) == ["The", "mayor"]
    # the first verb passive ("was forced ... and said")
    doc = nlp("Mr. Trump was forced into damage control and said his words were misconstrued.")
    said = next(t for t in doc if t.text == "said")
    assert _words(chain_subject(said)) == ["Mr.", "Trump"]
    # a verb with a subject of its own, or a copular one, takes none
    doc = nlp("The mayor stood up and she said the count would go on.")
    assert chain_subject(next(t for t in doc if t.text == "said")) == []
    doc = nlp("The mayor stood up and was certain that the count would go on.")
    assert chain_subject(next(t for t in doc if t.text == "was")) == []
    # nor when the subject is labelled content or cue
    doc = nlp("The mayor reversed herself and said the count would go on.")
    said = next(t for t in doc if t.text == "said")
    assert fallback_source([said], list(doc[:2]), {said.i}) == []


def test_a_source_loses_a_relative_clause_that_holds_another_cue() -> None:
    doc = load_nlp()(
        "Mrs. Lee, who told reporters the vote was rigged, said the count must restart."
    )
    told = next(t for t in doc if t.text == "told")
    said = next(t for t in doc if t.text == "said")
    assert told.dep_ == "relcl" and told.head.text == "Lee", "the parse this test is about"
    tagged = [t for t in doc if t.i < said.i]
    assert _words(drop_cued_relative(tagged, {told.i})) == ["Mrs.", "Lee"]
    # a clause that holds no cue stays (PolNeAR mostly keeps it), as does a source without one
    assert drop_cued_relative(tagged, set()) == tagged
    assert drop_cued_relative(tagged, {said.i + 2}) == tagged
    assert _words(drop_cued_relative(list(doc[:2]), {told.i})) == ["Mrs.", "Lee"]
    # through the reader's own step, the other cue given with the labels
    window = range(0, len(doc))
    labels = ["Source" if i < said.i else "Content" if i > said.i else "O" for i in window]
    found = _roles_of(doc, [said], window, labels, {told.i, said.i})
    assert _words(found["Source"]) == ["Mrs.", "Lee"]


def test_a_source_run_ending_where_the_subject_ends_is_carried_back_to_its_start() -> None:
    nlp = load_nlp()
    doc = nlp("Another friend, Mariam Emara, told reporters the family had left.")
    told = next(t for t in doc if t.text == "told")
    assert doc[1].dep_ == "nsubj" and doc[4].dep_ == "appos", "the parse this test is about"
    found = whole_subject(list(doc[3:6]), [told], {told.i})  # the tagger's "Mariam Emara,"
    assert " ".join(_words(found)) == "Another friend , Mariam Emara ,"
    doc = nlp("Officials close to Mr. Trump said the plan was dead.")
    said = next(t for t in doc if t.text == "said")
    found = whole_subject(list(doc[3:5]), [said], {said.i})  # "Mr. Trump"
    assert " ".join(_words(found)) == "Officials close to Mr. Trump"
    # not a run that stops inside the subject at both ends, nor one after the cue
    assert whole_subject(list(doc[2:4]), [said], {said.i}) == list(doc[2:4])
    doc = nlp('"The plan is dead," said Anna Berg, a teacher from the town of Hull.')
    said = next(t for t in doc if t.text == "said")
    tagged = [t for t in doc if said.i + 3 < t.i]  # ", a teacher from ... Hull ."
    assert whole_subject(tagged, [said], {said.i}) == tagged


def test_a_participle_cue_takes_the_subject_of_the_clause_it_hangs_from() -> None:
    nlp = load_nlp()
    doc = nlp("Cruz opened the debate by dismissing them as a cartel, calling McConnell a liar.")
    dismissing = next(t for t in doc if t.text == "dismissing")
    assert dismissing.dep_ == "pcomp", "the parse this test is about: 'by dismissing'"
    assert _words(participle_subject(dismissing)) == ["Cruz"]
    doc = nlp("The senator ended the speech after thanking the crowd for its patience.")
    thanking = next(t for t in doc if t.text == "thanking")
    content = [t for t in doc if t.i > thanking.i and not t.is_punct]
    assert _words(fallback_source([thanking], content, {thanking.i})) == ["The", "senator"]
    # a participle in a relative clause climbs no further than the clause
    doc = nlp("The man who was saying that the vote was rigged left early.")
    assert participle_subject(next(t for t in doc if t.text == "saying")) == []
