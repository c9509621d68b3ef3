"""Provenance stage: reuse edges + attributions -> origins, independent sources and verdicts."""

from storytrace.provenance.origins import merge_origins, name_key, same_source, transliterate
from storytrace.provenance.verdicts import cited_sources, judge_group, outlet_name, trace_origins

__all__ = [
    "cited_sources",
    "judge_group",
    "merge_origins",
    "name_key",
    "outlet_name",
    "same_source",
    "trace_origins",
    "transliterate",
]
