"""The teaser detector: "Keep reading" links and the teaser units above them.

Fixtures (``tests/fixtures/teaser/``, one page per language) hold teaser
lists after an article, with the article's own paragraphs as near-misses
(prose that says "read more", "lire la suite", "czytali dalej" in a
sentence). These unit tests pin the reason codes, the extent of a unit and
the settings.
"""

from __future__ import annotations

from typing import Any

import pydantic
import pytest

import cleannews
from cleannews import BlockKind, ConfigError, Page, Verdict
from cleannews.detectors.teaser import TeaserConfig, TeaserDetector

from .fixture_cases import Case, check_case, load_cases


@pytest.mark.parametrize("case", load_cases("teaser"))
def test_fixture(case: Case) -> None:
    check_case(case)


ARTICLE = (
    "High winds toppled trees and power lines from Iowa to Ohio on Monday night, leaving "
    "more than 200,000 homes and businesses without electricity for most of the week."
)
LEDE = (
    "Election officials in several states say they cannot find enough volunteers to staff "
    "polling places this fall, and some are offering bonuses to people who sign up"
)  # 26 words, no final period: a lede cut short by the teaser
HEADLINE = "How A Dire Shortage Of Poll Workers Threatens Our Democracy"


def _page(*blocks: str) -> Page:
    page, _ = cleannews.Pipeline(["teaser"]).segment("\n\n".join(blocks), format="text")
    assert len(page.blocks) == len(blocks)
    return page


def _detect(*blocks: str, **options: Any) -> list[Verdict]:
    return list(TeaserDetector(**options).detect(_page(*blocks)))


def _spans(*blocks: str, **options: Any) -> list[tuple[str, int, int]]:
    return [(v.code, v.block, v.last_block) for v in _detect(*blocks, **options)]


def test_unit_runs_from_headline_to_link() -> None:
    verdicts = _detect(ARTICLE, HEADLINE, "Photo by Amir Cohen/REUTERS", LEDE, "Keep reading")
    assert [(v.code, v.block, v.last_block) for v in verdicts] == [
        ("teaser.keep_reading", 4, 4),
        ("teaser.unit", 1, 3),
    ]
    assert all(v.kind is BlockKind.TEASER and v.detector == "teaser" for v in verdicts)
    assert all(v.confidence >= 0.5 for v in verdicts)


def test_second_teaser_starts_after_the_previous_link() -> None:
    spans = _spans(ARTICLE, HEADLINE, LEDE, "Read more", "Second Headline Here", "Read more")
    assert spans == [
        ("teaser.keep_reading", 3, 3),
        ("teaser.unit", 1, 2),
        ("teaser.keep_reading", 5, 5),
        ("teaser.unit", 4, 4),
    ]


def test_lede_ending_in_a_link() -> None:
    lede = f"{LEDE} … Weiterlesen »"
    verdicts = _detect(ARTICLE, HEADLINE, lede)
    assert [(v.code, v.block, v.last_block) for v in verdicts] == [
        ("teaser.lede_with_link", 2, 2),
        ("teaser.unit", 1, 1),
    ]
    assert verdicts[0].confidence >= 0.5


@pytest.mark.parametrize(
    "link",
    [
        "Keep reading...Show less",
        "[Read more]",
        "» Mehr",
        "Lire la suite »",
        "Seguir leyendo",
        "Leggi tutto...",
        "Leia mais",
        "Lees verder ›",
        "Czytaj więcej",
        "READ MORE",
        "....weiterlesen",
        "weiterlesen 5 Minuten",
        "Read more · 4 min",
    ],
)
def test_link_blocks_in_every_language(link: str) -> None:
    assert ("teaser.keep_reading", 2, 2) in _spans(ARTICLE, HEADLINE, link)


@pytest.mark.parametrize(
    "block",
    [
        "Read more about the outage on the utility's website.",
        "Keep reading meters by hand, the company told its crews.",
        "Mehr als 40 Verbände hatten Stellungnahmen eingereicht.",
        "Show less than you know, and know more than you show.",
        "Lire la suite des débats",
    ],
)
def test_sentences_with_link_words_give_no_verdict(block: str) -> None:
    assert _detect(ARTICLE, block, ARTICLE) == []


def test_article_above_a_lede_is_not_part_of_the_unit() -> None:
    # Two prose blocks above the link: the lower one is the lede, the upper
    # one (a finished sentence of 25+ words) is the article.
    spans = _spans(ARTICLE, ARTICLE, HEADLINE, LEDE, "Read more")
    assert spans == [("teaser.keep_reading", 4, 4), ("teaser.unit", 2, 3)]


