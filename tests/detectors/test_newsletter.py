"""The newsletter detector: sign-up promos, grouped as units, and support asks.

Fixtures (``tests/fixtures/newsletter/``, one page per language) put a promo
after an article whose own paragraphs mention a newsletter, subscribers or
support in prose; those must stay unflagged. These unit tests pin the reason
codes, the extent of a unit, the confidences and the settings.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pydantic
import pytest

import cleannews
from cleannews import BlockKind, ConfigError, Page, Verdict
from cleannews.detectors.newsletter import NewsletterConfig, NewsletterDetector

from .fixture_cases import Case, check_case, load_cases

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"

ARTICLE = (
    "The council approved the new budget on Monday evening, after a debate that lasted "
    "more than four hours and drew hundreds of parents to the town hall."
)
HEADLINE = "Transit Agency Weighs Fare Cuts For Night Riders"


@pytest.mark.parametrize("case", load_cases("newsletter"))
def test_fixture(case: Case) -> None:
    check_case(case)


def _page(*blocks: str) -> Page:
    page, _ = cleannews.Pipeline(["newsletter"]).segment("\n\n".join(blocks), format="text")
    assert len(page.blocks) == len(blocks)
    return page


def _detect(*blocks: str, **options: Any) -> list[Verdict]:
    return list(NewsletterDetector(**options).detect(_page(*blocks)))


def _spans(*blocks: str, **options: Any) -> list[tuple[str, int, int]]:
    return [(v.code, v.block, v.last_block) for v in _detect(*blocks, **options)]


def test_seed_promo_is_one_unit() -> None:
    verdicts = _detect(
        ARTICLE,
        "Start your day with National Memo Newsletter",
        "Know first.",
        "The opinions that matter. Delivered to your inbox every morning",
        HEADLINE,
    )
    assert [(v.code, v.block, v.last_block) for v in verdicts] == [
        ("newsletter.signup", 1, 1),
        ("newsletter.unit", 2, 2),
        ("newsletter.delivery_promise", 3, 3),
    ]
    assert all(
        v.kind is BlockKind.NEWSLETTER_PROMO and v.detector == "newsletter" for v in verdicts
    )
    confidence = {v.code: v.confidence for v in verdicts}
    # Strong whole-block anchors, weaker unit extension, both removing.
    assert confidence["newsletter.signup"] >= 0.8
    assert confidence["newsletter.delivery_promise"] >= 0.8
    assert 0.5 <= confidence["newsletter.unit"] <= 0.7


def test_seed_page_lines_53_to_57_are_flagged() -> None:
    text = (FIXTURES / "syria-putin.txt").read_text(encoding="utf-8")
    gold = json.loads((FIXTURES / "syria-putin.gold.json").read_text(encoding="utf-8"))
    lines = next(g["lines"] for g in gold["discarded"] if "newsletter_promo" in g["kinds"])
    pipeline = cleannews.Pipeline(["newsletter"])
    page, _ = pipeline.segment(text, format="text")
    flagged = {i for v in pipeline.detect(page) for i in range(v.block, v.last_block + 1)}
    flagged_lines = {text.count("\n", 0, page.blocks[i].start) + 1 for i in flagged}
    assert set(lines) <= flagged_lines
    # Nothing else on the seed page is a newsletter promo.
    assert flagged_lines == set(lines)


def test_unit_stops_at_a_headline_and_at_prose() -> None:
    spans = _spans(
        ARTICLE,
        "Sign up for our newsletter",
        "Email *",
        "You can unsubscribe at any time. We will never share your email address.",
        HEADLINE,
        ARTICLE,
    )
    assert spans == [("newsletter.signup", 1, 1), ("newsletter.unit", 2, 3)]


def test_unit_above_the_anchor_takes_only_a_heading_about_the_promo() -> None:
    spans = _spans(
        ARTICLE, "Your weekly briefing", "Email Newsletter", "Sign up for our newsletter"
    )
    # "Email Newsletter" is itself an anchor (a newsletter's name); the
    # heading above it says nothing of the promo and stays out.
    assert ("newsletter.heading", 2, 2) in spans
    assert all(start > 1 for _, start, _ in spans)


def test_short_sign_off_above_a_promo_is_not_taken() -> None:
    spans = _spans(ARTICLE, "Euer Hans", "Kostenlos zum Newsletter anmelden")
    assert [start for _, start, _ in spans] == [2]


@pytest.mark.parametrize(
    ("block", "code"),
    [
        ("Newsletter", "newsletter.heading"),
        ("PC Gamer Newsletter", "newsletter.heading"),
        ("NEWSLETTER", "newsletter.heading"),
        ("Nieuwsbrief", "newsletter.heading"),
        ("Newsletter abonnieren", "newsletter.signup"),
        ("Melden Sie sich für unseren Newsletter an!", "newsletter.signup"),
        ("Inscrivez-vous à la newsletter", "newsletter.signup"),
        ("Suscríbete a nuestro boletín por correo", "newsletter.signup"),
        ("Iscriviti alla newsletter", "newsletter.signup"),
        ("Assine nossa newsletter", "newsletter.signup"),
        ("Schrijf je in voor de nieuwsbrief", "newsletter.signup"),
        ("Zapisz się do newslettera", "newsletter.signup"),
        ("SIGN UP FOR EMAIL UPDATES", "newsletter.signup"),
        ("Wir informieren Sie regelmäßig über unsere Arbeit.", "newsletter.regular_updates"),
        ("Thank you for your support!", "newsletter.support_ask"),
        ("Jetzt spenden!", "newsletter.support_ask"),
        ("E-Mail-Adresse", "newsletter.email_field"),
        ("Your email address *", "newsletter.email_field"),
    ],
)
def test_reason_codes(block: str, code: str) -> None:
    verdicts = _detect(ARTICLE, block, ARTICLE)
    assert [(v.code, v.block) for v in verdicts] == [(code, 1)]
    assert verdicts[0].reason


@pytest.mark.parametrize(
    "block",
    [
        "Residents who subscribe to the council's newsletter will find the full list there.",
        "Der Verlag stellte seinen Newsletter im Frühjahr ein, weil die Leser fehlten.",
        "Sign up sheets for the volunteer program were posted at the library on Monday.",
        "Start your day with a glass of water and a short walk, the doctors advise.",
        "Spam filters keep most junk out of your inbox, the researchers found.",
        "Newsletter subscribers rose 20 percent last year, the company said in its report.",
        "Thank you for your support through a long and difficult year, the mayor told them.",
        "Email",  # a lone label far from any promo is still only a label: see below
    ],
)
def test_prose_and_lone_labels(block: str) -> None:
    codes = [v.code for v in _detect(ARTICLE, block, ARTICLE)]
    if block == "Email":
        assert codes == ["newsletter.email_field"]
        assert all(v.confidence < 0.8 for v in _detect(ARTICLE, block, ARTICLE))
    else:
        assert codes == []


def test_menu_item_in_a_grouped_block_is_not_a_promo() -> None:
    page, _ = cleannews.Pipeline(["newsletter"]).segment(
        f"{ARTICLE}\n\nKontakt\nImpressum\nDatenschutz\nNewsletter abonnieren\nWerben\n\n{ARTICLE}",
        format="text",
    )
    assert "\n" in page.blocks[1].text
    assert list(NewsletterDetector().detect(page)) == []


def test_settings_change_the_unit() -> None:
    blocks = (ARTICLE, "Sign up for our newsletter", "Email *", "Submit now", HEADLINE)
    assert ("newsletter.unit", 2, 3) in _spans(*blocks)
    assert ("newsletter.unit", 2, 2) in _spans(*blocks, max_blocks_after=1)
    # No unit: the label next to the promo is only a label again.
    assert _spans(*blocks, max_blocks_after=0) == [
        ("newsletter.signup", 1, 1),
        ("newsletter.email_field", 2, 2),
    ]
    # A lower anchor limit turns the call into no anchor at all.
    assert _spans(*blocks, max_anchor_words=3) == [("newsletter.email_field", 2, 2)]


def test_settings_through_the_pipeline() -> None:
    pipeline = cleannews.Pipeline(["newsletter"], settings={"newsletter": {"max_blocks_after": 0}})
    page, _ = pipeline.segment(f"{ARTICLE}\n\nSign up for our newsletter\n\nSubmit", format="text")
    assert [v.code for v in pipeline.detect(page)] == ["newsletter.signup"]


@pytest.mark.parametrize(
    "options",
    [
        {"max_anchor_word": 40},  # misspelt
        {"max_anchor_words": 0},
        {"max_blocks_after": -1},
        {"max_short_words": 30},  # more than max_unit_words
        {"max_unit_words": "many"},
    ],
)
def test_invalid_settings_are_config_errors(options: dict[str, Any]) -> None:
    with pytest.raises(ConfigError, match="newsletter"):
        NewsletterDetector(**options)
    with pytest.raises(ConfigError):
        cleannews.Pipeline(["newsletter"], settings={"newsletter": options})


def test_config_is_frozen() -> None:
    config = NewsletterConfig()
    with pytest.raises(pydantic.ValidationError):
        config.max_anchor_words = 3  # type: ignore[misc]


def test_empty_page() -> None:
    page, _ = cleannews.Pipeline(["newsletter"]).segment("", format="text")
    assert list(NewsletterDetector().detect(page)) == []


def test_adversarial_megabyte_returns() -> None:
    # Phrase prefixes that stop one character short, long runs of the
    # literal the scan jumps to, and a real promo every few blocks so that
    # the unit walk runs thousands of times.
    lines = [
        "Sign u" + " newslette" * 30,
        "wsletter" * 40,
        "Newsletter " * 50 + "sign up now",
        "Subscribe to our newsletter",
        "Email *",
        "inbox " * 60,
        "Ab",
    ]
    unit = "\n\n".join(lines)
    text = "\n\n".join([unit] * (1_000_000 // (len(unit) + 2) + 1))
    assert len(text) >= 1_000_000
    page, _ = cleannews.Pipeline(["newsletter"]).segment(text, format="text")
    verdicts = list(NewsletterDetector().detect(page))
    assert all(0 <= v.block <= v.last_block < len(page.blocks) for v in verdicts)
    planted = {b.index for b in page.blocks if b.text == "Subscribe to our newsletter"}
    anchors = {v.block for v in verdicts if v.code == "newsletter.signup"}
    assert len(planted) > 500
    assert planted <= anchors
    # One 1 MB block of a repeated call: a single long block, not a promo.
    page, _ = cleannews.Pipeline(["newsletter"]).segment(
        "newsletter sign up " * 55_556, format="text"
    )
    assert list(NewsletterDetector().detect(page)) == []
