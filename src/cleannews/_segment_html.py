"""Segment an HTML page into the same block stream a text dump gives.

The page is parsed with lxml (libxml2), hardened: no network, comments and
processing instructions dropped at parse time, libxml2's default resource
limits kept (``huge_tree=False``: 256 levels of nesting, 10 MB text nodes)
and a bound on the number of elements walked. Past a bound the page is
rejected with :class:`HTMLTooComplexError` rather than silently cut: libxml2
stops at the depth limit and would drop the rest of the page without a word.

Linearisation follows what a browser shows, the way html-text (the renderer
of the development corpus's dumps) lays a page out:

* elements that are never rendered are dropped with their content:
  ``script``, ``style``, ``noscript``, ``template``, ``svg``, ``iframe``, form
  controls, media fallbacks, and hidden elements (``hidden``,
  ``aria-hidden="true"``, inline ``display:none``/``visibility:hidden``, a
  ``<dialog>`` that is not ``open``); their tail text is kept;
* block-level elements (``p``, ``div``, ``h1``–``h6``, ``li``, ``td`` …) end
  a line; the "paragraph" ones (``p``, headings, lists, ``blockquote``,
  ``pre``, ``table``, ``figure``) also leave a blank line, which becomes
  ``gap_before=1`` on the next block, as in a dump;
* inline elements (``a``, ``em``, ``span`` …) never split a line;
* ``<br>`` is a line break: it ends the line like a block element does (two
  in a row leave a blank line). A dump renders it as a newline, so both forms
  then split the same way; the text segmenter's rule below joins the short
  lines of an address or a menu back into one block;
* whitespace is collapsed inside a line; in ``pre`` every newline is a line break.

Lines then become blocks by the text segmenter's rule: consecutive short
lines with no blank line between them and no sentence ending (menu items,
tag lists, dates) form one block, joined by ``\\n``. That keeps the block
stream of a page the same in both forms, so detectors written against dumps
work on HTML unchanged, and it halves the number of blocks.

The linearised ``source`` is the blocks' text separated by a blank line; each
block's span indexes it, so ``source[start:end] == text``.

The walk uses ``lxml.etree.iterwalk`` and an explicit stack, never recursion:
trees are as deep as libxml2 allows.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, fields

from lxml import etree

from ._errors import InputTooLargeError
from ._features import RawBlock
from ._html_meta import HtmlMeta, extract_meta
from ._page import Page


class HTMLTooComplexError(InputTooLargeError):
    """An HTML page is nested too deeply or has too many elements to clean safely."""


#: Elements walked before a page is rejected. The largest page of the
#: 990-page development corpus has about 10,000 elements; 500,000 is fifty
#: times that and walks in well under a second.
MAX_ELEMENTS = 500_000
#: Class/id tokens kept per element, and per block in total.
MAX_TOKENS_PER_ELEMENT = 8
MAX_TOKENS_PER_BLOCK = 32
#: Tokens longer than this are hashes and generated names, not evidence.
MAX_TOKEN_CHARS = 32
#: Class and id attribute values are read up to this many characters.
MAX_ATTRIBUTE_CHARS = 512

#: Never rendered: dropped with their content (their tail text is kept).
_SKIPPED = frozenset(
    {
        "script", "style", "noscript", "template", "svg", "math", "iframe", "frame",
        "frameset", "object", "embed", "applet", "canvas", "audio", "video", "map",
        "head", "title", "meta", "link", "base",
        "input", "select", "option", "optgroup", "textarea", "button", "datalist",
        "output", "progress", "meter", "keygen",
    }
)  # fmt: skip
#: Block elements that leave a blank line around them (html-text's DOUBLE_NEWLINE_TAGS).
_PARAGRAPH_BLOCKS = frozenset(
    {
        "p", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "blockquote", "ul", "ol", "dl",
        "figure", "table", "hr", "address", "listing", "plaintext", "xmp",
    }
)  # fmt: skip
#: Block elements that end a line (html-text's NEWLINE_TAGS, plus table cells
#: and the HTML5 sectioning elements).
_LINE_BLOCKS = frozenset(
    {
        "div", "li", "dd", "dt", "article", "aside", "section", "header", "footer", "nav",
        "main", "form", "fieldset", "legend", "figcaption", "details", "summary", "tr",
        "td", "th", "caption", "center", "hgroup", "menu", "dir", "tbody", "thead",
        "tfoot", "body", "html", "noframes", "search", "dialog",
    }
)  # fmt: skip
_BLOCKS = _PARAGRAPH_BLOCKS | _LINE_BLOCKS

_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
_TOKEN_SPLIT = re.compile(r"[^0-9a-z]+")
#: An XML declaration: lxml refuses ``str`` input that starts with one.
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]{0,200}\?>")

# Text-segmenter grouping rule (see ``_segment_text``), repeated here so the
# two forms group lines identically.
_SHORT_LINE_CHARS = 80
_SENTENCE_END = frozenset(".!?…。！？:;")
_LETTER = re.compile(r"[^\W\d_]")


@dataclass(frozen=True, slots=True)
class HtmlDocument:
    """A segmented HTML page: linearised text, its blocks, and the page's metadata."""

    source: str
    blocks: list[RawBlock]
    meta: HtmlMeta


