"""The block scanner and phrase tries that the phrase-based detectors share."""

from __future__ import annotations

import dataclasses
import re
import time

import pytest

import cleannews
from cleannews import Page
from cleannews._page import LineIndex, opening_word
from cleannews.detectors._textscan import (
    END,
    LineScan,
    MenuItems,
    all_spellings,
    case_variants,
    ends_line,
    function_words,
    line_in_block,
    line_matches,
    line_phrases,
    line_start_spellings,
    offset_in_block,
    phrase_families,
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


# -- opening words and the line index ----------------------------------------


@pytest.mark.parametrize(
    ("line", "word"),
    [
        ("Home", "Home"),
        ("» Older posts", "Older"),
        ("- Anzeige -", "Anzeige"),
        ("(12) Kommentare", "1"),
        ("٣ تعليقات", "٣"),  # a digit of another script stands for itself
        ("E-Mail teilen", "E"),
        ("© 2024 Example", "2"),
        ("¿Ya eres suscriptor?", "Ya"),
        ("Środa, 3 maja", "Środa"),
        ("Mai2012", "Mai"),
        ("Привет Home", "Home"),  # other scripts are skipped like punctuation
        ("—", ""),
        ("", ""),
        ("Zeile eins\nZeile zwei", "Zeile"),
    ],
)
def test_opening_word(line: str, word: str) -> None:
    assert opening_word(line) == word


def test_opening_words_end_where_a_word_boundary_is() -> None:
    """Patterns end phrases with ``(?![^\\W_])``; opening words must end there too."""
    from cleannews._page import _LATIN

    letters = re.compile(f"[{_LATIN}]")
    code_points = "".join(map(chr, range(0x3000)))
    assert all(ch.isalpha() for ch in letters.findall(code_points))


def test_the_digit_filter_is_what_backslash_d_matches() -> None:
    """Lines that open with a number are found by ``str.isdecimal`` on their opening word."""
    everything = "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c < 0xE000)
    assert re.findall(r"\d", everything) == [ch for ch in everything if ch.isdecimal()]


def test_line_index_files_every_line_under_its_opening_word() -> None:
    page = _page("Home\nNews\nHome", "Some prose.", "» News » Sport", "2024 recap")
    index = page.line_index
    assert len(index) == 6
    assert index.lines_opening_with(frozenset({"Home"})) == [0, 2]
    assert index.lines_opening_with(frozenset({"News", "Sport"})) == [1, 4]
    assert index.lines_opening_with(frozenset({"home"})) == []  # case is kept
    assert index.lines_opening_with(frozenset(), digits=True) == [5]
    assert set(index.opening_words()) == {"Home", "News", "Some", "2"}


def test_line_index_finds_lines_by_a_mark() -> None:
    page = _page("© 2024 X", "Text © 2023", "©Y", "plain")
    index = page.line_index
    assert index.lines_opening_with(frozenset(), marks="©") == [0, 2]
    assert index.lines_opening_with(frozenset({"plain"}), marks="©") == [0, 2, 3]


def test_line_index_line_ends() -> None:
    page = _page("ab\ncd", "efg", "h")
    index = page.line_index
    assert index.line_ends == [3, 6, 10, 12]  # the last as if a newline followed it
    assert all(page.joined[index.line_ends[line - 1] - 1] == "\n" for line in (1, 2, 3))


def test_line_index_is_built_once_and_kept_on_the_page() -> None:
    page = _page("Home", "News")
    assert page.line_index is page.line_index
    assert page == dataclasses.replace(page)  # the memo is not part of the value


def test_a_copy_with_other_text_does_not_reuse_the_memo() -> None:
    page = _page("Home", "News")
    first = page.line_index
    copy = dataclasses.replace(page, joined="News\nHome", joined_starts=(0, 5))
    assert copy.line_index is not first
    assert copy.line_index.lines_opening_with(frozenset({"Home"})) == [1]


def test_line_index_of_a_megabyte_of_lines_is_quick() -> None:
    joined = "\n".join(["Read more", "x" * 60, "» Home", "12 Kommentare"] * 14_000)
    start = time.process_time()
    index = LineIndex(joined)
    lines = index.lines_opening_with(frozenset({"Home"}))
    assert time.process_time() - start < 2.0
    assert len(lines) == 14_000 and lines[:2] == [2, 6]


# -- line scans ----------------------------------------------------------------

_LINK_PHRASES = line_phrases(line_start_spellings(("read more", "» mehr", "Kommentare")))
_LINK_SCAN = LineScan(
    re.compile(rf"\n(?P<link>{_LINK_PHRASES.trie})(?![^\W_])[^\n]{{0,40}}"),
    _LINK_PHRASES.words,
)


def _full_scan(page: Page, pattern: re.Pattern[str]) -> list[tuple[int, str]]:
    """What a pass over the whole page finds: every line, the first one framed by a newline."""
    found = []
    head = pattern.match("\n" + page.joined.partition("\n")[0])
    if head is not None:
        found.append((0, head.group()))
    found += [(page.block_at(m.start() + 1), m.group()) for m in pattern.finditer(page.joined)]
    return found


def test_line_phrases_match_their_spellings_and_file_their_opening_words() -> None:
    spellings = line_start_spellings(("read more", "» mehr"))
    assert spellings == {"Read more", "READ MORE", "Read More", "» mehr", "» MEHR", "» Mehr"}
    phrases = line_phrases(spellings)
    assert phrases.words == {"Read", "READ", "mehr", "MEHR", "Mehr"}
    trie = re.compile(phrases.trie)
    assert all(trie.fullmatch(s) for s in spellings)
    assert trie.fullmatch("read more") is None  # lower case is not a line-start spelling
    assert "read more" in all_spellings(("read more",))


PAGES = [
    ("Read more", "Some prose. Read more", "» Mehr\nREAD MORE about it", "Read moreover"),
    ("Home\nRead More\nKontakt", "Kommentare (3)", "x", "Read more"),
    ("Readers", "Read", "» mehr", "—» Mehr"),
]


@pytest.mark.parametrize("blocks", PAGES)
def test_line_matches_find_what_a_full_scan_finds(blocks: tuple[str, ...]) -> None:
    page = _page(*blocks)
    found = [(i, m.group()) for i, m in line_matches(page, _LINK_SCAN)]
    assert found == _full_scan(page, _LINK_SCAN.pattern)


def test_line_matches_keep_every_line_and_scan_lines_the_first_per_block() -> None:
    page = _page("Read more\nRead More\nRead Morel", "» Mehr")
    every = [(i, m.group("link")) for i, m in line_matches(page, _LINK_SCAN)]
    assert every == [(0, "Read more"), (0, "Read More"), (1, "» Mehr")]
    first = [(i, m.group("link")) for i, m in scan_lines(page, _LINK_SCAN)]
    assert first == [(0, "Read more"), (1, "» Mehr")]


def test_line_matches_with_digits_and_marks() -> None:
    scan = LineScan(re.compile(r"\n(?:\(?\d+\)? comments|©[^\n]*)"), frozenset(), True, "©")
    page = _page("(12) comments", "3 comments", "© Foto", "Text © Foto", "12 likes")
    assert [i for i, _ in line_matches(page, scan)] == [0, 1, 2]
    assert [i for i, _ in line_matches(page, scan._replace(digits=False))] == [2]


def test_a_scan_without_words_finds_nothing() -> None:
    page = _page("Read more", "Read more")
    assert line_matches(page, _LINK_SCAN._replace(words=frozenset())) == []
    assert line_matches(_page(), _LINK_SCAN) == []


def test_phrase_families_scan_every_family_and_tell_them_apart() -> None:
    scan, family = phrase_families({"accept all": "button", "we use cookies": "notice"})
    page = _page("We use cookies.", "Accept all", "Accept allegations", "ACCEPT ALL\nx")
    found = [(i, family[m.group("phrase").lower()]) for i, m in line_matches(page, scan)]
    assert found == [(0, "notice"), (1, "button"), (3, "button")]
    assert family["we use cookies"] == "notice" and family["accept all"] == "button"


def test_ends_line_tells_a_whole_line_from_a_long_one() -> None:
    page = _page("Read more", "Read more " + "x" * 60, "Read more\nnext")
    found = line_matches(page, _LINK_SCAN)
    assert [(i, ends_line(m)) for i, m in found] == [(0, True), (1, False), (2, True)]


# -- where a match stands in its block ---------------------------------------


def test_line_and_offset_in_block_for_line_scans() -> None:
    page = _page("Home\nRead more", "Read more\nx", "x\ny\nRead more")
    found = line_matches(page, _LINK_SCAN)
    assert [(i, line_in_block(page, i, m)) for i, m in found] == [(0, 1), (1, 0), (2, 2)]
    assert [offset_in_block(page, i, m) for i, m in found] == [5, 0, 4]


def test_line_and_offset_in_block_for_unanchored_matches() -> None:
    page = _page("Foto: A/dpa", "x\nBild: B/dpa", "y")
    found = list(scan_lines(page, re.compile(r"/dpa")))
    assert [(i, offset_in_block(page, i, m)) for i, m in found] == [(0, 7), (1, 9)]
    assert [line_in_block(page, i, m) for i, m in found] == [0, 1]


# -- menu items ----------------------------------------------------------------

_MENU = MenuItems(("Home", "Log in", "Log", "Register", "Über uns"), re.compile(r"\w+"), " |·")


@pytest.mark.parametrize(
    ("line", "items"),
    [
        ("Home", ["home"]),
        ("| Home |", ["home"]),
        ("Log in | Register", ["log in", "register"]),
        ("Log Register Home", ["log", "register", "home"]),
        ("ÜBER UNS · Home", ["über uns", "home"]),
        ("Log in here", None),  # "here" is no item's word
        ("in", None),  # a word of an item, but no item
        ("", None),
    ],
)
def test_menu_items_split_a_line_into_items(line: str, items: list[str] | None) -> None:
    assert _MENU.split(line) == items


def test_menu_items_split_is_quick_on_a_long_line_of_item_words() -> None:
    start = time.process_time()
    assert _MENU.split("in " * 20_000) is None
    assert _MENU.split("log in " * 20_000) is not None
    assert time.process_time() - start < 2.0
