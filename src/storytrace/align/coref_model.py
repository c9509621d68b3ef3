"""The pairwise model of event coreference: standardised features -> logistic probability.

Weights ship in ``align/data/coref.json`` with ``coref.meta.json`` (training data and its
digest, command, seed, dev scores); ``python -m storytrace.training.coref`` refits them on
ECB+ train and chooses the clustering threshold on dev.
"""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from storytrace.align.coref_features import FEATURES
from storytrace.align.logistic import LogisticModel, read_weights

MODEL_PATH = Path(__file__).with_name("data") / "coref.json"


@dataclass(frozen=True)
class CorefModel(LogisticModel):
    """Logistic weights over :data:`~storytrace.align.coref_features.FEATURES`, and the cut.

    ``threshold``: single-link clusters are cut where the best pair probability falls below it.
    """

    def to_dict(self) -> dict[str, Any]:
        """The JSON form written to ``coref.json``."""
        return {
            "features": list(FEATURES),
            "mean": [round(float(x), 6) for x in self.mean],
            "scale": [round(float(x), 6) for x in self.scale],
            "coef": [round(float(x), 6) for x in self.coef],
            "intercept": round(self.intercept, 6),
            "threshold": self.threshold,
        }

    def save(self, path: Path = MODEL_PATH) -> None:
        """Write the model as JSON."""
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(self.to_dict(), indent=1) + "\n", encoding="utf-8")


@functools.cache
def load_model(path: Path = MODEL_PATH) -> CorefModel:
    """The shipped coreference model."""
    return read_weights(CorefModel, path, FEATURES, "python -m storytrace.training.coref")
