"""Provenance stage: reuse edges + attributions -> origins, independent sources and verdicts.

``origins`` (one name per source across spellings and scripts), ``verdicts`` (each
claim group's origins and verdict), ``articles`` (the origins each article draws on).
"""

from storytrace.provenance.articles import article_origins
from storytrace.provenance.origins import merge_origins, name_key, same_source, transliterate
from storytrace.provenance.verdicts import cited_sources, judge_group, outlet_name, trace_origins

__all__ = [
    "article_origins",
    "cited_sources",
    "judge_group",
    "merge_origins",
    "name_key",
    "outlet_name",
    "same_source",
    "trace_origins",
    "transliterate",
]
