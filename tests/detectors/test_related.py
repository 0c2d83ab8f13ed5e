"""The related detector: "related / recommended / more from" headers and their lists.

Fixtures (``tests/fixtures/related/``) hold article pages in eight languages
with related-article boxes inside and after the text; the articles' own
sentences that start with "Related", "Auch interessant" or mention
recommendations are the near-misses, and so is the headline of an article
that goes on below a box. These unit tests pin the reason codes, the extent
of a list unit and the settings.
"""

from __future__ import annotations

from typing import Any

import pydantic
import pytest

from cleannews import BlockKind, ConfigError, Verdict
from cleannews.detectors.related import RelatedConfig, RelatedDetector

from .fixture_cases import Case, check_case, load_cases
from .fixture_cases import page_of as _page
from .fixture_cases import segment as _segment


@pytest.mark.parametrize("case", load_cases("related"))
def test_fixture(case: Case) -> None:
    check_case(case)


PROSE = (
    "High winds toppled trees and power lines from Iowa to Ohio on Monday night, leaving "
    "more than 200,000 homes and businesses without electricity for most of the week."
)
HEADLINE = "Flooding Closes Highway 30 Near Cedar Rapids"


def _detect(*blocks: str, **options: Any) -> list[Verdict]:
    return list(RelatedDetector(**options).detect(_page(*blocks)))


def _spans(*blocks: str, **options: Any) -> list[tuple[str, int, int]]:
    return [(v.code, v.block, v.last_block) for v in _detect(*blocks, **options)]


@pytest.mark.parametrize(
    "header",
    [
        "Related", "Related articles", "Related Stories", "You may also like",
        "You Might Also Like", "Recommended", "Read next", "Most read", "More stories",
        "Das könnte Sie auch interessieren", "Das könnte dich auch interessieren",
        "Mehr zum Thema", "Auch interessant", "Lesen Sie auch", "Weitere Artikel",
        "Ähnliche Beiträge", "Meistgelesen",
        "À lire aussi", "Sur le même sujet", "Articles similaires",
        "Te puede interesar", "Noticias relacionadas", "Lea también",
        "Potrebbe interessarti", "Leggi anche", "Articoli correlati",
        "Leia também", "Veja também", "Notícias relacionadas",
        "Lees ook", "Gerelateerde artikelen",
        "Czytaj także", "Zobacz też", "Polecamy",
        "RELATED ARTICLES", "Das könnte Sie auch interessieren:", "Mehr zum Thema »",
        "More from KXAN Austin", "Mehr aus Berlin", "Meer over fietsen",
    ],
)  # fmt: skip
def test_headers_in_every_language_open_a_unit(header: str) -> None:
    spans = _spans(PROSE, header, HEADLINE, "Schools Stay Closed After Storm")
    assert spans == [("related.header", 1, 1), ("related.unit", 2, 3)]


@pytest.mark.parametrize(
    "line",
    [
        "Read more: Utility Promised Upgrades Years Ago",
        "Lesen Sie auch: Wo es in der Stadt am häufigsten kracht",
        "À lire aussi : Les vélos en libre-service gratuits le dimanche",
        "VEA TAMBIÉN: Entre heces y guaricha",
        "Leggi anche: Monopattini, arriva il casco obbligatorio",
        "Leia também: Porto proíbe trotinetes no centro histórico",
        "Lees ook: Fietsendiefstal in de stad gedaald",
        "Zobacz też: Rowery miejskie wracają na ulice",
        "Related: Storm leaves thousands without power",
    ],
)
def test_link_lines_are_flagged_alone(line: str) -> None:
    assert _spans(PROSE, line, HEADLINE, PROSE) == [("related.inline", 1, 1)]


@pytest.mark.parametrize(
    "block",
    [
        "Related investigations by state regulators found that the utility had postponed work.",
        "Recommended by the council, the plan now goes to the mayor for her signature.",
        "Auch interessant für Pendler ist der neue Fahrplan der Busse, der ab Juni gilt.",
        "Lesen Sie auch die Stellungnahme der Stadt, die am Montag veröffentlicht wurde.",
        "Mehr zum Thema Radverkehr will die Stadt im Herbst bei einer Versammlung sagen.",
        "À lire aussi, le rapport de la Cour des comptes publié la semaine dernière.",
        "Latest figures show that the economy grew by 2 percent in the second quarter.",
        "More from the interview will be published on Sunday in our weekend edition.",
    ],
)
def test_prose_that_starts_like_a_header_gives_no_verdict(block: str) -> None:
    assert _detect(PROSE, block, PROSE) == []


