"""Reuse: articles → ``ReuseEdge``s (shared passages, containment, direction).

Steps, one module each: ``shingles`` (normalised words, content words, hashed
n-grams, winnowing), ``index`` (each article's two shingle families and the batch's
``(doc, fingerprint)`` rows), ``candidates`` (rare-shingle index, one-permutation
MinHash LSH, outlet and date-window filters, all over rows),
``passages`` (seed, extend and chain into shared passages), ``quotations`` (is the
shared text only a common quote?) and ``direction`` (who copied whom, with evidence).
"""

from storytrace.reuse.edges import SHARED_QUOTATION, find_reuse
from storytrace.reuse.passages import covers

__all__ = ["SHARED_QUOTATION", "covers", "find_reuse"]
