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

from ._errors import HTMLTooComplexError
from ._features import RawBlock
from ._html_meta import HtmlMeta, extract_meta
from ._page import Page

#: Elements walked before a page is rejected. The largest page of the
#: 990-page development corpus has about 10,000 elements; 500,000 is fifty
#: times that and walks in well under a second.
MAX_ELEMENTS = 500_000
#: A page with less visible text than this (characters) outside ``<noscript>``
#: is read with its ``noscript`` content: it shows nothing without scripts.
#: An article paragraph is a few hundred characters; menus alone rarely stay
#: under this.
MIN_SCRIPTED_PAGE_CHARS = 500
#: Class/id tokens kept per element, and per block in total.
MAX_TOKENS_PER_ELEMENT = 8
MAX_TOKENS_PER_BLOCK = 32
#: Tokens longer than this are hashes and generated names, not evidence.
MAX_TOKEN_CHARS = 32
#: Open inline elements whose class/id tokens are tracked (``span`` in ``em`` in ``a`` …).
MAX_INLINE_NESTING = 4
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
#: Items of one list group even when each carries its own class (``menu-item-42``).
_LIST_ITEMS = frozenset({"li", "dt", "dd", "td", "th"})
_SENTENCE_END = frozenset(".!?…。！？:;")
_LETTER = re.compile(r"[^\W\d_]")


@dataclass(frozen=True, slots=True)
class HtmlDocument:
    """A segmented HTML page: linearised text, its blocks, and the page's metadata."""

    source: str
    blocks: list[RawBlock]
    meta: HtmlMeta


_NO_META = HtmlMeta()


@dataclass(frozen=True, slots=True)
class HtmlPage(Page):
    """A :class:`Page` read from HTML, carrying the metadata the page states.

    Detectors see an ordinary page; the pipeline copies :attr:`meta` into the
    result (date, authors, canonical URL, and title/byline when the blocks
    give none).
    """

    meta: HtmlMeta = _NO_META


def with_meta(page: Page, meta: HtmlMeta) -> HtmlPage:
    """``page`` as an :class:`HtmlPage` carrying ``meta``."""
    values = {f.name: getattr(page, f.name) for f in fields(Page)}
    return HtmlPage(**values, meta=meta)


