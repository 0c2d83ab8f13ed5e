"""Newsletter and subscription promos."""

from __future__ import annotations

from collections.abc import Iterable

from .._models import Verdict
from .._page import Page
from ._base import Detector


class NewsletterDetector(Detector):
    """Newsletter and subscription promos."""

    name = "newsletter"

    def detect(self, page: Page) -> Iterable[Verdict]:
        return ()
