"""The share detector: share buttons, follow prompts, print and mail actions.

Fixtures (``tests/fixtures/share/``) hold article pages in eight languages
with their share widgets; the articles' own sentences about Facebook,
sharing and following are the near-misses. These unit tests pin the reason
codes, the graded confidences and the settings.
"""

from __future__ import annotations

from typing import Any

import pydantic
import pytest

import cleannews
from cleannews import BlockKind, ConfigError, Verdict
from cleannews.detectors.share import ShareConfig, ShareDetector

from .fixture_cases import Case, check_case, load_cases
from .fixture_cases import page_of as _page
from .fixture_cases import segment as _segment


@pytest.mark.parametrize("case", load_cases("share"))
def test_fixture(case: Case) -> None:
    check_case(case)


PROSE = (
    "The council approved the budget on Monday after a debate that lasted more than four "
    "hours and drew hundreds of parents to the town hall, where the mayor spoke first."
)


def _detect(*blocks: str, **options: Any) -> list[Verdict]:
    return list(ShareDetector(**options).detect(_page(*blocks)))


def _codes(*blocks: str) -> dict[int, str]:
    return {v.block: v.code for v in _detect(*blocks)}


@pytest.mark.parametrize(
    "line",
    [
        # en
        "Share", "Tweet", "Print", "Email", "Share on Facebook", "Facebook Twitter LinkedIn",
        "Click to share on Reddit (Opens in new window)", "Share via E-Mail", "Shares: 0",
        # de
        "Teilen", "Drucken", "Artikel teilen", "Inhalt teilen", "Auf Facebook teilen",
        "Teilen auf Twitter: 12", "TEILEN TWITTERN TEILEN MAILEN",
        # fr es it pt
        "Partager", "Partager sur Facebook", "Compartir", "Compartir en Twitter", "Imprimir",
        "Condividi", "Stampa", "Partilhar", "Compartilhar no WhatsApp",
        # nl pl
        "Delen", "Deel op Facebook", "Afdrukken", "Udostępnij", "Udostępnij na Facebooku",
        "Drukuj",
    ],
)  # fmt: skip
def test_share_lines_in_every_language(line: str) -> None:
    codes = _codes(PROSE, line, "Facebook")
    assert codes[1] in ("share.buttons", "share.prompt")
    assert 0 not in codes


@pytest.mark.parametrize(
    "line, code",
    [
        ("Share this article with your friends", "share.prompt"),
        ("Share on Facebook", "share.prompt"),
        ("Empfiehl dies deinen Freunden.", "share.prompt"),
        ("Möchten Sie den Artikel teilen?", "share.prompt"),
        ("Partagez cet article avec vos proches", "share.prompt"),
        ("Condividi questo articolo", "share.prompt"),
        ("Follow us on Instagram", "share.follow"),
        ("Folgen Sie uns auf Facebook und Twitter", "share.follow"),
        ("Suivez-nous sur Twitter", "share.follow"),
        ("Síguenos en Telegram, Instagram, Facebook y Twitter", "share.follow"),
        ("Seguici su Facebook", "share.follow"),
        ("Siga-nos no Instagram", "share.follow"),
        ("Volg ons op Twitter", "share.follow"),
        ("Obserwuj nas na Facebooku", "share.follow"),
        ("You can keep up with me on Twitter: @josiah", "share.follow"),
    ],
)
def test_prompts(line: str, code: str) -> None:
    assert _codes(PROSE, line) == {1: code}


@pytest.mark.parametrize(
    "block",
    [
        "Parents shared videos of the debate on Facebook and Twitter, the mayor said.",
        "Follow the money, one council member told reporters after the vote on Monday.",
        "Follow these steps to print your ticket at home before you travel.",
        "Die Polizei teilte am Montag mit, dass die Straße gesperrt bleibt.",
        "Auf Facebook und Twitter hatten viele Pendler über Verspätungen geklagt.",
        "Les maires ont partagé leurs inquiétudes sur Facebook.",
        "El Gobierno quiere compartir el plan con los sindicatos.",
        "I sindacati hanno condiviso il comunicato su Facebook.",
        "Gemeenten delen de zorgen van de woningcorporaties.",
        "Rzecznik udostępnił nagranie na Twitterze we wtorek.",
        "Facebook shares fell 5% on Tuesday",
        "Share prices rose sharply after the announcement",
        "E-Mail-Adresse",
        "Print edition",
    ],
)
def test_sentences_with_share_words_give_no_verdict(block: str) -> None:
    assert _detect(PROSE, block) == []


