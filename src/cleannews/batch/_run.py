"""Run a batch: read, cut into chunks, clean on every core, commit parts, merge.

Memory stays flat whatever the corpus size: at most ``2 × workers`` chunks
are in flight, readers stream, workers write their own parts (the parent
never holds cleaned text), and the final merge copies one part at a time.

A worker process that dies (a segfault in a C extension, the OOM killer)
breaks the pool; the chunks in flight are then redone one record per task in
a fresh single-worker pool, so the record that kills its worker becomes an
error row (``WorkerCrashed``) and every other record is cleaned as usual.
"""

from __future__ import annotations

import itertools
import os
import signal
import time
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from .._errors import ConfigError
from .._pipeline import InputFormat, Pipeline
from .._settings import Precision
from ._inputs import InputStream, input_kind
from ._parts import PartsDir, output_kind
from ._progress import Progress
from ._records import FieldMap, RawRecord
from ._rows import error_row
from ._summary import BatchSummary
from ._worker import (
    ChunkResult,
    ChunkSpec,
    ChunkStats,
    PipelineSpec,
    clean_records,
    salvage_id,
)

#: Records per chunk, the unit of parallel work and of resume. 256 pages of
#: ~100 KB of HTML keep a chunk near 25 MB; at ~500 docs/s per core a chunk
#: takes about half a second, so progress and resume stay fine-grained
#: while per-task overhead (pickling, a few part files) stays well under 1%.
DEFAULT_CHUNK_RECORDS = 256
#: Chunks in flight per worker: one running, one queued so no worker idles.
_IN_FLIGHT_PER_WORKER = 2


@dataclass(frozen=True)
class BatchOptions:
    """Everything ``cleannews batch`` can be told."""

    inputs: Sequence[Path]
    output: Path
    errors: Path | None = None
    workers: int | None = None
    resume: bool = False
    with_blocks: bool = False
    format: InputFormat = "auto"
    fields: FieldMap = field(default_factory=FieldMap)
    chunk_records: int = DEFAULT_CHUNK_RECORDS
    precision: Precision = "balanced"
    disable: tuple[str, ...] = ()
    #: A module-level function building the pipeline (it must pickle).
    pipeline_factory: Callable[[], Pipeline] | None = None

    @property
    def errors_path(self) -> Path:
        """``--errors``, else ``OUTPUT`` with ``.errors.jsonl`` in place of its suffix."""
        if self.errors is not None:
            return self.errors
        return self.output.with_name(self.output.stem + ".errors.jsonl")

    @property
    def worker_count(self) -> int:
        """``workers``, else the cores this process may run on (a container's
        CPU set, not the host's core count)."""
        if self.workers:
            return self.workers
        if hasattr(os, "sched_getaffinity"):
            return max(1, len(os.sched_getaffinity(0)))
        return os.cpu_count() or 1


def _manifest(options: BatchOptions) -> dict[str, Any]:
    """What must not change between a run and its resume."""
    inputs = []
    for p in options.inputs:
        st = p.stat()
        inputs.append({"path": str(p.resolve()), "size": st.st_size if p.is_file() else None,
                       "mtime_ns": st.st_mtime_ns if p.is_file() else None})
    return {
        "version": 1,
        "inputs": inputs,
        "chunk_records": options.chunk_records,
        "fields": asdict(options.fields),
        "format": options.format,
        "with_blocks": options.with_blocks,
        "output_kind": output_kind(options.output),
        "precision": options.precision,
        "disable": list(options.disable),
    }


#: A chunk to clean: its index, its records, and the input bytes read up to
#: its end (what the progress bar shows once the chunk is done).
Chunk = tuple[int, list[RawRecord], int]


