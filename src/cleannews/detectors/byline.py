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

from pydantic import Field

from .._kinds import BlockKind
from .._models import Verdict
from .._page import Page
from ._base import Detector, DetectorConfig
from ._textscan import END, LineScan, all_spellings, function_words, line_phrases, scan_lines

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

_MARKERS = line_phrases(all_spellings(_PREPOSITIONS + _LABELS))
_PATTERN = LineScan(
    re.compile(
        r"\n(?P<marker>"
        + _MARKERS.trie
        + r")(?P<sep>[ ]?:[ ]?|[ ])(?P<rest>[^\n]{2,200})"
        + END
    ),
    _MARKERS.words,
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
_STRIP = ".,;:()[]«»\"'“”„‘’|/"


_INITIAL = re.compile(r"[A-ZÀ-ÖØ-Þ]\.(?:-?[A-ZÀ-ÖØ-Þ]\.)*")


class BylineConfig(DetectorConfig):
    """Settings of :class:`BylineDetector`."""

    #: Longest byline block in words. 15: name, outlet, place and a date fit
    #: ("Par Marie-Claire Delaire, le mercredi 15 mai 2019 à 15h24" has 11).
    max_words: int = Field(default=15, gt=0)
    #: Most words a name may have, particles included ("Fanny Guénon des
    #: Mesnards" has 4); more capitalised words in a row are a heading.
    max_name_words: int = Field(default=6, gt=0)
    #: Highest share of function words among the words after the marker,
    #: name particles and "and" aside: bylines are names, title-case headings
    #: such as "By The Numbers" or "By Letters To The Editor" (0.5) are not.
    #: 0.4 from the development corpus: its bylines score at most 1/3 ("By
    #: Tom Pyman for MailOnline"), the headings that look like names 0.5.
    max_stopword_ratio: float = Field(default=0.4, ge=0.0, le=1.0)
    #: Lower-case words after the name (not particles, not dates) that mark
    #: the block as a sentence: "Von Einheimischen, Gästen und ganz viel Kühen".
    max_tail_lowercase_words: int = Field(default=1, ge=0)


class BylineDetector(Detector):
    """Short blocks opening with an author marker and a name."""

    name = "byline"
    Config = BylineConfig
    config: BylineConfig

    def detect(self, page: Page) -> Iterable[Verdict]:
        cfg = self.config
        verdicts: list[Verdict] = []
        blocks = page.blocks
        lexicon: frozenset[str] | None = None  # the page language's function words
        for index, match in scan_lines(page, _PATTERN):
            block = blocks[index]
            if block.n_words > cfg.max_words:
                continue
            marker = match.group("marker")
            label = marker.lower() in _LABEL_SET
            if not label and ":" in match.group("sep"):
                continue  # "Von: ..." opens a mail header, "Par: ..." a golf score
            if lexicon is None:
                lexicon = function_words(page.language)
            names = self._name_words(match.group("rest"), lexicon)
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

    def _name_words(self, rest: str, lexicon: frozenset[str]) -> int | None:
        """Number of capitalised words in the name after the marker, or ``None``.

        Also ``None`` when function words make up more than
        ``max_stopword_ratio`` of the name's words and the lower-case words
        after it, name particles and "and" aside ("Door Jan de Vries", "By
        Jane Doe and John Roe"). Case is folded inside the name, so the
        capitalised function words of a title-case heading count ("By The
        Numbers"); after the name only lower-case words do, so that a place
        ("do Rio de Janeiro") or an outlet is not read as function words,
        and none of a dateline's.
        """
        cfg = self.config
        cut = _NAME_END.search(rest)
        name, tail = (rest[: cut.start()], rest[cut.start() :]) if cut else (rest, "")
        if tail.lstrip()[:1] == ":":
            return None  # "Author Contributions: ..." is a label, not a name
        words = name.split()
        if not words or len(words) > cfg.max_name_words:
            return None
        if not words[0][:1].isupper():
            return None
        capitalised = 0
        conjunct = 0  # capitalised words since the last "and"
        counted = hits = 0  # words measured for function words, and those that are
        for word in words:
            if word[:1].isupper() or _INITIAL.fullmatch(word):
                capitalised += 1
                conjunct += 1
                folded = word.strip(_STRIP).lower()
                if folded not in _PARTICLES:  # "Von Der Leyen", "Tomás De Rementería"
                    counted += 1
                    hits += folded in lexicon
            elif word.lower() in _CONNECTORS:
                if conjunct < 2:
                    return None
                conjunct = 0
            elif word.lower() not in _PARTICLES:
                return None
        if conjunct < 2 and capitalised > conjunct:
            return None  # "Von Wiener Walzer und Mozartkugeln": not two full names
        if tail and not any(ch.isdigit() for ch in tail):
            # A tail with a date ("on January 20, 2020", "am 21. April um 9:07
            # Uhr") is a dateline: its lower-case words are date prepositions.
            lower = 0
            for raw in tail.split():
                word = raw.strip(_STRIP)
                if word[:1].islower() and word not in _PARTICLES:
                    counted += 1
                    hits += word in lexicon
                    lower += word not in _TAIL_WORDS
            if lower > cfg.max_tail_lowercase_words:
                return None
        if hits > cfg.max_stopword_ratio * counted:
            return None
        return capitalised
