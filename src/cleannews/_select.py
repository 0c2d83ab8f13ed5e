"""Pick the article's title and byline once the body is known.

The title is the heading-like block nearest above the body (skipping bylines,
dates and captions); a headline printed twice keeps its first occurrence as
the title and marks the others as duplicates. The byline is the byline
candidate nearest the body's start.

An HTML page says more: its metadata names the headline (``og:title``,
JSON-LD, ``<title>``) and its markup marks it (``<h1>``). There the title is
the block above the body that matches the stated headline, else the nearest
``h1`` above it; the text rule above only decides when neither is found. On
the development corpus's HTML, the text rule alone took a block holding
article text (a subheading, a lede ending in a question mark, a recipe
step) for the title on 28 of 990 pages, and the share line of the
``harbour-article`` fixture; with the markup, 13 such pages remain, nearly
all real headlines that the corpus happens to count as article text.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ._kinds import BlockKind
from ._models import Verdict
from ._page import Block, Page
from ._resolve import Decision
from ._segment_html import HtmlPage

#: How far above the body's first block a title or byline may stand.
_MAX_BLOCKS_ABOVE_BODY = 8
#: Longest headline (characters): longer blocks are ledes.
_MAX_TITLE_CHARS = 250
#: How far above the body's first block an HTML headline is looked for first:
#: share lines, bylines, dates, a lead picture and its caption often sit
#: between. 8 found 50 fewer markup titles on the corpus, 25 two more; the
#: F1 was the same.
_MAX_HTML_BLOCKS_ABOVE_BODY = 15
#: A block matches the stated headline when one contains the other and the
#: shorter is at least this share of the longer (characters): pages append
#: a dateline or a site name to either.
_MIN_TITLE_OVERLAP = 0.6
#: How far into the body a byline may stand (bylines sometimes follow a lede).
_MAX_BLOCKS_INTO_BODY = 3
#: Kinds a title may have been given before selection: left out by context, or
#: recognised as a headline. A block a detector named as anything else (a
#: share line, a licence, a menu) is never the title, however heading-like.
_TITLE_CANDIDATE_KINDS = frozenset(
    {BlockKind.BOILERPLATE, BlockKind.TITLE, BlockKind.DUPLICATE_TITLE}
)


@dataclass(frozen=True)
class Selection:
    """Title and byline with the final per-block decisions."""

    title: str | None
    byline: str | None
    decisions: list[Decision]


def _normalise(text: str) -> str:
    return " ".join(text.casefold().split())


def _heading_like(block: Block) -> bool:
    """One line of two to thirty words that does not end like a sentence.

    A block of several lines is a list or a menu, never a headline.
    """
    return (
        2 <= block.n_words <= 30
        and block.n_chars <= _MAX_TITLE_CHARS
        and not block.text.endswith(".")
        and "\n" not in block.text
    )


def _pick_byline(
    page: Page, decisions: list[Decision], verdicts: Sequence[Verdict], body_start: int
) -> int | None:
    best: tuple[int, int] | None = None
    for v in verdicts:
        if v.kind is not BlockKind.BYLINE:
            continue
        i = v.block
        if body_start - _MAX_BLOCKS_ABOVE_BODY <= i <= body_start + _MAX_BLOCKS_INTO_BODY:
            distance = abs(body_start - i)
            if best is None or distance < best[0]:
                best = (distance, i)
    return None if best is None else best[1]


def _pick_title(page: Page, decisions: list[Decision], body_start: int) -> int | None:
    lowest = max(0, body_start - _MAX_BLOCKS_ABOVE_BODY)
    for i in range(body_start - 1, lowest - 1, -1):
        if decisions[i].kind in _TITLE_CANDIDATE_KINDS and _heading_like(page.blocks[i]):
            return i
    return None


def _matches(text: str, wanted: str) -> bool:
    """Whether normalised ``text`` and ``wanted`` name one headline (``_MIN_TITLE_OVERLAP``)."""
    if text == wanted:
        return True
    short, long = (text, wanted) if len(text) <= len(wanted) else (wanted, text)
    return len(short) >= _MIN_TITLE_OVERLAP * len(long) and short in long


def _pick_html_title(page: HtmlPage, decisions: list[Decision], body_start: int) -> int | None:
    """The block above the body matching the page's stated headline, else its nearest ``h1``.

    Looked for near the body first (``_MAX_HTML_BLOCKS_ABOVE_BODY``), then
    anywhere above it: a recipe or a product page puts a long ingredient or
    price table between its headline and its first paragraph, and a heading
    of that table is not the page's title.
    """
    stated = page.meta.title
    wanted = _normalise(stated) if stated else ""
    low, high = len(wanted) * _MIN_TITLE_OVERLAP, len(wanted) / _MIN_TITLE_OVERLAP
    near = body_start - _MAX_HTML_BLOCKS_ABOVE_BODY
    h1 = None
    for i in range(body_start - 1, -1, -1):
        if i < near and h1 is not None:
            return h1
        block = page.blocks[i]
        # A stated or ``h1`` headline may be one word or end with a full stop.
        if "\n" in block.text or block.n_chars > _MAX_TITLE_CHARS:
            continue
        if decisions[i].kind is BlockKind.BYLINE:
            continue
        if wanted and low <= block.n_chars <= high and _matches(_normalise(block.text), wanted):
            return i
        if h1 is None and block.tag == "h1":
            h1 = i
    return h1


def select(page: Page, decisions: list[Decision], verdicts: Sequence[Verdict]) -> Selection:
    """Fill title and byline and relabel the blocks that carry them."""
    decisions = list(decisions)
    body = [i for i, d in enumerate(decisions) if d.kept]
    if not body:
        return Selection(None, None, decisions)
    body_start = body[0]

    byline_index = _pick_byline(page, decisions, verdicts, body_start)
    byline = None
    if byline_index is not None:
        byline = page.blocks[byline_index].text
        decisions[byline_index] = Decision(
            BlockKind.BYLINE, False, "select.byline", "byline of the article"
        )

    title_index = None
    if isinstance(page, HtmlPage):
        title_index = _pick_html_title(page, decisions, body_start)
    # A headline the markup points at is the title where it stands, even with
    # an earlier copy in a menu; the text rule keeps a headline's first copy.
    from_markup = title_index is not None
    if title_index is None:
        title_index = _pick_title(page, decisions, body_start)
    title = None
    if title_index is not None:
        title = page.blocks[title_index].text
        wanted = _normalise(title)
        # Compare lengths first: normalising every block of every page is
        # measurably slow, and copies of a headline have nearly its length.
        low, high = len(title) * 0.8, len(title) * 1.25
        same = [
            i
            for i, b in enumerate(page.blocks)
            if low <= b.n_chars <= high and _normalise(b.text) == wanted
        ]
        first = title_index if from_markup else same[0]
        decisions[first] = Decision(
            BlockKind.TITLE, False, "select.title", "headline of the article"
        )
        for i in same:
            if i == first:
                continue
            decisions[i] = Decision(
                BlockKind.DUPLICATE_TITLE, False, "select.duplicate_title", "the headline repeated"
            )
    return Selection(title, byline, decisions)
