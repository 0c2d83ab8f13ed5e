"""The output and error rows: one flat record per input, the same for every format.

Output fields: id, url, text, title, byline, date, language, format, and
``discarded`` (discarded blocks per kind); with ``--with-blocks`` also the
block list (text, span, kind, kept, and the code and reason that decided).
Error fields: id (the record's id, else its position), position, error (the
exception's type name) and reason.
"""

from __future__ import annotations

from typing import Any

from .._models import CleanResult


def output_row(
    result: CleanResult, record_id: str, url: str | None, with_blocks: bool
) -> dict[str, Any]:
    """The output row of one cleaned page."""
    row: dict[str, Any] = {
        "id": record_id,
        "url": url,
        "text": result.text,
        "title": result.title,
        "byline": result.byline,
        "date": result.date,
        "language": result.language,
        "format": result.format,
        "discarded": result.discarded_counts(),
    }
    if with_blocks:
        row["blocks"] = [
            {
                "index": b.index,
                "text": b.text,
                "start": b.start,
                "end": b.end,
                "kind": b.kind.value,
                "kept": b.kept,
                "decided_by": b.decided_by,
                "reason": b.reason,
            }
            for b in result.blocks
        ]
    return row


def error_row(record_id: str | None, position: str, error: str, reason: str) -> dict[str, Any]:
    """The errors-file row of a record that could not be cleaned."""
    return {"id": record_id if record_id is not None else position, "position": position,
            "error": error, "reason": reason}
