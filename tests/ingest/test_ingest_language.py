"""The stopword-profile language detector: the eight languages, and None when unsure."""

from __future__ import annotations

from pathlib import Path

import pytest
from ingest_helpers import split

from storytrace.ingest import detect_language, read_inputs

SAMPLES = {
    "en": "The minister said on Tuesday that the government would not change its plans, "
    "despite the protests in the capital, and that talks with the unions were over.",
    "de": "Der Minister sagte am Dienstag, dass die Regierung ihre Pläne trotz der Proteste "
    "in der Hauptstadt nicht ändern werde und die Gespräche mit den Gewerkschaften beendet sind.",
    "fr": "Le ministre a déclaré mardi que le gouvernement ne changerait pas ses projets, "
    "malgré les manifestations dans la capitale, et que les discussions avec les syndicats "
    "étaient terminées.",
    "es": "El ministro dijo el martes que el gobierno no cambiaría sus planes, a pesar de las "
    "protestas en la capital, y que las conversaciones con los sindicatos habían terminado.",
    "it": "Il ministro ha detto martedì che il governo non cambierà i suoi piani, nonostante "
    "le proteste nella capitale, e che i colloqui con i sindacati sono finiti.",
    "pt": "O ministro disse na terça-feira que o governo não vai mudar os seus planos, apesar "
    "dos protestos na capital, e que as conversas com os sindicatos terminaram.",
    "nl": "De minister zei dinsdag dat de regering haar plannen niet zal veranderen, ondanks "
    "de protesten in de hoofdstad, en dat de gesprekken met de vakbonden voorbij zijn.",
    "ru": "Министр заявил во вторник, что правительство не изменит свои планы, несмотря на "
    "протесты в столице, и что переговоры с профсоюзами закончены.",
}


@pytest.mark.parametrize("code", sorted(SAMPLES))
def test_each_supported_language_is_recognised(code: str) -> None:
    assert detect_language(SAMPLES[code]) == code


@pytest.mark.parametrize(
    "text",
    [
        "",
        "Putin Pskov Ukraine",  # too few words
        "Міністр заявив у вівторок, що уряд не змінить свої плани, попри протести у столиці.",
        "Minister powiedział we wtorek, że rząd nie zmieni swoich planów mimo protestów.",
        "Ministri sanoi tiistaina, että hallitus ei muuta suunnitelmiaan mielenosoituksista "
        "huolimatta.",
        "2024-05-17 12:00 300 1,200 45% 7.5",
    ],
)
def test_unsure_or_unsupported_text_gives_none(text: str) -> None:
    assert detect_language(text) is None


def test_mixed_text_with_no_clear_winner_gives_none() -> None:
    assert detect_language(SAMPLES["en"] + " " + SAMPLES["de"]) is None


def test_articles_carry_the_detected_language(tmp_path: Path) -> None:
    for code, text in SAMPLES.items():
        (tmp_path / f"{code}.txt").write_text(text, encoding="utf-8")
    articles, rejected = split(read_inputs([str(tmp_path)]))
    assert rejected == []
    assert {Path(a.source).stem: a.language for a in articles} == {c: c for c in SAMPLES}