@dataclass(frozen=True, slots=True)
class HtmlPage(Page):
    """A :class:`Page` read from HTML, carrying the metadata the page states.

    Detectors see an ordinary page; the pipeline copies :attr:`meta` into the
    result (date, authors, canonical URL, and title/byline when the blocks
    give none).
    """

    meta: HtmlMeta = HtmlMeta()


def with_meta(page: Page, meta: HtmlMeta) -> HtmlPage:
    """``page`` as an :class:`HtmlPage` carrying ``meta``."""
    values = {f.name: getattr(page, f.name) for f in fields(Page)}
    return HtmlPage(**values, meta=meta)


def _parser() -> etree.HTMLParser:
    # A new parser per page: parsers keep an error log and are not meant to
    # be shared between threads; building one costs about a microsecond.
    return etree.HTMLParser(
        no_network=True,
        huge_tree=False,
        remove_comments=True,
        remove_pis=True,
        collect_ids=False,
        compact=True,
    )


def parse_html(html: str) -> etree._Element | None:
    """Parse ``html`` into an lxml tree; ``None`` for a page without elements.

    Raises :class:`HTMLTooComplexError` when libxml2 stopped at one of its
    resource limits (nesting depth, text node size).
    """
    if "\x00" in html:
        html = html.replace("\x00", "")
    if html.lstrip()[:5].lower() == "<?xml":
        html = _XML_DECLARATION.sub("", html, count=1)
    parser = _parser()
    try:
        root = etree.fromstring(html, parser=parser)
    except etree.XMLSyntaxError as exc:  # pragma: no cover - recover=True rarely raises
        if "limit" in str(exc).lower() or "depth" in str(exc).lower():
            raise HTMLTooComplexError(f"HTML page exceeds a parser limit: {exc}") from None
        return None
    for error in parser.error_log:
        if error.type_name == "ERR_RESOURCE_LIMIT" or "use XML_PARSE_HUGE" in error.message:
            raise HTMLTooComplexError(
                f"HTML page exceeds a parser limit ({error.message.strip()}); "
                "nesting deeper than 256 elements or a text node over 10 MB is refused, "
                "since the parser would silently drop the rest of the page"
            )
    return root


def _tokens_of(value: str, cache: dict[str, tuple[str, ...]]) -> tuple[str, ...]:
    """Lower-cased alphanumeric tokens of a class or id value (memoised per page)."""
    found = cache.get(value)
    if found is None:
        found = tuple(
            t
            for t in _TOKEN_SPLIT.split(value[:MAX_ATTRIBUTE_CHARS].lower())
            if t and len(t) <= MAX_TOKEN_CHARS
        )[:MAX_TOKENS_PER_ELEMENT]
        cache[value] = found
    return found


def _is_hidden(el: etree._Element) -> bool:
    get = el.get
    if get("hidden") is not None:
        return True
    aria = get("aria-hidden")
    if aria is not None and aria.strip().lower() == "true":
        return True
    style = get("style")
    return style is not None and _HIDDEN_STYLE.search(style) is not None


