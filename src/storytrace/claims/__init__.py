"""Read stage, claims layer: parsed ``Article`` -> attributions and ``Claim``s.

Attribution relations (Source, Cue, Content) come from the learned tagger of
:mod:`storytrace.claims.relations` (:func:`find_relations`, trained by
``python -m storytrace.training.attribution``); :func:`read_stage` is the one reader that both
``analyze`` and ``predict attributions`` call.
"""

from storytrace.claims.attribution import attributions_of, carry_quote_attributions
from storytrace.claims.extract import (
    Reading,
    extract_claims,
    read_article,
    read_articles,
    read_stage,
)
from storytrace.claims.hedges import CertaintyCue, assess_certainty, certainty_cues
from storytrace.claims.quotes import Quote, find_quotes
from storytrace.claims.relations import Relation, find_relations

__all__ = [
    "CertaintyCue",
    "Quote",
    "Reading",
    "Relation",
    "assess_certainty",
    "attributions_of",
    "carry_quote_attributions",
    "certainty_cues",
    "extract_claims",
    "find_quotes",
    "find_relations",
    "read_article",
    "read_articles",
    "read_stage",
]
