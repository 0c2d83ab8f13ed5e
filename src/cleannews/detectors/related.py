"""Related, recommended and more-from lists."""

from __future__ import annotations

from collections.abc import Iterable

from .._models import Verdict
from .._page import Page
from ._base import Detector


class RelatedDetector(Detector):
    """Related, recommended and more-from lists."""

    name = "related"

    def detect(self, page: Page) -> Iterable[Verdict]:
        return ()
