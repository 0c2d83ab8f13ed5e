"""The comments detector: counters, headers, forms, reply buttons, comment sections.

Fixtures (``tests/fixtures/comments/``) hold article pages in eight languages
with comment sections and forms; the articles' sentences about comments
("In comments to reporters…"), a counter in the byline above the article and
the next article's title after a comment form are the near-misses. These
unit tests pin the reason codes, where a comment section starts and stops,
its moderate confidence, and the settings.
"""

from __future__ import annotations

from typing import Any

import pydantic
import pytest

from cleannews import BlockKind, ConfigError, Verdict
from cleannews.detectors.comments import CommentsConfig, CommentsDetector

from .fixture_cases import Case, check_case, load_cases
from .fixture_cases import page_of as _page
from .fixture_cases import segment as _segment


@pytest.mark.parametrize("case", load_cases("comments"))
def test_fixture(case: Case) -> None:
    check_case(case)


PROSE = (
    "The city council approved a $1.2 billion budget for public schools on Monday, after a "
    "debate that lasted more than four hours and drew hundreds of parents to the town hall."
)
COMMENT = (
    "Finally some money for the teachers. My daughter's school has not had a music teacher "
    "for two years, and the roof of the gym leaks every time it rains."
)


def _detect(*blocks: str, **options: Any) -> list[Verdict]:
    return list(CommentsDetector(**options).detect(_page(*blocks)))


def _codes(*blocks: str) -> dict[int, str]:
    return {v.block: v.code for v in _detect(*blocks) if v.code != "comments.unit"}


def _unit(*blocks: str, **options: Any) -> tuple[int, int, float] | None:
    units = [v for v in _detect(*blocks, **options) if v.code == "comments.unit"]
    assert len(units) <= 1
    return (units[0].block, units[0].last_block, units[0].confidence) if units else None


@pytest.mark.parametrize(
    "line, code",
    [
        ("71 Kommentare", "comments.count"),
        ("3 Comments", "comments.count"),
        ("12 thoughts on “Council Approves Budget”", "comments.count"),
        ("11 Antworten zu „Die Reform“", "comments.count"),
        ("25 comentarios", "comments.count"),
        ("8 commentaires", "comments.count"),
        ("4 commenti", "comments.count"),
        ("2 comentários", "comments.count"),
        ("6 reacties", "comments.count"),
        ("5 komentarzy", "comments.count"),
        ("Comments", "comments.header"),
        ("Kommentare (12)", "comments.header"),
        ("Leserkommentare", "comments.header"),
        ("Commentaires", "comments.header"),
        ("Komentarze", "comments.header"),
        ("Join the discussion", "comments.header"),
        ("Leave a Reply", "comments.form"),
        ("Leave a comment", "comments.form"),
        ("Schreibe einen Kommentar", "comments.form"),
        ("Kommentar schreiben", "comments.form"),
        ("Laisser un commentaire", "comments.form"),
        ("Deja un comentario", "comments.form"),
        ("Lascia un commento", "comments.form"),
        ("Deixe um comentário", "comments.form"),
        ("Laat een reactie achter", "comments.form"),
        ("Dodaj komentarz", "comments.form"),
        ("Your email address will not be published. Required fields are marked *", "comments.form"),
        ("Deine E-Mail-Adresse wird nicht veröffentlicht.", "comments.form"),
        ("Diese Website verwendet Akismet, um Spam zu reduzieren.", "comments.form"),
        ("Kommentare sind geschlossen.", "comments.form"),
        ("Log in to reply", "comments.form"),
        ("Reply", "comments.reply"),
        ("Antworten", "comments.reply"),
        ("Répondre", "comments.reply"),
        ("Rispondi", "comments.reply"),
        ("Odpowiedz", "comments.reply"),
        ("Comment by Jane Roe", "comments.author"),
        ("Kommentar", "comments.label"),
    ],
)
def test_markers_in_every_language(line: str, code: str) -> None:
    assert _codes(PROSE, line) == {1: code}


@pytest.mark.parametrize(
    "block",
    [
        "In comments to reporters after the vote, the mayor said she would sign the plan.",
        "Comments from parents were mostly positive, a council spokeswoman said on Tuesday.",
        "Kommentare in sozialen Netzwerken waren überwiegend kritisch, sagte der Sprecher.",
        "Antworten auf diese Fragen will die Regierung bis zum Sommer geben.",
        "Reply to the letter was expected within two weeks, the ministry said.",
        "Les commentaires des maires ont été critiques, selon l'AFP.",
        "3 comments on the draft law were received before the deadline in March.",
        "Fragen und Antworten",
        "Discussion",
    ],
)
def test_prose_and_headings_about_comments_give_no_verdict(block: str) -> None:
    assert _detect(PROSE, block, PROSE) == []


