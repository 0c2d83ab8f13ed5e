"""The author_bio detector: headings, biographies, "all posts" and follow lines of author boxes.

Fixtures (``tests/fixtures/author_bio/``, eight languages) put an author
box after an article that quotes an expert in the same shape ("Mark Smith
is a professor of urban ecology …"), and one page lists people under name
headings. These unit tests pin the reason codes, the confidence grading by
structure and position, the settings and the cost of crafted input.
"""

from __future__ import annotations

import time
from typing import Any

import pydantic
import pytest

import cleannews
from cleannews import BlockKind, ConfigError, Page, Verdict
from cleannews.detectors.author_bio import AuthorBioConfig, AuthorBioDetector

from .fixture_cases import Case, check_case, load_cases

#: Three paragraphs of article prose (over 30 words each): what a box follows.
ARTICLE = (
    "The council voted on Tuesday to plant four thousand trees along the downtown corridor, "
    "a plan that supporters say will lower street temperatures by several degrees during the "
    "hottest weeks of the summer and make the area more pleasant for people who walk.",
    "Business owners worried that construction would block their storefronts for months, "
    "while residents of the eastern districts asked why their neighbourhoods, which have far "
    "fewer trees, were not first in line for the new planting program this year.",
    "Planting is scheduled to begin in October and to be completed within three years, "
    "according to the parks bureau, which will also water the young trees during their first "
    "two summers before handing them over to the neighbourhood associations.",
)
QUOTE = (
    "Mark Smith is a professor of urban ecology at Portland State University and has studied "
    "heat islands for two decades, and he told the council that shade cuts surface heat."
)


@pytest.mark.parametrize("case", load_cases("author_bio"))
def test_fixture(case: Case) -> None:
    check_case(case)


def _page(*blocks: str) -> Page:
    page, _ = cleannews.Pipeline(["author_bio"]).segment("\n\n".join(blocks), format="text")
    assert len(page.blocks) == len(blocks)
    return page


def _detect(*blocks: str, **options: Any) -> list[Verdict]:
    return list(AuthorBioDetector(**options).detect(_page(*blocks)))


def _codes(verdicts: list[Verdict]) -> list[tuple[int, str, float]]:
    return [(v.block, v.code, v.confidence) for v in verdicts]


@pytest.mark.parametrize(
    ("box", "expected"),
    [
        (
            ("About the author", "Jane Doe", "Jane Doe is a senior editor covering city hall."),
            [("header", 0.9), ("unit", 0.85), ("unit", 0.85)],
        ),
        (
            (
                "Über die Autorin",
                "Inga Buller ist Redakteurin und schreibt über Technik und Küche.",
            ),
            [("header", 0.9), ("unit", 0.85)],
        ),
        (
            (
                "Jean Dupont est journaliste et couvre la politique locale.",
                "Voir tous les articles de Jean Dupont",
            ),
            [("unit", 0.85), ("all_posts", 0.9)],
        ),
        (
            (
                "Jan Kowalski",
                "Jan Kowalski jest dziennikarzem i pisze o środowisku oraz o Krakowie.",
            ),
            [("unit", 0.7), ("named", 0.7)],
        ),
        (
            ("Pieter de Vries is journalist en schrijft over klimaat, wonen en de stad.",),
            [("named", 0.65)],
        ),
        (
            ("Ich bin Steffi, bekennende Tiernärrin und Bloggerin aus Hamburg.",),
            [("self_intro", 0.65)],
        ),
        (("Follow Jane Doe on Twitter",), [("follow", 0.85)]),
    ],
)
def test_reason_codes(box: tuple[str, ...], expected: list[tuple[str, float]]) -> None:
    verdicts = _detect(*ARTICLE, *box)
    first = len(ARTICLE)
    assert [(v.block - first, v.code, v.confidence) for v in verdicts] == [
        (i, f"author_bio.{code}", confidence) for i, (code, confidence) in enumerate(expected)
    ]
    assert all(v.kind is BlockKind.AUTHOR_BIO and v.reason for v in verdicts)


def test_expert_quoted_in_the_article_is_not_flagged() -> None:
    assert _detect(ARTICLE[0], QUOTE, *ARTICLE[1:]) == []


