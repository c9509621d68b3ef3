from storytrace.records import Article
from storytrace.reuse.direction import orient, wire_marker


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
