"""Paywall and subscriber-only notices."""

from __future__ import annotations

from collections.abc import Iterable

from .._models import Verdict
from .._page import Page
from ._base import Detector


class PaywallDetector(Detector):
    """Paywall and subscriber-only notices."""

    name = "paywall"

    def detect(self, page: Page) -> Iterable[Verdict]:
        return ()
