"""Teasers of other articles, grouped as units."""

from __future__ import annotations

from collections.abc import Iterable

from .._models import Verdict
from .._page import Page
from ._base import Detector


class TeaserDetector(Detector):
    """Teasers of other articles, grouped as units."""

    name = "teaser"

    def detect(self, page: Page) -> Iterable[Verdict]:
        return ()
