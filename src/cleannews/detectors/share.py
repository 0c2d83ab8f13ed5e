"""Share and social-media lines."""

from __future__ import annotations

from collections.abc import Iterable

from .._models import Verdict
from .._page import Page
from ._base import Detector


class ShareDetector(Detector):
    """Share and social-media lines."""

    name = "share"

    def detect(self, page: Page) -> Iterable[Verdict]:
        return ()
