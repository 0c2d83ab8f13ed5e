"""Licence notices, disclaimers, page-edit stamps, commission disclosures, server errors.

Blogs and magazines close (and sometimes open) a page with small print that
is never part of the article:

* ``legal_notice.licence``: "This work is licensed under a Creative Commons
  …", "Dieses Werk ist lizenziert unter …", "Die Inhalte dieser Website
  stehen unter einer Creative Commons-Lizenz", "Contenidos bajo licencia …";
* ``legal_notice.disclaimer``: "Trotz sorgfältiger inhaltlicher Kontrolle
  übernehmen wir keine Haftung …", "The views expressed … are those of the
  author", "Les opinions exprimées … n'engagent que leurs auteurs",
  "Disclaimer: …", and a "Haftungsausschluss" / "Disclaimer" heading with the
  paragraph it introduces (``disclaimer_header``);
* ``legal_notice.edit_stamp``: "Diese Seite wurde zuletzt am … geändert",
  "This page was last edited on …" (wikis and CMS footers);
* ``legal_notice.affiliate``: "Für Links auf dieser Seite erhält X ggf. eine
  Provision vom Händler", "As an Amazon Associate I earn from qualifying
  purchases", "We may earn a commission …";
* ``legal_notice.reprint``: "Nachdruck nur mit Genehmigung", "Materiał
  chroniony prawem autorskim", "Reproduction interdite" (the "© … All rights
  reserved" line is the footer detector's);
* ``legal_notice.server_error``: PHP warnings printed into the page ("Warning:
  Creating default object from empty value in /www/…/classes.php on line
  407"). They are template residue, not legal text, so their verdicts carry
  the kind ``TEMPLATE_RESIDUE``; they live here because the same one-pass
  scan finds them and no other detector reads error lines.

Articles talk about licences, liability and commissions too ("Creative
Commons licences let photographers share …", "Amazon cut the commission it
pays …"), so the detector trusts *shapes*, not words: a notice is a short
block that opens with a notice phrase, or that holds a notice clause (a
licence *granted* to this work, a commission *we* earn, a liability *we*
decline). A licence clause with nothing tying it to the page or to a formal
licence name is graded by position: after most of the page's prose it is a
footer notice, before it a sentence of an article about licensing.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from pydantic import Field

from .._kinds import BlockKind
from .._models import Verdict
from .._page import Page
from ._base import Detector, DetectorConfig
from ._textscan import END, case_variants, phrase_trie, scan_lines

#: Disclaimers that open a block.
_DISCLAIMER_OPENERS = (
    "disclaimer:", "disclaimer -", "disclaimer –", "disclaimer (", "editorial disclaimer",
    "legal disclaimer", "important disclaimer", "medical disclaimer", "financial disclaimer",
    "disclosure:", "the views expressed in this", "the views expressed here",
    "the views expressed on this", "the views expressed are", "the views expressed by the author",
    "the views and opinions expressed", "views expressed are", "views expressed in this",
    "opinions expressed here", "opinions expressed in this", "opinions expressed on this",
    "opinions expressed are", "the opinions expressed", "any opinions expressed",
    "this article is for informational purposes", "this content is for informational purposes",
    "this post is for informational purposes", "this information is for general",
    "the information on this site", "the information on this website",
    "the information provided on this", "the information contained in this",
    "the content is solely the responsibility", "nothing on this site",
    "nothing in this article constitutes", "this article does not constitute",
    "this article is not intended", "this content is not intended", "this website does not provide",
    "this site does not provide", "we are not responsible for the content", "haftungsausschluss:",
    "haftungshinweis:", "rechtlicher Hinweis:", "Hinweis zur Haftung",
    "trotz sorgfältiger inhaltlicher Kontrolle", "trotz sorgfältiger Kontrolle",
    "für den Inhalt der verlinkten Seiten", "für die Inhalte der verlinkten Seiten",
    "für die Inhalte externer Links", "für den Inhalt externer Links",
    "wir übernehmen keine Haftung", "ich übernehme keine Haftung", "wir übernehmen keine Gewähr",
    "ich übernehme keine Gewähr", "alle Angaben ohne Gewähr", "Angaben ohne Gewähr",
    "alle Angaben erfolgen ohne Gewähr", "die Inhalte dieser Seite wurden mit größter Sorgfalt",
    "die Inhalte unserer Seiten wurden mit größter Sorgfalt", "die Beiträge geben die Meinung",
    "der Beitrag gibt die Meinung", "der Artikel gibt die Meinung",
    "namentlich gekennzeichnete Beiträge", "Gastbeiträge geben nicht", "Gastkommentare geben nicht",
    "dieser Artikel ersetzt keine", "dieser Beitrag ersetzt keine", "dieser Text ersetzt keine",
    "die Informationen ersetzen keine", "die Inhalte ersetzen keine", "keine Anlageberatung",
    "avertissement :", "avertissement:", "avis de non-responsabilité",
    "clause de non-responsabilité", "les opinions exprimées", "les propos tenus",
    "les propos exprimés", "cet article ne constitue pas", "les informations de ce site",
    "les informations fournies sur ce", "descargo de responsabilidad", "aviso legal:",
    "las opiniones expresadas", "las opiniones vertidas", "este artículo no constituye",
    "la información de este sitio", "la información contenida en este",
    "esclusione di responsabilità", "le opinioni espresse", "questo articolo non costituisce",
    "le informazioni contenute in questo", "le informazioni presenti su questo",
    "isenção de responsabilidade", "as opiniões expressas", "as opiniões emitidas",
    "este artigo não constitui", "as informações contidas neste", "o conteúdo deste site",
    "de meningen die", "de standpunten in dit", "aan de inhoud van deze",
    "aan deze website kunnen geen", "aan de informatie op deze", "dit artikel vormt geen",
    "zastrzeżenie:", "zastrzeżenie prawne", "opinie wyrażone", "poglądy wyrażone",
    "redakcja nie ponosi odpowiedzialności", "artykuł nie stanowi", "treści zawarte na",
    "informacje zawarte na",
)  # fmt: skip

#: Headings of a disclaimer section, as a block of their own.
_DISCLAIMER_HEADINGS = (
    "disclaimer", "disclaimers", "legal disclaimer", "medical disclaimer", "editorial disclaimer",
    "limitation of liability", "haftungsausschluss", "haftungsausschluss (disclaimer)",
    "haftungshinweis", "haftungsbeschränkung", "haftungsbeschränkung für externe Links",
    "haftung für Links", "haftung für externe Links", "haftung für Inhalte", "rechtlicher Hinweis",
    "avertissement", "avis de non-responsabilité", "clause de non-responsabilité",
    "descargo de responsabilidad", "exención de responsabilidad", "esclusione di responsabilità",
    "limitazione di responsabilità", "isenção de responsabilidade", "aansprakelijkheid",
    "vrijwaring", "zastrzeżenie", "zastrzeżenia prawne", "wyłączenie odpowiedzialności",
)  # fmt: skip

#: Page-edit stamps that open a block.
_EDIT_STAMPS = (
    "this page was last edited on", "this page was last modified on",
    "this page was last updated on", "page last edited", "page last modified", "page last updated",
    "diese Seite wurde zuletzt am", "diese Seite wurde zuletzt bearbeitet",
    "diese Seite wurde zuletzt geändert", "Seite zuletzt geändert", "Seite zuletzt bearbeitet",
    "dernière modification de cette page", "cette page a été modifiée pour la dernière fois",
    "esta página se editó por última vez", "esta página fue editada por última vez",
    "esta página fue modificada por última vez", "última edición de esta página",
    "questa pagina è stata modificata per l'ultima volta",
    "questa pagina è stata modificata per l’ultima volta",
    "esta página foi editada pela última vez", "esta página foi modificada pela última vez",
    "deze pagina is het laatst bewerkt op", "deze pagina is voor het laatst bewerkt op",
    "tę stronę ostatnio edytowano", "ta strona była ostatnio edytowana",
    "ostatnia edycja tej strony",
)  # fmt: skip

#: Copyright and reprint notices that open a block ("© … All rights
#: reserved" is the footer detector's).
_REPRINT = (
    "Nachdruck nur mit", "Nachdruck und Vervielfältigung", "Nachdruck oder Vervielfältigung",
    "Nachdruck, auch auszugsweise", "Nachdruck – auch auszugsweise", "Vervielfältigung nur mit",
    "Weiterverbreitung nur mit", "reproduction interdite", "toute reproduction",
    "reproduction totale ou partielle interdite", "prohibida su reproducción",
    "queda prohibida la reproducción", "prohibida la reproducción", "è vietata la riproduzione",
    "vietata la riproduzione", "proibida a reprodução", "é proibida a reprodução",
    "reprodução proibida", "niets uit deze uitgave", "overname van artikelen",
    "materiał chroniony prawem autorskim", "kopiowanie i rozpowszechnianie", "przedruk tylko",
    "reproduction or redistribution", "no part of this", "reprinted with permission",
    "republished with permission",
)  # fmt: skip

#: Commission disclosures that open a block (the advertisement detector
#: takes "This post contains affiliate links" and its translations).
_AFFILIATE_OPENERS = (
    "as an Amazon Associate", "as an Amazon affiliate", "we may earn a commission",
    "we may earn an affiliate commission", "we may earn affiliate commissions",
    "we may receive a commission", "we may receive compensation",
    "we may receive a small commission", "we earn a commission", "we earn a small commission",
    "we receive a commission", "we receive a small commission", "I may earn a commission",
    "I may receive a small commission", "I earn a small commission", "I receive a small commission",
    "when you buy through links on our", "when you buy through our links",
    "when you purchase through links on our", "when you purchase through our links",
    "when you buy something through", "when you purchase something through",
    "if you buy something through", "if you purchase something through",
    "if you click on a link and make a purchase", "if you click this link and make a purchase",
    "if you make a purchase through", "this site participates in the Amazon",
    "this website participates in the Amazon", "this site is a participant in the Amazon",
    "this website is a participant in the Amazon", "für Links auf dieser Seite erhält",
    "für Links auf dieser Seite erhalten", "als Amazon-Partner verdiene ich",
    "als Amazon-Partner verdienen wir", "als Amazon Partner verdiene ich",
    "als Amazon Partner verdienen wir", "als Amazon-Partner verdient",
    "als Amazon Partner verdient", "wenn du über diese Links", "wenn Sie über diese Links",
    "wenn du über einen dieser Links", "wenn Sie über einen dieser Links",
    "kaufst du über einen dieser Links", "kaufen Sie über einen dieser Links",
    "bei einem Kauf über diese Links", "bei einem Kauf über einen dieser Links",
    "mit einem Kauf über diese Links", "en tant que Partenaire Amazon",
    "en tant que partenaire Amazon", "en tant que partenaire d'Amazon",
    "en tant que partenaire d’Amazon", "como Afiliado de Amazon", "como afiliado de Amazon",
    "como asociado de Amazon", "en calidad de Afiliado de Amazon",
    "en calidad de afiliado de Amazon", "in qualità di Affiliato Amazon",
    "in qualità di affiliato Amazon", "in qualità di Associato Amazon", "como Associado da Amazon",
    "como associado da Amazon", "como afiliado da Amazon", "als Amazon-partner verdien",
    "als Amazon partner verdien", "als Amazon-Partner verdien", "jako Partner Amazon",
    "jako partner Amazon", "jako partner programu Amazon",
)  # fmt: skip

#: Licence notices that open a block (the clause check still applies).
_LICENCE_OPENERS = (
    "this work is licensed", "this work is licenced", "this site is licensed",
    "this website is licensed", "this blog is licensed", "this page is licensed",
    "all content is licensed", "all content on this site", "content is available under",
    "text is available under", "except where otherwise noted", "unless otherwise noted",
    "unless otherwise stated", "unless otherwise indicated", "unless otherwise specified",
    "if not explicitly specified otherwise", "licensed under", "license:", "licence:",
    "dieses Werk ist lizenziert", "dieses Werk steht unter", "dieses Werk bzw. Inhalt",
    "diese(s) Werk bzw. Inhalt", "dieser Werk bzw. Inhalt", "dieser Inhalt ist lizenziert",
    "dieses Blog steht unter", "dieser Blog steht unter", "dieses Weblog", "diese Seite steht",
    "diese Website ist lizenziert", "diese Webseite ist lizenziert", "diese Website steht",
    "die Inhalte dieser Website", "die Inhalte dieser Webseite", "die Inhalte dieser Seite",
    "der Inhalt dieser Seite", "der Inhalt dieser Website", "alle Inhalte dieser",
    "alle Beiträge dieser", "alle Artikel und Inhalte", "soweit nicht anders",
    "sofern nicht anders", "wenn nicht anders", "falls nicht anders", "lizenz:", "lizenziert unter",
    "contenu sous licence", "contenus sous licence", "ce contenu est sous licence",
    "cette œuvre est mise à disposition", "cette oeuvre est mise à disposition",
    "sauf mention contraire", "sauf indication contraire", "licence :", "licence:",
    "contenidos bajo licencia", "contenido bajo licencia", "esta obra está bajo una licencia",
    "esta obra está licenciada", "salvo que se indique lo contrario", "licencia:",
    "quest'opera è distribuita", "quest’opera è distribuita", "questo sito è rilasciato",
    "contenuti rilasciati", "salvo dove diversamente indicato", "licenza:",
    "esta obra está licenciada", "este trabalho está licenciado", "conteúdo sob licença",
    "exceto quando indicado", "licença:", "dit werk is gelicenseerd", "dit werk valt onder",
    "deze website valt onder", "licentie:", "ten utwór jest dostępny",
    "treści dostępne na licencji", "o ile nie zaznaczono inaczej", "licencja:",
)  # fmt: skip

#: A licence granted to a work: "is licensed under", "steht unter einer",
#: "sous licence", "bajo licencia" …
_LICENCE_GRANT = re.compile(
    r"(?i:licen[cs]ed (?:under|as)|lizenziert|available under|published under|released under"
    r"|distributed under|(?:steht|stehen|ist|sind|unterliegt|unterliegen|veröffentlicht)"
    r" (?:\S+ ){0,3}?(?:unter|als) (?:einer|der|den|die)\b|unter den Bedingungen"
    r"|sous (?:la |une )?licence|mise à disposition selon|bajo (?:la |una )?licencia"
    r"|sotto (?:la |una )?licenza|distribuit[ao] con licenza|secondo la licenza"
    r"|disponibile con (?:la |una )?licenza|sob (?:a |uma )?licença"
    r"|onder (?:de |een )?(?:\S+ )?licentie|na licencji|na zasadach licencji)"
)
#: A licence label ("Lizenz: CC BY 4.0", "Licence : …") and a licence name
#: after it: "Lizenz: Freeware" in a download box is no notice.
_LICENCE_LABEL = re.compile(
    r"(?i:(?:^|\n|[•|·] ?)(?:licen[cs]e|lizenz|licencia|licenza|licença|licentie|licencja) ?:"
    r"[^\n]{0,40}?(?:creative[ -]?commons|\bcc[ -]?by|\bcc0\b|\bby-(?:sa|nc|nd)\b|\bgnu\b|\bgpl\b"
    r"|apache license|mit license|public domain|gemeinfrei|domaine public|dominio p[úu]blico"
    r"|pubblico dominio|domínio público|publiek domein|domena publiczna))"
)
#: What ties a licence clause to the page itself: a deictic subject ("this
#: work", "diese Seite", "ce site"), a qualifier ("unless otherwise noted",
#: "soweit nicht anders"), or a formal licence name with its version and
#: port ("Namensnennung 4.0 International", "Attribution-ShareAlike 3.0
#: Unported"), which articles about licensing rarely spell out.
_LICENCE_TIE = re.compile(
    r"(?i:\b(?:this|these|dies\w*|diese\(s\)|ce|cet|cette|ces|este|esta|estos|estas|questo|questa"
    r"|questi|deze|dit|ten|ta|to|all|alle|tous|todos|todo|tutti|todo|our|unsere?|nos|nuestros"
    r"|nostri|onze|nasze)\b (?:\S+ )?(?:work|site|website|web site|page|blog|weblog|contents?"
    r"|texts?|posts?|articles?|photos?|images?|pictures?|werk|inhalte?|seite|webseite|website|texte"
    r"|beiträge|artikel|bilder|fotos|œuvre|oeuvre|contenus?|textes|articles|obra|contenidos?|textos"
    r"|artículos|opera|sito|contenuti|testi|articoli|trabalho|conteúdos?|werk|inhoud|utwór|treści)\b"
    r"|otherwise|nicht anders|sauf mention|sauf indication|salvo|exceto|tenzij anders|o ile nie"
    r"|(?:namensnennung|attribution|share ?alike|noncommercial|no ?derivs|nichtkommerziell"
    r"|weitergabe|keine bearbeitung|paternité|reconocimiento|atribución|attribuzione|atribuição"
    r"|naamsvermelding|uznanie autorstwa|by-sa|by-nc|by-nd|cc by)[^\n]{0,60}?\d\.\d)"
)
#: Words that make a block a disclaimer: liability, responsibility, the
#: author's own view, no advice. A paragraph under a disclaimer heading
#: needs one, and so does a block opening with "The opinions expressed …"
#: ("Les opinions exprimées lors du débat …" opens a news paragraph).
_DISCLAIMER_WORDS = re.compile(
    r"(?i:haft|gewähr|verantwort|liab|responsib|warrant|advice|accurac|respons|garanti"
    r"|aansprakelijk|odpowiedzialn|author|auteur|autor|engag|necessar|nécessair|necesari"
    r"|notwendig|unbedingt|zwingend|wieder\b|refl|wyłącznie|prywatn|rekening|ontleend"
    r"|not intended|nicht ersetz|ersetzt|informational|informativ|pas un conseil|asesor|consulen"
    r"|aconselh|porad)"
)
#: The labels of PHP errors and warnings printed into a page.
_SERVER_ERROR_LABELS = tuple(
    f"{prefix}{label}{suffix}: "
    for prefix, suffix in (("", ""), ("PHP ", ""), ("<b>", "</b>"))
    for label in (
        "Warning", "Fatal error", "Notice", "Deprecated", "Parse error", "Strict Standards",
        "Catchable fatal error", "Recoverable fatal error",
    )
)  # fmt: skip
#: The rest of such a line: the message, then the file and line number
#: ("… in /www/htdocs/…/classes.php on line 407"). Lazy and bounded: a
#: line that opens with "Warning:" but names no file costs one bounded scan.
_SERVER_ERROR_LINE = re.compile(
    rf"(?:^|\n)(?:{phrase_trie(_SERVER_ERROR_LABELS, variants=False)})[^\n]{{1,1000}}?"
    r" in (?:<b>)?[A-Za-z]?:?[/\\][^\n]{1,300}?(?: on line (?:<b>)?\d+|\.php:\d+)"
)

_FAMILY_OF_OPENER = {
    **dict.fromkeys(_SERVER_ERROR_LABELS, "server_error"),
    **dict.fromkeys(_REPRINT, "reprint"),
    **dict.fromkeys(_LICENCE_OPENERS, "licence"),
    **dict.fromkeys(_AFFILIATE_OPENERS, "affiliate"),
    **dict.fromkeys(_EDIT_STAMPS, "edit_stamp"),
    **dict.fromkeys(_DISCLAIMER_OPENERS, "disclaimer"),
}


def _capitalised_trie(phrases: Iterable[str]) -> str:
    """:func:`phrase_trie` of the spellings that may open a block.

    Notices open with a capital ("This work is licensed", "Disclaimer:"), so
    the lower-case spellings are left out, as in the paywall detector: each
    is another branch the engine tries at every block start.
    """
    spellings = {v for p in phrases for v in case_variants(p) if not v[:1].islower()}
    return phrase_trie(spellings, variants=False)


def _lookup(families: dict[str, str]) -> dict[str, str]:
    """Family of every spelling a scan can match, by lower-cased spelling."""
    return {v.lower(): family for p, family in families.items() for v in case_variants(p)}


_OPENER_FAMILY = _lookup(_FAMILY_OF_OPENER)

#: One line-start scan: a notice phrase opening a line, ending at a word
#: boundary unless it ends in punctuation ("Licensed under" but not
#: "Licensed underwriters"), or a disclaimer heading that is the whole line.
#: Starts with ``\n`` (see ``_textscan``).
_LINE = re.compile(
    rf"\n(?:(?P<heading>{_capitalised_trie(_DISCLAIMER_HEADINGS)})[ ]?:?{END}"
    rf"|(?P<phrase>{_capitalised_trie(_FAMILY_OF_OPENER)})(?:(?<=\W)|(?!\w)))"
)
#: Licence names anywhere in a block: a notice need not open with a fixed
#: phrase ("Die Bilder in diesem Blog stehen unter einer Creative Commons
#: …"). The scan has a one-letter literal prefix, which the engine finds
#: with a fast search: 5 µs per page on the development dumps, where a
#: trie of commission and disclaimer clauses anywhere in a block cost 45 µs
#: for every capital letter of the page and found three more notices.
_LICENCE_ANCHOR = re.compile(r"C(?:ommons|OMMONS|C[ -]?BY)")

#: Disclaimer openers that are labels: the block is a disclaimer whatever it says.
_LABELLED = (
    "disclaimer", "editorial disclaimer", "legal disclaimer", "important disclaimer",
    "medical disclaimer", "financial disclaimer", "disclosure", "haftungsausschluss",
    "haftungshinweis", "rechtlicher hinweis", "hinweis zur haftung", "avertissement",
    "avis de non-responsabilité", "clause de non-responsabilité", "descargo de responsabilidad",
    "aviso legal", "esclusione di responsabilità", "isenção de responsabilidade", "zastrzeżenie",
)  # fmt: skip

#: Server errors are template residue; every other family is a legal notice.
_KIND = {"server_error": BlockKind.TEMPLATE_RESIDUE}

_REASONS = {
    "licence": "licence notice",
    "disclaimer": "disclaimer",
    "edit_stamp": "page-edit stamp",
    "affiliate": "commission disclosure",
    "reprint": "copyright or reprint notice",
    "server_error": "server error printed into the page",
    "disclaimer_header": "disclaimer heading",
}


class LegalNoticeConfig(DetectorConfig):
    """Settings of :class:`LegalNoticeDetector`."""

    #: Longest notice block, in words. 100: disclaimers on the development
    #: corpus run up to ~95 words ("Disclaimer (varies based on content …)"
    #: has 90, a "Haftungsausschluss" paragraph 98); licence and commission
    #: notices stay under 45. Longer blocks are articles about the subject.
    max_notice_words: int = Field(default=100, gt=0)
    #: Share of the page's prose (words in blocks of at least
    #: ``min_prose_words``) that must stand above a licence clause with no
    #: tie to the page for it to count as a footer notice. 0.5: footer
    #: notices on the development corpus sit at 0.56 and above, the licence
    #: sentences of articles about Creative Commons at 0.0-0.47.
    min_prose_share_before: float = Field(default=0.5, ge=0.0, le=1.0)
    #: A block of at least this many words is prose for measuring position.
    min_prose_words: int = Field(default=30, gt=0)


class LegalNoticeDetector(Detector):
    """Flags licence, disclaimer, edit-stamp, commission and reprint notices, and server errors."""

    name = "legal_notice"
    Config = LegalNoticeConfig
    config: LegalNoticeConfig

    def detect(self, page: Page) -> Iterable[Verdict]:
        cfg = self.config
        blocks = page.blocks
        found: dict[int, tuple[str, float]] = {}
        headings: list[int] = []
        position = _Position(page, cfg.min_prose_words, cfg.min_prose_share_before)
        for index, match in scan_lines(page, _LINE):
            block = blocks[index]
            if match.group("heading") is not None:
                if "\n" not in block.text:
                    headings.append(index)
                continue
            phrase = match.group("phrase")
            family = _OPENER_FAMILY[phrase.lower()]
            if family == "server_error":
                # The label must be followed by a file and line on the same line.
                if _SERVER_ERROR_LINE.search(block.text) is None:
                    continue
                found[index] = (family, 0.95)
                continue
            if block.n_words > cfg.max_notice_words:
                continue
            if family == "licence":
                # "Unless otherwise noted" also opens price and date notes,
                # "Licensed under" a software licence's own text: the block
                # must grant a licence to a work.
                if _grants_licence(block.text):
                    found[index] = (family, 0.9)
            elif family == "disclaimer":
                if not phrase.lower().startswith(_LABELLED) and (
                    _DISCLAIMER_WORDS.search(block.text) is None
                ):
                    continue
                # Disclaimers are small print after the article; above most
                # of the prose they may be the page's own text (a legal page).
                found[index] = (family, 0.85 if position.after_body(index) else 0.6)
            else:
                found[index] = (family, 0.9)
        self._licences(page, position, found)
        self._headings(page, position, headings, found)
        verdicts = []
        for index in sorted(found):
            family, confidence = found[index]
            kind = _KIND.get(family, BlockKind.LEGAL_NOTICE)
            verdicts.append(
                self.verdict(
                    index,
                    kind,
                    family,
                    f"{_REASONS[family]}: {blocks[index].text[:60]!r}",
                    confidence,
                )
            )
        return verdicts

    def _licences(
        self, page: Page, position: _Position, found: dict[int, tuple[str, float]]
    ) -> None:
        """Licence notices that do not open with a notice phrase, graded by tie and place.

        A short block that grants a licence to a work and ties it to the
        page (or names the licence formally) is a notice wherever it stands;
        a bare licence clause only after most of the page's prose.
        """
        cfg = self.config
        blocks = page.blocks
        last = -1
        for match in _LICENCE_ANCHOR.finditer(page.joined):
            index = page.block_at(match.start())
            if index == last or index in found:
                continue
            last = index
            block = blocks[index]
            text = block.text
            if block.n_words > cfg.max_notice_words or not _grants_licence(text):
                continue
            if _LICENCE_TIE.search(text) is not None:
                found[index] = ("licence", 0.9)
            elif position.after_body(index):
                found[index] = ("licence", 0.75)

    def _headings(
        self,
        page: Page,
        position: _Position,
        headings: list[int],
        found: dict[int, tuple[str, float]],
    ) -> None:
        """A disclaimer heading after the body, and the paragraph under it if it reads as one.

        Above most of the page's prose, "Haftung für Links" heads a section
        of a legal page, whose text is the page's content.
        """
        blocks = page.blocks
        for index in headings:
            if not position.after_body(index):
                continue
            following = index + 1
            if following < len(blocks) and following not in found:
                block = blocks[following]
                if (
                    "\n" not in block.text
                    and block.n_words <= self.config.max_notice_words
                    and _DISCLAIMER_WORDS.search(block.text) is not None
                ):
                    found[following] = ("disclaimer", 0.8)
            if index not in found:
                found[index] = ("disclaimer_header", 0.85)


def _grants_licence(text: str) -> bool:
    """Whether ``text`` grants a licence: a licence verb, or a licence label and name.

    A grouped block (lines of a download or episode box) that only carries
    a "Lizenz: CC BY" line among its facts is the box, not a notice.
    """
    if _LICENCE_GRANT.search(text) is not None:
        return True
    return "\n" not in text and _LICENCE_LABEL.search(text) is not None


class _Position:
    """Where blocks stand relative to the page's prose, computed on first use.

    Prose is blocks of at least ``min_prose_words`` words on one line (a
    grouped block of lines is a menu or a tag list). A block stands after
    the body when at least ``min_share`` of the prose words are above it.
    """

    def __init__(self, page: Page, min_prose_words: int, min_share: float) -> None:
        self._page = page
        self._min_prose_words = min_prose_words
        self._min_share = min_share
        self._share: list[float] | None = None

    def after_body(self, index: int) -> bool:
        if self._share is None:
            self._share = _prose_share_before(self._page, self._min_prose_words)
        return self._share[index] >= self._min_share


def _prose_share_before(page: Page, min_prose_words: int) -> list[float]:
    """For each block, the share of the page's prose words that stand above it.

    Prose is blocks of at least ``min_prose_words`` words on one line (a
    grouped block of lines is a menu or a tag list). 1.0 means everything
    the page has to say comes before the block: it sits after the body.
    """
    before: list[float] = []
    total = 0
    for block in page.blocks:
        before.append(total)
        if block.n_words >= min_prose_words and "\n" not in block.text:
            total += block.n_words
    if total == 0:
        return [1.0] * len(before)
    return [b / total for b in before]
