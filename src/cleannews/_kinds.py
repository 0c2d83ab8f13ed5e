"""The vocabulary of block kinds: one name per kind of content a page carries."""

from __future__ import annotations

import enum


class BlockKind(str, enum.Enum):
    """What a block of a page is.

    ``ARTICLE`` blocks form the article body; ``TITLE`` and ``BYLINE`` fill the
    result's metadata. Every other kind names a family of boilerplate.
    """

    ARTICLE = "article"
    TITLE = "title"
    BYLINE = "byline"
    DUPLICATE_TITLE = "duplicate_title"
    CAPTION = "caption"
    PHOTO_CREDIT = "photo_credit"
    NEWSLETTER_PROMO = "newsletter_promo"
    TEASER = "teaser"
    TEMPLATE_RESIDUE = "template_residue"
    SHARE = "share"
    NAVIGATION = "navigation"
    CONSENT_NOTICE = "consent_notice"
    PAYWALL = "paywall"
    ADVERTISEMENT = "advertisement"
    FOOTER = "footer"
    RELATED = "related"
    COMMENTS = "comments"
    AUTHOR_BIO = "author_bio"
    LEGAL_NOTICE = "legal_notice"
    CALL_TO_ACTION = "call_to_action"
    METADATA = "metadata"
    BOILERPLATE = "boilerplate"

    def __str__(self) -> str:
        return self.value
