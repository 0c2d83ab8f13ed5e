"""The progress bar: documents/s and ETA on a terminal, nothing in logs.

The ETA comes from input bytes read (known up front for every input form),
not from a record count that a stream cannot know without a first pass.
"""

from __future__ import annotations

import sys
import time
from typing import IO, Any


class Progress:
    """A tqdm bar over input bytes, with documents and documents/s beside it."""

    def __init__(self, total_bytes: int, enabled: bool, stream: IO[str] | None = None) -> None:
        self.start = time.perf_counter()
        self.docs = 0
        self._bar: Any = None
        if not enabled:
            return
        try:
            from tqdm import tqdm  # type: ignore[import-untyped, import-not-found, unused-ignore]
        except ImportError:  # the bar is a comfort, not a requirement
            return
        self._bar = tqdm(
            total=total_bytes, unit="B", unit_scale=True, unit_divisor=1024,
            file=stream or sys.stderr, dynamic_ncols=True, smoothing=0.1,
            bar_format="{l_bar}{bar}| {n_fmt}/{total_fmt} [{elapsed}<{remaining}{postfix}]",
        )

    def update(self, docs: int, done_bytes: int) -> None:
        """``docs`` more documents finished; input read up to ``done_bytes``."""
        self.docs += docs
        if self._bar is None:
            return
        elapsed = max(1e-9, time.perf_counter() - self.start)
        self._bar.set_postfix_str(f"{self.docs:,} docs, {self.docs / elapsed:,.0f} docs/s",
                                  refresh=False)
        self._bar.update(max(0, done_bytes - self._bar.n))

    def close(self) -> None:
        if self._bar is not None:
            self._bar.close()


def wants_bar(stream: IO[str]) -> bool:
    """A bar only on a terminal: logs and pipes get the closing summary alone."""
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())
