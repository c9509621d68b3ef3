"""One origin per source whatever the spelling; verdicts change the way a reader expects."""

from __future__ import annotations

from storytrace.align.conflicts import contested_certainty, find_conflicts
from storytrace.provenance import judge_group, merge_origins, same_source
from storytrace.provenance.verdicts import articles_disagree
from storytrace.records import (
    Article,
    Attribution,
    Claim,
    Conflict,
    ConflictValue,
    Origin,
    Quantity,
)


def test_transliteration_and_spelling_variants_are_one_source() -> None:
    assert same_source("Pskovskaya Gubernia", "Pskovskaya Guberniya")
    assert same_source("Псковская губерния", "Pskovskaya Gubernia")
    assert same_source("Dewulf", "Marieke Dewulf")
    assert not same_source("Pskovskaya Gubernia", "Novaya Gazeta")
    assert same_source("Hillary Rodham Clinton", "Hillary Clinton")  # a middle name
    assert not same_source("Hillary Rodham Clinton", "Bill Clinton")
    assert not same_source("Hillary Rodham Clinton", "Hillary Rodham")
    merged = merge_origins([Origin("Pskovskaya Gubernia", "cited_source"),
                            Origin("Pskovskaya Guberniya", "cited_source")])  # fmt: skip
    assert len(merged) == 1
    assert set(merged[0].variants) == {"Pskovskaya Gubernia", "Pskovskaya Guberniya"}


def _article(name: str) -> Article:
    return Article.from_text(f"Text of {name}.", outlet=name)


def _claim(article: Article, text: str, *, source: str | None = None, count: float | None = None,
           certainty: str = "asserted") -> Claim:  # fmt: skip
    attribution = Attribution(source, "outlet", "reported", False) if source else None
    quantities = (
        (Quantity(f"{count} workers", count, count, count, "worker", predicate="kill"),)
        if count
        else ()
    )
    return Claim(f"{article.id}:0", article.id, text, (0, len(text)), certainty=certainty,
                 attribution=attribution, quantities=quantities)  # fmt: skip


def test_verdicts_follow_sources_numbers_and_denials() -> None:
    a, b, c = _article("Outlet A"), _article("Outlet B"), _article("Outlet C")
    articles = {x.id: x for x in (a, b, c)}
    both_cite = [_claim(a, "Three workers died.", source="Izvestia", count=3),
                 _claim(b, "Three workers died.", source="Izvestiya", count=3)]  # fmt: skip
    assert judge_group(both_cite, articles).verdict == "echoed"
    independent = [*both_cite, _claim(c, "Three workers died.", source="City Hospital", count=3)]
    group = judge_group(independent, articles)
    assert group.verdict == "corroborated" and group.independent_sources == 2
    changed = [*both_cite, _claim(c, "Five workers died.", source="City Hospital", count=5)]
    group = judge_group(changed, articles)
    assert group.verdict == "conflicting"
    assert group.conflicts[0].conservative == "3"
    denied = [*both_cite, _claim(c, "No workers died.", source="City Hospital", certainty="denied")]
    assert [x.attribute for x in find_conflicts(denied)] == ["polarity"]
    assert judge_group(both_cite[:1], articles).verdict == "single_source"


def test_contested_certainty_needs_two_articles() -> None:
    a, b = _article("Outlet A"), _article("Outlet B")
    asserted = _claim(a, "The unit is elite.")
    hedged = _claim(b, "The unit is reportedly elite.", certainty="hedged")
    assert contested_certainty([asserted, hedged])
    assert not contested_certainty([asserted, _claim(a, "The unit is elite?", certainty="hedged")])


def test_ukrainian_and_russian_endings_are_one_name() -> None:
    assert same_source("Зеленський", "Zelensky")
    assert same_source("Зеленский", "Zelenskiy")
    assert same_source("Навальный", "Navalny")
    assert same_source("Сергей Шойгу", "Sergei Shoigu")
    assert not same_source("Навальный", "Zelensky")


def test_initials_and_titles_do_not_make_a_second_source() -> None:
    assert same_source("Walter P. Hensley", "Walter Hensley")
    assert same_source("Representative Nora K. Vance", "Nora Vance")
    assert same_source("Sen. Ilse Moreau", "Ilse Moreau")
    assert not same_source("George W. Bush", "George H. W. Bush")
    assert not same_source("Walter Hensley", "Mary Hensley")
    assert not same_source("Representative Nora Vance", "Representative Ilse Vance")


