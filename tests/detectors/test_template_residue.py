"""The template residue detector: unexpanded placeholders, shortcodes, printed JS values.

Fixtures (``tests/fixtures/template_residue/``) hold every family of markup
the docstring names, as whole blocks and inside short UI strings, next to
article prose that contains braces, brackets, "<<" or the words "null" and
"NaN" and must not be flagged.
"""

from __future__ import annotations

from typing import Any

import pydantic
import pytest

import cleannews
from cleannews import BlockKind, ConfigError, Page, Verdict
from cleannews.detectors.template_residue import (
    TemplateResidueConfig,
    TemplateResidueDetector,
)

from .fixture_cases import Case, check_case, load_cases


@pytest.mark.parametrize("case", load_cases("template_residue"))
def test_fixture(case: Case) -> None:
    check_case(case)


PROSE = (
    "Most news sites today are built with a content management system that renders every "
    "article from a template before it reaches the reader."
)


def _page(text: str) -> Page:
    page, _ = cleannews.Pipeline(["template_residue"]).segment(text, format="text")
    return page


def _detect(block: str, **options: Any) -> list[Verdict]:
    """Verdicts on ``block`` placed between two paragraphs (it is block 1)."""
    page = _page(f"{PROSE}\n\n{block}\n\n{PROSE}")
    assert page.blocks[1].text == block
    verdicts = list(TemplateResidueDetector(**options).detect(page))
    assert all(v.block == 1 and v.detector == "template_residue" for v in verdicts)
    assert all(v.kind is BlockKind.TEMPLATE_RESIDUE for v in verdicts)
    return verdicts


def _codes(block: str, **options: Any) -> list[tuple[str, float]]:
    return [(v.code, v.confidence) for v in _detect(block, **options)]


@pytest.mark.parametrize(
    ("block", "code"),
    [
        ("{{ }}", "template_residue.placeholder"),
        ("{{title}}", "template_residue.placeholder"),
        ("{{{body_html}}}", "template_residue.placeholder"),
        ("{% if user %}", "template_residue.placeholder"),
        ("{% endfor %}", "template_residue.placeholder"),
        ("<%= article.author %>", "template_residue.placeholder"),
        ("${headline}", "template_residue.placeholder"),
        ("[[ ]]", "template_residue.placeholder"),
        ("[[Category:Politics]]", "template_residue.placeholder"),
        ("<< >>", "template_residue.placeholder"),
        ("<<FirstName>>", "template_residue.placeholder"),
        ('[gallery id="3"]', "template_residue.shortcode"),
        ("[caption]", "template_residue.shortcode"),
        ("[/caption]", "template_residue.shortcode"),
        (
            '[caption id="attachment_12" align="alignnone" width="300"]',
            "template_residue.shortcode",
        ),
        ("[vc_row][vc_column]", "template_residue.shortcode"),
        ("undefined", "template_residue.script_value"),
        ("NaN", "template_residue.script_value"),
        ("null", "template_residue.script_value"),
        ("[object Object]", "template_residue.script_value"),
        ("undefined undefined", "template_residue.script_value"),
        ("NaN | NaN", "template_residue.script_value"),
        ("null, null", "template_residue.script_value"),
        ("<<first_name>>", "template_residue.placeholder"),
        ("<<Vorname>>", "template_residue.placeholder"),
    ],
)
def test_markup_alone_is_flagged_confidently(block: str, code: str) -> None:
    ((found, confidence),) = _codes(block)
    assert found == code
    assert confidence >= 0.85


def test_markup_dominating_a_block() -> None:
    assert _codes("Nachrichten {{#count}} {{ count }} {{/count}}") == [
        ("template_residue.placeholder", 0.85)
    ]
    caption = '[caption id="attachment_1" align="aligncenter" width="640"] The mayor. [/caption]'
    assert _codes(caption) == [("template_residue.shortcode", 0.85)]


def test_short_ui_string_with_markup_is_flagged_less_confidently() -> None:
    ((code, confidence),) = _codes("Vom ${anreise} als Anreisetag bis zum ${abreise} frei.")
    assert code == "template_residue.ui_string"
    assert 0.5 <= confidence < 0.85


@pytest.mark.parametrize(
    "block",
    [
        "Precio: NaN €",
        "Valoración: undefined de 5",
        "Kommentare: null",
        "Autor: [object Object]",
        "Posted by: undefined on Monday, May 31",
    ],
)
def test_printed_value_in_a_label_slot(block: str) -> None:
    ((code, confidence),) = _codes(block)
    assert code in ("template_residue.ui_string", "template_residue.placeholder")
    assert confidence >= 0.5


