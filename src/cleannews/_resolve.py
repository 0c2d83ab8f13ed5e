"""Combine detector verdicts and block context into one decision per block.

Two stages, after jusText: a context-free stage classifies each block from its
own features (length, function-word density, sentence punctuation) and the
verdicts about it; a context stage then finds the article body as the
highest-scoring run of blocks (maximum-sum segment, as in Finn et al.'s body
text extraction) and lets short blocks inside it follow their neighbours.
Every decision records the rule or verdict that made it (``decided_by``).
"""

from __future__ import annotations

import enum
from collections.abc import Sequence
from dataclasses import dataclass

from ._kinds import BlockKind
from ._models import Verdict
from ._page import Block, Page
from ._settings import Precision


class Prose(enum.IntEnum):
    """Context-free class of a block, from its own features only."""

    BAD = 0
    SHORT = 1
    NEAR_GOOD = 2
    GOOD = 3


@dataclass(frozen=True)
class ResolverThresholds:
    """Thresholds of the context-free stage.

    Defaults start from jusText's (length_low=70, length_high=200,
    stopwords_low=0.30, stopwords_high=0.32) and were lowered after a sweep on
    the trafilatura-eval dumps, where many pages are in languages whose lists
    are shorter and where the dump form has no link evidence.
    """

    #: Verdicts at or above this confidence remove a block outright.
    min_verdict_confidence: float
    length_low_chars: int
    length_high_chars: int
    stopwords_low: float
    stopwords_high: float


THRESHOLDS: dict[str, ResolverThresholds] = {
    "high": ResolverThresholds(0.4, 80, 200, 0.25, 0.30),
    "balanced": ResolverThresholds(0.5, 60, 150, 0.20, 0.25),
    "recall": ResolverThresholds(0.7, 40, 120, 0.15, 0.20),
}


@dataclass(frozen=True, slots=True)
class Decision:
    """The outcome for one block."""

    kind: BlockKind
    kept: bool
    decided_by: str
    reason: str


def classify(block: Block, t: ResolverThresholds, language_known: bool) -> Prose:
    """Context-free class of ``block``."""
    chars = block.n_chars
    if block.link_chars and block.link_ratio > 0.5:
        return Prose.BAD
    sw = block.stopword_ratio if language_known else 1.0
    if chars >= t.length_high_chars and sw >= t.stopwords_high:
        return Prose.GOOD
    if chars >= t.length_low_chars and sw >= t.stopwords_low:
        return Prose.NEAR_GOOD
    if chars >= t.length_high_chars and block.ends_sentence:
        return Prose.NEAR_GOOD
    return Prose.SHORT


_SCORE = {Prose.BAD: -1.0, Prose.SHORT: -0.25, Prose.NEAR_GOOD: 0.5, Prose.GOOD: 1.0}


def _best_segment(scores: Sequence[float]) -> tuple[int, int]:
    """Maximum-sum contiguous segment ``[start, end)``; empty when nothing scores > 0."""
    best, best_start, best_end = 0.0, 0, 0
    running, run_start = 0.0, 0
    for i, s in enumerate(scores):
        if running <= 0:
            running, run_start = s, i
        else:
            running += s
        if running > best:
            best, best_start, best_end = running, run_start, i + 1
    return best_start, best_end


def resolve(
    page: Page, verdicts: Sequence[Verdict], precision: Precision = "balanced"
) -> list[Decision]:
    """Decide, for every block of ``page``, whether it is article body and what it is."""
    t = THRESHOLDS[precision]
    n = len(page.blocks)
    strongest: list[Verdict | None] = [None] * n
    for v in verdicts:
        for i in range(v.block, min(v.last_block, n - 1) + 1):
            cur = strongest[i]
            if cur is None or v.confidence > cur.confidence:
                strongest[i] = v

    language_known = page.language is not None
    classes = [classify(b, t, language_known) for b in page.blocks]
    scores: list[float] = []
    for i, b in enumerate(page.blocks):
        v = strongest[i]
        if v is not None and v.confidence >= t.min_verdict_confidence:
            scores.append(-1.0)
            continue
        base = _SCORE[classes[i]]
        scores.append(base * (1.0 + b.n_chars / 400.0) if base > 0 else base)
    body_start, body_end = _best_segment(scores)

    decisions: list[Decision] = []
    for i, b in enumerate(page.blocks):
        v = strongest[i]
        if v is not None and v.confidence >= t.min_verdict_confidence:
            decisions.append(Decision(v.kind, False, v.code, v.reason))
            continue
        cls = classes[i]
        inside = body_start <= i < body_end
        if not inside:
            decisions.append(
                Decision(
                    BlockKind.BOILERPLATE,
                    False,
                    "context.outside_body",
                    "outside the run of prose blocks that forms the article body",
                )
            )
        elif cls >= Prose.NEAR_GOOD:
            decisions.append(
                Decision(BlockKind.ARTICLE, True, "context.prose", "prose inside the article body")
            )
        else:
            decisions.append(
                Decision(
                    BlockKind.ARTICLE,
                    True,
                    "context.inside_body",
                    "short block between prose blocks of the article body",
                )
            )
    return decisions