def test_unit_stops_at_prose() -> None:
    spans = _spans(PROSE, "Related articles", HEADLINE, PROSE, "Another Headline Here")
    assert spans == [("related.header", 1, 1), ("related.unit", 2, 2)]


def test_heading_of_the_article_going_on_is_not_in_the_unit() -> None:
    # Two items, then a one-line heading right above prose: the box ended.
    spans = _spans(
        PROSE,
        "Mehr zum Thema",
        HEADLINE,
        "Schools Stay Closed After Storm",
        "Die Reaktionen",
        PROSE,
    )
    assert spans == [("related.header", 1, 1), ("related.unit", 2, 3)]


def test_grouped_headlines_are_a_list_not_prose() -> None:
    grouped = "Radverkehr: Was der neue Plan für Pendler bedeutet\nAnwohner fordern Tempo 30"
    assert _spans(PROSE, "Mehr zum Thema", grouped) == [
        ("related.header", 1, 1),
        ("related.unit", 2, 2),
    ]


def test_unit_is_bounded() -> None:
    items = [f"Headline Number {i}" for i in range(30)]
    spans = _spans(PROSE, "Related", *items, max_unit_blocks=5)
    assert spans == [("related.header", 1, 1), ("related.unit", 2, 6)]


def test_confidences_grade_header_and_unit() -> None:
    verdicts = _detect(PROSE, "Related articles", HEADLINE, "Read more: A headline")
    by_code = {v.code: v.confidence for v in verdicts}
    assert by_code["related.header"] >= 0.85
    assert 0.5 <= by_code["related.unit"] <= 0.7
    assert all(v.kind is BlockKind.RELATED and v.reason for v in verdicts)


def test_header_inside_a_menu_is_not_a_header() -> None:
    assert _detect(PROSE, "Politik\nSport\nMeistgelesen", HEADLINE, PROSE) == []


@pytest.mark.parametrize(
    "options",
    [{"max_unit_blocks": 0}, {"min_prose_stopword_ratio": 1.5}, {"max_item_words": "x"}],
)
def test_invalid_settings_are_config_errors(options: dict[str, Any]) -> None:
    with pytest.raises(ConfigError):
        RelatedDetector(**options)


def test_config_is_frozen() -> None:
    config = RelatedConfig()
    with pytest.raises(pydantic.ValidationError):
        config.max_unit_blocks = 3  # type: ignore[misc]


def test_empty_page() -> None:
    assert list(RelatedDetector().detect(_segment(""))) == []


def test_adversarial_megabyte_returns() -> None:
    # Worst cases on 1 MB: a header before every block (each list walk is
    # bounded and the next header is inside the last unit), headers with
    # long tails and colons, a header phrase repeated on one line.
    lines = [
        "Related articles",
        "Headline Number One",
        "Read more: " + "word " * 40,
        "Mehr zum Thema " * 30,
        "More from " + "x" * 300,
        "Lesen Sie auch: Wo es am häufigsten kracht",  # real, in every unit
        PROSE,
    ]
    unit = "\n\n".join(lines)
    units = 1_000_000 // (len(unit) + 2) + 1
    text = "\n\n".join([unit] * units)
    assert len(text) >= 1_000_000
    page = _segment(text)
    verdicts = list(RelatedDetector().detect(page))
    assert all(0 <= v.block <= v.last_block < len(page.blocks) for v in verdicts)
    assert all(v.last_block - v.block < 12 for v in verdicts)
    covered = {i for v in verdicts for i in range(v.block, v.last_block + 1)}
    prose = {b.index for b in page.blocks if b.text == PROSE}
    assert len(prose) == units and not prose & covered
    headers = {v.block for v in verdicts if v.code == "related.header"}
    assert headers == {b.index for b in page.blocks if b.text == "Related articles"}
    # One 1 MB line: a single block that starts like a header but is prose.
    assert list(RelatedDetector().detect(_segment("Related articles " * 58_824))) == []
