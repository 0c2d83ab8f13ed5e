"""The parts folder: where a run writes its chunks atomically, and what ``--resume`` reads.

Layout of ``OUTPUT.parts/``::

    manifest.json          the run's inputs and options; a resume must match it
    NNNNNNNN.err.jsonl     error rows of chunk N
    NNNNNNNN.stats.json    counts of chunk N
    NNNNNNNN.out.jsonl     output rows of chunk N (.parquet for Parquet output)

Each file is written under a temporary name and renamed; the output part is
renamed last, so its presence is the commit: a chunk with an output part is
complete, anything else is redone. Chunk N holds the records numbered
``N * chunk_size`` up to ``(N + 1) * chunk_size`` across all inputs, so the
same inputs always cut into the same chunks. When every chunk is done the
parts are concatenated in order into OUTPUT and the errors file (each
written to a temporary name and renamed), and the folder is removed.
"""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any, Literal

from .._errors import ConfigError
from ._parquet import merge_parquet, write_parquet
from ._worker import ChunkResult, ChunkStats

OutputKind = Literal["jsonl", "parquet"]
MANIFEST = "manifest.json"


def output_kind(path: Path) -> OutputKind:
    """JSONL or Parquet, from the output's suffix."""
    suffix = path.suffix.lower()
    if suffix in (".parquet", ".pq"):
        return "parquet"
    if suffix in (".jsonl", ".ndjson"):
        return "jsonl"
    raise ConfigError(f"cannot tell the output format of {path}: use a .jsonl or .parquet name")


def _atomic_write(path: Path, data: bytes) -> None:
    tmp = path.with_name(f".{path.name}.tmp")
    with tmp.open("wb") as f:
        f.write(data)
        f.flush()
        os.fsync(f.fileno())
    os.replace(tmp, path)


def _jsonl(rows: Sequence[Mapping[str, Any]]) -> bytes:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows).encode("utf-8")


class PartsDir:
    """One run's parts folder (see the module docstring)."""

    def __init__(self, path: Path, kind: OutputKind, with_blocks: bool) -> None:
        self.path = path
        self.kind = kind
        self.with_blocks = with_blocks

    @staticmethod
    def for_output(output: Path) -> Path:
        return output.with_name(output.name + ".parts")

    def _name(self, chunk: int, what: str) -> Path:
        return self.path / f"{chunk:08d}.{what}"

    def out_part(self, chunk: int) -> Path:
        return self._name(chunk, "out.parquet" if self.kind == "parquet" else "out.jsonl")

    # -- manifest --------------------------------------------------------

    def start(self, manifest: Mapping[str, Any], resume: bool) -> None:
        """Create the folder, or check that a resumed run is the same run."""
        file = self.path / MANIFEST
        if self.path.exists():
            if not resume:
                raise ConfigError(
                    f"{self.path} holds an unfinished run; add --resume to finish it, "
                    "or remove the folder to start over"
                )
            if file.exists():
                previous = json.loads(file.read_text("utf-8"))
                if previous != json.loads(json.dumps(manifest)):
                    changed = sorted(
                        k for k in {*previous, *manifest} if previous.get(k) != manifest.get(k)
                    )
                    raise ConfigError(
                        f"cannot resume {self.path}: the run differs in {', '.join(changed)}; "
                        "rerun with the same inputs and options, or remove the folder"
                    )
                return
        self.path.mkdir(parents=True, exist_ok=True)
        _atomic_write(file, json.dumps(manifest, indent=2).encode("utf-8"))

    # -- chunks ----------------------------------------------------------

    def done_chunks(self) -> set[int]:
        """Chunks whose output part exists, i.e. that were committed."""
        suffix = self.out_part(0).name[8:]
        return {
            int(p.name[:8]) for p in self.path.iterdir()
            if p.name.endswith(suffix) and p.name[:8].isdigit()
        }

    def commit(self, chunk: int, result: ChunkResult) -> None:
        """Write chunk ``chunk`` atomically: errors, stats, then the output part."""
        _atomic_write(self._name(chunk, "err.jsonl"), _jsonl(result.errors))
        _atomic_write(
            self._name(chunk, "stats.json"), json.dumps(result.stats.to_json()).encode("utf-8")
        )
        target = self.out_part(chunk)
        if self.kind == "parquet":
            tmp = target.with_name(f".{target.name}.tmp")
            write_parquet(tmp, result.rows, self.with_blocks)
            os.replace(tmp, target)
        else:
            _atomic_write(target, _jsonl(result.rows))

    def stats(self) -> Iterator[ChunkStats]:
        """Counts of every committed chunk."""
        for chunk in sorted(self.done_chunks()):
            yield ChunkStats.from_json(json.loads(self._name(chunk, "stats.json").read_text()))

    # -- finishing -------------------------------------------------------

    def finish(self, output: Path, errors: Path) -> None:
        """Concatenate the parts into ``output`` and ``errors``, then remove the folder."""
        chunks = sorted(self.done_chunks())
        tmp_out = output.with_name(f".{output.name}.tmp")
        if self.kind == "parquet":
            merge_parquet([self.out_part(c) for c in chunks], tmp_out, self.with_blocks)
        else:
            _concat([self.out_part(c) for c in chunks], tmp_out)
        tmp_err = errors.with_name(f".{errors.name}.tmp")
        _concat([self._name(c, "err.jsonl") for c in chunks], tmp_err)
        os.replace(tmp_err, errors)
        os.replace(tmp_out, output)
        # Renamed first, so a run killed while deleting leaves no half folder
        # that a resume would mistake for missing chunks.
        trash = self.path.with_name(f".{self.path.name}.done")
        if trash.exists():  # left by a run killed while deleting
            shutil.rmtree(trash)
        os.replace(self.path, trash)
        shutil.rmtree(trash)


def _concat(parts: Sequence[Path], target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    with target.open("wb") as out:
        for part in parts:
            with part.open("rb") as f:
                shutil.copyfileobj(f, out, 1 << 20)
        out.flush()
        os.fsync(out.fileno())
