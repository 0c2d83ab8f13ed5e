"""A small learned model that has the last word on each block.

The rules (detectors, prose classes, the body search in :mod:`._resolve`)
capture what is known about boilerplate; they also leave evidence that no
single rule weighs well: a short paragraph right after the body, a list in
the middle of it, a long prose block far below the article. A logistic
regression over that evidence (the features below, computed from the page,
the verdicts and the rule decisions) decides each block. It was trained on
blocks labelled by the trafilatura-eval snippets (``benchmarks/train_block_model.py``
reproduces the weights, and reports the cross-validated figures, by page, that
``docs/benchmarks.md`` quotes), one model per input form, and it ships as
plain numbers in ``data/block_model_text.json`` and ``data/block_model_html.json``:
no numerical library is needed at run time.

A block whose decision the model changes says so in its ``decided_by``
(``model.keep`` / ``model.drop``), with the rule it overrode and its
probability, so every decision stays explained.
"""

from __future__ import annotations

import functools
import json
import math
import operator
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from importlib import resources
from types import MappingProxyType

from ._kinds import BlockKind
from ._page import Block, Page
from ._resolve import Decision, Evidence, Prose

#: Names of the features, in the order :func:`block_features` computes them.
#: Chosen by backward elimination under 5-fold cross-validation from 32
#: candidates: dropping the other 15 (raw length, function-word density,
#: position on the page, digit share, ...) changed the CV F1 by less than
#: 0.005, and every feature costs time on every block of every page.
#:
#: The last five read markup and are zero for dumps. They were kept from some
#: thirty HTML candidates measured one at a time under the same 5-fold CV by
#: page (three shuffles of the folds): together they raised the HTML figure
#: from 0.931 to 0.943. Heading, list-item and table-cell tags,
#: ``<article>``/``<aside>`` ancestors, content-like class names ("content",
#: "entry"), the share of kept text under a name, and element identities
#: instead of tag paths for ``same_parent`` each moved it by less than 0.001.
FEATURES: tuple[str, ...] = (
    "ends_sentence",
    "log_lines",
    "bullet",
    "gap_before",
    "near_good",
    "removed",
    "prev_prose",
    "next_prose",
    "capitalised",
    "before_body",
    "after_body",
    "words",
    "has_pipe",
    "good_window",
    "relative_chars",
    "kept_short",
    "tiny",
    "link_ratio",
    "same_parent",
    "depth_gap",
    "link_dense",
    "paragraph_tag",
    "link_window",
    "name_share",
    "title_distance",
)

#: Kinds that :mod:`._select` gave to the title and byline: the model never keeps them.
_METADATA_KINDS = frozenset({BlockKind.TITLE, BlockKind.DUPLICATE_TITLE, BlockKind.BYLINE})
#: A verdict at or above this confidence removed the block in the rule stage.
_REMOVING_CONFIDENCE = 0.5
#: Verdicts this confident are final: the model never keeps the block.
_FINAL_VERDICT_CONFIDENCE = 0.85
#: Blocks of fewer characters are labels, counters, single words.
_TINY_CHARS = 30
#: Prose blocks are counted in a window of this many blocks on each side.
_WINDOW = 3
#: Link density is averaged over this many blocks on each side: menus,
#: teaser lists and footers come in runs of link-dense blocks, an article's
#: paragraphs have a link here and there.
_LINK_WINDOW = 3
#: Class/id tokens that make a block's "name" (nearest first): its element's
#: and its nearest ancestors'. 2 to 32 gave the same CV F1 within 0.0015.
_NAME_TOKENS = 8
#: Distances from the title beyond this many blocks count as this many.
_MAX_TITLE_DISTANCE = 20
#: Depth differences beyond this many levels count as this many.
_MAX_DEPTH_GAP = 5
#: Longer blocks are prose whatever their capitalisation: don't split them.
_CAPITALISATION_MAX_WORDS = 40


