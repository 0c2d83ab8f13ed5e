"""The ``cleannews`` command line: clean a page, explain every cut, list detectors.

::

    cleannews clean page.txt              # the article text
    cleannews clean --json - < page.txt   # the whole result, as JSON
    cleannews explain page.txt            # every block: kept or not, and why
    cleannews detectors                   # built-in and plugin detectors
    cleannews schema                      # the JSON Schema of the result
    cleannews batch crawl.jsonl.zst -o clean.parquet   # a corpus, on every core

Pages are read as bytes, so a file that is not text fails with the library's
own :class:`~cleannews.DecodeError` rather than a Python traceback. Exit codes:
0 on success, 1 for an error of the input or the configuration (one line on
stderr, never a traceback), 2 for a usage error (argparse's own message).
"""

from __future__ import annotations

import argparse
import contextlib
import inspect
import json
import os
import shutil
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import IO, Any, get_args

from ._errors import CleannewsError, ConfigError
from ._models import CleanResult, ResultBlock
from ._pipeline import InputFormat, Pipeline
from ._registry import DetectorRegistry, installed_registry
from ._settings import Precision
from .detectors._base import Detector

PROG = "cleannews"

#: ``explain`` truncates block text to the terminal width; this is the width
#: used when output is not a terminal (a pipe, a file), wide enough for a
#: typical headline and narrow enough to read in a diff.
_DEFAULT_WIDTH_CHARS = 100
#: Below this the truncated text would be unreadable; never go narrower.
_MIN_WIDTH_CHARS = 40
#: Grouped short lines (a menu, a list) are shown on one line, joined by this.
_LINE_JOINER = " | "

_GREEN = "\033[32m"
_RED = "\033[31m"
_DIM = "\033[2m"
_BOLD = "\033[1m"
_RESET = "\033[0m"


class _Style:
    """ANSI colours, or nothing. One value per run: no global state."""

    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled

    def __call__(self, text: str, *codes: str) -> str:
        if not self.enabled or not codes:
            return text
        return "".join(codes) + text + _RESET


def _use_colour(choice: str, stream: IO[str]) -> bool:
    """Colour only on a terminal, and never when ``NO_COLOR`` is set (no-color.org)."""
    if choice == "always":
        return True
    if choice == "never":
        return False
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("TERM") == "dumb":
        return False
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


def _write(stream: IO[str], text: str) -> None:
    """Write ``text``, replacing characters the stream's encoding cannot carry.

    A terminal or pipe in a legacy encoding must not turn an article with a
    curly quote into a crash.
    """
    try:
        stream.write(text)
    except UnicodeEncodeError:
        encoding = getattr(stream, "encoding", None) or "ascii"
        stream.write(text.encode(encoding, errors="replace").decode(encoding))


def _read_page(path: str) -> bytes:
    """The page's bytes from a file, or from standard input for ``-``."""
    if path == "-":
        buffer = getattr(sys.stdin, "buffer", None)
        if buffer is not None:
            data: bytes = buffer.read()
            return data
        # A text-only stdin (an embedding application, a test double).
        return sys.stdin.read().encode("utf-8")
    return Path(path).read_bytes()


def _pipeline(args: argparse.Namespace) -> Pipeline:
    registry = installed_registry()
    unknown = sorted(set(args.disable) - set(registry.names()))
    if unknown:
        # Checked here too so that the message lists what could have been meant.
        raise ConfigError(
            f"cannot disable unknown detector(s) {', '.join(map(repr, unknown))}; "
            f"known detectors: {', '.join(registry.names())}"
        )
    precision: Precision = args.precision
    return Pipeline(disable=args.disable, precision=precision, registry=registry)


def _clean(args: argparse.Namespace) -> CleanResult:
    page = _read_page(args.file)
    fmt: InputFormat = args.format
    return _pipeline(args).clean(page, url=args.url, format=fmt)


# -- commands ------------------------------------------------------------------


def _cmd_clean(args: argparse.Namespace) -> int:
    result = _clean(args)
    if args.json:
        _write(sys.stdout, result.model_dump_json(indent=2) + "\n")
        return 0
    parts: list[str] = []
    if args.with_title and result.title:
        parts.append(result.title)
    if result.text:
        parts.append(result.text)
    else:
        # Not an error: a page without an article is a valid result. Say so on
        # stderr so that stdout stays exactly the (empty) article.
        _write(
            sys.stderr,
            f"{PROG}: no article found ({len(result.blocks)} blocks, none kept); "
            f"run '{PROG} explain' to see why\n",
        )
    if parts:
        _write(sys.stdout, "\n\n".join(parts) + "\n")
    return 0


