"""The tools the benchmark compares: cleannews, two baselines and the anchors.

Each tool is a :class:`Tool`: a name, the forms it runs on, and a ``build``
function that does the one-off set-up (imports, extractor objects, stoplists)
outside the timed region and returns ``extract(ToolInput) -> str``. A tool
whose package is missing, or that does not handle a form, raises
:class:`ToolUnavailable` from ``build`` and is reported as "n/a" with the
reason, so the harness runs with any subset of the anchors installed.

Anchor imports happen inside ``build``: importing this module needs none of
them (the scoring tests import it without the ``bench`` extra).

What each form feeds a tool is decided by ``Tool.reads``:

- dump form: tools that read ``"text"`` (cleannews, the baselines) get the
  dump; HTML extractors (``"html"``) get the dump wrapped by
  :func:`benchmarks.corpus.dump_to_html`;
- html form: every tool gets the page's HTML as one ``str`` decoded by
  :func:`benchmarks.corpus.decode_html`; the text baselines then first turn it
  into text with html_text, the tool that made the corpus dumps.
"""

from __future__ import annotations

import importlib.metadata
import importlib.util
import socket
import subprocess
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import Any, Literal, NamedTuple

from .c4_filter import c4_filter

Form = Literal["dump", "html"]
FORMS: tuple[Form, ...] = ("dump", "html")


class ToolInput(NamedTuple):
    """One page as a tool receives it (prepared before timing)."""

    text: str  # the dump, or HTML (wrapped dump or decoded page), per Tool.reads
    url: str  # newspaper4k needs one; the others ignore it


Extract = Callable[[ToolInput], str]


class ToolUnavailable(Exception):
    """A tool cannot run on this form here (not installed, not supported)."""


@dataclass(frozen=True)
class Tool:
    name: str
    dists: tuple[str, ...]  # distributions whose versions the table reports
    forms: tuple[Form, ...]
    reads: Literal["text", "html"]  # what it gets in the dump form (see module doc)
    build: Callable[[Form], Extract]
    note: str = ""
    html_dists: tuple[str, ...] = ()  # further distributions used on the html form

    def versions(self, form: Form) -> str:
        """Installed versions of the distributions behind this tool."""
        dists = self.dists + (self.html_dists if form == "html" else ())
        if not dists:
            return "(this repo)"
        parts = []
        for dist in dists:
            try:
                version = importlib.metadata.version(dist)
            except importlib.metadata.PackageNotFoundError:
                parts.append(f"{dist} (missing)")
                continue
            if dist == "cleannews":
                version += f" ({cleannews_source()})"
            parts.append(f"{dist} {version}")
        return ", ".join(parts)


def cleannews_source() -> str:
    """Which cleannews code ran: a git commit (``+dirty`` if its source has
    uncommitted changes) or, outside a checkout, the directory it came from.

    The package version alone does not say this while the code is being tuned.
    """
    spec = importlib.util.find_spec("cleannews")
    if spec is None or spec.origin is None:
        return "not importable"
    package_dir = Path(spec.origin).parent

    def git(*args: str) -> str:
        done = subprocess.run(
            ["git", "-C", str(package_dir), *args],
            capture_output=True,
            text=True,
            check=False,
        )
        return done.stdout.strip() if done.returncode == 0 else ""

    commit = git("rev-parse", "--short", "HEAD")
    if not commit:
        return f"from {package_dir.parent}"
    dirty = git("status", "--porcelain", "--", ".")
    return f"git {commit}{'+dirty' if dirty else ''}"


def _require(module: str) -> Any:
    """Import an optional anchor, turning a missing package into ToolUnavailable."""
    try:
        return importlib.import_module(module)
    except ImportError as exc:
        raise ToolUnavailable(f"not installed ({exc}); pip install -e '.[bench]'") from exc


