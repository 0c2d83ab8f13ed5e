"""The caption detector: photo credits by their shape, never by an agency name alone.

Fixtures (``tests/fixtures/caption/``, one page per language) mix credits
and captions with article prose that names the same agencies as sources
("…, Reuters reported", "MOSCOW (Reuters) -", "(PAP)", "(dpa)") and with
copyright footers, which must not be flagged.
"""

from __future__ import annotations

from typing import Any

import pydantic
import pytest

import cleannews
from cleannews import BlockKind, ConfigError, Page, Verdict
from cleannews.detectors.caption import CaptionConfig, CaptionDetector

from .fixture_cases import Case, check_case, load_cases


@pytest.mark.parametrize("case", load_cases("caption"))
def test_fixture(case: Case) -> None:
    check_case(case)


#: An English paragraph around the block under test (fixes the page language).
PROSE = (
    "Syrian President Bashar Assad made a surprise visit to Moscow for talks with Russian "
    "President Vladimir Putin, the Kremlin said on Wednesday, in his first trip abroad in years."
)
CREDIT = BlockKind.PHOTO_CREDIT
CAPTION = BlockKind.CAPTION


def _page(text: str) -> Page:
    page, _ = cleannews.Pipeline(["caption"]).segment(text, format="text")
    return page


def _detect(block: str, **options: Any) -> list[Verdict]:
    """Verdicts on ``block`` placed between two paragraphs (it is block 1)."""
    page = _page(f"{PROSE}\n\n{block}\n\n{PROSE}")
    assert page.blocks[1].text == block
    verdicts = list(CaptionDetector(**options).detect(page))
    assert all(v.block == 1 and v.detector == "caption" for v in verdicts)
    return verdicts


def _found(block: str, **options: Any) -> list[tuple[str, BlockKind]]:
    return [(v.code, v.kind) for v in _detect(block, **options)]


@pytest.mark.parametrize(
    ("block", "code", "kind"),
    [
        ("Photo: Amir Cohen/REUTERS", "caption.credit_label", CREDIT),
        ("Photo by Amir Cohen/REUTERS", "caption.credit_label", CREDIT),
        ("Image credit: NASA/JPL-Caltech", "caption.credit_label", CREDIT),
        ("Foto: dpa", "caption.credit_label", CREDIT),
        ("Crédit photo : AFP", "caption.credit_label", CREDIT),
        ("Fot. PAP", "caption.credit_label", CREDIT),
        ("Zdjęcie: Shutterstock", "caption.credit_label", CREDIT),
        ("Getty Images", "caption.agency_credit", CREDIT),
        ("REUTERS/Alexei Druzhinin", "caption.agency_credit", CREDIT),
        ("Olivier Douliery/AFP via Getty Images", "caption.slash_credit", CREDIT),
        ("(Photo by Chip Somodevilla/Getty Images)", "caption.slash_credit", CREDIT),
        (
            "Joe Biden speaks in the Rose Garden. (AP Photo/Evan Vucci)",
            "caption.slash_credit",
            CAPTION,
        ),
        (
            "A man walks past a mural in Kyiv, May 3. REUTERS/Valentyn Ogirenko",
            "caption.slash_credit",
            CAPTION,
        ),
        ("PHOTO AFP", "caption.credit_label", CREDIT),  # label and agency, no separator
        ("Photo AFP / Ludovic Marin", "caption.credit_label", CREDIT),
        ("Imagem: Reprodução/TV Globo", "caption.credit_label", CREDIT),
        ("Kuva: Alexander Becher", "caption.credit_label", CREDIT),
        (
            "Angela Merkel keskusteli Berliinissä Sanna Marinin kanssa. Kuva: ALEXANDER BECHER",
            "caption.label_credit",
            CAPTION,
        ),
        ("A Câmara aprovou o texto. Imagem: Reprodução/TV Globo", "caption.label_credit", CAPTION),
        ("(Photo AFP)", "caption.paren_credit", CREDIT),
        ("Il premier a Palazzo Chigi (foto ANSA)", "caption.paren_credit", CAPTION),
        ("(Foto: Volkswagen)", "caption.paren_credit", CREDIT),
        ("Das neue Modell auf der IAA (Foto: Volkswagen)", "caption.paren_credit", CAPTION),
        ("Der Kanzler in Bern. Bild: Keystone", "caption.label_credit", CAPTION),
        ("© Getty Images", "caption.copyright_credit", CREDIT),
        ("Die Anlage im Garten. © Hoklatherm", "caption.copyright_credit", CAPTION),
        (
            "Photo: Russian President Vladimir Putin shakes hands with Bashar al-Assad in Moscow",
            "caption.caption_label",
            CAPTION,
        ),
    ],
)
def test_credit_shapes_and_reason_codes(block: str, code: str, kind: BlockKind) -> None:
    verdicts = _detect(block)
    assert [(v.code, v.kind) for v in verdicts] == [(code, kind)]
    assert verdicts[0].confidence >= 0.5


