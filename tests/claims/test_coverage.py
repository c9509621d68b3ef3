"""The per-article coverage index answers as :func:`covering` over every attribution."""

from __future__ import annotations

from pathlib import Path

from storytrace.claims import read_stage
from storytrace.claims.attribution import Coverage, covering
from storytrace.records import Article

CORPUS = Path(__file__).resolve().parents[2] / "examples" / "corpus"


def test_coverage_answers_as_covering_for_every_span() -> None:
    texts = [p.read_text(encoding="utf-8") for p in sorted(CORPUS.rglob("*.txt"))[:4]]
    assert texts, "the example corpus is present"
    compared = found = 0
    for reading in read_stage([Article.from_text(t) for t in texts]):
        attributions = reading.attributions
        coverage = Coverage(attributions)
        size = len(reading.article.text)
        for start in range(0, size, 37):
            for width in (0, 15, 120, 400):
                for root in (None, start, start + width // 2, size + 5):
                    end = min(size, start + width)
                    expected = covering(attributions, start, end, root)
                    assert coverage(start, end, root) is expected
                    compared += 1
                    found += expected is not None
    assert 0 < found < compared, "some spans are covered, some not"
