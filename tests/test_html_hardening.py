"""Malformed and hostile HTML: a result or a clear error, in bounded time, never a crash.

Inputs are built here rather than stored: a 50 MB fixture has no place in the
repository. Time bounds are generous (the machine is shared) but far below
what a hang or a quadratic blow-up would take.
"""

from __future__ import annotations

import codecs
import time

import pytest

import cleannews
from cleannews import HTMLTooComplexError
from cleannews._decode import declared_html_charset, decode_html_bytes
from cleannews._segment_html import MAX_ELEMENTS, segment_html

PARAGRAPH = (
    "The harbour wall will be repaired in spring, the council said on Wednesday, after "
    "engineers found that the October storm had undermined a long stretch of the old wall."
)


class Timer:
    def __init__(self, limit_s: float) -> None:
        self.limit_s = limit_s

    def __enter__(self) -> Timer:
        self.start = time.perf_counter()
        return self

    def __exit__(self, *exc: object) -> None:
        elapsed = time.perf_counter() - self.start
        assert elapsed < self.limit_s, f"took {elapsed:.1f} s, limit {self.limit_s} s"


# -- structure -------------------------------------------------------------------


def test_unclosed_tags_still_give_the_text() -> None:
    html = f"<html><body><div><p>{PARAGRAPH}<p>Second paragraph, never closed.<div><b>bold <i>and"
    doc = segment_html(html)
    assert [b.text for b in doc.blocks] == [
        PARAGRAPH,
        "Second paragraph, never closed.",
        "bold and",
    ]


def test_stray_end_tags_and_misnested_inline_markup() -> None:
    html = "</div></p><p>One <b>two <i>three</b> four</i> five.</p></span></body></html>"
    assert [b.text for b in segment_html(html).blocks] == ["One two three four five."]


def test_deep_nesting_is_a_clear_error_not_a_crash() -> None:
    html = "<html><body>" + "<div>" * 100_000 + "deep" + "</div>" * 100_000 + "</body></html>"
    with Timer(5), pytest.raises(HTMLTooComplexError, match="nesting"):
        cleannews.clean(html)


def test_deep_unclosed_inline_nesting_is_a_clear_error() -> None:
    with Timer(5), pytest.raises(cleannews.InputTooLargeError):
        cleannews.clean("<html><body><p>" + "<b>x" * 100_000)


def test_nesting_within_the_parser_limit_is_fine() -> None:
    html = (
        "<html><body>" + "<div>" * 200 + f"<p>{PARAGRAPH}</p>" + "</div>" * 200 + "</body></html>"
    )
    doc = segment_html(html)
    assert [b.text for b in doc.blocks] == [PARAGRAPH]
    assert doc.blocks[0].path is not None and doc.blocks[0].path.count("/div") == 200


def test_too_many_elements_is_a_clear_error() -> None:
    html = "<html><body>" + "<i>x</i>" * (MAX_ELEMENTS + 10) + "</body></html>"
    with Timer(30), pytest.raises(HTMLTooComplexError, match="elements"):
        segment_html(html)


def test_errors_are_input_errors() -> None:
    assert issubclass(HTMLTooComplexError, cleannews.InputTooLargeError)
    assert issubclass(HTMLTooComplexError, cleannews.InputError)


# -- size ------------------------------------------------------------------------


