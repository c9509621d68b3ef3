"""Planted-copy corpora for the reuse benchmarks: real PolNeAR articles and edited copies.

Four copy levels, each applied to its own randomly drawn originals (fixed seed):

* ``verbatim``: the whole text, with a one-line trailer of the copying outlet;
* ``light``: a new headline, about 1 word in 25 replaced and 1 in 50 dropped;
* ``paraphrase``: every sentence reworded by rules: a fixed synonym table (said ->
  stated, about -> roughly, ...), filler words dropped, a trailing "X said" moved to
  the front, clauses swapped around a comma, neighbouring sentences swapped;
* ``cut``: a quarter of the paragraphs of at least 8 words (at least two paragraphs
  and 60 words), lightly edited.

The rules were written before looking at the detector's output and are not tuned to
it; they are no substitute for human rewriting, which changes sentence structure more.
"""

from __future__ import annotations

import csv
import random
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from storytrace.records import Article
from storytrace.reuse.shingles import tokenize

LEVELS = ("verbatim", "light", "paraphrase", "cut")
POLNEAR = Path(__file__).resolve().parents[2] / "shared" / "data" / "polnear"

_SYNONYMS = {
    "said": "stated", "says": "states", "told": "informed", "about": "roughly",
    "around": "approximately", "more": "additional", "many": "numerous", "big": "large",
    "large": "sizeable", "people": "individuals", "help": "assist", "show": "demonstrate",
    "shows": "demonstrates", "showed": "demonstrated", "get": "obtain", "got": "obtained",
    "use": "employ", "used": "employed", "start": "begin", "started": "began",
    "begin": "start", "end": "finish", "ended": "finished", "buy": "purchase",
    "need": "require", "needs": "requires", "needed": "required", "try": "attempt",
    "tried": "attempted", "ask": "request", "asked": "requested", "think": "believe",
    "thinks": "believes", "thought": "believed", "want": "wish", "wants": "wishes",
    "wanted": "wished", "also": "additionally", "but": "however", "so": "therefore",
    "because": "since", "while": "whereas", "although": "though", "before": "prior to",
    "after": "following", "during": "throughout", "against": "versus", "quickly": "rapidly",
    "important": "significant", "major": "key", "main": "principal", "new": "fresh",
    "old": "former", "recent": "latest", "chief": "head", "leader": "head",
    "leaders": "heads", "country": "nation", "vote": "ballot", "votes": "ballots",
    "voters": "electorate", "campaign": "bid", "win": "secure", "won": "secured",
    "lose": "forfeit", "lost": "forfeited", "attack": "assault", "attacks": "assaults",
    "plan": "proposal", "plans": "proposals", "job": "post", "jobs": "posts",
    "week": "seven days", "month": "four weeks", "often": "frequently",
    "nearly": "almost", "almost": "nearly", "percent": "per cent", "however": "yet",
    "support": "backing", "supporters": "backers", "speech": "address", "event": "occasion",
    "called": "described", "claimed": "asserted", "noted": "observed", "added": "continued",
}  # fmt: skip
_FILLERS = {"very", "really", "just", "actually", "still", "even", "already", "that"}
_TRAILING_SAID = re.compile(r"^(?P<body>.{20,}?),[”\"]? (?P<who>(?:[A-Z][\w.’'-]+ ){0,3}[A-Z]?\w+) (?P<verb>said|says|told reporters)\.$")  # fmt: skip  # noqa: E501
_SENTENCE = re.compile(r"(?:(?<=[.!?])|(?<=[.!?][”\"]))\s+(?=[“\"A-Z])")


@dataclass(frozen=True)
class Plant:
    """One planted copy: the original's and the copy's index in the corpus, and the level."""

    original: int
    copy: int
    level: str


def read_polnear(split: str = "train") -> list[Article]:
    """The articles of a PolNeAR split, with publisher and day from ``metadata.tsv``."""
    with (POLNEAR / "metadata.tsv").open(encoding="utf-8") as handle:
        meta = {row["filename"]: row for row in csv.DictReader(handle, delimiter="\t")}
    articles = []
    for path in sorted((POLNEAR / split / "text").glob("*.txt")):
        row = meta.get(path.stem, {})
        articles.append(
            Article.from_text(
                path.read_text(encoding="utf-8"),
                outlet=row.get("publisher"),
                published=row.get("publication_date"),
                source=path.name,
            )
        )
    return articles


def independent(articles: Iterable[Article], *, span: int = 12) -> list[Article]:
    """The articles that share no run of ``span`` words with any other (real reuse removed).

    PolNeAR holds updated versions of one story, agency live pages and boilerplate
    editor's notes; they would count as links "between unrelated articles".
    """
    articles = list(articles)
    seen: dict[tuple[str, ...], int] = {}
    shared: set[int] = set()
    for index, article in enumerate(articles):
        words = tokenize(article.text).words
        for start in range(len(words) - span + 1):
            gram = words[start : start + span]
            owner = seen.setdefault(gram, index)
            if owner != index:
                shared.update((owner, index))
    return [a for i, a in enumerate(articles) if i not in shared]


