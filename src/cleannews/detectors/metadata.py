"""Dates, reading times, tags and other article furniture.

Pages print metadata around the article as blocks of their own: a date or a
time ("31. Mai 2012", "May 31, 2012, 2:41 pm", "2012-05-31"), a labelled
date ("Updated: …", "Veröffentlicht am …", "Publié le …"), a reading time
("5 min read", "Lesezeit: 3 Minuten"), a tag or category line ("Tags: …",
"Filed under …", "Kategorien: …") and blog furniture ("Posted by X on …").
Only whole short blocks are flagged: article sentences contain dates and
"published" all the time, but never consist of nothing else. A plain "By
Name" byline is left to the byline detector.

Speed: one scan finds the blocks that open with a digit or with one of the
words such a block can start with (month, weekday, label); only those that
are short are then matched in full against :data:`_DETAIL`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from .._kinds import BlockKind
from .._models import Verdict
from .._page import Page
from ._base import Detector, DetectorConfig
from ._dates import DATE, DATETIME, MONTH, MONTH_NAMES, RELATIVE, WEEKDAY_NAMES
from ._textscan import phrase_trie, scan_lines

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
    "Eingestellt am", "Online seit",
    "Publié", "Publié le", "Mis à jour", "Mis à jour le", "Modifié le",
    "Dernière mise à jour", "Dernière mise à jour le", "Paru le", "Créé le",
    "Publicado", "Publicado el", "Actualizado", "Actualizado el", "Fecha",
    "Última actualización", "Modificado", "Modificado el",
    "Pubblicato", "Pubblicato il", "Aggiornato", "Aggiornato il", "Ultimo aggiornamento",
    "Data", "Modificato il",
    "Publicado em", "Atualizado", "Atualizado em", "Última atualização",
    "Gepubliceerd", "Gepubliceerd op", "Bijgewerkt", "Bijgewerkt op", "Laatst bijgewerkt",
    "Laatst bijgewerkt op", "Geplaatst", "Geplaatst op",
    "Opublikowano", "Aktualizacja", "Zaktualizowano", "Data publikacji", "Dodano",
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

#: The whole block, once it is a candidate.
_DETAIL = re.compile(
    r"[^\w]{0,2}(?:"
    rf"(?P<label>{phrase_trie(_DATE_LABELS)})(?:[ ]?:[ ]?|[ ])?"
    rf"(?:(?P<ldate>{DATETIME})(?:{_BY_TAIL})?|(?P<rel>{RELATIVE}))?"
    rf"|(?P<date>{DATETIME})(?P<by>{_BY_TAIL})?"
    rf"|(?P<reading>{_READING})"
    rf"|(?P<tags>{phrase_trie(_TAG_LABELS)})(?:[ ]?:[ ]?(?P<list>.{{0,400}}))?"
    rf"|(?P<phrase>{phrase_trie(_TAG_PHRASES)})(?:[ ]?:[ ]?|[ ])(?P<plist>.{{1,400}})"
    rf"|(?P<posted>{phrase_trie(_POSTED_BY)})[ ](?P<who>.{{1,160}})"
    r")[ .,;:|·]{0,3}"
)
_MONTH_YEAR = re.compile(rf"{MONTH}[ ](?:\d{{4}}|'\d{{2}})")
_HAS_DATE = re.compile(rf"{DATE}|\d{{1,2}}[:.h]\d{{2}}")

#: Candidate scan: blocks opening (after at most two punctuation marks) with
#: a digit or a word that a metadata block can open with.
_HEADS = (*MONTH_NAMES, *WEEKDAY_NAMES, *_DATE_LABELS, *_TAG_LABELS, *_TAG_PHRASES,
          *_POSTED_BY, *_READING_LABELS, "ca.", "about")  # fmt: skip
_CANDIDATE = re.compile(rf"\n[^\w\n]{{0,2}}(?:\d|(?:{phrase_trie(_HEADS)})(?![^\W\d_]))")


class MetadataConfig(DetectorConfig):
    """Settings of :class:`MetadataDetector`."""

    #: Longest date, time or reading-time block in words. 16 fits a labelled
    #: date with weekday, time and an author ("Posted on Monday, May 31, 2012
    #: at 2:41 pm by Jane Doe").
    max_words: int = 16
    #: Longest tag or category line in words (keyword lists run long).
    max_tag_words: int = 50
    #: Highest share of function words in a tag list; keyword lists have
    #: almost none, a sentence opening with "Thema:" has many. 0.35 from the
    #: development corpus.
    max_tag_stopword_ratio: float = 0.35


class MetadataDetector(Detector):
    """Whole blocks that are a date, a reading time, a tag line or "Posted by …"."""

    name = "metadata"
    Config = MetadataConfig
    config: MetadataConfig

    def detect(self, page: Page) -> Iterable[Verdict]:
        cfg = self.config
        blocks = page.blocks
        verdicts: list[Verdict] = []
        for index, _ in scan_lines(page, _CANDIDATE):
            block = blocks[index]
            if block.n_words > cfg.max_tag_words:
                continue
            match = _DETAIL.fullmatch(block.text)
            if match is None:
                continue
            verdict = self._judge(index, block.n_words, block.bullet, block.stopword_ratio, match)
            if verdict is not None:
                verdicts.append(verdict)
        return verdicts

    def _judge(
        self, index: int, n_words: int, bullet: bool, stopwords: float, match: re.Match[str]
    ) -> Verdict | None:
        """Turn a full match of :data:`_DETAIL` into a verdict (or ``None``)."""
        cfg = self.config
        meta = BlockKind.METADATA
        groups = match.groupdict()
        if groups["tags"] is not None or groups["phrase"] is not None:
            if stopwords > cfg.max_tag_stopword_ratio:
                return None
            label = groups["tags"] or groups["phrase"]
            return self.verdict(
                index, meta, "tags", f"tag or category line ({label!r})", 0.85
            )
        if n_words > cfg.max_words:
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
            return self.verdict(
                index, meta, "date_label", f"block is only the date label {label!r}", 0.6
            )
        date = groups["date"]
        if _MONTH_YEAR.fullmatch(date):
            # "Mai 2012" alone may be a heading; after a stripped day number
            # ("31. Mai 2012" read as a numbered item) it is a date.
            confidence = 0.8 if bullet else 0.6
            return self.verdict(index, meta, "date", "block is a month and year", confidence)
        return self.verdict(index, meta, "date", "block is a date or time", 0.85)
