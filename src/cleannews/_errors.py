"""The exceptions cleannews raises.

Every error derives from :class:`CleannewsError`, so one ``except`` clause is
enough for batch code::

    CleannewsError
    ├── InputError            the page cannot be read as given
    │   ├── DecodeError       bytes that no supported encoding decodes
    │   ├── InputTooLargeError  the page exceeds a configured limit
    │   │   └── HTMLTooComplexError  HTML nested too deeply or with too many elements
    │   └── UnsupportedFormatError  a ``format`` that is not (yet) handled
    ├── ConfigError           a pipeline or detector setting is wrong
    └── DetectorError         a detector raised while examining a page
"""

from __future__ import annotations


class CleannewsError(Exception):
    """Base class of every error raised by cleannews."""


class InputError(CleannewsError, ValueError):
    """The page cannot be processed as given."""


class DecodeError(InputError):
    """Bytes could not be decoded to text."""


class InputTooLargeError(InputError):
    """The page exceeds a configured size limit."""


class HTMLTooComplexError(InputTooLargeError):
    """An HTML page is nested too deeply or has too many elements to clean safely.

    Raised rather than cutting the page: past libxml2's nesting limit the
    parser would silently drop the rest of the page.
    """


class UnsupportedFormatError(InputError):
    """The requested input format is not supported."""


class ConfigError(CleannewsError, ValueError):
    """A pipeline or detector configuration is invalid."""


class DetectorError(CleannewsError):
    """A detector raised an exception while examining a page."""

    def __init__(self, detector: str, cause: BaseException) -> None:
        super().__init__(f"detector {detector!r} failed: {type(cause).__name__}: {cause}")
        self.detector = detector
        self.cause = cause
