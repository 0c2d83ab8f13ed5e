"""Bylines (they fill the result's byline)."""

from __future__ import annotations

from collections.abc import Iterable

from .._models import Verdict
from .._page import Page
from ._base import Detector


class BylineDetector(Detector):
    """Bylines (they fill the result's byline)."""

    name = "byline"

    def detect(self, page: Page) -> Iterable[Verdict]:
        return ()
