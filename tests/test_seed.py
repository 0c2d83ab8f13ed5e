"""Acceptance: the page the project was specified from is cleaned exactly."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import cleannews

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(scope="module")
def seed() -> tuple[str, dict[str, object], cleannews.CleanResult]:
    text = (FIXTURES / "syria-putin.txt").read_text(encoding="utf-8")
    gold = json.loads((FIXTURES / "syria-putin.gold.json").read_text(encoding="utf-8"))
    return text, gold, cleannews.clean(text)


def _line_of(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


def _kinds_by_line(text: str, result: cleannews.CleanResult) -> dict[int, set[str]]:
    """Every input line covered by a block, mapped to that block's kind."""
    kinds: dict[int, set[str]] = {}
    for block in result.blocks:
        for line in range(_line_of(text, block.start), _line_of(text, block.end) + 1):
            kinds.setdefault(line, set()).add(block.kind.value)
    return kinds


def test_text_title_byline_match_gold(
    seed: tuple[str, dict[str, object], cleannews.CleanResult],
) -> None:
    _, gold, result = seed
    assert result.title == gold["title"]
    assert result.byline == gold["byline"]
    assert result.text == gold["text"]


def test_every_discarded_line_has_an_allowed_kind(
    seed: tuple[str, dict[str, object], cleannews.CleanResult],
) -> None:
    text, gold, result = seed
    kinds = _kinds_by_line(text, result)
    discarded = gold["discarded"]
    assert isinstance(discarded, list)
    for group in discarded:
        for line in group["lines"]:
            got = kinds.get(line)
            assert got, f"line {line} is in no block"
            assert got <= set(group["kinds"]), f"line {line}: {got} not in {group['kinds']}"


def test_title_and_byline_lines_are_labelled(
    seed: tuple[str, dict[str, object], cleannews.CleanResult],
) -> None:
    text, gold, result = seed
    kinds = _kinds_by_line(text, result)
    lines = gold["lines"]
    assert isinstance(lines, dict)
    assert all(kinds[n] == {"title"} for n in lines["title"])
    assert all(kinds[n] == {"byline"} for n in lines["byline"])
    assert all(kinds[n] == {"article"} for n in lines["article"])


def test_discarded_blocks_explain_themselves(
    seed: tuple[str, dict[str, object], cleannews.CleanResult],
) -> None:
    _, _, result = seed
    for block in result.discarded:
        assert block.decided_by and block.reason
    codes = {v.code for b in result.blocks for v in b.verdicts}
    assert "teaser.keep_reading" in codes
    assert result.captions, "the photo caption should be available in the result"
