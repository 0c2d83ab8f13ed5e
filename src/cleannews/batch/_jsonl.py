"""JSONL input (plain, ``.gz``, ``.zst``) and JSONL part files.

Lines stay bytes here: the worker parses them, so an invalid line becomes an
error record with its position instead of stopping the run. A compressed
stream that breaks off (a truncated download) yields one error record for
the rest of the file, after every line that could be read.
"""

from __future__ import annotations

import gzip
import io
from collections.abc import Iterator
from pathlib import Path
from typing import IO, cast

from .._errors import ConfigError
from ._records import RawRecord, ReadItem

JSONL_SUFFIXES = (".jsonl", ".ndjson", ".json")
COMPRESSION_SUFFIXES = (".gz", ".zst")


def is_jsonl(path: Path) -> bool:
    """``x.jsonl``, ``x.ndjson``, ``x.json``, each optionally ``.gz`` or ``.zst``."""
    name = path.name.lower()
    for comp in ("", *COMPRESSION_SUFFIXES):
        if any(name.endswith(s + comp) for s in JSONL_SUFFIXES):
            return True
    return False


class _Counting(io.RawIOBase):
    """A raw file that counts the bytes read through it (compressed position)."""

    def __init__(self, raw: IO[bytes]) -> None:
        self.raw = raw
        self.count = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        n = self.raw.readinto(buffer)  # type: ignore[attr-defined]
        self.count += n or 0
        return n or 0

    def close(self) -> None:
        self.raw.close()
        super().close()


def _open(path: Path, counter: _Counting) -> IO[bytes]:
    name = path.name.lower()
    if name.endswith(".gz"):
        return cast(IO[bytes], gzip.GzipFile(fileobj=io.BufferedReader(counter), mode="rb"))
    if name.endswith(".zst"):
        try:
            import zstandard
        except ImportError as exc:  # pragma: no cover - depends on the environment
            raise ConfigError(
                f"{path}: reading .zst needs the 'zstandard' package "
                "(pip install 'cleannews[batch]')"
            ) from exc
        reader = zstandard.ZstdDecompressor().stream_reader(
            cast(IO[bytes], counter), read_across_frames=True
        )
        return io.BufferedReader(cast(io.RawIOBase, reader))
    return io.BufferedReader(counter)


def read_jsonl(path: Path) -> Iterator[ReadItem]:
    """Every line of ``path`` as a ``json`` record, positions 1-based."""
    counter = _Counting(path.open("rb"))
    line_no = 0
    with _open(path, counter) as stream:
        try:
            for line_no, line in enumerate(stream, start=1):
                yield RawRecord(-1, f"{path}:{line_no}", "json", line), counter.count
        except Exception as exc:
            # gzip raises EOFError/BadGzipFile, zlib.error; zstandard its own
            # ZstdError: any failure of the stream ends this file, recorded.
            yield _broken(path, line_no, exc), counter.count

def _broken(path: Path, line_no: int, exc: BaseException) -> RawRecord:
    reason = f"input stream broken after line {line_no}: {exc}; the rest of the file is unread"
    return RawRecord(
        -1, f"{path}:{line_no + 1}", "error", reason, error_type=type(exc).__name__
    )
