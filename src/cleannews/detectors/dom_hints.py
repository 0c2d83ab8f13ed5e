"""DOM evidence: what the page's own markup calls a block (HTML input only).

Templates name their boilerplate: ``<div class="sidebar widget">``,
``<section id="comments">``, ``<ul class="share-buttons">``,
``<p class="wp-caption-text">``, ``<nav>``. The HTML segmenter keeps, for every
block, the class/id tokens of its element and ancestors (nearest first) and
its element path; this detector maps those names to block kinds. Text
detectors judge what a block *says*; this one judges where it *sits*, so the
two complement each other, and a dump (no tokens) gets no verdict from it.

Names are hints, not proof, so confidence is moderate, and two rules keep a
template's naming habits from removing the article itself:

* a token that sits on the page's main prose is no evidence: when the
  blocks carrying a token hold at least ``max_prose_share`` of the page's
  prose characters, the token is on the article's container or on the whole
  page (``<body class="has-sidebar">``, ``<div class="content-sidebar-wrap">``,
  a category class such as ``category-social``), not on boilerplate;
* the nearest hint wins: tokens are read from the block's own element
  outwards, so a paragraph in ``comment-content`` is a comment even when the
  comment list sits in an ``article``.

Prose, for that share, is a block of at least ``min_prose_chars`` characters
that ends like a sentence: the kind of block an article is made of and a
menu is not.
"""

from __future__ import annotations

from collections.abc import Iterable

from pydantic import Field

from .._kinds import BlockKind
from .._models import Verdict
from .._page import Page
from ._base import Detector, DetectorConfig

#: Class/id tokens (lower-case, as the segmenter splits them) per kind, with
#: the reason code. Whole tokens only: ``ad`` matches ``ad-slot`` and
#: ``top_ad`` but not ``head`` or ``load``. Tokens that templates use for
#: article parts too were left out: ``header`` (article headers hold the
#: title), ``teaser`` (often the lede), ``more``, ``banner``, ``hidden``
#: (responsive helpers such as ``hidden-xs`` hide nothing on a desktop).
_HINTS: dict[str, tuple[BlockKind, str]] = {}
for _kind, _code, _tokens in (
    (BlockKind.NAVIGATION, "navigation", (
        "nav", "navbar", "navigation", "navi", "menu", "submenu", "megamenu", "breadcrumb",
        "breadcrumbs", "pagination", "pager", "skiplink", "skiplinks", "topbar", "toolbar",
    )),
    (BlockKind.BOILERPLATE, "sidebar", (
        "sidebar", "sidebars", "widget", "widgets", "textwidget", "sidebox", "rightrail",
        "siderail", "rail",
    )),
    (BlockKind.FOOTER, "footer", ("footer", "colophon", "copyright", "sitefooter")),
    (BlockKind.RELATED, "related", (
        "related", "relatedarticles", "relatedposts", "recommended", "recommendations",
        "popular", "trending", "mostread", "mostpopular", "recent", "yarpp", "outbrain",
        "taboola", "nextstory", "readalso", "seealso",
    )),
    (BlockKind.COMMENTS, "comments", (
        "comment", "comments", "commentlist", "commentform", "respond", "disqus", "replies",
        "discussion", "pingback", "trackback",
    )),
    (BlockKind.SHARE, "share", (
        "share", "sharing", "shares", "social", "socials", "sharedaddy", "addthis", "shariff",
        "sharebar", "socialshare",
    )),
    (BlockKind.NEWSLETTER_PROMO, "newsletter", (
        "newsletter", "subscribe", "subscription", "signup", "optin", "mailchimp",
    )),
    (BlockKind.ADVERTISEMENT, "advertisement", (
        "ad", "ads", "advert", "adverts", "advertisement", "adsbygoogle", "adslot", "adunit",
        "sponsor", "sponsored", "promo", "promotion", "anzeige", "werbung",
    )),
    (BlockKind.CONSENT_NOTICE, "consent", ("cookie", "cookies", "consent", "gdpr", "cmp")),
    (BlockKind.PAYWALL, "paywall", ("paywall", "piano", "regwall")),
    (BlockKind.CAPTION, "caption", ("caption", "figcaption", "imagecaption")),
    (BlockKind.PHOTO_CREDIT, "credit", ("credit", "credits", "photocredit", "copyrightinfo")),
    (BlockKind.METADATA, "metadata", (
        "meta", "postmeta", "entrymeta", "tags", "tagcloud", "taglist", "categories",
        "dateline", "posted",
    )),
    (BlockKind.BYLINE, "byline", ("byline", "author", "authors", "vcard")),
):  # fmt: skip
    for _token in _tokens:
        _HINTS[_token] = (_kind, _code)
_HINT_TOKENS = frozenset(_HINTS)

#: Elements that are boilerplate by their tag, read from the block's path.
#: ``<nav>`` and ``<aside>`` are not among them: on the development corpus
#: they held article text (fact boxes, in-article tables of contents, whole
#: pages wrapped in ``<nav>``) as often as boilerplate, while their
#: boilerplate nearly always also carries a class hint.
_TAG_HINTS: dict[str, tuple[BlockKind, str]] = {
    "footer": (BlockKind.FOOTER, "footer_element"),
    "figcaption": (BlockKind.CAPTION, "figcaption_element"),
}

