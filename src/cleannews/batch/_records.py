"""What flows from the readers to the workers: one light, picklable record per input.

Readers do as little as they can in the parent process (a JSONL line stays
bytes, a folder entry stays a path): parsing and decoding happen in the
workers, so the parent never becomes the bottleneck and a bad record fails
where it is caught and written down, per record.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, NamedTuple

#: How a record's payload is to be read by the worker.
#: ``json``: a JSONL line (bytes), parsed with the field mapping;
#: ``fields``: a mapping already parsed (a Parquet row);
#: ``page``: the page itself (str or bytes), with id and url already known;
#: ``file``: a path to a page file, read by the worker;
#: ``error``: the reader could not produce the record; payload is the reason.
PayloadKind = Literal["json", "fields", "page", "file", "error"]


class RawRecord(NamedTuple):
    """One input record as read, before any parsing that could fail."""

    #: Position of the record across all inputs (0-based): chunks are cut on it.
    seq: int
    #: Where the record comes from, e.g. ``corpus.jsonl:12`` (1-based line).
    position: str
    kind: PayloadKind
    payload: object
    #: Id and URL when the reader knows them (WARC headers, file names).
    id: str | None = None
    url: str | None = None
    #: ``text``/``html`` when the reader knows the form (WARC, file suffix).
    format: str | None = None
    #: Error type name for ``kind == "error"``.
    error_type: str | None = None


@dataclass(frozen=True)
class FieldMap:
    """Which fields of a JSONL or Parquet record hold what.

    Defaults follow the common corpus layouts (FineWeb, C4, CC-derived HTML
    dumps): ``text`` for plain text, ``html`` for markup, ``id`` and ``url``.
    When a record has a non-empty HTML field it is read as HTML; otherwise
    its text field is used.
    """

    text: str = "text"
    html: str = "html"
    id: str = "id"
    url: str = "url"

    @property
    def columns(self) -> tuple[str, ...]:
        """The fields a reader needs to keep (in this order)."""
        return (self.id, self.url, self.text, self.html)



@dataclass
class Tally:
    """Records a reader passes over on purpose (WARC requests, warcinfo …), for the summary."""

    skipped: int = 0


#: What a reader yields: a record (``seq`` still unset, -1) and how many bytes
#: of its input file have been consumed so far (for the progress bar's ETA).
ReadItem = tuple[RawRecord, int]
