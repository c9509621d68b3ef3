"""Reuse candidate generation at scale, against datasketch's MinHashLSH, in one run.

A synthetic corpus (English function words plus a Zipf-distributed invented
vocabulary, 300-700 words per article, fixed seed), generated chunk by chunk so that
the corpus itself never sits in memory, with 1 % planted copies: half whole copies
with a few words changed, half a 30 % excerpt. Both sides read the same texts and
split them with the same tokeniser (``storytrace.reuse.fingerprints.hash_tokens``:
regex split, normalised words, 64-bit word hashes), timed on each side:

* **storytrace** (``storytrace.reuse.partitions.candidates_in_chunks``): word 5-gram
  and content-word 3-gram shingles, winnowing, hash-range partitions of
  ``(doc, fingerprint)`` rows, the rare-fingerprint join and one-permutation MinHash
  LSH (32 bands of 4).
* **datasketch** 2.0: word 5-gram hashes from the same token hashes (our vectorised
  shingling, timed on its side), ``MinHash`` with 128 permutations in its fastest
  scheme (``affine64`` over those 64-bit hashes, ``MinHash.generator``), inserted into
  ``MinHashLSH()`` with default settings (threshold 0.9, 128 permutations), then
  every article queried.

Figures: CPU seconds (``time.process_time``: the machine is shared) split into
tokenising and the rest, articles per second, the ratio of datasketch's time to ours
from token hashes and from text (tokenising counted on both sides), recall of the
planted pairs for each, and the peak resident memory of each side (``VmHWM``,
reset between phases through ``/proc/self/clear_refs``). Generating the synthetic
texts is timed apart and counted on neither side. Run one size per process.

Example:
    .venv/bin/python bench/reuse_scale.py --articles 10000
    .venv/bin/python bench/reuse_scale.py --articles 1000000 --no-peer --spill
"""

from __future__ import annotations

import argparse
import itertools
import json
import platform
import random
import resource
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np
from datasketch import MinHash, MinHashLSH
from spacy.lang.en.stop_words import STOP_WORDS

from storytrace.records import Article
from storytrace.reuse.edges import pair_edge
from storytrace.reuse.fingerprints import Vocabulary, batch_shingles, hash_tokens
from storytrace.reuse.index import shingle_article
from storytrace.reuse.partitions import candidates_in_chunks
from storytrace.reuse.shingles import SHINGLE_SIZE

CHUNK = 2_000
_STATUS = Path("/proc/self/status")
_CLEAR_REFS = Path("/proc/self/clear_refs")


