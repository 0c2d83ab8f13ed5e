"""The navigation detector: menus, breadcrumbs, pagers, skip links, menu shapes.

Fixtures (``tests/fixtures/navigation/``) hold article pages in eight
languages with their menus, plus a Finnish page for the structural signals
that need no vocabulary; the articles' sentences that start with "Search",
"Next", "Weiter" or "Suche" are the near-misses. These unit tests pin the
reason codes, the grading of vocabulary against structure, and the settings.
"""

from __future__ import annotations

from typing import Any

import pydantic
import pytest

from cleannews import BlockKind, ConfigError, Verdict
from cleannews.detectors.navigation import NavigationConfig, NavigationDetector

from .fixture_cases import Case, check_case, load_cases
from .fixture_cases import page_of as _page
from .fixture_cases import segment as _segment


@pytest.mark.parametrize("case", load_cases("navigation"))
def test_fixture(case: Case) -> None:
    check_case(case)


PROSE = (
    "The council approved the budget on Monday after a debate that lasted more than four "
    "hours and drew hundreds of parents to the town hall, where the mayor spoke first."
)


def _detect(*blocks: str, **options: Any) -> list[Verdict]:
    return list(NavigationDetector(**options).detect(_page(*blocks)))


def _graded(*blocks: str) -> dict[int, tuple[str, bool]]:
    """Block index -> (code, whether the verdict removes the block in "balanced")."""
    return {v.block: (v.code, v.confidence >= 0.5) for v in _detect(*blocks)}


@pytest.mark.parametrize(
    "line",
    [
        "Skip to content", "Menu", "Search", "Log in", "Back to top", "Home",
        "Zum Inhalt springen", "Menü", "Suche", "Anmelden", "Nach oben", "Startseite",
        "Aller au contenu", "Rechercher", "Retour en haut", "Accueil",
        "Saltar al contenido", "Buscar", "Volver arriba", "Inicio",
        "Vai al contenuto", "Cerca", "Torna su", "Accedi",
        "Ir para o conteúdo", "Pesquisar", "Voltar ao topo", "Entrar",
        "Naar de inhoud", "Zoeken", "Terug naar boven", "Inloggen",
        "Przejdź do treści", "Szukaj", "Powrót do góry", "Zaloguj się",
        "Login | Register", "Suche · Anmelden",
    ],
)  # fmt: skip
def test_menu_items_in_every_language(line: str) -> None:
    assert _graded(PROSE, line, PROSE) == {1: ("navigation.menu", True)}


@pytest.mark.parametrize(
    "line",
    [
        "Previous article: Storm leaves thousands without power",
        "Next post Transit agency weighs fare cuts",
        "Vorheriger Artikel Rentenreform: Was sich im Juli ändert",
        "Nächster Beitrag",
        "Article précédent : Grève dans les transports",
        "Artículo siguiente",
        "Articolo precedente",
        "Próximo artigo",
        "Volgend artikel",
        "Poprzedni artykuł",
        "« Older posts",
        "Page 2 of 5",
        "Seite 3 von 12",
    ],
)
def test_pagers(line: str) -> None:
    assert _graded(PROSE, line) == {1: ("navigation.pagination", True)}


@pytest.mark.parametrize(
    "line",
    [
        "Home > News > Politics > Council approves budget",
        "Startseite » Politik » Inland",
        "Sie sind hier: Startseite » Politik",
        "You are here: News › Local",
        "Accueil > Actualités > Monde",
        "Inicio / Noticias / Deportes",
        "Strona główna › Wiadomości › Kraj",
    ],
)
def test_breadcrumbs(line: str) -> None:
    assert _graded(PROSE, line) == {1: ("navigation.breadcrumb", True)}


@pytest.mark.parametrize(
    "block",
    [
        "Search and rescue teams worked through the night to reach the village.",
        "Next, the council will vote on the plan for the new bus lanes.",
        "Home prices rose 5% in the second quarter, the report said.",
        "Die Suche nach den Vermissten wurde am Abend eingestellt.",
        "Weiter geht es im Herbst mit den Beratungen im Bundesrat.",
        "Zurück in Berlin, sagte der Minister, werde er das Gesetz vorlegen.",
        "Retour sur les grandes dates de la réforme des retraites.",
        "Buscar una solución será difícil, admitió la ministra.",
        "Er sagte »Nein« und ging, »ohne Gruß«, wie es hieß.",
        "Klicken Sie auf » Deinstallieren «",
        "29 100 > 29*100 10000 > 25+4 100",
    ],
)
def test_prose_that_starts_like_navigation_gives_no_verdict(block: str) -> None:
    assert _detect(PROSE, block) == []


