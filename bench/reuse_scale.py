"""Reuse candidate generation at scale, against datasketch's MinHashLSH, in one run.

A synthetic corpus (English function words plus a Zipf-distributed invented
vocabulary, 300-700 words per article, fixed seed) with 1 % planted copies: half
whole copies with a few words changed, half a 30 % excerpt. Both methods start from
the same tokenised articles and their word 5-gram hashes:

* **storytrace**: winnowed fingerprints of both shingle families, ``(doc,
  fingerprint)`` rows, rare-shingle pairs and one-permutation MinHash LSH
  (``storytrace.reuse.index.find_candidates``). Its second family, content-word
  3-grams, is work datasketch does not do; its cost is reported apart and in
  ``speedup_with_content_shingles``.
* **datasketch**: ``MinHash`` (128 permutations, its fast ``affine64`` scheme on the
  same 64-bit shingle hashes) per article, inserted into ``MinHashLSH()`` with default
  settings (threshold 0.9, 128 permutations), then every article queried.

Reports CPU seconds (``time.process_time``: the machine is shared), articles per
second and recall of the planted pairs for each, the
peak traced memory of the candidate step (tracemalloc), the process peak RSS, and a
sample of the per-pair alignment cost. Run one size per process for clean memory.

Example:
    .venv/bin/python bench/reuse_scale.py --articles 10000
    .venv/bin/python bench/reuse_scale.py --articles 100000 --no-peer
"""

from __future__ import annotations

import argparse
import json
import platform
import random
import resource
import time
import tracemalloc
from typing import Any

import numpy as np
from datasketch import MinHash, MinHashLSH
from spacy.lang.en.stop_words import STOP_WORDS

from storytrace.records import Article
from storytrace.reuse.edges import pair_edge
from storytrace.reuse.index import CONTENT_SALT, Shingled, find_candidates
from storytrace.reuse.shingles import (
    CONTENT_SHINGLE_SIZE,
    content_tokens,
    shingle_hashes,
    tokenize,
)


