"""Read stage, claims layer: parsed ``Article`` -> ``Claim``s with attribution and certainty."""

from storytrace.claims.attribution import attribute_sentence, carry_quote_attributions
from storytrace.claims.extract import extract_claims, read_articles
from storytrace.claims.hedges import assess_certainty
from storytrace.claims.quotes import Quote, find_quotes

__all__ = [
    "Quote",
    "assess_certainty",
    "attribute_sentence",
    "carry_quote_attributions",
    "extract_claims",
    "find_quotes",
    "read_articles",
]
