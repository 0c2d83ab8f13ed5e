"""A folder of ``.html``/``.htm``/``.txt`` files, one page each.

The worker reads each file (in parallel); the parent only lists them, sorted
so that record positions (and so resume) are stable between runs.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path

from ._records import RawRecord, ReadItem

#: File suffix → input form. ``.htm`` is common on older sites.
PAGE_SUFFIXES = {".html": "html", ".htm": "html", ".txt": "text"}


def page_files(folder: Path) -> list[Path]:
    """The page files under ``folder`` (recursively), in a stable order."""
    return sorted(
        p for p in folder.rglob("*") if p.suffix.lower() in PAGE_SUFFIXES and p.is_file()
    )


def read_folder(folder: Path) -> Iterator[ReadItem]:
    """One ``file`` record per page file; its id is the path relative to ``folder``."""
    done = 0
    for path in page_files(folder):
        rel = path.relative_to(folder).as_posix()
        with contextlib.suppress(OSError):  # the worker will report an unreadable file
            done += path.stat().st_size
        yield RawRecord(
            -1, str(path), "file", str(path), id=rel, format=PAGE_SUFFIXES[path.suffix.lower()]
        ), done