def block_features(
    page: Page, evidence: Evidence, decisions: Sequence[Decision]
) -> list[tuple[float, ...]]:
    """The feature vector of every block (see :data:`FEATURES` for the order).

    Computed column by column with comprehensions: this runs on every block
    of every page, and a per-block loop of the same arithmetic is twice as slow.
    """
    blocks = page.blocks
    n = len(blocks)
    if n == 0:
        return []
    classes = evidence.classes
    kept = [d.kept for d in decisions]
    prose = [c >= Prose.NEAR_GOOD for c in classes]
    first_kept = kept.index(True) if True in kept else 0
    last_kept = n - 1 - kept[::-1].index(True) if True in kept else 0
    longest = max([b.n_chars for b in blocks]) or 1
    log1p = math.log1p
    is_upper = str.isupper
    capitalised = []
    for b in blocks:
        if b.n_words >= _CAPITALISATION_MAX_WORDS:
            capitalised.append(0.3)
            continue
        # Block.capitalised_ratio, inlined: this runs on most blocks of every page.
        words = b.text.split()
        capitalised.append(sum(map(is_upper, [w[0] for w in words])) / len(words) if words else 0.0)
    prose_f = [1.0 if x else 0.0 for x in prose]
    columns: list[list[float]] = [
        [1.0 if b.ends_sentence else 0.0 for b in blocks],
        [log1p(b.text.count("\n")) for b in blocks],
        [1.0 if b.bullet else 0.0 for b in blocks],
        [3.0 if b.gap_before > 3 else float(b.gap_before) for b in blocks],
        [1.0 if c is Prose.NEAR_GOOD else 0.0 for c in classes],
        [
            1.0 if v is not None and v.confidence >= _REMOVING_CONFIDENCE else 0.0
            for v in evidence.strongest
        ],
        [0.0, *prose_f[:-1]],
        [*prose_f[1:], 0.0],
        capitalised,
        [1.0] * first_kept + [0.0] * (n - first_kept),
        [0.0] * (last_kept + 1) + [1.0] * (n - last_kept - 1),
        [1.0 if b.n_words >= 100 else b.n_words / 100 for b in blocks],
        [1.0 if "|" in b.text else 0.0 for b in blocks],
        _window_mean([1.0 if c is Prose.GOOD else 0.0 for c in classes], _WINDOW),
        [b.n_chars / longest for b in blocks],
        [1.0 if k and not x else 0.0 for k, x in zip(kept, prose, strict=True)],
        [1.0 if b.n_chars < _TINY_CHARS else 0.0 for b in blocks],
        [b.link_chars / b.n_chars if b.link_chars else 0.0 for b in blocks],
        *_container_columns(blocks, kept, prose),
        [1.0 if c is Prose.BAD else 0.0 for c in classes],
        *_markup_columns(blocks, decisions),
    ]
    return list(zip(*columns, strict=True))


def _window_mean(values: Sequence[float], width: int, *, within_page: bool = False) -> list[float]:
    """Mean of ``values`` over each position and ``width`` neighbours on each side.

    Positions beyond the page count as zero and the divisor is the full
    window, or, ``within_page``, only the positions on the page are
    averaged. Prefix sums over a zero-padded copy: no bounds checks per block.
    """
    n = len(values)
    prefix = [0.0] * (width + 1)
    total = 0.0
    for v in values:
        total += v
        prefix.append(total)
    prefix.extend([total] * width)
    span = 2 * width + 1
    if not within_page:
        return [(prefix[i + span] - prefix[i]) / span for i in range(n)]
    counts = [span] * n
    for i in range(min(width, n)):
        # Window sizes at the page's two edges.
        counts[i] = min(counts[i], width + 1 + i, n)
        counts[n - 1 - i] = min(counts[n - 1 - i], width + 1 + i, n)
    return [(prefix[i + span] - prefix[i]) / c for i, c in enumerate(counts)]


def _container_columns(
    blocks: Sequence[Block], kept: Sequence[bool], prose: Sequence[bool]
) -> tuple[list[float], list[float]]:
    """Where each block sits relative to the element that holds the body (HTML only).

    An article's paragraphs, subheadings and lists share a parent element;
    a site's tagline, a sidebar or a footer sit elsewhere in the tree. The
    body's parent is the one most kept prose blocks share. Dumps have no tree:
    both columns are zero.
    """
    n = len(blocks)
    if blocks[0].path is None:
        return [0.0] * n, [0.0] * n
    # Blocks share a few dozen distinct paths: split each one once.
    parent_of: dict[str | None, str] = {}
    for b in blocks:
        if b.path not in parent_of:
            parent_of[b.path] = b.path.rpartition("/")[0] if b.path else ""
    parents = [parent_of[b.path] for b in blocks]
    votes = Counter(p for p, k, x in zip(parents, kept, prose, strict=True) if k and x)
    if not votes:
        return [0.0] * n, [0.0] * n
    body_parent = votes.most_common(1)[0][0]
    body_depth = body_parent.count("/") + 1
    gap_of = {
        p: min(abs(p.count("/") + 1 - body_depth), _MAX_DEPTH_GAP) / _MAX_DEPTH_GAP
        for p in set(parents)
    }
    same = [1.0 if p == body_parent else 0.0 for p in parents]
    return same, [gap_of[p] for p in parents]


