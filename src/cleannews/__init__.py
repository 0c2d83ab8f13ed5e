"""cleannews: strip boilerplate from news pages, and say why for every block.

>>> import cleannews
>>> result = cleannews.clean(page_text)
>>> result.text, result.title, result.byline
>>> [(b.kind, b.decided_by) for b in result.discarded]
"""

from __future__ import annotations

from ._errors import (
    CleannewsError,
    ConfigError,
    DecodeError,
    DetectorError,
    HTMLTooComplexError,
    InputError,
    InputTooLargeError,
    UnsupportedFormatError,
)
from ._kinds import BlockKind
from ._models import CleanResult, ResultBlock, Verdict
from ._page import Block, Page
from ._pipeline import Pipeline, clean, sniff_format
from ._registry import ENTRY_POINT_GROUP, DetectorRegistry, builtin_registry, installed_registry
from ._settings import Limits, Precision
from .detectors._base import Detector, DetectorConfig, detector_from_function, scan

__version__ = "0.1.0"

__all__ = [
    "ENTRY_POINT_GROUP",
    "Block",
    "BlockKind",
    "CleanResult",
    "CleannewsError",
    "ConfigError",
    "DecodeError",
    "Detector",
    "DetectorConfig",
    "DetectorError",
    "DetectorRegistry",
    "HTMLTooComplexError",
    "InputError",
    "InputTooLargeError",
    "Limits",
    "Page",
    "Pipeline",
    "Precision",
    "ResultBlock",
    "UnsupportedFormatError",
    "Verdict",
    "__version__",
    "builtin_registry",
    "clean",
    "detector_from_function",
    "installed_registry",
    "scan",
    "sniff_format",
]
