"""Events stage: claim groups -> ACLED-style ``Event``s."""

from storytrace.events.coding import code_events

__all__ = ["code_events"]
