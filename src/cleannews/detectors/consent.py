"""Cookie and consent notices."""

from __future__ import annotations

from collections.abc import Iterable

from .._models import Verdict
from .._page import Page
from ._base import Detector


class ConsentDetector(Detector):
    """Cookie and consent notices."""

    name = "consent"

    def detect(self, page: Page) -> Iterable[Verdict]:
        return ()
