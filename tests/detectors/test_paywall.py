"""The paywall detector: subscriber-only, continue-reading and login-wall notices.

Fixtures (``tests/fixtures/paywall/``, one page per language) hold the
notices after an article whose own sentences open with the same words ("To
continue reading, editors said …", "Nur für Abonnenten der Tageszeitung …").
These unit tests pin the reason codes, the shape rules and the settings.
"""

from __future__ import annotations

from typing import Any

import pydantic
import pytest

import cleannews
from cleannews import BlockKind, ConfigError, Page, Verdict
from cleannews.detectors.paywall import PaywallConfig, PaywallDetector

from .fixture_cases import Case, check_case, load_cases

ARTICLE = (
    "The paper now has about 18,000 digital subscribers, and its publisher said the print "
    "edition would shrink to three days a week starting next month."
)


@pytest.mark.parametrize("case", load_cases("paywall"))
def test_fixture(case: Case) -> None:
    check_case(case)


def _page(*blocks: str) -> Page:
    page, _ = cleannews.Pipeline(["paywall"]).segment("\n\n".join(blocks), format="text")
    assert len(page.blocks) == len(blocks)
    return page


def _detect(*blocks: str, **options: Any) -> list[Verdict]:
    return list(PaywallDetector(**options).detect(_page(*blocks)))


@pytest.mark.parametrize(
    ("block", "code"),
    [
        ("This article is for subscribers only.", "paywall.subscriber_only"),
        ("SUBSCRIBERS ONLY", "paywall.subscriber_only"),
        ("Dieser Artikel ist nur für Abonnenten verfügbar.", "paywall.subscriber_only"),
        ("Réservé aux abonnés", "paywall.subscriber_only"),
        ("Subscribe to continue reading.", "paywall.continue_reading"),
        ("To continue reading, please subscribe.", "paywall.continue_reading"),
        ("Jetzt weiterlesen mit SZ Plus", "paywall.continue_reading"),
        ("Il vous reste 80% de cet article à lire.", "paywall.continue_reading"),
        ("Per continuare a leggere abbonati.", "paywall.continue_reading"),
        ("You have reached your limit of free articles this month.", "paywall.continue_reading"),
        ("Already a subscriber? Log in", "paywall.login"),
        ("Sie haben bereits ein Abo? Hier anmelden", "paywall.login"),
        ("¿Ya eres suscriptor? Inicia sesión", "paywall.login"),
        ("Masz już konto? Zaloguj się", "paywall.login"),
        ("Subscribe now to our e-edition for the full story.", "paywall.subscribe_prompt"),
        ("Buy this article", "paywall.purchase"),
    ],
)
def test_reason_codes(block: str, code: str) -> None:
    verdicts = _detect(ARTICLE, block, ARTICLE)
    assert [(v.code, v.block) for v in verdicts] == [(code, 1)]
    assert verdicts[0].kind is BlockKind.PAYWALL
    assert verdicts[0].confidence >= 0.8
    assert verdicts[0].reason


@pytest.mark.parametrize(
    "block",
    [
        # Purpose clauses that open prose: no call to subscribe or log in.
        "To continue reading the report, analysts will need the annex published on Friday.",
        "Para seguir leyendo los informes, los agricultores tendrán que ir a la oficina comarcal.",
        # A label that opens a sentence.
        "Subscribers only saw the change after the update, the company said on Tuesday night.",
        # A generic call that is not tied to reading the article.
        "Subscribe to our podcast on your favourite app.",
        "Subscribe now to our newsletter for the full story of the week in your inbox.",
        # Prose that mentions subscribers.
        ARTICLE,
    ],
)
def test_prose_gives_no_verdict(block: str) -> None:
    assert _detect(ARTICLE, block, ARTICLE) == []


def test_notice_further_down_a_menu_is_not_flagged() -> None:
    page, _ = cleannews.Pipeline(["paywall"]).segment(
        f"{ARTICLE}\n\nStartseite\nPolitik\nAbo\nBereits Abonnent? Anmelden\n\n{ARTICLE}",
        format="text",
    )
    assert "\n" in page.blocks[1].text
    assert list(PaywallDetector().detect(page)) == []


def test_long_block_is_prose() -> None:
    notice = "To view the full story, please subscribe to The Times. " + "It is fine. " * 20
    assert _detect(ARTICLE, notice) == []
    assert [v.code for v in _detect(ARTICLE, notice, max_notice_words=100)] == [
        "paywall.continue_reading"
    ]


def test_settings() -> None:
    label = "Réservé aux abonnés : les résultats complets du sondage régional"
    assert [v.code for v in _detect(ARTICLE, label)] == ["paywall.subscriber_only"]
    assert _detect(ARTICLE, label, max_label_words=4) == []
    assert _detect(ARTICLE, "To continue reading:", max_bare_words=2) == []
    assert [v.code for v in _detect(ARTICLE, "To continue reading:")] == [
        "paywall.continue_reading"
    ]


@pytest.mark.parametrize(
    "options",
    [{"max_notice_word": 5}, {"max_notice_words": 0}, {"max_label_words": -3}],
)
def test_invalid_settings_are_config_errors(options: dict[str, Any]) -> None:
    with pytest.raises(ConfigError, match="paywall"):
        PaywallDetector(**options)


def test_config_is_frozen() -> None:
    with pytest.raises(pydantic.ValidationError):
        PaywallConfig().max_notice_words = 3  # type: ignore[misc]


def test_empty_page() -> None:
    page, _ = cleannews.Pipeline(["paywall"]).segment("", format="text")
    assert list(PaywallDetector().detect(page)) == []


def test_adversarial_megabyte_returns() -> None:
    # Prefixes of the phrases, cut one character short, and a real notice
    # every few blocks.
    lines = [
        "Subscribe to continue readin",
        "Already a subscribe" + " Already a subscriber?" * 20,
        "Réservé aux abonné",
        "Already a subscriber? Log in",
        "To continue reading " * 40,
    ]
    unit = "\n\n".join(lines)
    text = "\n\n".join([unit] * (1_000_000 // (len(unit) + 2) + 1))
    assert len(text) >= 1_000_000
    page, _ = cleannews.Pipeline(["paywall"]).segment(text, format="text")
    verdicts = list(PaywallDetector().detect(page))
    planted = {b.index for b in page.blocks if b.text == "Already a subscriber? Log in"}
    assert len(planted) > 500
    assert {v.block for v in verdicts} == planted