def _truncate(text: str, width: int) -> str:
    flat = text.replace("\n", _LINE_JOINER)
    if len(flat) <= width:
        return flat
    return flat[: max(0, width - 1)] + "…"


def _explain_block(block: ResultBlock, style: _Style, width: int, verdicts: bool) -> list[str]:
    label = "KEEP" if block.kept else "DROP"
    colour = _GREEN if block.kept else _RED
    head = (
        f"{style(f'[{block.index:>3}]', _BOLD)} {style(label, colour, _BOLD)}  "
        f"{block.kind.value:<17} {block.decided_by}: {block.reason}"
    )
    body_style = () if block.kept else (_DIM,)
    lines = [head, "      " + style(_truncate(block.text, width - 6), *body_style)]
    if verdicts:
        for v in block.verdicts:
            span = "" if v.end_block is None else f" (blocks {v.block}-{v.end_block})"
            lines.append("      " + style(f"- {v.code} {v.confidence:.2f}{span}: {v.reason}", _DIM))
    return lines


def _cmd_explain(args: argparse.Namespace) -> int:
    result = _clean(args)
    style = _Style(_use_colour(args.color, sys.stdout))
    width = args.width or (
        shutil.get_terminal_size((_DEFAULT_WIDTH_CHARS, 24)).columns
        if style.enabled
        else _DEFAULT_WIDTH_CHARS
    )
    width = max(_MIN_WIDTH_CHARS, width)
    out: list[str] = [
        f"title:  {result.title if result.title is not None else '-'}",
        f"byline: {result.byline if result.byline is not None else '-'}",
        f"format: {result.format}   language: {result.language or '-'}   "
        f"encoding: {result.encoding or '-'}",
        "",
    ]
    for block in result.blocks:
        out.extend(_explain_block(block, style, width, args.verdicts))
    kept = len(result.kept)
    counts = sorted(result.discarded_counts().items(), key=lambda kv: (-kv[1], kv[0]))
    detail = ", ".join(f"{kind} {n}" for kind, n in counts)
    out.append("")
    out.append(
        f"{len(result.blocks)} blocks: {style(f'{kept} kept', _GREEN)}, "
        f"{style(f'{len(result.blocks) - kept} discarded', _RED)}"
        + (f" ({detail})" if detail else "")
    )
    _write(sys.stdout, "\n".join(out) + "\n")
    return 0


def _describe(factory: Any) -> tuple[str, str]:
    """First docstring line and the settings (with defaults) of a registry factory."""
    doc = inspect.getdoc(factory) or ""
    summary = doc.strip().splitlines()[0] if doc.strip() else ""
    options = "-"
    if isinstance(factory, type) and issubclass(factory, Detector):
        fields = factory.Config.model_fields
        if fields:
            options = ", ".join(f"{name}={field.default!r}" for name, field in fields.items())
    return summary, options


def _cmd_detectors(args: argparse.Namespace) -> int:
    registry: DetectorRegistry = installed_registry()
    rows = []
    for name in registry.names():
        origin = "plugin" if name in registry.plugin_names else "built-in"
        summary, options = _describe(registry.factories[name])
        rows.append((name, origin, summary, options))
    if args.json:
        data = [
            {"name": n, "origin": o, "summary": s, "options": None if opt == "-" else opt}
            for n, o, s, opt in rows
        ]
        _write(sys.stdout, json.dumps(data, indent=2, ensure_ascii=False) + "\n")
        return 0
    name_width = max((len(r[0]) for r in rows), default=4)
    out = []
    for name, origin, summary, options in rows:
        out.append(f"{name:<{name_width}}  {origin:<8}  {summary}")
        if options != "-":
            out.append(f"{'':<{name_width}}  {'':<8}  options: {options}")
    _write(sys.stdout, "\n".join(out) + "\n")
    return 0


