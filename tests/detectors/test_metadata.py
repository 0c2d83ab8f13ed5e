"""The metadata detector: whole blocks that are a date, a reading time, tags, "Posted by".

Fixtures (``tests/fixtures/metadata/``, one page per language) pair each
kind of metadata block with article sentences that contain dates, "Published
…", "Tags …" or "Posted by …" and must not be flagged.
"""

from __future__ import annotations

from typing import Any

import pydantic
import pytest

import cleannews
from cleannews import BlockKind, ConfigError, Page, Verdict
from cleannews.detectors.metadata import MetadataConfig, MetadataDetector

from .fixture_cases import Case, check_case, load_cases


@pytest.mark.parametrize("case", load_cases("metadata"))
def test_fixture(case: Case) -> None:
    check_case(case)


PROSE = (
    "The city council voted on Monday night to approve a new budget that raises property "
    "taxes by three percent, the first increase in a decade."
)


def _page(text: str) -> Page:
    page, _ = cleannews.Pipeline(["metadata"]).segment(text, format="text")
    return page


def _detect(block: str, **options: Any) -> list[Verdict]:
    """Verdicts on ``block`` placed between two paragraphs (it is block 1)."""
    page = _page(f"{PROSE}\n\n{block}\n\n{PROSE}")
    assert page.blocks[1].text == block
    verdicts = list(MetadataDetector(**options).detect(page))
    assert all(v.block == 1 and v.detector == "metadata" for v in verdicts)
    assert all(v.kind is BlockKind.METADATA for v in verdicts)
    return verdicts


def _codes(block: str, **options: Any) -> list[tuple[str, float]]:
    return [(v.code, v.confidence) for v in _detect(block, **options)]


@pytest.mark.parametrize(
    ("block", "code"),
    [
        ("May 31, 2012, 2:41 pm", "metadata.date"),
        ("2012-05-31", "metadata.date"),
        ("31/05/2012", "metadata.date"),
        ("15.12.22", "metadata.date"),
        ("Montag, 31. Mai 2012, 14:32 Uhr", "metadata.date"),
        ("mercredi 15 mai 2019 à 15h24", "metadata.date"),
        ("4 de mayo de 2022", "metadata.date"),
        ("Lunedì 12 giugno 2023", "metadata.date"),
        ("vrijdag 9 juni 2023", "metadata.date"),
        ("12 czerwca 2023, 10:15", "metadata.date"),
        ("Updated: 3 May 2021", "metadata.labelled_date"),
        ("Veröffentlicht am 31. Mai 2012", "metadata.labelled_date"),
        ("Publié le 15 mai 2019 à 15h24", "metadata.labelled_date"),
        ("Publicado em 12 de junho de 2023", "metadata.labelled_date"),
        ("Aktualisiert vor 2 Stunden", "metadata.labelled_date"),
        ("Updated 5 hours ago", "metadata.labelled_date"),
        ("Posted on May 31, 2012 by Jane Doe", "metadata.labelled_date"),
        ("5 min read", "metadata.reading_time"),
        ("Lesezeit: 3 Minuten", "metadata.reading_time"),
        ("Temps de lecture : 4 min", "metadata.reading_time"),
        ("Czas czytania: 3 min", "metadata.reading_time"),
        ("Tags: Politics, Budget, City Council", "metadata.tags"),
        ("Schlagwörter: Hafen, Elbe", "metadata.tags"),
        ("Filed under Politics", "metadata.tags"),
        ("Archivado en: Economía, Vivienda", "metadata.tags"),
        ("Posted by Jane Doe", "metadata.posted_by"),
        ("Posted by Jane Doe on May 31, 2012 at 2:41 pm", "metadata.posted_by"),
    ],
)
def test_reason_codes(block: str, code: str) -> None:
    ((found, confidence),) = _codes(block)
    assert found == code
    assert confidence >= 0.8


