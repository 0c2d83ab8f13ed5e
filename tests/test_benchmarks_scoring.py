"""The benchmark's own machinery: scorer, C4 filter, dump-to-HTML wrapper, report.

None of this needs the anchors (the ``bench`` extra) or ../shared: documents
are built by hand here.
"""

from __future__ import annotations

import socket
import sys
from pathlib import Path

import lxml.html
import pytest

# benchmarks/ is a top-level package of the repository, not of the installed
# distribution; pytest's rootdir is not on sys.path under a plain `pytest`.
REPO_ROOT = Path(__file__).resolve().parents[1]
if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))

from benchmarks.anchors import (  # noqa: E402
    TOOLS,
    Extract,
    Form,
    NetworkGuard,
    ToolInput,
    ToolUnavailable,
    fragment_text,
)
from benchmarks.c4_filter import c4_filter, c4_lines, count_sentences  # noqa: E402
from benchmarks.corpus import Doc, Score, decode_html, dump_to_html  # noqa: E402
from benchmarks.run import (  # noqa: E402
    markdown_table,
    replace_section,
    run_benchmark,
    run_once,
)

NOWHERE = Path("/nonexistent-corpus")


def make_doc(with_: tuple[str, ...], without: tuple[str, ...], doc_id: str = "d") -> Doc:
    return Doc(doc_id, "http://example.test/", with_, without, NOWHERE)


# --- scorer ---------------------------------------------------------------------


def test_score_counts_each_snippet_once() -> None:
    doc = make_doc(("alpha beta", "gamma delta", "epsilon"), ("menu item", "footer text"))
    score = Score()
    score.add(doc, "alpha beta and gamma delta. menu item")
    assert (score.tp, score.fn, score.fp, score.tn) == (2, 1, 1, 1)
    assert score.precision == pytest.approx(2 / 3)
    assert score.recall == pytest.approx(2 / 3)
    assert score.f1 == pytest.approx(2 / 3)
    assert score.accuracy == pytest.approx(3 / 5)
    assert score.missing == [("d", "epsilon")]
    assert score.leaked == [("d", "menu item")]


def test_score_collapses_whitespace_on_both_sides() -> None:
    doc = make_doc(("a  snippet\nacross lines",), ("boiler\tplate",))
    score = Score()
    score.add(doc, "a snippet   across\n\nlines, and boiler \n plate")
    assert (score.tp, score.fp) == (1, 1)


def test_score_sums_over_pages_not_averages() -> None:
    # Page 1: 1 tp of 1; page 2: 0 tp of 3. Micro recall is 1/4, not (1 + 0) / 2.
    score = Score()
    score.add(make_doc(("one",), ()), "one")
    score.add(make_doc(("x1", "x2", "x3"), ()), "")
    assert score.recall == pytest.approx(1 / 4)


def test_score_empty_and_none_output() -> None:
    doc = make_doc(("kept",), ("dropped",))
    score = Score()
    score.add(doc, None)
    assert (score.tp, score.fn, score.fp, score.tn) == (0, 1, 0, 1)
    assert score.precision == 0.0 and score.f1 == 0.0


def test_score_everything_has_full_recall_and_leaks() -> None:
    doc = make_doc(("body text here",), ("share on facebook",))
    score = Score()
    score.add(doc, "share on facebook\n\nbody text here")
    assert score.recall == 1.0 and score.precision == 0.5


# --- C4 filter ------------------------------------------------------------------

PROSE = [
    "The council approved the new budget on Tuesday evening.",
    "Opposition members said the plan cuts too deep into schools.",
    "The mayor promised a review of the figures next spring.",
    "Residents can comment on the proposal until the end of May.",
    'A final vote is planned for June, the clerk said: "We are on time."',
]


def test_c4_keeps_terminated_lines_of_three_words_or_more() -> None:
    text = "\n".join(["Home", "Share this", "Read more...", "Top stories", *PROSE, "Two words."])
    assert c4_filter(text) == "\n".join(PROSE)


