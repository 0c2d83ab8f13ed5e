"""The segmented page that every detector reads: an immutable sequence of blocks.

A :class:`Page` is produced by a segmenter (text dump or HTML) and is the only
thing detectors see. Per-block features are computed once here so that a
dozen detectors do not recompute them: speed over a corpus of millions of
pages depends on it.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence, Set
from dataclasses import dataclass, field
from itertools import accumulate, repeat
from operator import add
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
    #: Memo of :attr:`line_index`, built on first use (see there). Not part of
    #: the page's value: left out of equality and ``repr``.
    _line_index: LineIndex | None = field(default=None, repr=False, compare=False)

    def block_at(self, offset: int) -> int:
        """Index of the block whose text covers ``offset`` of :attr:`joined`."""
        return bisect.bisect_right(self.joined_starts, offset) - 1

    @property
    def line_index(self) -> LineIndex:
        """The page's lines by their opening word: built once, shared by every detector.

        Built on first use and kept on the page, so a page that no detector
        asks about costs nothing, and a dozen detectors that ask share one
        build. The memo does not change what the page is (it is derived from
        :attr:`joined` alone, and rebuilt if a copy of the page carries
        another page's memo); two threads that build it at once build the
        same index, and either one is kept.
        """
        index = self._line_index
        if index is None or index.joined is not self.joined:
            index = LineIndex(self.joined)
            object.__setattr__(self, "_line_index", index)
        return index

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


#: Letters of the Latin script (Basic Latin, Latin-1, Extended-A/B and
#: Additional), spelled as ranges: the engine tests a range at C speed, where
#: the Unicode letter class ``[^\W\d_]`` costs a category look-up per
#: character (measured: the index builds in 26 µs instead of 43 µs per
#: development page). Other scripts are skipped like punctuation: their lines
#: open with the first Latin word or digit that follows, or with nothing.
_LATIN = "A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u1e00-\u1eff"
#: The opening word of a line: what follows the characters that are neither
#: letters nor digits (quotes, bullets, arrows, brackets, blanks) up to the
#: first character that is not a Latin letter; or a single digit; or "".
_OPENING_SOURCE = f"[^{_LATIN}\\d\n]*([{_LATIN}]+|\\d|)"
_OPENING = re.compile(_OPENING_SOURCE)
#: The same after each newline: one match per line but the first.
_OPENINGS = re.compile("\n" + _OPENING_SOURCE)


def opening_word(text: str) -> str:
    """The word that a line opens with, as the line index files it.

    ``"» Older posts"`` opens with ``"Older"``, ``"(12) Kommentare"`` with
    ``"1"`` (a digit stands for every number), ``"E-Mail"`` with ``"E"``,
    ``"© 2024"`` with ``"2"``. Case is kept: ``"Home"`` and ``"HOME"`` are
    two words. A pattern that matches a phrase at a line start finds it only
    on lines that open with the phrase's own opening word, as long as the
    phrase cannot run on into further letters (a word boundary after it).
    """
    match = _OPENING.match(text)
    return match.group(1) if match is not None else ""


class LineIndex:
    """The lines of :attr:`Page.joined`, filed by their :func:`opening_word`.

    A detector that looks for phrases at line starts runs its pattern only on
    the lines that open with one of its phrases' opening words (a dictionary
    look-up per word), instead of over the whole page: on the development
    dumps (190 lines a page) a pattern run over the page costs 15-40 µs
    however rare its phrases, a look-up about 3 µs and then well under a
    microsecond per line it picks (5-20 lines per detector and page).
    Lines are numbered from 0 over the whole page, in page order.

    Built in C calls only, 75-85 µs per development page: one
    regular-expression pass for the words (30 µs), the first and the last
    line of each word (20 µs) and the line ends (25 µs). A detector that
    uses it instead of its own pass spends 2-16 µs less per page (6 µs on
    average over the 13 built-in ones), so the index pays for itself once a
    dozen or so detectors share it; each further one is a gain.
    """

    __slots__ = ("_first", "_last", "_words", "joined", "line_ends")

    def __init__(self, joined: str) -> None:
        self.joined = joined
        words = _OPENINGS.findall(joined)
        words.insert(0, opening_word(joined))
        self._words: list[str] = words
        # The first and the last line of each opening word; the lines between
        # are found with ``list.index`` when a word is asked for.
        count = len(words)
        self._last = dict(zip(words, range(count), strict=True))
        self._first = dict(zip(reversed(words), range(count - 1, -1, -1), strict=True))
        # Where each line ends: the lengths of the lines and their newlines
        # summed up (C-level maps: no Python call per line).
        lengths = map(add, map(len, joined.split("\n")), repeat(1))
        #: Offset in :attr:`joined` just past each line's newline (the last
        #: line's as if one followed it): line ``i`` (not 0) follows the
        #: newline at ``line_ends[i - 1] - 1``.
        self.line_ends: list[int] = list(accumulate(lengths))

    def __len__(self) -> int:
        return len(self._words)

    def opening_words(self) -> Set[str]:
        """Every word some line opens with."""
        return self._last.keys()

    def lines_opening_with(
        self, words: frozenset[str], *, digits: bool = False, marks: str = ""
    ) -> list[int]:
        """Numbers of the lines that open with one of ``words``, in order.

        With ``digits``, also the lines that open with a number (whatever its
        digits: ``\\d`` matches digits of every script). ``marks`` are
        characters that open a line as its very first character (``"©"``),
        for patterns whose phrase is a symbol, which opening words skip.
        """
        first = self._first
        last = self._last
        # Probes ``words`` with each of the page's opening words (~100), in
        # C. (``words & last.keys()`` iterates ``words`` instead: thousands.)
        hits = words.intersection(last)
        if digits:
            # Opening words are letter runs or single digits: C filters them.
            hits = hits.union(filter(str.isdecimal, last))
        found: list[int] = []
        if hits:
            index = self._words.index
            for word in hits:
                line, end = first[word], last[word]
                while line != end:
                    found.append(line)
                    line = index(word, line + 1, end + 1)
                found.append(end)
        for mark in marks:
            found.extend(self._lines_starting_with(mark))
        if marks:
            found = sorted(set(found))  # a line may open with a mark and a word
        elif len(hits) > 1:
            found.sort()
        return found

    def _lines_starting_with(self, char: str) -> list[int]:
        # One-character searches only: ``find("\\n©")`` is twenty times
        # slower than ``find("©")`` on pages with characters beyond Latin-1
        # (most pages), measured: 9.6 µs against 0.5 µs.
        joined = self.joined
        find = joined.find
        ends = self.line_ends
        lines = []
        at = find(char)
        while at != -1:
            if at == 0:
                lines.append(0)
            elif joined[at - 1] == "\n":
                # The newline before ``at`` ends the line whose end offset is ``at``.
                lines.append(bisect.bisect_left(ends, at) + 1)
            at = find(char, at + 1)
        return lines
