"""Side-by-side benchmark: cleannews, the baselines and the anchors, in one run.

    python -m benchmarks.run --form dump [--limit N] [--tools a,b] [--repeats 3]
                             [--out docs/benchmarks.md]
    python -m benchmarks.run --form html ...

Every tool runs in this one process, one after the other (never in
parallel: the machine is shared), on the same preloaded inputs, so precision,
recall and speed are comparable within a run. Method, in the order it happens:

1. Load the corpus and prepare every tool's input in memory (decompression,
   decoding, dump-to-HTML wrapping are not timed).
2. Build each tool once (imports, extractor objects, stoplists: not timed)
   and call it once on the first page to warm it up.
3. For each repeat, run each tool over all pages; time each call alone with
   the process's CPU clock (``--clock cpu``, the default: on a shared machine
   the wall clock also counts time spent waiting for the core; the process
   clock, unlike a thread clock, also counts any helper thread a tool starts)
   or the wall clock (``--clock wall``). A call that raises yields "" for that page and
   counts in the "errors" column.
4. Score the first repeat's outputs with :class:`benchmarks.corpus.Score`;
   docs/s is the median over repeats of (pages / summed call times).

All sockets are refused meanwhile (:class:`benchmarks.anchors.NetworkGuard`):
the run is offline, and a tool that tries the network is reported.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import logging
import os
import platform
import shlex
import statistics
import sys
import time
import warnings
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from .anchors import FORMS, TOOLS, Extract, Form, NetworkGuard, Tool, ToolInput, ToolUnavailable
from .corpus import DEFAULT_CORPUS, Doc, Score, decode_html, dump_to_html, load_docs

MIN_REPEATS = 3  # the brief's floor for a published table; fewer is allowed for trials


@dataclass
class ToolRun:
    """Everything measured for one tool in one run."""

    tool: Tool
    version: str
    unavailable: str = ""  # reason, when the tool could not run on this form
    outputs: list[str] = field(default_factory=list)  # first repeat, scored
    repeat_seconds: list[float] = field(default_factory=list)  # summed call times
    doc_seconds: list[list[float]] = field(default_factory=list)  # per repeat, per page
    errors: int = 0
    first_error: str = ""
    network_attempts: int = 0
    score: Score = field(default_factory=Score)

    def docs_per_second(self) -> float:
        n_docs = len(self.outputs)
        rates = [n_docs / s if s > 0 else float("inf") for s in self.repeat_seconds]
        return statistics.median(rates) if rates else 0.0

    def median_ms_per_doc(self) -> float:
        per_repeat = [statistics.median(times) for times in self.doc_seconds if times]
        return 1000 * statistics.median(per_repeat) if per_repeat else 0.0


def prepare_inputs(docs: Sequence[Doc], form: Form) -> dict[str, list[ToolInput]]:
    """Each input kind a tool may read, for every page, ready before timing."""
    if form == "dump":
        dumps = [doc.dump() for doc in docs]
        return {
            "text": [ToolInput(d, doc.url) for d, doc in zip(dumps, docs, strict=True)],
            "html": [
                ToolInput(dump_to_html(d), doc.url) for d, doc in zip(dumps, docs, strict=True)
            ],
        }
    pages = [ToolInput(decode_html(doc.html()), doc.url) for doc in docs]
    return {"text": pages, "html": pages}


def run_once(
    extract: Extract, inputs: Sequence[ToolInput], clock: Callable[[], int]
) -> tuple[list[str], list[float], int, str]:
    """One pass over all pages: outputs, seconds per call, error count, first error."""
    outputs: list[str] = []
    seconds: list[float] = []
    errors = 0
    first_error = ""
    for page in inputs:
        t0 = clock()
        try:
            out = extract(page)
        except Exception as exc:
            out = ""
            errors += 1
            first_error = first_error or f"{type(exc).__name__}: {exc}"[:160]
        seconds.append((clock() - t0) / 1e9)
        outputs.append(out)
    return outputs, seconds, errors, first_error


def run_benchmark(
    docs: Sequence[Doc],
    tools: Sequence[Tool],
    form: Form,
    repeats: int,
    clock: Callable[[], int],
    log: Callable[[str], None] = lambda _msg: None,
) -> list[ToolRun]:
    inputs = prepare_inputs(docs, form)
    runs: list[ToolRun] = []
    builders: list[tuple[ToolRun, Extract, list[ToolInput]]] = []
    with NetworkGuard() as guard:
        for tool in tools:
            run = ToolRun(tool, tool.versions(form))
            runs.append(run)
            if form not in tool.forms:
                run.unavailable = f"not run on the {form} form"
                continue
            tool_inputs = inputs[tool.reads]
            seen = len(guard.attempts)
            try:
                extract = tool.build(form)
            except ToolUnavailable as exc:
                run.unavailable = str(exc)
                continue
            except Exception as exc:  # a broken set-up must not end a long run
                run.unavailable = f"set-up failed: {type(exc).__name__}: {exc}"[:200]
                log(f"{tool.name}: {run.unavailable}")
                continue
            try:
                if tool_inputs:
                    extract(tool_inputs[0])  # warm-up: lazy imports, caches
            except Exception as exc:  # only a page error; the timed runs count it
                log(f"{tool.name}: warm-up raised {type(exc).__name__}: {exc}")
            run.network_attempts += len(guard.attempts) - seen
            builders.append((run, extract, tool_inputs))

        # Repeats outermost, so load changes on the shared machine spread over
        # all tools instead of hitting one tool's every repeat.
        for repeat in range(repeats):
            for run, extract, tool_inputs in builders:
                gc.collect()
                seen = len(guard.attempts)
                outputs, seconds, errors, first_error = run_once(extract, tool_inputs, clock)
                run.network_attempts += len(guard.attempts) - seen
                run.repeat_seconds.append(sum(seconds))
                run.doc_seconds.append(seconds)
                run.errors = max(run.errors, errors)
                run.first_error = run.first_error or first_error
                if repeat == 0:
                    run.outputs = outputs
                log(
                    f"repeat {repeat + 1}/{repeats} {run.tool.name}: "
                    f"{sum(seconds):.1f}s, {errors} errors"
                )
    for run in runs:
        if run.unavailable:
            continue
        for doc, out in zip(docs, run.outputs, strict=True):
            run.score.add(doc, out)
    return runs


# --- report ---------------------------------------------------------------------


def _cpu_model() -> str:
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as f:
            for line in f:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown CPU"


def _rate(value: float) -> str:
    return "∞" if value == float("inf") else f"{value:,.0f}"


# Rows whose speed is not a measurement of extraction work: on the dump form
# "everything" returns its input unchanged.
UNTIMED_ROWS: frozenset[tuple[str, Form]] = frozenset({("everything", "dump")})


def markdown_table(runs: Sequence[ToolRun], form: Form) -> str:
    base = next((r for r in runs if r.tool.name == "cleannews" and not r.unavailable), None)
    base_rate = base.docs_per_second() if base else 0.0
    lines = [
        "| tool | version | precision | recall | F1 | accuracy | docs/s | × cleannews "
        "| ms/doc (median) | errors |",
        "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for run in runs:
        name = run.tool.name
        if run.unavailable:
            lines.append(
                f"| {name} | {run.version} | n/a | n/a | n/a | n/a | n/a | n/a | n/a | — |"
            )
            continue
        s, rate = run.score, run.docs_per_second()
        if (name, form) in UNTIMED_ROWS:
            speed = "(identity) | — | —"
        else:
            ratio = f"{rate / base_rate:.2f}×" if base_rate and rate != float("inf") else "—"
            speed = f"{_rate(rate)} | {ratio} | {run.median_ms_per_doc():.2f}"
        lines.append(
            f"| {name} | {run.version} | {s.precision:.3f} | {s.recall:.3f} | {s.f1:.3f} "
            f"| {s.accuracy:.3f} | {speed} | {run.errors} |"
        )
    return "\n".join(lines)


FORM_NOTES: dict[Form, tuple[str, ...]] = {
    "dump": (
        "Input: the corpus dumps (`dumps/<id>.txt.gz`, made with html_text "
        "`guess_layout=True`). cleannews reads each dump itself "
        '(`format="text"`); so do `everything` (the dump returned unchanged, so its '
        "speed is not reported) and the C4 rows.",
        "The anchors are HTML extractors, so they read each dump converted to minimal "
        "HTML (`benchmarks.corpus.dump_to_html`): every blank-line-separated block "
        "becomes one escaped `<p>` inside `<html><body>`. They see the same text as "
        "cleannews and no markup evidence (tags, links, classes): these rows measure "
        "them on dumps, not their HTML performance (see the HTML section). Extractors "
        "that decide mostly from markup can then keep nearly all the text: a row "
        "that scores like `everything` means just that.",
    ),
    "html": (
        "Input: the corpus HTML (`html/<id>.html.gz`), decoded once before timing by "
        "`benchmarks.corpus.decode_html` (BOM, strict UTF-8, declared charset, cp1252), "
        "so every tool gets the same `str` and no tool is timed on decoding.",
        "`everything` is html_text's `extract_text(guess_layout=True)`, the tool that "
        "made the corpus dumps; the C4 rows filter that text. cleannews reads the HTML "
        '(`format="html"`) and is n/a while that raises UnsupportedFormatError.',
        "newspaper4k runs with `fetch_images=False` and goose3 with image fetching off; "
        "the page is passed in, so neither downloads anything.",
    ),
}

COMMON_NOTES = (
    "Scoring as the corpus publishers do (`benchmarks/corpus.py`): each `with` snippet "
    "found in the output is a true positive, each `without` snippet found a false "
    "positive, over all snippets of all pages, after collapsing whitespace.",
    "Speed: one process, tools run one after the other on one core (all are "
    "single-threaded); inputs preloaded; set-up (imports, extractor objects) and one "
    "warm-up call excluded; each call timed alone; docs/s is the median over repeats "
    "of pages / summed call times. × cleannews is docs/s relative to cleannews.",
    "Library defaults unless noted: trafilatura `extract()` as shipped (txt output, "
    "comments and tables included); jusText with the union of all its stoplists (the "
    "corpus is multilingual and jusText has no language identification; trafilatura "
    "uses the same union for its jusText fallback); readability-lxml "
    "`Document.summary(html_partial=True)` flattened to text with a line break at "
    "block elements; resiliparse `extract_plain_text(main_content=True)`; boilerpy3 "
    "`ArticleExtractor().get_content()`.",
    "`c4` is the C4 cleaning heuristics (Raffel et al. 2020, §2.2; "
    "`benchmarks/c4_filter.py`) with their page rules (a page under 5 sentences, or "
    'with "lorem ipsum" or "{" in a kept line, comes out empty); `c4-lines` applies '
    "only the line rules (terminal punctuation, ≥ 3 words, no javascript/policy "
    "lines, citation markers removed).",
    "errors: pages on which the tool raised; they count as empty output.",
    "The run is offline: all sockets are refused while tools run.",
)


def render_section(
    runs: Sequence[ToolRun], form: Form, n_docs: int, repeats: int, clock_name: str, command: str
) -> str:
    now = dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    title = {"dump": "Dump track (text dumps)", "html": "HTML track"}[form]
    notes = list(FORM_NOTES[form]) + list(COMMON_NOTES)
    for run in runs:
        if run.unavailable:
            notes.append(f"{run.tool.name}: n/a, {run.unavailable}.")
        if run.errors:
            notes.append(f"{run.tool.name}: {run.errors} pages raised, e.g. `{run.first_error}`.")
        if run.network_attempts:
            notes.append(
                f"{run.tool.name}: tried the network {run.network_attempts} times (refused)."
            )
    header = [
        f"## {title}",
        "",
        f"- Date: {now}; {n_docs} pages of trafilatura-eval; {repeats} repeat(s); "
        f"clock: {clock_name}",
        f"- Machine: {platform.platform()}, {_cpu_model()}, {os.cpu_count()} CPUs "
        "(shared with other work during the run)",
        f"- Python {platform.python_version()} ({platform.python_implementation()})",
        f"- Command: `{command}`",
        "",
    ]
    body = [markdown_table(runs, form), "", "Notes:", ""] + [f"- {n}" for n in notes]
    return "\n".join(header + body) + "\n"


DOC_HEADER = """# Benchmarks

