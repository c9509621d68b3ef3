"""Places that share a name are read by context; "X region" is a region; towns get admin1."""

from __future__ import annotations

import pytest

from storytrace.text import geocode_places, load_nlp
from storytrace.text.places import (
    context_countries,
    geocode,
    places_context,
    region_code,
    region_seat,
)


def _sentence(text: str):  # type: ignore[no-untyped-def]
    return next(iter(load_nlp()(text).sents))


def test_a_state_named_in_the_article_decides_which_paris() -> None:
    doc = load_nlp()("Storms hit Texas on Monday. In Paris, the mayor opened two shelters.")
    context = context_countries(doc.ents)
    assert {"US", "US-TX"} <= context
    (paris,) = [p for s in doc.sents for p in geocode_places(s, context) if p.text == "Paris"]
    assert (paris.country, paris.admin1) == ("US", "Texas")


def test_without_context_the_largest_namesake_wins() -> None:
    place = geocode("Paris", context_countries(load_nlp()("The mayor of Paris spoke.").ents))
    assert place is not None and place.country == "FR"


def test_a_region_in_context_beats_a_bigger_namesake_in_the_same_country() -> None:
    assert geocode("Paris", {"US", "US-KY"}).admin1 == "Kentucky"  # smaller than Paris, Texas
    assert geocode("Paris", {"US", "US-TX"}).admin1 == "Texas"


def test_a_world_city_beats_a_small_namesake_in_the_story_s_country() -> None:
    assert geocode("Paris", {"US"}).country == "FR"  # no Texas named: the world city
    assert geocode("Moscow", {"US"}).country == "RU"
    assert geocode("Springfield", {"US"}).country == "US"  # no world city of that name


@pytest.mark.parametrize(
    ("text", "country"),
    [("U.S.", "US"), ("US", "US"), ("USA", "US"), ("America", "US"), ("Britain", "GB"),
     ("U.K.", "GB"), ("UAE", "AE")],
)  # fmt: skip
def test_what_news_calls_a_country_is_that_country(text: str, country: str) -> None:
    for context in (set(), {"US"}, {"FR"}):
        place = geocode(text, context)
        assert place is not None and (place.precision, place.country) == ("country", country)


@pytest.mark.parametrize("text", ["VA", "EU", "North", "the South", "Middle East"])
def test_acronyms_compass_points_and_macro_regions_are_no_town(text: str) -> None:
    assert geocode(text, set()) is None
    assert geocode(text, {"US"}) is None


def test_a_nation_of_the_united_kingdom_beats_a_small_town_named_after_it() -> None:
    england = geocode("England", {"US"})
    assert england is not None and (england.country, england.precision) == ("GB", "region")


def test_a_large_town_is_still_known_by_its_initials() -> None:
    place = geocode("NYC", set())
    assert place is not None and (place.country, place.admin1) == ("US", "New York")


def test_places_already_found_make_the_context_of_a_story() -> None:
    texas = geocode("Texas", set())
    assert places_context([texas]) == {"US", "US-TX"}


@pytest.mark.parametrize(
    ("text", "code", "country"),
    [
        ("Pskov region", "RU-PSK", "RU"),
        ("Pskov Oblast", "RU-PSK", "RU"),
        ("pskov oblast", "RU-PSK", "RU"),
        ("Sumy Oblast", "UA-59", "UA"),
        ("Kharkiv region", "UA-63", "UA"),
        ("Khakassia", "RU-KK", "RU"),
    ],
)
def test_a_region_mention_is_an_iso_3166_2_region(text: str, code: str, country: str) -> None:
    place = geocode(text, set())
    assert place is not None
    assert (place.precision, place.country, region_code(place)) == ("region", country, code)


@pytest.mark.parametrize(
    ("town", "admin1"),
    [("Pskov", "Pskovskaya oblast'"), ("Sumy", "Sumska oblast"), ("Houston", "Texas")],
)
def test_towns_get_their_first_level_region(town: str, admin1: str) -> None:
    place = geocode(town, set())
    assert place is not None and (place.precision, place.admin1) == ("city", admin1)


def test_a_region_is_coded_at_its_largest_town() -> None:
    seat = region_seat(geocode("Pskov region", set()))
    assert seat is not None and seat.name == "Pskov"
    assert (round(seat.lat), round(seat.lon), seat.precision) == (58, 28, "region")


def test_the_port_of_a_town_is_a_place_even_when_the_model_misses_it() -> None:
    sentence = _sentence(
        "A fire tore through a chemical storage warehouse in the port of Ghent early on Tuesday."
    )
    (ghent,) = geocode_places(sentence, set())
    assert (ghent.name, ghent.country) == ("Gent", "BE")
    assert sentence.doc.text[ghent.span[0] : ghent.span[1]] == "Ghent"


def test_according_to_a_name_is_not_a_place() -> None:
    sentence = _sentence("About 60 servicemen refused to fight, according to Pskovskaya Gubernia.")
    assert geocode_places(sentence, {"RU"}) == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Crews fought a fire at a paint warehouse in the Antwerp docklands on Monday.", "Antwerp"),
        ("Shelling hit homes in the Mariupol harbour area overnight.", "Mariupol"),
    ],
)
def test_a_town_naming_an_area_is_a_place(text: str, name: str) -> None:
    sentence = _sentence(text)
    places = geocode_places(sentence, set())
    assert name in {p.name for p in places}


def test_a_name_modifying_a_non_place_noun_is_not_a_place() -> None:
    sentence = _sentence("Workers at the Lysmar warehouse were sent home on Tuesday.")
    assert geocode_places(sentence, {"BE"}) == []


def test_an_untagged_name_after_a_place_preposition_is_a_place_in_the_story_s_countries() -> None:
    text = "Apparently not wanting to fight, they just allegedly returned to Pskov without notice."
    sentence = _sentence(text)
    assert [p.name for p in geocode_places(sentence, {"RU"})] == ["Pskov"]
    assert geocode_places(sentence, {"FR"}) == []  # a guess: only in a country of the story


def test_a_month_after_in_is_never_a_town() -> None:
    sentence = _sentence("The council will vote in March on the permits of the port.")
    assert geocode_places(sentence, {"GB"}) == []


def test_a_state_named_far_away_does_not_move_a_world_city() -> None:
    doc = load_nlp()(
        "The governor of Texas spoke on Monday. Lawmakers met for an hour. Then the senator "
        "praised the accord signed in Paris, saying it would cut emissions."
    )
    context = context_countries(doc.ents)
    assert "US-TX" in context
    (paris,) = [p for s in doc.sents for p in geocode_places(s, context) if p.text == "Paris"]
    assert paris.country == "FR"


def test_a_name_read_again_in_another_context_is_read_anew() -> None:
    context = {"US", "US-TX"}
    texas = geocode("Paris", context, {"US-TX"})
    world = geocode("Paris", set())
    context.clear()  # the caller's set changing after a call changes no later answer
    assert texas is not None and world is not None
    assert (texas.country, world.country) == ("US", "FR")
    assert geocode("Paris", {"US", "US-TX"}, {"US-TX"}) == texas
    assert geocode("Paris", frozenset()) == world == geocode("Paris", set(), None)