def test_c4_end_marks_and_ellipsis() -> None:
    kept, _ = c4_lines(
        "\n".join(
            [
                "He asked whether it was over?",
                "She shouted that it was over!",
                'They said "it is over."',
                'It ends with a quote mark"',
                "It trails off into nothing...",
                "No terminal punctuation here at all",
                "It ends with a colon here:",
            ]
        )
    )
    assert kept == [
        "He asked whether it was over?",
        "She shouted that it was over!",
        'They said "it is over."',
        'It ends with a quote mark"',
    ]


def test_c4_line_rules_javascript_policy_citations() -> None:
    text = "\n".join(
        [
            "Please enable JavaScript to view the comments.",
            "By using this site you agree to our Terms of Use.",
            "This website uses cookies to improve your experience.",
            "The river flooded in 1953.[1] Many fled.[citation needed]",
            "   Surrounding whitespace is stripped from kept lines.   ",
        ]
    )
    assert c4_filter(text, page_rules=False) == (
        "The river flooded in 1953. Many fled.\nSurrounding whitespace is stripped from kept lines."
    )


def test_c4_citation_marker_removed_before_end_mark_test() -> None:
    # "...in 2001.[12]" ends in "]" but is terminated once the marker is removed.
    assert c4_lines("The bridge was opened in 2001.[12]")[0] == ["The bridge was opened in 2001."]


def test_c4_page_rules_drop_whole_page() -> None:
    body = "\n".join(PROSE)
    assert c4_filter(body) != ""
    assert c4_filter(body + "\nLorem ipsum dolor sit amet, consectetur.") == ""
    assert c4_filter(body + "\nvar x = {a: 1}; return x.") == ""
    # Too few sentences: four short prose lines.
    assert c4_filter("\n".join(PROSE[:4])) == ""
    # Line-only mode keeps the rest and drops just the offending line.
    assert c4_filter(body + "\nvar x = {a: 1}; return x.", page_rules=False) == body


def test_c4_curly_bracket_only_counts_in_surviving_lines() -> None:
    # A "{" in a line that the line rules already dropped does not drop the page
    # (reference implementation order).
    body = "\n".join(PROSE)
    assert c4_filter(body + "\n{{ placeholder }}") == body


def test_c4_drops_lines_with_overlong_words() -> None:
    line = "A line with " + "x" * 1001 + " in it."
    assert c4_lines(line)[0] == []


def test_count_sentences() -> None:
    assert count_sentences("") == 0
    assert count_sentences("One sentence only.") == 1
    assert count_sentences("First one. Second one! Third one? ") == 3
    assert count_sentences('He said "stop." Then he left.') == 2


# --- dump to HTML ---------------------------------------------------------------


def _text(element: lxml.html.HtmlElement) -> str:
    return "".join(str(t) for t in element.itertext())


def test_dump_to_html_one_escaped_paragraph_per_block() -> None:
    dump = "Title & <b>bold</b>\n\nFirst line\nsecond line\n\n \n\n\nx < y > z"
    html = dump_to_html(dump)
    assert html.startswith("<html><body>") and html.endswith("</body></html>")
    assert "<b>" not in html and "&lt;b&gt;" in html and "&amp;" in html
    root = lxml.html.fromstring(html)
    paragraphs = [_text(p) for p in root.iter("p")]
    assert paragraphs == ["Title & <b>bold</b>", "First line\nsecond line", "x < y > z"]


def test_dump_to_html_markup_in_text_stays_text() -> None:
    dump = "<script>alert(1)</script>\n\n</p></body><p>injected"
    root = lxml.html.fromstring(dump_to_html(dump))
    assert not list(root.iter("script"))
    assert [_text(p) for p in root.iter("p")] == [
        "<script>alert(1)</script>",
        "</p></body><p>injected",
    ]


def test_dump_to_html_empty_dump() -> None:
    assert "<p>" not in dump_to_html("\n\n  \n")


def test_fragment_text_separates_blocks() -> None:
    text = fragment_text("<div>lead<p>first</p><p>second <a>link</a></p>tail</div>")
    assert " ".join(text.split()) == "lead first second link tail"
    assert fragment_text("") == ""


