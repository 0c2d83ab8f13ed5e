"""The call-to-action detector: the site asking the reader to act on the site.

Fixtures (``tests/fixtures/call_to_action/``) hold news, how-to and shop
pages in eight languages with their support asks, feedback prompts, rating
widgets, buttons and browser notices; the near-misses are the articles'
own sentences that address the reader (how-to steps, a police appeal,
directions) or quote someone's appeal. These unit tests pin the reason
codes, the graded confidences, the settings and the worst-case inputs.
"""

from __future__ import annotations

import time
from typing import Any

import pydantic
import pytest

from cleannews import BlockKind, ConfigError, Verdict
from cleannews.detectors.call_to_action import CallToActionConfig, CallToActionDetector

from .fixture_cases import Case, check_case, load_cases
from .fixture_cases import page_of as _page
from .fixture_cases import segment as _segment


@pytest.mark.parametrize("case", load_cases("call_to_action"))
def test_fixture(case: Case) -> None:
    check_case(case)


PROSE = (
    "The council approved the budget on Monday after a debate that lasted more than four "
    "hours and drew hundreds of parents to the town hall, where the mayor spoke first."
)
PROSA = (
    "Der Stadtrat hat am Dienstagabend mit großer Mehrheit ein neues Radwegekonzept "
    "beschlossen, nachdem die Debatte mehr als vier Stunden gedauert hatte."
)


def _detect(*blocks: str, **options: Any) -> list[Verdict]:
    return list(CallToActionDetector(**options).detect(_page(*blocks)))


def _verdict_of(block: str, prose: str = PROSE) -> Verdict | None:
    """The verdict on ``block`` standing between two paragraphs (``None``: none)."""
    verdicts = {v.block: v for v in _detect(prose, block, prose)}
    assert set(verdicts) <= {1}, "the paragraphs around the block must not be flagged"
    return verdicts.get(1)


@pytest.mark.parametrize(
    "block, code",
    [
        ("(Noch keine Bewertungen)", "rating_widget"),
        ("Was this article helpful?", "rating_widget"),
        ("War der Artikel nützlich?", "rating_widget"),
        ("Cet article vous a-t-il été utile ?", "rating_widget"),
        ("¿Te ha resultado útil este artículo?", "rating_widget"),
        ("Czy ten artykuł był pomocny?", "rating_widget"),
        ("Please enable JavaScript to view the comments.", "browser_notice"),
        ("You are using an outdated browser. Please upgrade it.", "browser_notice"),
        ("Thank you for visiting example.com. Your browser is not supported.", "browser_notice"),
        ("Jetzt kaufen", "shop_button"),
        ("ZUM ANGEBOT »", "shop_button"),
        ("Add to cart 19,99 €", "shop_button"),
        ("Deal abgelaufen? Jetzt melden! Abgelaufen?", "shop_button"),
        ("Log in or register to post comments", "login_prompt"),
        ("Bitte registrieren Sie sich und halten Sie sich an unsere Netiquette.", "login_prompt"),
    ],
)
def test_widgets_and_notices_are_final(block: str, code: str) -> None:
    verdict = _verdict_of(block)
    assert verdict is not None
    assert verdict.code == f"call_to_action.{code}"
    assert verdict.confidence >= 0.85


@pytest.mark.parametrize(
    "block, code",
    [
        ("If you enjoyed reading this post, would you consider supporting our work?", "support"),
        ("Unterstützen Sie unseren Journalismus", "support"),
        ("Gefällt dir unser Klettermagazin? Dann unterstütze uns mit einem Abo.", "support"),
        ("Wesprzyj nasze dziennikarstwo", "support"),
        ("We want to hear what you think about this article.", "feedback"),
        ("Verraten Sie gerne in den Kommentaren, was Sie davon halten.", "feedback"),
        ("Czekamy na Wasze maile z uwagami i komentarzami.", "feedback"),
        ("Laat het ons weten in de reacties.", "feedback"),
        ("Folge uns auch in den sozialen Medien.", "follow"),
        ("Download our app for breaking news alerts.", "follow"),
        ("Síguenos en Twitter y Facebook", "follow"),
        ("Suivez-nous sur les réseaux sociaux", "follow"),
        ("Sign up to comment on this article.", "register"),
        ("Hier können Sie den Artikel bewerten", "rating"),
        ("Besuchen Sie unseren Fan-Shop!", "follow"),
    ],
)
def test_appeals_remove_but_stay_below_final(block: str, code: str) -> None:
    prose = PROSA if any(w in block for w in ("Sie", "dir", "Folge", "Hier")) else PROSE
    verdict = _verdict_of(block, prose)
    assert verdict is not None
    assert verdict.code == f"call_to_action.{code}"
    assert 0.6 <= verdict.confidence <= 0.7


@pytest.mark.parametrize(
    "block",
    [
        # how-to steps address the reader about things other than the site
        "Click the Start button, then select Settings and click Update & Security.",
        "Download the installer from the vendor's website, then run it.",
        "Add the flour and stir until smooth, then let the dough rest for an hour.",
        "Install dependencies separately and earlier in your Dockerfile.",
        "Folgen Sie der Straße bis zur Kreuzung und biegen Sie dann links ab.",
        "Geben Sie das Mehl in eine Schüssel und rühren Sie die Eier unter.",
        "If you want to visit the museum, buy your tickets online in advance.",
        # appeals of people in the story
        '"Support us," the union leader told the crowd on Saturday.',
        "„Unterstützen Sie uns“, sagte der Bürgermeister bei der Versammlung.",
        "« Soutenez-nous », a déclaré la porte-parole.",
        "Wenn Sie Hinweise haben, melden Sie sich bei der Polizei unter 110.",
        # nouns that look like imperatives; single words; widgets in prose
        "Support for the measure has grown among our readers, a poll shows.",
        "Order of the day: the council will vote on the budget.",
        "Subscribe",
        "Jetzt ist die Regierung gefragt, sagte die Ministerin.",
        "Se il governo non interviene, la crisi peggiorerà.",
    ],
)
def test_reader_addressing_prose_gives_no_verdict(block: str) -> None:
    assert _verdict_of(block) is None


