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
import math
from collections.abc import Sequence
from dataclasses import dataclass, replace

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
    #: Blocks with more of their characters inside links are navigation (HTML).
    max_link_ratio: float = 0.5
    #: A complete sentence of at least this many words is prose even when short.
    min_sentence_words: int = 4
    #: Body-search score of a block a detector removed.
    removed_penalty: float = 2.0
    #: Body-search score of a short block, per line (up to 3 lines).
    short_penalty: float = 0.5
    #: A prose block earns one point more per this many characters.
    chars_per_point: float = 300.0
    #: How many blocks the body may grow across to reach more prose.
    max_expand_blocks: int = 3
    #: Factor applied to prose with no prose neighbour (teaser ledes).
    isolated_prose_factor: float = 0.4
    #: Longest run of short blocks between prose kept as part of the body.
    max_short_run: int = 1
    #: A further prose run joins the body when it scores this share of the main run...
    min_secondary_share: float = 0.2
    #: ... and at least this much.
    min_secondary_score: float = 1.0


THRESHOLDS: dict[str, ResolverThresholds] = {
    "high": ResolverThresholds(0.4, 80, 200, 0.25, 0.30),
    "balanced": ResolverThresholds(0.5, 60, 150, 0.20, 0.25),
    "recall": ResolverThresholds(0.7, 40, 120, 0.15, 0.20),
}


#: The rule stage that feeds the block model: "balanced", searching for one
#: prose run only. The model brings back prose outside the main run better than
#: the further-runs rule does (5-fold CV F1 on the dumps 0.901 without that
#: rule, 0.897 with it), while the rules alone still need it.
UNDER_MODEL = replace(THRESHOLDS["balanced"], min_secondary_share=math.inf)


@dataclass(frozen=True, slots=True)
class Decision:
    """The outcome for one block."""

    kind: BlockKind
    kept: bool
    decided_by: str
    reason: str


def classify(block: Block, t: ResolverThresholds, language_known: bool) -> Prose:
    """Context-free class of ``block``."""
    if block.link_chars and block.link_ratio > t.max_link_ratio and not _linked_prose(block, t):
        return Prose.BAD
    if "\n" in block.text:
        # A run of short lines (menu, list, dates): never prose by itself,
        # however many characters its lines add up to.
        return Prose.SHORT
    chars = block.n_chars
    sw = block.stopword_ratio if language_known else 1.0
    if chars >= t.length_high_chars and sw >= t.stopwords_high:
        return Prose.GOOD
    if chars >= t.length_low_chars and sw >= t.stopwords_low:
        return Prose.NEAR_GOOD
    if chars >= t.length_high_chars and block.ends_sentence:
        return Prose.NEAR_GOOD
    if (
        block.ends_sentence
        and block.n_words >= t.min_sentence_words
        and sw >= t.stopwords_low
        and block.text[-1] in ".!?…"
    ):
        # A short but complete sentence: one-line paragraphs, recipe steps.
        return Prose.NEAR_GOOD
    return Prose.SHORT


def _linked_prose(block: Block, t: ResolverThresholds) -> bool:
    """A long one-line paragraph of sentences, however much of it is linked.

    Link density marks menus and teaser lists; an article paragraph that
    links half its words (a press release naming every company, a blog
    quoting its sources) is still prose. On the HTML corpus exempting these
    from the link-density rule raised F1 by 0.001 and lowered no precision.
    """
    return (
        block.n_chars >= t.length_high_chars
        and block.ends_sentence
        and block.stopword_ratio >= t.stopwords_low
        and "\n" not in block.text
    )


def _prose_scores(
    page: Page, classes: Sequence[Prose], removed: Sequence[bool], t: ResolverThresholds
) -> list[float]:
    """Score each block for the body search: prose positive, the rest negative.

    A prose block whose neighbours are both non-prose counts for less: article
    paragraphs come in runs, while the ledes of teaser lists stand alone
    between a headline and a date. Without this discount, a long list of
    teasers outweighs a short article.
    """
    n = len(classes)
    scores = []
    for i, b in enumerate(page.blocks):
        if removed[i]:
            scores.append(-t.removed_penalty)
            continue
        cls = classes[i]
        if cls >= Prose.NEAR_GOOD:
            value = (1.0 if cls is Prose.GOOD else 0.5) + b.n_chars / t.chars_per_point
            prev_prose = i > 0 and classes[i - 1] >= Prose.NEAR_GOOD and not removed[i - 1]
            next_prose = i + 1 < n and classes[i + 1] >= Prose.NEAR_GOOD and not removed[i + 1]
            if not (prev_prose or next_prose):
                value *= t.isolated_prose_factor
            scores.append(value)
        else:
            lines = b.text.count("\n") + 1
            scores.append(-t.short_penalty * min(lines, 3))
    return scores


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


def _body_segments(scores: Sequence[float], t: ResolverThresholds) -> list[tuple[int, int]]:
    """The main prose run, and further runs that score nearly as well.

    Articles split by a photo gallery, a quote box or an ad slot score as
    several runs separated by negative blocks; the main run alone loses the
    others. A further run joins the body when it scores at least
    ``min_secondary_share`` of the main run and ``min_secondary_score``.
    """
    start, end = _best_segment(scores)
    if start >= end:
        return []
    main = sum(scores[start:end])
    floor = max(t.min_secondary_score, t.min_secondary_share * main)
    found = [(start, end)]
    pending = [(0, start), (end, len(scores))]
    while pending:
        lo, hi = pending.pop()
        if hi - lo <= 0:
            continue
        s, e = _best_segment(scores[lo:hi])
        if s >= e or sum(scores[lo + s : lo + e]) < floor:
            continue
        found.append((lo + s, lo + e))
        pending.extend(((lo, lo + s), (lo + e, hi)))
    return sorted(found)


