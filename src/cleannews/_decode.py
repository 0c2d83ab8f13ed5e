"""Turn ``bytes`` into text, or fail with a clear :class:`DecodeError`."""

from __future__ import annotations

import codecs

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
_CONTROL = frozenset(chr(c) for c in range(32) if chr(c) not in "\t\n\r\x0c")


def _looks_binary(text: str) -> bool:
    sample = text[:65536]
    if not sample:
        return False
    controls = sum(1 for ch in sample if ch in _CONTROL)
    return controls / len(sample) > _MAX_CONTROL_SHARE


def decode_bytes(data: bytes, declared: str | None = None) -> tuple[str, str]:
    """Decode ``data``: BOM, then a declared charset, then UTF-8, then Windows-1252.

    Returns ``(text, encoding)``. Raises :class:`DecodeError` for data that is
    clearly binary, since cleaning it would only produce noise.
    """
    candidates: list[str] = []
    for bom, name in _BOMS:
        if data.startswith(bom):
            candidates.append(name)
            break
    if declared:
        try:
            candidates.append(codecs.lookup(declared).name)
        except LookupError:
            pass
    candidates += ["utf-8", "cp1252", "latin-1"]
    for encoding in candidates:
        try:
            text = data.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            continue
        if _looks_binary(text):
            raise DecodeError(
                f"input looks like binary data, not a page ({len(data)} bytes); "
                "pass the page's text or HTML"
            )
        return text, encoding
    raise DecodeError(
        f"could not decode {len(data)} bytes as UTF-8 or Windows-1252; "
        "decode them yourself and pass a str"
    )