def test_ambiguous_items_alone_stay_below_removal() -> None:
    # "Übersicht" and "Close" also head sections and close overlays inside articles.
    assert _graded(PROSE, "Übersicht", PROSE) == {1: ("navigation.menu", False)}
    assert _graded(PROSE, "Close", PROSE) == {1: ("navigation.menu", False)}
    # In a menu they count.
    assert _graded(PROSE, "Start\nSuche\nLogin") == {1: ("navigation.menu", True)}


def test_partial_menu_group() -> None:
    verdicts = _detect(PROSE, "Startseite\nPolitik\nSuche\nLogin")
    assert [(v.code, v.confidence) for v in verdicts] == [("navigation.menu", 0.7)]


def test_structure_without_vocabulary_stays_below_removal() -> None:
    # Finnish and Hungarian have no vocabulary here: only shapes speak.
    graded = _graded(
        "Uutiset\nUrheilu\nTalous\nKulttuuri",
        PROSE,
        "Hírek · Sport · Gazdaság · Kultúra",
        PROSE,
        "Asuminen Rakentaminen Kunnat Politiikka Talous",
    )
    assert graded == {
        0: ("navigation.menu_run", False),
        2: ("navigation.separated_items", False),
        4: ("navigation.title_case_run", False),
    }


def test_menu_region_is_one_range_verdict() -> None:
    verdicts = _detect(
        "Uutiset\nUrheilu\nTalous\nKulttuuri", "Haku", "Etusivu\nSää\nViihde\nTV", PROSE
    )
    runs = [v for v in verdicts if v.code == "navigation.menu_run"]
    assert [(v.block, v.last_block) for v in runs] == [(0, 2)]


def test_lists_of_prose_items_are_not_menu_runs() -> None:
    steps = "Preheat the oven to 180 degrees\nMix the flour with the sugar and eggs\n" * 2
    assert _detect(PROSE, steps.strip()) == []


def test_first_block_of_the_page_is_scanned() -> None:
    assert _graded("Skip to content", PROSE) == {0: ("navigation.menu", True)}


def test_verdicts_are_navigation_kind() -> None:
    verdicts = _detect("Menu", PROSE, "Home > News > Local", "Page 2 of 3")
    assert len(verdicts) == 3
    assert all(v.kind is BlockKind.NAVIGATION and v.reason for v in verdicts)


def test_settings_change_the_shapes() -> None:
    five = "Uutiset\nUrheilu\nTalous\nKulttuuri\nSää"
    assert _detect(PROSE, five, min_menu_lines=6) == []
    assert _detect(PROSE, five, min_menu_lines=5) != []
    assert _detect(PROSE, "Previous article: " + "word " * 40) == []
    assert _detect(PROSE, "Previous article: " + "word " * 40, max_pager_words=60) != []


@pytest.mark.parametrize(
    "options",
    [{"max_item_words": 0}, {"min_menu_lines": 1}, {"max_run_gap_blocks": -1}, {"x": 1}],
)
def test_invalid_settings_are_config_errors(options: dict[str, Any]) -> None:
    with pytest.raises(ConfigError):
        NavigationDetector(**options)


def test_config_is_frozen() -> None:
    config = NavigationConfig()
    with pytest.raises(pydantic.ValidationError):
        config.max_item_words = 3  # type: ignore[misc]


def test_empty_page() -> None:
    assert list(NavigationDetector().detect(_segment(""))) == []


def test_adversarial_megabyte_returns() -> None:
    # Worst cases on 1 MB: lines of item words that a last word spoils (the
    # item split), items that overlap ("back to top to back"), separators
    # and guillemets on every line, long runs of one-word lines, rows of
    # capitalised words, a pager with 300 characters behind it.
    lines = [
        "Back to top " * 10 + "to back to",
        "Home " * 20 + "x",
        " | ".join(["Suche", "Anmelden", "Login", "x y z w v"] * 6),
        "»" * 40 + "«",
        "\n".join(["Uutiset"] * 200),
        " ".join(["Uutiset"] * 12),
        "Next article: " + "a" * 300,
        "Skip to content",  # a real item in every unit: still found under load
    ]
    unit = "\n\n".join(lines)
    units = 1_000_000 // (len(unit) + 2) + 1
    text = "\n\n".join([unit] * units)
    assert len(text) >= 1_000_000
    page = _segment(text)
    verdicts = list(NavigationDetector().detect(page))
    assert all(0 <= v.block <= v.last_block < len(page.blocks) for v in verdicts)
    strong = {v.block for v in verdicts if v.confidence >= 0.5}
    planted = {b.index for b in page.blocks if b.text == "Skip to content"}
    assert len(planted) == units and planted <= strong
    assert not any(page.blocks[i].text.startswith(("Back to top", "Home Home")) for i in strong)
    # One 1 MB line of menu words: a single block, no menu.
    assert list(NavigationDetector().detect(_segment("Home Search " * 83_334))) == []