def test_a_lone_network_name_between_paragraphs_stays_below_removal() -> None:
    # "Facebook" as a subheading of an article about Facebook: the resolver decides.
    verdicts = _detect(PROSE, "Facebook", PROSE)
    assert [(v.code, v.confidence < 0.5) for v in verdicts] == [("share.buttons", True)]
    # The same word above a menu of buttons is a button.
    assert _detect(PROSE, "Facebook", "Twitter")[0].confidence >= 0.8


def test_menu_with_share_lines_is_graded_by_their_share() -> None:
    mostly = _detect(PROSE, "Facebook\nTwitter\nRSS\nImpressum")
    assert [(v.code, v.confidence) for v in mostly] == [("share.buttons_in_menu", 0.7)]
    few = _detect(PROSE, "Politik\nWirtschaft\nSport\nKultur\nFacebook")
    assert [(v.code, v.confidence < 0.5) for v in few] == [("share.buttons_in_menu", True)]


def test_verdicts_are_share_kind_and_prefixed() -> None:
    verdicts = _detect(PROSE, "Share", "Follow us on Instagram", "Drucken")
    assert verdicts
    assert all(v.kind is BlockKind.SHARE and v.code.startswith("share.") for v in verdicts)
    assert all(v.reason for v in verdicts)


def test_first_block_of_the_page_is_scanned() -> None:
    assert _codes("Facebook Twitter E-Mail", PROSE) == {0: "share.buttons"}


def test_long_prompt_block_is_prose() -> None:
    long_follow = "Follow us on Twitter " + "and read the whole story about the council " * 5
    assert _detect(PROSE, long_follow) == []
    assert _detect(PROSE, long_follow, max_prompt_words=100) != []


@pytest.mark.parametrize(
    "options",
    [{"max_prompt_words": 0}, {"min_neighbour_prose_words": -1}, {"max_prompt_words": "many"}],
)
def test_invalid_settings_are_config_errors(options: dict[str, Any]) -> None:
    with pytest.raises(ConfigError):
        ShareDetector(**options)


def test_config_is_frozen() -> None:
    config = ShareConfig()
    with pytest.raises(pydantic.ValidationError):
        config.max_prompt_words = 3  # type: ignore[misc]


def test_empty_page() -> None:
    page, _ = cleannews.Pipeline(["share"]).segment("", format="text")
    assert list(ShareDetector().detect(page)) == []


def test_adversarial_megabyte_returns() -> None:
    # The scan's and the line check's worst cases on 1 MB: lines of glue
    # words that fail at their last word, 24+ vocabulary words, counters
    # with commas, starters followed by 301 characters, separators only.
    lines = [
        "Share " + "on the in with to via per this " * 3 + "x",
        " ".join(["Facebook"] * 30),
        "Teilen: " + "1,2," * 40,
        "Share " + "a" * 301,
        "|·/|·/" * 20,
        "Auf " * 60,
        "E-Mail",  # a real button in every unit: still found under load
    ]
    unit = "\n\n".join(lines)
    units = 1_000_000 // (len(unit) + 2) + 1
    text = "\n\n".join([unit] * units)
    assert len(text) >= 1_000_000
    page = _segment(text)
    verdicts = list(ShareDetector().detect(page))
    assert all(0 <= v.block <= v.last_block < len(page.blocks) for v in verdicts)
    flagged = {v.block for v in verdicts}
    planted = {b.index for b in page.blocks if b.text == "E-Mail"}
    assert len(planted) == units and planted <= flagged
    assert not any(page.blocks[i].text.startswith("Share a") for i in flagged)
    # One 1 MB line of share words: a single block, far too long for a button row.
    assert list(ShareDetector().detect(_page("Facebook Twitter " * 62_500))) == []
