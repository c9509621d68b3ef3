"""Benchmarks behind ``storytrace bench``: throughput against a named peer, in one run."""

from storytrace.benchmark.speed import replicate_corpus, speed

__all__ = ["replicate_corpus", "speed"]
