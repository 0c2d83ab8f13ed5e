"""The byline detector: short "By Name" blocks, not sentences or headings.

Fixtures (``tests/fixtures/byline/``, one page per language) hold bylines
and the near-misses the docstring names: sentences and headings that open
with the same preposition ("By the time …", "Von Tunis nach Teheran",
"Por favor …"), datelines ("BEIRUT — …"), mail headers ("Von: …") and
labels that are not names ("Author Contributions: …").
"""

from __future__ import annotations

from typing import Any

import pydantic
import pytest

import cleannews
from cleannews import BlockKind, ConfigError, Page, Verdict
from cleannews.detectors.byline import BylineConfig, BylineDetector

from .fixture_cases import Case, check_case, load_cases


@pytest.mark.parametrize("case", load_cases("byline"))
def test_fixture(case: Case) -> None:
    check_case(case)


#: An English paragraph that fixes the page language for the stopword ratio.
PROSE = (
    "High winds toppled trees and power lines from Iowa to Ohio on Monday night, leaving "
    "more than 200,000 homes and businesses without electricity for the rest of the week."
)


def _page(text: str) -> Page:
    page, _ = cleannews.Pipeline(["byline"]).segment(text, format="text")
    return page


def _detect(block: str, **options: Any) -> list[Verdict]:
    """Verdicts on ``block`` placed between two English paragraphs (block 1)."""
    page = _page(f"{PROSE}\n\n{block}\n\n{PROSE}")
    assert page.blocks[1].text == block
    return list(BylineDetector(**options).detect(page))


def _codes(block: str, **options: Any) -> list[tuple[str, float]]:
    return [(v.code, v.confidence) for v in _detect(block, **options)]


@pytest.mark.parametrize(
    ("block", "code"),
    [
        ("By Patrick J. McDonnell, Los Angeles Times (TNS)", "byline.author_marker"),
        ("By JANE DOE", "byline.author_marker"),
        ("by Jane Smith", "byline.author_marker"),
        ("Von Max Mustermann, Berlin", "byline.author_marker"),
        ("Author: Jane Smith", "byline.author_label"),
        ("Reporting by Tom Smith", "byline.author_label"),
        ("Autorin: Kowalska", "byline.author_label"),  # one name after a label is enough
    ],
)
def test_reason_codes(block: str, code: str) -> None:
    verdicts = _detect(block)
    assert [(v.block, v.code, v.kind) for v in verdicts] == [(1, code, BlockKind.BYLINE)]
    assert verdicts[0].detector == "byline"
    assert verdicts[0].confidence >= 0.5


@pytest.mark.parametrize("block", ["By Ernesto, Rome", "By Ernesto"])
def test_one_word_name_after_a_bare_preposition_is_a_weak_candidate(block: str) -> None:
    # "By Ernesto" may be a byline or a heading: offered below the removal threshold.
    ((code, confidence),) = _codes(block)
    assert code == "byline.author_marker"
    assert confidence < 0.5


@pytest.mark.parametrize(
    "block",
    [
        "By John Smith",  # "John" is among the English list's frequent words
        "Written by Sarah O'Connor",  # the label's own words are not measured
        "By Jane Doe and John Roe",  # "and" joins two names
        "By Anna de la Cruz",  # name particles are not function words
        "By Jane Smith, Rio de Janeiro",  # after the name only lower-case words count
    ],
)
def test_names_and_particles_are_not_function_words(block: str) -> None:
    assert [c for c, _ in _codes(block)] in (["byline.author_marker"], ["byline.author_label"])


@pytest.mark.parametrize(
    "block",
    ["By The Numbers", "By Letters To The Editor", "Door To Door", "By All Means"],
)
def test_title_case_headings_are_rejected_by_their_function_words(block: str) -> None:
    assert _detect(block) == []


@pytest.mark.parametrize(
    "block",
    [
        "By the time the crews arrived, the river had burst its banks.",
        "Von Tunis nach Teheran",
        "Von: max.mustermann@example.com",  # a preposition with a colon opens a mail header
        "Par: 72 strokes",
        "Author Contributions: J.D. designed the study.",
        "BEIRUT — Syrian President Bashar Assad made a surprise visit to Moscow.",
        "By Anna Maria Luisa Garcia Lopez Fernandez Ruiz",  # 7 capitalised words: a heading
        "By Jane Smith, who covered the storm from a shelter in Iowa",
        "Byline: nothing here",
    ],
)
def test_near_misses_give_no_verdict(block: str) -> None:
    assert _detect(block) == []