def test_settings_change_the_unit() -> None:
    blocks = (ARTICLE, HEADLINE, "Photo by Amir Cohen/REUTERS", LEDE, "Keep reading")
    assert ("teaser.unit", 1, 3) in _spans(*blocks)
    assert ("teaser.unit", 2, 3) in _spans(*blocks, max_unit_blocks=2)
    # No lede allowed: the walk stops at the lede, only the link is flagged.
    assert _spans(*blocks, max_lede_blocks=0) == [("teaser.keep_reading", 4, 4)]
    # A higher lede threshold leaves the unfinished 26-word lede too long for a
    # headline (max_headline_words=25): the walk stops there; allowing longer
    # headlines makes it a headline-like block and the unit reaches the headline.
    assert _spans(*blocks, min_lede_words=100) == [("teaser.keep_reading", 4, 4)]
    assert ("teaser.unit", 1, 3) in _spans(*blocks, min_lede_words=100, max_headline_words=30)
    # Shorter headlines: the 10-word headline ends the unit above it.
    assert ("teaser.unit", 2, 3) in _spans(*blocks, max_headline_words=9)


def test_short_lede_ending_a_sentence_right_above_the_link() -> None:
    short = "Officials say they cannot find enough volunteers this fall."
    spans = _spans(ARTICLE, HEADLINE, short, "Read more")
    assert spans == [("teaser.keep_reading", 3, 3), ("teaser.unit", 1, 2)]


def test_walk_stops_above_the_headline() -> None:
    # An inline link right under the article's first paragraph: the teaser is
    # only its headline; the paragraph, byline and page headline stay.
    top = "Storm Leaves Thousands Without Power"
    spans = _spans(top, "By Karen Miller", ARTICLE, HEADLINE, "Read more")
    assert spans == [("teaser.keep_reading", 4, 4), ("teaser.unit", 3, 3)]


@pytest.mark.parametrize(
    ("above", "in_unit"),
    [
        ("“We will rebuild, and we will do it together.”", False),  # sentence in quotes
        ("What happens to the farms now?", False),  # a question in the article
        ("Whose Votes Does Biden Need To Win?", True),  # a title-case teaser headline
        ("Storm Coverage", True),  # a kicker above the headline
    ],
)
def test_what_a_headline_may_have_above_it(above: str, in_unit: bool) -> None:
    spans = _spans(ARTICLE, above, HEADLINE, LEDE, "Keep reading")
    assert ("teaser.unit", 1 if in_unit else 2, 3) in spans


def test_question_headline_right_above_the_lede() -> None:
    # Sentence case, right under the lede's top: a question headline.
    question = "Can poll workers be found in time?"
    assert ("teaser.unit", 1, 2) in _spans(ARTICLE, question, LEDE, "Read more")


def test_article_paragraph_above_an_inline_read_more_box() -> None:
    # "Read more" under two article paragraphs and no headline: the box lists
    # related stories below it; the paragraph above is the article's own.
    assert _spans(ARTICLE, ARTICLE, "Read more") == [("teaser.keep_reading", 2, 2)]


@pytest.mark.parametrize(
    ("block", "is_link"),
    [
        ("Weiterlesen\nHintergrund", True),  # the link, then the next teaser's kicker
        ("22 July 2019 By Wikimedia Foundation\nRead more", True),  # date, byline, link
        ("Twitter\nDrucken\nE-Mail\nMehr", False),  # a share menu's last item
        ("Sport\nKultur\nmehr", False),
        ("Read more\nTwitter\nFacebook", True),
        ("Twitter\nRead more\nFacebook", False),  # a link inside a menu
    ],
)
def test_link_lines_of_grouped_blocks(block: str, is_link: bool) -> None:
    page, _ = cleannews.Pipeline(["teaser"]).segment(f"{ARTICLE}\n\n{block}", format="text")
    assert page.blocks[1].text == block
    links = [v.block for v in TeaserDetector().detect(page) if v.code == "teaser.keep_reading"]
    assert links == ([1] if is_link else [])


def test_article_between_two_nearby_links_is_not_a_unit() -> None:
    # A second link a few blocks under the first: the blocks between are
    # walked like any others, so the article prose there is not a teaser.
    blocks = (ARTICLE, HEADLINE, "Read more", ARTICLE, ARTICLE, "Second Headline Here", "Read more")
    assert _spans(*blocks) == [
        ("teaser.keep_reading", 2, 2),
        ("teaser.unit", 1, 1),
        ("teaser.keep_reading", 6, 6),
        ("teaser.unit", 5, 5),
    ]


