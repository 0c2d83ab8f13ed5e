"""Parquet input and output (pyarrow).

Input is read in row batches of the mapped columns only, so a wide table
with other columns costs nothing extra. Output parts are written with a fixed
schema, so parts from different workers merge into one file.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from .._errors import ConfigError
from ._records import FieldMap, RawRecord, ReadItem

#: Rows per batch read from a Parquet file: small enough that a batch of
#: 100 KB pages stays within tens of megabytes.
_READ_BATCH_ROWS = 256


def _pyarrow() -> Any:
    try:
        import pyarrow  # type: ignore[import-untyped, import-not-found, unused-ignore]
        import pyarrow.parquet  # type: ignore[import-untyped, import-not-found, unused-ignore]
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise ConfigError(
            "Parquet input or output needs the 'pyarrow' package (pip install 'cleannews[batch]')"
        ) from exc
    return pyarrow


def is_parquet(path: Path) -> bool:
    """``x.parquet`` or ``x.pq``."""
    return path.suffix.lower() in (".parquet", ".pq")


def read_parquet(path: Path, fields: FieldMap) -> Iterator[ReadItem]:
    """Every row as a ``fields`` record (only the mapped columns), positions 0-based rows."""
    pa = _pyarrow()
    parquet_file = pa.parquet.ParquetFile(path)
    names = set(parquet_file.schema_arrow.names)
    columns = [c for c in dict.fromkeys(fields.columns) if c in names]
    total_rows = max(1, parquet_file.metadata.num_rows)
    size = path.stat().st_size
    row = 0
    for batch in parquet_file.iter_batches(batch_size=_READ_BATCH_ROWS, columns=columns):
        for values in batch.to_pylist():
            yield RawRecord(-1, f"{path}#{row}", "fields", values), size * (row + 1) // total_rows
            row += 1


def output_schema(with_blocks: bool) -> Any:
    """The Arrow schema of output rows (see ``_rows.py`` for the fields)."""
    pa = _pyarrow()
    fields = [
        pa.field("id", pa.string()),
        pa.field("url", pa.string()),
        pa.field("text", pa.string()),
        pa.field("title", pa.string()),
        pa.field("byline", pa.string()),
        pa.field("date", pa.string()),
        pa.field("language", pa.string()),
        pa.field("format", pa.string()),
        pa.field("discarded", pa.map_(pa.string(), pa.int64())),
    ]
    if with_blocks:
        block = pa.struct(
            [
                pa.field("index", pa.int64()),
                pa.field("text", pa.string()),
                pa.field("start", pa.int64()),
                pa.field("end", pa.int64()),
                pa.field("kind", pa.string()),
                pa.field("kept", pa.bool_()),
                pa.field("decided_by", pa.string()),
                pa.field("reason", pa.string()),
            ]
        )
        fields.append(pa.field("blocks", pa.list_(block)))
    return pa.schema(fields)


def write_parquet(path: Path, rows: Sequence[dict[str, Any]], with_blocks: bool) -> None:
    """Write ``rows`` as one Parquet file (a part)."""
    pa = _pyarrow()
    schema = output_schema(with_blocks)
    prepared = [{**r, "discarded": list(r["discarded"].items())} for r in rows]
    table = pa.Table.from_pylist(prepared, schema=schema)
    pa.parquet.write_table(table, path)


def merge_parquet(parts: Sequence[Path], target: Path, with_blocks: bool) -> None:
    """Concatenate part files into ``target``, one part in memory at a time."""
    pa = _pyarrow()
    schema = output_schema(with_blocks)
    with pa.parquet.ParquetWriter(target, schema) as writer:
        for part in parts:
            writer.write_table(pa.parquet.read_table(part, schema=schema))
