"""Batch cleaning of corpora: ``cleannews batch`` and its library entry point.

>>> from cleannews.batch import BatchOptions, run_batch
>>> summary = run_batch(BatchOptions([Path("crawl.jsonl.zst")], Path("clean.parquet")))
>>> print(summary.format())

Readers (JSONL plain/.gz/.zst, Parquet, WARC/WET, a folder of .html/.txt),
writers (JSONL, Parquet), the worker and the resumable parts folder each live
in their own module; see ``docs/batch.md``. Compressed JSONL, Parquet, WARC
and the progress bar need the ``batch`` extra (``pip install 'cleannews[batch]'``).
"""

from __future__ import annotations

from ._records import FieldMap
from ._run import DEFAULT_CHUNK_RECORDS, BatchOptions, run_batch
from ._summary import BatchSummary
from ._worker import ChunkStats

__all__ = ["DEFAULT_CHUNK_RECORDS", "BatchOptions", "BatchSummary", "ChunkStats", "FieldMap",
           "run_batch"]
