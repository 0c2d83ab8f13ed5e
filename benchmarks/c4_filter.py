"""The C4 line filter, as a boilerplate-removal baseline.

Source: Raffel et al., "Exploring the Limits of Transfer Learning with a Unified
Text-to-Text Transformer", JMLR 21(140), 2020, section 2.2 ("Colossal Clean
Crawled Corpus"), which cleans Common Crawl's extracted text with these
heuristics (quoted from the paper):

1. "We only retained lines that ended in a terminal punctuation mark (i.e. a
   period, exclamation mark, question mark, or end quotation mark)."
2. "We discarded any page with fewer than 5 sentences and only retained lines
   that contained at least 3 words."
3. "We removed any page that contained any word on the 'List of Dirty, Naughty,
   Obscene or Otherwise Bad Words'."
4. "Many of the scraped pages contained warnings stating that Javascript should
   be enabled so we removed any line with the word Javascript."
5. "Some pages had placeholder 'lorem ipsum' text; we removed any page where
   the phrase 'lorem ipsum' appeared."
6. "Some pages inadvertently contained code. Since the curly bracket '{'
   appears in many programming languages [...] but not in natural text, we
   removed any pages that contained a curly bracket."
7. "Since some of the scraped pages were sourced from Wikipedia and had
   citation markers (e.g. [1], [citation needed], etc.), we removed any such
   markers."
8. "Many pages had boilerplate policy notices, so we removed any lines
   containing the strings 'terms of use', 'privacy policy', 'cookie policy',
   'uses cookies', 'use of cookies', or 'use cookies'."
9. Deduplication of any three-sentence span repeated in the data set, and a
   langdetect filter keeping English pages (probability >= 0.99).

The order and details follow the reference implementation published with the
paper (TensorFlow Datasets, ``c4_utils.clean_page``): lines are stripped;
a line holding a word longer than 1,000 characters is dropped; citation
markers are removed *before* the end-mark test; a line ending in an ellipsis
("...") does not count as terminated; the end marks are ``. ? ! "``; the
"lorem ipsum" and "{" page rules, and the sentence count, only look at lines
that survived the line rules; kept lines are joined by newlines.

What this module does *not* do, and why:

- rule 3 (bad words): the list is not shipped with any package available
  here, and it drops whole pages on vocabulary, which says nothing about
  boilerplate;
- rule 9: deduplication is corpus-level, not a per-page decision, and the
  English filter would discard a mostly German evaluation corpus;
- the reference counts sentences with NLTK's English Punkt tokenizer; NLTK
  data cannot be downloaded here, so :func:`count_sentences` uses a small
  regex splitter (a sentence ends at ``.``, ``!`` or ``?`` followed by
  whitespace and the next token). On the short, terminated lines this rule
  sees, the two agree except on abbreviations ("Dr. Smith"), where the regex
  over-counts slightly, i.e. drops marginally fewer pages.

Two modes are offered: :func:`c4_filter` with ``page_rules=True`` is the
faithful filter (a page can come out empty); ``page_rules=False`` keeps only
the line rules (1, 2-lines, 4, 7, 8), the part that is a boilerplate filter;
in that mode a line that would have triggered a page rule (lorem ipsum, "{")
is dropped on its own.
"""

from __future__ import annotations

import re

# Reference-implementation constants (TFDS c4_utils): _MIN_WORDS_PER_LINE,
# _MIN_NUM_SENTENCES, _MAX_WORD_LENGTH, _END_MARKS, _ELLIPSIS.
MIN_WORDS_PER_LINE = 3
MIN_SENTENCES_PER_PAGE = 5
MAX_WORD_CHARS = 1000
END_MARKS = (".", "?", "!", '"')
ELLIPSIS = "..."
POLICY_SUBSTRINGS = (
    "terms of use",
    "privacy policy",
    "cookie policy",
    "uses cookies",
    "use of cookies",
    "use cookies",
)
CITATION_RE = re.compile(r"\[\d*\]|\[edit\]|\[citation needed\]")
# A sentence boundary: terminal punctuation (optionally closed by quotes or
# brackets) followed by whitespace. Stand-in for NLTK Punkt, see module doc.
_SENTENCE_END_RE = re.compile(r"[.!?]+[\"')\]]*(?=\s+\S)")


def count_sentences(line: str) -> int:
    """Number of sentences in one line (at least 1 for a non-empty line)."""
    if not line.strip():
        return 0
    return 1 + len(_SENTENCE_END_RE.findall(line.strip()))


def _has_too_long_word(line: str) -> bool:
    return any(len(word) > MAX_WORD_CHARS for word in line.split())


def c4_lines(text: str) -> tuple[list[str], bool]:
    """Apply C4's rules line by line.

    Returns the kept lines and whether a page rule fired (lorem ipsum or a
    curly bracket in a line that passed the line rules), in which case the
    faithful filter drops the page; the line itself is never kept. The
    sentence-count page rule is applied by :func:`c4_filter`.
    """
    kept: list[str] = []
    page_dropped = False
    for raw in text.splitlines():
        line = raw.strip()
        if _has_too_long_word(line):
            continue
        line = CITATION_RE.sub("", line)
        if not line.endswith(END_MARKS) or line.endswith(ELLIPSIS):
            continue
        if len(line.split()) < MIN_WORDS_PER_LINE:
            continue
        lower = line.lower()
        if "lorem ipsum" in lower:
            page_dropped = True
            continue
        if "javascript" in lower:
            continue
        if "{" in line:
            page_dropped = True
            continue
        if any(p in lower for p in POLICY_SUBSTRINGS):
            continue
        kept.append(line)
    return kept, page_dropped


def c4_filter(text: str, *, page_rules: bool = True) -> str:
    """Clean one page's text the C4 way; ``""`` when a page rule drops it."""
    kept, page_dropped = c4_lines(text)
    if page_rules:
        if page_dropped:
            return ""
        if sum(count_sentences(line) for line in kept) < MIN_SENTENCES_PER_PAGE:
            return ""
    return "\n".join(kept).strip()
