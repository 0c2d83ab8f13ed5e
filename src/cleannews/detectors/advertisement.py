"""Advertisement markers, sponsored-content labels and ad disclosures.

Pages print a label next to every ad slot ("Advertisement", "Anzeige",
"Publicité", "Reklama", "- Anzeige -", "Story continues below
advertisement"). The ad itself is an image or script and leaves nothing in a
text dump, so what remains is the label, alone on its line. The same words
occur in article prose ("Die Anzeige wurde gegen Unbekannt erstattet", "an
advertisement campaign"), so the detector only trusts *shapes*:

* ``advertisement.marker``: the block is only the label, optionally framed by
  dashes, brackets or a colon; a grouped block qualifies when every line is a
  label ("Anzeige\\nAnzeige");
* ``advertisement.continue_marker``: "Story continues below advertisement"
  and its translations, as a short block of its own;
* ``advertisement.labelled``: a short ad teaser that opens with the label and
  a separator ("Anzeige: Herausforderungen meistern mit …", "[Anzeige] …");
* ``advertisement.disclosure``: a short block that opens with a sponsorship
  or affiliate disclosure ("Dieser Beitrag enthält Werbung …", "This post
  contains affiliate links …", "Advertising disclosure: …").

Affiliate statements in the middle of a block ("PC Gamer is supported by its
audience. When you buy through links on our site, we may earn an affiliate
commission.") are left alone: a scan for them cost as much as the rest of
the detector and changed nothing on the development corpus, where the
resolver already drops such blocks.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from pydantic import Field

from .._kinds import BlockKind
from .._models import Verdict
from .._page import Page
from ._base import Detector, DetectorConfig
from ._textscan import (
    END,
    LineScan,
    line_in_block,
    line_phrases,
    line_start_spellings,
    phrase_trie,
    scan_lines,
)

#: Labels printed next to an ad slot, in the languages cleannews covers.
#: "Anzeigen" (also "show", and classified ads in menus) and "Partner" (a
#: menu item) are left out on purpose.
_MARKERS = (
    "advertisement", "advertisements", "advertising", "advert", "ad", "ads",
    "sponsored", "sponsored content", "sponsored post", "sponsored links",
    "promoted", "promoted content", "promoted stories", "paid content", "paid post",
    "paid partnership", "partner content", "advertorial",
    "anzeige", "werbung", "gesponsert", "sponsored post", "werbeanzeige",
    "publicité", "publicite", "contenu sponsorisé", "publireportage", "contenu partenaire",
    "publicidad", "contenido patrocinado", "patrocinado", "anuncio",
    "pubblicità", "pubblicita", "contenuto sponsorizzato", "sponsorizzato",
    "publicidade", "conteúdo patrocinado", "patrocinada",
    "advertentie", "gesponsord", "gesponsorde inhoud",
    "reklama", "artykuł sponsorowany", "materiał sponsorowany", "materiał partnera",
    "treść sponsorowana",
)  # fmt: skip

#: "The article goes on below the ad", as printed above or below a slot.
_CONTINUE = (
    "story continues below advertisement", "article continues below advertisement",
    "story continues below", "article continues below", "article continues after advertisement",
    "continue reading below", "advertisement - continue reading below",
    "advertisement continue reading below", "content continues below",
    "scroll to continue with content", "scroll down to continue reading",
    "weiterlesen nach der Anzeige", "weiter nach der Anzeige", "lesen Sie nach der Anzeige weiter",
    "Artikel wird nach der Anzeige fortgesetzt", "der Artikel wird unterhalb fortgesetzt",
    "la suite après la publicité", "suite après la publicité", "la suite après cette publicité",
    "l'article continue après la publicité", "l’article continue après la publicité",
    "la noticia continúa después de la publicidad", "continúa después de la publicidad",
    "sigue después de la publicidad", "el artículo continúa después del anuncio",
    "l'articolo continua dopo la pubblicità", "l’articolo continua dopo la pubblicità",
    "continua dopo la pubblicità", "continua após a publicidade",
    "continua depois da publicidade", "a matéria continua após a publicidade",
    "het artikel gaat verder onder de advertentie", "lees verder onder de advertentie",
    "dalsza część artykułu pod reklamą", "dalszy ciąg artykułu pod reklamą",
    "artykuł kontynuowany poniżej",
)  # fmt: skip

#: Sponsorship and affiliate disclosures that open a block.
_DISCLOSURES = (
    "advertising disclosure", "advertiser disclosure", "affiliate disclosure",
    "this post contains affiliate links", "this article contains affiliate links",
    "this post may contain affiliate links", "this article may contain affiliate links",
    "sponsored by", "this post is sponsored by", "this article is sponsored by",
    "this content is sponsored by",
    "this post was sponsored by", "this content was paid for by", "paid for by",
    "dieser Beitrag enthält Werbung", "dieser Artikel enthält Werbung",
    "dieser Beitrag enthält Affiliate-Links", "dieser Beitrag enthält affiliate links",
    "dieser Artikel enthält Affiliate-Links", "dieser Artikel enthält affiliate links",
    "dieser Beitrag wurde gesponsert", "dieser Beitrag entstand in Kooperation mit",
    "enthält Werbung", "enthält Affiliate-Links", "enthält affiliate links",
    "Werbung/Anzeige", "werbung / anzeige", "Anzeige/Werbung", "anzeige / werbung",
    "affiliatelink", "affiliatelinks", "affiliate link", "affiliate links", "affiliate-link",
    "affiliate-links", "cet article contient des liens affiliés", "cet article est sponsorisé",
    "este artículo contiene enlaces de afiliados", "este artículo está patrocinado",
    "questo articolo contiene link di affiliazione", "questo articolo è sponsorizzato",
    "este artigo contém links de afiliados", "este artigo é patrocinado",
    "dit artikel bevat affiliate links", "dit artikel is gesponsord",
    "artykuł zawiera linki afiliacyjne", "artykuł powstał we współpracy z",
)  # fmt: skip


_MARKER_SET = frozenset(p.lower() for p in _MARKERS)
_CONTINUE_SET = frozenset(p.lower() for p in _CONTINUE)
#: Framing characters around a label: "- Anzeige -", "[Anzeige]", "*Werbung".
_FRAME = r"[-–—*|·•:\[\]()<>«»_ ]"
#: One scan for every phrase: a label, a "continues below" line or a
#: disclosure opening a line, then the rest of the line. Starts with ``\n``
#: (see ``_textscan``); the rest is bounded, so a long line costs at most
#: one bounded backtrack.
_PHRASES = line_phrases(line_start_spellings((*_MARKERS, *_CONTINUE, *_DISCLOSURES)))
_LINE = LineScan(
    re.compile(
        rf"\n(?P<lead>{_FRAME}{{0,4}})(?P<phrase>{_PHRASES.trie})"
        rf"(?![^\W_])(?P<rest>[^\n]{{0,400}}){END}"
    ),
    _PHRASES.words,
)
#: A label alone on a line, for checking the lines of a grouped block.
_MARKER_LINE = re.compile(rf"{_FRAME}{{0,4}}(?:{phrase_trie(_MARKERS)}){_FRAME}{{0,4}}")
#: What separates a label from the teaser it introduces: "Anzeige: …",
#: "ANZEIGE - …", "[Anzeige] …", "Werbung | …", "*Werbung. Dieser Beitrag
#: enthält …". A dash needs a space before it: "Ad-Blocker …" is a word,
#: not a label.
_LABEL_SEPARATOR = re.compile(r"[ ]?[:|\]).][ ]?|[ ][-–—][ ]?")


class AdvertisementConfig(DetectorConfig):
    """Settings of :class:`AdvertisementDetector`."""

    #: Longest ad teaser after a label ("Anzeige: …"), in words. 15: the
    #: labelled teasers on the development corpus run 3-12 words; a longer
    #: block after "Anzeige:" is more likely a sentence about a complaint.
    max_labelled_words: int = Field(default=15, gt=0)
    #: Longest "continues below advertisement" block, in words.
    max_continue_words: int = Field(default=10, gt=0)
    #: Longest disclosure block, in words. 60: affiliate and sponsorship
    #: notices run 5-40 words on the development corpus; article paragraphs
    #: that discuss advertising are longer.
    max_disclosure_words: int = Field(default=60, gt=0)
    #: Longest grouped block (lines joined by the segmenter) that may open
    #: with a disclosure: an affiliate product box ("Affiliatelink\nNike Air
    #: Force 1 - Orange") is short; a menu that opens with "Sponsored by"
    #: runs on for dozens of words.
    max_grouped_words: int = Field(default=15, gt=0)
    #: Most lines a grouped block of labels may have ("Anzeige\\nAnzeige").
    max_marker_lines: int = Field(default=8, gt=0)


class AdvertisementDetector(Detector):
    """Flags ad labels, sponsored-content labels and ad disclosures."""

    name = "advertisement"
    Config = AdvertisementConfig
    config: AdvertisementConfig

    def detect(self, page: Page) -> Iterable[Verdict]:
        found: dict[int, Verdict] = {}
        for index, match in scan_lines(page, _LINE):
            verdict = self._line(page, index, match)
            if verdict is not None:
                found[index] = verdict
        return [found[i] for i in sorted(found)]

    def _line(self, page: Page, index: int, match: re.Match[str]) -> Verdict | None:
        """Verdict for a block with a label, continue line or disclosure at a line start."""
        cfg = self.config
        block = page.blocks[index]
        phrase = match.group("phrase").lower()
        rest = match.group("rest")
        grouped = "\n" in block.text
        if phrase in _CONTINUE_SET:
            if block.n_words <= cfg.max_continue_words and not grouped:
                return self.verdict(
                    index,
                    BlockKind.ADVERTISEMENT,
                    "continue_marker",
                    f"'continues below the ad' line: {block.text[:60]!r}",
                    0.9,
                )
            return None
        if phrase in _MARKER_SET:
            if not rest.strip(" -–—*|·•:[]()<>«»_"):
                if not grouped:
                    return self.verdict(
                        index,
                        BlockKind.ADVERTISEMENT,
                        "marker",
                        f"block is only the ad label {match.group('phrase')!r}",
                        0.95,
                    )
                lines = block.text.split("\n")
                if len(lines) <= cfg.max_marker_lines and all(
                    _MARKER_LINE.fullmatch(line) for line in lines
                ):
                    return self.verdict(
                        index,
                        BlockKind.ADVERTISEMENT,
                        "marker",
                        "block is only ad labels",
                        0.9,
                    )
                return None
            separator = _LABEL_SEPARATOR.match(rest)
            if (
                separator is not None
                and not grouped
                and block.n_words <= cfg.max_labelled_words
                and any(ch.isalpha() for ch in rest[separator.end() :])
            ):
                return self.verdict(
                    index,
                    BlockKind.ADVERTISEMENT,
                    "labelled",
                    f"short block labelled as an ad: {block.text[:60]!r}",
                    0.8,
                )
            return None
        # A disclosure opening the block (not a menu item further down a
        # grouped block: "About us\nAffiliate disclosure\nContact").
        limit = cfg.max_grouped_words if grouped else cfg.max_disclosure_words
        if block.n_words <= limit and line_in_block(page, index, match) == 0:
            return self.verdict(
                index,
                BlockKind.ADVERTISEMENT,
                "disclosure",
                f"sponsorship or affiliate disclosure: {block.text[:60]!r}",
                0.8,
            )
        return None
