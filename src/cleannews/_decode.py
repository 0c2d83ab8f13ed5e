"""Turn ``bytes`` into text, or fail with a clear :class:`DecodeError`.

Two entry points:

* :func:`decode_bytes` for text dumps: BOM, then a charset the caller
  declares, then UTF-8, then Windows-1252, then Latin-1.
* :func:`decode_html_bytes` for HTML: BOM, then what the page itself declares
  in its first 4 KB (``<meta charset>``, ``http-equiv``, an XML declaration),
  checked against the bytes, then the same fallbacks. Pages often declare the
  wrong charset (a template says ``iso-8859-1`` while the CMS writes UTF-8),
  so bytes that are valid UTF-8 and not plain ASCII are read as UTF-8
  whatever the page says: multi-byte UTF-8 sequences practically never occur
  by chance in text of a legacy 8-bit or CJK encoding.
"""

from __future__ import annotations

import codecs
import contextlib
import re

from ._errors import DecodeError

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
#: A text page has few control characters; binary data has many.
_MAX_CONTROL_SHARE = 0.1
_CONTROL_CHARS = tuple(chr(c) for c in range(32) if chr(c) not in "\t\n\r\x0c")
_CONTROL_BYTES = "".join(_CONTROL_CHARS).encode("ascii")
#: How much of the decoded text the binary check looks at (characters).
_BINARY_SAMPLE_CHARS = 65536

#: Browsers look for the charset declaration in the first 1024 bytes (HTML
#: standard); real pages put long ``<head>`` preambles first, so we read 4 KB.
_DECLARATION_WINDOW_BYTES = 4096
#: ``<meta charset="x">``, ``<meta http-equiv=... content="text/html; charset=x">``
#: and ``<?xml ... encoding="x"?>``. Bounded repetitions only, so the search is
#: linear in the window size.
_DECLARED_CHARSET = re.compile(
    rb"""<meta\b[^>]{0,512}?\bcharset\s*=\s*["']?\s*([a-z0-9_.:\-]{1,40})"""
    rb"""|<\?xml\b[^>]{0,200}?\bencoding\s*=\s*["']([a-z0-9_.:\-]{1,40})""",
    re.IGNORECASE,
)
#: Labels whose WHATWG meaning differs from Python's codec of the same name:
#: browsers decode pages labelled Latin-1 or ASCII as Windows-1252, and a
#: UTF-16 label inside an ASCII-compatible page can only be a mistake.
_LABEL_OVERRIDES = {
    "iso-8859-1": "cp1252",
    "iso8859-1": "cp1252",
    "latin-1": "cp1252",
    "latin1": "cp1252",
    "l1": "cp1252",
    "us-ascii": "cp1252",
    "ascii": "cp1252",
    "x-user-defined": "cp1252",
    "utf-16": "utf-8",
    "utf-16le": "utf-8",
    "utf-16be": "utf-8",
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "shift_jis": "cp932",
    "x-sjis": "cp932",
    "euc-kr": "cp949",
    "iso-8859-9": "cp1254",
    "tis-620": "cp874",
}
_ASCII_BYTES = bytes(range(128))
#: Share of a page's non-ASCII bytes that may be invalid UTF-8 for the page to
#: still be read as UTF-8. On the development corpus, the UTF-8 pages with
#: stray bytes have 0.1-2% of their non-ASCII bytes bad; legacy-encoded pages
#: have 60% (GB18030) to 100% (Windows-1252): 5% separates them widely.
_MAX_BAD_UTF8_SHARE = 0.05
#: A page with no BOM whose first bytes alternate ASCII and NUL is UTF-16.
_UTF16_LE_START = re.compile(rb"(?:[\t\n\r -~]\x00){8}")
_UTF16_BE_START = re.compile(rb"(?:\x00[\t\n\r -~]){8}")


def _looks_binary(text: str) -> bool:
    sample = text[:_BINARY_SAMPLE_CHARS]
    if not sample:
        return False
    controls = sum(map(sample.count, _CONTROL_CHARS))
    return controls / len(sample) > _MAX_CONTROL_SHARE


def _bytes_look_binary(data: bytes) -> bool:
    """:func:`_looks_binary` on the raw bytes, for ASCII-compatible encodings.

    In UTF-8, Windows-1252 and Latin-1 a control character is the same single
    byte, and multi-byte sequences never contain bytes below 0x80, so the
    count is the same; ``bytes.translate`` does it an order of magnitude
    faster than any scan of the decoded text.
    """
    sample = data[:_BINARY_SAMPLE_CHARS]
    if not sample:
        return False
    controls = len(sample) - len(sample.translate(None, _CONTROL_BYTES))
    return controls / len(sample) > _MAX_CONTROL_SHARE


