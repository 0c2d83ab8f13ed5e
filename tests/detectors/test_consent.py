"""The consent detector: cookie banners, consent buttons, form privacy notices.

Fixtures (``tests/fixtures/consent/``, one page per language) hold the
notices after an article about cookies and consent, whose sentences use the
same words ("users who accept cookies", "Wir verwenden Cookies nur dort …,
sagte der Sprecher"). These unit tests pin the reason codes, the shape rules
and the settings.
"""

from __future__ import annotations

from typing import Any

import pydantic
import pytest

import cleannews
from cleannews import BlockKind, ConfigError, Page, Verdict
from cleannews.detectors.consent import ConsentConfig, ConsentDetector

from .fixture_cases import Case, check_case, load_cases

ARTICLE = (
    "Europe's top court ruled on Thursday that websites must obtain active consent before "
    "they place tracking cookies on a visitor's device, rejecting pre-ticked boxes."
)


@pytest.mark.parametrize("case", load_cases("consent"))
def test_fixture(case: Case) -> None:
    check_case(case)


def _page(*blocks: str) -> Page:
    page, _ = cleannews.Pipeline(["consent"]).segment("\n\n".join(blocks), format="text")
    assert len(page.blocks) == len(blocks)
    return page


def _detect(*blocks: str, **options: Any) -> list[Verdict]:
    return list(ConsentDetector(**options).detect(_page(*blocks)))


@pytest.mark.parametrize(
    ("block", "code"),
    [
        ("We use cookies.", "consent.cookie_notice"),
        (
            "Wir verwenden Cookies, um Ihnen das beste Nutzererlebnis zu bieten.",
            "consent.cookie_notice",
        ),
        (
            "Privacy & Cookies: This site uses cookies. By continuing to use this site, you agree.",
            "consent.cookie_notice",
        ),
        ("Questo sito utilizza cookie tecnici.", "consent.cookie_notice"),
        ("Ta strona używa plików cookies.", "consent.cookie_notice"),
        (
            "Um unsere Webseite für Sie optimal zu gestalten, verwenden wir Cookies. Durch die "
            "weitere Nutzung der Webseite stimmen Sie der Verwendung von Cookies zu.",
            "consent.cookie_consent",
        ),
        (
            "Boing Boing uses cookies and analytics trackers. By continuing, you agree to our use "
            "of cookies.",
            "consent.cookie_consent",
        ),
        ("Accept all", "consent.button"),
        ("Alle akzeptieren Speichern Individuelle Datenschutzeinstellungen", "consent.button"),
        ("Manage preferences", "consent.button"),
        ("Tout refuser", "consent.button"),
        (
            "Your email address will not be published. Required fields are marked *",
            "consent.form_notice",
        ),
        ("Diese Website verwendet Akismet, um Spam zu reduzieren.", "consent.form_notice"),
        (
            "This site is protected by reCAPTCHA and the Google Privacy Policy applies.",
            "consent.form_notice",
        ),
        (
            "Ich habe die Datenschutzerklärung gelesen und akzeptiere sie.",
            "consent.privacy_checkbox",
        ),
        ("By subscribing, you agree to our Terms and Privacy Policy.", "consent.privacy_checkbox"),
        (
            "Ich bin damit einverstanden, dass meine E-Mail-Adresse für Newsletter genutzt wird.",
            "consent.privacy_checkbox",
        ),
    ],
)
def test_reason_codes(block: str, code: str) -> None:
    verdicts = _detect(ARTICLE, block, ARTICLE)
    assert [(v.code, v.block) for v in verdicts] == [(code, 1)]
    assert verdicts[0].kind is BlockKind.CONSENT_NOTICE
    assert verdicts[0].confidence >= 0.8
    assert verdicts[0].reason