def test_a_50_mb_page_is_refused_with_a_clear_error_at_once() -> None:
    chunk = f"<p>{PARAGRAPH}</p>\n"
    page = ("<html><body>" + chunk * (50 * 2**20 // len(chunk) + 1) + "</body></html>").encode()
    assert len(page) > 50 * 2**20
    with Timer(10), pytest.raises(cleannews.InputTooLargeError, match=r"Limits\.max_input_chars"):
        cleannews.clean(page)


def test_a_large_page_within_the_limits_is_segmented_quickly() -> None:
    chunk = f"<div class='c'><p>{PARAGRAPH}</p><a href='/x'>A link</a></div>\n"
    html = "<html><body>" + chunk * (8 * 2**20 // len(chunk)) + "</body></html>"
    with Timer(30):
        doc = segment_html(html)
    assert len(doc.blocks) > 20_000


def test_a_huge_text_node_is_a_clear_error() -> None:
    # libxml2 refuses text nodes over 10 MB without XML_PARSE_HUGE and would
    # silently drop the rest of the page; we say so instead.
    html = "<html><body><p>" + "word " * 2_200_000 + "</p><p>After.</p></body></html>"
    with Timer(10), pytest.raises(HTMLTooComplexError):
        segment_html(html)


def test_many_inline_elements_in_one_paragraph() -> None:
    html = "<p>" + "<span>x</span>" * 200_000 + "</p>"
    with Timer(10):
        doc = segment_html(html)
    assert len(doc.blocks) == 1 and len(doc.blocks[0].text) == 200_000


# -- bytes and encodings -----------------------------------------------------------


def test_nul_bytes_are_dropped() -> None:
    page = f"<html><body><p>Null\x00 bytes\x00 in {PARAGRAPH}</p></body></html>"
    result = cleannews.clean(page.encode("utf-8"))
    assert "\x00" not in result.source
    assert "Null bytes in" in result.source


def test_declared_charset_is_used() -> None:
    text = (
        "<html><head><meta charset='iso-8859-2'></head>"
        f"<body><p>Zażółć gęślą jaźń. {PARAGRAPH}</p></body></html>"
    )
    result = cleannews.clean(text.encode("iso-8859-2"))
    assert result.encoding == "iso8859-2"
    assert "Zażółć gęślą jaźń" in result.source


def test_http_equiv_and_xml_declarations_are_read() -> None:
    http_equiv = b'<meta http-equiv="Content-Type" content="text/html; charset=windows-1251">'
    assert declared_html_charset(http_equiv) == "cp1251"
    xml = b'<?xml version="1.0" encoding="ISO-8859-15"?><html></html>'
    assert declared_html_charset(xml) == "iso8859-15"
    # Browsers read a Latin-1 label as Windows-1252.
    assert declared_html_charset(b"<meta charset=latin1>") == "cp1252"
    assert declared_html_charset(b"<meta charset=no-such-charset>") is None
    # Only the first 4 KB count.
    assert declared_html_charset(b" " * 5000 + b"<meta charset=koi8-r>") is None


def test_wrong_declared_charset_utf8_bytes_are_read_as_utf8() -> None:
    page = (
        "<html><head><meta charset='iso-8859-1'></head>"
        f"<body><p>Grüße aus Köln. {PARAGRAPH}</p></body></html>"
    )
    text, encoding = decode_html_bytes(page.encode("utf-8"))
    assert encoding == "utf-8"
    assert "Grüße aus Köln" in text


def test_wrong_declared_charset_legacy_bytes_fall_back() -> None:
    page = (
        "<html><head><meta charset='utf-8'></head>"
        f"<body><p>Grüße – „Köln“. {PARAGRAPH}</p></body></html>"
    )
    result = cleannews.clean(page.encode("cp1252"))
    assert result.encoding == "cp1252"
    assert "Grüße – „Köln“" in result.source


def test_broken_utf8_without_declaration_still_decodes() -> None:
    data = b"<html><body><p>" + PARAGRAPH.encode() + b" broken \xff\xfe\x81 bytes</p></body></html>"
    result = cleannews.clean(data)
    assert result.encoding in ("cp1252", "latin-1")
    assert PARAGRAPH in result.source


@pytest.mark.parametrize(
    ("bom", "codec"),
    [
        (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
    ],
)
def test_bom_decides_the_encoding(bom: bytes, codec: str) -> None:
    page = (
        "<html><head><meta charset='iso-8859-1'></head>"
        f"<body><p>Čeština. {PARAGRAPH}</p></body></html>"
    )
    result = cleannews.clean(bom + page.encode(codec))
    assert result.format == "html"
    assert "Čeština." in result.source


def test_utf16_without_bom_is_recognised() -> None:
    page = f"<html><body><p>Ωmega. {PARAGRAPH}</p></body></html>"
    text, encoding = decode_html_bytes(page.encode("utf-16-le"))
    assert encoding == "utf-16-le"
    assert "Ωmega." in text


def test_binary_data_is_a_decode_error() -> None:
    data = bytes(range(256)) * 64
    with pytest.raises(cleannews.DecodeError):
        cleannews.clean(data, format="html")


# -- odd but valid inputs -------------------------------------------------------------


@pytest.mark.parametrize(
    "page",
    [
        "",
        "   ",
        "<html></html>",
        "<!-- only a comment -->",
        "<html><body><script>only script</script></body></html>",
        '<?xml version="1.0" encoding="utf-8"?><html><body><p>XHTML.</p></body></html>',
        "<frameset><frame src='a.html'></frameset>",
        "<html><body>&#0; &#xD800; &#x110000; &bogus; &amp</body></html>",
    ],
)
def test_degenerate_pages_give_a_result(page: str) -> None:
    result = cleannews.clean(page, format="html")
    assert result.format == "html"
    for block in result.blocks:
        assert result.source[block.start : block.end] == block.text


def test_no_network_access_for_external_entities() -> None:
    html = (
        '<!DOCTYPE html [<!ENTITY x SYSTEM "http://127.0.0.1:9/secret">]>'
        "<html><body><p>Before &x; after.</p></body></html>"
    )
    doc = segment_html(html)
    assert "secret" not in doc.source


def test_utf8_page_with_a_stray_latin1_byte_stays_utf8() -> None:
    page = (
        "<html><head><meta charset='utf-8'></head><body>"
        f"<p>Zażółć gęślą jaźń, Grüße aus Köln. {PARAGRAPH}</p>" * 20 + "</body></html>"
    ).encode("utf-8")
    # One word written in Latin-1 inside a UTF-8 page.
    broken = page.replace("Grüße".encode(), b"Gr\xfc\xdfe", 1)
    text, encoding = decode_html_bytes(broken)
    assert encoding == "utf-8"
    assert text.count("Zażółć gęślą jaźń") == 20


def test_a_str_page_keeps_its_text_whatever_charset_it_declares() -> None:
    # A ``str`` is already decoded: the page's own (here wrong) declaration
    # must not make the parser decode it a second time.
    html = (
        '<html><head><meta charset="iso-8859-1"></head>'
        "<body><p>Café crème, Łódź, 東京 and a lone \ud800 surrogate.</p></body></html>"
    )
    [block] = segment_html(html).blocks
    assert block.text == "Café crème, Łódź, 東京 and a lone ? surrogate."
