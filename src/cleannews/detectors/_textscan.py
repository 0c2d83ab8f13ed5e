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
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator
from importlib import resources

from .._page import Page

#: A character trie: each key is one character ("" marks the end of a phrase).
_Trie = dict[str, "_Trie"]


#: Package data: the most frequent words of each language (see its README).
_WORD_LISTS = "cleannews.data.stopwords"

#: End of a block: the separator before the next block or the end of the page.
END = r"(?=\n|\Z)"


def scan_lines(page: Page, pattern: re.Pattern[str]) -> Iterator[tuple[int, re.Match[str]]]:
    """Yield ``(block index, match)`` per block, first match only, in block order.

    ``pattern`` runs once over :attr:`Page.joined` (blocks separated by
    ``\\n``) and once over the first block, which no newline precedes. A
    match starting at the ``\\n`` before a block belongs to that block; a
    match starting inside a block's text to that block. Use the match's
    groups, not its offsets: the first block's match is against a copy.
    """
    blocks = page.blocks
    if not blocks:
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
