"""Train the block model (``src/cleannews/data/block_model.json``) and report its figures.

    pip install -e '.[train]'
    python -m benchmarks.train_block_model               # dumps: 5-fold CV report, fit, write
    python -m benchmarks.train_block_model --form html   # the same for HTML pages
    python -m benchmarks.train_block_model --no-write    # report only

Labels come from the trafilatura-eval snippets: a block that contains a
``with`` snippet is article (1), one that contains a ``without`` snippet and
no ``with`` snippet is boilerplate (0); other blocks are unlabelled and not
used for fitting. Features are :func:`cleannews._block_model.block_features`
over the rule stage's output (the pipeline with ``block_model=None``), so the
model learns to correct the rules, not to replace them.

The cross-validation splits by page (no page is in both the training and the
test fold), and scores the snippet F1 of the whole output, as the benchmark
does: that figure, not the in-sample one, is what to quote for unseen pages.
"""

from __future__ import annotations

import argparse
import json
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupKFold
from sklearn.preprocessing import StandardScaler

import cleannews
from cleannews._block_model import FEATURES, block_features
from cleannews._resolve import UNDER_MODEL, gather_evidence, resolve
from cleannews._select import select

from .corpus import DEFAULT_CORPUS, Doc, Score, load_docs

DATA = Path(__file__).resolve().parents[1] / "src" / "cleannews" / "data"
#: Inverse regularisation strength; 1.0 and 0.1 gave the same CV F1 within 0.005.
REGULARISATION_C = 1.0
#: Blocks that selection turned into title or byline: never body, whatever the model says.
_METADATA_KINDS = frozenset({"title", "duplicate_title", "byline"})


@dataclass
class PageRows:
    doc: Doc
    texts: list[str]
    features: list[list[float]]
    metadata: list[bool]
    labels: list[int | None]


def _norm(text: str) -> str:
    return " ".join(text.split())


def collect(docs: list[Doc], form: str = "text") -> list[PageRows]:
    pipeline = cleannews.Pipeline(block_model=None)
    t = UNDER_MODEL
    pages = []
    for doc in docs:
        raw = doc.dump() if form == "text" else doc.html()
        page, _ = pipeline.segment(raw, format="html" if form == "html" else "text")
        verdicts = pipeline.detect(page)
        evidence = gather_evidence(page, verdicts, t)
        selection = select(page, resolve(page, verdicts, t, evidence), verdicts)
        features = block_features(page, evidence, selection.decisions)
        norm_texts = [_norm(b.text) for b in page.blocks]
        labels: list[int | None] = [None] * len(page.blocks)
        for snippet in doc.without:
            s = _norm(snippet)
            for i, text in enumerate(norm_texts):
                if s in text:
                    labels[i] = 0
        for snippet in doc.with_:
            s = _norm(snippet)
            for i, text in enumerate(norm_texts):
                if s in text:
                    labels[i] = 1
        metadata = [d.kind.value in _METADATA_KINDS for d in selection.decisions]
        pages.append(PageRows(doc, [b.text for b in page.blocks], features, metadata, labels))
    return pages


def _fit(pages: list[PageRows]) -> tuple[StandardScaler, LogisticRegression]:
    x = [f for p in pages for f, y in zip(p.features, p.labels, strict=True) if y is not None]
    y = [y for p in pages for y in p.labels if y is not None]
    scaler = StandardScaler().fit(x)
    model = LogisticRegression(C=REGULARISATION_C, max_iter=5000).fit(scaler.transform(x), y)
    return scaler, model


def _score(
    pages: list[PageRows],
    scaler: StandardScaler,
    model: LogisticRegression,
    threshold: float,
    score: Score,
) -> None:
    for p in pages:
        if not p.features:
            score.add(p.doc, "")
            continue
        prob = model.predict_proba(scaler.transform(np.array(p.features)))[:, 1]
        rows = zip(p.texts, prob, p.metadata, strict=True)
        kept = [t for t, pr, meta in rows if pr >= threshold and not meta]
        score.add(p.doc, "\n\n".join(kept))


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument(
        "--form", choices=["text", "html"], default="text", help="train on dumps or on HTML"
    )
    parser.add_argument("--no-write", action="store_true")
    args = parser.parse_args()

    pages = collect(load_docs(args.corpus), args.form)
    labelled = sum(1 for p in pages for y in p.labels if y is not None)
    print(f"pages={len(pages)} labelled blocks={labelled}")

    cv = {th: Score() for th in (0.4, 0.5, 0.6)}
    index = np.arange(len(pages))
    for train, test in GroupKFold(n_splits=args.folds).split(index, groups=index):
        scaler, model = _fit([pages[i] for i in train])
        for th, score in cv.items():
            _score([pages[i] for i in test], scaler, model, th, score)
    for th, score in cv.items():
        print(f"cv threshold={th}: P={score.precision:.3f} R={score.recall:.3f} F1={score.f1:.3f}")

    scaler, model = _fit(pages)
    # Fold the standardisation into the weights: w' = w / scale, b' = b - sum(w * mean / scale).
    weights = model.coef_[0] / scaler.scale_
    bias = float(model.intercept_[0] - np.sum(model.coef_[0] * scaler.mean_ / scaler.scale_))
    balanced = cv[0.5]
    record = {
        "features": list(FEATURES),
        "weights": [round(float(w), 6) for w in weights],
        "bias": round(bias, 6),
        "trained_on": (
            f"trafilatura-eval {args.form} form, {len(pages)} pages, {labelled} labelled blocks; "
            f"{args.folds}-fold CV by page at threshold 0.5: P={balanced.precision:.3f} "
            f"R={balanced.recall:.3f} F1={balanced.f1:.3f}"
        ),
    }
    if not args.no_write:
        output = DATA / f"block_model_{args.form}.json"
        output.write_text(json.dumps(record, indent=1) + "\n", encoding="utf-8")
        print(f"wrote {output}")


if __name__ == "__main__":
    main()
