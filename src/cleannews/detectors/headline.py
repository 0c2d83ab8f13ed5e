"""The repeated headline."""

from __future__ import annotations

from collections.abc import Iterable

from .._models import Verdict
from .._page import Page
from ._base import Detector


class HeadlineDetector(Detector):
    """The repeated headline."""

    name = "headline"

    def detect(self, page: Page) -> Iterable[Verdict]:
        return ()
