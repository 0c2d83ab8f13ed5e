"""Bad records of every kind go to the errors file; every record appears exactly once."""

from __future__ import annotations

import gzip
import json
import os
from pathlib import Path

import pytest

import cleannews
from cleannews.batch import BatchOptions, run_batch
from test_batch_support import (
    CRASH_MARK,
    RAISE_MARK,
    faulty_pipeline,
    read_jsonl,
    text_page,
    write_jsonl,
)

#: Over the default Limits.max_input_chars (50 million), as in the issue's fault test.
HUGE_CHARS = 60_000_000


def _junk_line() -> bytes:
    return os.urandom(2000).replace(b"\n", b"\x00") + b"\n"


def test_every_kind_of_bad_record_is_an_error_with_its_id(tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    write_jsonl(src, [
        {"id": "good-0", "text": text_page(0)},
        _junk_line(),                                            # line 2: binary junk
        b"\n",                                                   # line 3: blank line
        b'{"id": "broken", "text": \n',                          # line 4: invalid JSON
        {"id": "empty", "text": ""},
        {"id": "huge", "text": "a" * HUGE_CHARS},
        {"id": "raises", "text": text_page(1, extra=RAISE_MARK)},
        [1, 2],                                                  # line 8: not an object
        {"id": "nofield", "body": "x"},
        {"id": "number", "text": 42},
        {"id": "good-1", "text": text_page(2)},
    ])
    folder = tmp_path / "pages"
    folder.mkdir()
    (folder / "junk.html").write_bytes(os.urandom(3000))
    (folder / "ok.txt").write_text(text_page(3), "utf-8")

    summary = run_batch(BatchOptions([src, folder], tmp_path / "out.jsonl", workers=1,
                                     pipeline_factory=faulty_pipeline))

    rows = read_jsonl(tmp_path / "out.jsonl")
    errors = {e["id"]: e for e in read_jsonl(tmp_path / "out.errors.jsonl")}
    assert [r["id"] for r in rows] == ["good-0", "empty", "good-1", "ok.txt"]
    assert rows[1]["text"] == ""
    assert errors[f"{src}:2"]["error"] in ("UnicodeDecodeError", "JSONDecodeError")
    assert errors[f"{src}:3"]["error"] == "JSONDecodeError"
    assert errors[f"{src}:4"]["error"] == "JSONDecodeError"
    assert errors["huge"]["error"] == "InputTooLargeError"
    assert errors["raises"]["error"] == "DetectorError"
    assert "boom on purpose" in errors["raises"]["reason"]
    assert errors[f"{src}:8"]["error"] == "RecordError"
    assert "no 'text' or 'html' field" in errors["nofield"]["reason"]
    assert "int" in errors["number"]["reason"]
    assert errors["junk.html"]["error"] == "DecodeError"
    assert len(errors) == 9
    assert all(e["reason"] and e["position"] for e in errors.values())
    t = summary.total
    assert (t.records, t.cleaned, t.empty, t.failed) == (13, 3, 1, 9)


def test_truncated_gzip_keeps_what_was_read_and_records_the_break(tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl.gz"
    data = gzip.compress(
        "".join(json.dumps({"id": f"d{i}", "text": text_page(i)}) + "\n" for i in range(40))
        .encode()
    )
    src.write_bytes(data[: len(data) * 2 // 3])
    run_batch(BatchOptions([src], tmp_path / "out.jsonl", workers=1))
    rows = read_jsonl(tmp_path / "out.jsonl")
    errors = read_jsonl(tmp_path / "out.errors.jsonl")
    assert 0 < len(rows) < 40
    assert [r["id"] for r in rows] == [f"d{i}" for i in range(len(rows))]
    assert len(errors) == 1
    assert "broken after line" in errors[0]["reason"]


def test_a_worker_that_dies_loses_only_its_record(tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    ids = [f"d{i}" for i in range(9)]
    rows_in = [{"id": i, "text": text_page(n)} for n, i in enumerate(ids)]
    rows_in.insert(5, {"id": "crash", "text": text_page(99, extra=CRASH_MARK)})
    write_jsonl(src, rows_in)
    summary = run_batch(BatchOptions([src], tmp_path / "out.jsonl", workers=2, chunk_records=3,
                                     pipeline_factory=faulty_pipeline))
    rows = read_jsonl(tmp_path / "out.jsonl")
    errors = read_jsonl(tmp_path / "out.errors.jsonl")
    assert [r["id"] for r in rows] == ids
    assert [(e["id"], e["error"]) for e in errors] == [("crash", "WorkerCrashed")]
    assert summary.total.records == 10
    for n, row in enumerate(rows):
        assert row["text"] == cleannews.clean(text_page(n)).text


@pytest.mark.parametrize("workers", [1, 2])
def test_exactly_once_in_input_order_whatever_the_workers(tmp_path: Path, workers: int) -> None:
    src = tmp_path / "in.jsonl"
    lines: list[dict[str, object] | bytes] = []
    for i in range(30):
        lines.append(b"{oops\n" if i % 7 == 3 else {"id": f"d{i}", "text": text_page(i)})
    write_jsonl(src, lines)
    run_batch(BatchOptions([src], tmp_path / "out.jsonl", workers=workers, chunk_records=4))
    rows = read_jsonl(tmp_path / "out.jsonl")
    errors = read_jsonl(tmp_path / "out.errors.jsonl")
    assert [r["id"] for r in rows] == [f"d{i}" for i in range(30) if i % 7 != 3]
    assert [e["id"] for e in errors] == [f"{src}:{i + 1}" for i in range(30) if i % 7 == 3]
