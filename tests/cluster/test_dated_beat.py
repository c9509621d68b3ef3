"""A dated feed of one beat: many events about one candidate, each told in the same names.

Every article below is about one invented candidate, Mara Quell, in one invented race, over
three days; each retells the race's background in its own words (her lost race in 2012, the
vote in 2016). Two reports tell one event (her rally in Fenwick); the others are one event
each.
"""

from __future__ import annotations

import dataclasses

import numpy as np

from storytrace.cluster import article_vectors, group_stories
from storytrace.cluster.events import (
    DATED_ALIKE,
    DATED_MARGIN,
    dated_events,
    neighbourhood_similarity,
    stand_out,
)
from storytrace.records import Article

# The race's background, as outlets retell it: names, years and a count every article repeats.
BACKGROUND = [
    "Quell, a former state treasurer who lost the 2012 governor's race in Dorvania by 9 "
    "points, faces Republican Tobias Brenn in the 2016 election.",
    "The 2016 race pits Quell against Tobias Brenn, a two-term Republican mayor; she lost "
    "her first bid for governor of Dorvania in 2012.",
    "Dorvania votes for governor in 2016. Quell, who ran and lost in 2012, is the Democrat; "
    "Brenn won his party's primary in May.",
]
RALLY = [
    (
        "Quell promises 40,000 jobs at Fenwick rally",
        "Mara Quell told a crowd of about 3,000 at the Fenwick steelworks on Tuesday that she "
        "would bring 40,000 manufacturing jobs back to the Ohlen valley, and promised to reopen "
        "the rail yard that closed last spring. Workers in hard hats cheered as she pledged a "
        "tax credit for any plant that hires in the valley. 'The furnaces will burn again,' she "
        "said, standing on a flatbed truck beside the union local's banner, before leaving for a "
        "town hall in Marrow.",
    ),
    (
        "At the Fenwick steelworks, Quell vows to reopen the rail yard",
        "Speaking at the Fenwick steelworks on Tuesday, Mara Quell pledged to reopen the valley's "
        "shuttered rail yard and to bring back 40,000 factory jobs to the Ohlen valley. The crowd, "
        "some 3,000 steelworkers and their families, cheered her promise of a hiring tax credit "
        "for plants in the valley. Standing on a flatbed truck under the union local's banner, "
        "she told them the furnaces would burn again, then left for an evening town hall in "
        "Marrow.",
    ),
]
OTHERS = [
    (
        "Poll: Quell leads Brenn among suburban women",
        "A Kessler University poll released on Monday found Mara Quell ahead of Tobias Brenn by "
        "six points among suburban women, while Brenn leads among voters without a college degree. "
        "The survey of 812 likely voters has a margin of error of 3.4 points. Pollsters called 40"
        " percent of the respondents on mobile phones, and found that one voter in five had not "
        "yet heard of either candidate's plan for the state budget.",
    ),
    (
        "Brenn attacks Quell over pension fund losses",
        "Tobias Brenn said on Wednesday that Mara Quell lost 210 million dollars of teachers' "
        "pension "
        "money as treasurer, in a television advertisement that will run across the state. Quell's "
        "campaign called the advertisement false and said the fund grew during her term. The "
        "advertisement shows a shrinking piggy bank and closes with a retired teacher asking "
        "where her money went; fact-checkers at the Marrow Gazette said the loss figure leaves "
        "out the recovery of 2010.",
    ),
    (
        "Teachers' union endorses Quell",
        "The Dorvania Federation of Teachers endorsed Mara Quell on Monday, the union's president, "
        "Alma Rigo, told reporters in the capital. The union has 48,000 members and had stayed "
        "out of the primary. Rigo said members would knock on doors in every county from "
        "September, and praised Quell's plan to cap class sizes at 25 pupils and to raise "
        "starting pay for new teachers.",
    ),
    (
        "Quell releases ten years of tax returns",
        "Mara Quell released ten years of her tax returns on Wednesday, showing she paid an "
        "average "
        "federal rate of 27 percent, and challenged Tobias Brenn to release his own. Brenn's "
        "spokesman said the candidate would release his returns after an audit. The returns show "
        "Quell gave 11 percent of her income to charity and earned most of it from a book on "
        "public finance and from speaking fees.",
    ),
    (
        "Quell campaign says it raised 3.2 million dollars in a month",
        "Mara Quell's campaign said on Tuesday that it raised 3.2 million dollars in June, most of "
        "it in donations under 100 dollars, and has 5.1 million dollars in the bank. Brenn's "
        "campaign has not yet filed its report. The campaign manager, Ruth Okafor, said more than"
        " 41,000 people had given, and that the money would pay for television advertisements in "
        "the northern counties from August.",
    ),
]
DAYS = ["2016-06-06", "2016-06-07", "2016-06-07", "2016-06-08", "2016-06-06", "2016-06-08",
        "2016-06-07"]  # fmt: skip


def _dated(items: list[tuple[str, str]]) -> list[Article]:
    articles = []
    for n, ((title, lead), day) in enumerate(zip(items, DAYS, strict=False)):
        article = Article.from_text(f"{lead}\n\n{BACKGROUND[n % len(BACKGROUND)]}")
        articles.append(dataclasses.replace(article, title=title, published=day))
    return articles


def test_events_of_one_beat_stay_apart_and_reports_of_one_event_join() -> None:
    articles = _dated([*RALLY, *OTHERS])
    vectors = dict(zip((a.id for a in articles), article_vectors(articles), strict=True))
    story = group_stories(articles, vectors)
    assert story[articles[0].id] == story[articles[1].id]
    assert len({story[a.id] for a in articles[2:]} | {story[articles[0].id]}) == len(OTHERS) + 1


def test_a_pair_links_when_it_stands_out_from_a_neighbourhood_of_alike_articles() -> None:
    alike = np.full((5, 5), 0.35, dtype=np.float32)  # one beat: every pair fairly alike
    np.fill_diagonal(alike, 1.0)
    alike[0, 1] = alike[1, 0] = 0.35 + DATED_MARGIN + 0.1
    raised = dated_events(alike)
    assert raised[0, 1] >= DATED_ALIKE  # more alike than either's neighbours
    others = ~np.eye(5, dtype=bool)
    others[0, 1] = others[1, 0] = False
    assert (raised[others] < DATED_ALIKE).all()  # as alike as the rest: no event of its own
    assert np.allclose(np.diag(stand_out(np.eye(3, dtype=np.float32))), 1.0)


def test_a_pair_alike_enough_links_though_nothing_stands_out() -> None:
    one_event = np.full((5, 5), DATED_ALIKE + 0.05, dtype=np.float32)
    np.fill_diagonal(one_event, 1.0)
    assert (dated_events(one_event) >= DATED_ALIKE).all()


def test_articles_that_name_no_one_share_no_name() -> None:
    texts = [
        "the bakery burned down overnight and the baker escaped with his dog.",
        "the council voted to close the old lighthouse after engineers found cracks.",
        "a storm knocked down power lines along the north shore overnight.",
    ]
    vectors = np.eye(3, dtype=np.float32)  # no embedding likeness at all
    similar = neighbourhood_similarity(texts, vectors)
    assert (similar[~np.eye(3, dtype=bool)] < 0.1).all()