def test_section_runs_over_author_lines_dates_comments_and_replies() -> None:
    blocks = (
        PROSE, "2 Comments", "Maria says:", "March 12, 2024 at 9:14 pm", COMMENT, "Reply",
        "Tom says:", "March 13, 2024 at 7:02 am", COMMENT, "Reply",
    )  # fmt: skip
    block, last, confidence = _unit(*blocks) or (0, 0, 0.0)
    assert (block, last) == (2, 9)
    # Comment texts are prose: moderate confidence, but enough to remove them.
    assert 0.5 <= confidence < 0.7


def test_counter_in_a_byline_does_not_take_the_article() -> None:
    # "12 Kommentare" under the headline, the article below it, its
    # comment section further down: the article is never part of a unit.
    blocks = (
        "HTC Touch kommt zu O2", "12 Kommentare", PROSE, PROSE, "Kommentare",
        "Peter sagt:", COMMENT, "Antworten",
    )  # fmt: skip
    verdicts = _detect(*blocks)
    covered = {i for v in verdicts for i in range(v.block, v.last_block + 1)}
    assert covered == {1, 4, 5, 6, 7}


def test_header_without_comment_markers_is_alone() -> None:
    assert _unit(PROSE, "Comments", PROSE, PROSE) is None
    assert _unit(PROSE, "Comments", "Leave a Reply", PROSE) is None


def test_prose_far_from_markers_ends_the_section() -> None:
    blocks = (PROSE, "Comments", "Maria says:", COMMENT, "Reply", PROSE, PROSE, PROSE)
    block, last, _ = _unit(*blocks) or (0, 0, 0.0)
    assert (block, last) == (2, 4)


def test_menu_link_is_not_a_section_header() -> None:
    assert _detect(PROSE, "Home\nNews\nComments", "Maria says:", COMMENT) == []


def test_section_without_prose_is_surer() -> None:
    _, _, confidence = _unit(PROSE, "Comments", "Maria says:", "2 hours ago", "Reply") or (
        0,
        0,
        0.0,
    )
    assert confidence > 0.6


def test_walk_is_bounded() -> None:
    furniture = ["Maria says:", "Reply"] * 20
    block, last, _ = _unit(PROSE, "Comments", *furniture, max_unit_blocks=6) or (0, 0, 0.0)
    assert (block, last) == (2, 7)


def test_verdicts_are_comments_kind() -> None:
    verdicts = _detect(PROSE, "Comments", "Maria says:", COMMENT, "Reply", "Leave a Reply")
    assert {v.code for v in verdicts} == {
        "comments.header",
        "comments.reply",
        "comments.form",
        "comments.unit",
    }
    assert all(v.kind is BlockKind.COMMENTS and v.reason for v in verdicts)


@pytest.mark.parametrize(
    "options", [{"max_unit_blocks": 0}, {"max_prose_gap_blocks": 0}, {"max_marker_words": -1}]
)
def test_invalid_settings_are_config_errors(options: dict[str, Any]) -> None:
    with pytest.raises(ConfigError):
        CommentsDetector(**options)


def test_config_is_frozen() -> None:
    config = CommentsConfig()
    with pytest.raises(pydantic.ValidationError):
        config.max_unit_blocks = 3  # type: ignore[misc]


def test_empty_page() -> None:
    assert list(CommentsDetector().detect(_segment(""))) == []


def test_adversarial_megabyte_returns() -> None:
    # Worst cases on 1 MB: a counter before every comment (each walk bounded,
    # none re-walked), author lines that run past 80 characters, counters
    # with long tails, reply words glued to prose.
    lines = [
        "12 Kommentare",
        "Maria says:",
        COMMENT,
        "Reply",
        "x" * 90 + " says:",
        "3 Comments " + "y" * 400,
        "Reply " * 50,
        PROSE,
        PROSE,
        PROSE,
    ]
    unit = "\n\n".join(lines)
    units = 1_000_000 // (len(unit) + 2) + 1
    text = "\n\n".join([unit] * units)
    assert len(text) >= 1_000_000
    page = _segment(text)
    verdicts = list(CommentsDetector().detect(page))
    assert all(0 <= v.block <= v.last_block < len(page.blocks) for v in verdicts)
    counters = {v.block for v in verdicts if v.code == "comments.count"}
    assert counters == {b.index for b in page.blocks if b.text == "12 Kommentare"}
    covered = {i for v in verdicts for i in range(v.block, v.last_block + 1)}
    # The article paragraphs after each section stay untouched.
    prose = [b.index for b in page.blocks if b.text == PROSE]
    assert len(prose) == 3 * units and not covered & set(prose)
    # One 1 MB line that opens with a counter: a single block, prose.
    assert list(CommentsDetector().detect(_segment("3 Comments " * 90_910))) == []
