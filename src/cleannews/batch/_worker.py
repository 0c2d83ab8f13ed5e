"""Clean one chunk of records: runs in a worker process (or in-process with one worker).

Every record is caught on its own: whatever one record raises (invalid JSON,
undecodable bytes, a page over the limit, a failing detector, a plain bug)
becomes an error row with its id and reason, and the chunk goes on. A record
is therefore always in exactly one of the chunk's two lists.
"""

from __future__ import annotations

import functools
import json
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .._pipeline import InputFormat, Pipeline
from .._settings import Precision
from ._records import FieldMap, RawRecord
from ._rows import error_row, output_row


@dataclass(frozen=True)
class PipelineSpec:
    """How a worker builds its pipeline: hashable and picklable, built once per process.

    ``factory`` (a module-level function, so it pickles) replaces the default
    construction, e.g. for a pipeline with an extra detector.
    """

    precision: Precision = "balanced"
    disable: tuple[str, ...] = ()
    factory: Callable[[], Pipeline] | None = None


@functools.lru_cache(maxsize=4)
def pipeline_for(spec: PipelineSpec) -> Pipeline:
    """The pipeline of ``spec``, built once per process (a Pipeline is immutable)."""
    if spec.factory is not None:
        return spec.factory()
    return Pipeline(disable=spec.disable, precision=spec.precision)


@dataclass(frozen=True)
class ChunkSpec:
    """What every chunk needs besides its records."""

    pipeline: PipelineSpec
    fields: FieldMap
    format: InputFormat = "auto"
    with_blocks: bool = False


@dataclass
class ChunkStats:
    """Counts of one chunk (or of a whole run, summed)."""

    records: int = 0
    cleaned: int = 0
    empty: int = 0
    failed: int = 0
    discarded: dict[str, int] = field(default_factory=dict)

    def add(self, other: ChunkStats) -> None:
        self.records += other.records
        self.cleaned += other.cleaned
        self.empty += other.empty
        self.failed += other.failed
        counts = Counter(self.discarded)
        counts.update(other.discarded)
        self.discarded = dict(counts)

    def to_json(self) -> dict[str, Any]:
        return {"records": self.records, "cleaned": self.cleaned, "empty": self.empty,
                "failed": self.failed, "discarded": self.discarded}

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> ChunkStats:
        return cls(int(data["records"]), int(data["cleaned"]), int(data["empty"]),
                   int(data["failed"]), {str(k): int(v) for k, v in data["discarded"].items()})


@dataclass
class ChunkResult:
    """Rows of one chunk, in input order, and their counts."""

    rows: list[dict[str, Any]] = field(default_factory=list)
    errors: list[dict[str, Any]] = field(default_factory=list)
    stats: ChunkStats = field(default_factory=ChunkStats)


class RecordError(Exception):
    """A record is not a page as the field mapping expects (missing or mistyped field)."""


def _object_of(record: RawRecord) -> Mapping[str, Any] | None:
    """The parsed record for ``json`` and ``fields`` records, else ``None``."""
    if record.kind == "json":
        assert isinstance(record.payload, bytes)
        obj = json.loads(record.payload)
        if not isinstance(obj, dict):
            raise RecordError(f"a JSON {type(obj).__name__}, not an object")
        return obj
    if record.kind == "fields":
        assert isinstance(record.payload, dict)
        return record.payload
    return None


def _page_of(record: RawRecord, spec: ChunkSpec) -> tuple[str | bytes, InputFormat]:
    """(page, format) of a ``page`` or ``file`` record."""
    forced = spec.format
    form = forced if forced != "auto" else _form(record.format)
    if record.kind == "page":
        assert isinstance(record.payload, (str, bytes))
        return record.payload, form
    return Path(str(record.payload)).read_bytes(), form


def _form(value: str | None) -> InputFormat:
    return "html" if value == "html" else "text" if value == "text" else "auto"


def _id_of(obj: Mapping[str, Any], spec: ChunkSpec) -> str | None:
    value = obj.get(spec.fields.id)
    return None if value is None else str(value)


def _mapped(
    obj: Mapping[str, Any], spec: ChunkSpec
) -> tuple[str | None, str | bytes, InputFormat]:
    """(url, page, format) of a parsed record, by the field mapping."""
    fields = spec.fields
    url = obj.get(fields.url)
    url = None if url is None else str(url)
    html = obj.get(fields.html)
    if isinstance(html, (str, bytes)) and html:
        return url, html, spec.format if spec.format != "auto" else "html"
    text = obj.get(fields.text)
    if isinstance(text, (str, bytes)):
        return url, text, spec.format
    if text is None and html is None:
        raise RecordError(
            f"no {fields.text!r} or {fields.html!r} field (fields: "
            f"{', '.join(sorted(map(str, obj))) or 'none'}); map yours with "
            "--text-field/--html-field"
        )
    found = text if text is not None else html
    raise RecordError(f"the page field holds a {type(found).__name__}, not a string")


def _known_id(record: RawRecord, spec: ChunkSpec) -> str | None:
    """The record's id for an error row, when it can still be had."""
    if record.id is not None:
        return record.id
    if record.kind == "fields" and isinstance(record.payload, dict):
        value = record.payload.get(spec.fields.id)
        return None if value is None else str(value)
    return None


def salvage_id(record: RawRecord, spec: ChunkSpec) -> str | None:
    """The record's id, parsing a JSONL line if need be (for a record that killed its worker)."""
    known = _known_id(record, spec)
    if known is not None or record.kind != "json":
        return known
    try:
        obj = json.loads(record.payload)  # type: ignore[arg-type]
        value = obj.get(spec.fields.id) if isinstance(obj, dict) else None
    except Exception:
        return None
    return None if value is None else str(value)


def clean_records(spec: ChunkSpec, records: Sequence[RawRecord]) -> ChunkResult:
    """Clean ``records``; every one ends up in ``rows`` or in ``errors``."""
    pipeline = pipeline_for(spec.pipeline)
    out = ChunkResult()
    stats = out.stats
    discarded: Counter[str] = Counter()
    for record in records:
        stats.records += 1
        record_id = _known_id(record, spec)
        if record.kind == "error":
            out.errors.append(error_row(record_id, record.position,
                                        record.error_type or "InputError", str(record.payload)))
            stats.failed += 1
            continue
        try:
            obj = _object_of(record)
            if obj is None:
                url = record.url
                page, form = _page_of(record, spec)
            else:
                record_id = _id_of(obj, spec)
                url, page, form = _mapped(obj, spec)
            result = pipeline.clean(page, url=url, format=form)
            row = output_row(result, record_id if record_id is not None else record.position,
                             url, spec.with_blocks)
        except Exception as exc:  # per record, by design: nothing is lost
            out.errors.append(
                error_row(record_id, record.position, type(exc).__name__, str(exc) or repr(exc))
            )
            stats.failed += 1
            continue
        out.rows.append(row)
        if result.text:
            stats.cleaned += 1
        else:
            stats.empty += 1
        discarded.update(row["discarded"])
    stats.discarded = dict(discarded)
    return out
