"""Paths and readers shared by the tests (a named module: conftest files are not importable)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT.parent / "shared" / "seeds"
CORPUS = ROOT / "examples" / "corpus"
SOFREP = "000_9646f06734e70d26"
IBT = "001_33e2a856800a8d12"


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
