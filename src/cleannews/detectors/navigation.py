"""Menus, breadcrumbs, pagination and skip links.

Two kinds of evidence, graded differently:

* **Vocabulary** (strong): a line made only of navigation items ("Menu",
  "Suche", "Login", "Back to top", "Zum Inhalt springen", "Startseite",
  "Nach oben", "Szukaj | Zaloguj się"), a block that opens with a pager
  link ("Vorheriger Beitrag <headline>", "Article précédent", "Page 2 of
  5"), or a breadcrumb trail from a root ("Home > News > Politics", "Sie
  sind hier: Startseite » …"). Article prose never consists of these alone.
* **Structure** (any language, weak): a block of several short lines (the
  segmenter groups consecutive short lines without sentence punctuation into
  one block), a line of short items separated by "|", "·", "»", "›", ">" or
  "→", a row of capitalised words without a single function word. Ingredient
  lists, tables and title-case headlines share these shapes, so a structural
  verdict stays below the removal threshold (0.5 in the balanced setting):
  it explains the block and lets the resolver's context decide.

Items that double as subheadings or stand inside articles ("Übersicht",
"Start", the "Close" button of an overlay) are trusted only as part of a
menu; alone they get a verdict below the removal threshold too.

Speed: one ``\\n``-led pattern with one trie finds the lines that start with
an item, a pager link or "You are here", run only on the lines that the
page's line index files under their opening words (see ``_textscan``); the
engine reads the rest of such a line as a plain tail and Python splits the
few matched lines into items. Separator shapes are looked for only where ``str.find``
sees a separator character, and short-line runs in one pass over the blocks.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from pydantic import Field

from .._kinds import BlockKind
from .._models import Verdict
from .._page import Block, Page
from ._base import Detector, DetectorConfig
from ._textscan import (
    LineScan,
    MenuItems,
    ends_line,
    line_matches,
    line_phrases,
    line_start_spellings,
)

#: Items of menus and toolbars, written as pages write them (German nouns
#: capitalised): the scan's trie adds Capitalised, Title and UPPER spellings.
#: A line of several items ("Login | Register") is split by
#: :func:`_split_items`.
_ITEMS = (
    # en
    "home", "homepage", "home page", "menu", "main menu", "open menu", "close menu",
    "toggle navigation", "toggle menu", "navigation", "main navigation", "search",
    "search for", "search this site", "login", "log in", "sign in", "sign up", "register",
    "logout", "log out", "sign out", "my account", "back", "back to top", "top",
    "go to top", "scroll to top", "next", "previous", "prev", "older posts", "newer posts",
    "older entries", "newer entries", "back to overview", "back to home", "skip to content",
    "skip to main content", "skip to navigation", "skip navigation", "jump to navigation",
    "close", "sections", "all sections",
    # de
    "Startseite", "Start", "Menü", "Hauptmenü", "Menü öffnen", "Menü schließen", "Suche",
    "suchen", "anmelden", "abmelden", "registrieren", "einloggen", "ausloggen", "mein Konto",
    "zurück", "weiter", "nach oben", "zum Seitenanfang", "Seitenanfang", "nach oben scrollen",
    "zurück zur Übersicht", "zurück zur Startseite", "zur Übersicht", "Übersicht",
    "schließen", "zum Inhalt", "zum Inhalt springen", "direkt zum Inhalt", "zum Hauptinhalt",
    "zur Navigation", "zur Hauptnavigation", "zur Suche",
    "Navigation öffnen", "Navigation schließen",
    # fr
    "accueil", "rechercher", "recherche", "connexion", "se connecter", "s'inscrire",
    "inscription", "mon compte", "retour", "retour en haut", "haut de page",
    "retour en haut de page", "suivant", "précédent", "fermer", "aller au contenu",
    "passer au contenu", "aller au menu", "retour à l'accueil",
    # es
    "inicio", "menú", "buscar", "búsqueda", "iniciar sesión", "registrarse", "regístrate",
    "mi cuenta", "volver", "volver arriba", "ir arriba", "subir", "siguiente", "anterior",
    "cerrar", "ir al contenido", "saltar al contenido", "volver al inicio", "portada",
    # it
    "cerca", "ricerca", "accedi", "registrati", "esci", "il mio account", "torna su",
    "torna all'inizio", "successivo", "precedente", "chiudi", "vai al contenuto",
    "salta al contenuto", "torna alla home",
    # pt
    "início", "página inicial", "pesquisar", "entrar", "cadastre-se", "registar",
    "minha conta", "a minha conta", "voltar", "voltar ao topo", "topo", "próximo", "próxima",
    "fechar", "ir para o conteúdo", "saltar para o conteúdo", "pular para o conteúdo",
    # nl
    "zoeken", "zoek", "inloggen", "registreren", "uitloggen", "mijn account", "terug",
    "terug naar boven", "naar boven", "volgende", "vorige", "sluiten", "naar de inhoud",
    "ga naar inhoud", "spring naar inhoud", "direct naar inhoud",
    # pl
    "strona główna", "szukaj", "wyszukaj", "wyszukiwarka", "zaloguj", "zaloguj się",
    "zarejestruj się", "wyloguj", "moje konto", "wróć", "powrót", "do góry", "na górę",
    "powrót do góry", "następny", "następna", "poprzedni", "poprzednia", "dalej", "zamknij",
    "przejdź do treści", "przejdź do zawartości", "przejdź do menu",
)  # fmt: skip
#: Items that also make subheadings ("Übersicht", "Start") or stand inside
#: the article (the "close" button of an overlay): alone, a line of one of
#: them stays below the removal threshold. Table-of-contents labels
#: ("Inhalt", "Contents") are not items at all: they stand between the lede
#: and the body, where the resolver drops them by context, and a verdict
#: there would stop the body from reaching the lede.
_AMBIGUOUS_ITEMS = frozenset(
    (
        "start", "top", "back", "next", "übersicht", "weiter", "zurück", "anterior", "siguiente",
        "volgende", "dalej", "retour", "volver", "voltar", "terug", "powrót", "close",
        "schließen", "fermer", "cerrar", "chiudi", "fechar", "sluiten", "zamknij",
    )
)  # fmt: skip
#: Pager links that carry the neighbouring article's headline after them.
_PAGER = (
    "previous article", "next article", "previous post", "next post", "previous story",
    "next story", "previous entry", "next entry", "previous page", "next page", "previous:",
    "next:", "older post", "newer post",
    "vorheriger Artikel", "nächster Artikel", "vorheriger Beitrag", "nächster Beitrag",
    "voriger Artikel", "voriger Beitrag", "voriger Inhalt", "nächster Inhalt",
    "vorheriger Eintrag", "nächster Eintrag", "vorherige Seite", "nächste Seite",
    "ältere Beiträge", "neuere Beiträge", "vorheriger Post", "nächster Post",
    "article précédent", "article suivant", "billet précédent", "billet suivant",
    "page précédente", "page suivante", "articles plus anciens", "articles plus récents",
    "artículo anterior", "artículo siguiente", "entrada anterior", "entrada siguiente",
    "noticia anterior", "noticia siguiente", "página anterior", "página siguiente",
    "entradas anteriores", "entradas más recientes",
    "articolo precedente", "articolo successivo", "post precedente", "post successivo",
    "pagina precedente", "pagina successiva", "articoli precedenti",
    "artigo anterior", "próximo artigo", "post anterior", "próximo post", "próxima página",
    "notícia anterior", "próxima notícia",
    "vorig artikel", "volgend artikel", "vorige pagina", "volgende pagina", "vorig bericht",
    "volgend bericht", "oudere berichten", "nieuwere berichten",
    "poprzedni artykuł", "następny artykuł", "poprzedni wpis", "następny wpis",
    "poprzednia strona", "następna strona", "starsze wpisy", "nowsze wpisy",
)  # fmt: skip
#: First items of a breadcrumb trail.
_CRUMB_ROOTS = frozenset(
    (
        "home", "startseite", "start", "accueil", "inicio", "início", "home page", "homepage",
        "strona główna", "portada", "página inicial", "news", "nachrichten", "actualités",
        "noticias", "notizie", "notícias", "nieuws", "wiadomości", "blog",
    )
)  # fmt: skip

#: "You are here:" before a breadcrumb trail.
_HERE = (
    "you are here", "Sie sind hier", "du bist hier", "vous êtes ici", "usted está aquí",
    "estás aquí", "sei qui", "você está aqui", "está aqui", "u bent hier", "jesteś tutaj",
    "jesteś w",
)  # fmt: skip
#: Words that open a "Page 2 of 5" counter.
_PAGE_WORDS = ("page", "seite", "página", "pagina", "strona")
#: Pager links that dumps print behind an arrow ("« Older posts", "‹ Zurück").
_ARROW_PAGER = (
    "previous", "prev", "older posts", "older entries", "newer posts", "zurück",
    "vorherige", "ältere Beiträge", "précédent", "anterior", "precedente", "vorige",
    "poprzednia", "poprzedni",
)  # fmt: skip


#: What each phrase of the scan's trie opens: a menu item, a pager link, a
#: "Page 2 of 5" counter or "You are here".
_PHRASES = {
    **{p: "item" for p in _ITEMS},
    **{f"{arrow} {p[:1].upper()}{p[1:]}": "pager" for arrow in "«‹←" for p in _ARROW_PAGER},
    **{p: "pageof" for p in _PAGE_WORDS},
    **{p: "here" for p in _HERE},
    **{p: "pager" for p in _PAGER},
}
#: The same, keyed by the lower-case phrase (what Python looks up).
_PHRASE_KIND = {p.lower(): kind for p, kind in _PHRASES.items()}
#: The one scan: a line that opens with one of those phrases, then the rest
#: of the line as a plain tail (up to 300 characters: longer lines are prose,
#: recognised in Python because the match stops short of the line end). One
#: trie, so that each line costs one walk down it; Python tells the phrase's
#: kind from :data:`_PHRASE_KIND`.
_STARTS = line_phrases(line_start_spellings(_PHRASES))
_SCAN = LineScan(
    re.compile(rf"\n(?P<phrase>{_STARTS.trie})(?![^\W_])[^\n]{{0,300}}"), _STARTS.words
)
_PAGE_OF = re.compile(
    r"(?:page|seite|página|pagina|strona)[ ]\d{1,4}[ ](?:of|von|de|di|z|van|sur)[ ]\d{1,4}$"
)
#: Characters around and between menu items, stripped before a look-up.
_SEP_CHARS = " \t|·•/,;:()[]»«›‹<>←→↑^*–—-"
_WORDS = re.compile(r"[^\W\d_](?:[\w'’+-]*\w)?")
#: The items, and the lines made of them ("Login | Register").
_MENU = MenuItems(_ITEMS, _WORDS, _SEP_CHARS)
_LETTER = re.compile(r"[^\W\d_]")
#: Characters that separate the items of breadcrumbs and inline menus.
_SEPARATORS = ("|", "·", "»", "›", ">", "→")
#: Of those, the ones that lead from a section to a subsection (breadcrumbs).
_CRUMB_SEPARATORS = ("»", "›", ">", "→", " / ")
#: Separators looked for on a line that opens with a root ("Home / News"):
#: a slash only counts there, it is too common elsewhere.
_CRUMB_LINE_SEPARATORS = (*_SEPARATORS, " / ")
_SPLIT = re.compile(r"[ ]?(?:\||·|»|›|>|→|/)[ ]?")
_SENTENCE_END = (".", "!", "?", ":", ";")


class NavigationConfig(DetectorConfig):
    """Settings of :class:`NavigationDetector`."""

    #: Longest block, in words, that a pager link with its headline may be.
    #: Headlines on the development corpus run up to ~20 words.
    max_pager_words: int = Field(default=30, gt=0, le=200)
    #: Menu and breadcrumb items are short: at most this many words each.
    #: 4 covers "Zurück zur Übersicht", "Politik & Gesellschaft".
    max_item_words: int = Field(default=4, gt=0, le=50)
    #: Items of a breadcrumb may be longer: the last one is often the
    #: article's headline, up to this many words.
    max_crumb_item_words: int = Field(default=16, gt=0, le=100)
    #: Blocks with separators are checked for menu shapes up to this many
    #: words (a breadcrumb with a long headline at its end has ~30).
    max_separated_words: int = Field(default=40, gt=0, le=500)
    #: At most this many blocks per page are checked for separator shapes; a
    #: page that puts a separator in every block is a table, not a menu.
    max_separator_blocks: int = Field(default=60, gt=0, le=10_000)
    #: A block of at least this many short lines is a menu run.
    min_menu_lines: int = Field(default=4, gt=1, le=1000)
    #: ... when its lines have at most this many words on average: menu items
    #: have one to three, list items of prose more.
    max_menu_line_words: float = Field(default=2.5, gt=0, le=50)
    #: Menu blocks this close (at most this many labels of up to four words
    #: between them) share one verdict: a menu region.
    max_run_gap_blocks: int = Field(default=2, ge=0, le=100)
    #: A single line of at least this many capitalised words without a
    #: function word is a menu bar ("Ticker Tests Themen Downloads Forum")...
    min_title_case_words: int = Field(default=5, gt=1, le=100)
    #: ... and at most this many (longer rows are title-case headlines).
    max_title_case_words: int = Field(default=12, gt=1, le=100)


class NavigationDetector(Detector):
    """Menus, breadcrumbs, pagers and skip links (NAVIGATION)."""

    name = "navigation"
    Config = NavigationConfig
    config: NavigationConfig

    def detect(self, page: Page) -> Iterable[Verdict]:
        blocks = page.blocks
        if not blocks:
            return []
        found: dict[int, Verdict] = {}
        # Per block: how many lines are menu items, and the item of a one-item line.
        item_lines: dict[int, int] = {}
        single_items: dict[int, str] = {}
        for index, match in line_matches(page, _SCAN):
            if not ends_line(match) or index in found:
                continue  # longer than a menu line (prose), or decided
            line = match.group()[1:]
            kind = _PHRASE_KIND.get(match.group("phrase").lower(), "item")
            if kind == "item":
                items = _MENU.split(line)
                if items is None:
                    self._crumb(page, index, line, found, here=False)
                else:
                    item_lines[index] = item_lines.get(index, 0) + 1
                    single_items[index] = items[0] if len(items) == 1 else ""
            elif kind == "pager":
                if blocks[index].n_words <= self.config.max_pager_words:
                    found[index] = self.verdict(
                        index,
                        BlockKind.NAVIGATION,
                        "pagination",
                        "short block opening with a previous/next link",
                        0.85,
                    )
            elif kind == "pageof":
                if _PAGE_OF.match(line.lower()):
                    found[index] = self.verdict(
                        index, BlockKind.NAVIGATION, "pagination", "a 'page N of M' counter", 0.85
                    )
            else:  # "You are here: Home » News"
                self._crumb(page, index, line, found, here=True)

        for index, hits in item_lines.items():
            if index not in found:
                verdict = self._menu(page, index, hits, single_items[index])
                if verdict is not None:
                    found[index] = verdict
        self._separated_blocks(page, found)
        self._short_line_runs(page, found)
        return [found[i] for i in sorted(found)]

    def _crumb(
        self, page: Page, index: int, line: str, found: dict[int, Verdict], *, here: bool
    ) -> None:
        """A line that opens with an item ("Home") or "You are here" and goes on."""
        block = page.blocks[index]
        if "\n" not in block.text and any(sep in line for sep in _CRUMB_LINE_SEPARATORS):
            verdict = self._separated(block, here=here)
            if verdict is not None:
                found[index] = verdict

    def _menu(self, page: Page, index: int, hits: int, single: str) -> Verdict | None:
        """Verdict for a block with ``hits`` lines made only of menu items."""
        lines = page.blocks[index].text.count("\n") + 1
        if hits == lines:
            confidence = 0.85
            if lines == 1 and single in _AMBIGUOUS_ITEMS:
                confidence = 0.45
            return self.verdict(
                index,
                BlockKind.NAVIGATION,
                "menu",
                "block is only menu, search, login or back-to-top items",
                confidence,
            )
        if 2 * hits >= lines:
            return self.verdict(
                index,
                BlockKind.NAVIGATION,
                "menu",
                f"{hits} of {lines} lines of this group are menu items",
                0.7,
            )
        return None

    def _separated_blocks(self, page: Page, found: dict[int, Verdict]) -> None:
        """Breadcrumbs and inline menus: blocks whose items are joined by separators."""
        joined = page.joined
        blocks = page.blocks
        starts = page.joined_starts
        limit = self.config.max_separator_blocks
        candidates: set[int] = set()
        for sep in _SEPARATORS:
            pos = joined.find(sep)
            while pos != -1 and len(candidates) < limit:
                index = page.block_at(pos)
                text = blocks[index].text
                if text.count(sep) >= 2:
                    candidates.add(index)
                # One look per block is enough: go on after this block.
                pos = joined.find(sep, starts[index] + len(text))
        max_words = self.config.max_separated_words
        for index in sorted(candidates):
            if index not in found and blocks[index].n_words <= max_words:
                verdict = self._separated(blocks[index], here=False)
                if verdict is not None:
                    found[index] = verdict

    def _separated(self, block: Block, *, here: bool) -> Verdict | None:
        """Verdict for a block whose lines are short items joined by separators."""
        cfg = self.config
        text = block.text
        if ("»" in text and "«" in text) or ("›" in text and "‹" in text):
            return None  # guillemets quoting: »Deinstallieren«, not a trail
        if here:
            text = text.split(":", 1)[-1]
        items = [item.strip() for item in _SPLIT.split(text.replace("\n", " | "))]
        items = [item for item in items if item]
        # "You are here:" vouches for a trail of two; otherwise three items.
        if len(items) < (2 if here else 3) or not all(_LETTER.search(item) for item in items):
            return None
        longest = max(item.count(" ") + 1 for item in items[:-1])
        last = items[-1].count(" ") + 1
        crumb = any(sep in text for sep in _CRUMB_SEPARATORS)
        if crumb and (here or items[0].lower() in _CRUMB_ROOTS) and longest <= cfg.max_item_words:
            if last > cfg.max_crumb_item_words:
                return None
            return self.verdict(
                block.index,
                BlockKind.NAVIGATION,
                "breadcrumb",
                f"a breadcrumb trail starting at {items[0]!r}",
                0.85,
            )
        if max(longest, last) > cfg.max_item_words or any(
            item.endswith(_SENTENCE_END) for item in items
        ):
            return None
        return self.verdict(
            block.index,
            BlockKind.NAVIGATION,
            "separated_items",
            f"{len(items)} short items separated like a menu or breadcrumb",
            0.45,
        )

    def _short_line_runs(self, page: Page, found: dict[int, Verdict]) -> None:
        """Language-independent menu shapes: blocks of short lines, title-case rows.

        Menu blocks close together share one verdict (a range): menus come in
        regions, and one verdict per region keeps the result small. One pass
        over the blocks picks the candidates of both shapes.
        """
        cfg = self.config
        blocks = page.blocks
        min_breaks = cfg.min_menu_lines - 1
        max_words = cfg.max_menu_line_words
        low, high = cfg.min_title_case_words, cfg.max_title_case_words
        run: list[int] = []
        for block in [
            b for b in blocks if "\n" in b.text or (b.n_stopwords == 0 and low <= b.n_words <= high)
        ]:
            text = block.text
            index = block.index
            if index in found:
                continue
            breaks = text.count("\n")
            if breaks:
                if breaks >= min_breaks and block.n_words <= max_words * (breaks + 1):
                    if run and not _bridgeable(blocks, run[-1], index, cfg.max_run_gap_blocks):
                        self._menu_run(run, found)
                        run = []
                    run.append(index)
            elif not block.ends_sentence and (text.istitle() or text.isupper()):
                # str methods in C: every word capitalised (or all capitals),
                # digits and symbols aside.
                found[index] = self.verdict(
                    index,
                    BlockKind.NAVIGATION,
                    "title_case_run",
                    "a row of capitalised words without a single function word",
                    0.3,
                )
        if run:
            self._menu_run(run, found)

    def _menu_run(self, run: list[int], found: dict[int, Verdict]) -> None:
        """One verdict for a region of blocks of short lines."""
        first, last = run[0], run[-1]
        what = "a block" if first == last else f"a region of {len(run)} blocks"
        found[first] = self.verdict(
            first,
            BlockKind.NAVIGATION,
            "menu_run",
            f"{what} of short lines without sentence punctuation",
            0.45,
            end_block=last if last > first else None,
        )


def _bridgeable(blocks: tuple[Block, ...], last: int, index: int, max_gap: int) -> bool:
    """Whether only a few short labels ("Login", "Suche") stand between two menu blocks."""
    if index - last - 1 > max_gap:
        return False
    return all(blocks[k].n_words <= 4 for k in range(last + 1, index))


