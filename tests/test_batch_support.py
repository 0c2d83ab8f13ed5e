"""Shared material for the batch tests: generated pages and pipeline factories.

No tests here. Pages are made in code (no shared data needed); factories are
module-level so that worker processes can unpickle them by name.
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from cleannews import Page, Pipeline, Verdict, detector_from_function

_TOPICS = ("harbour", "election", "museum", "railway", "vineyard", "library", "bridge")

#: Put in a page, this makes the ``boom`` detector raise.
RAISE_MARK = "RAISE-ME-PLEASE"
#: Put in a page, this makes the ``crash`` detector kill its worker process.
CRASH_MARK = "KILL-THE-WORKER"


def text_page(i: int, extra: str = "") -> str:
    """A small news-like text dump: headline, byline, article, boilerplate."""
    topic = _TOPICS[i % len(_TOPICS)]
    return (
        f"The {topic} reopens after {i} months of works\n\n"
        f"By Jane Doe {i}\n\n"
        f"The town's {topic} reopened on Monday after {i} months of repairs, the council said. "
        f"Residents had waited a long time for the {topic} and many came to see it on the "
        f"first day, with music and speeches in the square.\n\n"
        f"The works cost more than planned, and the council will publish the final figures "
        f"in the spring. Number {i} of the series on local works. {extra}\n\n"
        "Share on Facebook\n\n"
        "Subscribe to our newsletter to get the latest news every morning.\n"
    )


def html_page(i: int) -> str:
    """The same page as HTML."""
    paras = [p for p in text_page(i).split("\n\n") if p.strip()]
    body = "".join(f"<p>{p}</p>" for p in paras[2:])
    return (
        f"<!doctype html><html lang='en'><head><title>{paras[0]}</title></head><body>"
        f"<nav><a href='/'>Home</a> <a href='/news'>News</a></nav><article><h1>{paras[0]}</h1>"
        f"<p class='byline'>{paras[1]}</p>{body}</article><footer>© 2026 Town Post</footer>"
        "</body></html>"
    )


def write_jsonl(path: Path, rows: Iterable[object]) -> None:
    """One JSON value a line; ``bytes`` items are written as they are (bad lines)."""
    with path.open("wb") as f:
        for row in rows:
            f.write(row if isinstance(row, bytes) else json.dumps(row).encode() + b"\n")


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text("utf-8").splitlines()]


def _boom(page: Page) -> list[Verdict]:
    if RAISE_MARK in page.joined:
        raise RuntimeError("boom on purpose")
    return []


def _crash(page: Page) -> list[Verdict]:
    if CRASH_MARK in page.joined:
        os._exit(3)  # a worker dying as in a segfault: no exception, no cleanup
    return []


def faulty_pipeline() -> Pipeline:
    """The default pipeline plus a detector that raises and one that kills its process."""
    return Pipeline().with_detectors(
        detector_from_function("boom", _boom), detector_from_function("crash", _crash)
    )


def _slow(page: Page) -> list[Verdict]:
    """Sleeps when ``CLEANNEWS_TEST_SLOW_MS`` is set, so a run lasts long enough to kill."""
    delay_ms = float(os.environ.get("CLEANNEWS_TEST_SLOW_MS", "0"))
    if delay_ms:
        time.sleep(delay_ms / 1000)
    return []


def faulty_slow_pipeline() -> Pipeline:
    """:func:`faulty_pipeline` plus an optional delay per page (no verdicts of its own)."""
    return faulty_pipeline().with_detectors(detector_from_function("slow", _slow))