def _light(text: str, rng: random.Random, vocabulary: list[str]) -> str:
    words = text.split(" ")
    out = []
    for word in words:
        roll = rng.random()
        if roll < 0.02 and "\n" not in word:
            continue
        out.append(rng.choice(vocabulary) if roll < 0.06 and "\n" not in word else word)
    return " ".join(out)


def _reword_sentence(sentence: str, rng: random.Random) -> str:
    said = _TRAILING_SAID.match(sentence)
    if said and rng.random() < 0.7:
        body = said["body"].lstrip('“"')
        sentence = f"{said['who']} {said['verb']} that {body[:1].lower()}{body[1:]}."
    elif ", " in sentence and rng.random() < 0.3:
        head, tail = sentence.rstrip(".").split(", ", 1)
        if len(head.split()) >= 4 and len(tail.split()) >= 4:
            sentence = f"{tail[:1].upper()}{tail[1:]}, {head[:1].lower()}{head[1:]}."
    words = []
    for word in sentence.split(" "):
        core = word.strip(".,;:!?“”\"'()").lower()
        if core in _FILLERS and rng.random() < 0.6:
            continue
        if core in _SYNONYMS and rng.random() < 0.85:
            replacement = _SYNONYMS[core]
            if word[:1].isupper():
                replacement = replacement[:1].upper() + replacement[1:]
            word = word.replace(word.strip(".,;:!?“”\"'()"), replacement, 1)
        words.append(word)
    return " ".join(words)


def _paraphrase(text: str, rng: random.Random) -> str:
    paragraphs = []
    for paragraph in text.split("\n"):
        sentences = _SENTENCE.split(paragraph.strip())
        if len(sentences) > 1 and rng.random() < 0.4:
            k = rng.randrange(len(sentences) - 1)
            sentences[k], sentences[k + 1] = sentences[k + 1], sentences[k]
        paragraphs.append(" ".join(_reword_sentence(s, rng) for s in sentences if s))
    return "\n".join(paragraphs)


def _cut(text: str, rng: random.Random, vocabulary: list[str]) -> str:
    paragraphs = [p for p in text.split("\n\n") if len(p.split()) >= 8]
    order = rng.sample(range(len(paragraphs)), len(paragraphs))
    chosen: list[int] = []
    for index in order:
        words = sum(len(paragraphs[i].split()) for i in chosen)
        if len(chosen) >= max(2, len(paragraphs) // 4) and words >= 60:
            break
        chosen.append(index)
    return _light("\n\n".join(paragraphs[i] for i in sorted(chosen)), rng, vocabulary)


def make_copy(original: Article, level: str, rng: random.Random, vocabulary: list[str]) -> str:
    """The text of a copy of ``original`` at ``level``."""
    text = original.text.strip()
    _headline, _, body = text.partition("\n")
    if level == "verbatim":
        return f"{text}\n\nRead more stories like this at our website."
    if level == "light":
        return (
            f"{' '.join(rng.sample(vocabulary, 6)).capitalize()}\n{_light(body, rng, vocabulary)}"
        )
    if level == "paraphrase":
        return _paraphrase(text, rng)
    return _cut(body, rng, vocabulary)


def _later(day: str | None, rng: random.Random) -> str | None:
    if not day:
        return None
    return (date.fromisoformat(day) + timedelta(days=rng.randint(1, 3))).isoformat()


def planted_corpus(
    pool: list[Article], *, per_level: int, seed: int = 20240501, dated: bool = True
) -> tuple[list[Article], list[Plant]]:
    """The pool plus ``per_level`` copies at each level, and where they were planted.

    With ``dated`` the copies are published 1-3 days after their originals; without,
    no article has a date, and half the copies credit the original's outlet instead
    ("... first appeared in <outlet>").
    """
    rng = random.Random(seed)
    vocabulary = sorted({w for a in pool[:50] for w in a.text.split() if w.isalpha()})
    originals = rng.sample(range(len(pool)), per_level * len(LEVELS))
    corpus = [a if dated else Article(**{**a.__dict__, "published": None}) for a in pool]
    plants = []
    for n, index in enumerate(originals):
        level = LEVELS[n // per_level]
        original = pool[index]
        text = make_copy(original, level, rng, vocabulary)
        if not dated and n % 2 == 0 and original.outlet:
            text += f"\n\nThis story first appeared in {original.outlet}."
        copy = Article.from_text(
            text,
            outlet=f"copier-{n}",
            published=_later(original.published, rng) if dated else None,
        )
        plants.append(Plant(index, len(corpus), level))
        corpus.append(copy)
    return corpus, plants