@pytest.mark.parametrize(
    "block",
    [
        ARTICLE,
        # Reported speech that opens like a banner, with nothing of a banner.
        "Wir verwenden Cookies nur dort, wo es technisch nötig ist, sagte der Sprecher eines "
        "Händlers auf Nachfrage und kündigte an, das Banner bis zum Sommer zu überarbeiten.",
        # Prose about cookies and consent, about other sites, in the third person.
        "Bei mehr als der Hälfte der Shops sei das Ablehnen von Cookies deutlich schwerer als "
        "das Zustimmen, heißt es im Bericht der Datenschutzbehörden.",
        "Advertisers warned that users who accept cookies will see little difference.",
        # Checkbox openers that are also prose, without anything about data.
        "Ich bin damit einverstanden, dass die Stadt den Platz umbaut, sagte die Anwohnerin.",
        # Button words that open a longer sentence.
        "Accept all the help you can get when you move house, the removal firm advises its "
        "customers, and book early in the summer.",
        # A cookie recipe.
        "Chocolate chip cookies keep for a week in an airtight tin.",
    ],
)
def test_prose_gives_no_verdict(block: str) -> None:
    assert _detect(ARTICLE, block, ARTICLE) == []


def test_menu_item_in_a_grouped_block_is_not_flagged() -> None:
    page, _ = cleannews.Pipeline(["consent"]).segment(
        f"{ARTICLE}\n\nImpressum\nKontakt\nCookie-Einstellungen\nAGB\n\n{ARTICLE}",
        format="text",
    )
    assert "\n" in page.blocks[1].text
    assert list(ConsentDetector().detect(page)) == []


def test_settings() -> None:
    quote = (
        "We use cookies sparingly on the intranet and only for logins, the company's security "
        "officer said."
    )
    assert _detect(ARTICLE, quote) == []
    assert [v.code for v in _detect(ARTICLE, quote, max_bare_notice_words=20)] == [
        "consent.cookie_notice"
    ]
    assert _detect(ARTICLE, "Accept all cookies and close", max_button_words=3) == []


@pytest.mark.parametrize(
    "options", [{"max_notice_word": 5}, {"max_notice_words": 0}, {"max_button_words": "x"}]
)
def test_invalid_settings_are_config_errors(options: dict[str, Any]) -> None:
    with pytest.raises(ConfigError, match="consent"):
        ConsentDetector(**options)


def test_config_is_frozen() -> None:
    with pytest.raises(pydantic.ValidationError):
        ConsentConfig().max_notice_words = 3  # type: ignore[misc]


def test_empty_page() -> None:
    page, _ = cleannews.Pipeline(["consent"]).segment("", format="text")
    assert list(ConsentDetector().detect(page)) == []


def test_adversarial_megabyte_returns() -> None:
    # 'cookie ' * 200000 in one block: the literal scan finds 200,000
    # candidates in one block, which is looked at once and is far too long.
    page, _ = cleannews.Pipeline(["consent"]).segment("cookie " * 200_000, format="text")
    assert list(ConsentDetector().detect(page)) == []
    # Banner prefixes cut short, many short cookie lines, and a real banner
    # every few blocks.
    lines = [
        "We use cookie",
        "cookie " * 8 + "our website",
        "Diese Website verwendet Cookie",
        "We use cookies. By continuing to use this site you agree.",
        "Accept al",
    ]
    unit = "\n\n".join(lines)
    text = "\n\n".join([unit] * (1_000_000 // (len(unit) + 2) + 1))
    assert len(text) >= 1_000_000
    page, _ = cleannews.Pipeline(["consent"]).segment(text, format="text")
    verdicts = list(ConsentDetector().detect(page))
    planted = {
        b.index
        for b in page.blocks
        if b.text == "We use cookies. By continuing to use this site you agree."
    }
    assert len(planted) > 1000
    assert planted <= {v.block for v in verdicts}
    assert all(0 <= v.block <= v.last_block < len(page.blocks) for v in verdicts)


@pytest.mark.parametrize(
    "block",
    [
        "Mit dem Absenden des Formulars endete die Frist für die Bewerber am Freitag.",
        "Mit dem Klick auf den Knopf startete die Ministerin die neue Anlage.",
        "I consent to nothing of the kind, the senator replied during the hearing.",
    ],
)
def test_checkbox_openers_in_prose_need_data_words(block: str) -> None:
    assert _detect(ARTICLE, block, ARTICLE) == []
    with_data = f"{block} Ihre Daten werden gemäß der Datenschutzerklärung verarbeitet."
    assert [v.code for v in _detect(ARTICLE, with_data, ARTICLE)] == ["consent.privacy_checkbox"]
