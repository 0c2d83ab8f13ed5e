"""Fast block scanning and phrase tries shared by the phrase-based detectors.

Why not :func:`~cleannews.detectors._base.scan` with ``(?m)^``: with that
anchor both ``re`` and ``regex`` try the pattern at *every character* of the
page. A pattern that begins with a literal ``\\n`` (or a small set of rare
characters) lets the engine jump from candidate to candidate with a fast
character search instead. On the trafilatura-eval dumps (10.6 KB, 190 blocks
per page) a 100-phrase header list costs ~190 µs per page with ``(?m)^`` and
``regex``, ~90 µs with a leading ``\\n`` and ``regex``, and ~20 µs with a
leading ``\\n``, a case-variant literal trie and the stdlib ``re`` engine,
which runs literal tries about four times faster than ``regex``. So these
patterns are compiled with ``re``; they use only literal tries, character
classes and bounded repetitions, so they cannot backtrack catastrophically.

Patterns for :func:`scan_lines` start with ``\\n`` (the start of a block)
or with a rare literal character, and end blocks with :data:`END`. The first
block, which no newline precedes, is searched separately as ``"\\n" + text``
(cheaper than copying the whole page to frame it with newlines).

Phrases at line starts go one step further: even a ``\\n``-led pattern is
tried at each of a page's ~190 lines (15-20 µs per page, 7 µs of it only to
visit the newlines), and a dozen detectors each did that. A
:class:`LineScan` pairs the pattern with the opening words of its phrases
(:func:`~cleannews._page.opening_word`), and :func:`line_matches` runs it
only on the lines that :attr:`Page.line_index` files under those words:
the index is built once per page for every detector (75-85 µs), a look-up
costs ~3 µs, and the pattern then runs on a handful of lines (see
:class:`~cleannews._page.LineIndex` for what that saves). The result is
the same as a scan's as long as no match can cross a newline (none here
does) and a phrase cannot run on into further letters (each pattern ends
its phrases at a word boundary or a separator).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator, Mapping
from importlib import resources
from typing import NamedTuple

from .._page import Page, opening_word

#: A character trie: each key is one character ("" marks the end of a phrase).
_Trie = dict[str, "_Trie"]


#: Package data: the most frequent words of each language (see its README).
_WORD_LISTS = "cleannews.data.stopwords"

#: End of a block: the separator before the next block or the end of the page.
END = r"(?=\n|\Z)"


def scan_lines(
    page: Page, pattern: re.Pattern[str] | LineScan
) -> Iterator[tuple[int, re.Match[str]]]:
    """Yield ``(block index, match)`` per block, first match only, in block order.

    ``pattern`` runs once over :attr:`Page.joined` (blocks separated by
    ``\\n``) and once over the first block, which no newline precedes. A
    match starting at the ``\\n`` before a block belongs to that block; a
    match starting inside a block's text to that block. A :class:`LineScan`
    runs only on the lines that open with its words (:func:`line_matches`).
    Use the match's groups, or :func:`offset_in_block` for where it stands:
    the first block's match is against a copy.
    """
    blocks = page.blocks
    if not blocks:
        return
    if isinstance(pattern, LineScan):
        last = -1
        for index, match in line_matches(page, pattern):
            if index != last:
                last = index
                yield index, match
        return
    last = -1
    head = pattern.search(f"\n{blocks[0].text}")
    if head is not None:
        last = 0
        yield 0, head
    joined = page.joined
    block_at = page.block_at
    for match in pattern.finditer(joined):
        start = match.start()
        index = block_at(start + 1 if joined[start] == "\n" else start)
        if index != last:
            last = index
            yield index, match


class LineScan(NamedTuple):
    """A ``\\n``-led pattern and what the lines it can match open with.

    ``words`` must hold the :func:`~cleannews._page.opening_word` of every
    line the pattern can match (build them with :func:`line_phrases` from
    the spellings the pattern's trie is made of); ``digits``: the pattern
    can also match lines that open with a number; ``marks``: ... or lines
    whose first character is one of these symbols (``"©"``).
    """

    pattern: re.Pattern[str]
    words: frozenset[str]
    digits: bool = False
    marks: str = ""


def line_matches(page: Page, scan: LineScan) -> list[tuple[int, re.Match[str]]]:
    """Every line that ``scan`` matches, as ``(block index, match)`` in page order.

    Unlike :func:`scan_lines` this keeps every line's match: a block of
    grouped short lines ("Facebook\\nTwitter\\nE-Mail") is judged by how
    many of its lines match. The pattern runs only on the lines that
    :attr:`Page.line_index` files under ``scan``'s words, each at the
    newline before it in :attr:`Page.joined`; the page's first line, which
    no newline precedes, is matched as ``"\\n" + line``.
    """
    if not page.blocks:
        return []
    index = page.line_index
    lines = index.lines_opening_with(scan.words, digits=scan.digits, marks=scan.marks)
    if not lines:
        return []
    pattern = scan.pattern
    joined = page.joined
    ends = index.line_ends
    block_at = page.block_at
    found: list[tuple[int, re.Match[str]]] = []
    for line in lines:
        if line:
            at = ends[line - 1] - 1  # the newline before the line
            match = pattern.match(joined, at)
            if match is not None:
                found.append((block_at(at + 1), match))
        else:
            match = pattern.match("\n" + joined.partition("\n")[0])
            if match is not None:
                found.append((0, match))
    return found


def ends_line(match: re.Match[str]) -> bool:
    """Whether ``match`` runs to the end of its line.

    Line patterns read a line's tail with a bounded repetition
    (``[^\\n]{0,300}``): a match that stops short of the newline is a line
    too long for a menu item or a label, prose that merely starts like one.
    """
    end = match.end()
    string = match.string
    return end == len(string) or string[end] == "\n"


def offset_in_block(page: Page, index: int, match: re.Match[str]) -> int:
    """Where in the text of block ``index`` the match found there stands.

    The offset of its first character, or, for a match of a ``\\n``-led
    pattern, of the line after the newline. Works for the matches of
    :func:`scan_lines` and :func:`line_matches`, whose first block's match is
    against a copy of the block framed by a newline.
    """
    start = match.start()
    at = start - page.joined_starts[index] if match.string is page.joined else start - 1
    return at + 1 if match.string.startswith("\n", start) else at


def line_in_block(page: Page, index: int, match: re.Match[str]) -> int:
    """Which line of block ``index`` (0: the first) the match stands on.

    Grouped blocks hold several short lines ("Kontakt\\nNewsletter
    abonnieren\\nImpressum"): a phrase that opens the block and the same
    phrase further down, a menu item, are different evidence.
    """
    return page.blocks[index].text.count("\n", 0, offset_in_block(page, index, match))


def case_variants(phrase: str) -> set[str]:
    """The spellings a phrase takes on pages: as written, Capitalised, lower, UPPER, Title."""
    lower = phrase.lower()
    title = " ".join(w[:1].upper() + w[1:] for w in phrase.split(" "))
    return {
        phrase,
        phrase[:1].upper() + phrase[1:],
        lower,
        lower[:1].upper() + lower[1:],
        phrase.upper(),
        title,
    }


def phrase_trie(phrases: Iterable[str], *, variants: bool = True) -> str:
    """A regular expression (non-capturing group) matching any of ``phrases`` literally.

    The alternation is a trie, so the engine checks one branch per
    character instead of every phrase in turn; with ``variants`` each
    phrase also matches its usual case variants (see :func:`case_variants`),
    which is faster than an ignore-case flag. A single space in a phrase
    matches one space (block texts have collapsed whitespace).
    """
    root: _Trie = {}
    for phrase in phrases:
        for spelling in case_variants(phrase) if variants else {phrase}:
            node = root
            for char in spelling:
                node = node.setdefault(char, {})
            node[""] = {}
    return _emit(root) or "(?!)"


def _emit(node: _Trie) -> str:
    """Regex source for one trie node (empty string: the phrase may end here)."""
    branches = [re.escape(char) + _emit(child) for char, child in sorted(node.items()) if char]
    if not branches:
        return ""
    optional = "" in node
    if len(branches) == 1 and not optional:
        return branches[0]
    group = "(?:" + "|".join(branches) + ")"
    return group + "?" if optional else group


def line_start_spellings(phrases: Iterable[str]) -> set[str]:
    """The spellings of ``phrases`` that open lines: Capitalised, Title and UPPER.

    Lower-case spellings are left out: lines open with a capital letter.
    They were left out when each was another branch that a pattern tried at
    every line of every page (about 1 µs per page per top-level branch, and
    50 of ~1,200 line matches lost on the development dumps, all lower-case
    menu items). With the line index they would cost next to nothing, but
    adding them changes verdicts: a decision for the detectors' owners.
    """
    return {v for p in phrases for v in case_variants(p) if not v[:1].islower()}


def all_spellings(phrases: Iterable[str]) -> set[str]:
    """Every spelling of ``phrases`` that :func:`phrase_trie` matches with ``variants``."""
    return {v for p in phrases for v in case_variants(p)}


class LinePhrases(NamedTuple):
    """Spellings of phrases that open lines: the trie that matches them, and their opening words."""

    #: Regular-expression source (a non-capturing group) matching any spelling.
    trie: str
    #: :func:`~cleannews._page.opening_word` of every spelling, for :class:`LineScan`.
    words: frozenset[str]


def line_phrases(spellings: Iterable[str]) -> LinePhrases:
    """The trie of ``spellings`` (exactly as given) and their opening words."""
    spelled = set(spellings)
    return LinePhrases(
        phrase_trie(spelled, variants=False), frozenset(map(opening_word, spelled))
    )


class PhraseFamilies(NamedTuple):
    """A line scan for phrases of several families, and the family of each spelling."""

    #: Matches a phrase opening a line, up to a word boundary, as group ``phrase``.
    scan: LineScan
    #: The family of every spelling the scan can match, lower-cased.
    family: dict[str, str]


def phrase_families(families: Mapping[str, str]) -> PhraseFamilies:
    """One scan for the phrases of several families (``{phrase: family}``) opening a line.

    One trie for all families costs one walk per line instead of one per
    family; Python tells the family of a match apart with a look-up. The
    phrase must end at a word boundary: "Accept all" but not "Accept
    allegations". Spellings are those of :func:`line_start_spellings`.
    """
    phrases = line_phrases(line_start_spellings(families))
    scan = LineScan(re.compile(rf"\n(?P<phrase>{phrases.trie})(?![^\W_])"), phrases.words)
    lookup = {v.lower(): family for p, family in families.items() for v in case_variants(p)}
    return PhraseFamilies(scan, lookup)


class MenuItems:
    """A vocabulary of menu or footer items, and the lines made only of them.

    Menus print their items on one line ("Login | Register", "Impressum ·
    Datenschutz · Kontakt") or one per line; items have one to a few words.
    """

    def __init__(self, items: Iterable[str], word: re.Pattern[str], strip: str) -> None:
        #: The items, lower case.
        self.items = frozenset(item.lower() for item in items)
        #: A detector's notion of a word, for :meth:`split`.
        self.word = word
        #: Characters stripped from around a line before it is looked up whole.
        self.strip = strip
        self._words = frozenset(word for item in self.items for word in item.split(" "))
        self._longest = max((item.count(" ") + 1 for item in self.items), default=0)

    def split(self, line: str) -> list[str] | None:
        """The items ``line`` is made of, or ``None`` if a word belongs to none.

        The whole line first (one set look-up, the common case), then the
        words by dynamic programming from the line's end, longest item
        first: at most words × item length set look-ups, on the few lines
        a detector's scan matched; most are rejected in C by the word set.
        """
        bare = line.strip(self.strip).lower()
        if bare in self.items:
            return [bare]
        words = self.word.findall(line.lower())
        if not words or not self._words.issuperset(words):
            return None
        n = len(words)
        longest = self._longest
        items = self.items
        # size[i]: words in the item that opens words[i:] when the rest splits
        # too (0: it does not split). Sizes, not lists, keep a long line linear.
        size = [0] * n + [1]
        for start in range(n - 1, -1, -1):
            for length in range(min(longest, n - start), 0, -1):
                if size[start + length] and " ".join(words[start : start + length]) in items:
                    size[start] = length
                    break
        if not size[0]:
            return None
        split: list[str] = []
        start = 0
        while start < n:
            split.append(" ".join(words[start : start + size[start]]))
            start += size[start]
        return split


@functools.lru_cache(maxsize=64)
def function_words(language: str | None) -> frozenset[str]:
    """Function words of ``language`` (of all languages if unknown) plus English.

    For detectors that measure a few words of a block themselves, where the
    page's :attr:`Block.stopword_ratio` measures the whole block (the label
    of a byline or a tag line included). The shipped lists are each
    language's most frequent tokens with their case kept, so they also hold
    the names and places that news mentions most ("John", "José", "Luis",
    "João", "Rio", "Janeiro"), written only capitalised. Page features fold
    case and count those too, which is right for prose density but wrong
    where the words measured are names: here only the words a list holds in
    lower case count. Read once per language (the cache holds immutable sets,
    about 30 at most).
    """
    names = {f"{language}.txt", "en.txt"} if language else None
    words: set[str] = set()
    for entry in resources.files(_WORD_LISTS).iterdir():
        if entry.name.endswith(".txt") and (names is None or entry.name in names):
            words.update(w for w in entry.read_text(encoding="utf-8").split() if w.islower())
    return frozenset(words)
