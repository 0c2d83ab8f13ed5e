"""Copyright, legal and footer lines."""

from __future__ import annotations

from collections.abc import Iterable

from .._models import Verdict
from .._page import Page
from ._base import Detector


class FooterDetector(Detector):
    """Copyright, legal and footer lines."""

    name = "footer"

    def detect(self, page: Page) -> Iterable[Verdict]:
        return ()