#: Next to ``author``, these make an author box (a biography), not a byline.
_AUTHOR_BOX_TOKENS = frozenset({"bio", "biography", "box", "description", "about", "info"})


class DomHintsConfig(DetectorConfig):
    """Settings of :class:`DomHintsDetector`."""

    #: Confidence of a class/id hint. 0.6: above the balanced resolver's 0.5,
    #: so a hint removes a block alone, below the 0.7 of ``precision="recall"``,
    #: which keeps hinted prose unless a text detector agrees.
    confidence: float = Field(default=0.6, ge=0.0, le=1.0)
    #: Confidence of an element-name hint (``<footer>``, ``<figcaption>``):
    #: lower, since articles use ``<footer>`` for their own notes.
    tag_confidence: float = Field(default=0.5, ge=0.0, le=1.0)
    #: A token carried by blocks holding this share of the page's prose is on
    #: the article (or the whole page) and is ignored. On the trafilatura-eval
    #: HTML, 0.25 to 0.6 gave snippet F1 within 0.002 of each other; 0.5 is
    #: the middle of that flat range. Lower values let long comment threads
    #: through; much higher ones let a page-wide class remove the article.
    max_prose_share: float = Field(default=0.5, gt=0.0, le=1.0)
    #: Shortest block, in characters, that counts as prose for that share.
    min_prose_chars: int = Field(default=80, ge=1)
    #: How many of a block's nearest tokens are read (the rest are far ancestors).
    max_tokens: int = Field(default=24, ge=1)


class DomHintsDetector(Detector):
    """Blocks whose element or ancestors are named as boilerplate (HTML only)."""

    name = "dom_hints"
    Config = DomHintsConfig
    config: DomHintsConfig

    def detect(self, page: Page) -> Iterable[Verdict]:
        if page.format != "html":
            return []
        cfg = self.config
        max_tokens = cfg.max_tokens
        min_prose = cfg.min_prose_chars
        hint_tokens = _HINT_TOKENS
        hinted: list[tuple[int, tuple[str, ...]]] = []
        prose_total = 0
        prose_by_token: dict[str, int] = {}
        for block in page.blocks:
            tokens = block.class_tokens[:max_tokens]
            prose = block.n_chars >= min_prose and block.ends_sentence
            if prose:
                prose_total += block.n_chars
            # ``isdisjoint`` allocates nothing: most blocks carry no hint.
            if tokens and not hint_tokens.isdisjoint(tokens):
                hinted.append((block.index, tokens))
                if prose:
                    for token in hint_tokens.intersection(tokens):
                        prose_by_token[token] = prose_by_token.get(token, 0) + block.n_chars
            elif block.path is not None and _has_tag_hint(block.path):
                hinted.append((block.index, ()))
        if not hinted:
            return []
        limit = cfg.max_prose_share * prose_total
        ignored = {t for t, chars in prose_by_token.items() if prose_total and chars >= limit}
        verdicts = []
        # Blocks of one element share its tokens: find each tuple's hint once.
        hint_of: dict[tuple[str, ...], tuple[BlockKind, str, str, float] | None] = {}
        for index, tokens in hinted:
            if tokens in hint_of:
                hint = hint_of[tokens]
            else:
                hint = hint_of[tokens] = self._from_tokens(tokens, ignored)
            if hint is None:
                hint = self._from_path(page.blocks[index].path)
            if hint is not None:
                kind, code, reason, confidence = hint
                verdicts.append(self.verdict(index, kind, code, reason, confidence))
        return verdicts

    def _from_tokens(
        self, tokens: tuple[str, ...], ignored: set[str]
    ) -> tuple[BlockKind, str, str, float] | None:
        """The nearest hint among ``tokens``: kind, code, reason and confidence."""
        for token in tokens:
            hint = _HINTS.get(token)
            if hint is None or token in ignored:
                continue
            kind, code = hint
            if (
                kind is BlockKind.BYLINE
                and token == "author"
                and _AUTHOR_BOX_TOKENS.intersection(tokens)
            ):
                kind, code = BlockKind.BOILERPLATE, "author_box"
            reason = f"inside an element named {token!r} ({kind.value})"
            return kind, code, reason, self.config.confidence
        return None

    def _from_path(self, path: str | None) -> tuple[BlockKind, str, str, float] | None:
        """The nearest element named like boilerplate on ``path`` (``<footer>`` …)."""
        if path is None:
            return None
        # Nearest element first: a figcaption inside an aside is a caption.
        for tag in reversed(path.split("/")):
            hint = _TAG_HINTS.get(tag)
            if hint is not None:
                kind, code = hint
                reason = f"inside a <{tag}> element ({kind.value})"
                return kind, code, reason, self.config.tag_confidence
        return None


def _has_tag_hint(path: str) -> bool:
    # Substring checks first: splitting every path costs more than the
    # rare hit it would find.
    return ("footer" in path or "figcaption" in path) and not _TAG_HINTS.keys().isdisjoint(
        path.split("/")
    )
