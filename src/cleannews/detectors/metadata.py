"""Dates, reading times, tags and other article furniture."""

from __future__ import annotations

from collections.abc import Iterable

from .._models import Verdict
from .._page import Page
from ._base import Detector


class MetadataDetector(Detector):
    """Dates, reading times, tags and other article furniture."""

    name = "metadata"

    def detect(self, page: Page) -> Iterable[Verdict]:
        return ()
