"""A run killed with SIGKILL mid-way resumes without duplicates or losses.

The killed run is a real subprocess (two workers, a detector that sleeps a
little per page so the kill lands mid-run); the resumed output must equal,
byte for byte, the output of an uninterrupted run.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

import cleannews
from cleannews.batch import BatchOptions, run_batch
from cleannews.cli import main
from test_batch_support import RAISE_MARK, faulty_slow_pipeline, read_jsonl, text_page, write_jsonl

N_RECORDS = 120
CHUNK_RECORDS = 5
#: Per page, in the killed run only: 120 pages take ≥ 1.2 s on two workers,
#: ample time to see three chunks committed and kill the run before the end.
SLOW_MS = 20

_SCRIPT = """
import sys
from pathlib import Path
sys.path.insert(0, {tests!r})
from cleannews.batch import BatchOptions, run_batch
from test_batch_support import faulty_slow_pipeline
run_batch(BatchOptions([Path({src!r})], Path({out!r}), workers=2, chunk_records={chunk},
                       pipeline_factory=faulty_slow_pipeline))
"""


#: Over the default Limits.max_input_chars (50 million), as in the issue's fault test.
HUGE_CHARS = 60_000_000


def _corpus(path: Path, huge: bool = False) -> None:
    lines: list[dict[str, object] | bytes] = []
    for i in range(N_RECORDS):
        if i == 40 and huge:
            lines.append({"id": "huge", "text": "a" * HUGE_CHARS})
        elif i == 41:
            lines.append({"id": "empty", "text": ""})
        elif i % 17 == 5:
            lines.append(b"\xff\xfe not json \x00\n")
        elif i % 23 == 7:
            lines.append({"id": f"d{i}", "text": text_page(i, extra=RAISE_MARK)})
        else:
            lines.append({"id": f"d{i}", "text": text_page(i)})
    write_jsonl(path, lines)


def _options(src: Path, out: Path, **kw: object) -> BatchOptions:
    return BatchOptions([src], out, chunk_records=CHUNK_RECORDS,
                        pipeline_factory=faulty_slow_pipeline, **kw)  # type: ignore[arg-type]


def test_sigkill_then_resume_equals_an_uninterrupted_run(tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    _corpus(src, huge=True)
    out = tmp_path / "out.jsonl"
    parts = tmp_path / "out.jsonl.parts"
    script = _SCRIPT.format(tests=str(Path(__file__).parent), src=str(src), out=str(out),
                            chunk=CHUNK_RECORDS)
    proc = subprocess.Popen(
        [sys.executable, "-c", script], start_new_session=True,
        env={**os.environ, "CLEANNEWS_TEST_SLOW_MS": str(SLOW_MS)},
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )
    deadline = time.monotonic() + 60
    try:
        while time.monotonic() < deadline and proc.poll() is None:
            if parts.exists() and len(list(parts.glob("*.out.jsonl"))) >= 3:
                break
            time.sleep(0.01)
    finally:
        # The whole session: the parent and its worker processes.
        os.killpg(proc.pid, signal.SIGKILL)
        _, stderr = proc.communicate(timeout=30)
    assert proc.returncode == -signal.SIGKILL, stderr.decode()
    done_before = len(list(parts.glob("*.out.jsonl")))
    assert 3 <= done_before < N_RECORDS // CHUNK_RECORDS
    assert not out.exists()

    summary = run_batch(_options(src, out, workers=1, resume=True))
    assert summary.resumed_chunks == done_before
    assert summary.this_run_records == N_RECORDS - done_before * CHUNK_RECORDS
    assert summary.total.records == N_RECORDS
    assert not parts.exists()

    reference = tmp_path / "ref.jsonl"
    run_batch(_options(src, reference, workers=1))
    assert out.read_bytes() == reference.read_bytes()
    assert (tmp_path / "out.errors.jsonl").read_bytes() == (
        tmp_path / "ref.errors.jsonl"
    ).read_bytes()

    rows = read_jsonl(out)
    errors = read_jsonl(tmp_path / "out.errors.jsonl")
    ids = [r["id"] for r in rows] + [e["id"] for e in errors]
    assert len(ids) == len(set(ids)) == N_RECORDS
    assert {e["error"] for e in errors} == {"DetectorError", "JSONDecodeError",
                                            "InputTooLargeError"}
    assert next(r for r in rows if r["id"] == "empty")["text"] == ""


def test_an_unfinished_run_needs_resume_and_the_same_options(tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    write_jsonl(src, [{"id": f"d{i}", "text": text_page(i)} for i in range(3)])
    out = tmp_path / "out.jsonl"
    parts = tmp_path / "out.jsonl.parts"
    # An unfinished run: its manifest written, no chunk committed yet.
    from cleannews.batch._parts import PartsDir
    from cleannews.batch._run import _manifest

    PartsDir(parts, "jsonl", False).start(_manifest(BatchOptions([src], out)), resume=False)
    with pytest.raises(cleannews.ConfigError, match="--resume"):
        run_batch(BatchOptions([src], out, workers=1))
    with pytest.raises(cleannews.ConfigError, match="with_blocks"):
        run_batch(BatchOptions([src], out, workers=1, resume=True, with_blocks=True))
    run_batch(BatchOptions([src], out, workers=1, resume=True))
    assert [r["id"] for r in read_jsonl(out)] == ["d0", "d1", "d2"]


def test_cli_batch_summary_and_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "in.jsonl"
    write_jsonl(src, [{"id": "a", "text": text_page(1)}, b"nope\n", {"id": "b", "text": ""}])
    out = tmp_path / "clean.jsonl"
    errors = tmp_path / "bad.jsonl"
    assert main(["batch", str(src), "-o", str(out), "--errors", str(errors),
                 "--workers", "1", "--with-blocks"]) == 0
    err = capsys.readouterr().err
    assert "records in: 3   cleaned: 1   empty: 1   failed: 1" in err
    assert "docs/s" in err
    assert "discarded blocks:" in err
    assert [r["id"] for r in read_jsonl(out)] == ["a", "b"]
    assert "blocks" in read_jsonl(out)[0]
    assert [e["error"] for e in read_jsonl(errors)] == ["JSONDecodeError"]


def test_cli_batch_usage_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "in.txt.gz"
    src.write_bytes(b"")
    assert main(["batch", str(src), "-o", str(tmp_path / "o.jsonl")]) == 1
    assert "cannot tell how to read" in capsys.readouterr().err
    ok = tmp_path / "in.jsonl"
    ok.write_text("")
    assert main(["batch", str(ok), "-o", str(tmp_path / "o.csv")]) == 1
    assert "output format" in capsys.readouterr().err
    assert main(["batch", str(ok), "-o", str(tmp_path / "o.jsonl"), "--workers", "0"]) == 1
    assert main(["batch", str(ok), "-o", str(tmp_path / "o.jsonl"), "--disable", "nope"]) == 1
    assert "unknown detector" in capsys.readouterr().err


_INTERRUPTIBLE = """
import sys
from pathlib import Path
sys.path.insert(0, {tests!r})
from cleannews.batch import BatchOptions, run_batch
from test_batch_support import faulty_slow_pipeline
try:
    run_batch(BatchOptions([Path({src!r})], Path({out!r}), workers=2, chunk_records={chunk},
                           pipeline_factory=faulty_slow_pipeline))