@dataclass(frozen=True, slots=True)
class Evidence:
    """What the resolver and the block model read about every block of a page."""

    #: The most confident verdict about each block, if any.
    strongest: list[Verdict | None]
    #: Context-free prose class of each block.
    classes: list[Prose]


def gather_evidence(page: Page, verdicts: Sequence[Verdict], t: ResolverThresholds) -> Evidence:
    """Strongest verdict and prose class of every block, computed once per page."""
    n = len(page.blocks)
    strongest: list[Verdict | None] = [None] * n
    for v in verdicts:
        for i in range(v.block, min(v.last_block, n - 1) + 1):
            cur = strongest[i]
            # Ties go to the smaller code, so the order detectors run in never matters.
            if (
                cur is None
                or v.confidence > cur.confidence
                or (v.confidence == cur.confidence and v.code < cur.code)
            ):
                strongest[i] = v
    language_known = page.language is not None
    classes = [classify(b, t, language_known) for b in page.blocks]
    return Evidence(strongest, classes)


def resolve(
    page: Page,
    verdicts: Sequence[Verdict],
    precision: Precision | ResolverThresholds = "balanced",
    evidence: Evidence | None = None,
) -> list[Decision]:
    """Decide, for every block of ``page``, whether it is article body and what it is."""
    t = THRESHOLDS[precision] if isinstance(precision, str) else precision
    n = len(page.blocks)
    if evidence is None:
        evidence = gather_evidence(page, verdicts, t)
    strongest = evidence.strongest
    classes = evidence.classes
    removed = [v is not None and v.confidence >= t.min_verdict_confidence for v in strongest]
    scores = _prose_scores(page, classes, removed, t)
    flagged = [v is not None for v in strongest]
    in_body = [False] * n
    segment_of = [(0, 0)] * n
    for seg_start, seg_end in _body_segments(scores, t):
        seg_start, seg_end = _expand(page, classes, flagged, seg_start, seg_end, t)
        for i in range(seg_start, seg_end):
            in_body[i] = True
            segment_of[i] = (seg_start, seg_end)

    decisions: list[Decision] = []
    for i in range(n):
        best = strongest[i]
        if removed[i] and best is not None:
            decisions.append(Decision(best.kind, False, best.code, best.reason))
            continue
        cls = classes[i]
        if not in_body[i]:
            decisions.append(_OUTSIDE)
        elif cls >= Prose.NEAR_GOOD:
            decisions.append(_PROSE)
        elif cls is not Prose.BAD and _between_prose(
            classes, removed, i, *segment_of[i], t.max_short_run
        ):
            # A link-dense block (BAD) between paragraphs is a "read more"
            # line or a menu, never a subheading.
            decisions.append(_SUBHEADING)
        else:
            decisions.append(_SHORT_IN_BODY)
    return decisions


def _is_barrier(block: Block, flagged: bool) -> bool:
    """Blocks the body never grows across: anything a detector spoke about, and menus."""
    return flagged or block.text.count("\n") >= 2


def _expand(
    page: Page,
    classes: Sequence[Prose],
    flagged: Sequence[bool],
    start: int,
    end: int,
    t: ResolverThresholds,
) -> tuple[int, int]:
    """Grow the body over nearby prose that the maximum-sum search left out.

    An article interrupted by a picture, a quote box or a list of short items
    scores as several runs; the best run alone loses the others. The body
    grows, one prose block at a time, across at most ``max_expand_blocks``
    unflagged blocks, and never across a block a detector flagged or a menu.
    """
    if start >= end:
        return start, end
    blocks = page.blocks
    n = len(blocks)
    j = end
    while j < n and j - end < t.max_expand_blocks and not _is_barrier(blocks[j], flagged[j]):
        if classes[j] >= Prose.NEAR_GOOD:
            end = j + 1
        j += 1
    j = start - 1
    while j >= 0 and start - 1 - j < t.max_expand_blocks and not _is_barrier(blocks[j], flagged[j]):
        if classes[j] >= Prose.NEAR_GOOD:
            start = j
        j -= 1
    return start, end


def _between_prose(
    classes: Sequence[Prose],
    removed: Sequence[bool],
    i: int,
    start: int,
    end: int,
    max_run: int,
) -> bool:
    """Whether short block ``i`` sits in a short run between prose blocks of the body.

    That is where subheadings, lists and one-line paragraphs of an article
    stand (a subheading, then a list, then prose again); dates, share buttons
    and widget labels sit in longer runs of short blocks at the body's edges.
    The run may hold at most ``max_run`` blocks and no removed block.
    """
    before = i - 1
    while before >= start and before > i - 1 - max_run:
        if removed[before]:
            return False
        if classes[before] >= Prose.NEAR_GOOD:
            break
        before -= 1
    else:
        return False
    after = i + 1
    while after < end and after - before - 1 <= max_run:
        if removed[after]:
            return False
        if classes[after] >= Prose.NEAR_GOOD:
            return True
        after += 1
    return False


_OUTSIDE = Decision(
    BlockKind.BOILERPLATE,
    False,
    "context.outside_body",
    "outside the run of prose blocks that forms the article body",
)
_PROSE = Decision(BlockKind.ARTICLE, True, "context.prose", "prose inside the article body")
_SUBHEADING = Decision(
    BlockKind.ARTICLE,
    True,
    "context.between_prose",
    "short block between two prose blocks of the article body (subheading, list)",
)
_SHORT_IN_BODY = Decision(
    BlockKind.BOILERPLATE,
    False,
    "context.short_in_body",
    "short block inside the body but not between prose blocks (widget, label, date)",
)
