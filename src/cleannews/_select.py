"""Pick the article's title and byline once the body is known.

The title is the heading-like block nearest above the body (skipping bylines,
dates and captions); a headline printed twice keeps its first occurrence as
the title and marks the others as duplicates. The byline is the byline
candidate nearest the body's start.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ._kinds import BlockKind
from ._models import Verdict
from ._page import Block, Page
from ._resolve import Decision

#: How far above the body's first block a title or byline may stand.
_MAX_BLOCKS_ABOVE_BODY = 8
#: How far into the body a byline may stand (bylines sometimes follow a lede).
_MAX_BLOCKS_INTO_BODY = 3
_SKIPPABLE_ABOVE_TITLE = frozenset(
    {
        BlockKind.BYLINE,
        BlockKind.METADATA,
        BlockKind.CAPTION,
        BlockKind.PHOTO_CREDIT,
        BlockKind.SHARE,
        BlockKind.DUPLICATE_TITLE,
        BlockKind.ADVERTISEMENT,
    }
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
        and block.n_chars <= 250
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
        d = decisions[i]
        if d.kind in _SKIPPABLE_ABOVE_TITLE and d.kind is not BlockKind.DUPLICATE_TITLE:
            continue
        block = page.blocks[i]
        if _heading_like(block):
            return i
        if d.kind is not BlockKind.BOILERPLATE:
            continue
    return None


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
        first = same[0]
        decisions[first] = Decision(
            BlockKind.TITLE, False, "select.title", "headline of the article"
        )
        for i in same[1:]:
            decisions[i] = Decision(
                BlockKind.DUPLICATE_TITLE, False, "select.duplicate_title", "the headline repeated"
            )
    return Selection(title, byline, decisions)