# Elements after which a line break separates text when an HTML fragment is
# flattened: without it, lxml's text_content() glues "<p>a</p><p>b</p>" into
# "ab", which would break snippets spanning two blocks.
_BLOCK_TAGS = frozenset(
    {
        *("address", "article", "aside", "blockquote", "br", "dd", "div", "dl", "dt"),
        *("figcaption", "figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header"),
        *("hr", "li", "main", "nav", "ol", "p", "pre", "section", "table", "tbody", "td"),
        *("th", "thead", "tr", "ul"),
    }
)


def fragment_text(fragment: str) -> str:
    """Visible text of an HTML fragment, with line breaks at block elements."""
    lxml_html = _require("lxml.html")
    if not fragment.strip():
        return ""
    root = lxml_html.fromstring(fragment)
    for el in root.iter():
        if isinstance(el.tag, str) and el.tag in _BLOCK_TAGS:
            el.text = "\n" + (el.text or "")
            el.tail = "\n" + (el.tail or "")
    return str(root.text_content())


# --- cleannews and the baselines ------------------------------------------------


def _build_cleannews(form: Form) -> Extract:
    import cleannews

    pipeline = cleannews.Pipeline()
    if form == "dump":
        return lambda page: pipeline.clean(page.text, format="text").text
    try:
        pipeline.clean("<html><body><p>Probe.</p></body></html>", format="html")
    except cleannews.UnsupportedFormatError as exc:
        raise ToolUnavailable(f"HTML input not supported yet ({exc})") from exc
    return lambda page: pipeline.clean(page.text, format="html").text


def _html_text(form: Form) -> Callable[[str], str]:
    """The page's visible text: the dump itself, or html_text on HTML."""
    if form == "dump":
        return lambda text: text
    html_text = _require("html_text")
    return lambda html: str(html_text.extract_text(html, guess_layout=True))


def _build_everything(form: Form) -> Extract:
    visible = _html_text(form)
    return lambda page: visible(page.text)


def _build_c4(form: Form, *, page_rules: bool) -> Extract:
    visible = _html_text(form)
    return lambda page: c4_filter(visible(page.text), page_rules=page_rules)


# --- anchors ---------------------------------------------------------------------


def _build_trafilatura(form: Form, *, favor_precision: bool) -> Extract:
    trafilatura = _require("trafilatura")

    def extract(page: ToolInput) -> str:
        # Library defaults otherwise (comments and tables included, txt output).
        out = trafilatura.extract(page.text, favor_precision=favor_precision)
        return str(out) if out else ""

    return extract


def _build_justext(form: Form) -> Extract:
    justext = _require("justext")
    # The corpus is multilingual and jusText has no language identification:
    # use the union of all its stoplists, as trafilatura does when it calls
    # jusText as a fallback (trafilatura.external.JT_STOPLIST). On the first
    # 200 HTML pages this gave F1 0.79, against 0.65 with the German stoplist
    # alone (the corpus's main language) and 0.74 with English + German.
    stoplist: set[str] = set()
    for language in justext.get_stoplists():
        stoplist.update(justext.get_stoplist(language))
    frozen = frozenset(stoplist)

    def extract(page: ToolInput) -> str:
        paragraphs = justext.justext(page.text, frozen)
        return "\n".join(p.text for p in paragraphs if not p.is_boilerplate)

    return extract


def _build_readability(form: Form) -> Extract:
    readability = _require("readability")
    _require("lxml.html")

    def extract(page: ToolInput) -> str:
        summary = readability.Document(page.text).summary(html_partial=True)
        return fragment_text(summary)

    return extract


def _build_resiliparse(form: Form) -> Extract:
    html2text = _require("resiliparse.extract.html2text")

    def extract(page: ToolInput) -> str:
        return str(html2text.extract_plain_text(page.text, main_content=True))

    return extract


def _build_boilerpy3(form: Form) -> Extract:
    extractors = _require("boilerpy3.extractors")
    extractor = extractors.ArticleExtractor()
    return lambda page: str(extractor.get_content(page.text))


