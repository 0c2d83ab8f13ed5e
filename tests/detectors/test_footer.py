"""The footer detector: copyright notices, legal links, site credits.

Fixtures (``tests/fixtures/footer/``) hold article pages in eight languages
about privacy and copyright, with their page footers; the articles'
sentences about privacy policies and copyright lawsuits, a photo credit
with "©" and a lone "Kontakt" heading are the near-misses. These unit tests
pin the reason codes, the line between a copyright notice and a photo
credit, and the settings.
"""

from __future__ import annotations

from typing import Any

import pydantic
import pytest

from cleannews import BlockKind, ConfigError, Verdict
from cleannews.detectors.footer import FooterConfig, FooterDetector

from .fixture_cases import Case, check_case, load_cases
from .fixture_cases import page_of as _page
from .fixture_cases import segment as _segment


@pytest.mark.parametrize("case", load_cases("footer"))
def test_fixture(case: Case) -> None:
    check_case(case)


PROSE = (
    "The regulator fined the company on Tuesday because its privacy policy did not explain "
    "which data it kept about its customers, and for how long it kept them."
)


def _detect(*blocks: str, **options: Any) -> list[Verdict]:
    return list(FooterDetector(**options).detect(_page(*blocks)))


def _codes(*blocks: str) -> dict[int, str]:
    return {v.block: v.code for v in _detect(*blocks)}


@pytest.mark.parametrize(
    "line",
    [
        "© 2024 Example Media Ltd. All rights reserved.",
        "Copyright © 2008-2021 skispringen.com",
        "Copyright 2018 - Example Inc.",
        "©2023 Village Voice, LLC. All rights reserved. | Site map",
        "KnowTechie © 2019",
        "Alle Rechte vorbehalten.",
        "© 2019 Verlag GmbH. Alle Rechte vorbehalten.",
        "Tous droits réservés",
        "2022 - Todos los derechos reservados.",
        "Tutti i diritti riservati",
        "©RIPRODUZIONE RISERVATA",
        "Todos os direitos reservados",
        "Alle rechten voorbehouden",
        "Wszelkie prawa zastrzeżone",
        "Copyright",
    ],
)
def test_copyright_notices(line: str) -> None:
    assert _codes(PROSE, line) == {1: "footer.copyright"}


@pytest.mark.parametrize(
    "line",
    [
        "Privacy Policy | Terms of Use | Contact",
        "About Us · Contact · Privacy Policy",
        "Impressum",
        "Datenschutzerklärung",
        "Kontakt · Impressum · Datenschutz · AGB",
        "Mentions légales",
        "Politique de confidentialité | Conditions générales d'utilisation",
        "Aviso legal | Política de privacidad | Política de cookies",
        "Note legali | Privacy | Contatti",
        "Política de privacidade | Termos de uso",
        "Privacybeleid | Algemene voorwaarden | Colofon",
        "Polityka prywatności | Regulamin | Kontakt",
        "Home\nAbout Us\nContact\nDisclosures\nPrivacy Policy",
    ],
)
def test_legal_link_lines(line: str) -> None:
    assert _codes(PROSE, line) == {1: "footer.links"}


@pytest.mark.parametrize(
    "line",
    [
        "Powered by WordPress",
        "Proudly powered by Newspack by Automattic",
        "Theme by Example Themes",
        "Design von Andreas Viklund",
        "Propulsé par WordPress",
        "Desarrollado por Ejemplo",
        "Realizzato da Esempio Srl",
    ],
)
def test_site_credits(line: str) -> None:
    assert _codes(PROSE, line) == {1: "footer.credits"}


@pytest.mark.parametrize(
    "block",
    [
        "© Getty Images",
        "Workers at the company's headquarters. © Getty Images",
        "Foto: © dpa",
        "The company agreed to pay $25 million to settle a copyright lawsuit.",
        "Copyright holders will be paid under the new law, the minister said.",
        "Privacy campaigners welcomed the ruling on Tuesday.",
        "Der Datenschutz in Arztpraxen wird strenger, teilte das Ministerium mit.",
        "Kontakt",
        "Contact",
        "About the author",
        "2019 war ein schwieriges Jahr für die Branche, sagte der Sprecher.",
        "Powered by renewable energy, the plant will open in May next year, the company said, "
        "after a delay of almost two years caused by a dispute with the builders.",
    ],
)
def test_near_misses_give_no_verdict(block: str) -> None:
    assert _detect(PROSE, block) == []


def test_grading() -> None:
    verdicts = {
        v.block: v.confidence
        for v in _detect(
            "© 2024 Example Media Ltd. All rights reserved.",
            "Impressum\nDatenschutz\nKontakt",
            "Kontakt | Jobs | Presse",
            "Impressum\nDatenschutz\nPolitik",
            "Copyright",
        )
    }
    assert verdicts[0] >= 0.85 and verdicts[1] >= 0.85
    assert 0.5 <= verdicts[2] < 0.85  # generic links only
    assert 0.5 <= verdicts[3] < 0.85  # a legal link in a menu of other words
    assert 0.5 <= verdicts[4] < 0.85  # the word alone


def test_long_notice_is_prose() -> None:
    notice = "© 2024 Example Media. " + "This text may be quoted with a link to the source. " * 8
    assert _detect(PROSE, notice) == []
    assert _detect(PROSE, notice, max_notice_words=200) != []


def test_verdicts_are_footer_kind() -> None:
    verdicts = _detect("Impressum", PROSE, "Powered by WordPress", "© 2024 Example")
    assert len(verdicts) == 3
    assert all(v.kind is BlockKind.FOOTER and v.reason for v in verdicts)


@pytest.mark.parametrize(
    "options", [{"max_notice_words": 0}, {"max_credit_words": -2}, {"footer": True}]
)
def test_invalid_settings_are_config_errors(options: dict[str, Any]) -> None:
    with pytest.raises(ConfigError):
        FooterDetector(**options)


def test_config_is_frozen() -> None:
    config = FooterConfig()
    with pytest.raises(pydantic.ValidationError):
        config.max_notice_words = 3  # type: ignore[misc]


def test_empty_page() -> None:
    assert list(FooterDetector().detect(_segment(""))) == []


def test_adversarial_megabyte_returns() -> None:
    # Worst cases on 1 MB: "©" runs without a year, years followed by 80
    # characters and no rights word, items spoiled by their last word,
    # rights phrases after 400 characters, lines of separators.
    lines = [
        "© " * 100,
        "2019 " + "x" * 80 + " reserved",
        "Impressum · Datenschutz · Kontakt · " * 5 + "Politik",
        "Copyright " + "a" * 401 + " All rights reserved",
        "Powered by " + "WordPress " * 40,
        "· | · | " * 30,
        "© 2024 Example Media. All rights reserved.",  # real, in every unit
    ]
    unit = "\n\n".join(lines)
    units = 1_000_000 // (len(unit) + 2) + 1
    text = "\n\n".join([unit] * units)
    assert len(text) >= 1_000_000
    page = _segment(text)
    verdicts = list(FooterDetector().detect(page))
    assert all(0 <= v.block <= v.last_block < len(page.blocks) for v in verdicts)
    flagged = {v.block for v in verdicts}
    planted = {b.index for b in page.blocks if b.text.startswith("© 2024 Example Media")}
    assert len(planted) == units and planted <= flagged
    assert not any(
        page.blocks[i].text.startswith(("© © ", "2019 x", "Copyright a")) for i in flagged
    )
    # One 1 MB line of footer words: a single block, no footer line.
    assert list(FooterDetector().detect(_segment("Impressum Datenschutz " * 45_455))) == []
