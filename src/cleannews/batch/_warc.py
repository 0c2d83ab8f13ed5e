"""WARC and WET input (``.warc``, ``.warc.gz``, ``.wet``, ``.warc.wet.gz``) via warcio.

A WARC file holds records that are not pages (``warcinfo``, ``request``,
``metadata``, ``revisit``): those are skipped, and counted. ``response`` and
``resource`` records are pages when their content type is HTML or text; any
other content type (an image, a PDF) becomes an error record, so that nothing
that looked like a document disappears without a line. WET ``conversion``
records are text dumps.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from .._errors import ConfigError
from ._records import RawRecord, ReadItem, Tally

WARC_SUFFIXES = (".warc", ".warc.gz", ".wet", ".wet.gz", ".arc.gz")
_PAGE_TYPES = ("response", "resource", "conversion")
_TEXT_TYPES = ("text/plain",)
_HTML_TYPES = ("text/html", "application/xhtml+xml")


def is_warc(path: Path) -> bool:
    """``.warc``, ``.wet`` or ``.arc``, optionally gzipped."""
    return path.name.lower().endswith(WARC_SUFFIXES)


def _content_type(record: Any) -> str:
    if record.rec_type == "response" and record.http_headers is not None:
        value = record.http_headers.get_header("Content-Type") or ""
    else:
        value = record.rec_headers.get_header("Content-Type") or ""
    return str(value).split(";", 1)[0].strip().lower()


def read_warc(path: Path, tally: Tally) -> Iterator[ReadItem]:
    """Page records of ``path``; ``tally.skipped`` counts the non-page records passed over."""
    try:
        from warcio.archiveiterator import ArchiveIterator  # type: ignore[import-untyped, import-not-found, unused-ignore]
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise ConfigError(
            f"{path}: reading WARC needs the 'warcio' package (pip install 'cleannews[batch]')"
        ) from exc
    n = 0
    raw: IO[bytes]
    with path.open("rb") as raw:
        records = ArchiveIterator(raw, arc2warc=True)
        try:
            for record in records:
                n += 1
                if record.rec_type not in _PAGE_TYPES:
                    tally.skipped += 1
                    continue
                rid = record.rec_headers.get_header("WARC-Record-ID")
                url = record.rec_headers.get_header("WARC-Target-URI")
                ctype = _content_type(record)
                if record.rec_type == "conversion" or ctype in _TEXT_TYPES:
                    form = "text"
                elif ctype in _HTML_TYPES or not ctype:
                    form = "html"
                else:
                    form = ""
                # The body first: warcio's get_record_offset() reads the
                # record to its end, after which its content stream is empty.
                body = record.content_stream().read() if form else b""
                # warcio returns a short body without complaint when the file
                # ends inside the record; what it still expected tells.
                missing = getattr(record.raw_stream, "limit", 0) if form else 0
                position = f"{path}@{records.get_record_offset()}"
                if missing:
                    yield RawRecord(
                        -1, position, "error",
                        f"record truncated: {missing} byte(s) missing at the end of the file",
                        id=rid, url=url, error_type="TruncatedRecord",
                    ), raw.tell()
                    continue
                if not form:
                    yield RawRecord(
                        -1, position, "error", f"not a page: content type {ctype!r}",
                        id=rid, url=url, error_type="UnsupportedContentType",
                    ), raw.tell()
                    continue
                page = RawRecord(-1, position, "page", body, id=rid, url=url, format=form)
                yield page, raw.tell()
        except Exception as exc:
            # A truncated or corrupt archive: the records read so far stand;
            # the rest of the file is one error record.
            reason = f"archive broken after {n} record(s): {exc}; the rest of the file is unread"
            yield RawRecord(
                -1, f"{path}#{n + 1}", "error", reason, error_type=type(exc).__name__
            ), raw.tell()
