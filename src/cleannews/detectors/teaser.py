"""Teasers of other articles, grouped as units.

A teaser is a headline, sometimes a photo caption and credit, a one-paragraph
lede, and a "Keep reading" / "Read more" / "Show less" link. The link is the
anchor: walking up from it, the unit takes the lede (prose, or a finished
sentence right above the link), caption, credit and headline, and stops at
the previous teaser's link, at a second lede, or at prose or a finished
sentence above the headline. The unit is flagged as a whole, so that no piece
of a teaser survives alone, and no paragraph of the article is taken with it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from pydantic import Field

from .._kinds import BlockKind
from .._models import Verdict
from .._page import Page, opening_word
from ._base import Detector, DetectorConfig
from ._textscan import END, LineScan, all_spellings, line_in_block, line_phrases, scan_lines

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
_LINKS = line_phrases(all_spellings(_LINK_PHRASES))
_LINK = _LINKS.trie
#: The reading time that some sites print after the link ("weiterlesen 5 Minuten").
_READING_TIME = r"[ ·|-]{0,3}\d{1,3}[ ]?(?i:min(?:ute)?s?\.?|minuten|minutos?|minuti|minut[ya]?)"
#: A block that is only such a link, possibly chained ("Keep reading...Show
#: less"), wrapped in arrows or brackets, led by dots ("....weiterlesen") or
#: followed by a reading time.
#: Starts with ``\n`` so that the stdlib engine jumps between block starts
#: (see ``_textscan``); linear.
#: Lines open with a link's opening word, or, when two links are chained
#: without a separator ("Mehrweiterlesen"), with the first link run on into
#: the second's: those words too, so that the line index finds every line.
_CHAINED_WORDS = frozenset(
    first + opening_word(second)
    for first in _LINKS.words
    for second in all_spellings(_LINK_PHRASES)
    if opening_word(second) and second.startswith(opening_word(second))
)
_MARKER = LineScan(
    re.compile(
        rf"\n[\[(»›>….]{{0,4}} ?{_LINK}(?:[ .…»›>)\]_-]{{0,6}}{_LINK})?[ .…»›>)\]!_-]{{0,4}}"
        rf"(?:{_READING_TIME})?{END}"
    ),
    _LINKS.words | _CHAINED_WORDS,
)
#: A link block has at most this many words ("Keep reading...Show less" has 4;
#: chained links with arrows stay under 8).
_MAX_MARKER_WORDS = 8
#: A lede that ends with such a link ("… Weiterlesen »", "[...] Read more").
#: Two scans, each opening with a literal ("..." or "…"), which the engine
#: finds with a fast search; one pattern opening with the set of both ran at
#: every full stop of the page (36 µs per corpus page against 15 µs).
_LINK_TAIL = rf"\]?[ ]{{0,3}}{_LINK}[ .…»›>)\]]{{0,4}}{END}"
_TRAILING_LINKS = (re.compile(r"\.\.\." + _LINK_TAIL), re.compile("…" + _LINK_TAIL))


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
    #: Headlines are short: a block of at most this many words that does not
    #: end like a sentence is headline-like (headline, kicker, caption, credit).
    #: A longer unfinished block that is not yet a lede ends the walk.
    max_headline_words: int = Field(default=25, gt=0)


#: Closing quotes and brackets that may follow a sentence end ("….”", "…?)").
_CLOSERS = "\"'”’»)]"
#: Sentence ends. ``Block.ends_sentence`` also counts ":" and any closing
#: quote, which would make 'Scholz: „Wir schaffen das“' or a headline quoting
#: a phrase a finished sentence; here only a real stop, before closers, counts.
_STOPS = ".!?…"
#: Share of capitalised words above which a question is a title-case headline
#: ("Whose Votes Does Biden Need To Win?" 0.92) rather than a sentence ("What
#: happens to the farms now?" 0.17). German, which capitalises nouns, is the
#: hard case: short German questions on the development corpus have a median
#: of 0.43, and most of the one in seven that reach 0.6 are headlines.
_TITLE_CASE_RATIO = 0.6


def _finished(text: str) -> str:
    """The stop that ends ``text`` as a sentence ("" if it does not end like one)."""
    end = text.rstrip(_CLOSERS)[-1:]
    return end if end in _STOPS else ""


#: Link words that are also the last item of a menu ("Sport / Kultur / Mehr").
_MENU_WORDS = frozenset(("mehr", "more", "więcej"))


def _link_line(page: Page, index: int, match: re.Match[str]) -> bool:
    """Whether the link ``match`` found in block ``index`` makes the block a link.

    It does when it opens the block: alone, or followed by the next teaser's
    kicker in a grouped block. As the last line of a grouped block it ends a
    teaser ("22 July 2019 By Wikimedia Foundation / Read more"), unless it is
    a bare "Mehr", which ends menus ("Twitter / Drucken / E-Mail / Mehr").
    """
    line = line_in_block(page, index, match)
    if line == 0:
        return True
    bare = "".join(ch for ch in match.group() if ch.isalpha()).lower()
    return line == page.blocks[index].text.count("\n") and bare not in _MENU_WORDS


class TeaserDetector(Detector):
    """Flags teaser units anchored on their "Keep reading" links."""

    name = "teaser"
    Config = TeaserConfig
    config: TeaserConfig

    def detect(self, page: Page) -> Iterable[Verdict]:
        blocks = page.blocks
        # Link position -> whether the block is only the link (a dict: one
        # lookup per link, where a list made membership tests quadratic).
        links: dict[int, bool] = {
            i: False for pattern in _TRAILING_LINKS for i, _ in scan_lines(page, pattern)
        }
        for i, match in scan_lines(page, _MARKER):
            block = blocks[i]
            if block.n_words <= _MAX_MARKER_WORDS and _link_line(page, i, match):
                links[i] = True
        if not links:
            return []
        verdicts = []
        previous_end = -1
        for m in sorted(links):
            is_marker = links[m]
            start = self._unit_start(page, m, previous_end, is_marker)
            if is_marker:
                code, reason, confidence = "keep_reading", "a 'keep reading' link", 0.95
            else:
                code, reason, confidence = "lede_with_link", "a lede ending in a link", 0.8
            verdicts.append(self.verdict(m, BlockKind.TEASER, code, reason, confidence))
            if start < m:
                verdicts.append(
                    self.verdict(
                        start,
                        BlockKind.TEASER,
                        "unit",
                        "part of a teaser (headline, caption, lede) above a 'keep reading' link",
                        0.75,
                        end_block=m - 1,
                    )
                )
            previous_end = m
        return verdicts

    def _unit_start(self, page: Page, link: int, previous_end: int, is_marker: bool) -> int:
        """First block of the teaser whose link is block ``link``.

        A teaser reads, top down: headline (maybe a kicker above it), caption
        and credit, one lede, the link. Walking up from the link, the lede
        comes first and the headline last, so once a headline-like block has
        been passed, any prose or finished sentence above it belongs to the
        article or to the previous teaser. The walk also stops at the
        previous link and after ``max_unit_blocks`` blocks.
        """
        cfg = self.config
        blocks = page.blocks
        lowest = max(previous_end + 1, link - cfg.max_unit_blocks)
        ledes = 0 if is_marker else 1
        headline_seen = False
        start = link
        for i in range(link - 1, lowest - 1, -1):
            b = blocks[i]
            stop = _finished(b.text)
            if b.n_words >= cfg.min_lede_words or (stop and i == link - 1 and is_marker):
                # Prose, or a finished sentence right above the link: a lede.
                if headline_seen or ledes >= cfg.max_lede_blocks:
                    break
                ledes += 1
            elif stop and b.n_words >= 2:
                # A finished sentence above the lede: a caption or the end of
                # the article. A question or exclamation right above the lede
                # is a headline; above a headline only a title-case one is.
                if stop not in "?!":
                    break
                if headline_seen and b.capitalised_ratio < _TITLE_CASE_RATIO:
                    break
                headline_seen = True
            elif b.n_words > cfg.max_headline_words:
                break  # unfinished text too long for a headline, too short for a lede
            else:
                headline_seen = True
            start = i
        else:
            return start  # stopped by the previous link or max_unit_blocks
        # Stopped by the article's prose. A lede with no headline between it
        # and that prose is the article's own paragraph, above an inline
        # "Read more" box: the link alone is the teaser.
        return start if headline_seen else link
