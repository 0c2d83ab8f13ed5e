"""Comment-section markers and comment furniture."""

from __future__ import annotations

from collections.abc import Iterable

from .._models import Verdict
from .._page import Page
from ._base import Detector


class CommentsDetector(Detector):
    """Comment-section markers and comment furniture."""

    name = "comments"

    def detect(self, page: Page) -> Iterable[Verdict]:
        return ()