except KeyboardInterrupt:
    sys.exit(130)
"""


def test_ctrl_c_stops_cleanly_and_resume_finishes(tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    _corpus(src)
    out = tmp_path / "out.jsonl"
    parts = tmp_path / "out.jsonl.parts"
    script = _INTERRUPTIBLE.format(tests=str(Path(__file__).parent), src=str(src),
                                   out=str(out), chunk=CHUNK_RECORDS)
    proc = subprocess.Popen(
        [sys.executable, "-c", script], start_new_session=True,
        env={**os.environ, "CLEANNEWS_TEST_SLOW_MS": str(SLOW_MS)},
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and proc.poll() is None:
        if parts.exists() and len(list(parts.glob("*.out.jsonl"))) >= 2:
            break
        time.sleep(0.01)
    # As a terminal does: SIGINT to the whole process group, workers included.
    os.killpg(proc.pid, signal.SIGINT)
    try:
        _, stderr = proc.communicate(timeout=30)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
    assert proc.returncode == 130, stderr.decode()
    assert b"Traceback" not in stderr
    assert not out.exists()
    # Chunks in flight were finished and committed: no temporary files left.
    assert not list(parts.glob(".*.tmp"))
    done_before = len(list(parts.glob("*.out.jsonl")))
    assert done_before >= 2

    summary = run_batch(_options(src, out, workers=1, resume=True))
    assert summary.resumed_chunks == done_before
    rows = read_jsonl(out)
    errors = read_jsonl(tmp_path / "out.errors.jsonl")
    ids = [r["id"] for r in rows] + [e["id"] for e in errors]
    assert len(ids) == len(set(ids)) == N_RECORDS
