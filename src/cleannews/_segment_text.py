"""Segment a plain-text page dump into blocks whose spans index the input.

Dumps come from many renderers: blank lines between blocks (html-text,
browsers' copy-paste), one block per line, hard-wrapped paragraphs
(lynx/w3m at 72-80 columns), indentation and list bullets, ``\\r\\n``, tabs,
non-breaking spaces. The rule that serves all of them: every non-empty line is
its own block, except that

* the continuation lines of a hard-wrapped paragraph are joined to it (a line
  is a continuation when the page is hard-wrapped and the previous line was
  full: the next word would not have fitted on it);
* consecutive short lines with no blank line between them and no sentence
  ending (the items of a menu, a list, a run of dates and counters) form one
  block, its lines joined by ``\n``. A long line or a sentence is clearly its
  own block, so a teaser headline right under "Keep reading...Show less"
  still stands alone. Grouping also halves the number of blocks on a typical
  page, which is what makes cleaning a corpus fast.
"""

from __future__ import annotations

import re

from ._features import RawBlock

#: A list bullet opening a line: ``*``, ``-``, ``•``, ``·``, ``–``, ``+``, ``1.``, ``a)``.
#: Stdlib ``re``: a fixed, non-backtracking prefix pattern, and faster than ``regex``.
_BULLET = re.compile(r"(?:[*\-•·▪◦‣–—+>]|\d{1,3}[.)]|[a-z][.)])[ \t\u00a0]+")
#: First characters that may open a bullet; checked before the regex for speed.
_BULLET_START = frozenset("*-•·▪◦‣–—+>0123456789abcdefghijklmnopqrstuvwxyz")

#: A line longer than this is never part of a hard-wrapped layout.
_MAX_WRAP_WIDTH = 132
#: Narrower "widest lines" are menus or lists, not wrapped prose.
_MIN_WRAP_WIDTH = 40
#: A page is hard-wrapped when at least this many lines come close to its
#: widest line (a few long lines alone may just be long headlines).
_MIN_FULL_LINES = 4
#: Lines shorter than this that do not end a sentence are "short": runs of them
#: form one block. 80 characters is about one line of a menu or list item and
#: shorter than nearly every sentence of prose.
_SHORT_LINE_CHARS = 80
_SENTENCE_END = frozenset(".!?…。！？:;")
#: Lines without a letter (``{{ }}``, ``12.12.2019``, ``|``) stand alone: they
#: are residue, dates or counters, each worth its own verdict.
_LETTER = re.compile(r"[^\W\d_]")

#: Lines longer than this with layout spacing inside are split at it: pages
#: flattened to a single line still get separate blocks.
_SPLIT_LONG_LINE_CHARS = 2000
_LAYOUT_GAP = re.compile(r"[ \t\u00a0]{3,}|\t+")
#: Line separators other than ``\n``; mapped to ``\n`` in a same-length copy
#: of the input, so offsets found in the copy are offsets into the input.
_BREAK_CHARS = "\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
_OTHER_BREAKS = str.maketrans(dict.fromkeys("\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029", "\n"))
#: One non-empty line: leading blanks, then the content from its first to its
#: last non-blank character. Possessive-free but linear: ``[^\S\n]*`` and
#: ``[^\n]*`` cannot overlap with the anchors around them.
_LINE = re.compile(r"^[^\S\n]*(\S[^\n]*)", re.MULTILINE)


#: Any line this long rules out a hard-wrapped page (checked in C, not per line).
_OVER_WRAP_WIDTH = re.compile(rf"[^\n]{{{_MAX_WRAP_WIDTH + 1}}}")


def _scan_copy(source: str) -> str:
    """``source`` with every line break as ``\n``, same length, so offsets carry over."""
    scan = source
    if "\r\n" in scan:
        scan = scan.replace("\r\n", " \n")
    if any(sep in scan for sep in _BREAK_CHARS):
        scan = scan.translate(_OTHER_BREAKS)
    return scan


def _lines(scan: str) -> list[tuple[int, int, str]]:
    """Non-empty lines as ``(start, indent, stripped text)``.

    Over-long lines with layout spacing inside are split at that spacing.
    """
    out: list[tuple[int, int, str]] = []
    for match in _LINE.finditer(scan):
        start = match.start(1)
        content = match.group(1).rstrip()
        indent = start - match.start()
        if len(content) > _SPLIT_LONG_LINE_CHARS and _LAYOUT_GAP.search(content):
            last = 0
            for gap in _LAYOUT_GAP.finditer(content):
                _append_piece(out, start, indent, content, last, gap.start())
                last = gap.end()
            _append_piece(out, start, indent, content, last, len(content))
        else:
            out.append((start, indent, content))
    return out


def _append_piece(
    out: list[tuple[int, int, str]], start: int, indent: int, content: str, lo: int, hi: int
) -> None:
    """Append ``content[lo:hi]`` without its edge whitespace, unless nothing else is left."""
    piece = content[lo:hi]
    stripped = piece.strip()
    if stripped:
        out.append((start + lo + piece.index(stripped[0]), indent, stripped))


def _wrap_width(lengths: list[int]) -> int:
    """The column a hard-wrapped page wraps at, or 0 when it is not wrapped."""
    if not lengths:
        return 0
    widest = max(lengths)
    if widest > _MAX_WRAP_WIDTH or widest < _MIN_WRAP_WIDTH:
        return 0
    threshold = widest * 0.85
    full = sum(1 for n in lengths if n >= threshold)
    return widest if full >= _MIN_FULL_LINES else 0


def segment_text(source: str) -> list[RawBlock]:
    """Split ``source`` into raw blocks (see the module docstring for the rules)."""
    scan = _scan_copy(source)
    lines = _lines(scan)
    if not lines:
        return []
    wrap = 0
    if _OVER_WRAP_WIDTH.search(scan) is None:
        wrap = _wrap_width([indent + len(text) for _, indent, text in lines])

    blocks: list[RawBlock] = []
    prev_end = 0
    prev_col = 0
    prev_short = False
    count_newlines = scan.count
    bullet_match = _BULLET.match
    letter = _LETTER.search
    for start, indent, body in lines:
        end = start + len(body)
        col = indent + len(body)
        gap = count_newlines("\n", prev_end, start) - 1 if blocks else 1
        bullet = False
        if body[0] in _BULLET_START:
            match = bullet_match(body)
            # The marker stays in the text: "1." and "a)" are content, and a
            # dash may open a line of dialogue rather than a list item.
            bullet = match is not None and match.end() < len(body)
        if "  " in body or "\t" in body or "\u00a0" in body:
            body = " ".join(body.split())
        if wrap and gap == 0 and not bullet and blocks:
            first_word = body.split(" ", 1)[0]
            if prev_col + 1 + len(first_word) > wrap:
                last = blocks[-1]
                last.end = end
                last.text = f"{last.text} {body}"
                prev_end = end
                prev_col = col
                prev_short = False
                continue
        short = len(body) < _SHORT_LINE_CHARS and body[-1] not in _SENTENCE_END and letter(body)
        if short and prev_short and gap == 0 and bullet == blocks[-1].bullet:
            last = blocks[-1]
            last.end = end
            last.text = f"{last.text}\n{body}"
        else:
            blocks.append(RawBlock(start, end, body, gap, indent, bullet))
        prev_end = end
        prev_col = col
        prev_short = bool(short)
    return blocks