def _chunks(stream: InputStream, size: int, done: set[int]) -> Iterator[Chunk]:
    """Consecutive chunks of ``size`` records, skipping those already ``done``."""
    for index, group in itertools.groupby(stream, key=lambda r: r.seq // size):
        if index in done:
            for _ in group:
                pass
            continue
        yield index, list(group), stream.done_bytes


def _ignore_interrupt() -> None:
    """Worker initializer: Ctrl-C is the parent's to handle.

    The parent stops submitting, lets the chunks in flight finish and commit
    (a chunk takes about a second), and exits; ``--resume`` goes on from there.
    A worker killed mid-chunk by the terminal's SIGINT would instead break the
    pool and turn a clean stop into crash recovery.
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _pool(workers: int) -> ProcessPoolExecutor:
    return ProcessPoolExecutor(max_workers=workers, initializer=_ignore_interrupt)


def _process(spec: ChunkSpec, parts: PartsDir, chunk: int, records: list[RawRecord]) -> ChunkStats:
    """Worker task: clean a chunk and commit its part files."""
    result = clean_records(spec, records)
    parts.commit(chunk, result)
    return result.stats


def _isolated(spec: ChunkSpec, records: list[RawRecord]) -> ChunkResult:
    """Redo a chunk one record per task, so a record that kills its worker is singled out."""
    combined = ChunkResult()
    pool = _pool(1)
    try:
        for record in records:
            try:
                one = pool.submit(clean_records, spec, [record]).result()
            except BrokenProcessPool:
                pool.shutdown(wait=False, cancel_futures=True)
                pool = _pool(1)
                one = ChunkResult(errors=[error_row(
                    salvage_id(record, spec), record.position, "WorkerCrashed",
                    "the worker process died while cleaning this record",
                )], stats=ChunkStats(records=1, failed=1))
            combined.rows.extend(one.rows)
            combined.errors.extend(one.errors)
            combined.stats.add(one.stats)
    finally:
        pool.shutdown(wait=True)
    return combined


def run_batch(options: BatchOptions, *, progress: bool = False) -> BatchSummary:
    """Clean every record of ``options.inputs`` into ``options.output`` and the errors file.

    Every input record ends up exactly once in the output or the errors file.
    Raises :class:`~cleannews.ConfigError` on unusable inputs or options
    before any work starts.
    """
    for path in options.inputs:
        input_kind(path)
    kind = output_kind(options.output)
    if options.chunk_records < 1:
        raise ConfigError("chunk_records must be at least 1")
    workers = options.worker_count
    parts = PartsDir(PartsDir.for_output(options.output), kind, options.with_blocks)
    parts.start(_manifest(options), options.resume)
    done = parts.done_chunks()
    spec = ChunkSpec(
        PipelineSpec(options.precision, tuple(options.disable), options.pipeline_factory),
        options.fields, options.format, options.with_blocks,
    )
    stream = InputStream(list(options.inputs), options.fields)
    bar = Progress(stream.total_bytes if progress else 0, progress)
    summary = BatchSummary(resumed_chunks=len(done), workers=workers)
    started = time.perf_counter()
    this_run = ChunkStats()
    chunks = _chunks(stream, options.chunk_records, done)
    try:
        if workers == 1:
            for index, records, read_bytes in chunks:
                this_run.add(_process(spec, parts, index, records))
                bar.update(len(records), read_bytes)
        else:
            _run_pool(spec, parts, chunks, workers, this_run, bar)
    finally:
        bar.close()
    summary.seconds = time.perf_counter() - started
    summary.this_run_records = this_run.records
    summary.skipped_non_pages = stream.tally.skipped
    for stats in parts.stats():
        summary.total.add(stats)
    parts.finish(options.output, options.errors_path)
    return summary


def _run_pool(
    spec: ChunkSpec,
    parts: PartsDir,
    chunks: Iterator[Chunk],
    workers: int,
    this_run: ChunkStats,
    bar: Progress,
) -> None:
    """Keep ``workers × 2`` chunks in flight; redo the chunks of a broken pool in isolation."""
    limit = workers * _IN_FLIGHT_PER_WORKER
    pool = _pool(workers)
    pending: dict[Future[ChunkStats], Chunk] = {}
    try:
        exhausted = False
        while pending or not exhausted:
            while not exhausted and len(pending) < limit:
                item = next(chunks, None)
                if item is None:
                    exhausted = True
                    break
                pending[pool.submit(_process, spec, parts, item[0], item[1])] = item
            if not pending:
                break
            finished, _ = wait(pending, return_when=FIRST_COMPLETED)
            broken: list[Chunk] = []
            for future in finished:
                item = pending.pop(future)
                try:
                    stats = future.result()
                except BrokenProcessPool:
                    broken.append(item)
                    continue
                this_run.add(stats)
                bar.update(len(item[1]), item[2])
            if broken:
                # Every chunk still in flight died with the pool: redo them all.
                broken.extend(pending.values())
                pending.clear()
                pool.shutdown(wait=False, cancel_futures=True)
                for index, records, read_bytes in sorted(broken, key=lambda item: item[0]):
                    result = _isolated(spec, records)
                    parts.commit(index, result)
                    this_run.add(result.stats)
                    bar.update(len(records), read_bytes)
                pool = _pool(workers)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