def test_a_short_given_name_or_a_suffix_does_not_make_a_second_source() -> None:
    assert same_source("Joe Biden", "Joseph R. Biden Jr.")
    assert same_source("Bob Lane", "Robert Lane")
    assert same_source("Martin Luther King Jr.", "Martin Luther King")
    assert not same_source("Joe Lane", "John Lane")
    assert not same_source("Bill Lane", "Hillary Lane")


def test_one_persons_office_named_in_full_or_by_surname_is_one_source() -> None:
    assert same_source("Mayor Lena Hart\u2019s office", "Hart\u2019s office")
    assert same_source("Hart's campaign", "Lena Hart's campaign")
    assert not same_source("Hart's office", "Hart's campaign")  # two bodies
    assert not same_source("Lena Hart's office", "Ivo Hart's office")  # two people
    merged = merge_origins([Origin("Mayor Lena Hart's office", "cited_source", ()),
                            Origin("Hart's office", "cited_source", ())])  # fmt: skip
    assert [o.name for o in merged] == ["Mayor Lena Hart's office"]


def test_an_unattributed_retelling_takes_the_source_its_article_names() -> None:
    a, b = _article("Outlet A"), _article("Outlet B")
    articles = {x.id: x for x in (a, b)}
    said = Attribution("Vladimir Safronov", "person", "said", False)
    quoted = Attribution("Vladimir Safronov", "person", "said", True)
    members = [
        Claim(f"{a.id}:0", a.id, "He said looting was widespread.", (0, 30), attribution=said),
        Claim(f"{a.id}:40", a.id, "Sergeants were looting homes.", (40, 70)),
        Claim(f"{b.id}:0", b.id, '"There is a lot of looting."', (0, 28), attribution=quoted),
    ]
    group = judge_group(members, articles)
    assert group.verdict == "echoed"
    assert [(o.name, o.kind) for o in group.origins] == [("Vladimir Safronov", "speaker")]
    # Without the attributed member, article A's retelling is its own reporting.
    alone = judge_group(members[1:], articles)
    assert alone.verdict == "corroborated" and alone.independent_sources == 2


def test_counts_every_article_gives_alike_are_no_conflict() -> None:
    a, b = _article("Outlet A"), _article("Outlet B")
    articles = {x.id: x for x in (a, b)}
    quote = Attribution("Vladimir Safronov", "person", "said", True)
    shares = (
        Quantity("one person", 1, 1, 1, "person", predicate="share"),
        Quantity("two people", 2, 2, 2, "people", predicate="share"),
    )
    text = "A ration for one person is shared between two people."
    members = [
        Claim(f"{x.id}:0", x.id, text, (0, len(text)), attribution=quote, quantities=shares)
        for x in (a, b)
    ]
    group = judge_group(members, articles)
    assert (group.verdict, group.conflicts) == ("echoed", ())
    # Both articles give both values of one count: no two of them disagree.
    both = (a.id, b.id)
    alike = Conflict("count: person", (ConflictValue("1", both), ConflictValue("2", both)))
    assert not articles_disagree(alike)
    apart = Conflict("count: person", (ConflictValue("1", (a.id,)), ConflictValue("2", both)))
    assert not articles_disagree(apart)  # a gives 1 and 2, b gives 2: they share 2
    split = Conflict("count: person", (ConflictValue("1", (a.id,)), ConflictValue("2", (b.id,))))
    assert articles_disagree(split)


def test_bare_figures_of_a_group_do_not_conflict() -> None:
    a, b = _article("Outlet A"), _article("Outlet B")

    def margin(article: Article, points: float, predicate: str | None) -> Claim:
        text = f"The margin of error is plus or minus {points:g} percentage points."
        quantity = Quantity(f"{points:g} points", points, points, points, "percentage point",
                            predicate=predicate)  # fmt: skip
        return Claim(f"{article.id}:0", article.id, text, (0, len(text)), quantities=(quantity,))

    assert find_conflicts([margin(a, 4, None), margin(b, 6, None)]) == []  # two polls' margins
    (conflict,) = find_conflicts([margin(a, 4, "estimate"), margin(b, 6, "estimate")])
    assert conflict.attribute.startswith("count:")
