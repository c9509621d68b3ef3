"""Paths and readers shared by the tests (a named module: conftest files are not importable)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT.parent / "shared" / "seeds"
POLNEAR = ROOT.parent / "shared" / "data" / "polnear"
CORPUS = ROOT / "examples" / "corpus"
SOFREP = "000_9646f06734e70d26"
IBT = "001_33e2a856800a8d12"


def polnear_slice(dest: Path, count: int) -> Path:
    """The first ``count`` PolNeAR train articles (texts and brat annotations) copied into
    ``dest/train``, laid out as a trainer reads them."""
    import shutil

    train = dest / "train"
    for folder, suffix in (("text", ".txt"), ("attributions", ".ann")):
        (train / folder).mkdir(parents=True)
        for path in sorted((POLNEAR / "train" / folder).glob(f"*{suffix}"))[:count]:
            shutil.copy(path, train / folder / path.name)
    return train


class Run:
    """One ``analyze`` run read back from its ``stories.json``."""

    def __init__(self, out: Path, summary: Any) -> None:
        self.out = out
        self.summary = summary
        self.document = json.loads((out / "stories.json").read_text(encoding="utf-8"))
        self.articles = {a["id"]: a for a in self.document["articles"]}

    def article_id(self, stem: str) -> str:
        """The id of the article read from the file whose name starts with ``stem``."""
        (found,) = [i for i, a in self.articles.items() if Path(a["source"]).name.startswith(stem)]
        return found

    def groups(self) -> list[dict[str, Any]]:
        """Every claim group of every story."""
        return [g for s in self.document["stories"] for g in s["claim_groups"]]

    def group_with(self, *phrases: str) -> dict[str, Any]:
        """The one claim group whose members contain every phrase (each in some member)."""
        found = [
            g
            for g in self.groups()
            if all(any(p in m["text"] for m in g["members"]) for p in phrases)
        ]
        assert len(found) == 1, f"{len(found)} groups hold {phrases}"
        return found[0]


def analyze_variant(
    folder: Path,
    *,
    edit: dict[str, str] | None = None,
    extra: dict[str, tuple[str, str]] | None = None,
    pattern_edit: dict[str, str] | None = None,
) -> dict[str, Any]:
    """The seeds with IBT's text edited and maybe more articles, analysed; ``stories.json``.

    ``edit`` maps old -> new text (each old text must occur); ``pattern_edit`` maps a
    regular expression -> replacement; ``extra`` maps a file stem -> (outlet, text).
    """
    import re
    import shutil

    from storytrace.pipeline import analyze

    inputs = folder / "in"
    inputs.mkdir()
    for stem in (SOFREP, IBT):
        shutil.copy(SEEDS / f"{stem}.meta.json", inputs)
        text = (SEEDS / f"{stem}.txt").read_text(encoding="utf-8")
        if stem == IBT:
            for old, new in (edit or {}).items():
                assert old in text, old
                text = text.replace(old, new)
            for pattern, new in (pattern_edit or {}).items():
                text, count = re.subn(pattern, new, text)
                assert count, pattern
        (inputs / f"{stem}.txt").write_text(text, encoding="utf-8")
    for stem, (outlet, text) in (extra or {}).items():
        (inputs / f"{stem}.txt").write_text(text, encoding="utf-8")
        (inputs / f"{stem}.meta.json").write_text(json.dumps({"outlet": outlet}), encoding="utf-8")
    summary = analyze([str(inputs)], db=folder / "st.db", out=folder / "out")
    assert not summary.rejected
    document: dict[str, Any] = json.loads((folder / "out" / "stories.json").read_text("utf-8"))
    return document


def groups_with(document: dict[str, Any], phrase: str) -> list[dict[str, Any]]:
    """Every claim group of ``document`` with a member containing ``phrase``."""
    return [
        g
        for s in document["stories"]
        for g in s["claim_groups"]
        if any(phrase in m["text"] for m in g["members"])
    ]


def resolved_dates(
    sentence: str, published: str | None
) -> list[tuple[str, str | None, str | None, str]]:
    """(text, start, end, precision) of every date the reader resolves in ``sentence``."""
    from storytrace.text import load_nlp, resolve_dates

    doc = load_nlp()(sentence)
    return [
        (d.text, d.start, d.end, d.precision)
        for s in doc.sents
        for d in resolve_dates(s, published)
    ]


def read_source_texts(folder: Path, first: str, second: str) -> list[Any]:
    """Two source articles for composed corpora (a coast outlet's of 2 March 2021, a city
    paper's of 4 March), read once by the read stage as ``bench scale`` reads its sources."""
    from storytrace.benchmark.scale import read_sources

    (folder / "coastnews_2021-03-02_ferry.txt").write_text(first, encoding="utf-8")
    (folder / "citypaper_2021-03-04_library.txt").write_text(second, encoding="utf-8")
    return read_sources(folder, folder / "cache.db")


def coded_row(text: str, published: str) -> dict[str, Any]:
    """The ACLED export row of the first event coded from one report, read as in a run."""
    from storytrace.claims import read_articles
    from storytrace.pipeline import build_story
    from storytrace.records import Article
    from storytrace.report.acled_csv import acled_row

    article = Article.from_text(text, outlet="Monitor", published=published)
    claims = [c for _, found in read_articles([article]) for c in found]
    story = build_story("s-note", [article], claims, [])
    assert story.events, f"no event coded from: {text}"
    return acled_row(story.events[0], timestamp=0)


def event_kind(row: dict[str, Any]) -> tuple[str, str]:
    """An ACLED export row's (event type, sub-event type)."""
    return row["event_type"], row["sub_event_type"]
