"""Read stage, claims layer: parsed ``Article`` -> ``Claim``s with attribution and certainty.

Also the learned Source/Cue/Content tagger behind ``storytrace predict attributions``
(:func:`find_relations`, fitted by ``python -m storytrace.claims.learn``).
"""

from storytrace.claims.attribution import attribute_sentence, carry_quote_attributions
from storytrace.claims.extract import extract_claims, read_articles
from storytrace.claims.hedges import CertaintyCue, assess_certainty, certainty_cues
from storytrace.claims.quotes import Quote, find_quotes
from storytrace.claims.relations import Relation, find_relations

__all__ = [
    "CertaintyCue",
    "Quote",
    "Relation",
    "assess_certainty",
    "attribute_sentence",
    "carry_quote_attributions",
    "certainty_cues",
    "extract_claims",
    "find_quotes",
    "find_relations",
    "read_articles",
]