@pytest.mark.parametrize(
    "block, why",
    [
        ("Support our journalism, the editor urged readers in a column.", "reported speech"),
        ("You can download the app from the App Store.", "without the site's own object"),
        ("Sign in to your account and go to Settings.", "without the site's own object"),
    ],
)
def test_weak_appeals_remove_nothing(block: str, why: str) -> None:
    verdict = _verdict_of(block)
    assert verdict is not None
    assert verdict.code == "call_to_action.weak_appeal"
    assert verdict.confidence < 0.5
    assert why in verdict.reason


def test_object_must_stand_next_to_the_verb() -> None:
    near = "Besuchen Sie uns auf der Messe in Halle 4."
    far = (
        "Besuchen Sie dagegen eine malaiische Familie, sind Süßigkeiten und Dekogegenstände "
        "sehr beliebt; die bei uns übliche Flasche Sekt ist es nicht."
    )
    assert _verdict_of(near, PROSA) is not None
    assert _verdict_of(far, PROSA) is None


def test_bare_openings_need_a_pronoun_of_the_page_language() -> None:
    assert _verdict_of("Jetzt neu! Besuchen Sie unseren Fan-Shop!", PROSA) is not None
    assert _verdict_of("Jetzt neu! Der Verein eröffnet seinen Fan-Shop.", PROSA) is None


def test_only_line_openings_are_read_in_grouped_blocks() -> None:
    # A menu whose "Subscribe" item stands above "Newsletter": two items, no appeal.
    assert _verdict_of("Subscribe\nNewsletter\nFAQ\nPress") is None
    # The same call on one line of a sign-up box is one.
    verdict = _verdict_of("Stay informed\nSubscribe to our newsletter\nEmail")
    assert verdict is not None and verdict.code == "call_to_action.follow"


def test_long_blocks_are_prose() -> None:
    long_block = "Support our journalism and " + "read about the council and its budget " * 12
    assert _verdict_of(long_block) is None
    assert _detect(PROSE, long_block, max_words=200)


def test_verdicts_are_call_to_action_kind_and_prefixed() -> None:
    verdicts = _detect(PROSE, "Rate this article", "Follow us on Instagram", "Jetzt kaufen")
    assert [v.block for v in verdicts] == [1, 2, 3]
    assert all(v.kind is BlockKind.CALL_TO_ACTION for v in verdicts)
    assert all(v.code.startswith("call_to_action.") and v.reason for v in verdicts)


def test_first_block_of_the_page_is_scanned() -> None:
    verdicts = _detect("Please enable JavaScript to use this site.", PROSE)
    assert [(v.block, v.code) for v in verdicts] == [(0, "call_to_action.browser_notice")]


def test_confidences_follow_the_settings() -> None:
    block = "Unterstützen Sie unseren Journalismus"
    (verdict,) = _detect(PROSA, block, short_appeal_confidence=0.8)
    assert verdict.confidence == 0.8
    (verdict,) = _detect(PROSA, block, max_short_appeal_words=2)
    assert verdict.confidence == 0.65


@pytest.mark.parametrize(
    "options",
    [
        {"max_words": 0},
        {"max_words": 10, "max_short_appeal_words": 20},
        {"max_words": 10, "max_widget_words": 20},
        {"widget_confidence": 1.5},
        {"weak_confidence": 0.8},
        {"max_words": "many"},
        {"unknown_option": 1},
    ],
)
def test_invalid_settings_are_config_errors(options: dict[str, Any]) -> None:
    with pytest.raises(ConfigError):
        CallToActionDetector(**options)


def test_config_is_frozen() -> None:
    config = CallToActionConfig()
    with pytest.raises(pydantic.ValidationError):
        config.max_words = 3  # type: ignore[misc]


def test_empty_page() -> None:
    assert list(CallToActionDetector().detect(_segment(""))) == []


def test_adversarial_megabyte_returns() -> None:
    # Worst cases on 1 MB: short blocks that each open like a call (every
    # one is judged), an opening followed by a giant word after a
    # possessive (the object pattern's optional words), button lines of
    # filler that fail at the end, and one planted call per unit that must
    # still be found.
    lines = [
        "If you " * 8 + "x",
        "Support our " + "a" * 3000,
        "Jetzt kaufen " + "»" * 200 + " x",
        "Folgen Sie " + "uns " * 10 + "nicht",
        "Please enable JavaScript to view the comments.",
    ]
    unit = "\n\n".join(lines)
    units = 1_000_000 // (len(unit) + 2) + 1
    text = "\n\n".join([unit] * units)
    assert len(text) >= 1_000_000
    page = _segment(text)
    start = time.perf_counter()
    verdicts = list(CallToActionDetector().detect(page))
    assert time.perf_counter() - start < 2.0
    assert all(0 <= v.block <= v.last_block < len(page.blocks) for v in verdicts)
    planted = {b.index for b in page.blocks if b.text.startswith("Please enable JavaScript")}
    assert len(planted) == units and planted <= {v.block for v in verdicts}
    # One 1 MB line of openings: a single block, far too long for a call.
    assert list(CallToActionDetector().detect(_page("Follow us " * 100_000))) == []
