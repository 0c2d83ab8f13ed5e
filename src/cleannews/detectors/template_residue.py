"""Unexpanded template placeholders."""

from __future__ import annotations

from collections.abc import Iterable

from .._models import Verdict
from .._page import Page
from ._base import Detector


class TemplateResidueDetector(Detector):
    """Unexpanded template placeholders."""

    name = "template_residue"

    def detect(self, page: Page) -> Iterable[Verdict]:
        return ()