@pytest.mark.parametrize(
    "block",
    [
        "In C, a block such as { x++; } groups statements.",
        "A dictionary literal looks like {'a': 1} in Python.",
        "An empty object is written {} and an empty list [].",
        "The function returns null when the list is empty.",
        "The value was NaN in the spreadsheet, the analyst said.",
        "The result was undefined, the court said.",
        "Apple [AAPL] shares rose 3% [1] on Monday [Update].",
        "A C++ programmer writes std::cout << x << std::endl to print.",
        "Prices rose by 5% (see table) [Reuters].",
        "[Video] The mayor's speech in full",
        "[table of contents]",
        "nullify",
        "Null",
        "{jeudi prochain}",
        "Le ministre a répondu <<non>> aux syndicats.",
        "Bilanz: null Tore in fünf Spielen",  # German "null": zero
        "The answer: undefinedness is a feature of the language.",
        "Status: nullified by the court",
        "null and void, the judge said of the contract",
    ],
)
def test_near_misses_give_no_verdict(block: str) -> None:
    assert _detect(block) == []


def test_long_prose_quoting_markup_is_not_flagged() -> None:
    block = (
        "In Jinja, a template prints a variable with {{ headline }} and loops with "
        "{% for story in stories %}, which is why a broken page sometimes shows the raw markup "
        "instead of the story, as readers of several large news sites noticed last year."
    )
    assert _detect(block) == []


def test_settings_change_what_is_found() -> None:
    dominated = "Nachrichten {{#count}} {{ count }} {{/count}}"
    assert _codes(dominated, min_markup_share=0.95) == [("template_residue.ui_string", 0.6)]
    assert _codes(dominated, min_markup_share=0.95, max_mixed_words=3) == []
    ui = "Publicado por {{ author }}"
    assert _codes(ui) == [("template_residue.ui_string", 0.6)]
    assert _codes(ui, max_mixed_words=2) == []
    assert _codes(ui, min_markup_share=0.4) == [("template_residue.placeholder", 0.85)]


def test_settings_through_the_pipeline() -> None:
    pipeline = cleannews.Pipeline(
        ["template_residue"], settings={"template_residue": {"max_mixed_words": 1}}
    )
    page, _ = pipeline.segment(f"{PROSE}\n\nPublicado por {{{{ author }}}}", format="text")
    assert page.blocks[1].text == "Publicado por {{ author }}"
    assert pipeline.detect(page) == []


@pytest.mark.parametrize(
    "options",
    [{"min_markup_shares": 0.5}, {"min_markup_share": "most"}, {"max_mixed_words": "25 words"}],
)
def test_invalid_settings_are_config_errors(options: dict[str, Any]) -> None:
    with pytest.raises(ConfigError, match="template_residue"):
        TemplateResidueDetector(**options)
    with pytest.raises(ConfigError):
        cleannews.Pipeline(["template_residue"], settings={"template_residue": options})


@pytest.mark.parametrize(
    "options", [{"min_markup_share": 1.5}, {"min_markup_share": -0.1}, {"max_mixed_words": -1}]
)
def test_out_of_range_settings_are_config_errors(options: dict[str, Any]) -> None:
    with pytest.raises(ConfigError):
        TemplateResidueDetector(**options)


def test_config_is_frozen() -> None:
    config = TemplateResidueConfig()
    with pytest.raises(pydantic.ValidationError):
        config.max_mixed_words = 3  # type: ignore[misc]


def test_empty_page() -> None:
    assert list(TemplateResidueDetector().detect(_page(""))) == []


def test_adversarial_megabyte_returns() -> None:
    # Openers without closers just past each bounded repetition, nested
    # openers, and blocks packed with complete markup, repeated to 1 MB.
    lines = [
        "{{" * 100,
        "{%" + "x" * 121 + " %",
        "<%" + "%" * 200,
        "${" * 50 + "x" * 81 + "}",
        "[[" * 40 + "x" * 81 + "]",
        "<<" + "x" * 41 + ">>" + "<" * 100,
        "[caption " + "x" * 201 + "]",
        "[object Object" * 30,
        "{{ x }} " * 60,
        "[vc_" + "a" * 31 + "]",
        "undefined null NaN " * 20,
        "Precio: NaN: NaN: null: undefined " * 10,
        "<<" + "a" * 40 + "A" + "a" * 41 + ">>",  # a variable name one past its bound
    ]
    unit = "\n\n".join(lines)
    text = "\n\n".join([unit] * (1_000_000 // (len(unit) + 2) + 1))
    assert len(text) >= 1_000_000
    page = _page(text)
    verdicts = list(TemplateResidueDetector().detect(page))
    assert all(0 <= v.block < len(page.blocks) for v in verdicts)
    planted = {b.index for b in page.blocks if b.text.startswith("{{ x }} {{ x }}")}
    assert len(planted) > 100
    assert planted <= {v.block for v in verdicts}  # complete markup is still found
    # One 1 MB line of unclosed openers.
    assert list(TemplateResidueDetector().detect(_page("{{ [[ {% <% ${ << " * 55_556))) == []
