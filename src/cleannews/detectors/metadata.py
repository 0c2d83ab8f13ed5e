"""Dates, reading times, tags and other article furniture.

Pages print metadata around the article as blocks of their own: a date or a
time ("31. Mai 2012", "May 31, 2012, 2:41 pm", "2012-05-31", "2:41 pm ET",
"vor 3 Stunden"), a labelled date ("Updated: …", "Veröffentlicht am …",
"Publié le … - Mis à jour le …"), a reading time
("5 min read", "Lesezeit: 3 Minuten"), a tag or category line ("Tags: …",
"Filed under …", "Kategorien: …"), blog furniture ("Posted by X on …") and
the notes that blog themes and wikis print under an entry ("This entry was
posted in X. Bookmark the permalink.", "This page was last edited on …").
Only whole short blocks are flagged: article sentences contain dates and
"published" all the time, but never consist of nothing else. A plain "By
Name" byline is left to the byline detector.

Speed: the page's line index (see ``_textscan``) hands over the lines that
open with a digit or with one of the words such a block can start with
(month, weekday, label); only those that
are short are then matched in full against :data:`_DETAIL`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from pydantic import Field

from .._kinds import BlockKind
from .._models import Verdict
from .._page import Page
from ._base import Detector, DetectorConfig
from ._dates import CLOCK, DATE, DATETIME, MONTH, MONTH_NAMES, RELATIVE, WEEKDAY_NAMES
from ._textscan import (
    LineScan,
    all_spellings,
    function_words,
    line_phrases,
    phrase_trie,
    scan_lines,
)

#: Labels before a date ("Updated: 3 May", "Veröffentlicht am 31. Mai 2012").
_DATE_LABELS = (
    "Published", "Published on", "Published at", "First published", "First published on",
    "Posted", "Posted on", "Posted at", "Updated", "Updated on", "Updated at",
    "Last updated", "Last updated on", "Last modified", "Last modified on", "Modified",
    "Date", "Dated", "Created", "Created on", "Released",
    "Veröffentlicht", "Veröffentlicht am", "Aktualisiert", "Aktualisiert am",
    "Zuletzt aktualisiert", "Zuletzt aktualisiert am", "Stand", "Stand vom", "Erstellt",
    "Erstellt am", "Datum", "Publiziert", "Publiziert am", "Erschienen", "Erschienen am",
    "Geändert am", "Zuletzt geändert", "Zuletzt geändert am", "Letzte Aktualisierung",
    "Zuletzt bearbeitet", "Zuletzt bearbeitet am",
    "Eingestellt am", "Online seit",
    "Publié", "Publié le", "Mis à jour", "Mis à jour le", "Modifié le",
    "Dernière mise à jour", "Dernière mise à jour le", "Paru le", "Créé le",
    "Publicado", "Publicado el", "Actualizado", "Actualizado el", "Fecha",
    "Última actualización", "Última modificación", "Modificado", "Modificado el",
    "Pubblicato", "Pubblicato il", "Aggiornato", "Aggiornato il", "Ultimo aggiornamento",
    "Data", "Modificato il", "Ultima modifica", "Ultima modifica il",
    "Publicado em", "Atualizado", "Atualizado em", "Última atualização", "Última modificação",
    "Gepubliceerd", "Gepubliceerd op", "Bijgewerkt", "Bijgewerkt op", "Laatst bijgewerkt",
    "Laatst bijgewerkt op", "Laatst gewijzigd", "Laatst gewijzigd op", "Geplaatst", "Geplaatst op",
    "Opublikowano", "Aktualizacja", "Zaktualizowano", "Data publikacji", "Dodano",
    "Ostatnia aktualizacja", "Ostatnia modyfikacja",
    "Data dodania",
)  # fmt: skip
#: Labels of tag and category lists that need a colon ("Tags: a, b") or stand alone.
_TAG_LABELS = (
    "Tags", "Tag", "Tagged", "Topics", "Topic", "Keywords", "Categories", "Category",
    "Schlagwörter", "Schlagworte", "Stichwörter", "Stichworte", "Themen", "Kategorien",
    "Kategorie", "Rubrik", "Rubriken",
    "Mots-clés", "Mots clés", "Étiquettes", "Catégories", "Catégorie", "Rubrique", "Thèmes",
    "Etiquetas", "Categorías", "Categoría", "Temas", "Palabras clave",
    "Argomenti", "Categorie", "Categoria", "Etichette", "Parole chiave",
    "Marcadores", "Palavras-chave", "Categorias", "Assuntos",
    "Trefwoorden", "Categorieën", "Onderwerpen",
    "Tagi", "Kategoria", "Tematy", "Słowa kluczowe",
)  # fmt: skip
#: Labels of tag and category lists that read as phrases ("Filed under Politics").
_TAG_PHRASES = (
    "Tagged with", "Tagged as", "Filed under", "Filed in", "Posted in", "Posted under",
    "Veröffentlicht in", "Abgelegt unter", "Kategorisiert in", "Publié dans", "Classé dans",
    "Classé sous", "Publicado en", "Archivado en", "Archiviato in", "Pubblicato in",
    "Arquivado em", "Geplaatst in", "Opublikowano w",
)  # fmt: skip
#: Blog furniture: "Posted by X on …" (not "Written by", a byline).
_POSTED_BY = (
    "Posted by", "Submitted by", "Eingestellt von", "Gepostet von", "Publié par",
    "Posté par", "Publicado por", "Pubblicato da", "Postato da", "Geplaatst door",
    "Gepost door", "Opublikowane przez", "Dodane przez",
)  # fmt: skip
#: Notes that blog themes and wikis print under an entry: "This entry was
#: posted in X. Bookmark the permalink.", "Dieser Eintrag wurde veröffentlicht
#: in X von Y. Permanentlink.", "This page was last edited on …".
_ENTRY_NOTES = (
    "This entry was posted", "This entry was filed", "This post was posted",
    "This page was last edited", "This page was last modified", "This page was last updated",
    "Dieser Eintrag wurde", "Dieser Beitrag wurde", "Der Beitrag wurde am",
    "Diese Seite wurde zuletzt",
    "Cette entrée a été publiée", "Ce contenu a été publié", "Cet article a été publié dans",
    "Cette page a été modifiée pour la dernière fois",
    "Esta entrada fue publicada", "Esta entrada se publicó", "Esta página se editó por última vez",
    "Esta página fue modificada por última vez",
    "Questa voce è stata pubblicata", "Questo articolo è stato pubblicato",
    "Questa pagina è stata modificata per l'ultima volta",
    "Esta entrada foi publicada", "Este post foi publicado",
    "Esta página foi editada pela última vez",
    "Dit bericht werd geplaatst", "Dit bericht is geplaatst", "Dit item is geplaatst",
    "Deze pagina is voor het laatst bewerkt",
    "Ten wpis został opublikowany", "Wpis został opublikowany",
    "Ta strona została ostatnio zmodyfikowana", "Ta strona była ostatnio edytowana",
)  # fmt: skip
#: What makes a note of the openings that prose shares ("Dieser Beitrag wurde
#: von der Redaktion gekürzt" is not one): the verb of posting or editing, a
#: permalink, a category or tags.
_NOTE_WORD = re.compile(
    r"(?i:posted|filed|tagged|permalink|edited|modified|veröffentlicht|abgelegt|getaggt"
    r"|verschlagwortet|gekennzeichnet|geändert|bearbeitet|publiée?|modifiée|publicada"
    r"|publicó|editó|modificada|pubblicat[ao]|modificata|publicado|editada|geplaatst"
    r"|bewerkt|opublikowany|zmodyfikowana|edytowana)"
)
_READING_LABELS = (
    "Reading time", "Read time", "Lesezeit", "Lesedauer", "Temps de lecture",
    "Tiempo de lectura", "Tempo de leitura", "Tempo di lettura", "Leestijd", "Czas czytania",
)  # fmt: skip

_MINUTES = r"(?i:min(?:ute)?s?\.?|minuten|minutos?|minuti|minut[ya]?|mn)"
_READING = (
    rf"(?:ca\.[ ]?|about[ ]|~[ ]?)?\d{{1,3}}[ ]?{_MINUTES}[ ]"
    r"(?i:read|reading time|read time|lesezeit|lesedauer|de lecture|de lectura|de leitura"
    r"|di lettura|leestijd|czytania|lectura|lettura)"
    rf"|(?:{phrase_trie(_READING_LABELS)})[ ]?:?[ ]?"
    rf"(?:ca\.[ ]?|about[ ]|environ[ ]|aprox\.[ ]?|circa[ ])?\d{{1,3}}[ ]?{_MINUTES}"
)
_BY_TAIL = r"[ ](?:by|von|par|por|di|door|przez)[ ].{1,60}"
_LABEL = phrase_trie(_DATE_LABELS)
_LABEL_SEP = r"(?:[ ]?:[ ]?|[ ])"
#: A second labelled date after the first: "Publié le … - Mis à jour le …",
#: "Published …, updated …".
_SECOND = rf"(?:[ ]?[-–—|·,;/][ ]?|[ ])(?P<label2>{_LABEL}){_LABEL_SEP}(?:{DATETIME}|{RELATIVE})"

#: The whole block, once it is a candidate.
_DETAIL = re.compile(
    r"[^\w]{0,2}(?:"
    rf"(?P<label>{_LABEL}){_LABEL_SEP}?"
    rf"(?:(?:(?P<ldate>{DATETIME})|(?P<rel>{RELATIVE}))(?:{_SECOND})?(?:{_BY_TAIL})?)?"
    rf"|(?P<date>{DATETIME})(?P<by>{_BY_TAIL})?"
    rf"|(?P<clock>{CLOCK})"
    rf"|(?P<relative>{RELATIVE})"
    rf"|(?P<reading>{_READING})"
    rf"|(?P<tags>{phrase_trie(_TAG_LABELS)})(?:[ ]?:[ ]?(?P<list>.{{0,400}}))?"
    rf"|(?P<phrase>{phrase_trie(_TAG_PHRASES)})(?:[ ]?:[ ]?|[ ])(?P<plist>.{{1,400}})"
    rf"|(?P<posted>{phrase_trie(_POSTED_BY)})[ ](?P<who>.{{1,160}})"
    rf"|(?P<note>{phrase_trie(_ENTRY_NOTES)})[ ,](?P<rest>.{{1,600}})"
    r")[ .,;:|·]{0,3}"
)
_MONTH_YEAR = re.compile(rf"{MONTH}[ ](?:\d{{4}}|'\d{{2}})")
_HAS_DATE = re.compile(rf"{DATE}|\d{{1,2}}[:.h]\d{{2}}")

#: Words a relative time opens with ("vor 3 Stunden", "il y a 2 jours", "hace
#: 1 hora", "há 2 dias", "an hour ago"); the other forms open with a digit.
_RELATIVE_HEADS = ("vor", "il y a", "hace", "há", "an", "a", "one")
#: Candidate scan: blocks opening (after at most two punctuation marks) with
#: a digit or a word that a metadata block can open with.
_HEADS = (*MONTH_NAMES, *WEEKDAY_NAMES, *_DATE_LABELS, *_TAG_LABELS, *_TAG_PHRASES,
          *_POSTED_BY, *_READING_LABELS, *_RELATIVE_HEADS, *_ENTRY_NOTES, "ca.",
          "about")  # fmt: skip
_HEAD_PHRASES = line_phrases(all_spellings(_HEADS))
_CANDIDATE = LineScan(
    re.compile(rf"\n[^\w\n]{{0,2}}(?:\d|(?:{_HEAD_PHRASES.trie})(?![^\W\d_]))"),
    _HEAD_PHRASES.words,
    digits=True,
)


class MetadataConfig(DetectorConfig):
    """Settings of :class:`MetadataDetector`."""

    #: Longest date, time or reading-time block in words. 16 fits a labelled
    #: date with weekday, time and an author ("Posted on Monday, May 31, 2012
    #: at 2:41 pm by Jane Doe"); a block with two labelled dates (published and
    #: updated) may have twice as many.
    max_words: int = Field(default=16, gt=0)
    #: Longest tag or category line, or note under an entry, in words (keyword
    #: lists run long; "This entry was posted in …" notes list categories).
    max_tag_words: int = Field(default=50, gt=0)
    #: Highest share of function words in a tag list, measured on the list
    #: after its label; keyword lists have almost none, a sentence opening
    #: with "Thema:" has many. 0.35 from the development corpus.
    max_tag_stopword_ratio: float = Field(default=0.35, ge=0.0, le=1.0)


class MetadataDetector(Detector):
    """Whole blocks that are a date, a reading time, a tag line or "Posted by …"."""

    name = "metadata"
    Config = MetadataConfig
    config: MetadataConfig

    def detect(self, page: Page) -> Iterable[Verdict]:
        cfg = self.config
        blocks = page.blocks
        lexicon = function_words(page.language)
        verdicts: list[Verdict] = []
        for index, _ in scan_lines(page, _CANDIDATE):
            block = blocks[index]
            if block.n_words > cfg.max_tag_words:
                continue
            match = _DETAIL.fullmatch(block.text)
            if match is None:
                continue
            verdict = self._judge(index, block.n_words, block.bullet, match, lexicon)
            if verdict is not None:
                verdicts.append(verdict)
        return verdicts

    def _judge(
        self, index: int, n_words: int, bullet: bool, match: re.Match[str], lexicon: frozenset[str]
    ) -> Verdict | None:
        """Turn a full match of :data:`_DETAIL` into a verdict (or ``None``)."""
        cfg = self.config
        meta = BlockKind.METADATA
        groups = match.groupdict()
        if groups["tags"] is not None or groups["phrase"] is not None:
            tags = groups["list"] or groups["plist"] or ""
            if not _keyword_list(tags) and (
                _function_share(tags, lexicon) > cfg.max_tag_stopword_ratio
            ):
                return None
            label = groups["tags"] or groups["phrase"]
            return self.verdict(index, meta, "tags", f"tag or category line ({label!r})", 0.85)
        if groups["note"] is not None:
            if not _NOTE_WORD.search(match.string):
                return None
            return self.verdict(
                index, meta, "entry_note", f"note on the entry ({groups['note']!r} …)", 0.85
            )
        if n_words > cfg.max_words * (2 if groups["label2"] is not None else 1):
            return None
        if groups["reading"] is not None:
            return self.verdict(index, meta, "reading_time", "block is a reading time", 0.9)
        if groups["posted"] is not None:
            if n_words > 10 and not _HAS_DATE.search(groups["who"]):
                return None
            return self.verdict(
                index, meta, "posted_by", f"blog furniture ({groups['posted']!r} …)", 0.85
            )
        label = groups["label"]
        if label is not None:
            if groups["ldate"] is not None or groups["rel"] is not None:
                return self.verdict(
                    index, meta, "labelled_date", f"block is a date labelled {label!r}", 0.9
                )
            # "Updated:" or "Letzte Aktualisierung" is a label; a single word
            # without a colon may be a heading in another language ("Data",
            # "Date", "Stand"), so it gives no verdict.
            if ":" not in match.string[match.end("label") :] and " " not in label:
                return None
            return self.verdict(
                index, meta, "date_label", f"block is only the date label {label!r}", 0.6
            )
        if groups["clock"] is not None or groups["relative"] is not None:
            return self.verdict(index, meta, "time", "block is a time", 0.85)
        date = groups["date"]
        if _MONTH_YEAR.fullmatch(date):
            # "Mai 2012" alone may be a heading; after a stripped day number
            # ("31. Mai 2012" read as a numbered item) it is a date.
            confidence = 0.8 if bullet else 0.6
            return self.verdict(index, meta, "date", "block is a month and year", confidence)
        return self.verdict(index, meta, "date", "block is a date or time", 0.85)


#: Separators of a keyword list.
_TAG_SEPARATORS = re.compile(r"[,;|·•/]")
#: Longest item of a keyword list, in words ("City Council", "local news").
_MAX_TAG_ITEM_WORDS = 3


def _keyword_list(tags: str) -> bool:
    """Several short items between separators: a keyword list whatever its words.

    The word lists hold frequent nouns ("local", "world", "news"), so a
    lower-case list ("local, world") would read as function words; a
    sentence does not fall into short comma-separated pieces.
    """
    items = _TAG_SEPARATORS.split(tags)
    return len(items) >= 2 and all(0 < len(i.split()) <= _MAX_TAG_ITEM_WORDS for i in items)


def _function_share(words: str, lexicon: frozenset[str]) -> float:
    """Share of function words in a tag list ("what the council did" vs "Politics, Budget").

    Measured on the list alone: the label's own words ("Filed under",
    "Posted in") are function words. Capitalised words are tag names, never
    function words, although the word lists hold frequent nouns such as
    "local" and "world" ("Filed under Local News").
    """
    tokens = words.split()
    hits = sum(1 for t in tokens if t[:1].islower() and t.strip(".,;:|·/()") in lexicon)
    return hits / len(tokens) if tokens else 0.0