def test_weak_verdicts_for_what_may_be_a_heading() -> None:
    # A bare label or a month and year may be a heading: confidence just above
    # the removal threshold. With its day number it is surely a date, and a
    # month and year as a list item is an archive entry.
    assert _codes("Updated:") == [("metadata.date_label", 0.6)]
    assert _codes("Letzte Aktualisierung") == [("metadata.date_label", 0.6)]
    assert _codes("Mai 2012") == [("metadata.date", 0.6)]
    assert _codes("31. Mai 2012") == [("metadata.date", 0.85)]
    page = _page(f"{PROSE}\n\n• Mai 2012\n\n{PROSE}")
    assert page.blocks[1].bullet
    found = [(v.code, v.confidence) for v in MetadataDetector().detect(page)]
    assert found == [("metadata.date", 0.8)]


@pytest.mark.parametrize("block", ["Updated", "Data", "Date", "Stand", "Aktualisiert"])
def test_single_word_label_alone_gives_no_verdict(block: str) -> None:
    # "Data" is a date label in Italian, Portuguese and Polish and a section
    # heading in English: one word without a colon is too weak to say.
    assert _detect(block) == []


@pytest.mark.parametrize(
    ("block", "code"),
    [
        ("2:41 pm ET", "metadata.time"),
        ("14:32", "metadata.time"),
        ("18h45", "metadata.time"),
        ("vor 3 Stunden", "metadata.time"),
        ("il y a 2 jours", "metadata.time"),
        ("hace 1 hora", "metadata.time"),
        ("há 2 dias", "metadata.time"),
        ("An hour ago", "metadata.time"),
        ("5 hours ago", "metadata.time"),
        ("Sept. 30, 2023, 9:00 a.m. ET", "metadata.date"),
        ("12 czerwca 2023 r., 10:15", "metadata.date"),
        ("Opublikowano: 12 czerwca 2023 r.", "metadata.labelled_date"),
        (
            "Publié le 15 mai 2019 à 15h24 - Mis à jour le 16 mai 2019 à 08h10",
            "metadata.labelled_date",
        ),
        ("Published May 31, 2012, updated 5 hours ago", "metadata.labelled_date"),
        ("Filed under Local News", "metadata.tags"),
        ("Posted in World", "metadata.tags"),
        ("Tags: local, world", "metadata.tags"),
        (
            "Pubblicato il 19 Febbraio 2020 Ultima modifica 19 Febbraio 2020 12:02",
            "metadata.labelled_date",
        ),
        ("This entry was posted in Allgemein. Bookmark the permalink.", "metadata.entry_note"),
        ("Cette entrée a été publiée dans Politique.", "metadata.entry_note"),
        ("This page was last modified on 4 November 2020, at 19:23.", "metadata.entry_note"),
    ],
)
def test_times_second_dates_and_tag_phrases(block: str, code: str) -> None:
    ((found, confidence),) = _codes(block)
    assert found == code
    assert confidence >= 0.8


@pytest.mark.parametrize(
    "block",
    [
        "15.40",  # a price or a score as much as a time
        "vor 3 Jahren hatte die Stadt noch keinen Plan",
        "Vor dem Rathaus standen 300 Menschen.",
        "A day ago the council met again.",
        "Published May 31, 2012, and read by thousands since",
        "Tags: what the council did and why",
        "Dieser Beitrag wurde von der Redaktion gekürzt.",  # a note opening, no note verb
    ],
)
def test_near_misses_of_the_new_forms(block: str) -> None:
    assert _detect(block) == []


@pytest.mark.parametrize(
    "block",
    [
        "On 31 May 2012, the council voted to approve the budget.",
        "Mai 2012 war ein schwieriger Monat für die Bank.",
        "2012 was a difficult year for the city's finances, the mayor said.",
        "1,000 people attended the meeting.",
        "Published in Nature, the study found that sea levels rose faster than expected.",
        "Updated guidance from the CDC says masks are optional.",
        "Tags are small labels that help readers find stories.",
        "5 minutes read like an hour when you are waiting.",
        "Stand der Dinge ist, dass die Reform im Herbst kommt.",
        "Posted by the finance department on its website, the budget runs to 400 pages.",
        "By Jane Doe",
        "May",
        "2012",
        "2:1 (1:0)",
        "12.50 €",
    ],
)
def test_near_misses_give_no_verdict(block: str) -> None:
    assert _detect(block) == []


