"""Every input and output format of ``cleannews batch``, on small files made here."""

from __future__ import annotations

import gzip
import io
import json
from pathlib import Path
from typing import Any

import pytest

import cleannews
from cleannews.batch import BatchOptions, FieldMap, run_batch
from test_batch_support import html_page, read_jsonl, text_page, write_jsonl

N_PAGES = 6


def _rows() -> list[dict[str, Any]]:
    return [{"id": f"doc-{i}", "url": f"https://example.org/{i}", "text": text_page(i)}
            for i in range(N_PAGES)]


def _run(inputs: list[Path], output: Path, **kw: Any) -> list[dict[str, Any]]:
    summary = run_batch(BatchOptions(inputs, output, workers=1, **kw))
    assert summary.total.records == N_PAGES
    assert summary.total.failed == 0
    if output.suffix == ".parquet":
        pq = pytest.importorskip("pyarrow.parquet")
        rows: list[dict[str, Any]] = pq.read_table(output).to_pylist()
        for row in rows:
            row["discarded"] = dict(row["discarded"])
        return rows
    return read_jsonl(output)


def _check_text_rows(rows: list[dict[str, Any]]) -> None:
    """Rows in input order, each equal to cleaning the page on its own."""
    assert [r["id"] for r in rows] == [f"doc-{i}" for i in range(N_PAGES)]
    for i, row in enumerate(rows):
        expected = cleannews.clean(text_page(i), url=f"https://example.org/{i}")
        assert row["text"] == expected.text
        assert row["title"] == expected.title
        assert row["byline"] == expected.byline
        assert row["discarded"] == expected.discarded_counts()
        assert row["url"] == f"https://example.org/{i}"
        assert "months of repairs" in row["text"]
        assert "Share on Facebook" not in row["text"]


