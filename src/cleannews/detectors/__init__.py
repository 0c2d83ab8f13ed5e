"""Built-in detectors: one module each, one job each.

The list is explicit: the default pipeline runs these, in this order (order
does not change results; detectors never see each other's output).
"""

from __future__ import annotations

from ._base import Detector, DetectorConfig, detector_from_function, scan
from .headline import HeadlineDetector
from .byline import BylineDetector
from .teaser import TeaserDetector
from .newsletter import NewsletterDetector
from .template_residue import TemplateResidueDetector
from .caption import CaptionDetector
from .share import ShareDetector
from .navigation import NavigationDetector
from .consent import ConsentDetector
from .paywall import PaywallDetector
from .advertisement import AdvertisementDetector
from .footer import FooterDetector
from .related import RelatedDetector
from .comments import CommentsDetector
from .metadata import MetadataDetector
from .dom_hints import DomHintsDetector
from .legal_notice import LegalNoticeDetector
from .author_bio import AuthorBioDetector
from .call_to_action import CallToActionDetector

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
