"""Teasers of other articles, grouped as units.

A teaser is a headline, sometimes a photo caption and credit, a one-paragraph
lede, and a "Keep reading" / "Read more" / "Show less" link. The link is the
anchor: everything from the previous teaser's link (or from the nearest
headline above, with at most one lede in between) down to it belongs to one
teaser and is flagged as a unit, so that no piece of it survives alone.
"""

from __future__ import annotations

from collections.abc import Iterable

import re

from pydantic import Field

from .._kinds import BlockKind
from .._models import Verdict
from .._page import Page
from ._base import Detector, DetectorConfig
from ._textscan import END, phrase_trie, scan_lines

#: "Read more" links in the languages cleannews covers.
_LINK_PHRASES = (
    "keep reading", "continue reading", "continued reading", "read more", "read the story",
    "read the full story", "read the article", "read the full article", "read full story",
    "read on", "full story", "show less", "show more", "more »",
    "weiterlesen", "weiter lesen", "mehr lesen", "» mehr", "mehr", "zum artikel", "artikel lesen",
    "lire la suite", "lire plus", "lire l'article", "lire l’article", "en savoir plus",
    "leer más", "leer mas", "seguir leyendo", "sigue leyendo", "continuar leyendo",
    "continua a leggere", "leggi tutto", "leggi di più", "leggi di piu", "leggi l'articolo",
    "continuar lendo", "continuar a ler", "leia mais", "ler mais",
    "lees meer", "lees verder", "verder lezen",
    "czytaj dalej", "czytaj więcej", "więcej",
)
_LINK = phrase_trie(_LINK_PHRASES)
#: A block that is only such a link, possibly chained ("Keep reading...Show
#: less") and wrapped in arrows or brackets. Starts with ``\n`` so that the
#: stdlib engine jumps between block starts (see ``_textscan``); linear.
_MARKER = re.compile(
    rf"\n[\[(»›>…]{{0,2}} ?{_LINK}(?:[ .…»›>)\]_-]{{0,6}}{_LINK})?[ .…»›>)\]!_-]{{0,4}}{END}"
)
#: A lede that ends with such a link ("… Weiterlesen »", "[...] Read more").
_TRAILING_LINK = re.compile(
    rf"(?:\.\.\.|…|\[…\]|\[\.\.\.\]) {{0,3}}{_LINK}[ .…»›>)\]]{{0,4}}{END}"
)


class TeaserConfig(DetectorConfig):
    """Settings of :class:`TeaserDetector`."""

    #: How far above a link a teaser's headline may be. Headline, caption,
    #: credit, lede and link make five blocks; one spare.
    max_unit_blocks: int = Field(default=6, gt=0)
    #: A teaser has one lede; a second prose block above means the article.
    max_lede_blocks: int = Field(default=1, ge=0)
    #: Blocks of at least this many words count as a lede (prose), not as a
    #: headline, caption or credit.
    min_lede_words: int = Field(default=25, gt=0)
    #: Headlines are short.
    max_headline_words: int = Field(default=25, gt=0)


class TeaserDetector(Detector):
    """Flags teaser units anchored on their "Keep reading" links."""

    name = "teaser"
    Config = TeaserConfig
    config: TeaserConfig

    def detect(self, page: Page) -> Iterable[Verdict]:
        markers = [i for i, _ in scan_lines(page, _MARKER) if page.blocks[i].n_words <= 8]
        trailing = [i for i, _ in scan_lines(page, _TRAILING_LINK)]
        if not markers and not trailing:
            return []
        cfg = self.config
        blocks = page.blocks
        verdicts = []
        previous_end = -1
        for m in sorted(set(markers) | set(trailing)):
            is_marker = m in markers
            # The unit above the link: back to the previous link, or to the
            # nearest headline-like block with at most one lede in between.
            start = m
            ledes = 0 if is_marker else 1
            lowest = max(previous_end + 1, m - cfg.max_unit_blocks)
            if previous_end >= 0 and m - previous_end <= cfg.max_unit_blocks + 2:
                start = previous_end + 1
            else:
                # Walk up through caption, credit and headline; stop at a second
                # lede or at a finished sentence that belongs to what came before.
                i = m - 1
                while i >= lowest:
                    b = blocks[i]
                    if b.n_words >= cfg.min_lede_words:
                        if ledes >= cfg.max_lede_blocks:
                            break
                        ledes += 1
                    elif b.text.endswith((".", "!", "…")) and b.n_words >= 2:
                        break
                    start = i
                    i -= 1
            if is_marker:
                verdicts.append(
                    self.verdict(m, BlockKind.TEASER, "keep_reading", "a 'keep reading' link", 0.95)
                )
            else:
                verdicts.append(
                    self.verdict(
                        m, BlockKind.TEASER, "lede_with_link", "a lede ending in a 'read more' link", 0.8
                    )
                )
            if start < m:
                verdicts.append(
                    self.verdict(
                        start,
                        BlockKind.TEASER,
                        "unit",
                        "part of a teaser (headline, caption, lede) ending in a 'keep reading' link",
                        0.75,
                        end_block=m - 1,
                    )
                )
            previous_end = m
        return verdicts
