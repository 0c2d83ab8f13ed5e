"""The headline detector: copies of the headline, and only those, are flagged.

Fixtures (``tests/fixtures/headline/``) cover the repeat, the page title
with a site name, case and spacing variants and near-misses; these unit tests
pin which copy carries the verdict, the reason codes and the settings.
"""

from __future__ import annotations

from typing import Any

import pydantic
import pytest

import cleannews
from cleannews import BlockKind, ConfigError, Page, Verdict
from cleannews.detectors.headline import HeadlineConfig, HeadlineDetector

from .fixture_cases import Case, check_case, load_cases


@pytest.mark.parametrize("case", load_cases("headline"))
def test_fixture(case: Case) -> None:
    check_case(case)


def _page(text: str) -> Page:
    page, _ = cleannews.Pipeline(["headline"]).segment(text, format="text")
    return page


def _detect(text: str, **options: Any) -> tuple[Page, list[Verdict]]:
    page = _page(text)
    return page, list(HeadlineDetector(**options).detect(page))


HEADLINE = "Storm Leaves Thousands Without Power Across The Midwest"
PROSE = (
    "Utility crews worked through the night to restore power to the region, and a spokeswoman "
    "for the grid operator said most customers would have it back by Thursday."
)


def test_exact_repeat_flags_the_second_copy_only() -> None:
    page, verdicts = _detect(f"{HEADLINE}\n\n{HEADLINE}\n\n{PROSE}")
    assert [(v.block, v.code, v.kind) for v in verdicts] == [
        (1, "headline.repeated", BlockKind.DUPLICATE_TITLE)
    ]
    assert verdicts[0].detector == "headline"
    assert verdicts[0].confidence >= 0.5  # strong enough to remove the copy
    assert page.blocks[0].text == HEADLINE  # the first copy stays for the title


def test_page_title_with_site_name_flags_the_title_not_the_h1() -> None:
    text = f"{HEADLINE} | Weather | Daily Courier\n\nWeather\n\n{HEADLINE}\n\n{PROSE}"
    _, verdicts = _detect(text)
    assert [(v.block, v.code) for v in verdicts] == [(0, "headline.page_title")]
    assert verdicts[0].kind is BlockKind.DUPLICATE_TITLE


def test_repeat_matches_across_case_and_spacing() -> None:
    _, verdicts = _detect(f"{HEADLINE.upper()}\n\n{HEADLINE.lower().replace(' ', '   ')}")
    assert [v.code for v in verdicts] == ["headline.repeated"]


@pytest.mark.parametrize("text", ["", HEADLINE, f"\n\n{HEADLINE}\n\n"])
def test_pages_with_fewer_than_two_blocks_give_no_verdict(text: str) -> None:
    assert _detect(text)[1] == []


def test_short_fragment_of_the_title_does_not_count() -> None:
    # "Daily Courier" (2 words) is inside the page title but is the site name.
    _, verdicts = _detect(f"{HEADLINE} | Daily Courier\n\nDaily Courier\n\n{PROSE}")
    assert verdicts == []


def test_every_later_copy_is_flagged() -> None:
    _, verdicts = _detect(f"{HEADLINE}\n\n{HEADLINE}\n\n{PROSE}\n\nShare\n\n{HEADLINE.upper()}")
    assert [(v.block, v.code) for v in verdicts] == [
        (1, "headline.repeated"),
        (4, "headline.repeated"),
    ]


@pytest.mark.parametrize(
    "title",
    [
        f"{HEADLINE} | Weather | Daily Courier",
        f"{HEADLINE} - Daily Courier",
        f"{HEADLINE} – Daily Courier",
        f"Daily Courier: {HEADLINE}",
        f"Daily Courier » {HEADLINE}",
    ],
)
def test_site_name_joined_by_a_separator(title: str) -> None:
    _, verdicts = _detect(f"{title}\n\n{HEADLINE}\n\n{PROSE}")
    assert [(v.block, v.code) for v in verdicts] == [(0, "headline.page_title")]


@pytest.mark.parametrize(
    "fragment",
    [
        "Thousands Without Power",  # inside the headline
        "Storm Leaves Thousands",  # its start, but no separator follows
        "Across The Midwest",  # its end, but no separator precedes
    ],
)
def test_fragment_of_the_headline_is_not_the_headline(fragment: str) -> None:
    assert _detect(f"{HEADLINE}\n\n{PROSE}\n\n{fragment}")[1] == []


def test_settings_change_what_is_found() -> None:
    filler = "\n\n".join(f"Section {n}" for n in range(5))
    text = f"{HEADLINE}\n\n{filler}\n\n{HEADLINE}"  # the repeat is block 6
    assert [v.block for v in _detect(text)[1]] == [6]
    assert _detect(text, max_blocks_searched=5)[1] == []
    assert _detect(f"{HEADLINE}\n\n{HEADLINE}", max_words=5)[1] == []
    titled = "Thousands Without Power | Daily Courier\n\nThousands Without Power"  # 3 words
    assert [v.code for v in _detect(titled)[1]] == ["headline.page_title"]
    assert _detect(titled, min_contained_words=4)[1] == []


def test_settings_through_the_pipeline() -> None:
    pipeline = cleannews.Pipeline(["headline"], settings={"headline": {"max_words": 5}})
    page, _ = pipeline.segment(f"{HEADLINE}\n\n{HEADLINE}", format="text")
    assert pipeline.detect(page) == []


@pytest.mark.parametrize(
    "options",
    [
        {"max_word": 10},  # misspelt
        {"max_words": 0},
        {"max_blocks_searched": -1},
        {"min_contained_words": 0},
        {"max_words": "many"},
    ],
)
def test_invalid_settings_are_config_errors(options: dict[str, Any]) -> None:
    with pytest.raises(ConfigError, match="headline"):
        HeadlineDetector(**options)
    with pytest.raises(ConfigError):
        cleannews.Pipeline(["headline"], settings={"headline": options})


def test_config_is_frozen() -> None:
    config = HeadlineConfig()
    with pytest.raises(pydantic.ValidationError):
        config.max_words = 3  # type: ignore[misc]


def test_adversarial_megabyte_returns() -> None:
    # A 40-word heading-like first block, then 1 MB of heading-like blocks
    # that share all but the last word with it: every one is compared in full.
    words = [f"Wort{n}" for n in range(39)]
    title = " ".join([*words, "Ende"])
    near = " ".join([*words, "Anders"])
    text = "\n\n".join([title] + [near] * (1_000_000 // (len(near) + 2)))
    assert len(text) >= 990_000
    page, verdicts = _detect(text)
    assert len(page.blocks) > 1000
    assert verdicts == []
    # One 1 MB line with no breaks: a single block, nothing to compare.
    assert _detect("Headline " * 111_112)[1] == []
