"""Related, recommended, most-read and more-from lists.

A list of other articles opens with a header: "Related articles", "You may
also like", "Mehr zum Thema", "Das könnte Sie auch interessieren", "À lire
aussi", "Te puede interesar", "Leggi anche", "Veja também", "Lees ook",
"Czytaj także", "More from <site>", "Latest news". The header is strong
evidence on its own when it is the whole block or the first line of a block
(a header further down a grouped block is a menu entry). The list under it
is a run of short, headline-like blocks (titles, dates, categories, grouped
headlines); it is flagged as a unit with a weaker confidence, stopping at the
first prose paragraph, which may be the article going on after an inline
box; a one-line block right above that paragraph is its heading and stays
out of the unit.

A header can also open a single prose-like line: "Lesen Sie auch: <headline>",
"Read more: <headline>", "VEA TAMBIÉN: <headline>". The colon and a short
block make it a link line; it is flagged alone, without a unit.

Article prose that says "related" or "recommended" is never touched: the
phrases count only at the start of a short block.

Speed: one ``\\n``-led pattern with one trie finds lines that open with a
header, run only on the lines that the page's line index files under the
headers' opening words (see ``_textscan``); the list is then walked in
Python from the few headers found.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from pydantic import Field

from .._kinds import BlockKind
from .._models import Verdict
from .._page import Block, Page
from ._base import Detector, DetectorConfig
from ._textscan import (
    LineScan,
    ends_line,
    line_in_block,
    line_matches,
    line_phrases,
    line_start_spellings,
)

#: Headers of lists of other articles, as the whole block (optionally with
#: a colon, arrow or "!" after them).
_HEADERS = (
    # en
    "related", "related articles", "related posts", "related stories", "related content",
    "related news", "related coverage", "related reading", "related links", "related topics",
    "you may also like", "you might also like", "you may like", "you might like",
    "you may be interested in", "you might be interested in", "you may also be interested in",
    "recommended", "recommended for you", "recommended stories", "recommended articles",
    "recommended reading", "read also", "also read", "read next", "read this next",
    "see also", "more stories", "more news", "more articles", "more on this story",
    "more on this topic", "more like this", "most read", "most popular", "most viewed",
    "popular posts", "popular articles", "popular stories", "recent posts", "recent articles",
    "latest news", "latest stories", "latest articles", "latest posts", "latest headlines",
    "top stories", "trending", "trending now", "trending stories", "trending articles",
    "editor's picks", "editors' picks", "editors pick", "editor's pick", "don't miss",
    "explore further", "further reading", "keep reading", "what to read next",
    "around the web", "from the web", "promoted stories",
    # de
    "das könnte Sie auch interessieren", "das könnte dich auch interessieren",
    "das könnte Ihnen auch gefallen", "das könnte dir auch gefallen",
    "diese Artikel könnten Sie auch interessieren", "dies könnte Sie auch interessieren",
    "mehr zum Thema", "auch interessant", "ebenfalls interessant", "lesen Sie auch",
    "lesen Sie dazu", "lesen Sie dazu auch", "lies auch", "auch lesen", "siehe auch",
    "weitere Artikel", "weitere Beiträge", "weitere Nachrichten", "weitere News",
    "weitere Themen", "weitere Meldungen", "weitere Informationen zum Thema",
    "ähnliche Artikel", "ähnliche Beiträge", "ähnliche Themen", "ähnliche Rezepte",
    "verwandte Artikel", "verwandte Beiträge", "verwandte Themen", "empfohlene Artikel",
    "unsere Empfehlungen", "unsere Empfehlung", "Empfehlungen der Redaktion", "meistgelesen",
    "meist gelesen", "meistgelesene Artikel", "meistgelesene News", "die meistgelesenen Artikel",
    "beliebte Artikel", "beliebte Beiträge", "neueste Beiträge", "neueste Artikel",
    "neueste Nachrichten", "aktuelle Beiträge", "aktuelle Artikel", "letzte Beiträge",
    "Top-Themen", "Top Themen", "passend zum Thema", "zum Thema",
    # fr
    "à lire aussi", "a lire aussi", "à lire également", "lire aussi", "lire également",
    "à voir aussi", "voir aussi", "sur le même sujet", "sur le même thème",
    "articles similaires", "articles liés", "articles les plus lus", "les plus lus",
    "les plus populaires", "dans la même rubrique", "vous aimerez aussi",
    "vous aimerez aussi aussi", "vous pourriez aussi aimer", "pour aller plus loin",
    "pour approfondir", "nos derniers articles", "derniers articles", "à la une",
    "ces articles peuvent vous intéresser",
    # es
    "te puede interesar", "le puede interesar", "también te puede interesar",
    "te podría interesar", "puede interesarte", "noticias relacionadas",
    "artículos relacionados", "temas relacionados", "relacionados", "relacionadas",
    "lea también", "lee también", "ver también", "vea también", "mira también",
    "te recomendamos", "recomendados", "lo más leído", "más leídas", "más leídos",
    "más noticias", "últimas noticias", "te puede gustar",
    # it
    "potrebbe interessarti", "ti potrebbe interessare", "potrebbe interessarti anche",
    "leggi anche", "articoli correlati", "notizie correlate", "correlati", "i più letti",
    "più letti", "ultime notizie", "vedi anche", "altre notizie", "consigliati",
    "potrebbero interessarti",
    # pt
    "leia também", "veja também", "leia mais", "notícias relacionadas",
    "artigos relacionados", "mais lidas", "mais lidos", "você também pode gostar",
    "você pode gostar", "recomendados para você", "últimas notícias", "saiba mais",
    # nl
    "lees ook", "lees meer", "gerelateerde artikelen", "gerelateerd", "meest gelezen",
    "bekijk ook", "ook interessant", "aanbevolen", "meer nieuws", "dit vind je misschien ook leuk",
    "misschien ook interessant",
    # pl
    "czytaj także", "czytaj też", "czytaj również", "zobacz też", "zobacz także",
    "zobacz również", "polecamy", "przeczytaj też", "przeczytaj także", "przeczytaj również",
    "podobne artykuły", "powiązane artykuły", "najczęściej czytane", "najpopularniejsze",
    "więcej na ten temat", "może cię zainteresować", "może cię również zainteresować",
    "najnowsze", "najnowsze artykuły",
)  # fmt: skip
#: Headers that name what follows: "More from KXAN", "Mehr aus Berlin",
#: "Latest travel news", "Weitere Beiträge zum Thema Corona".
_PREFIX_HEADERS = (
    "more from", "more in", "more on", "more about", "latest", "mehr aus", "mehr von",
    "mehr zum", "mehr zu", "mehr über", "weitere Beiträge zu", "weitere Artikel zu",
    "weitere Beiträge zum", "weitere Artikel zum", "neueste", "más sobre", "altro su",
    "mais sobre", "meer over", "meer van", "więcej o", "więcej z", "related subjects",
    "related topics", "verwandte Themen",
)  # fmt: skip
#: Link lines: a header, a colon, and one headline ("Lesen Sie auch: …").
_INLINE = (
    "read more", "read also", "also read", "see also", "related", "recommended",
    "weiterlesen", "mehr dazu", "auch lesen", "lies auch", "lesen Sie auch", "lesen Sie dazu",
    "lesen Sie mehr", "lire aussi", "à lire aussi", "a lire aussi", "voir aussi",
    "lea también", "lee también", "lea más", "lee más", "vea también", "ver también",
    "mira también", "puedes ver", "le puede interesar", "te puede interesar",
    "leggi anche", "leia também", "leia mais", "veja também",
    "lees ook", "lees meer", "czytaj także", "czytaj też", "czytaj również", "zobacz też",
    "zobacz także", "przeczytaj też", "przeczytaj także",
)  # fmt: skip

#: Every phrase the scan looks for, as written on pages (case variants follow).
_PHRASES = (*_INLINE, *_PREFIX_HEADERS, *_HEADERS)
_HEADER_SET = frozenset(p.lower() for p in _HEADERS)
_INLINE_SET = frozenset(p.lower() for p in _INLINE)
_PREFIX_SET = frozenset(p.lower() for p in _PREFIX_HEADERS)


#: The one scan: a line that opens with a header phrase, then the rest of the
#: line as a plain tail (up to 300 characters; longer lines are prose).
_STARTS = line_phrases(line_start_spellings(_PHRASES))
_SCAN = LineScan(
    re.compile(rf"\n(?P<phrase>{_STARTS.trie})(?![^\W_])[^\n]{{0,300}}"), _STARTS.words
)
#: What may follow a whole-block header: a colon, arrows, "!", "…", a count.
_HEADER_TAIL = re.compile(r"[ ]?[:!.…»›>→↓|\-–—]{0,3}[ ]?(?:\(\d{1,3}\))?$")


class RelatedConfig(DetectorConfig):
    """Settings of :class:`RelatedDetector`."""

    #: A header that names its source ("More from KXAN Austin") has at most
    #: this many words after the phrase.
    #: 8 covers "Related Topics Epic Games GameTechie News Psyonix Rocket League".
    max_prefix_tail_words: int = Field(default=8, ge=0, le=100)
    #: A link line ("Lesen Sie auch: <headline>") has at most this many words.
    max_inline_words: int = Field(default=35, gt=0, le=500)
    #: Blocks of the list under a header: short, headline-like. 25 words covers
    #: long headlines with a date or category glued to them (development corpus).
    max_item_words: int = Field(default=25, gt=0, le=500)
    #: A block ending like a sentence with at least this many words is prose
    #: (a lede or the article going on), and ends the list.
    min_sentence_words: int = Field(default=10, gt=0, le=500)
    #: ... and so is a block of that many words as dense in function words as
    #: prose (headlines are not: ~0.1-0.25 on the corpus, prose ~0.4).
    min_prose_stopword_ratio: float = Field(default=0.35, ge=0.0, le=1.0)
    #: The list is followed at most this many blocks down.
    max_unit_blocks: int = Field(default=12, gt=0, le=1000)


class RelatedDetector(Detector):
    """Headers of related/recommended lists and the lists under them (RELATED)."""

    name = "related"
    Config = RelatedConfig
    config: RelatedConfig

    def detect(self, page: Page) -> Iterable[Verdict]:
        blocks = page.blocks
        if not blocks:
            return []
        verdicts: list[Verdict] = []
        covered = -1
        for index, match in line_matches(page, _SCAN):
            if index <= covered:
                continue
            if not ends_line(match):
                continue  # a long line: prose that happens to start like a header
            block = blocks[index]
            if line_in_block(page, index, match) > 0:
                continue  # a later line of a grouped block: a menu entry, a tag
            verdict = self._classify(block, match.group("phrase"), match.group()[1:])
            if verdict is None:
                continue
            covered = index
            if verdict.code != "related.header":
                verdicts.append(verdict)
                continue
            last = self._list_end(page, index)
            verdicts.append(verdict)
            if last > index:
                verdicts.append(
                    self.verdict(
                        index + 1,
                        BlockKind.RELATED,
                        "unit",
                        "headline-like block in the list under a related-articles header",
                        0.6,
                        end_block=last,
                    )
                )
                covered = last
        return verdicts

    def _classify(self, block: Block, phrase: str, line: str) -> Verdict | None:
        """Header, named header or link line, from what follows the phrase."""
        cfg = self.config
        key = phrase.lower()
        tail = line[len(phrase) :]
        if key in _HEADER_SET and _HEADER_TAIL.match(tail):
            return self.verdict(
                block.index,
                BlockKind.RELATED,
                "header",
                f"block is a related-articles header: {phrase!r}",
                0.9,
            )
        stripped = tail.lstrip(" ")
        if stripped.startswith((":", "|", "»", "›", ">", "→", "-", "–")) or (
            key in _INLINE_SET and stripped[:1] in (":", "»")
        ):
            if block.n_words <= cfg.max_inline_words and "\n" not in block.text:
                return self.verdict(
                    block.index,
                    BlockKind.RELATED,
                    "inline",
                    f"a link to another article after {phrase!r}",
                    0.85,
                )
            return None
        if key in _PREFIX_SET:
            words = len(tail.split())
            if 0 < words <= cfg.max_prefix_tail_words and not tail.rstrip().endswith((".", "?")):
                return self.verdict(
                    block.index,
                    BlockKind.RELATED,
                    "header",
                    f"block is a header of more articles: {line.strip()[:60]!r}",
                    0.85,
                )
        return None

    def _is_prose(self, blocks: tuple[Block, ...], index: int) -> bool:
        """Whether block ``index`` exists and reads like a paragraph of prose."""
        if not 0 <= index < len(blocks):
            return False
        block = blocks[index]
        if "\n" in block.text:
            return False  # grouped short lines: a list of headlines, never prose
        cfg = self.config
        return block.n_words > cfg.max_item_words or (
            block.n_words >= cfg.min_sentence_words
            and (block.text[-1] in ".!?" or block.stopword_ratio >= cfg.min_prose_stopword_ratio)
        )

    def _list_end(self, page: Page, header: int) -> int:
        """Last block of the headline list under ``header`` (``header`` if none)."""
        cfg = self.config
        blocks = page.blocks
        last = header
        for j in range(header + 1, min(len(blocks), header + 1 + cfg.max_unit_blocks)):
            if self._is_prose(blocks, j):
                # A one-line block right above prose after two or more items
                # is the prose's heading (the article goes on below a box).
                if last - header >= 2 and "\n" not in blocks[last].text:
                    last -= 1
                break
            last = j
        return last
