"""The repeated headline.

Dumps print the headline more than once: the page ``<title>`` (often with the
site name appended) and the ``<h1>``, or the same heading twice. The first
block of a page is the page title; a later heading-like block that repeats it,
or that it contains next to a separator ("Headline | Site"), is the same
headline. The copy that carries extra text (site name, section) or that comes
after the first is the duplicate.
"""

from __future__ import annotations

from collections.abc import Iterable

from pydantic import Field

from .._kinds import BlockKind
from .._models import Verdict
from .._page import Block, Page
from ._base import Detector, DetectorConfig


class HeadlineConfig(DetectorConfig):
    """Settings of :class:`HeadlineDetector`."""

    #: Headlines are short; longer blocks are prose. 40 words covers the
    #: longest headlines seen in the development corpus with margin.
    max_words: int = Field(default=40, gt=0)
    #: The repeat is looked for among this many blocks after the first.
    max_blocks_searched: int = Field(default=150, gt=0)
    #: A contained headline must have at least this many words, so that a
    #: site name or a section label inside the page title does not count.
    min_contained_words: int = Field(default=3, gt=0)


def _norm(text: str) -> str:
    return " ".join(text.casefold().split())


#: Characters that set a headline off from the site or section name in a
#: page title: "Headline | Section | Site", "Headline - Site", "Site: Headline",
#: "Site » Blog » Headline", "Headline (site.de)". Commas, stops and quotes
#: are not among them: they join the parts of one headline.
_SEPARATORS = frozenset("|-–—:·•»«›‹/\\~⋆ǀ()[]")


def _title_affix(title: str, headline: str) -> bool:
    """``title`` is ``headline`` with site or section names set off by separators.

    A later block that is merely a piece of the headline (a topic link "Piano
    casa per i giovani" under "Il governo approva il nuovo piano casa per i
    giovani") is not the headline: on each side of it, what else the title
    holds must be set off by a separator.
    """
    at = title.find(headline)
    while at >= 0:
        before = title[:at].rstrip()
        after = title[at + len(headline) :].lstrip()
        if (before or after) and (not before or before[-1] in _SEPARATORS) and (
            not after or after[0] in _SEPARATORS
        ):
            return True
        at = title.find(headline, at + 1)
    return False


def _heading_like(block: Block, max_words: int) -> bool:
    return 0 < block.n_words <= max_words and "\n" not in block.text


class HeadlineDetector(Detector):
    """Marks copies of the headline so that only one is kept, as the title."""

    name = "headline"
    Config = HeadlineConfig
    config: HeadlineConfig

    def detect(self, page: Page) -> Iterable[Verdict]:
        blocks = page.blocks
        if len(blocks) < 2:
            return []
        cfg = self.config
        first = blocks[0]
        if not _heading_like(first, cfg.max_words):
            return []
        wanted = _norm(first.text)
        most_words = first.n_words
        fewest_words = min(cfg.min_contained_words, most_words)
        verdicts = []
        for block in blocks[1 : 1 + cfg.max_blocks_searched]:
            # A copy has as many words as the headline, a contained headline
            # fewer but at least min_contained_words: counting words first
            # spares normalising the menu items and labels of the page.
            n_words = block.n_words
            if not fewest_words <= n_words <= most_words or block.n_chars > first.n_chars:
                continue
            if "\n" in block.text:
                continue  # several lines: not a heading
            text = _norm(block.text)
            if text == wanted:
                verdicts.append(
                    self.verdict(
                        block.index,
                        BlockKind.DUPLICATE_TITLE,
                        "repeated",
                        "the headline printed a second time",
                        0.9,
                    )
                )
                continue  # a third copy (share box, footer) is a duplicate too
            if block.n_words >= cfg.min_contained_words and _title_affix(wanted, text):
                verdicts.append(
                    self.verdict(
                        first.index,
                        BlockKind.DUPLICATE_TITLE,
                        "page_title",
                        "page title: the headline with the site or section name added",
                        0.9,
                    )
                )
                break
        return verdicts
