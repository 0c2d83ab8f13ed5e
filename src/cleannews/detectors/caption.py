"""Photo captions and photo credits.

News pages print a credit with every picture, and text dumps keep it as its
own line or glued to the end of the caption: "Photo: Amir Cohen/REUTERS",
"(AP Photo/Evan Vucci)", "Foto: dpa", "© Getty Images", "Bild: Keystone",
"Fot. PAP". Credits have a recognisable *shape*, and that is what the
detector requires, never an agency name alone, because article paragraphs
name the same agencies as news sources ("…, Reuters reported."):

* a credit label opening the block ("Photo:", "Foto:", "Photo by", "Crédit
  photo :", "Zdjęcie:", "Fot.", "©");
* a slash credit: agency and photographer joined by "/" ("REUTERS/Alexei
  Druzhinin", "Nicolas Armer/dpa", "AFP via Getty Images");
* a parenthesised credit closing the block ("(Foto: Volkswagen)");
* a credit label after the caption sentence ("… in Bern. Bild: Keystone");
* a block that is only an agency or picture-library name ("Getty Images").

A block that is only the credit is a PHOTO_CREDIT; a short block with a
sentence before the credit is a CAPTION. Long blocks are never flagged.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from pydantic import Field

from .._kinds import BlockKind
from .._models import Verdict
from .._page import Page
from ._base import Detector, DetectorConfig
from ._textscan import END, LineScan, line_phrases, offset_in_block, phrase_trie, scan_lines

#: Agencies and picture libraries, as they are spelled in credits (no case
#: variants: "Forum" or "nasa" in lower case would match URLs and words).
_AGENCIES = (
    "REUTERS", "Reuters", "AFP", "AP", "AAP", "EPA", "EPA-EFE", "dpa", "DPA", "ANSA",
    "EFE", "PAP", "APA", "SDA", "KEYSTONE", "Keystone", "Getty Images", "Getty",
    "GETTY IMAGES", "Shutterstock", "SHUTTERSTOCK", "shutterstock", "iStock", "istock",
    "iStockphoto", "IMAGO", "imago", "Imago", "imago images", "picture alliance",
    "picture-alliance", "Picture Alliance", "ullstein bild", "Anadolu", "Anadolu Agency",
    "Xinhua", "XINHUA", "Kyodo", "Yonhap", "TASS", "Sputnik", "RIA Novosti", "Bloomberg",
    "Alamy", "Unsplash", "unsplash", "Pixabay", "pixabay", "Adobe Stock", "AdobeStock",
    "stock.adobe.com", "Fotolia", "123RF", "Corbis", "Belga", "BELGA", "ANP", "NurPhoto",
    "SOPA Images", "LightRocket", "ZUMA", "ZUMA Press", "Zuma Press", "SIPA", "Sipa",
    "ABACA", "LaPresse", "Europa Press", "Agencja Gazeta", "East News", "Wikimedia Commons",
    "Flickr", "dapd", "ddp", "SID", "GEPA", "Eibner", "Hollandse Hoogte", "UPI", "POOL",
    "Pool", "Handout", "HANDOUT",
)  # fmt: skip
_AGENCY = phrase_trie(_AGENCIES, variants=False)

#: Labels that open a credit ("Photo: …", "Foto di …", "Fot. PAP").
_LABELS = (
    "Photo", "Photos", "Foto", "Fotos", "Fotó", "Bild", "Bilder", "Image", "Images",
    "Picture", "Pictures", "Credit", "Credits", "Photo credit", "Photo credits",
    "Image credit", "Image credits", "Image source", "Picture credit", "Photograph",
    "Photography", "Crédit", "Crédits", "Crédit photo", "Crédits photo", "Crédito",
    "Créditos", "Imagen", "Imágenes", "Imagem", "Imagens", "Immagine", "Immagini",
    "Fotografia", "Fotografía",
    "Bildquelle", "Bildrechte", "Bildnachweis", "Fotonachweis", "Titelbild", "Titelfoto",
    "Fotograf", "Fotografin", "Beeld", "Afbeelding", "Zdjęcie", "Zdjęcia", "Fot",
    "Kuva", "Kuvat",
)  # fmt: skip
_LABEL = phrase_trie(_LABELS)
_LABEL_SEP = r"(?:[ ]?:[ ]?|\.[ ]|[ ](?:by|von|di|de|par|por|door)[ ]|/)"

#: Line-start scan: "©", or a credit label or an agency name followed by a
#: separator or the end of the block; a label may also be followed by an
#: agency with only a space between them ("PHOTO AFP", "Foto ANSA"). One
#: trie for labels and agencies keeps the scan to one branch per line; Python
#: tells them apart.
_HEADS = line_phrases((*_AGENCIES, *_LABELS, *(w.upper() for w in _LABELS)))
_LINE_START = LineScan(
    re.compile(
        r"\n(?:(?P<copy>©)[ ]?|(?P<head>"
        + _HEADS.trie
        + r")(?:(?P<sep>[ ]?:[ ]?|\.[ ]|[ ](?:by|von|di|de|par|por|door|via)[ ]|[ ]?/[ ]?|,[ ]"
        + rf"|[ ](?=(?:{_AGENCY})\b))"
        + r"|(?=\n|\Z)))(?P<rest>[^\n]{0,600})"
        + END
    ),
    _HEADS.words,
    marks="©",
)
_AGENCY_SET = frozenset(_AGENCIES)
_LABEL_SET = frozenset((*_LABELS, *(w.upper() for w in _LABELS), *(w.lower() for w in _LABELS)))
#: Slash credit: agency after or before a slash, running to the end of the block.
#: Only agencies that commonly precede the slash get a look-behind (each one
#: costs a check at every slash of the page that follows a letter).
_BEFORE_SLASH = (
    "REUTERS", "Reuters", "AFP", "AP", "AAP", "EPA", "dpa", "DPA", "ANSA", "EFE", "PAP",
    "APA", "SID", "Getty Images", "IMAGO", "imago", "imago images", "picture alliance",
    "picture-alliance", "Keystone", "KEYSTONE", "Shutterstock", "iStock", "Anadolu",
    "Xinhua", "unsplash", "Unsplash", "pixabay", "Pixabay", "Photo", "Foto", "PHOTO", "FOTO",
)  # fmt: skip
_SLASH = re.compile(
    rf"/(?:[ ]?(?:{_AGENCY})\b|(?<=[A-Za-z]/)(?:"
    + "|".join(rf"(?<=\b{re.escape(name)}/)" for name in _BEFORE_SLASH)
    + rf"))[^\n]{{0,80}}{END}"
)
#: A parenthesised remark closing the block; its content is checked in Python.
_PAREN = re.compile(rf"\((?P<inner>[^()\n]{{2,100}})\)[ .]?{END}")
#: A credit label after the caption sentence: "… in Bern. Bild: Keystone".
#: The first look-behind rejects most colons (times, other labels) at once.
_INLINE_LABELS = (
    "Photo", "Photos", "Foto", "Fotos", "Bild", "Image", "Credit", "Crédit", "Créditos",
    "Zdjęcie", "Imagen", "Imagem", "Immagine", "Picture", "PHOTO", "FOTO", "Kuva",
)  # fmt: skip
_INLINE = re.compile(
    r":(?<=[otdesnamOT ]:)(?:"
    + "|".join(rf"(?<=\b{w}:)|(?<=\b{w} :)" for w in _INLINE_LABELS)
    + rf")(?P<credit>[^\n]{{1,80}}){END}"
)
#: "©" after the caption sentence: "… im Garten. © Hoklatherm".
_COPYRIGHT = re.compile(rf"©[ ]?(?P<copy>[^\n]{{1,80}}){END}")

#: Credit shapes inside parentheses: "(Foto: X)", "(foto ANSA)", "(AP Photo/X)",
#: "(… via AP)".
_PAREN_CREDIT = re.compile(
    rf"^(?:[^()]{{0,30}}[ ])?(?:{_LABEL})s?{_LABEL_SEP}|^(?:{_LABEL})s?[ ](?:{_AGENCY})\b"
    rf"|(?:/|[ ]vía[ ]|[ ]via[ ])[ ]?(?:{_AGENCY})\b|^(?:{_AGENCY})/"
)
#: Credits that are footers instead: a year or a rights notice.
_FOOTER = re.compile(
    r"\b(?:19|20)\d\d\b|rights|reserved|Rechte|droits|derechos|diritti|direitos|prawa"
    r"|copyright|Copyright|Impressum|GmbH & Co|Ltd\b|Inc\b|LLC\b",
)
#: Lower-case words that may appear in a credit ("X via Getty Images").
_CREDIT_WORDS = frozenset(
    (
        "via",
        "vía",
        "and",
        "und",
        "et",
        "y",
        "e",
        "i",
        "de",
        "di",
        "da",
        "del",
        "van",
        "von",
        "der",
        "des",
        "du",
        "la",
        "le",
        "for",
        "für",
        "per",
        "by",
        "con",
        "com",
        "photo",
        "photos",
        "foto",
        "fotos",
        "bild",
        "images",
        "image",
        "stock",
        "pool",
        "handout",
        "press",
        "privat",
        "archiv",
        "archive",
        "archivo",
        "file",
        "dpa",
        "afp",
        "imago",
        "istock",
        "pixabay",
        "unsplash",
        "shutterstock",
    )
)


class CaptionConfig(DetectorConfig):
    """Settings of :class:`CaptionDetector`."""

    #: Longest block, in words, that may be a caption. 60: captions with a
    #: credit run 10-40 words on the development corpus; article paragraphs
    #: that end with a photographer's name are longer.
    max_caption_words: int = Field(default=60, gt=0)
    #: Longest credit, in words ("Olivier Douliery/AFP via Getty Images" has 5).
    max_credit_words: int = Field(default=12, gt=0)
    #: Lower-case words (not particles such as "via") a credit may contain;
    #: more make it a sentence ("… /AFP says the government").
    max_credit_lowercase_words: int = Field(default=2, ge=0)


class CaptionDetector(Detector):
    """Photo credits (PHOTO_CREDIT) and captions that end with one (CAPTION)."""

    name = "caption"
    Config = CaptionConfig
    config: CaptionConfig

    def detect(self, page: Page) -> Iterable[Verdict]:
        found: dict[int, Verdict] = {}
        for index, match in scan_lines(page, _LINE_START):
            verdict = self._line_start(page, index, match)
            if verdict is not None:
                found[index] = verdict
        for pattern, code in (
            (_SLASH, "slash_credit"),
            (_PAREN, "paren_credit"),
            (_INLINE, "label_credit"),
            (_COPYRIGHT, "copyright_credit"),
        ):
            for index, match in scan_lines(page, pattern):
                if index not in found:
                    verdict = self._trailing(page, index, match, code)
                    if verdict is not None:
                        found[index] = verdict
        return [found[i] for i in sorted(found)]

    def _credit_ok(self, credit: str) -> bool:
        """A credit is short, has few lower-case words and is not a URL."""
        words = credit.split()
        if not words or len(words) > self.config.max_credit_words or "://" in credit:
            return False
        lower = 0
        for raw in words:
            word = raw.strip(".,;:()[]/|-–—")
            if word[:1].islower() and word.lower() not in _CREDIT_WORDS:
                lower += 1
        return lower <= self.config.max_credit_lowercase_words

    def _line_start(self, page: Page, index: int, match: re.Match[str]) -> Verdict | None:
        """Verdict for a block that opens with a credit label, "©" or an agency."""
        block = page.blocks[index]
        if block.n_words > self.config.max_caption_words:
            return None
        rest = match.group("rest")
        if match.group("copy") is not None:
            if not rest or _FOOTER.search(block.text) or not self._credit_ok(rest):
                return None
            return self.verdict(
                index,
                BlockKind.PHOTO_CREDIT,
                "copyright_credit",
                "block is a '©' picture credit without year or rights notice",
                0.7,
            )
        head = match.group("head")
        sep = match.group("sep")
        if head in _LABEL_SET and sep is not None and rest and "/" not in sep:
            if self._credit_ok(rest):
                return self.verdict(
                    index,
                    BlockKind.PHOTO_CREDIT,
                    "credit_label",
                    f"block is a photo credit opening with {head!r}",
                    0.85,
                )
            return self.verdict(
                index,
                BlockKind.CAPTION,
                "caption_label",
                f"short block opening with the credit label {head!r}",
                0.75,
            )
        if head not in _AGENCY_SET or (sep is not None and ":" in sep):
            return None
        if sep is not None and not self._credit_ok(rest):
            return None
        return self.verdict(
            index,
            BlockKind.PHOTO_CREDIT,
            "agency_credit",
            f"block is only an agency credit: {block.text[:40]!r}",
            0.8,
        )

    def _trailing(self, page: Page, index: int, match: re.Match[str], code: str) -> Verdict | None:
        """Verdict for a block whose last words are a credit."""
        block = page.blocks[index]
        if block.n_words > self.config.max_caption_words or "://" in block.text:
            return None
        credit = match.group()
        if code == "paren_credit":
            if not _PAREN_CREDIT.search(match.group("inner")):
                return None
        elif code == "copyright_credit" and _FOOTER.search(block.text):
            return None
        if not self._credit_ok(credit.lstrip("/:©( ")):
            return None
        text = block.text
        # The credit ends the block, or a line of a grouped block: what
        # precedes it is the caption.
        at = offset_in_block(page, index, match)
        before = text[:at]
        if code == "label_credit":
            before = before[: before.rstrip(" :").rfind(" ") + 1]
        caption = any(ch.isalpha() for ch in before)
        # A slash credit needs a name on the left too: "Amir Cohen/REUTERS".
        if code == "slash_credit" and caption and not before.rstrip()[-1:].isalnum():
            return None
        if caption and code == "slash_credit":
            # The words glued to the slash belong to the credit; the caption
            # is what precedes the last sentence end.
            cut = max(before.rfind(". "), before.rfind(") "), before.rfind(": "))
            caption = cut > 0 and any(ch.isalpha() for ch in before[:cut])
            if cut <= 0 and not self._credit_ok(before.rpartition("\n")[2]):
                # No sentence before the slash, and the words glued to it on
                # its line are not a name: "…, data from LSEG/Reuters showed."
                return None
        if not caption:
            return self.verdict(
                index,
                BlockKind.PHOTO_CREDIT,
                code,
                f"block is a photo credit: {text[:50]!r}",
                0.85,
            )
        return self.verdict(
            index,
            BlockKind.CAPTION,
            code,
            f"short block ending with a photo credit: {credit.strip()[:50]!r}",
            0.75,
        )
