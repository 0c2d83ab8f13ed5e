"""Copyright notices, legal links and site credits at the foot of a page.

Three families, each anchored on the shape of a whole short block:

* **Copyright**: "© 2024 X. All rights reserved", "Copyright © 2008-2021 x.com",
  "Alle Rechte vorbehalten.", "2022 - Todos los derechos reservados". A
  footer notice carries a year or a rights phrase; "© Getty Images" carries
  neither and is a photo credit, left to the caption detector.
* **Legal links**: a line made of footer items only ("Impressum ·
  Datenschutz · Kontakt", "Privacy Policy | Terms of Use", "Mentions
  légales"). A legal page among the items makes strong evidence; generic
  links only ("Kontakt | Jobs | Presse") make weaker evidence, and a lone
  "Contact" none, because a press release may have a "Contact" heading.
* **Credits**: "Powered by WordPress", "Theme by …", "Design von …".

Article prose mentions copyright and privacy all the time; none of these
rules looks inside long blocks.

Speed: one ``\\n``-led pattern finds lines that *start* like a footer
line, run only on the lines that the page's line index files under its
phrases' opening words, a year's digit or "©" (see ``_textscan``); a scan
for the rare literal "©" finds notices that follow a site name
("KnowTechie © 2019"). The few matched lines are then classified in Python.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from pydantic import Field

from .._kinds import BlockKind
from .._models import Verdict
from .._page import Page
from ._base import Detector, DetectorConfig
from ._textscan import (
    LineScan,
    MenuItems,
    ends_line,
    line_matches,
    line_phrases,
    line_start_spellings,
    phrase_trie,
)

#: "All rights reserved" in the languages cleannews covers.
_RIGHTS = (
    "all rights reserved", "some rights reserved", "all right reserved",
    "alle Rechte vorbehalten", "alle Rechte reserviert", "tous droits réservés",
    "tous les droits réservés", "todos los derechos reservados", "derechos reservados",
    "tutti i diritti riservati", "tutti i diritti sono riservati", "riproduzione riservata",
    "todos os direitos reservados", "direitos reservados", "alle rechten voorbehouden",
    "wszelkie prawa zastrzeżone", "prawa zastrzeżone",
)  # fmt: skip
#: Case variants, not an ignore-case flag: ``re`` matches an ignore-case
#: trie about seven times slower (measured on copyright lines).
_RIGHTS_RE = re.compile(phrase_trie(_RIGHTS))
_YEAR = re.compile(r"(?<!\d)(?:19[5-9]\d|20\d\d)(?!\d)")
_COPYRIGHT_STARTS = ("©", "(c)", "(C)", "copyright", "copyrights")

#: Legal pages: one of them makes a line of footer items a footer.
_LEGAL = (
    "impressum", "datenschutz", "datenschutzerklärung", "datenschutzhinweise",
    "Datenschutzrichtlinie", "Datenschutzeinstellungen", "privacy", "privacy policy",
    "privacy notice", "privacy statement", "privacy settings", "privacy & cookies",
    "cookie policy", "cookies", "cookie settings", "Cookie-Einstellungen", "Cookie-Richtlinie",
    "Cookie-Hinweise", "terms", "terms of use", "terms of service", "terms and conditions",
    "terms & conditions", "nutzungsbedingungen", "nutzungsrichtlinien", "agb", "agbs",
    "allgemeine Geschäftsbedingungen", "haftungsausschluss", "disclaimer",
    "rechtliche Hinweise", "Rechtliches", "Barrierefreiheit", "Erklärung zur Barrierefreiheit",
    "accessibility", "legal", "legal notice", "imprint", "site notice", "do not sell my info",
    "do not sell my personal information", "your privacy choices",
    "mentions légales", "politique de confidentialité", "conditions générales",
    "conditions générales d'utilisation", "conditions d'utilisation", "cgu", "cgv",
    "données personnelles", "gestion des cookies",
    "aviso legal", "política de privacidad", "política de cookies", "términos y condiciones",
    "condiciones de uso", "términos de uso", "protección de datos",
    "note legali", "informativa privacy", "informativa sulla privacy", "termini e condizioni",
    "condizioni d'uso", "condizioni generali",
    "política de privacidade", "termos de uso", "termos e condições", "política de cookies",
    "colofon", "privacybeleid", "privacyverklaring", "algemene voorwaarden", "cookiebeleid",
    "polityka prywatności", "polityka cookies", "regulamin", "nota prawna",
)  # fmt: skip
#: Generic site links that stand beside legal links in a footer.
_GENERIC = (
    "contact", "contact us", "kontakt", "about", "about us", "über uns", "wir über uns",
    "team", "redaktion", "jobs", "karriere", "careers", "stellenangebote", "sitemap",
    "site map", "rss", "faq", "faqs", "help", "hilfe", "presse", "press", "newsletter",
    "mediadaten", "media kit", "werben", "werbung", "advertise", "advertising",
    "anzeigen", "abo", "abonnement", "shop", "archiv", "archive", "home", "startseite",
    "nous contacter", "contactez-nous", "qui sommes-nous", "à propos", "publicité",
    "contacto", "contáctenos", "quiénes somos", "sobre nosotros", "publicidad",
    "contatti", "chi siamo", "pubblicità", "contato", "fale conosco", "quem somos",
    "sobre nós", "over ons", "adverteren", "o nas", "redakcja", "reklama", "kontakt z nami",
)  # fmt: skip
_LEGAL_SET = frozenset(p.lower() for p in _LEGAL)

#: Site credits.
_CREDITS = (
    "powered by", "proudly powered by", "theme by", "theme:", "designed by", "design by",
    "design von", "webdesign", "web design by", "website by", "site by", "built with",
    "realisiert von", "umsetzung:", "made with", "propulsé par", "fièrement propulsé par",
    "thème", "con tecnología de", "desarrollado por", "diseñado por", "tema:",
    "sviluppato da", "realizzato da", "tema by", "desenvolvido por", "mogelijk gemaakt door",
    "ontwerp:", "wykonanie:", "projekt i wykonanie",
)  # fmt: skip

_SEP_CHARS = " \t|·•/,;:()[]»«›‹<>*–—-"
#: Generic links that often open a footer line ("Kontakt · Impressum ·
#: Datenschutz"). Other generic links ("Jobs", "Presse", "Home") count only
#: inside a line that a legal link or one of these opens: as first words
#: they open many lines of a page and prove little.
_GENERIC_STARTERS = (
    "contact", "contact us", "kontakt", "about us", "über uns", "sitemap", "nous contacter",
    "contacto", "contatti", "contato", "over ons", "o nas",
)  # fmt: skip
#: What each phrase of the scan's trie opens.
_PHRASES: dict[str, str] = {
    **{p: "item" for p in (*_LEGAL, *_GENERIC_STARTERS)},
    **{p: "credit" for p in _CREDITS},
    **{p: "rights" for p in _RIGHTS},
    **{p: "copy" for p in _COPYRIGHT_STARTS[1:]},
}
#: The same, keyed by the lower-case phrase (what Python looks up).
_KIND = {p.lower(): kind for p, kind in _PHRASES.items()}


#: The one line-start scan: a copyright sign, a year, or a phrase (copyright
#: word, rights phrase, credit, footer item) opening the line, then the rest
#: of the line as a plain tail (up to 400 characters; longer lines are
#: prose, recognised because the match stops short of the line end).
_STARTS = line_phrases(line_start_spellings(_PHRASES))
_SCAN = LineScan(
    re.compile(
        r"\n(?:(?P<sign>©)"
        # A year opens a notice only with a sign or a rights word close behind
        # ("2022 - Todos los derechos reservados"); other dated lines fail here.
        r"|(?P<year>(?:19|20)\d\d)(?!\d)(?=[^\n]{0,80}?(?:©|[Rr]ights|RIGHTS|Rechte|droits"
        r"|derechos|diritti|direitos|rechten|prawa))"
        rf"|(?P<phrase>{_STARTS.trie})(?![^\W_]))"
        r"[^\n]{0,400}"
    ),
    # A year opens with "19" or "20".
    _STARTS.words | {"1", "2"},
    marks="©",
)
#: "©" after a site name: "KnowTechie © 2019", "Text und Fotos © 2020 X".
_SIGN = re.compile(r"©[^\n]{0,200}")
_CREDIT_RE = re.compile(rf"(?:{phrase_trie(_CREDITS)})")
_WORDS = re.compile(r"[^\W\d_](?:[\w'’&+-]*\w)?|&")
#: Legal and generic links, and the lines made of them ("Impressum · Kontakt").
_LINKS = MenuItems((*_LEGAL, *_GENERIC), _WORDS, _SEP_CHARS)


class FooterConfig(DetectorConfig):
    """Settings of :class:`FooterDetector`."""

    #: Longest block, in words, that a copyright notice may be. 60: notices
    #: with a company address run up to ~50 words on the development corpus.
    max_notice_words: int = Field(default=60, gt=0, le=1000)
    #: Longest block, in words, that a site credit may be.
    max_credit_words: int = Field(default=25, gt=0, le=500)


class FooterDetector(Detector):
    """Copyright notices, legal link lines and site credits (FOOTER)."""

    name = "footer"
    Config = FooterConfig
    config: FooterConfig

    def detect(self, page: Page) -> Iterable[Verdict]:
        blocks = page.blocks
        if not blocks:
            return []
        cfg = self.config
        found: dict[int, Verdict] = {}
        # Per block: lines that are footer links, and whether one is legal.
        link_lines: dict[int, int] = {}
        legal: set[int] = set()
        single: dict[int, int] = {}
        for index, match in line_matches(page, _SCAN):
            if not ends_line(match) or index in found:
                continue  # longer than any footer line (prose), or done
            line = match.group()[1:]
            phrase = match.group("phrase")
            kind = match.lastgroup if phrase is None else _KIND.get(phrase.lower(), "item")
            n_words = blocks[index].n_words
            if kind == "item":
                items = _LINKS.split(line)
                if items:
                    link_lines[index] = link_lines.get(index, 0) + 1
                    single[index] = len(items)
                    if any(item in _LEGAL_SET for item in items):
                        legal.add(index)
            elif kind == "credit":
                if n_words <= cfg.max_credit_words:
                    found[index] = self.verdict(
                        index,
                        BlockKind.FOOTER,
                        "credits",
                        "short block with a site credit ('Powered by', 'Theme by', 'Design von')",
                        0.85,
                    )
            else:
                verdict = self._notice(index, line, n_words, kind != "year")
                if verdict is not None:
                    found[index] = verdict
        joined = page.joined
        if joined.find("©") != -1:
            for match in _SIGN.finditer(joined):
                index = page.block_at(match.start())
                if index not in found:
                    verdict = self._notice(index, match.group(), blocks[index].n_words, True)
                    if verdict is not None:
                        found[index] = verdict
        for index, hits in link_lines.items():
            if index not in found:
                verdict = self._links(page, index, hits, index in legal, single[index])
                if verdict is not None:
                    found[index] = verdict
        return [found[i] for i in sorted(found)]

    def _copyright(self, index: int, what: str) -> Verdict:
        return self.verdict(index, BlockKind.FOOTER, "copyright", f"short block with {what}", 0.9)

    def _notice(self, index: int, line: str, n_words: int, signed: bool) -> Verdict | None:
        """A notice needs a year or a rights phrase; "© Getty Images" is a photo credit.

        ``signed``: the line has a copyright sign or word (else it opened
        with a year, and only a rights phrase makes it a notice).
        """
        if n_words > self.config.max_notice_words:
            return None
        if _RIGHTS_RE.search(line):
            return self._copyright(index, "a rights-reserved notice")
        if not signed:
            return None
        if _YEAR.search(line):
            return self._copyright(index, "a copyright notice with a year")
        lowered = line.lstrip(_SEP_CHARS).lower()
        if lowered.startswith("copyright") and "©" in line:
            return self._copyright(index, "a 'Copyright ©' notice")
        if lowered.rstrip(_SEP_CHARS) in ("copyright", "copyrights"):
            return self.verdict(
                index, BlockKind.FOOTER, "copyright", "block is only the word 'Copyright'", 0.7
            )
        return None

    def _links(
        self, page: Page, index: int, hits: int, has_legal: bool, n_items: int
    ) -> Verdict | None:
        """Verdict for a block with ``hits`` lines of footer links."""
        block = page.blocks[index]
        lines = block.text.count("\n") + 1
        if hits < lines and 2 * hits < lines:
            return None
        if has_legal:
            confidence = 0.85 if hits == lines else 0.7
            reason = "legal links (imprint, privacy, terms) and other footer links"
        elif hits >= 2 or n_items >= 2:
            confidence = 0.7 if hits == lines else 0.5
            reason = "a run of footer links (contact, about us, jobs)"
        else:
            # One generic link alone ("Contact", "Kontakt") is also a
            # heading (of a press release's contact details, say).
            return None
        return self.verdict(index, BlockKind.FOOTER, "links", reason, confidence)
