"""Unexpanded template placeholders.

Client-side templates (Mustache/Handlebars, Vue, Angular), server templates
(Jinja, ERB/ASP, ``${…}`` strings) and WordPress shortcodes leave their
markup in text dumps when the page is captured before or without rendering:
``{{ }}``, ``{{title}}``, ``{% if %}``, ``<%= x %>``, ``[caption id=…]``, and
JavaScript values printed as text (``undefined``, ``[object Object]``). Such
markup never occurs in article prose, so the detector is precise as long as
it only fires on blocks that the markup dominates or on short UI strings.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from pydantic import Field

from .._kinds import BlockKind
from .._models import Verdict
from .._page import Page
from ._base import Detector, DetectorConfig
from ._textscan import scan_lines

#: WordPress and page-builder shortcode names (lower case, as written in posts).
_SHORTCODES = (
    r"caption|embed|gallery|video|audio|playlist|tweet|youtube|vimeo|instagram-feed"
    r"|contact-form(?:-7)?|wpforms|gravityform|ninja_form|mc4wp_form|rev_slider"
    r"|googlemaps|pullquote|dropcap|toggle|accordion|tabs?|spoiler|button|adsense"
    r"|one_(?:half|third|fourth)(?:_last)?|two_third(?:_last)?"
    r"|(?:vc|et_pb|su|fusion|av|dt)_[a-z_]{1,30}"
)

#: JavaScript values printed instead of content, as a whole block.
_VALUE = r"undefined|null|NaN|\[object Object\]|\{\}|\[\]"
_VALUE_BLOCK = re.compile(rf"(?:{_VALUE})(?:[ ,;|]{{1,3}}(?:{_VALUE})){{0,8}}")

#: One piece of template markup, wherever it stands in a block.
_MARKUP = (
    r"\{\{\{?[^{}\n]{0,120}\}\}\}?"  # {{ }}, {{ name }}, {{{html}}}, {{#section}}
    r"|\{%[^\n]{0,120}?%\}"  # {% if x %}
    r"|<%[^\n]{0,120}?%>"  # <%= x %>
    r"|\$\{[^{}\n]{0,80}\}"  # ${name}
    r"|\[\[[^\[\]\n]{0,80}\]\]"  # [[ ]]
    # << >>, <<Vorname>>, <<first_name>>, <<NAME>>: a variable name (a
    # capital, "_", "." or a digit), not a lower-case word in ASCII
    # guillemets ("<<non>>", French typed without « »).
    r"|<<[ \t]?(?:[\w.\-]{0,40}[A-Z_.\d][\w.\-]{0,40})?[ \t]?>>"
    rf"|\[/?(?:{_SHORTCODES})(?=[\s\]/])[^\[\]\n]{{0,200}}\]"  # [caption id=…], [/embed]
)
#: A printed value in a label's slot ("Precio: NaN €", "Autor: undefined"),
#: where prose hardly ever has one. "null" followed by a word is German for zero
#: ("Bilanz: null Tore").
_VALUE_SLOT = r"(?<=:[ ])(?:undefined|NaN|null(?![ ]\w))\b"
#: Markup and printed values, as measured inside a candidate block.
_MARKUP_ONLY = re.compile(rf"{_MARKUP}|\[object Object\]|{_VALUE_SLOT}")
_SHORTCODE = re.compile(rf"\[/?(?:{_SHORTCODES})")

#: Scans that find candidate blocks, each group with the characters a page
#: must contain for it to find anything (none: always run); :data:`_MARKUP_ONLY` then measures the
#: markup in each candidate. Each scan starts with one literal character,
#: which the engine finds several times faster than any character of a set
#: (measured: ~7 µs per page for one literal, ~40 µs for the set ``[{[<]``),
#: so five literal scans beat one scan for everything.
_SCANS = (
    (("{",), (re.compile(r"\{(?:[{%}]|(?<=\$\{))"),)),
    (("[",), (re.compile(rf"\[(?:[\[\]]|/?(?:{_SHORTCODES})(?=[\s\]/])|object Object\])"),)),
    (("<",), (re.compile(r"<[%<]"),)),
    (
        (),  # a test for three words costs more than the two scans (22 µs against 16)
        (
            re.compile(r"\n(?:undefined|null|NaN)\b"),  # a block opening with a value
            re.compile(r":[ ](?:undefined|null|NaN)\b"),  # a value in a label's slot
        ),
    ),
)


class TemplateResidueConfig(DetectorConfig):
    """Settings of :class:`TemplateResidueDetector`."""

    #: Share of a block's characters that markup must cover for a confident
    #: verdict. 0.5 ("most of the block"): blocks such as
    #: "Nachrichten {{#count}} {{ count }} {{/count}}" pass, article sentences
    #: that quote one placeholder do not.
    min_markup_share: float = Field(default=0.5, ge=0.0, le=1.0)
    #: Blocks up to this many words with some markup (but less than
    #: ``min_markup_share``) are UI strings ("Publicado por {{ author }}",
    #: "Vom ${anreise} als Anreisetag ..."): flagged at lower confidence. 25
    #: covers the form messages seen on the development corpus; longer
    #: blocks are left alone.
    max_mixed_words: int = Field(default=25, ge=0)


class TemplateResidueDetector(Detector):
    """Unexpanded template placeholders, shortcodes and printed JavaScript values."""

    name = "template_residue"
    Config = TemplateResidueConfig
    config: TemplateResidueConfig

    def detect(self, page: Page) -> Iterable[Verdict]:
        candidates: set[int] = set()
        joined = page.joined
        for needs, scans in _SCANS:
            # Most pages have no brace: a test for one character rules a scan
            # out for a fraction of its cost (about 1 µs against 6 µs per
            # corpus page).
            if not needs or any(text in joined for text in needs):
                for scan in scans:
                    candidates.update(index for index, _ in scan_lines(page, scan))
        return [v for i in sorted(candidates) if (v := self._judge(page, i)) is not None]

    def _judge(self, page: Page, index: int) -> Verdict | None:
        """The verdict on one block that contains markup (or ``None``)."""
        cfg = self.config
        block = page.blocks[index]
        text = block.text
        if _VALUE_BLOCK.fullmatch(text):
            return self.verdict(
                index,
                BlockKind.TEMPLATE_RESIDUE,
                "script_value",
                f"block is a printed script value: {text[:40]!r}",
                0.9,
            )
        spans = [m.span() for m in _MARKUP_ONLY.finditer(text)]
        if not spans:
            return None
        covered = sum(end - start for start, end in spans)
        rest = _MARKUP_ONLY.sub(" ", text)
        shortcode = _SHORTCODE.search(text) is not None
        code = "shortcode" if shortcode else "placeholder"
        what = "shortcode" if shortcode else "template placeholder"
        if not any(ch.isalnum() for ch in rest):
            return self.verdict(
                index,
                BlockKind.TEMPLATE_RESIDUE,
                code,
                f"block is an unexpanded {what}: {text[:40]!r}",
                0.95,
            )
        if covered >= cfg.min_markup_share * len(text):
            return self.verdict(
                index,
                BlockKind.TEMPLATE_RESIDUE,
                code,
                f"unexpanded {what} covers most of the block",
                0.85,
            )
        if block.n_words <= cfg.max_mixed_words:
            first = text[spans[0][0] : spans[0][1]]
            return self.verdict(
                index,
                BlockKind.TEMPLATE_RESIDUE,
                "ui_string",
                f"short block with an unexpanded {what}: {first[:30]!r}",
                0.6,
            )
        return None