def synthetic(count: int, *, seed: int = 20240501) -> tuple[list[str], set[tuple[int, int]]]:
    """``count`` article texts and the planted ``(original, copy)`` pairs."""
    rng = np.random.default_rng(seed)
    letters = np.array(list("abcdefghijklmnopqrstuvwxyz"))
    invented = ["".join(rng.choice(letters, size=rng.integers(4, 10))) for _ in range(50_000)]
    vocabulary = np.array(sorted(STOP_WORDS)[:150] + invented)
    weights = 1.0 / np.arange(1, len(vocabulary) + 1)
    weights /= weights.sum()
    lengths = rng.integers(300, 700, size=count)
    drawn = rng.choice(len(vocabulary), size=int(lengths.sum()), p=weights)
    texts = [" ".join(vocabulary[chunk]) for chunk in np.split(drawn, np.cumsum(lengths)[:-1])]
    picker = random.Random(seed)
    positions = picker.sample(range(count), 2 * max(1, count // 200))
    planted = set()
    for k in range(0, len(positions), 2):
        original, copy = positions[k], positions[k + 1]
        words = texts[original].split()
        if k % 4 == 0:
            for _ in range(len(words) // 25):
                words[picker.randrange(len(words))] = picker.choice(invented)
        else:
            start = picker.randrange(len(words) - len(words) * 3 // 10)
            words = words[start : start + len(words) * 3 // 10]
        texts[copy] = " ".join(words)
        planted.add((min(original, copy), max(original, copy)))
    return texts, planted


def _recall(pairs: set[tuple[int, int]], planted: set[tuple[int, int]]) -> float:
    return round(len(pairs & planted) / len(planted), 4)


def _ours(docs: list[Shingled]) -> tuple[float, float, set[tuple[int, int]], float, list[Shingled]]:
    """CPU seconds of content shingling (ours alone) and of the candidate step."""
    started = time.process_time()
    rebuilt = []
    for doc in docs:
        content = content_tokens(doc.tokens)
        hashes = shingle_hashes(content.words, size=CONTENT_SHINGLE_SIZE, salt=CONTENT_SALT)
        rebuilt.append(Shingled(doc.article, doc.tokens, doc.hashes, content, hashes))
    middle = time.process_time()
    pairs = find_candidates(rebuilt)
    seconds = time.process_time() - middle
    tracemalloc.start()
    find_candidates(rebuilt)
    peak = tracemalloc.get_traced_memory()[1] / 2**20
    tracemalloc.stop()
    return middle - started, seconds, {(int(a), int(b)) for a, b in pairs}, peak, rebuilt


def _identity(value: int) -> int:
    return value


def _peer(docs: list[Shingled]) -> tuple[float, set[tuple[int, int]]]:
    started = time.process_time()
    sketches = MinHash.generator(
        (d.hashes.tolist() for d in docs),
        num_perm=128,
        hashfunc=_identity,
        scheme="affine64",
    )
    lsh = MinHashLSH()
    kept = []
    with lsh.insertion_session() as session:
        for index, sketch in enumerate(sketches):
            session.insert(index, sketch, check_duplication=False)
            kept.append(sketch)
    pairs = set()
    for index, sketch in enumerate(kept):
        for other in lsh.query(sketch):
            if other != index:
                pairs.add((min(index, other), max(index, other)))
    return time.process_time() - started, pairs


def run(count: int, *, peer: bool, sample: int = 2000) -> dict[str, Any]:
    """Every figure for one corpus size."""
    texts, planted = synthetic(count)
    started = time.process_time()
    word_only = [Article.from_text(t) for t in texts]
    prepared = time.process_time()
    words = [(a, tokenize(a.text)) for a in word_only]
    empty = np.zeros(0, dtype=np.uint64)
    docs = [Shingled(a, t, shingle_hashes(t.words), t, empty) for a, t in words]
    shingled = time.process_time()
    content_seconds, seconds, pairs, traced, docs = _ours(docs)
    result: dict[str, Any] = {
        "articles": count,
        "words": sum(len(d.tokens) for d in docs),
        "planted_pairs": len(planted),
        "machine": f"{platform.machine()}, {platform.python_version()}, 1 process",
        "tokens_and_word_shingles_seconds": round(shingled - prepared, 2),
        "article_records_seconds": round(prepared - started, 2),
        "storytrace": {
            "content_shingles_seconds": round(content_seconds, 2),
            "seconds": round(seconds, 2),
            "articles_per_second": round(count / seconds),
            "articles_per_second_with_content_shingles": round(count / (seconds + content_seconds)),
            "recall": _recall(pairs, planted),
            "candidate_pairs": len(pairs),
            "traced_peak_mib": round(traced, 1),
        },
    }
    if peer:
        peer_seconds, peer_pairs = _peer(docs)
        result["datasketch"] = {
            "seconds": round(peer_seconds, 2),
            "articles_per_second": round(count / peer_seconds),
            "recall": _recall(peer_pairs, planted),
            "candidate_pairs": len(peer_pairs),
        }
        result["speedup"] = round(peer_seconds / seconds, 2)
        result["speedup_with_content_shingles"] = round(
            peer_seconds / (seconds + content_seconds), 2
        )
    chosen = random.Random(1).sample(sorted(pairs), min(sample, len(pairs)))
    started = time.perf_counter()
    for i, j in chosen:
        pair_edge(docs[i], docs[j])
    if chosen:
        per_pair = (time.perf_counter() - started) / len(chosen)
        result["alignment_ms_per_candidate_pair"] = round(per_pair * 1000, 3)
    result["peak_rss_mib"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--no-peer", dest="peer", action="store_false")
    args = parser.parse_args()
    print(json.dumps(run(args.articles, peer=args.peer), indent=2))


if __name__ == "__main__":
    main()
