"""The advertisement detector: ad labels, sponsored-content labels, disclosures.

Fixtures (``tests/fixtures/advertisement/``, one page per language) put the
labels between the paragraphs of an article about advertising, whose
sentences open with the same words ("Anzeige gegen Unbekannt erstatteten …",
"Publicidad en prensa …"). These unit tests pin the reason codes, the shape
rules and the settings.
"""

from __future__ import annotations

from typing import Any

import pydantic
import pytest

import cleannews
from cleannews import BlockKind, ConfigError, Page, Verdict
from cleannews.detectors.advertisement import AdvertisementConfig, AdvertisementDetector

from .fixture_cases import Case, check_case, load_cases

ARTICLE = (
    "The streaming service will raise the price of its ad-free plan by two dollars a month, "
    "the company said on Tuesday, while keeping its cheaper tier unchanged."
)


@pytest.mark.parametrize("case", load_cases("advertisement"))
def test_fixture(case: Case) -> None:
    check_case(case)


def _page(*blocks: str) -> Page:
    page, _ = cleannews.Pipeline(["advertisement"]).segment("\n\n".join(blocks), format="text")
    assert len(page.blocks) == len(blocks)
    return page


def _detect(*blocks: str, **options: Any) -> list[Verdict]:
    return list(AdvertisementDetector(**options).detect(_page(*blocks)))


@pytest.mark.parametrize(
    ("block", "code"),
    [
        ("Advertisement", "advertisement.marker"),
        ("ADVERTISEMENT", "advertisement.marker"),
        ("Advertisement:", "advertisement.marker"),
        ("Ad", "advertisement.marker"),
        ("-- Anzeige --", "advertisement.marker"),
        ("[Werbung]", "advertisement.marker"),
        ("Publicité", "advertisement.marker"),
        ("Publicidad", "advertisement.marker"),
        ("Pubblicità", "advertisement.marker"),
        ("Publicidade", "advertisement.marker"),
        ("Advertentie", "advertisement.marker"),
        ("REKLAMA", "advertisement.marker"),
        ("Sponsored", "advertisement.marker"),
        ("Promoted", "advertisement.marker"),
        ("Story continues below advertisement", "advertisement.continue_marker"),
        ("Weiterlesen nach der Anzeige", "advertisement.continue_marker"),
        (
            "Anzeige: Herausforderungen meistern mit den Rasierern von Braun",
            "advertisement.labelled",
        ),
        ("[Anzeige] Früherkennung durch einfachen Urintest", "advertisement.labelled"),
        ("ANZEIGE - Heute mal ausgehen?", "advertisement.labelled"),
        ("Dieser Beitrag enthält Werbung für eine Versicherung.", "advertisement.disclosure"),
        (
            "Advertising disclosure: We may receive compensation for some links.",
            "advertisement.disclosure",
        ),
    ],
)
def test_reason_codes(block: str, code: str) -> None:
    verdicts = _detect(ARTICLE, block, ARTICLE)
    assert [(v.code, v.block) for v in verdicts] == [(code, 1)]
    assert verdicts[0].kind is BlockKind.ADVERTISEMENT
    assert verdicts[0].confidence >= 0.75
    assert verdicts[0].reason


@pytest.mark.parametrize(
    "block",
    [
        ARTICLE,
        "Anzeige gegen Unbekannt erstatteten mehrere Ladenbesitzer bereits am Montag.",
        "Advertisement spending rose nine percent last year, the industry group said.",
        "Ad-Blocker zur Content-Personalisierung weisen den Weg in die Zukunft",
        "Sponsored content is increasingly common on the platform's home screen.",
        "Reklama w telewizji wciąż przyciąga największe budżety.",
        "Adam Smith",
        "Affiliate marketers earn commissions on sales they refer to online shops.",
        # Affiliate statements inside a block are left to the resolver.
        "PC Gamer is supported by its audience. When you buy through links on our site, we "
        "may earn an affiliate commission.",
    ],
)
def test_prose_gives_no_verdict(block: str) -> None:
    assert _detect(ARTICLE, block, ARTICLE) == []


def test_grouped_blocks() -> None:
    page, _ = cleannews.Pipeline(["advertisement"]).segment(
        f"{ARTICLE}\n\nAnzeige\nAnzeige\n\n{ARTICLE}\n\n"
        f"Anzeige\nNeue Regeln ab Montag\n\n{ARTICLE}",
        format="text",
    )
    assert page.blocks[1].text == "Anzeige\nAnzeige"
    verdicts = list(AdvertisementDetector().detect(page))
    # Only labels: an ad slot. A label over a subheading: maybe the article's.
    assert [(v.code, v.block) for v in verdicts] == [("advertisement.marker", 1)]


def test_settings() -> None:
    teaser = "Anzeige: Jetzt die neue Kollektion entdecken und zehn Prozent sparen"
    assert [v.code for v in _detect(ARTICLE, teaser)] == ["advertisement.labelled"]
    assert _detect(ARTICLE, teaser, max_labelled_words=5) == []
    below = "Story continues below advertisement"
    assert _detect(ARTICLE, below, max_continue_words=3) == []


@pytest.mark.parametrize(
    "options", [{"max_labelled_word": 5}, {"max_labelled_words": 0}, {"max_marker_lines": -1}]
)
def test_invalid_settings_are_config_errors(options: dict[str, Any]) -> None:
    with pytest.raises(ConfigError, match="advertisement"):
        AdvertisementDetector(**options)


def test_config_is_frozen() -> None:
    with pytest.raises(pydantic.ValidationError):
        AdvertisementConfig().max_labelled_words = 3  # type: ignore[misc]


def test_empty_page() -> None:
    page, _ = cleannews.Pipeline(["advertisement"]).segment("", format="text")
    assert list(AdvertisementDetector().detect(page)) == []


def test_adversarial_megabyte_returns() -> None:
    # Framing characters beyond the bounded repetition, labels followed by a
    # long rest, a long line of disclosure words, and a real label every few
    # blocks.
    lines = [
        "-----*****[[[[ Anzeige",
        "Anzeige: " + "x " * 300,
        "affiliate " * 50,
        "Advertisement",
        "Ad" + "-" * 500,
    ]
    unit = "\n\n".join(lines)
    text = "\n\n".join([unit] * (1_000_000 // (len(unit) + 2) + 1))
    assert len(text) >= 1_000_000
    page, _ = cleannews.Pipeline(["advertisement"]).segment(text, format="text")
    verdicts = list(AdvertisementDetector().detect(page))
    planted = {b.index for b in page.blocks if b.text == "Advertisement"}
    assert len(planted) > 500
    assert {v.block for v in verdicts} == planted
