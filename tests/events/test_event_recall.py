"""Reports that used to get no event: a rule's action word the kind model doubts, and a
toll told with no event before it.

The reports are written for the test in the style of conflict monitoring; each goes
through the read stage and ``pipeline.build_story`` as in a run.
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
import numpy.typing as npt
import pytest

from storytrace.claims import read_articles
from storytrace.events import kinds
from storytrace.pipeline import build_story
from storytrace.records import Article, Event
from storytrace.report.acled_csv import acled_row


def _events(text: str) -> list[Event]:
    article = Article.from_text(text, outlet="Monitor", published="2024-05-10")
    claims = [c for _, found in read_articles([article]) for c in found]
    return list(build_story("s-recall", [article], claims, []).events)


class _Doubting:
    """A kind model that names one kind but doubts every sentence is an event report."""

    dense = None

    def __init__(self, code: str, doubt: float) -> None:
        event_type, sub_type = kinds.CODES[code]
        self._kind = kinds.Kind(code, event_type, sub_type, 0.5, reports=doubt < 0.25,
                                doubt=doubt)  # fmt: skip

    def kind(
        self, lemmas: Iterable[str], vector: npt.NDArray[np.floating] | None = None
    ) -> kinds.Kind:
        return self._kind


@pytest.mark.parametrize(
    "text",
    [
        "Police arrested 35 opposition supporters in Dhaka on Tuesday.",
        "Security forces detained 12 student activists in Khartoum on 8 May.",
    ],
)
def test_a_rule_word_is_a_report_whatever_the_model_doubts(
    text: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # the model's class for arrests is called as the action family is ("arrest"): that
    # must not make the rule's word wait on the model's gate
    monkeypatch.setattr(kinds, "load_model", lambda: _Doubting("ARREST", 0.6))
    events = _events(text)
    assert [(e.event_type, e.sub_event_type) for e in events] == [
        ("Strategic developments", "Arrests")
    ]


def test_a_word_the_rules_do_not_know_still_waits_on_the_gate(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    text = "Government troops withdrew from the border town of Kafr Nabl in Idlib on Monday."
    monkeypatch.setattr(kinds, "load_model", lambda: _Doubting("NON_VIOL_TERRIT_TRANSFER", 0.6))
    assert _events(text) == []
    monkeypatch.setattr(kinds, "load_model", lambda: _Doubting("NON_VIOL_TERRIT_TRANSFER", 0.1))
    assert [e.sub_event_type for e in _events(text)] == ["Non-violent transfer of territory"]


def test_a_toll_with_no_event_before_it_is_the_event_the_model_reads(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    text = "Nine villagers were killed in Zamfara state on Sunday, local officials said."
    monkeypatch.setattr(kinds, "load_model", lambda: _Doubting("ATTACK", 0.1))
    events = _events(text)
    assert [(e.event_type, e.sub_event_type) for e in events] == [
        ("Violence against civilians", "Attack")
    ]
    assert acled_row(events[0], timestamp=0)["fatalities"] == 9
    monkeypatch.setattr(kinds, "load_model", lambda: _Doubting("ATTACK", 0.6))
    assert _events(text) == []  # a toll the model does not take for a report stays none


def test_a_toll_after_an_event_still_joins_it() -> None:
    text = (
        "Gunmen attacked a market in Kukawa, Borno state, on Saturday. "
        "Seven traders were killed and 12 injured."
    )
    events = _events(text)
    assert len(events) == 1
    assert acled_row(events[0], timestamp=0)["fatalities"] == 7


def test_bases_set_up_are_a_base_established(monkeypatch: pytest.MonkeyPatch) -> None:
    # the tagger reads "bases" as the plural of "basis"
    text = "Turkish ground forces have set up two military bases near Zakho in Duhok on Monday."
    monkeypatch.setattr(kinds, "load_model", lambda: _Doubting("HQ_ESTABLISHED", 0.1))
    assert [e.sub_event_type for e in _events(text)] == ["Headquarters or base established"]
