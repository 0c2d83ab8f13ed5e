"""Photo captions and photo credits."""

from __future__ import annotations

from collections.abc import Iterable

from .._models import Verdict
from .._page import Page
from ._base import Detector


class CaptionDetector(Detector):
    """Photo captions and photo credits."""

    name = "caption"

    def detect(self, page: Page) -> Iterable[Verdict]:
        return ()
