"""Events stage: claim groups -> ACLED-style ``Event``s, merged within and across stories.

See ``docs/events.md`` for the mapping to ACLED's event types and precision codes.
"""

from storytrace.events.coding import code_events
from storytrace.events.merge import merge_across_stories

__all__ = ["code_events", "merge_across_stories"]