def test_marker_must_open_the_block() -> None:
    assert _detect("Story and photos by Jane Smith") == []
    assert _detect("Photos: AP. By Jane Smith") == []


def test_long_block_is_not_a_byline() -> None:
    block = "By Jane Smith, " + ", ".join(["London"] * 16)
    assert _detect(block) == []
    assert _codes(block, max_words=40) == [("byline.author_marker", 0.8)]


def test_settings_change_what_is_found() -> None:
    assert _codes("By Jane Smith, London", max_words=3) == []
    name7 = "By Anna Maria Luisa Garcia Lopez Fernandez Ruiz"
    assert _codes(name7, max_name_words=7) == [("byline.author_marker", 0.8)]
    tail = "By Jane Smith, senior reporter"  # "senior" is one lower-case tail word
    assert _codes(tail) == [("byline.author_marker", 0.8)]
    assert _codes(tail, max_tail_lowercase_words=0) == []
    dated = "By Jane Smith on Monday"  # "on": one function word in four measured
    assert _codes(dated) == [("byline.author_marker", 0.8)]
    assert _codes(dated, max_stopword_ratio=0.2) == []


def test_settings_through_the_pipeline() -> None:
    pipeline = cleannews.Pipeline(["byline"], settings={"byline": {"max_words": 2}})
    page, _ = pipeline.segment(f"{PROSE}\n\nBy Jane Smith\n\n{PROSE}", format="text")
    assert pipeline.detect(page) == []


@pytest.mark.parametrize(
    "options",
    [{"max_word": 10}, {"max_words": "many"}, {"max_stopword_ratio": "high"}],
)
def test_invalid_settings_are_config_errors(options: dict[str, Any]) -> None:
    with pytest.raises(ConfigError, match="byline"):
        BylineDetector(**options)
    with pytest.raises(ConfigError):
        cleannews.Pipeline(["byline"], settings={"byline": options})


@pytest.mark.parametrize(
    "options",
    [
        {"max_words": 0},
        {"max_name_words": -1},
        {"max_stopword_ratio": -0.1},
        {"max_stopword_ratio": 1.5},
        {"max_tail_lowercase_words": -1},
    ],
)
def test_out_of_range_settings_are_config_errors(options: dict[str, Any]) -> None:
    with pytest.raises(ConfigError):
        BylineDetector(**options)


def test_config_is_frozen() -> None:
    config = BylineConfig()
    with pytest.raises(pydantic.ValidationError):
        config.max_words = 3  # type: ignore[misc]


def test_empty_page() -> None:
    assert list(BylineDetector().detect(_page(""))) == []


def test_adversarial_megabyte_returns() -> None:
    # Blocks built to reach every branch of the name parser on 1 MB: markers
    # followed by rest runs just over the 200-character bound, capitalised
    # words with connectors, particles, initials and separators, and label
    # markers followed by colons.
    lines = [
        "By " + "Aa " * 70,
        "Von " + " und ".join(["Max Mustermann"] * 7),
        "Par " + " de la ".join(["Jean"] * 6) + ", le",
        "Written by " + "J. " * 40 + ":",
        "Autor: " + "A, " * 60,
        "By",
        "By " + "Jane and " * 5 + "(" * 20,
        "By Jane Smith",  # a real byline in every unit: still found under load
    ]
    unit = "\n\n".join(lines)
    units = 1_000_000 // (len(unit) + 2) + 1
    text = "\n\n".join([unit] * units)
    assert len(text) >= 1_000_000
    page = _page(text)
    verdicts = list(BylineDetector().detect(page))
    planted = {b.index for b in page.blocks if b.text == "By Jane Smith"}
    assert len(planted) == units
    assert {v.block for v in verdicts} == planted
    # One 1 MB line opening with a marker: a single block, too long.
    assert list(BylineDetector().detect(_page("By Jane " * 125_000))) == []