def _bom_encoding(data: bytes) -> str | None:
    for bom, name in _BOMS:
        if data.startswith(bom):
            return name
    return None


def _binary_error(data: bytes) -> DecodeError:
    return DecodeError(
        f"input looks like binary data, not a page ({len(data)} bytes); "
        "pass the page's text or HTML"
    )


def decode_bytes(data: bytes, declared: str | None = None) -> tuple[str, str]:
    """Decode ``data``: BOM, then a declared charset, then UTF-8, then Windows-1252.

    Returns ``(text, encoding)``. Raises :class:`DecodeError` for data that is
    clearly binary, since cleaning it would only produce noise.
    """
    candidates: list[str] = []
    bom = _bom_encoding(data)
    if bom is not None:
        candidates.append(bom)
    if declared:
        with contextlib.suppress(LookupError):
            candidates.append(codecs.lookup(declared).name)
    candidates += ["utf-8", "cp1252", "latin-1"]
    for encoding in candidates:
        try:
            text = data.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            continue
        if _looks_binary(text):
            raise _binary_error(data)
        return text, encoding
    raise DecodeError(
        f"could not decode {len(data)} bytes as UTF-8 or Windows-1252; "
        "decode them yourself and pass a str"
    )


def declared_html_charset(data: bytes) -> str | None:
    """The Python codec for the charset ``data`` declares in its first 4 KB, if any.

    Unknown labels give ``None``: the declaration is then as good as absent.
    """
    match = _DECLARED_CHARSET.search(data, 0, _DECLARATION_WINDOW_BYTES)
    if match is None:
        return None
    label = (match.group(1) or match.group(2) or b"").decode("ascii", "replace").lower()
    label = _LABEL_OVERRIDES.get(label, label)
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def decode_html_bytes(data: bytes) -> tuple[str, str]:
    """Decode an HTML page: BOM, the page's own declaration, then fallbacks.

    Returns ``(text, encoding)``; the encoding is a Python codec name
    (``utf-8``, ``cp1252``, ``iso8859-2`` …). Never fails on text data: the
    last fallback, Latin-1, decodes every byte. Raises :class:`DecodeError`
    for binary data.
    """
    bom = _bom_encoding(data)
    if bom is None and data[:1] in (b"<", b"\x00"):
        # UTF-16 without a BOM: every other byte of an ASCII start is NUL.
        if _UTF16_LE_START.match(data):
            bom = "utf-16-le"
        elif _UTF16_BE_START.match(data):
            bom = "utf-16-be"
    if bom is not None:
        try:
            text = data.decode(bom)
        except UnicodeDecodeError:
            text = data.decode(bom, errors="replace")
        if _looks_binary(text):
            raise _binary_error(data)
        return text, bom
    declared = declared_html_charset(data)
    candidates = ["utf-8"]
    if declared is not None and declared != "utf-8":
        if data.isascii():
            # Pure ASCII reads the same in every ASCII-compatible charset;
            # report the declared one, as a browser would.
            candidates.insert(0, declared)
        else:
            candidates.append(declared)
    candidates += ["cp1252", "latin-1"]
    if _bytes_look_binary(data):
        raise _binary_error(data)
    for encoding in candidates:
        try:
            return data.decode(encoding), encoding
        except (UnicodeDecodeError, LookupError):
            if encoding == "utf-8":
                repaired = _mostly_utf8(data)
                if repaired is not None:
                    return repaired, encoding
            continue
    raise AssertionError("latin-1 decodes every byte")  # pragma: no cover


def _mostly_utf8(data: bytes) -> str | None:
    """``data`` as UTF-8 with a few bad bytes replaced, if it is UTF-8 but for those.

    CMSs splice a stray Latin-1 byte into UTF-8 pages (a truncated string, an
    old template fragment). Decoding the whole page as Windows-1252 for one
    bad byte would garble every other accented letter; replacing the bad
    byte garbles one. Text in a legacy encoding fails on nearly every
    non-ASCII byte, far above the threshold.
    """
    non_ascii = len(data.translate(None, _ASCII_BYTES))
    text = data.decode("utf-8", errors="replace")
    replaced = text.count("\ufffd") - data.count("\ufffd".encode())
    if replaced <= non_ascii * _MAX_BAD_UTF8_SHARE:
        return text
    return None


def peek_text(data: bytes, n_bytes: int = 8192) -> str:
    """The first ``n_bytes`` of ``data`` as text, good enough to sniff the format.

    Never raises: undecodable bytes become U+FFFD.
    """
    head = data[:n_bytes]
    encoding = _bom_encoding(head) or "utf-8"
    return head.decode(encoding, errors="replace")
