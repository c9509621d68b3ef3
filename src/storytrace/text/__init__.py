"""Read stage, language layer: ``Article`` -> ``Doc`` with lines, numbers, dates and places."""

from storytrace.text.dates import resolve_dates
from storytrace.text.nlp import load_nlp, parse_articles
from storytrace.text.places import geocode_places
from storytrace.text.quantities import find_quantities
from storytrace.text.segment import Line, split_lines

__all__ = [
    "Line",
    "find_quantities",
    "geocode_places",
    "load_nlp",
    "parse_articles",
    "resolve_dates",
    "split_lines",
]
