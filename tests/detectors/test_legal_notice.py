"""The legal_notice detector: licences, disclaimers, edit stamps, commissions, reprints, errors.

Fixtures (``tests/fixtures/legal_notice/``, eight languages) put the small
print after articles about the same subjects: an article about Creative
Commons licensing, one about Amazon's affiliate commissions, a news
paragraph that opens with "Les opinions exprimées …", and a legal page
whose disclaimer is the page's own text. These unit tests pin the reason
codes and kinds, the shape and position rules, the settings and the cost of
crafted input.
"""

from __future__ import annotations

import time
from typing import Any

import pydantic
import pytest

import cleannews
from cleannews import BlockKind, ConfigError, Page, Verdict
from cleannews.detectors.legal_notice import LegalNoticeConfig, LegalNoticeDetector

from .fixture_cases import Case, check_case, load_cases

#: Three paragraphs of article prose (over 30 words each).
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


@pytest.mark.parametrize("case", load_cases("legal_notice"))
def test_fixture(case: Case) -> None:
    check_case(case)


def _page(*blocks: str) -> Page:
    page, _ = cleannews.Pipeline(["legal_notice"]).segment("\n\n".join(blocks), format="text")
    assert len(page.blocks) == len(blocks)
    return page


def _detect(*blocks: str, **options: Any) -> list[Verdict]:
    return list(LegalNoticeDetector(**options).detect(_page(*blocks)))


@pytest.mark.parametrize(
    ("block", "code", "confidence"),
    [
        (
            "This work is licensed under a Creative Commons Attribution 4.0 International License.",
            "licence",
            0.9,
        ),
        (
            "Die Inhalte dieser Website sind unter einer Creative Commons-Lizenz lizenziert.",
            "licence",
            0.9,
        ),
        (
            "Der Podcast steht unter einer Creative Commons Namensnennung 4.0 Lizenz.",
            "licence",
            0.9,
        ),
        (
            "Contenidos bajo licencia Creative Commons salvo donde se indique lo contrario.",
            "licence",
            0.9,
        ),
        ("Lizenz: CC BY-SA 4.0", "licence", 0.9),
        ("Die Fotos stehen unter einer Creative-Commons-Lizenz.", "licence", 0.75),
        ("Disclaimer: This post is not financial advice.", "disclaimer", 0.85),
        (
            "Trotz sorgfältiger inhaltlicher Kontrolle übernehmen wir keine Haftung für die "
            "Inhalte externer Links.",
            "disclaimer",
            0.85,
        ),
        ("Les opinions exprimées dans ce blog n'engagent que leurs auteurs.", "disclaimer", 0.85),
        ("This page was last edited on 25 October 2019, at 15:47 (UTC).", "edit_stamp", 0.9),
        ("Diese Seite wurde zuletzt am 29. Januar 2020 um 13:22 Uhr geändert.", "edit_stamp", 0.9),
        ("As an Amazon Associate I earn from qualifying purchases.", "affiliate", 0.9),
        (
            "Für Links auf dieser Seite erhält CHIP ggf. eine Provision vom Händler.",
            "affiliate",
            0.9,
        ),
        ("Nachdruck nur mit Genehmigung der Redaktion.", "reprint", 0.9),
    ],
)
def test_reason_codes(block: str, code: str, confidence: float) -> None:
    verdicts = _detect(*ARTICLE, block)
    assert [(v.block, v.code, v.confidence) for v in verdicts] == [
        (len(ARTICLE), f"legal_notice.{code}", confidence)
    ]
    assert verdicts[0].kind is BlockKind.LEGAL_NOTICE
    assert verdicts[0].reason


def test_server_errors_are_template_residue() -> None:
    error = (
        "Warning: Creating default object from empty value in "
        "/www/htdocs/w0094d70/wp-includes/classes.php on line 407"
    )
    verdicts = _detect(error, *ARTICLE)
    assert [(v.block, v.code, v.confidence) for v in verdicts] == [
        (0, "legal_notice.server_error", 0.95)
    ]
    assert verdicts[0].kind is BlockKind.TEMPLATE_RESIDUE


