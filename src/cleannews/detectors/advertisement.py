"""Advertisement markers."""

from __future__ import annotations

from collections.abc import Iterable

from .._models import Verdict
from .._page import Page
from ._base import Detector


class AdvertisementDetector(Detector):
    """Advertisement markers."""

    name = "advertisement"

    def detect(self, page: Page) -> Iterable[Verdict]:
        return ()
