"""Teasers of other articles, grouped as units.

A teaser is a headline, sometimes a photo caption and credit, a one-paragraph
lede, and a "Keep reading" / "Read more" / "Show less" link. The link is the
anchor: everything from the previous teaser's link (or from the nearest
headline above, with at most one lede in between) down to it belongs to one
teaser and is flagged as a unit, so that no piece of it survives alone.
"""

from __future__ import annotations

from collections.abc import Iterable

import regex
from pydantic import Field

from .._kinds import BlockKind
from .._models import Verdict
from .._page import Page
from ._base import Detector, DetectorConfig, scan

#: "Read more" links in the languages cleannews covers. A block that is only
#: such a link (possibly chained: "Keep reading...Show less"), or a lede that
#: ends with one ("… Weiterlesen »").
_LINK = (
    r"(?:keep|continue|continued|read)\s+(?:reading|more|the\s+(?:full\s+)?(?:story|article))"
    r"|show\s+(?:less|more)|read\s+on|full\s+story|more\s*»"
    r"|weiterlesen|weiter\s+lesen|mehr\s+lesen|(?:»\s*)?mehr|zum\s+artikel|artikel\s+lesen"
    r"|lire\s+(?:la\s+suite|plus|l['’]article)|en\s+savoir\s+plus"
    r"|leer\s+m[aá]s|seguir\s+leyendo|sigue\s+leyendo|continuar\s+leyendo"
    r"|continua\s+a\s+leggere|leggi\s+(?:tutto|di\s+pi[uù]|l['’]articolo)"
    r"|continuar\s+(?:a\s+)?lendo|leia\s+mais|ler\s+mais"
    r"|lees\s+(?:meer|verder)|verder\s+lezen"
    r"|czytaj\s+(?:dalej|wi[eę]cej)|wi[eę]cej"
)
_MARKER = regex.compile(
    rf"(?im)^[\s\[(»›>…._-]{{0,4}}(?:{_LINK})(?:[\s.…»›>)\]_-]{{0,6}}(?:{_LINK}))?[\s.…»›>)\]!_-]{{0,4}}$"
)
_TRAILING_LINK = regex.compile(rf"(?im)(?:\.\.\.|…|\[…\]|\[\.\.\.\])\s{{0,3}}(?:{_LINK})[\s.…»›>)\]]{{0,4}}$")


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
        markers = [i for i, _ in scan(page, _MARKER) if page.blocks[i].n_words <= 8]
        trailing = [i for i, _ in scan(page, _TRAILING_LINK)]
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