@pytest.mark.parametrize(
    "block",
    [
        "Moscow has long been a chief ally of Assad, Reuters reported.",
        "According to AFP, the talks collapsed on Tuesday.",
        "MOSCOW (Reuters) - Putin said on Tuesday that the talks were constructive.",
        "Reuters contributed to this report.",
        "Reuters, AFP and AP contributed to this report.",
        "A Reuters/Ipsos poll was published on Tuesday.",
        "Das berichtete die Deutsche Presse-Agentur (dpa).",
        "Rząd przyjął projekt ustawy w piątek. (PAP)",
        "The ministry confirmed the figures on Tuesday (via Reuters).",
        "The photo shows the president with his wife.",
        "Pictures of the flooded town spread quickly on social media.",
        "He said the ceasefire was 24/7 and/or permanent.",
        "Brent futures lost 2 percent, data from LSEG/Reuters showed.",
        "Photos of AFP journalists were shown at the exhibition.",
        "The exhibition (photos of AFP staff) opens on Monday.",
        "Visit https://example.com/afp/photos for more.",
        "© 2024 Example Media GmbH. Alle Rechte vorbehalten.",
        "© Copyright Example News",
        "Foto:",
    ],
)
def test_near_misses_give_no_verdict(block: str) -> None:
    assert _detect(block) == []


def test_long_blocks_are_never_captions() -> None:
    words = " ".join(["word"] * 60)
    assert _detect(f"{words}. REUTERS/Valentyn Ogirenko") == []
    assert _detect(f"Photo: {words}") == []


def test_settings_change_what_is_found() -> None:
    caption = "Der Kanzler vor dem Bundeshaus in Bern. Bild: Keystone"
    assert _found(caption) == [("caption.label_credit", CAPTION)]
    assert _found(caption, max_caption_words=5) == []
    long_credit = "Olivier Douliery/AFP via Getty Images"
    assert _found(long_credit) == [("caption.slash_credit", CREDIT)]
    assert _found(long_credit, max_credit_words=3) == []
    lower = "Photo: Jane Smith for the paper"  # "the", "paper": two lower-case words
    assert _found(lower) == [("caption.credit_label", CREDIT)]
    assert _found(lower, max_credit_lowercase_words=1) == [("caption.caption_label", CAPTION)]


def test_settings_through_the_pipeline() -> None:
    pipeline = cleannews.Pipeline(["caption"], settings={"caption": {"max_caption_words": 1}})
    page, _ = pipeline.segment(f"{PROSE}\n\nFoto: dpa\n\n{PROSE}", format="text")
    assert pipeline.detect(page) == []


@pytest.mark.parametrize(
    "options",
    [{"max_caption_word": 10}, {"max_caption_words": "sixty"}, {"max_credit_words": 1.5}],
)
def test_invalid_settings_are_config_errors(options: dict[str, Any]) -> None:
    with pytest.raises(ConfigError, match="caption"):
        CaptionDetector(**options)
    with pytest.raises(ConfigError):
        cleannews.Pipeline(["caption"], settings={"caption": options})


@pytest.mark.parametrize(
    "options",
    [{"max_caption_words": 0}, {"max_credit_words": -1}, {"max_credit_lowercase_words": -1}],
)
def test_out_of_range_settings_are_config_errors(options: dict[str, Any]) -> None:
    with pytest.raises(ConfigError):
        CaptionDetector(**options)


def test_config_is_frozen() -> None:
    config = CaptionConfig()
    with pytest.raises(pydantic.ValidationError):
        config.max_caption_words = 3  # type: ignore[misc]


def test_empty_page() -> None:
    assert list(CaptionDetector().detect(_page(""))) == []


def test_adversarial_megabyte_returns() -> None:
    # Every scan's worst case on 1 MB: slashes after agency names that run
    # one character past the 80-character bound, unclosed and nested
    # parentheses, colons after every inline label, "©" runs, labels
    # followed by 600+ characters, and a block start on every line.
    tail = "x" * 81
    lines = [
        "/".join(["REUTERS", "AFP", "Getty Images", "dpa", "Photo"] * 6) + "/" + tail,
        "(" * 50 + "Foto: " + ")" * 49,
        " ".join(f"{w}: {w}:" for w in ("Photo", "Bild", "Foto", "Crédit", "Zdjęcie")) + tail,
        "© " * 60 + tail,
        "Photo: " + "A " * 301,
        "REUTERS, " * 40,
        "Fot. PAP/" * 30,
        "PHOTO " + "AFP " * 40,
        "(foto ANSA" * 20 + ")",
        "Foto: dpa",  # a real credit in every unit: still found under load
    ]
    unit = "\n\n".join(lines)
    units = 1_000_000 // (len(unit) + 2) + 1
    text = "\n\n".join([unit] * units)
    assert len(text) >= 1_000_000
    page = _page(text)
    verdicts = list(CaptionDetector().detect(page))
    assert all(0 <= v.block < len(page.blocks) for v in verdicts)
    planted = {b.index for b in page.blocks if b.text == "Foto: dpa"}
    assert len(planted) == units
    assert planted <= {v.block for v in verdicts}
    # One 1 MB line of slash credits: a single block, far too long to be a caption.
    assert list(CaptionDetector().detect(_page("AFP/REUTERS " * 83_334))) == []