# --- decoding -------------------------------------------------------------------


def test_decode_html_prefers_utf8_then_declared_charset() -> None:
    assert decode_html("<p>Grüße</p>".encode()) == "<p>Grüße</p>"
    latin = '<meta charset="iso-8859-1"><p>Grüße</p>'.encode("latin-1")
    assert decode_html(latin).endswith("<p>Grüße</p>")
    cyrillic = '<meta http-equiv="Content-Type" content="text/html; charset=windows-1251">Мир'
    assert decode_html(cyrillic.encode("cp1251")).endswith("Мир")
    assert decode_html("<p>ä</p>".encode("utf-8-sig")) == "<p>ä</p>"
    # Undeclared, not UTF-8: cp1252 fallback, never an exception.
    assert decode_html(b"<p>caf\xe9 \x81</p>").startswith("<p>café")


# --- harness --------------------------------------------------------------------


def test_run_once_counts_errors_as_empty_output() -> None:
    pages = [ToolInput("ok", ""), ToolInput("boom", ""), ToolInput("ok too", "")]

    def extract(page: ToolInput) -> str:
        if page.text == "boom":
            raise RuntimeError("bad page")
        return page.text.upper()

    ticks = iter(range(0, 10**9, 1000))
    outputs, seconds, errors, first_error = run_once(extract, pages, lambda: next(ticks))
    assert outputs == ["OK", "", "OK TOO"]
    assert errors == 1 and first_error == "RuntimeError: bad page"
    assert seconds == [pytest.approx(1e-6)] * 3


def test_network_guard_refuses_and_restores() -> None:
    original = socket.socket.connect
    with NetworkGuard() as guard:
        with socket.socket() as s, pytest.raises(OSError, match="network disabled"):
            s.connect(("127.0.0.1", 9))
        with pytest.raises(OSError):
            socket.getaddrinfo("example.com", 80)
    assert len(guard.attempts) == 2
    assert socket.socket.connect is original


def test_unavailable_tool_is_reported_not_fatal(monkeypatch: pytest.MonkeyPatch) -> None:
    import dataclasses

    def unavailable(form: Form) -> Extract:
        raise ToolUnavailable("not installed")

    def echo_text(form: Form) -> Extract:
        return lambda page: page.text

    missing = dataclasses.replace(TOOLS[0], name="missing", build=unavailable)
    echo = dataclasses.replace(TOOLS[0], name="echo", build=echo_text)
    doc = make_doc(("kept text",), ("menu",))
    monkeypatch.setattr(Doc, "dump", lambda self: "menu\n\nkept text")
    runs = run_benchmark([doc], [missing, echo], "dump", 2, lambda: 0)
    assert runs[0].unavailable == "not installed"
    assert runs[1].score.tp == 1 and runs[1].score.fp == 1
    assert len(runs[1].repeat_seconds) == 2
    table = markdown_table(runs, "dump")
    assert "| missing |" in table and "n/a" in table.splitlines()[2]


def test_every_tool_name_is_unique_and_forms_valid() -> None:
    names = [tool.name for tool in TOOLS]
    assert len(names) == len(set(names))
    assert names[0] == "cleannews"
    assert all(set(tool.forms) <= {"dump", "html"} for tool in TOOLS)


# --- docs/benchmarks.md sections ------------------------------------------------


def test_replace_section_creates_replaces_and_orders() -> None:
    doc = replace_section("", "html", "## HTML track\nfirst html\n")
    assert doc.startswith("# Benchmarks")
    doc = replace_section(doc, "dump", "## Dump track\nfirst dump\n")
    assert doc.index("first dump") < doc.index("first html")  # dump section comes first
    doc = replace_section(doc, "dump", "## Dump track\nsecond dump\n")
    assert "first dump" not in doc and "second dump" in doc and "first html" in doc
    assert doc.count("<!-- benchmarks:dump:start -->") == 1
    doc2 = replace_section(doc, "html", "## HTML track\nsecond html\n")
    assert "first html" not in doc2 and "second dump" in doc2
    assert doc2.index("second dump") < doc2.index("second html")