@pytest.mark.parametrize(
    "block",
    [
        # Error labels and notice openers that open ordinary text.
        "Warning: the storm will reach the coast on Friday, officials said.",
        "Notice: the library is closed on Monday.",
        "Unless otherwise noted, all prices are in euros and include tax.",
        "Lizenz: Freeware",
        "Les opinions exprimées lors du débat ont été très diverses, a déclaré le maire.",
        # Articles about licences and commissions.
        "Creative Commons licences let photographers share their work on their own terms.",
        "Affiliates earn a commission on qualifying purchases made within a day of a click.",
        "Amazon has cut the commission it pays to websites that link to its products.",
    ],
)
def test_prose_gives_no_verdict(block: str) -> None:
    assert _detect(*ARTICLE, block) == []


def test_bare_licence_clause_is_graded_by_position() -> None:
    clause = "Die Fotos stehen unter einer Creative-Commons-Lizenz."
    assert _detect(ARTICLE[0], clause, *ARTICLE[1:]) == []
    assert [v.code for v in _detect(*ARTICLE, clause)] == ["legal_notice.licence"]
    # A clause tied to the page is a notice wherever it stands.
    tied = "Alle Texte dieser Website stehen unter einer Creative-Commons-Lizenz."
    assert [v.confidence for v in _detect(ARTICLE[0], tied, *ARTICLE[1:])] == [0.9]


def test_disclaimer_heading_counts_after_the_body() -> None:
    text = (
        "Unser Angebot enthält Links zu externen Websites Dritter, auf deren Inhalte wir keinen "
        "Einfluss haben. Für die Inhalte der verlinkten Seiten ist stets der jeweilige Anbieter "
        "verantwortlich."
    )
    # Above the prose it heads a section of a legal page.
    assert _detect("Haftung für Links", text, *ARTICLE) == []
    verdicts = _detect(*ARTICLE, "Haftung für Links", text)
    assert [(v.code, v.confidence) for v in verdicts] == [
        ("legal_notice.disclaimer_header", 0.85),
        ("legal_notice.disclaimer", 0.8),
    ]


def test_disclaimer_above_the_body_is_not_final() -> None:
    block = "Disclaimer: This post is not financial advice."
    assert [v.confidence for v in _detect(block, *ARTICLE)] == [0.6]


def test_settings() -> None:
    long_notice = "Disclaimer: " + "This post is not financial advice. " * 20
    assert _detect(*ARTICLE, long_notice) == []
    assert [v.code for v in _detect(*ARTICLE, long_notice, max_notice_words=200)] == [
        "legal_notice.disclaimer"
    ]
    clause = "Die Fotos stehen unter einer Creative-Commons-Lizenz."
    assert _detect(*ARTICLE[:2], clause, ARTICLE[2]) != []
    assert _detect(*ARTICLE[:2], clause, ARTICLE[2], min_prose_share_before=0.9) == []


@pytest.mark.parametrize(
    "options",
    [{"max_notice_word": 5}, {"max_notice_words": 0}, {"min_prose_share_before": -0.1}],
)
def test_invalid_settings_are_config_errors(options: dict[str, Any]) -> None:
    with pytest.raises(ConfigError, match="legal_notice"):
        LegalNoticeDetector(**options)


def test_config_is_frozen() -> None:
    with pytest.raises(pydantic.ValidationError):
        LegalNoticeConfig().max_notice_words = 3  # type: ignore[misc]


def test_empty_page() -> None:
    page, _ = cleannews.Pipeline(["legal_notice"]).segment("", format="text")
    assert list(LegalNoticeDetector().detect(page)) == []


def test_adversarial_megabyte_returns() -> None:
    # Error labels without a file, licence names without a clause, notice
    # openers cut one character short, and a real notice every few blocks.
    lines = [
        "Warning: " + "in /x " * 150,
        "Creative Commons " * 60,
        "This work is licensed unde",
        "Dieses Werk ist lizenziert unter einer Creative Commons Namensnennung 4.0 Lizenz.",
        "Fatal error: " + "a" * 900 + " on line 3",
    ]
    unit = "\n\n".join(lines)
    text = "\n\n".join([unit] * (1_000_000 // (len(unit) + 2) + 1))
    assert len(text) >= 1_000_000
    page, _ = cleannews.Pipeline(["legal_notice"]).segment(text, format="text")
    start = time.perf_counter()
    verdicts = list(LegalNoticeDetector().detect(page))
    elapsed = time.perf_counter() - start
    planted = {b.index for b in page.blocks if b.text == lines[3]}
    assert len(planted) > 300
    assert {v.block for v in verdicts} == planted
    # Linear scans: a megabyte takes well under a second; catastrophic
    # backtracking would take minutes.
    assert elapsed < 10