def _build_newspaper(form: Form) -> Extract:
    newspaper = _require("newspaper")

    def extract(page: ToolInput) -> str:
        # fetch_images=False: never download images to size them; the HTML is
        # given, so download() does not fetch either.
        article = newspaper.Article(page.url or "http://localhost/", fetch_images=False)
        article.download(input_html=page.text)
        article.parse()
        return str(article.text or "")

    return extract


def _build_goose(form: Form) -> Extract:
    goose3 = _require("goose3")
    goose = goose3.Goose({"enable_image_fetching": False})
    return lambda page: str(goose.extract(raw_html=page.text).cleaned_text or "")


TOOLS: tuple[Tool, ...] = (
    Tool("cleannews", ("cleannews",), FORMS, "text", _build_cleannews),
    Tool(
        "everything",
        (),
        FORMS,
        "text",
        _build_everything,
        "the whole input: the dump unchanged, or html_text's visible text of the HTML",
        ("html-text",),
    ),
    Tool(
        "c4",
        (),
        FORMS,
        "text",
        lambda form: _build_c4(form, page_rules=True),
        "C4 heuristics with page rules (benchmarks/c4_filter.py)",
        ("html-text",),
    ),
    Tool(
        "c4-lines",
        (),
        FORMS,
        "text",
        lambda form: _build_c4(form, page_rules=False),
        "C4 line rules only, no page dropping",
        ("html-text",),
    ),
    Tool(
        "trafilatura",
        ("trafilatura",),
        FORMS,
        "html",
        lambda form: _build_trafilatura(form, favor_precision=False),
    ),
    Tool(
        "trafilatura-precision",
        ("trafilatura",),
        FORMS,
        "html",
        lambda form: _build_trafilatura(form, favor_precision=True),
        "favor_precision=True",
    ),
    Tool("justext", ("jusText",), FORMS, "html", _build_justext, "union of all stoplists"),
    Tool("readability", ("readability-lxml",), FORMS, "html", _build_readability),
    Tool("resiliparse", ("resiliparse",), FORMS, "html", _build_resiliparse, "main_content=True"),
    Tool("boilerpy3", ("boilerpy3",), FORMS, "html", _build_boilerpy3, "ArticleExtractor"),
    Tool("newspaper4k", ("newspaper4k",), ("html",), "html", _build_newspaper),
    Tool("goose3", ("goose3",), ("html",), "html", _build_goose),
)


def tools_by_name() -> dict[str, Tool]:
    return {tool.name: tool for tool in TOOLS}


class NetworkGuard:
    """Refuse every outgoing connection and DNS lookup while active.

    The benchmark must run offline; an anchor that tries the network (a
    suffix-list refresh, an image fetch) gets an ``OSError`` as if offline,
    and the attempt is recorded so the report can say so.
    """

    def __init__(self) -> None:
        self.attempts: list[str] = []
        self._saved: tuple[Any, ...] = ()

    def _refuse(self, what: str) -> Callable[..., Any]:
        def refuse(*args: Any, **kwargs: Any) -> Any:
            self.attempts.append(f"{what}{args[1:2] if what == 'connect' else args[:1]}")
            raise OSError(f"network disabled during the benchmark ({what})")

        return refuse

    def __enter__(self) -> NetworkGuard:
        self._saved = (
            socket.socket.connect,
            socket.socket.connect_ex,
            socket.getaddrinfo,
            socket.create_connection,
        )
        socket.socket.connect = self._refuse("connect")  # type: ignore[method-assign]
        socket.socket.connect_ex = self._refuse("connect")  # type: ignore[method-assign]
        socket.getaddrinfo = self._refuse("getaddrinfo")
        socket.create_connection = self._refuse("create_connection")
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        (
            socket.socket.connect,  # type: ignore[method-assign]
            socket.socket.connect_ex,  # type: ignore[method-assign]
            socket.getaddrinfo,
            socket.create_connection,
        ) = self._saved