def test_settings_through_the_pipeline() -> None:
    pipeline = cleannews.Pipeline(["teaser"], settings={"teaser": {"max_lede_blocks": 0}})
    page, _ = pipeline.segment(f"{ARTICLE}\n\n{HEADLINE}\n\n{LEDE}\n\nRead more", format="text")
    assert [v.code for v in pipeline.detect(page)] == ["teaser.keep_reading"]


@pytest.mark.parametrize(
    "options",
    [
        {"max_unit_block": 3},  # misspelt
        {"max_unit_blocks": 0},
        {"max_lede_blocks": -1},
        {"min_lede_words": 0},
        {"max_headline_words": 0},
        {"max_unit_blocks": "six"},
    ],
)
def test_invalid_settings_are_config_errors(options: dict[str, Any]) -> None:
    with pytest.raises(ConfigError, match="teaser"):
        TeaserDetector(**options)
    with pytest.raises(ConfigError):
        cleannews.Pipeline(["teaser"], settings={"teaser": options})


def test_config_is_frozen() -> None:
    config = TeaserConfig()
    with pytest.raises(pydantic.ValidationError):
        config.max_unit_blocks = 3  # type: ignore[misc]


def test_empty_page() -> None:
    page, _ = cleannews.Pipeline(["teaser"]).segment("", format="text")
    assert list(TeaserDetector().detect(page)) == []


def test_adversarial_megabyte_returns() -> None:
    # Near-links that overrun each bounded repetition by one, chained links,
    # ellipses without a link, and a real link every few blocks so that the
    # unit walk runs thousands of times.
    lines = [
        "»» " + "read more " + "." * 7 + " read more" + "»" * 5,
        "… … … … … … read mor",
        "[…] [...] … ... Read more » » » » »",
        "Keep reading...Show less...Keep reading",
        "more » more » more » more » more » more »",
        "Read more",
        "weiterlesen " + "5 " * 10 + "Minuten",
        "A",
    ]
    unit = "\n\n".join(lines)
    text = "\n\n".join([unit] * (1_000_000 // (len(unit) + 2) + 1))
    assert len(text) >= 1_000_000
    page, _ = cleannews.Pipeline(["teaser"]).segment(text, format="text")
    verdicts = list(TeaserDetector().detect(page))
    assert all(0 <= v.block <= v.last_block < len(page.blocks) for v in verdicts)
    links = {v.block for v in verdicts if v.code == "teaser.keep_reading"}
    planted = {b.index for b in page.blocks if b.text == "Read more"}
    assert len(planted) > 1000
    assert planted <= links  # the real links are still found
    # One 1 MB line of link words: a single block, no link block.
    page, _ = cleannews.Pipeline(["teaser"]).segment("read more » " * 90_910, format="text")
    assert list(TeaserDetector().detect(page)) == []


class _CountingIndex(int):
    """A block index that counts the equality tests made on it."""

    comparisons = 0

    def __eq__(self, other: object) -> bool:
        _CountingIndex.comparisons += 1
        return int(self) == other

    __hash__ = int.__hash__


def test_link_lookups_are_linear(monkeypatch: pytest.MonkeyPatch) -> None:
    # Each link is looked up among the links found. A membership test in a
    # list compares it with every link before it (n²/2 comparisons: 20 s on
    # a 1.4 MB page of links); a hashed lookup compares with none. Counting
    # the comparisons tells the two apart without timing anything.
    from cleannews.detectors._textscan import scan_lines

    def counting_scan(page: Page, pattern: Any) -> Any:
        for index, match in scan_lines(page, pattern):
            yield _CountingIndex(index), match

    monkeypatch.setattr("cleannews.detectors.teaser.scan_lines", counting_scan)
    _CountingIndex.comparisons = 0
    n_links = 2_000
    page = _page(*["Read more"] * n_links)
    verdicts = list(TeaserDetector().detect(page))
    assert [v.block for v in verdicts] == list(range(n_links))
    assert all(v.code == "teaser.keep_reading" for v in verdicts)
    assert _CountingIndex.comparisons <= 2 * n_links  # list lookups made 4,000,000


def test_page_of_links_at_the_block_limit_returns() -> None:
    # 100,000 link blocks (the pipeline's default max_blocks, 1.1 MB): every
    # one is a link verdict and no unit spans two links.
    page, _ = cleannews.Pipeline(["teaser"]).segment("\n\n".join(["Read more"] * 100_000))
    verdicts = list(TeaserDetector().detect(page))
    assert len(verdicts) == 100_000
    assert all(v.code == "teaser.keep_reading" and v.block == v.last_block for v in verdicts)
