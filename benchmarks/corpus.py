"""Load the trafilatura-eval development corpus and score extractions on it.

Scoring follows the corpus publishers: every ``with`` snippet found in the
output is a true positive (missing: false negative); every ``without``
snippet found is a false positive (missing: true negative). Precision, recall
and F1 are computed over all snippets of all pages, after collapsing runs of
whitespace to one space.
"""

from __future__ import annotations

import codecs
import gzip
import html
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

DEFAULT_CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "trafilatura-eval"


@dataclass(frozen=True)
class Doc:
    id: str
    url: str
    with_: tuple[str, ...]
    without: tuple[str, ...]
    corpus: Path

    def dump(self) -> str:
        with gzip.open(self.corpus / "dumps" / f"{self.id}.txt.gz", "rt", encoding="utf-8") as f:
            return f.read()

    def html(self) -> bytes:
        with gzip.open(self.corpus / "html" / f"{self.id}.html.gz", "rb") as f:
            return f.read()


def load_docs(corpus: Path = DEFAULT_CORPUS, limit: int | None = None) -> list[Doc]:
    docs = []
    with open(corpus / "docs.jsonl", encoding="utf-8") as f:
        for line in f:
            d = json.loads(line)
            docs.append(Doc(d["id"], d["url"], tuple(d["with"]), tuple(d["without"]), corpus))
            if limit is not None and len(docs) >= limit:
                break
    return docs


def _norm(text: str) -> str:
    return " ".join(text.split())


@dataclass
class Score:
    tp: int = 0
    fn: int = 0
    fp: int = 0
    tn: int = 0
    missing: list[tuple[str, str]] = field(default_factory=list)
    leaked: list[tuple[str, str]] = field(default_factory=list)

    def add(self, doc: Doc, output: str | None) -> None:
        out = _norm(output or "")
        for s in doc.with_:
            if _norm(s) in out:
                self.tp += 1
            else:
                self.fn += 1
                self.missing.append((doc.id, s))
        for s in doc.without:
            if _norm(s) in out:
                self.fp += 1
                self.leaked.append((doc.id, s))
            else:
                self.tn += 1

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def accuracy(self) -> float:
        total = self.tp + self.fn + self.fp + self.tn
        return (self.tp + self.tn) / total if total else 0.0


def iter_docs(corpus: Path = DEFAULT_CORPUS) -> Iterator[Doc]:
    yield from load_docs(corpus)


# Blocks of a dump are separated by one or more blank (whitespace-only) lines,
# as html_text's guess_layout writes them.
_BLANK_LINES_RE = re.compile(r"\n[ \t\r\f\v]*\n\s*")


def dump_to_html(dump: str) -> str:
    """Wrap a text dump as minimal HTML for extractors that only read HTML.

    Each blank-line-separated block becomes one ``<p>`` with its text escaped
    (``&``, ``<``, ``>``), inside ``<html><body>``. Line breaks inside a block
    are kept as they are (HTML reads them as spaces); nothing else (headings,
    links, lists) is invented, since the dump does not carry it.
    """
    paragraphs = [
        f"<p>{html.escape(block, quote=False)}</p>"
        for block in (b.strip() for b in _BLANK_LINES_RE.split(dump))
        if block
    ]
    return "<html><body>\n" + "\n".join(paragraphs) + "\n</body></html>"


# Where a page declares its charset: <meta charset=...>, <meta http-equiv
# content="...; charset=...">, or an XML declaration's encoding=.
_DECLARED_CHARSET_RE = re.compile(
    rb"""(?:charset|encoding)\s*=\s*["']?\s*([A-Za-z0-9._:-]{1,40})""", re.IGNORECASE
)
# How far into the page to look for the declaration: HTML's encoding sniffing
# algorithm looks at the first 1024 bytes; some pages put long <head> material
# first, so allow more.
_CHARSET_SNIFF_BYTES = 4096


def decode_html(data: bytes) -> str:
    """Decode HTML bytes once, the same way for every tool in the HTML track.

    Order: a byte-order mark; strict UTF-8 (a non-ASCII page that decodes as
    UTF-8 almost never is anything else); the charset the page declares;
    finally cp1252 with replacement. The timed extraction calls then all
    receive the same ``str``, so decoding neither costs nor helps any tool.
    """
    for bom, encoding in (
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            return data.decode(encoding, errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    match = _DECLARED_CHARSET_RE.search(data[:_CHARSET_SNIFF_BYTES])
    if match:
        try:
            return data.decode(match.group(1).decode("ascii"), errors="replace")
        except LookupError:
            pass
    return data.decode("cp1252", errors="replace")
