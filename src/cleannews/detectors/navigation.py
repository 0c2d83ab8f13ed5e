"""Menus and navigation runs."""

from __future__ import annotations

from collections.abc import Iterable

from .._models import Verdict
from .._page import Page
from ._base import Detector


class NavigationDetector(Detector):
    """Menus and navigation runs."""

    name = "navigation"

    def detect(self, page: Page) -> Iterable[Verdict]:
        return ()
