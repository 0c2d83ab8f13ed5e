"""The block scanner and phrase tries that the phrase-based detectors share."""

from __future__ import annotations

import re

import pytest

import cleannews
from cleannews import Page
from cleannews.detectors._textscan import (
    END,
    case_variants,
    function_words,
    phrase_trie,
    scan_lines,
)


def _page(*blocks: str) -> Page:
    page, _ = cleannews.Pipeline([]).segment("\n\n".join(blocks), format="text")
    assert [b.text for b in page.blocks] == list(blocks)
    return page


# -- case_variants ---------------------------------------------------------


def test_case_variants_of_a_lower_case_phrase() -> None:
    assert case_variants("keep reading") == {
        "keep reading",
        "Keep reading",
        "KEEP READING",
        "Keep Reading",
    }


def test_case_variants_keep_the_phrase_as_written() -> None:
    variants = case_variants("Ein Beitrag von")
    assert variants == {
        "Ein Beitrag von",
        "ein beitrag von",
        "Ein beitrag von",
        "EIN BEITRAG VON",
        "Ein Beitrag Von",
    }


def test_case_variants_of_non_ascii_and_one_letter() -> None:
    assert {"écrit par", "Écrit par", "ÉCRIT PAR", "Écrit Par"} <= case_variants("écrit par")
    assert case_variants("y") == {"y", "Y"}


# -- phrase_trie -------------------------------------------------------------


PHRASES = ("read more", "read on", "read the story", "more »", "[…]", "a.b", "Text", "Text von")


@pytest.mark.parametrize("phrase", PHRASES)
def test_trie_matches_every_phrase_and_its_case_variants(phrase: str) -> None:
    pattern = re.compile(phrase_trie(PHRASES))
    for spelling in case_variants(phrase):
        assert pattern.fullmatch(spelling), spelling


@pytest.mark.parametrize(
    "text",
    ["read mor", "read  more", "rEAD more", "read more!", "axb", "[...]", "more", "", "Tex"],
)
def test_trie_matches_nothing_else(text: str) -> None:
    assert re.fullmatch(phrase_trie(PHRASES), text) is None


def test_trie_takes_the_longest_phrase() -> None:
    pattern = re.compile(phrase_trie(PHRASES))
    match = pattern.match("Text von Max")
    assert match is not None and match.group() == "Text von"


def test_trie_without_variants_is_exact() -> None:
    pattern = re.compile(phrase_trie(["Getty Images", "dpa"], variants=False))
    assert pattern.fullmatch("Getty Images") and pattern.fullmatch("dpa")
    for other in ("getty images", "GETTY IMAGES", "Dpa", "DPA"):
        assert pattern.fullmatch(other) is None


def test_trie_has_no_capturing_group() -> None:
    assert re.compile(phrase_trie(PHRASES)).groups == 0


def test_empty_trie_matches_nothing() -> None:
    source = phrase_trie([])
    assert re.search(source, "anything at all") is None
    assert re.search(source, "") is None


def test_large_trie_compiles_and_stays_linear() -> None:
    phrases = [f"phrase number {n}" for n in range(2000)]
    pattern = re.compile(rf"\n(?:{phrase_trie(phrases)}){END}")
    assert pattern.search("\nphrase number 1999")
    assert pattern.search("\nphrase number 2000") is None
    # 1 MB of near-misses: every line shares a long prefix with every phrase.
    text = "\nphrase number x" * 62_500
    assert pattern.search(text) is None


# -- scan_lines ----------------------------------------------------------------


def test_scan_lines_reports_blocks_in_order_with_the_first_match_only() -> None:
    page = _page("Read more", "Some prose. Read more and more", "read more", "Read more")
    pattern = re.compile(rf"\n(?P<link>{phrase_trie(['read more'])}){END}")
    found = [(index, match.group("link")) for index, match in scan_lines(page, pattern)]
    assert found == [(0, "Read more"), (2, "read more"), (3, "Read more")]


def test_scan_lines_attributes_unanchored_matches_to_their_block() -> None:
    page = _page("alpha beta", "gamma beta beta", "delta", "beta")
    found = [(index, match.group()) for index, match in scan_lines(page, re.compile("beta"))]
    assert found == [(0, "beta"), (1, "beta"), (3, "beta")]


def test_scan_lines_first_block_is_matched_against_a_newline_framed_copy() -> None:
    page = _page("Foto: dpa", "Foto: AFP")
    matches = list(scan_lines(page, re.compile(rf"\nFoto: (?P<who>\w+){END}")))
    assert [(i, m.group("who")) for i, m in matches] == [(0, "dpa"), (1, "AFP")]
    assert matches[0][1].string == "\nFoto: dpa"


def test_scan_lines_end_stops_at_the_block_boundary() -> None:
    page = _page("Read more", "about the storm")
    pattern = re.compile(rf"\nRead more{END}")
    assert [i for i, _ in scan_lines(page, pattern)] == [0]
    # The same phrase followed by more text on its block is not at END.
    page = _page("Read more about the storm", "Read more")
    assert [i for i, _ in scan_lines(page, pattern)] == [1]


def test_scan_lines_on_an_empty_page() -> None:
    page = _page()
    assert list(scan_lines(page, re.compile("x"))) == []


def test_scan_lines_on_a_megabyte_returns() -> None:
    blocks = ["Read more", "x" * 60, "Read mor"] * 14_000
    page, _ = cleannews.Pipeline([]).segment("\n\n".join(blocks), format="text")
    pattern = re.compile(rf"\n{phrase_trie(['read more', 'read on'])}{END}")
    found = [i for i, _ in scan_lines(page, pattern)]
    assert len(found) == 14_000
    assert found == sorted(found)


# -- function_words ----------------------------------------------------------


def test_function_words_are_the_lower_case_entries_of_the_lists() -> None:
    english = function_words("en")
    assert {"the", "and", "of"} <= english
    # Names that the frequency lists hold only capitalised are not function words.
    assert "john" not in english
    assert not {"josé", "luis"} & function_words("es")
    assert not {"joão"} & function_words("pt")
    # A page in another language is measured with English too (quotes, citations).
    assert {"der", "und", "the"} <= function_words("de")


def test_function_words_of_an_unknown_language_are_all_lists() -> None:
    every = function_words(None)
    assert {"the", "der", "le", "el", "il", "het", "się"} <= every
    assert function_words("de") < every