def test_plain_jsonl_to_jsonl(tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    write_jsonl(src, _rows())
    rows = _run([src], tmp_path / "out.jsonl")
    _check_text_rows(rows)
    assert set(rows[0]) == {"id", "url", "text", "title", "byline", "date", "language",
                            "format", "discarded"}
    assert (tmp_path / "out.errors.jsonl").read_text() == ""
    assert not (tmp_path / "out.jsonl.parts").exists()


def test_gzip_jsonl(tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl.gz"
    with gzip.open(src, "wt", encoding="utf-8") as f:
        for row in _rows():
            f.write(json.dumps(row) + "\n")
    _check_text_rows(_run([src], tmp_path / "out.jsonl"))


def test_zstd_jsonl(tmp_path: Path) -> None:
    zstandard = pytest.importorskip("zstandard")
    src = tmp_path / "in.jsonl.zst"
    data = "".join(json.dumps(r) + "\n" for r in _rows()).encode()
    # Two frames: concatenated .zst files are common (sharded dumps joined).
    half = len(data) // 2
    cctx = zstandard.ZstdCompressor()
    src.write_bytes(cctx.compress(data[:half]) + cctx.compress(data[half:]))
    _check_text_rows(_run([src], tmp_path / "out.jsonl"))


def test_parquet_in_and_out_with_blocks(tmp_path: Path) -> None:
    pa = pytest.importorskip("pyarrow")
    pq = pytest.importorskip("pyarrow.parquet")
    src = tmp_path / "in.parquet"
    table = pa.Table.from_pylist([{**r, "other": 1} for r in _rows()])
    pq.write_table(table, src, row_group_size=4)
    rows = _run([src], tmp_path / "out.parquet", with_blocks=True)
    assert pq.read_schema(tmp_path / "out.parquet").field("discarded").type == pa.map_(
        pa.string(), pa.int64()
    )
    for row in rows:
        kept = [b["text"] for b in row.pop("blocks") if b["kept"]]
        assert "\n\n".join(kept) == row["text"]
    _check_text_rows(rows)


def test_field_mapping_and_html_field(tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    write_jsonl(src, [{"key": f"doc-{i}", "link": f"https://example.org/{i}",
                       "raw": html_page(i)} for i in range(N_PAGES)])
    fields = FieldMap(text="body", html="raw", id="key", url="link")
    rows = _run([src], tmp_path / "out.jsonl", fields=fields)
    assert [r["id"] for r in rows] == [f"doc-{i}" for i in range(N_PAGES)]
    for i, row in enumerate(rows):
        assert row["format"] == "html"
        assert row["text"] == cleannews.clean(html_page(i), format="html").text
        assert "months of repairs" in row["text"]
        assert "© 2026" not in row["text"]


def test_folder_of_pages(tmp_path: Path) -> None:
    folder = tmp_path / "pages"
    (folder / "sub").mkdir(parents=True)
    for i in range(N_PAGES // 2):
        (folder / f"p{i}.txt").write_text(text_page(i), "utf-8")
        (folder / "sub" / f"h{i}.html").write_text(html_page(i), "utf-8")
    (folder / "notes.md").write_text("not a page")
    rows = _run([folder], tmp_path / "out.jsonl")
    assert sorted(r["id"] for r in rows) == sorted(
        [f"p{i}.txt" for i in range(3)] + [f"sub/h{i}.html" for i in range(3)]
    )
    forms = {r["id"]: r["format"] for r in rows}
    assert forms["p0.txt"] == "text"
    assert forms["sub/h0.html"] == "html"


def _warc(path: Path, conversion: bool) -> None:
    warcio = pytest.importorskip("warcio")
    from warcio.statusandheaders import StatusAndHeaders  # type: ignore[import-untyped, import-not-found, unused-ignore]
    from warcio.warcwriter import WARCWriter  # type: ignore[import-untyped, import-not-found, unused-ignore]

    assert warcio
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=True)
        writer.write_record(writer.create_warcinfo_record("x.warc.gz", {"software": "test"}))
        for i in range(N_PAGES):
            uri = f"https://example.org/{i}"
            if conversion:
                record = writer.create_warc_record(
                    uri, "conversion", payload=io.BytesIO(text_page(i).encode()),
                    warc_content_type="text/plain",
                )
            else:
                writer.write_record(writer.create_warc_record(uri, "request",
                                                              payload=io.BytesIO(b"GET /")))
                headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")],
                                           protocol="HTTP/1.1")
                record = writer.create_warc_record(
                    uri, "response", payload=io.BytesIO(html_page(i).encode()),
                    http_headers=headers,
                )
            writer.write_record(record)


@pytest.mark.parametrize("conversion", [False, True], ids=["warc", "wet"])
def test_warc_and_wet(tmp_path: Path, conversion: bool) -> None:
    src = tmp_path / ("in.warc.wet.gz" if conversion else "in.warc.gz")
    _warc(src, conversion)
    summary = run_batch(BatchOptions([src], tmp_path / "out.jsonl", workers=1))
    # warcinfo (and requests) are not pages: skipped and counted, not errors.
    assert summary.skipped_non_pages == (1 if conversion else 1 + N_PAGES)
    rows = read_jsonl(tmp_path / "out.jsonl")
    assert [r["url"] for r in rows] == [f"https://example.org/{i}" for i in range(N_PAGES)]
    assert all(r["id"].startswith("<urn:uuid:") for r in rows)
    assert {r["format"] for r in rows} == {"text" if conversion else "html"}
    assert all("months of repairs" in r["text"] for r in rows)


def test_unknown_input_suffix_fails_before_any_work(tmp_path: Path) -> None:
    src = tmp_path / "in.csv"
    src.write_text("id,text\n")
    with pytest.raises(cleannews.ConfigError, match="cannot tell how to read"):
        run_batch(BatchOptions([src], tmp_path / "out.jsonl", workers=1))
    assert not (tmp_path / "out.jsonl.parts").exists()


def test_parquet_bad_rows_are_errors_with_their_ids(tmp_path: Path) -> None:
    pa = pytest.importorskip("pyarrow")
    pq = pytest.importorskip("pyarrow.parquet")
    src = tmp_path / "in.parquet"
    table = pa.table({
        "id": ["ok", "null", "junk", None],
        "text": [text_page(1).encode(), None, bytes(range(256)) * 20, text_page(2).encode()],
    })
    pq.write_table(table, src)
    run_batch(BatchOptions([src], tmp_path / "out.jsonl", workers=1))
    rows = read_jsonl(tmp_path / "out.jsonl")
    errors = read_jsonl(tmp_path / "out.errors.jsonl")
    # Bytes columns are decoded like page files; a row without an id gets its position.
    assert [r["id"] for r in rows] == ["ok", f"{src}#3"]
    assert "months of repairs" in rows[1]["text"]
    assert [(e["id"], e["error"]) for e in errors] == [("null", "RecordError"),
                                                        ("junk", "DecodeError")]


def test_warc_other_content_types_and_a_truncated_archive(tmp_path: Path) -> None:
    pytest.importorskip("warcio")
    from warcio.statusandheaders import StatusAndHeaders  # type: ignore[import-untyped, import-not-found, unused-ignore]
    from warcio.warcwriter import WARCWriter  # type: ignore[import-untyped, import-not-found, unused-ignore]

    src = tmp_path / "in.warc.gz"
    with src.open("wb") as out:
        writer = WARCWriter(out, gzip=True)
        for i, ctype in enumerate(["text/html", "image/png", "text/html", "text/html"]):
            headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
            body = html_page(i).encode() if ctype == "text/html" else b"\x89PNG...."
            writer.write_record(writer.create_warc_record(
                f"https://example.org/{i}", "response", payload=io.BytesIO(body),
                http_headers=headers,
            ))
    data = src.read_bytes()
    src.write_bytes(data[: len(data) - 200])  # the last record cut short
    run_batch(BatchOptions([src], tmp_path / "out.jsonl", workers=1))
    rows = read_jsonl(tmp_path / "out.jsonl")
    errors = read_jsonl(tmp_path / "out.errors.jsonl")
    assert [r["url"] for r in rows] == ["https://example.org/0", "https://example.org/2"]
    assert "image/png" in errors[0]["reason"]
    assert [e["error"] for e in errors] == ["UnsupportedContentType", "TruncatedRecord"]
    assert errors[1]["id"].startswith("<urn:uuid:")
