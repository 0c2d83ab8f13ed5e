"""Per-detector fixture cases: a page dump and the snippets the detector must (not) flag.

Layout, one folder per detector (named like its registry name)::

    tests/fixtures/<detector>/<case>.txt    a page dump, or
    tests/fixtures/<detector>/<case>.html   an HTML page (one page file per case)
    tests/fixtures/<detector>/<case>.json   {"flagged": [...], "not_flagged": [...],
                                             "xfail": "known gap, why"  (optional)}

A snippet is *flagged* when the block that contains it receives a verdict from
the detector under test, run alone on the segmented page. The page is read
in the form its file name says (``.html``/``.htm`` as HTML, anything else as
a text dump), never sniffed: a case tests one form on purpose. Known gaps
stay as expected failures (``xfail``) instead of being deleted.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

import pytest

import cleannews

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
#: Page files read as HTML; every other page file is a text dump.
HTML_SUFFIXES = frozenset({".html", ".htm"})


@dataclass(frozen=True)
class Case:
    detector: str
    name: str
    page: str
    flagged: tuple[str, ...]
    not_flagged: tuple[str, ...]
    xfail: str | None
    format: Literal["text", "html"] = "text"


def load_cases(detector: str) -> list[object]:
    """pytest params for every case of ``detector`` (xfail-marked where the case says so)."""
    folder = FIXTURES / detector
    params: list[object] = []
    for expect in sorted(folder.glob("*.json")):
        spec = json.loads(expect.read_text(encoding="utf-8"))
        pages = [p for p in folder.glob(f"{expect.stem}.*") if p.suffix != ".json"]
        assert len(pages) == 1, f"case {expect.stem!r} needs exactly one page file: {pages}"
        page_path = pages[0]
        case = Case(
            detector,
            expect.stem,
            page_path.read_text(encoding="utf-8"),
            tuple(spec.get("flagged", ())),
            tuple(spec.get("not_flagged", ())),
            spec.get("xfail"),
            "html" if page_path.suffix.lower() in HTML_SUFFIXES else "text",
        )
        marks = [pytest.mark.xfail(reason=case.xfail, strict=True)] if case.xfail else []
        params.append(pytest.param(case, id=f"{detector}/{case.name}", marks=marks))
    return params


def flagged_blocks(case: Case) -> tuple[cleannews.Page, set[int]]:
    """Run the case's detector alone; return the page and the indices it flagged."""
    pipeline = cleannews.Pipeline([case.detector])
    page, _ = pipeline.segment(case.page, format=case.format)
    hit: set[int] = set()
    for verdict in pipeline.detect(page):
        hit.update(range(verdict.block, verdict.last_block + 1))
    return page, hit


def _blocks_with(page: cleannews.Page, snippet: str) -> list[int]:
    wanted = " ".join(snippet.split())
    found = [b.index for b in page.blocks if wanted in " ".join(b.text.split())]
    assert found, f"snippet not found in any block: {snippet!r}"
    return found


def check_case(case: Case) -> None:
    """Assert that the detector flags every ``flagged`` snippet and no ``not_flagged`` one."""
    page, hit = flagged_blocks(case)
    for snippet in case.flagged:
        assert any(i in hit for i in _blocks_with(page, snippet)), f"not flagged: {snippet!r}"
    for snippet in case.not_flagged:
        assert not any(i in hit for i in _blocks_with(page, snippet)), f"flagged: {snippet!r}"


def segment(text: str) -> cleannews.Page:
    """``text`` segmented as a dump; segmentation does not depend on the detectors."""
    page, _ = cleannews.Pipeline([]).segment(text, format="text")
    return page


def page_of(*blocks: str) -> cleannews.Page:
    """A page whose blocks are exactly ``blocks`` (asserted, so a test cannot drift)."""
    page = segment("\n\n".join(blocks))
    assert len(page.blocks) == len(blocks)
    return page
