"""Built-in detectors: one module each, one job each.

The list is explicit: the default pipeline runs these, in this order (order
does not change results; detectors never see each other's output).
"""

from __future__ import annotations

from ._base import Detector, DetectorConfig, detector_from_function, scan
from .advertisement import AdvertisementDetector
from .author_bio import AuthorBioDetector
from .byline import BylineDetector
from .call_to_action import CallToActionDetector
from .caption import CaptionDetector
from .comments import CommentsDetector
from .consent import ConsentDetector
from .dom_hints import DomHintsDetector
from .footer import FooterDetector
from .headline import HeadlineDetector
from .legal_notice import LegalNoticeDetector
from .metadata import MetadataDetector
from .navigation import NavigationDetector
from .newsletter import NewsletterDetector
from .paywall import PaywallDetector
from .related import RelatedDetector
from .share import ShareDetector
from .teaser import TeaserDetector
from .template_residue import TemplateResidueDetector

BUILTIN_DETECTORS: tuple[type[Detector], ...] = (
    HeadlineDetector,
    BylineDetector,
    TeaserDetector,
    NewsletterDetector,
    TemplateResidueDetector,
    CaptionDetector,
    ShareDetector,
    NavigationDetector,
    ConsentDetector,
    PaywallDetector,
    AdvertisementDetector,
    FooterDetector,
    RelatedDetector,
    CommentsDetector,
    MetadataDetector,
    DomHintsDetector,
    LegalNoticeDetector,
    AuthorBioDetector,
    CallToActionDetector,
)

__all__ = [
    "BUILTIN_DETECTORS",
    "Detector",
    "DetectorConfig",
    "detector_from_function",
    "scan",
]