cleannews side by side with boilerplate-removal tools on the trafilatura-eval
development corpus (990 pages with hand-picked snippets, `../shared/data/trafilatura-eval`).
Each section below is written by `python -m benchmarks.run --form FORM --out docs/benchmarks.md`,
which replaces only that form's section; figures within a section come from one run on one
machine, so compare rows within a section, not across sections or machines.

For reference, the corpus publishers' own figures (HTML input, their run of 2026-08-04):
trafilatura 2.2.0 F1 0.924, magic-html 0.889, jusText 0.862, readability-lxml 0.826,
resiliparse 0.811, goose3 0.810, html_text (everything) 0.691. Their tool settings may
differ from the ones noted below.
"""


def _markers(form: Form) -> tuple[str, str]:
    return f"<!-- benchmarks:{form}:start -->", f"<!-- benchmarks:{form}:end -->"


def replace_section(document: str, form: Form, section: str) -> str:
    """Put ``section`` in ``document`` between this form's markers.

    The section replaces the previous one for the same form; a new form's
    section goes after the other forms' sections that precede it in FORMS.
    """
    start, end = _markers(form)
    block = f"{start}\n{section.rstrip()}\n{end}"
    if not document.strip():
        document = DOC_HEADER
    i, j = document.find(start), document.find(end)
    if i != -1 and j > i:
        return document[:i] + block + document[j + len(end) :]
    later = [document.find(_markers(f)[0]) for f in FORMS[FORMS.index(form) + 1 :]]
    later = [pos for pos in later if pos != -1]
    if later:
        pos = min(later)
        return document[:pos] + block + "\n\n" + document[pos:]
    return document.rstrip() + "\n\n" + block + "\n"


# --- command line ---------------------------------------------------------------


def select_tools(spec: str | None, form: Form) -> list[Tool]:
    """The tools named in ``--tools`` (in that order), or every tool of the form."""
    if not spec:
        return [tool for tool in TOOLS if form in tool.forms]
    by_name = {tool.name: tool for tool in TOOLS}
    names = [n.strip() for n in spec.split(",") if n.strip()]
    unknown = [n for n in names if n not in by_name]
    if unknown:
        raise SystemExit(f"unknown tools {unknown}; choose from {', '.join(by_name)}")
    return [by_name[n] for n in names]


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.run", description=__doc__.split("\n\n")[0]
    )
    parser.add_argument("--form", choices=FORMS, required=True)
    parser.add_argument("--limit", type=int, default=None, help="first N pages only")
    parser.add_argument("--tools", default=None, help="comma-separated; default: all")
    parser.add_argument("--repeats", type=int, default=MIN_REPEATS)
    parser.add_argument("--clock", choices=["cpu", "wall"], default="cpu")
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--out", type=Path, default=None, help="write/replace the section")
    args = parser.parse_args(argv)
    if args.repeats < 1:
        parser.error("--repeats must be at least 1")
    if args.repeats < MIN_REPEATS:
        print(f"note: fewer than {MIN_REPEATS} repeats; fine for a trial", file=sys.stderr)

    tools = select_tools(args.tools, args.form)
    docs = load_docs(args.corpus, limit=args.limit)
    clock = time.process_time_ns if args.clock == "cpu" else time.perf_counter_ns
    clock_name = (
        "process CPU time (time.process_time_ns)"
        if args.clock == "cpu"
        else "wall time (time.perf_counter_ns)"
    )
    command = shlex.join(["python", "-m", "benchmarks.run", *sys.argv[1:]])
    if os.environ.get("PYTHONPATH"):  # e.g. cleannews from another checkout
        command = f"PYTHONPATH={shlex.quote(os.environ['PYTHONPATH'])} {command}"

    def log(msg: str) -> None:
        print(msg, file=sys.stderr, flush=True)

    # Anchors log and warn per page (trafilatura, newspaper4k); that output is
    # noise here, and errors are counted by the harness itself.
    logging.disable(logging.CRITICAL)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        runs = run_benchmark(docs, tools, args.form, args.repeats, clock, log)
    logging.disable(logging.NOTSET)

    section = render_section(runs, args.form, len(docs), args.repeats, clock_name, command)
    print(section)
    if args.out:
        old = args.out.read_text(encoding="utf-8") if args.out.exists() else ""
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(replace_section(old, args.form, section), encoding="utf-8")
        log(f"wrote the {args.form} section of {args.out}")


if __name__ == "__main__":
    main()
