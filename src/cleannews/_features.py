"""Block construction with the features every detector shares.

This runs once per block of every page of a corpus, so it is written for
speed: C-level ``str`` methods and ``map`` instead of per-character loops.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from ._language import StopwordIndex
from ._page import SENTENCE_END, Block, Page, PageFormat, join_blocks

#: Word tokens for function-word lookup. The stdlib ``re`` is used on purpose:
#: for this simple class it is several times faster than ``regex``, and it
#: cannot backtrack.
_WORD = re.compile(r"\w+")

#: Function-word density is measured on at most this many leading characters.
_MEASURED_CHARS = 400

#: How many tokens are enough to guess a page's language.
_LANGUAGE_SAMPLE_TOKENS = 600
#: Blocks with fewer tokens are not used to guess the language.
_MIN_SENTENCE_TOKENS = 6


@dataclass(slots=True)
class RawBlock:
    """A block before features: what a segmenter finds."""

    start: int
    end: int
    text: str
    gap_before: int = 1
    indent: int = 0
    bullet: bool = False
    tag: str | None = None
    path: str | None = None
    class_tokens: tuple[str, ...] = ()
    link_chars: int = 0


def tokenize(text: str) -> list[str]:
    """Lower-cased word tokens."""
    return _WORD.findall(text.lower())


def guess_language(token_lists: Sequence[list[str]], stopwords: StopwordIndex) -> str | None:
    """Guess the page language from a sample of its tokens."""
    sample: list[str] = []
    for toks in token_lists:
        # Sentences tell the language; menu items and labels mostly do not.
        if len(toks) >= _MIN_SENTENCE_TOKENS:
            sample.extend(toks)
            if len(sample) >= _LANGUAGE_SAMPLE_TOKENS:
                break
    if len(sample) < _LANGUAGE_SAMPLE_TOKENS // 4:
        sample = [tok for toks in token_lists[:200] for tok in toks][:_LANGUAGE_SAMPLE_TOKENS]
    counts = Counter(sample)
    # Only function words matter: intersect in C before looping in Python.
    hits = {w: counts[w] for w in stopwords.union.intersection(counts)}
    return stopwords.guess_counts(hits)


def build_page(
    source: str,
    raws: Sequence[RawBlock],
    stopwords: StopwordIndex,
    *,
    page_format: PageFormat,
    url: str | None = None,
    language: str | None = None,
) -> Page:
    """Compute shared features for ``raws`` and assemble an immutable :class:`Page`."""
    # Whitespace split, not a word regex: function words rarely carry
    # punctuation, and ``str.split`` is several times faster.
    # Long blocks are measured on their first characters only: a paragraph's
    # function-word density is clear after a few dozen words, and tokenising
    # whole articles dominated the cost of this function.
    token_lists = [r.text[:_MEASURED_CHARS].lower().split() for r in raws]
    if language is None:
        language = guess_language(token_lists, stopwords)
    is_stop = stopwords.words_with_english(language).__contains__
    blocks = []
    for i, (raw, toks) in enumerate(zip(raws, token_lists, strict=True)):
        text = raw.text
        measured = len(toks)
        n_stop = sum(map(is_stop, toks)) if measured else 0
        n_words = measured if len(text) <= _MEASURED_CHARS else text.count(" ") + 1
        blocks.append(
            Block(
                i,
                raw.start,
                raw.end,
                text,
                raw.gap_before,
                raw.indent,
                raw.bullet,
                len(text),
                n_words,
                n_stop / measured if measured else 0.0,
                n_stop,
                text[-1:] in SENTENCE_END,
                raw.tag,
                raw.path,
                raw.class_tokens,
                raw.link_chars,
            )
        )
    joined, starts = join_blocks(blocks)
    return Page(
        source=source,
        blocks=tuple(blocks),
        format=page_format,
        language=language,
        url=url,
        joined=joined,
        joined_starts=starts,
    )