def result_schema_json() -> str:
    """The JSON Schema of :class:`~cleannews.CleanResult`, as committed in ``docs/``.

    ``docs/result-schema.json`` is this string; ``tests/test_models.py``
    fails when the two drift apart (regenerate with ``cleannews schema``).
    """
    # Validation and serialization schemas are the same for this model.
    schema: dict[str, Any] = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        **CleanResult.model_json_schema(),
    }
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"


def _cmd_schema(args: argparse.Namespace) -> int:
    _write(sys.stdout, result_schema_json())
    return 0


def _cmd_batch(args: argparse.Namespace) -> int:
    # Imported here: the batch machinery (and its optional packages) costs
    # nothing to the commands that clean one page.
    from .batch import BatchOptions, FieldMap, run_batch
    from .batch._progress import wants_bar

    if args.workers is not None and args.workers < 1:
        raise ConfigError("--workers must be at least 1")
    if args.disable:
        _pipeline(args)  # checks the names, with the list of known detectors
    options = BatchOptions(
        inputs=[Path(p) for p in args.inputs],
        output=Path(args.output),
        errors=Path(args.errors) if args.errors else None,
        workers=args.workers,
        resume=args.resume,
        with_blocks=args.with_blocks,
        format=args.format,
        fields=FieldMap(
            text=args.text_field, html=args.html_field, id=args.id_field, url=args.url_field
        ),
        chunk_records=args.chunk_records,
        precision=args.precision,
        disable=tuple(args.disable),
    )
    try:
        summary = run_batch(options, progress=not args.quiet and wants_bar(sys.stderr))
    except KeyboardInterrupt:
        _write(
            sys.stderr,
            f"{PROG}: interrupted; finished chunks are kept, rerun with --resume to go on\n",
        )
        return 130
    if not args.quiet:
        _write(sys.stderr, summary.format() + "\n")
        _write(sys.stderr, f"output: {options.output}   errors: {options.errors_path}\n")
    return 0


# -- argument parsing ----------------------------------------------------------


