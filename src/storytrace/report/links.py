"""Where the shared templates point: anchors in one report, or pages of the web app.

A template asks its ``links`` object for the address of an article or of a claim's
sentence; ``None`` means "no such page here" and nothing is linked.
"""

from __future__ import annotations

from typing import Protocol

from storytrace.records import Claim


def claim_anchor(claim: Claim) -> str:
    """The id of a claim's highlighted sentence on its article page (``claim-START-END``)."""
    start, end = claim.span
    return f"claim-{int(start)}-{int(end)}"


class Links(Protocol):
    """What the templates ask for; ``pages`` says whether articles have pages of their own."""

    pages: bool

    def article(self, article_id: str) -> str | None:
        """The address of an article's page."""

    def claim(self, claim: Claim) -> str | None:
        """The address of a claim's sentence within its article."""


class ReportLinks:
    """Links within one self-contained report.html: articles have no pages there."""

    pages = False

    def article(self, article_id: str) -> str | None:
        """None: the report quotes sentences but does not carry whole articles."""
        return None

    def claim(self, claim: Claim) -> str | None:
        """None: a claim's evidence is shown in place."""
        return None