def test_settings_change_what_is_found() -> None:
    dated = "Posted on Monday, May 31, 2012 at 2:41 pm by Jane Doe"  # 11 words
    assert _codes(dated) == [("metadata.labelled_date", 0.9)]
    assert _codes(dated, max_words=10) == []
    tags = "Tags: " + ", ".join(f"Topic{n}" for n in range(20))
    assert _codes(tags) == [("metadata.tags", 0.85)]
    assert _codes(tags, max_tag_words=10) == []
    wordy = "Tags: what the council did and why"  # a sentence: half function words
    assert _codes(wordy) == []
    assert _codes(wordy, max_tag_stopword_ratio=0.9) == [("metadata.tags", 0.85)]


def test_settings_through_the_pipeline() -> None:
    pipeline = cleannews.Pipeline(["metadata"], settings={"metadata": {"max_words": 2}})
    page, _ = pipeline.segment(f"{PROSE}\n\nMay 31, 2012, 2:41 pm\n\n{PROSE}", format="text")
    assert pipeline.detect(page) == []


@pytest.mark.parametrize(
    "options",
    [{"max_word": 16}, {"max_words": "sixteen"}, {"max_tag_stopword_ratio": "low"}],
)
def test_invalid_settings_are_config_errors(options: dict[str, Any]) -> None:
    with pytest.raises(ConfigError, match="metadata"):
        MetadataDetector(**options)
    with pytest.raises(ConfigError):
        cleannews.Pipeline(["metadata"], settings={"metadata": options})


@pytest.mark.parametrize(
    "options", [{"max_words": 0}, {"max_tag_words": -1}, {"max_tag_stopword_ratio": 2.0}]
)
def test_out_of_range_settings_are_config_errors(options: dict[str, Any]) -> None:
    with pytest.raises(ConfigError):
        MetadataDetector(**options)


def test_config_is_frozen() -> None:
    config = MetadataConfig()
    with pytest.raises(pydantic.ValidationError):
        config.max_words = 3  # type: ignore[misc]


def test_empty_page() -> None:
    assert list(MetadataDetector().detect(_page(""))) == []


def test_adversarial_megabyte_returns() -> None:
    # Short candidate blocks (so that the full match runs on each) built from
    # the ambiguous pieces of dates: digit runs with separators, month and
    # weekday names in a row, labels chained to labels, and tag lines and
    # "Posted by" tails just past their bounds.
    lines = [
        ".".join(["12"] * 25),
        "31 " * 20 + "Mai",
        " ".join(["Mai", "May", "Montag,", "31.", "2012,"] * 9),
        "Updated: Published: Posted on " * 4,
        "Tags: " + "x" * 401,
        "Posted by " + "x" * 161,
        "5 min 5 min 5 min read read",
        "12:30 - 12:30 - 12:30 - 31.05.2012 - 14:32 - x",
        "vor 3 Stunden " * 10,
        "Publié le 15 mai 2019 - Mis à jour le " * 4,  # second dates chained past one
        "This entry was posted " + "x" * 601,  # a note one character past its bound
        "9:00 a.m. a.m. ET ET " * 3,
        "31. Mai 2012, 14:32 Uhr",  # a real date in every unit: still found under load
    ]
    unit = "\n\n".join(lines)
    units = 1_000_000 // (len(unit) + 2) + 1
    text = "\n\n".join([unit] * units)
    assert len(text) >= 1_000_000
    page = _page(text)
    verdicts = list(MetadataDetector().detect(page))
    planted = {b.index for b in page.blocks if b.text == "31. Mai 2012, 14:32 Uhr"}
    assert len(planted) == units
    assert {v.block for v in verdicts} == planted
    # One 1 MB line that opens like a date.
    assert list(MetadataDetector().detect(_page("31. Mai 2012 " * 76_924))) == []