class _Line:
    """The line being built: text pieces, link pieces and its owner element."""

    __slots__ = ("extra_tokens", "link_parts", "owner", "parts")

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.link_parts: list[str] = []
        self.owner: _Frame | None = None
        self.extra_tokens: list[str] = []


class _Frame:
    """One open element on the walk's stack.

    ``tokens`` are the class/id tokens of the element and its ancestors,
    nearest first; ``inline_tokens`` those of the inline elements between it
    and its block (a ``<span class="credit">`` inside a ``<figcaption>``);
    ``owner`` is the nearest block element, the one a line of text belongs to.
    """

    __slots__ = ("block", "in_link", "inline_tokens", "owner", "path", "skipped", "tag", "tokens")

    owner: _Frame

    def __init__(
        self,
        tag: str,
        path: str,
        tokens: tuple[str, ...],
        inline_tokens: tuple[str, ...],
        block: bool,
        in_link: bool,
        skipped: bool,
        owner: _Frame | None,
    ) -> None:
        self.tag = tag
        self.path = path
        self.tokens = tokens
        self.inline_tokens = inline_tokens
        self.block = block
        self.in_link = in_link
        self.skipped = skipped
        self.owner = self if owner is None else owner


@dataclass(slots=True)
class _LineRecord:
    text: str
    gap_before: int
    tag: str
    path: str
    tokens: tuple[str, ...]
    link_chars: int


def _linearise(root: etree._Element) -> list[_LineRecord]:
    """Walk the tree once and return its rendered lines (see the module docstring)."""
    lines: list[_LineRecord] = []
    line = _Line()
    # Blank lines owed before the next line: 1 once a paragraph boundary was crossed.
    pending_gap = 1
    token_cache: dict[str, tuple[str, ...]] = {}
    root_frame = _Frame("", "", (), (), True, False, False, None)
    stack: list[_Frame] = [root_frame]
    n_elements = 0

    def add(text: str, frame: _Frame) -> None:
        if line.owner is None:
            if not text or text.isspace():
                return
            line.owner = frame.owner
        line.parts.append(text)
        if frame.in_link:
            line.link_parts.append(text)
        if frame.inline_tokens:
            line.extra_tokens.extend(frame.inline_tokens)

    def flush() -> None:
        nonlocal line, pending_gap
        owner = line.owner
        if owner is None:
            return
        text = " ".join("".join(line.parts).split())
        if text:
            link_chars = (
                min(len(text), len(" ".join("".join(line.link_parts).split())))
                if line.link_parts
                else 0
            )
            tokens = owner.tokens
            if line.extra_tokens:
                tokens = tuple(dict.fromkeys((*line.extra_tokens, *tokens)))
            lines.append(
                _LineRecord(
                    text,
                    pending_gap,
                    owner.tag,
                    owner.path,
                    tokens[:MAX_TOKENS_PER_BLOCK],
                    link_chars,
                )
            )
            pending_gap = 0
        line = _Line()

    def add_pre(text: str, frame: _Frame) -> None:
        """Text inside ``pre``: every newline is a line break."""
        first, *rest = text.split("\n")
        add(first, frame)
        for part in rest:
            flush()
            add(part, frame)

    in_pre = 0
    walker = etree.iterwalk(root, events=("start", "end"))
    for event, el in walker:
        if event == "start":
            n_elements += 1
            if n_elements > MAX_ELEMENTS:
                raise HTMLTooComplexError(
                    f"HTML page has more than {MAX_ELEMENTS:,} elements; "
                    "pages that large are refused to keep cleaning time bounded"
                )
            parent = stack[-1]
            tag = el.tag
            if not isinstance(tag, str):  # pragma: no cover - comments/PIs removed at parse
                walker.skip_subtree()
                stack.append(_Frame("", "", (), (), False, False, True, parent.owner))
                continue
            if (
                tag in _SKIPPED
                or (el.attrib and _is_hidden(el))
                or (tag == "dialog" and el.get("open") is None)
            ):
                walker.skip_subtree()
                stack.append(_Frame(tag, "", (), (), False, False, True, parent.owner))
                continue
            tokens = parent.tokens
            own: tuple[str, ...] = ()
            cls = el.get("class")
            ident = el.get("id")
            if cls or ident:
                own = _tokens_of(f"{cls or ''} {ident or ''}", token_cache)
                if own:
                    tokens = tuple(dict.fromkeys((*own, *tokens)))[:MAX_TOKENS_PER_BLOCK]
            block = tag in _BLOCKS
            if block:
                flush()
                if tag in _PARAGRAPH_BLOCKS:
                    pending_gap = 1
                inline_tokens: tuple[str, ...] = ()
            else:
                if tag == "br":
                    if line.owner is None:
                        pending_gap = 1
                    flush()
                inline_tokens = parent.inline_tokens
                if own:
                    inline_tokens = tuple(dict.fromkeys((*own, *inline_tokens)))[
                        :MAX_TOKENS_PER_ELEMENT
                    ]
            frame = _Frame(
                tag,
                f"{parent.path}/{tag}" if parent.path else tag,
                tokens,
                inline_tokens,
                block,
                parent.in_link or tag == "a",
                False,
                None if block else parent.owner,
            )
            stack.append(frame)
            if tag == "pre":
                in_pre += 1
            text = el.text
            if text:
                if in_pre:
                    add_pre(text, frame)
                else:
                    add(text, frame)
        else:
            frame = stack.pop()
            if not frame.skipped:
                if frame.block:
                    flush()
                    if frame.tag in _PARAGRAPH_BLOCKS:
                        pending_gap = 1
                if frame.tag == "pre":
                    in_pre -= 1
            tail = el.tail
            if tail and len(stack) > 1:
                if in_pre:
                    add_pre(tail, stack[-1])
                else:
                    add(tail, stack[-1])
    flush()
    return lines


