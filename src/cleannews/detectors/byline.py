"""Bylines (they fill the result's byline).

A byline is a short block that opens with an author marker ("By", "Von",
"Par", "Por", "Di", "Door", "Autor:", "Written by" …) followed by a name: a
few capitalised words, initials and name particles, then optionally an outlet,
a place or a date ("By Patrick J. McDonnell, Los Angeles Times (TNS)", "Von
Max Mustermann, Berlin", "Par Jean Dupont, le 15 mai 2019"). The marker words
also open ordinary sentences and headings ("By the time …", "Von Tunis nach
Teheran", "Por favor …"), so the words after the marker must look like a
name and the block must be short and nearly free of function words. The
detector only proposes candidates; the select stage picks the result's byline.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from .._kinds import BlockKind
from .._models import Verdict
from .._page import Page
from ._base import Detector, DetectorConfig
from ._textscan import END, phrase_trie, scan_lines

#: Markers that are plain prepositions: they also open sentences and headings.
_PREPOSITIONS = ("By", "Von", "Par", "Por", "Di", "Door", "Przez")
#: Markers that can only introduce an author.
_LABELS = (
    "Written by",
    "Words by",
    "Story by",
    "Reporting by",
    "Text by",
    "Author",
    "Authors",
    "Text",
    "Text von",
    "Geschrieben von",
    "Verfasst von",
    "Ein Beitrag von",
    "Ein Kommentar von",
    "Autor",
    "Autorin",
    "Autoren",
    "Auteur",
    "Auteurs",
    "Texte",
    "Écrit par",
    "Rédigé par",
    "Autora",
    "Autores",
    "Texto",
    "Escrito por",
    "Autore",
    "Autori",
    "Testo",
    "Scritto da",
    "Tekst",
    "Geschreven door",
    "Autorka",
    "Napisane przez",
)

_PATTERN = re.compile(
    r"\n(?P<marker>"
    + phrase_trie(_PREPOSITIONS + _LABELS)
    + r")(?P<sep>[ ]?:[ ]?|[ ])(?P<rest>[^\n]{2,200})"
    + END
)
_LABEL_SET = frozenset(m.lower() for m in _LABELS)

#: Where the name ends: a comma, a separator, a bracket, a digit, or a
#: preposition that introduces a date or place ("on", "am", "le", "il" …).
_NAME_END = re.compile(
    r"\s*(?:[,|·•/(\[@:;]|\s[-–—]\s|\d)"
    r"|\s(?:on|at|am|um|le|el|il|em|op|w|in|for|für|pour|para|per|voor|dla)\s"
)
#: Words that join two names ("Jane Doe and John Roe").
_CONNECTORS = frozenset(("and", "und", "et", "y", "e", "i", "en", "&", "oraz"))
#: Lower-case words allowed inside a name or its tail (particles, connectors).
_PARTICLES = _CONNECTORS | frozenset(
    (
        "von",
        "van",
        "der",
        "den",
        "de",
        "del",
        "della",
        "dei",
        "degli",
        "da",
        "di",
        "du",
        "des",
        "la",
        "le",
        "el",
        "los",
        "las",
        "lo",
        "ten",
        "ter",
        "zu",
        "zur",
        "bin",
        "ben",
        "ibn",
        "al",
        "mc",
        "st.",
        "dos",
        "das",
        "do",
    )
)
#: Lower-case words that may follow a name: staff, newsroom, agency credits.
_TAIL_WORDS = _PARTICLES | frozenset(
    (
        "staff",
        "reporter",
        "reporters",
        "writer",
        "correspondent",
        "correspondents",
        "editor",
        "editors",
        "redaktion",
        "rédaction",
        "redacción",
        "redazione",
        "redação",
        "redactie",
        "redakcja",
        "with",
        "mit",
        "avec",
        "con",
        "com",
        "met",
        "z",
        "via",
    )
)
_INITIAL = re.compile(r"[A-ZÀ-ÖØ-Þ]\.(?:-?[A-ZÀ-ÖØ-Þ]\.)*")


class BylineConfig(DetectorConfig):
    """Settings of :class:`BylineDetector`."""

    #: Longest byline block in words. 15: name, outlet, place and a date fit
    #: ("Par Marie-Claire Delaire, le mercredi 15 mai 2019 à 15h24" has 11).
    max_words: int = 15
    #: Most words a name may have, particles included ("Fanny Guénon des
    #: Mesnards" has 4); more capitalised words in a row are a heading.
    max_name_words: int = 6
    #: Highest share of function words; bylines are nearly all names, while
    #: headings such as "Von Menschen und Mäusen" (0.5) are not. Chosen from
    #: the development corpus, where bylines score at most ~0.35.
    max_stopword_ratio: float = 0.4
    #: Lower-case words after the name (not particles, not dates) that mark
    #: the block as a sentence: "Von Einheimischen, Gästen und ganz viel Kühen".
    max_tail_lowercase_words: int = 1


class BylineDetector(Detector):
    """Short blocks opening with an author marker and a name."""

    name = "byline"
    Config = BylineConfig
    config: BylineConfig

    def detect(self, page: Page) -> Iterable[Verdict]:
        cfg = self.config
        verdicts: list[Verdict] = []
        blocks = page.blocks
        for index, match in scan_lines(page, _PATTERN):
            block = blocks[index]
            if block.n_words > cfg.max_words or block.stopword_ratio > cfg.max_stopword_ratio:
                continue
            marker = match.group("marker")
            label = marker.lower() in _LABEL_SET
            if not label and ":" in match.group("sep"):
                continue  # "Von: ..." opens a mail header, "Par: ..." a golf score
            names = self._name_words(match.group("rest"))
            if names is None:
                continue
            # A one-word "name" after a bare preposition ("Von Dienstag",
            # "von David") is a weak candidate: offered to the select stage
            # below the removal threshold.
            confidence = 0.8 if label or names >= 2 else 0.4
            verdicts.append(
                self.verdict(
                    index,
                    BlockKind.BYLINE,
                    "author_label" if label else "author_marker",
                    f"short block opening with {marker!r} and a name",
                    confidence,
                )
            )
        return verdicts

    def _name_words(self, rest: str) -> int | None:
        """Number of capitalised words in the name after the marker, or ``None``."""
        cut = _NAME_END.search(rest)
        name, tail = (rest[: cut.start()], rest[cut.start() :]) if cut else (rest, "")
        if tail.lstrip()[:1] == ":":
            return None  # "Author Contributions: ..." is a label, not a name
        words = name.split()
        if not words or len(words) > self.config.max_name_words:
            return None
        if not words[0][:1].isupper():
            return None
        capitalised = 0
        conjunct = 0  # capitalised words since the last "and"
        for word in words:
            if word[:1].isupper() or _INITIAL.fullmatch(word):
                capitalised += 1
                conjunct += 1
            elif word.lower() in _CONNECTORS:
                if conjunct < 2:
                    return None
                conjunct = 0
            elif word.lower() not in _PARTICLES:
                return None
        if conjunct < 2 and capitalised > conjunct:
            return None  # "Von Wiener Walzer und Mozartkugeln": not two full names
        if tail and not any(ch.isdigit() for ch in tail):
            lower = 0
            for raw in tail.split():
                word = raw.strip(".,;:()[]«»\"'“”„‘’")
                if word[:1].islower() and word.lower() not in _TAIL_WORDS:
                    lower += 1
            if lower > self.config.max_tail_lowercase_words:
                return None
        return capitalised