class Corpus:
    """``count`` synthetic article texts, produced chunk by chunk, and the planted pairs."""

    def __init__(self, count: int, *, seed: int = 20240501) -> None:
        self.count, self.seed = count, seed
        rng = np.random.default_rng(seed)
        letters = np.array(list("abcdefghijklmnopqrstuvwxyz"))
        self.invented = [
            "".join(rng.choice(letters, size=rng.integers(4, 10))) for _ in range(50_000)
        ]
        self.vocabulary = sorted(STOP_WORDS)[:150] + self.invented
        weights = 1.0 / np.arange(1, len(self.vocabulary) + 1)
        self.cumulative = np.cumsum(weights / weights.sum())
        picker = random.Random(seed)
        positions = picker.sample(range(count), 2 * max(1, count // 200))
        self.copies = {
            max(positions[k], positions[k + 1]): (min(positions[k], positions[k + 1]), k)
            for k in range(0, len(positions), 2)
        }
        self.planted = {(original, copy) for copy, (original, _) in self.copies.items()}
        self.generation_seconds = 0.0

    def _chunk(self, first: int, kept: dict[int, list[str]]) -> list[str]:
        rng = np.random.default_rng([self.seed, first])
        size = min(CHUNK, self.count - first)
        lengths = rng.integers(300, 700, size=size)
        drawn = np.searchsorted(self.cumulative, rng.random(int(lengths.sum())))
        drawn = np.minimum(drawn, len(self.vocabulary) - 1)
        vocabulary = self.vocabulary
        words = [vocabulary[i] for i in drawn.tolist()]
        texts = []
        start = 0
        originals = {original for original, _ in self.copies.values()}
        for offset, length in enumerate(lengths.tolist()):
            position, article = first + offset, words[start : start + length]
            start += length
            if position in self.copies:
                original, k = self.copies[position]
                article = self._copy(kept.pop(original), k, position)
            if position in originals:
                kept[position] = article
            texts.append(" ".join(article))
        return texts

    def _copy(self, words: list[str], k: int, position: int) -> list[str]:
        picker = random.Random(self.seed * 7919 + position)
        words = list(words)
        if k % 4 == 0:
            for _ in range(len(words) // 25):
                words[picker.randrange(len(words))] = picker.choice(self.invented)
            return words
        length = len(words) * 3 // 10
        start = picker.randrange(len(words) - length)
        return words[start : start + length]

    def chunks(self) -> Iterator[list[str]]:
        """The texts, ``CHUNK`` at a time; generation time adds to ``generation_seconds``."""
        kept: dict[int, list[str]] = {}
        for first in range(0, self.count, CHUNK):
            started = time.process_time()
            texts = self._chunk(first, kept)
            self.generation_seconds += time.process_time() - started
            yield texts


def _reset_peak() -> bool:
    """Reset the kernel's peak-RSS mark (``VmHWM``); False where that is not allowed."""
    try:
        _CLEAR_REFS.write_text("5")
    except OSError:
        return False
    return True


def _peak_mib() -> float:
    """Peak resident memory since the last reset (``VmHWM``), or of the whole process."""
    try:
        for line in _STATUS.read_text().splitlines():
            if line.startswith("VmHWM:"):
                return round(int(line.split()[1]) / 1024, 1)
    except OSError:
        pass
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def _recall(pairs: set[tuple[int, int]], planted: set[tuple[int, int]]) -> float:
    return round(len(pairs & planted) / len(planted), 4)


def _ours(corpus: Corpus, *, spill: bool) -> tuple[dict[str, Any], set[tuple[int, int]]]:
    timings: dict[str, float] = {}
    _reset_peak()
    started = time.process_time()
    pairs = candidates_in_chunks(corpus.chunks(), spill=spill, timings=timings)
    total = time.process_time() - started - timings.get("input", 0.0)
    found = {(int(a), int(b)) for a, b in pairs}
    tokens = timings.get("tokens", 0.0)
    return {
        "tokenising_seconds": round(tokens, 2),
        "seconds_from_tokens": round(total - tokens, 2),
        "seconds_from_text": round(total, 2),
        "phase_seconds": {k: round(v, 2) for k, v in timings.items() if k != "input"},
        "articles_per_second_from_tokens": round(corpus.count / (total - tokens)),
        "articles_per_second_from_text": round(corpus.count / total),
        "recall": _recall(found, corpus.planted),
        "candidate_pairs": len(found),
        "peak_rss_mib": _peak_mib(),
        "rows_spilled_to_disk": spill,
    }, found


def _identity(value: int) -> int:
    return value


def _peer(corpus: Corpus, *, threshold: float) -> dict[str, Any]:
    _reset_peak()
    tokens_seconds = rest = 0.0
    lsh = MinHashLSH(threshold=threshold, num_perm=128)
    kept: list[MinHash] = []
    vocabulary = Vocabulary()
    for chunk in corpus.chunks():
        started = time.process_time()
        tokens = hash_tokens(chunk, vocabulary)
        middle = time.process_time()
        shingles, offsets = batch_shingles(tokens.words, tokens.word_offsets, size=SHINGLE_SIZE)
        per_doc = (shingles[a:b].tolist() for a, b in itertools.pairwise(offsets))
        sketches = MinHash.generator(per_doc, num_perm=128, hashfunc=_identity, scheme="affine64")
        with lsh.insertion_session() as session:
            for sketch in sketches:
                session.insert(len(kept), sketch, check_duplication=False)
                kept.append(sketch)
        tokens_seconds += middle - started
        rest += time.process_time() - middle
    started = time.process_time()
    pairs = set()
    for index, sketch in enumerate(kept):
        for other in lsh.query(sketch):
            if other != index:
                pairs.add((min(index, other), max(index, other)))
    rest += time.process_time() - started
    return {
        "threshold": threshold,
        "tokenising_seconds": round(tokens_seconds, 2),
        "seconds_from_tokens": round(rest, 2),
        "seconds_from_text": round(tokens_seconds + rest, 2),
        "articles_per_second_from_tokens": round(corpus.count / rest),
        "articles_per_second_from_text": round(corpus.count / (tokens_seconds + rest)),
        "recall": _recall(pairs, corpus.planted),
        "candidate_pairs": len(pairs),
        "peak_rss_mib": _peak_mib(),
    }


def _alignment_ms(corpus: Corpus, pairs: set[tuple[int, int]], sample: int) -> float | None:
    chosen = random.Random(1).sample(sorted(pairs), min(sample, len(pairs)))
    if not chosen:
        return None
    wanted = {i for pair in chosen for i in pair}
    texts: dict[int, str] = {}
    for number, chunk in enumerate(corpus.chunks()):
        for offset, text in enumerate(chunk):
            if number * CHUNK + offset in wanted:
                texts[number * CHUNK + offset] = text
    docs = {i: shingle_article(Article.from_text(t)) for i, t in texts.items()}
    started = time.perf_counter()
    for i, j in chosen:
        pair_edge(docs[i], docs[j])
    return round((time.perf_counter() - started) / len(chosen) * 1000, 3)


def run(
    count: int,
    *,
    peer: bool,
    sample: int = 2000,
    spill: bool = False,
    peer_threshold: float = 0.9,
) -> dict[str, Any]:
    """Every figure for one corpus size."""
    corpus = Corpus(count)
    result: dict[str, Any] = {
        "articles": count,
        "planted_pairs": len(corpus.planted),
        "machine": f"{platform.machine()}, Python {platform.python_version()}, 1 process",
        "peak_reset_supported": _reset_peak(),
        "base_rss_mib": _peak_mib(),
    }
    result["storytrace"], pairs = _ours(corpus, spill=spill)
    result["generation_seconds"] = round(corpus.generation_seconds, 2)
    if peer:
        peer_result = _peer(corpus, threshold=peer_threshold)
        ours = result["storytrace"]
        result["datasketch"] = peer_result
        result["speedup_from_tokens"] = round(
            peer_result["seconds_from_tokens"] / ours["seconds_from_tokens"], 2
        )
        result["speedup_from_text"] = round(
            peer_result["seconds_from_text"] / ours["seconds_from_text"], 2
        )
    result["alignment_ms_per_candidate_pair"] = _alignment_ms(corpus, pairs, sample)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--no-peer", dest="peer", action="store_false")
    parser.add_argument("--spill", action="store_true", help="rows to .npy files, not memory")
    parser.add_argument("--peer-threshold", type=float, default=0.9)
    parser.add_argument("--sample", type=int, default=2000, help="pairs aligned for the cost")
    args = parser.parse_args()
    result = run(
        args.articles,
        peer=args.peer,
        sample=args.sample,
        spill=args.spill,
        peer_threshold=args.peer_threshold,
    )
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
