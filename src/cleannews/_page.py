"""The segmented page that every detector reads: an immutable sequence of blocks.

A :class:`Page` is produced by a segmenter (text dump or HTML) and is the only
thing detectors see. Per-block features are computed once here so that a
dozen detectors do not recompute them: speed over a corpus of millions of
pages depends on it.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal, NamedTuple

PageFormat = Literal["text", "html"]

#: Characters that end a sentence in the scripts we see most.
SENTENCE_END = frozenset(".!?…。！？;:\"'”’»)")


class Block(NamedTuple):
    """One block of a page: a paragraph, a line of a menu, a heading, a caption.

    ``start``/``end`` index the page's ``source`` (the input text for a dump,
    the linearised text for HTML), so ``source[start:end]`` is the block's raw
    text. ``text`` is that raw text with whitespace collapsed (and, for
    hard-wrapped dumps, continuation lines joined).

    A named tuple rather than a dataclass: a page has hundreds of blocks and a
    corpus millions of pages, and tuples are built several times faster.
    """

    #: Position of the block on the page. It shadows ``tuple.index``, which
    #: nobody calls on a block; the name is the one every detector reads.
    index: int  # type: ignore[assignment]
    start: int
    end: int
    text: str
    #: Blank lines between this block and the previous one (0: same paragraph group).
    gap_before: int = 1
    #: Leading spaces of the block's first line (layout-preserving dumps).
    indent: int = 0
    #: The line started with a list bullet (``*``, ``-``, ``•``, ``1.`` …).
    bullet: bool = False
    n_chars: int = 0
    n_words: int = 0
    #: Share of the block's words that are function words of the page language.
    stopword_ratio: float = 0.0
    #: Number of function words.
    n_stopwords: int = 0
    #: The block ends like a sentence (``.``, ``!``, ``?``, a closing quote …).
    ends_sentence: bool = False
    #: HTML evidence (``None``/empty for text dumps).
    tag: str | None = None
    path: str | None = None
    class_tokens: tuple[str, ...] = ()
    link_chars: int = 0

    @property
    def capitalised_ratio(self) -> float:
        """Share of words starting with an upper-case letter (title case → 1.0).

        Computed on demand: only headline-like candidates need it.
        """
        words = self.text.split()
        return sum(1 for w in words if w[0].isupper()) / len(words) if words else 0.0

    @property
    def link_ratio(self) -> float:
        """Share of the block's characters inside links (0 for text dumps)."""
        return self.link_chars / self.n_chars if self.n_chars else 0.0


@dataclass(frozen=True, slots=True)
class Page:
    """A segmented page. Immutable: detectors may read it from many threads."""

    source: str
    blocks: tuple[Block, ...]
    format: PageFormat = "text"
    language: str | None = None
    url: str | None = None
    #: The blocks' ``text`` joined by ``"\\n"``: one string that a detector's
    #: regular expression scans in a single pass instead of once per block.
    joined: str = ""
    joined_starts: tuple[int, ...] = field(default=())

    def block_at(self, offset: int) -> int:
        """Index of the block whose text covers ``offset`` of :attr:`joined`."""
        return bisect.bisect_right(self.joined_starts, offset) - 1

    def __len__(self) -> int:
        return len(self.blocks)


def join_blocks(blocks: Sequence[Block]) -> tuple[str, tuple[int, ...]]:
    """Build :attr:`Page.joined` and :attr:`Page.joined_starts` for ``blocks``."""
    starts: list[int] = []
    pos = 0
    for block in blocks:
        starts.append(pos)
        pos += len(block.text) + 1
    return "\n".join(b.text for b in blocks), tuple(starts)