def _common_path(a: str, b: str) -> str:
    """The path of the nearest common ancestor of two element paths."""
    if a == b:
        return a
    parts_a = a.split("/")
    parts_b = b.split("/")
    common = []
    for x, y in zip(parts_a, parts_b, strict=False):
        if x != y:
            break
        common.append(x)
    return "/".join(common)


def _group(lines: list[_LineRecord]) -> tuple[str, list[RawBlock]]:
    """Join runs of short lines into blocks and lay out the linearised source."""
    blocks: list[RawBlock] = []
    pieces: list[str] = []
    pos = 0
    prev_short = False
    letter = _LETTER.search
    for rec in lines:
        text = rec.text
        short = bool(
            len(text) < _SHORT_LINE_CHARS and text[-1] not in _SENTENCE_END and letter(text)
        )
        if short and prev_short and rec.gap_before == 0 and blocks:
            last = blocks[-1]
            pieces.append("\n")
            pieces.append(text)
            pos += 1 + len(text)
            last.end = pos
            last.text = f"{last.text}\n{text}"
            last.link_chars += rec.link_chars
            if rec.path != last.path and last.path is not None:
                last.path = _common_path(last.path, rec.path)
            if rec.tokens and rec.tokens != last.class_tokens:
                last.class_tokens = tuple(dict.fromkeys((*last.class_tokens, *rec.tokens)))[
                    :MAX_TOKENS_PER_BLOCK
                ]
        else:
            if blocks:
                pieces.append("\n\n")
                pos += 2
            start = pos
            pieces.append(text)
            pos += len(text)
            blocks.append(
                RawBlock(
                    start,
                    pos,
                    text,
                    rec.gap_before,
                    0,
                    False,
                    rec.tag,
                    rec.path,
                    rec.tokens,
                    rec.link_chars,
                )
            )
        prev_short = short
    return "".join(pieces), blocks


def segment_html(html: str) -> HtmlDocument:
    """Parse, clean and linearise ``html`` (see the module docstring)."""
    root = parse_html(html)
    if root is None:
        return HtmlDocument("", [], HtmlMeta())
    meta = extract_meta(root)
    source, blocks = _group(_linearise(root))
    return HtmlDocument(source, blocks, meta)
