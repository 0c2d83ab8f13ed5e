"""Which reader reads which input, and one numbered stream over all inputs.

Kinds are decided up front, from the suffix (or a folder), so that a typo
fails before any work starts rather than after an hour of cleaning.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from .._errors import ConfigError
from ._folder import read_folder
from ._jsonl import is_jsonl, read_jsonl
from ._parquet import is_parquet, read_parquet
from ._records import FieldMap, RawRecord, Tally
from ._warc import is_warc, read_warc

InputKind = Literal["jsonl", "parquet", "warc", "folder"]


def input_kind(path: Path) -> InputKind:
    """The reader for ``path``, or a :class:`ConfigError` that says what is accepted."""
    if path.is_dir():
        return "folder"
    if not path.exists():
        raise ConfigError(f"no such input: {path}")
    if is_jsonl(path):
        return "jsonl"
    if is_parquet(path):
        return "parquet"
    if is_warc(path):
        return "warc"
    raise ConfigError(
        f"cannot tell how to read {path}: expected a folder, .jsonl/.ndjson (optionally "
        ".gz or .zst), .parquet, or .warc/.wet (optionally .gz)"
    )


def input_bytes(path: Path) -> int:
    """Size of an input, for the progress bar: a folder counts its files."""
    if path.is_dir():
        return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())
    return path.stat().st_size


@dataclass
class InputStream:
    """All records of all inputs, numbered in reading order.

    ``done_bytes`` follows reading for the progress bar; ``tally.skipped`` counts
    WARC records that are not pages (request, warcinfo, metadata …).
    """

    paths: Sequence[Path]
    fields: FieldMap
    done_bytes: int = 0
    tally: Tally = field(default_factory=Tally)

    @property
    def total_bytes(self) -> int:
        return sum(input_bytes(p) for p in self.paths)

    def __iter__(self) -> Iterator[RawRecord]:
        seq = 0
        before = 0
        for path in self.paths:
            kind = input_kind(path)
            if kind == "jsonl":
                items = read_jsonl(path)
            elif kind == "parquet":
                items = read_parquet(path, self.fields)
            elif kind == "warc":
                items = read_warc(path, self.tally)
            else:
                items = read_folder(path)
            for record, consumed in items:
                self.done_bytes = before + consumed
                yield record._replace(seq=seq)
                seq += 1
            before += input_bytes(path)
            self.done_bytes = before
