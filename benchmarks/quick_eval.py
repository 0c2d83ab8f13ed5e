"""Quick development loop: cleannews alone on the dumps (F1 and docs/s).

    python -m benchmarks.quick_eval [--limit N] [--show-missing K] [--show-leaked K]
"""

from __future__ import annotations

import argparse
import time

import cleannews

from .corpus import Score, load_docs


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--form", choices=["dump", "html"], default="dump")
    parser.add_argument("--precision", default="balanced")
    parser.add_argument("--show-missing", type=int, default=0)
    parser.add_argument("--show-leaked", type=int, default=0)
    args = parser.parse_args()
    docs = load_docs(limit=args.limit)
    pages = [d.dump() if args.form == "dump" else d.html() for d in docs]
    pipeline = cleannews.Pipeline(precision=args.precision)
    score = Score()
    t0 = time.perf_counter()
    fmt = "text" if args.form == "dump" else "auto"
    outputs = [pipeline.clean(p, format=fmt).text for p in pages]
    elapsed = time.perf_counter() - t0
    for d, out in zip(docs, outputs, strict=True):
        score.add(d, out)
    print(
        f"docs={len(docs)} P={score.precision:.3f} R={score.recall:.3f} F1={score.f1:.3f} "
        f"docs/s={len(docs) / elapsed:.0f}"
    )
    for doc_id, s in score.missing[: args.show_missing]:
        print("MISSING", doc_id, s[:120])
    for doc_id, s in score.leaked[: args.show_leaked]:
        print("LEAKED ", doc_id, s[:120])


if __name__ == "__main__":
    main()