def test_biography_shape_before_the_body_needs_a_name_line() -> None:
    bio = "Jane Doe is a senior editor at the Courier and covers city hall and the council."
    assert _detect("Jane Doe's column", bio, *ARTICLE) == []
    verdicts = _detect("Opinion | Cities", "Jane Doe", bio, *ARTICLE)
    assert _codes(verdicts) == [(1, "author_bio.unit", 0.7), (2, "author_bio.named", 0.7)]


def test_name_heading_inside_prose_is_a_section_of_the_article() -> None:
    profile = "Mark Smith is a professor of urban ecology and has studied heat islands for years."
    assert _detect(*ARTICLE, "Mark Smith", profile, ARTICLE[0]) == []


def test_copula_needs_a_role() -> None:
    # "X is …" with no role noun after it is a sentence about anything.
    assert _detect(*ARTICLE, "Jane Doe is happy that the council finally listened to them.") == []
    assert (
        _detect(*ARTICLE, "Die Natur ist aus chemischen Elementen und Verbindungen aufgebaut.")
        == []
    )


def test_more_from_needs_a_person() -> None:
    assert _detect(*ARTICLE, "More from Politics") == []
    assert _codes(_detect(*ARTICLE, "More from Jane Doe")) == [(3, "author_bio.all_posts", 0.9)]


def test_weak_heading_needs_a_biography_after_the_body() -> None:
    # "About me" is a menu item as often as a sidebar heading.
    assert _detect("About me", *ARTICLE) == []
    assert _detect(*ARTICLE, "About me", "Recent posts") == []
    verdicts = _detect(
        *ARTICLE, "About me", "I write about cities, trees and the people who plant them."
    )
    assert [v.code for v in verdicts] == ["author_bio.header", "author_bio.unit"]


def test_settings() -> None:
    bio = "Pieter de Vries is journalist en schrijft over klimaat, wonen en de stad."
    assert [v.code for v in _detect(*ARTICLE, bio)] == ["author_bio.named"]
    assert _detect(*ARTICLE, bio, max_bio_words=8) == []
    # The same biography above the article's last paragraph is after the body
    # only when the threshold allows it.
    assert _detect(*ARTICLE[:2], bio, ARTICLE[2]) == []
    assert [v.code for v in _detect(*ARTICLE[:2], bio, ARTICLE[2], min_prose_share_before=0.6)] == [
        "author_bio.named"
    ]


@pytest.mark.parametrize(
    "options",
    [{"max_bio_word": 5}, {"max_bio_words": 0}, {"min_prose_share_before": 1.5}],
)
def test_invalid_settings_are_config_errors(options: dict[str, Any]) -> None:
    with pytest.raises(ConfigError, match="author_bio"):
        AuthorBioDetector(**options)


def test_config_is_frozen() -> None:
    with pytest.raises(pydantic.ValidationError):
        AuthorBioConfig().max_bio_words = 3  # type: ignore[misc]


def test_empty_page() -> None:
    page, _ = cleannews.Pipeline(["author_bio"]).segment("", format="text")
    assert list(AuthorBioDetector().detect(page)) == []


def test_adversarial_megabyte_returns() -> None:
    # Long runs of capitalised words before a copula, first-person openers
    # without a name, link phrases without one, and a real box every few
    # blocks, all below a long article so that every line is a candidate.
    lines = [
        " ".join(["Aaaa"] * 40) + " ist " + "Bbbb " * 30,
        "Ich bin " * 50,
        "More from " + "x" * 150,
        "Doe Jane is " + "a " * 60,
        "View all posts by Jane Doe",
    ]
    unit = "\n\n".join(lines)
    text = "\n\n".join([*ARTICLE * 50, *[unit] * (1_000_000 // (len(unit) + 2) + 1)])
    assert len(text) >= 1_000_000
    page, _ = cleannews.Pipeline(["author_bio"]).segment(text, format="text")
    start = time.perf_counter()
    verdicts = list(AuthorBioDetector().detect(page))
    elapsed = time.perf_counter() - start
    planted = {b.index for b in page.blocks if b.text == "View all posts by Jane Doe"}
    assert len(planted) > 500
    assert {v.block for v in verdicts} == planted
    # Linear scans: a megabyte takes well under a second; catastrophic
    # backtracking would take minutes.
    assert elapsed < 10
