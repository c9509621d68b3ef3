"""Reuse: articles → ``ReuseEdge``s (shared passages, containment, direction).

Steps, one module each: ``shingles`` (normalised words, content words, hashed
n-grams, winnowing, for one article), ``fingerprints`` (the same for a whole batch
in numpy: token hashes, both shingle families, winnowed ``(doc, fingerprint)`` rows,
word document frequencies), ``candidates`` (rare-shingle index, one-permutation
MinHash LSH, outlet and date-window filters, all over rows), ``partitions`` (the
candidates of a corpus in bounded memory: chunks, hash ranges, optional spill),
``index`` (each paired article's tokens and shingles; candidates of a batch),
``passages`` (seed, extend and chain into shared passages), ``quotations`` (is the
shared text only a common quote?) and ``direction`` (who copied whom, with evidence).
"""

from storytrace.reuse.edges import SHARED_QUOTATION, find_reuse
from storytrace.reuse.passages import covers

__all__ = ["SHARED_QUOTATION", "covers", "find_reuse"]
