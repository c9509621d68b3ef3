"""Standardised features -> logistic probability: the pair model of event coreference.

The event-coreference model (:mod:`storytrace.align.coref_model`) is this shape, shipped as
JSON weights that name the features they were fitted on.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import numpy as np

from storytrace.cluster.embed import Vectors

M = TypeVar("M", bound="LogisticModel")


@dataclass(frozen=True)
class LogisticModel:
    """Logistic weights over standardised features, and the probability cut."""

    mean: Vectors
    scale: Vectors
    coef: Vectors
    intercept: float
    threshold: float

    def probability(self, features: Vectors) -> Vectors:
        """P(same) for features of any leading shape (the last axis is the features)."""
        z = ((features - self.mean) / self.scale) @ self.coef + self.intercept
        return np.asarray(1.0 / (1.0 + np.exp(-z)), dtype=np.float32)


def read_weights(
    cls: type[M], path: Path, features: Sequence[str], refit: str, *, part: str | None = None
) -> M:
    """A model of class ``cls`` from ``path`` (from its key ``part`` when given); refused if
    fitted on other ``features``."""
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    if part is not None:
        data = data[part]
    if data["features"] != list(features):
        where = f"{path}: {part} features" if part else f"{path}: features"
        raise ValueError(f"{where} differ from this version; refit with {refit}")
    return cls(
        mean=np.asarray(data["mean"], dtype=np.float32),
        scale=np.asarray(data["scale"], dtype=np.float32),
        coef=np.asarray(data["coef"], dtype=np.float32),
        intercept=float(data["intercept"]),
        threshold=float(data["threshold"]),
    )
