"""Segment a plain-text page dump into blocks whose spans index the input.

Dumps come from many renderers: blank lines between blocks (html-text,
browsers' copy-paste), one block per line, hard-wrapped paragraphs
(lynx/w3m at 72-80 columns), indentation and list bullets, ``\\r\\n``, tabs,
non-breaking spaces. The rule that serves all of them: every non-empty line is
its own block, except that the continuation lines of a hard-wrapped paragraph
are joined to it. A line is a continuation when the page is hard-wrapped and
the previous line was full (the next word would not have fitted on it).
"""

from __future__ import annotations

import regex

from ._features import RawBlock

#: A list bullet opening a line: ``*``, ``-``, ``•``, ``·``, ``–``, ``+``, ``1.``, ``a)``.
_BULLET = regex.compile(r"(?:[*\-•·▪◦‣–—+>]|\d{1,3}[.)]|[a-z][.)])[ \t\u00a0]+")
_WHITESPACE_RUN = regex.compile(r"\s+")

#: A line longer than this is never part of a hard-wrapped layout.
_MAX_WRAP_WIDTH = 132
#: A page is hard-wrapped when at least this many lines come close to its
#: widest line (a few long lines alone may just be long headlines).
_MIN_FULL_LINES = 4
#: Lines longer than this with layout spacing inside are split at it: pages
#: flattened to a single line still get separate blocks.
_SPLIT_LONG_LINE_CHARS = 2000
_LAYOUT_GAP = regex.compile(r"[ \t\u00a0]{3,}|\t+")


def _lines(source: str) -> list[tuple[int, str]]:
    """Lines of ``source`` with their start offsets, without line terminators."""
    out = []
    pos = 0
    for line in source.splitlines(keepends=True):
        content = line.rstrip("\r\n\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029")
        out.append((pos, content))
        pos += len(line)
    return out


def _split_layout(offset: int, line: str) -> list[tuple[int, str]]:
    """Split an over-long line at runs of layout whitespace."""
    parts = []
    pos = 0
    for gap in _LAYOUT_GAP.finditer(line):
        if gap.start() > pos:
            parts.append((offset + pos, line[pos : gap.start()]))
        pos = gap.end()
    if pos < len(line):
        parts.append((offset + pos, line[pos:]))
    return parts


def _wrap_width(lengths: list[int]) -> int:
    """The column a hard-wrapped page wraps at, or 0 when it is not wrapped."""
    if not lengths:
        return 0
    widest = max(lengths)
    if widest > _MAX_WRAP_WIDTH or widest < 40:
        return 0
    full = sum(1 for n in lengths if n >= widest * 0.85)
    return widest if full >= _MIN_FULL_LINES else 0


def segment_text(source: str) -> list[RawBlock]:
    """Split ``source`` into raw blocks (see the module docstring for the rules)."""
    lines: list[tuple[int, str]] = []
    for offset, line in _lines(source):
        if len(line) > _SPLIT_LONG_LINE_CHARS and _LAYOUT_GAP.search(line):
            lines.extend(_split_layout(offset, line))
        else:
            lines.append((offset, line))
    wrap = _wrap_width([len(line.rstrip()) for _, line in lines if line.strip()])

    blocks: list[RawBlock] = []
    gap = 1
    prev_len = 0
    for offset, line in lines:
        stripped = line.strip()
        if not stripped:
            gap += 1
            prev_len = 0
            continue
        lead = len(line) - len(line.lstrip())
        start = offset + lead
        end = offset + len(line.rstrip())
        body = stripped
        bullet = False
        match = _BULLET.match(body)
        if match is not None and match.end() < len(body):
            bullet = True
            body = body[match.end() :]
        text = _WHITESPACE_RUN.sub(" ", body) if "  " in body or "\t" in body or "\u00a0" in body else body
        if (
            wrap
            and blocks
            and gap == 0
            and not bullet
            and prev_len + 1 + len(text.split(" ", 1)[0]) > wrap
        ):
            last = blocks[-1]
            last.end = end
            last.text = f"{last.text} {text}"
            prev_len = len(line.rstrip())
            continue
        blocks.append(
            RawBlock(
                start=start,
                end=end,
                text=text,
                gap_before=min(gap, 9) if blocks else 1,
                indent=lead,
                bullet=bullet,
            )
        )
        gap = 0
        prev_len = len(line.rstrip())
    return blocks
