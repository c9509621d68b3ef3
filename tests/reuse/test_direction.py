from storytrace.records import Article
from storytrace.reuse.direction import Overlap, orient, republication_note, wire_marker


def _pair(
    text_a: str, text_b: str, *, first: dict[str, str], second: dict[str, str]
) -> tuple[Article, Article]:
    return Article.from_text(text_a, **first), Article.from_text(text_b, **second)


def test_wire_markers() -> None:
    assert wire_marker("BRISTOL, England (CPA) — Floods closed the bridge.") == ("(CPA) —", 17)
    assert wire_marker("WASHINGTON (AP) - The Senate voted.") == ("(AP) -", 11)
    assert wire_marker("Title\n\nKYIV (Reuters) Ukraine said") == ("(Reuters)", 12)
    assert wire_marker("The text ends.\n— Reuters\n") == ("— Reuters", 15)
    # An ordinary acronym in brackets is not an agency.
    assert wire_marker("The alliance (NATO) met in Brussels on Friday.") is None


def test_dates_beat_everything_else() -> None:
    pair = _pair(
        "LONDON (CPA) — text",
        "text",
        first={"published": "2024-03-02"},
        second={"published": "2024-03-01"},
    )
    source, evidence = orient(pair, covered=(1.0, 0.4))
    assert source == 1
    assert evidence[0] == "published earlier: 2024-03-01 < 2024-03-02"
    assert [line.split(":")[0] for line in evidence[1:]] == ["contrary", "contrary"]


def test_same_day_does_not_decide() -> None:
    pair = _pair(
        "a", "b", first={"published": "2024-03-01"}, second={"published": "2024-03-01T10:00"}
    )
    assert orient(pair, covered=(0.3, 0.3))[1] == ("direction undetermined",)


def test_naming_the_other_outlet_makes_it_the_source() -> None:
    pair = _pair(
        "Pskovskaya Gubernia reported the unit's refusal.",
        "Our sources say the unit refused.",
        first={"outlet": "SOFREP"},
        second={"outlet": "Pskovskaya Gubernia"},
    )
    assert orient(pair, covered=(0.5, 0.5)) == (1, ("SOFREP names Pskovskaya Gubernia",))


def test_containment_asymmetry() -> None:
    pair = _pair("short", "long", first={"outlet": "S"}, second={"outlet": "L"})
    # All of S inside L, which adds its own text: S is the original.
    assert orient(pair, covered=(0.95, 0.5))[0] == 0
    # S mostly but not wholly L's words, L much less S's: S is the trimmed copy.
    source, evidence = orient(pair, covered=(0.7, 0.3))
    assert source == 1
    assert evidence == ("containment asymmetry: S is mostly (70%) text of L",)
    # Near-duplicates: nothing decides, the smaller id is the source.
    source, evidence = orient(pair, covered=(0.95, 0.93))
    assert evidence == ("direction undetermined",)
    assert pair[source].id == min(pair[0].id, pair[1].id)


def test_republication_notes() -> None:
    assert republication_note("Text.\n\nThis piece first appeared on Global Risk Insights.") == (
        "first appeared"
    )
    assert republication_note("Text.\nReprinted courtesy of Broadside Books.") == "Reprinted"
    assert republication_note("Read more at the Gazette's website") == "Read more at"
    # An outlet's own footer points to itself: no evidence that the text came from elsewhere.
    assert republication_note("Text.\nRead more stories like this at our website.") is None
    assert republication_note("Text.\nRead more at our website.") is None
    # Only near the end: a "first published" early in a long article is history, not a note.
    early = "The novel, first published in 1851, " + "is long. " * 80
    assert republication_note(early) is None
    assert republication_note("An article was published in its place.") is None


def test_a_republication_note_marks_the_copy() -> None:
    pair = _pair(
        "Body of the story.",
        "Body of the story.\n\nThis story first appeared in the Valley Herald.",
        first={"outlet": "A"},
        second={"outlet": "B"},
    )
    source, evidence = orient(pair, covered=(1.0, 0.9))
    assert source == 0
    assert evidence[0] == "republication note 'first appeared' at the end of B"


def test_kept_paragraphs_that_lie_apart_in_the_other_text_are_an_excerpt() -> None:
    pair = _pair("long", "short", first={"outlet": "Long"}, second={"outlet": "Short"})
    # Short's three passages are contiguous in Short, 100+ words apart in Long.
    overlap = Overlap(
        covered=(0.3, 1.0),
        spans=(((40, 80), (200, 240), (400, 440)), ((0, 40), (40, 80), (80, 120))),
    )
    source, evidence = orient(pair, covered=overlap.covered, overlap=overlap)
    assert source == 0
    assert (
        evidence[0]
        == "excerpt: Short keeps 3 passages of Long and skips the 280 words between them"
    )
    # One block inside the longer text: an intro and a trailer around a pasted story.
    block = Overlap(covered=(0.3, 1.0), spans=(((40, 160),), ((0, 120),)))
    source, evidence = orient(pair, covered=block.covered, overlap=block)
    assert source == 1
    assert evidence[0].startswith("containment asymmetry: Long holds 100% of Short")


def test_rarer_words_inside_the_passages_mark_the_rewrite() -> None:
    pair = _pair("a", "b", first={"outlet": "Plain"}, second={"outlet": "Spun"})
    overlap = Overlap(covered=(0.95, 0.95), rarity=((1.2, 6), (3.4, 7)))
    source, evidence = orient(pair, covered=overlap.covered, overlap=overlap)
    assert source == 0
    assert evidence == (
        "word choice: where the passages differ, Spun uses rarer words "
        "(mean IDF 3.40 against 1.20)",
    )
    # Too few differing words, a gap too small, or one side without words of its own.
    for rarity in (((1.2, 1), (3.4, 2)), ((2.0, 6), (2.1, 6)), ((0.0, 0), (3.4, 9))):
        undecided = Overlap(covered=(0.95, 0.95), rarity=rarity)
        assert orient(pair, covered=undecided.covered, overlap=undecided)[1] == (
            "direction undetermined",
        )