def _parser() -> etree.HTMLParser:
    # A new parser per page: parsers keep an error log and are not meant to
    # be shared between threads; building one costs about a microsecond.
    # The page is handed over as UTF-8 bytes with the encoding stated: libxml2
    # reads those faster than a Python ``str`` (0.1 to 0.2 ms a page on the
    # corpus), and a ``<meta charset>`` in the page cannot override it.
    return etree.HTMLParser(
        encoding="utf-8",
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
        # Lone surrogates (only a ``str`` from the caller can hold them) become "?".
        root = etree.fromstring(html.encode("utf-8", "replace"), parser=parser)
    except etree.XMLSyntaxError as exc:  # pragma: no cover - recover=True rarely raises
        if "limit" in str(exc).lower() or "depth" in str(exc).lower():
            raise HTMLTooComplexError(f"HTML page exceeds a parser limit: {exc}") from None
        return None
    # A resource limit is a fatal error: parsing stops there, so it is the
    # last error logged (a broken page logs thousands of others before it).
    error = parser.error_log.last_error
    if error is not None and (
        error.type_name == "ERR_RESOURCE_LIMIT" or "XML_PARSE_HUGE" in error.message
    ):
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


def _names_unless_hidden(items: list[tuple[str, str]]) -> str | None:
    """``None`` for a hidden element, else its class and id values ("" for none).

    One pass over the element's attributes (``el.items()`` is a single C
    call; five ``el.get`` calls per element cost more on every page). The
    values are tokenised later, and only for the few elements that need it.
    """
    cls = ident = ""
    for key, value in items:
        if key == "class":
            cls = value
        elif key == "id":
            ident = value
        elif key == "hidden":
            return None
        elif key == "style":
            if ("none" in value or "hidden" in value) and _HIDDEN_STYLE.search(value):
                return None
        elif key == "aria-hidden" and value.strip().lower() == "true":
            return None
    return f"{cls} {ident}" if cls and ident else cls or ident


class _Block:
    """An open block element: the owner of the lines of text directly inside it.

    ``path`` and ``tokens`` are computed on first use only: most elements
    never own a line. A block element whose parent element is the enclosing
    block's (``direct``, nearly all of them) takes both from its parent and
    its own ``names`` without touching the tree again; the others walk up
    through the inline elements in between.
    """

    __slots__ = ("_path", "_tokens", "direct", "el", "inline_before", "names", "parent", "tag")

    def __init__(
        self,
        el: etree._Element | None,
        tag: str,
        parent: _Block | None,
        names: str = "",
        direct: bool = False,
        inline_before: int = 0,
    ) -> None:
        self.el = el
        self.tag = tag
        self.parent = parent
        self.names = names
        self.direct = direct
        #: Open inline elements of the enclosing block when this one started.
        self.inline_before = inline_before
        self._path: str | None = None
        self._tokens: tuple[str, ...] | None = None

    def resolve(self, cache: dict[str, tuple[str, ...]]) -> tuple[str, tuple[str, ...]]:
        """``(path, class/id tokens nearest first)`` of this block element."""
        if self._path is not None and self._tokens is not None:
            return self._path, self._tokens
        # Walk up iteratively to the nearest resolved ancestor, then fill in
        # downwards: trees are deep and recursion is not an option.
        chain: list[_Block] = []
        node: _Block | None = self
        while node is not None and node._path is None:
            chain.append(node)
            node = node.parent
        path, tokens = ("", ()) if node is None else (node._path or "", node._tokens or ())
        for block in reversed(chain):
            if block.direct:
                path = f"{path}/{block.tag}" if path else block.tag
                if block.names:
                    own = _tokens_of(block.names, cache)
                    tokens = tuple(dict.fromkeys((*own, *tokens)))[:MAX_TOKENS_PER_BLOCK]
                block._path = path
                block._tokens = tokens
                continue
            stop = block.parent.el if block.parent is not None else None
            tags: list[str] = []
            named: list[str] = []
            el = block.el
            while el is not None and el is not stop:
                tag = el.tag
                tags.append(tag if isinstance(tag, str) else "?")
                cls = el.get("class")
                ident = el.get("id")
                if cls or ident:
                    named.extend(_tokens_of(f"{cls or ''} {ident or ''}", cache))
                el = el.getparent()
            tags.reverse()
            if tags:
                path = f"{path}/{'/'.join(tags)}" if path else "/".join(tags)
            if named:
                tokens = tuple(dict.fromkeys((*named, *tokens)))[:MAX_TOKENS_PER_BLOCK]
            block._path = path
            block._tokens = tokens
        return self._path or "", self._tokens or ()


@dataclass(slots=True)
class _LineRecord:
    text: str
    gap_before: int
    tag: str
    path: str
    tokens: tuple[str, ...]
    link_chars: int


def _drop_never_rendered(root: etree._Element, *, keep_noscript: bool) -> None:
    """Remove the elements that are never rendered, keeping their tail text (C-level)."""
    tags = _SKIPPED if not keep_noscript else _SKIPPED - {"noscript"}
    etree.strip_elements(root, *tags, with_tail=False)


def _linearise(root: etree._Element) -> list[_LineRecord]:
    """Walk the tree once and return its rendered lines (see the module docstring).

    Never-rendered elements are already gone (:func:`_drop_never_rendered`);
    hidden ones are skipped here, since only their attributes tell.
    """
    lines: list[_LineRecord] = []
    parts: list[str] = []
    link_parts: list[str] = []
    extra_tokens: list[str] = []
    owner: _Block | None = None
    # Blank lines owed before the next line: 1 once a paragraph boundary was crossed.
    pending_gap = 1
    cache: dict[str, tuple[str, ...]] = {}
    block = _Block(None, "", None)
    # Open inline elements with class/id tokens, and open links.
    inline: list[tuple[etree._Element, str]] = []
    links = 0
    in_pre = 0
    skipped: etree._Element | None = None
    n_elements = 0
    # Inline elements open inside the current block element.
    inline_open = 0

    def add(text: str) -> None:
        nonlocal owner
        if owner is None:
            if not text or text.isspace():
                return
            owner = block
            # Tokens of the inline elements the line starts in describe it
            # (``<div><span class="byline">By …``); a ``<span class="credit">``
            # in the middle of a paragraph does not describe the paragraph.
            for _, names in inline:
                extra_tokens.extend(_tokens_of(names, cache))
        parts.append(text)
        if links:
            link_parts.append(text)

    def flush() -> None:
        """End the current line (callers check ``owner is not None`` first)."""
        nonlocal owner, pending_gap
        assert owner is not None
        text = " ".join("".join(parts).split())
        if text:
            link_chars = (
                min(len(text), len(" ".join("".join(link_parts).split()))) if link_parts else 0
            )
            path = owner._path
            tokens = owner._tokens
            if path is None or tokens is None:
                path, tokens = owner.resolve(cache)
            if extra_tokens:
                tokens = tuple(dict.fromkeys((*extra_tokens, *tokens)))
            lines.append(
                _LineRecord(
                    text, pending_gap, owner.tag, path, tokens[:MAX_TOKENS_PER_BLOCK], link_chars
                )
            )
            pending_gap = 0
        owner = None
        parts.clear()
        link_parts.clear()
        extra_tokens.clear()

    def add_text(text: str) -> None:
        nonlocal pending_gap
        if not in_pre:
            add(text)
            return
        # Inside ``pre`` every newline is a line break.
        first, *rest = text.split("\n")
        add(first)
        for piece in rest:
            if owner is not None:
                flush()
            else:
                pending_gap = 1  # an empty line inside ``pre``
            add(piece)

    walker = etree.iterwalk(root, events=("start", "end"))
    for event, el in walker:
        if event == "start":
            n_elements += 1
            if n_elements > MAX_ELEMENTS:
                raise HTMLTooComplexError(
                    f"HTML page has more than {MAX_ELEMENTS:,} elements; "
                    "pages that large are refused to keep cleaning time bounded"
                )
            tag = el.tag
            items = el.items()
            names: str | None = ""
            if items:
                # Most elements carry a class and nothing else.
                if len(items) == 1 and items[0][0] == "class":
                    names = items[0][1]
                else:
                    names = _names_unless_hidden(items)
            if names is None or (tag == "dialog" and el.get("open") is None):
                walker.skip_subtree()
                skipped = el
                continue
            if tag in _BLOCKS:
                if owner is not None:
                    flush()
                if tag in _PARAGRAPH_BLOCKS:
                    pending_gap = 1
                block = _Block(el, tag, block, names or "", inline_open == 0, inline_open)
                inline_open = 0
                if tag == "pre":
                    in_pre += 1
            elif tag == "br":
                inline_open += 1
                if owner is None:
                    pending_gap = 1
                else:
                    flush()
            else:
                inline_open += 1
                if tag == "a":
                    links += 1
                if names and len(inline) < MAX_INLINE_NESTING:
                    inline.append((el, names))
            text = el.text
            if text:
                if in_pre:
                    add_text(text)
                elif owner is not None:
                    parts.append(text)
                    if links:
                        link_parts.append(text)
                elif not text.isspace():
                    add(text)
        else:
            if el is skipped:
                skipped = None
            else:
                tag = el.tag
                if tag in _BLOCKS:
                    if owner is not None:
                        flush()
                    if tag in _PARAGRAPH_BLOCKS:
                        pending_gap = 1
                    if tag == "pre":
                        in_pre -= 1
                    inline_open = block.inline_before
                    if block.parent is not None:
                        block = block.parent
                else:
                    inline_open -= 1
                    if tag == "a":
                        links -= 1
                    if inline and inline[-1][0] is el:
                        inline.pop()
            tail = el.tail
            if tail and el is not root:
                if in_pre:
                    add_text(tail)
                elif owner is not None:
                    parts.append(tail)
                    if links:
                        link_parts.append(tail)
                elif not tail.isspace():
                    add(tail)
    if owner is not None:
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
    prev: _LineRecord | None = None
    letter = _LETTER.search
    for rec in lines:
        text = rec.text
        short = bool(
            len(text) < _SHORT_LINE_CHARS and text[-1] not in _SENTENCE_END and letter(text)
        )
        if (
            short
            and prev_short
            and rec.gap_before == 0
            and prev is not None
            and prev.path == rec.path
            and (prev.tag in _LIST_ITEMS or prev.tokens == rec.tokens)
        ):
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
        prev = rec
    return "".join(pieces), blocks


def segment_html(html: str) -> HtmlDocument:
    """Parse, clean and linearise ``html`` (see the module docstring).

    A page whose visible text is nearly all inside ``<noscript>`` (little
    text outside, twice as much inside) is a page built for clients without
    JavaScript, the crawler's view of it: its ``noscript`` content is then
    read as the page.
    """
    root = parse_html(html)
    if root is None:
        return HtmlDocument("", [], HtmlMeta())
    meta = extract_meta(root)
    noscript_chars = sum(
        len("".join(str(t) for t in el.itertext())) for el in root.iter("noscript")
    )
    _drop_never_rendered(root, keep_noscript=False)
    lines = _linearise(root)
    visible_chars = sum(len(r.text) for r in lines)
    if visible_chars < MIN_SCRIPTED_PAGE_CHARS and noscript_chars > 2 * visible_chars:
        again = parse_html(html)
        if again is not None:
            _drop_never_rendered(again, keep_noscript=True)
            lines = _linearise(again)
    source, blocks = _group(lines)
    return HtmlDocument(source, blocks, meta)