def _page_options() -> argparse.ArgumentParser:
    """Options shared by the commands that clean a page."""
    parent = argparse.ArgumentParser(add_help=False)
    parent.add_argument("file", metavar="FILE", help="page to clean, or '-' for standard input")
    parent.add_argument(
        "--format",
        choices=get_args(InputFormat),
        default="auto",
        help="how to read the page (default: auto-detect)",
    )
    parent.add_argument(
        "--precision",
        choices=get_args(Precision),
        default="balanced",
        help="trade recall for precision (default: balanced)",
    )
    parent.add_argument(
        "--disable",
        metavar="NAME",
        action="append",
        default=[],
        help="do not run this detector (repeatable; see 'cleannews detectors')",
    )
    parent.add_argument("--url", help="the page's URL, recorded in the result")
    return parent


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of the ``cleannews`` command."""
    parser = argparse.ArgumentParser(
        prog=PROG,
        description="Strip boilerplate from news pages, and say why for every block.",
    )
    parser.add_argument(
        "--traceback",
        action="store_true",
        help="show the Python traceback of an unexpected error (for bug reports)",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    page = _page_options()

    clean = commands.add_parser("clean", parents=[page], help="print the article text of a page")
    clean.add_argument("--json", action="store_true", help="print the whole result as JSON")
    clean.add_argument(
        "--with-title", action="store_true", help="print the title before the article"
    )
    clean.set_defaults(run=_cmd_clean)

    explain = commands.add_parser(
        "explain", parents=[page], help="show every block, kept or discarded, and why"
    )
    explain.add_argument(
        "--color",
        "--colour",
        choices=("auto", "always", "never"),
        default="auto",
        help="colour the output (default: on a terminal, unless NO_COLOR is set)",
    )
    explain.add_argument(
        "--width", type=int, default=0, help="truncate block text to this many columns"
    )
    explain.add_argument(
        "-v", "--verdicts", action="store_true", help="also list every verdict on each block"
    )
    explain.set_defaults(run=_cmd_explain)

    detectors = commands.add_parser(
        "detectors", help="list the registered detectors (built-in and plugins)"
    )
    detectors.add_argument("--json", action="store_true", help="print the list as JSON")
    detectors.set_defaults(run=_cmd_detectors)

    schema = commands.add_parser("schema", help="print the JSON Schema of the result")
    schema.set_defaults(run=_cmd_schema)
    _add_batch(commands)
    return parser


def _add_batch(commands: Any) -> None:
    """The ``batch`` command: a corpus in, JSONL or Parquet out, errors beside it."""
    from .batch import DEFAULT_CHUNK_RECORDS, FieldMap

    defaults = FieldMap()
    batch = commands.add_parser(
        "batch",
        help="clean a corpus (JSONL, Parquet, WARC/WET, a folder) on every core",
        description="Clean every record of the inputs into OUTPUT (.jsonl or .parquet). "
        "Each input record ends up exactly once in OUTPUT or in the errors file.",
    )
    batch.add_argument(
        "inputs", metavar="INPUT", nargs="+",
        help="a .jsonl/.ndjson file (optionally .gz or .zst), .parquet, .warc/.wet "
        "(optionally .gz), or a folder of .html/.txt files",
    )
    batch.add_argument("-o", "--output", required=True, help="output file: .jsonl or .parquet")
    batch.add_argument(
        "--errors", metavar="FILE",
        help="errors file, JSONL with id, position, error, reason "
        "(default: OUTPUT's name with .errors.jsonl)",
    )
    batch.add_argument(
        "--workers", type=int, metavar="N", help="worker processes (default: every core)"
    )
    batch.add_argument(
        "--resume", action="store_true",
        help="finish an interrupted run with the same inputs and options",
    )
    batch.add_argument(
        "--with-blocks", action="store_true", help="also write every block and why it was cut"
    )
    batch.add_argument(
        "--format", choices=get_args(InputFormat), default="auto",
        help="how to read pages (default: from the field, file suffix or content type, "
        "else auto-detect)",
    )
    batch.add_argument("--text-field", default=defaults.text, metavar="NAME",
                       help=f"field holding a text page (default: {defaults.text})")
    batch.add_argument("--html-field", default=defaults.html, metavar="NAME",
                       help=f"field holding an HTML page (default: {defaults.html})")
    batch.add_argument("--id-field", default=defaults.id, metavar="NAME",
                       help=f"field holding the record id (default: {defaults.id})")
    batch.add_argument("--url-field", default=defaults.url, metavar="NAME",
                       help=f"field holding the page URL (default: {defaults.url})")
    batch.add_argument(
        "--chunk-records", type=int, default=DEFAULT_CHUNK_RECORDS, metavar="N",
        help=f"records per unit of work and of resume (default: {DEFAULT_CHUNK_RECORDS})",
    )
    batch.add_argument(
        "--precision", choices=get_args(Precision), default="balanced",
        help="trade recall for precision (default: balanced)",
    )
    batch.add_argument(
        "--disable", metavar="NAME", action="append", default=[],
        help="do not run this detector (repeatable)",
    )
    batch.add_argument(
        "-q", "--quiet", action="store_true", help="no progress bar and no closing summary"
    )
    batch.set_defaults(run=_cmd_batch)


def _fail(message: str) -> int:
    _write(sys.stderr, f"{PROG}: error: {message}\n")
    return 1


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code instead of exiting.

    The console script wraps this in ``sys.exit``; tests call it directly.
    """
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # usage error (2) or --help (0), already printed
        return exc.code if isinstance(exc.code, int) else 2
    try:
        code: int = args.run(args)
        sys.stdout.flush()
    except CleannewsError as exc:
        return _fail(str(exc))
    except FileNotFoundError as exc:
        return _fail(f"no such file: {exc.filename}")
    except OSError as exc:
        if isinstance(exc, BrokenPipeError):
            # The reader went away (``cleannews explain x | head``): not an error.
            # Point stdout at devnull so the interpreter's final flush is quiet.
            devnull = os.open(os.devnull, os.O_WRONLY)
            with contextlib.suppress(OSError, ValueError):
                os.dup2(devnull, sys.stdout.fileno())
            return 0
        where = f"{exc.filename}: " if exc.filename else ""
        return _fail(f"{where}{exc.strerror or exc}")
    except KeyboardInterrupt:
        return 130
    except Exception as exc:
        if args.traceback:
            raise
        return _fail(
            f"unexpected {type(exc).__name__}: {exc} (this is a bug in cleannews or a plugin; "
            f"rerun with '{PROG} --traceback ...' and report it)"
        )
    return code


__all__ = ["build_parser", "main", "result_schema_json"]