def _markup_columns(
    blocks: Sequence[Block], decisions: Sequence[Decision]
) -> tuple[list[float], list[float], list[float], list[float]]:
    """Evidence from the markup around each block (HTML only; zero for dumps).

    * ``paragraph_tag``: the block is a ``<p>``, the element articles are
      written in (menus, teasers and widgets are mostly ``div``, ``li``, ``a``);
    * ``link_window``: link density averaged over the block and its
      neighbours (``_LINK_WINDOW``): boilerplate comes in link-dense runs;
    * ``name_share``: share of the page's characters in blocks whose class/id
      names match this block's (``_NAME_TOKENS``): a template names the
      article container once, and its paragraphs carry most of the text,
      while each widget's name covers a few lines;
    * ``title_distance``: blocks from the headline that :mod:`._select`
      found (capped at ``_MAX_TITLE_DISTANCE``; zero without one): the body
      follows its headline, sidebars and footers stand far from it.
    """
    n = len(blocks)
    if blocks[0].path is None:
        zeros = [0.0] * n
        return zeros, zeros, zeros, zeros
    paragraph = [1.0 if b.tag == "p" else 0.0 for b in blocks]
    window = _window_mean(
        [b.link_chars / b.n_chars if b.link_chars else 0.0 for b in blocks],
        _LINK_WINDOW,
        within_page=True,
    )
    names = [b.class_tokens[:_NAME_TOKENS] for b in blocks]
    chars: dict[tuple[str, ...], int] = {}
    for name, b in zip(names, blocks, strict=True):
        chars[name] = chars.get(name, 0) + b.n_chars
    total = sum(chars.values()) or 1
    share = [chars[name] / total for name in names]
    title = next((i for i, d in enumerate(decisions) if d.kind is BlockKind.TITLE), None)
    if title is None:
        distance = [0.0] * n
    else:
        cap = _MAX_TITLE_DISTANCE
        # 1.0 beyond the cap; a tent of k / cap around the title.
        distance = [1.0] * n
        for i in range(max(0, title - cap + 1), min(n, title + cap)):
            distance[i] = abs(i - title) / cap
    return paragraph, window, share, distance


@dataclass(frozen=True)
class BlockModel:
    """Logistic regression weights over :data:`FEATURES` (standardisation folded in)."""

    weights: tuple[float, ...]
    bias: float
    #: Cross-validated figures reported by the training run, for the record.
    trained_on: str = ""

    def probabilities(self, rows: Sequence[Sequence[float]]) -> list[float]:
        """Probability that each block belongs to the article body."""
        w = self.weights
        b = self.bias
        exp = math.exp
        mul = operator.mul
        out = []
        for row in rows:
            z = b + sum(map(mul, w, row))
            out.append(1.0 / (1.0 + exp(-z)) if z > -50 else 0.0)
        return out

    @classmethod
    def from_json(cls, text: str) -> BlockModel:
        """Load weights saved by ``benchmarks/train_block_model.py``."""
        data = json.loads(text)
        names = tuple(data["features"])
        if names != FEATURES:
            raise ValueError(
                "block model features do not match this version of cleannews: "
                f"{names} != {FEATURES}; retrain with benchmarks/train_block_model.py"
            )
        return cls(
            tuple(float(x) for x in data["weights"]),
            float(data["bias"]),
            str(data.get("trained_on", "")),
        )


#: Input forms that ship a model of their own: the evidence differs (links and
#: markup-derived blocks in HTML, none in a dump), and so do the best weights.
MODEL_FORMS: tuple[str, ...] = ("text", "html")


@functools.lru_cache(maxsize=1)
def default_block_models() -> Mapping[str, BlockModel]:
    """The models that ship with cleannews, one per input form (read once; immutable)."""
    data = resources.files("cleannews.data")
    return MappingProxyType(
        {
            form: BlockModel.from_json(
                data.joinpath(f"block_model_{form}.json").read_text("utf-8")
            )
            for form in MODEL_FORMS
        }
    )


def rerank(
    page: Page,
    evidence: Evidence,
    decisions: Sequence[Decision],
    model: BlockModel,
    threshold: float,
) -> list[Decision]:
    """Let ``model`` keep or drop each block; title and byline stay as selected.

    The model never keeps a block that a verdict of ``_FINAL_VERDICT_CONFIDENCE``
    or more removed, nor a link-dense one (``Prose.BAD``: more of its text in
    links than the resolver's ``max_link_ratio``), whatever its neighbours
    say. On the HTML corpus that veto moved precision from 0.932 to 0.938 for
    0.003 of recall: the link-dense blocks its snippets count as article text
    are mostly headlines linking to their own page.
    """
    if not any(d.kept for d in decisions):
        # No prose run at all: a section front, a list of headlines, a cookie
        # wall. The model refines an article the rules found; it does not
        # make one up from the fragments of a page that has none.
        return list(decisions)
    probabilities = model.probabilities(block_features(page, evidence, decisions))
    out = []
    rows = zip(decisions, probabilities, evidence.strongest, evidence.classes, strict=True)
    for decision, p, strongest, cls in rows:
        keep = (
            p >= threshold
            and cls is not Prose.BAD
            and (strongest is None or strongest.confidence < _FINAL_VERDICT_CONFIDENCE)
        )
        if keep == decision.kept or decision.kind in _METADATA_KINDS:
            out.append(decision)
        elif keep:
            out.append(
                Decision(
                    BlockKind.ARTICLE,
                    True,
                    "model.keep",
                    f"block model keeps it (p={p:.2f}) over rule {decision.decided_by}",
                )
            )
        else:
            kind = strongest.kind if strongest is not None else BlockKind.BOILERPLATE
            out.append(
                Decision(
                    kind,
                    False,
                    "model.drop",
                    f"block model drops it (p={p:.2f}) over rule {decision.decided_by}",
                )
            )
    return out
