"""Reuse: articles → ``ReuseEdge``s (shared passages, containment, direction).

Steps, one module each: ``shingles`` (normalised words and hashed 5-grams),
``candidates`` (rare-shingle index and MinHash LSH over ``(doc, shingle)`` rows),
``passages`` (seed, extend and chain into shared passages), ``quotations`` (is the
shared text only a common quote?) and ``direction`` (who copied whom, with evidence).
"""

from storytrace.reuse.edges import SHARED_QUOTATION, find_reuse
from storytrace.reuse.passages import covers

__all__ = ["SHARED_QUOTATION", "covers", "find_reuse"]
