"""The command line: ``main([...])`` run in-process, output captured."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

import cleannews
from cleannews.cli import main

FIXTURES = Path(__file__).parent / "fixtures"
SEED = FIXTURES / "syria-putin.txt"


@pytest.fixture()
def no_colour_env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.delenv("TERM", raising=False)


def _stdin(monkeypatch: pytest.MonkeyPatch, data: bytes) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))


def test_clean_prints_the_article(capsys: pytest.CaptureFixture[str]) -> None:
    expected = cleannews.clean(SEED.read_bytes())
    assert main(["clean", str(SEED)]) == 0
    out, err = capsys.readouterr()
    assert out == expected.text + "\n"
    assert err == ""


def test_clean_with_title_puts_the_title_first(capsys: pytest.CaptureFixture[str]) -> None:
    expected = cleannews.clean(SEED.read_bytes())
    assert expected.title
    assert main(["clean", "--with-title", str(SEED)]) == 0
    out = capsys.readouterr().out
    assert out == f"{expected.title}\n\n{expected.text}\n"


def test_clean_json_parses_as_a_clean_result(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["clean", "--json", "--url", "https://example.org/a", str(SEED)]) == 0
    result = cleannews.CleanResult.model_validate_json(capsys.readouterr().out)
    assert result == cleannews.clean(SEED.read_bytes(), url="https://example.org/a")
    assert result.url == "https://example.org/a"


def test_clean_reads_standard_input(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    _stdin(monkeypatch, SEED.read_bytes())
    assert main(["clean", "-"]) == 0
    assert capsys.readouterr().out == cleannews.clean(SEED.read_bytes()).text + "\n"


def test_clean_options_reach_the_pipeline(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["clean", "--json", "--disable", "teaser", "--disable", "caption", str(SEED)]) == 0
    result = cleannews.CleanResult.model_validate_json(capsys.readouterr().out)
    detectors = {v.detector for b in result.blocks for v in b.verdicts}
    assert detectors, "other detectors still run"
    assert not detectors & {"teaser", "caption"}

    assert main(["clean", "--json", "--precision", "high", str(SEED)]) == 0
    high = cleannews.CleanResult.model_validate_json(capsys.readouterr().out)
    assert high == cleannews.Pipeline(precision="high").clean(SEED.read_bytes())


def test_page_without_article_prints_nothing_and_says_why_on_stderr(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page = tmp_path / "menu.txt"
    page.write_text("Home\n\nNews\n\nSport\n\nWeather\n\nContact\n", encoding="utf-8")
    assert main(["clean", str(page)]) == 0
    out, err = capsys.readouterr()
    assert out == ""
    assert "no article" in err and "explain" in err


def test_explain_shows_every_block_with_its_code(
    capsys: pytest.CaptureFixture[str], no_colour_env: None
) -> None:
    result = cleannews.clean(SEED.read_bytes())
    assert main(["explain", str(SEED)]) == 0
    out = capsys.readouterr().out
    assert "\033[" not in out, "no colour when stdout is not a terminal"
    for block in result.blocks:
        label = "KEEP" if block.kept else "DROP"
        header = f"[{block.index:>3}] {label}  {block.kind.value:<17} {block.decided_by}:"
        assert header in out
    assert "teaser.keep_reading" in out
    assert f"{len(result.blocks)} blocks: {len(result.kept)} kept" in out


def test_explain_truncates_long_blocks_to_the_width(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["explain", "--width", "60", str(SEED)]) == 0
    text_lines = [
        line for line in capsys.readouterr().out.splitlines() if line.startswith("      ")
    ]
    assert text_lines
    assert max(len(line) for line in text_lines) <= 60
    assert any(line.endswith("…") for line in text_lines)


def test_explain_verdicts_lists_every_verdict(capsys: pytest.CaptureFixture[str]) -> None:
    result = cleannews.clean(SEED.read_bytes())
    assert main(["explain", "--verdicts", "--width", "200", str(SEED)]) == 0
    out = capsys.readouterr().out
    for verdict in (v for b in result.blocks for v in b.verdicts):
        assert f"- {verdict.code} {verdict.confidence:.2f}" in out


def test_explain_colours_only_when_asked_or_on_a_terminal(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, no_colour_env: None
) -> None:
    assert main(["explain", "--color", "always", str(SEED)]) == 0
    coloured = capsys.readouterr().out
    assert "\033[32m" in coloured and "\033[31m" in coloured

    class FakeTerminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    terminal = FakeTerminal()
    monkeypatch.setattr(sys, "stdout", terminal)
    assert main(["explain", str(SEED)]) == 0
    assert "\033[32m" in terminal.getvalue()

    terminal = FakeTerminal()
    monkeypatch.setattr(sys, "stdout", terminal)
    monkeypatch.setenv("NO_COLOR", "1")
    assert main(["explain", str(SEED)]) == 0
    assert "\033[" not in terminal.getvalue()


def test_detectors_lists_the_registry(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["detectors"]) == 0
    out = capsys.readouterr().out
    listed = [line.split()[0] for line in out.splitlines() if not line.startswith(" ")]
    assert listed == list(cleannews.installed_registry().names())
    assert "options: max_unit_blocks=6" in out

    assert main(["detectors", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [d["name"] for d in data] == listed
    assert {d["origin"] for d in data} <= {"built-in", "plugin"}


def test_missing_file_is_a_one_line_error(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    missing = tmp_path / "nope.txt"
    assert main(["clean", str(missing)]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert err == f"cleannews: error: no such file: {missing}\n"


def test_directory_is_a_one_line_error(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert main(["clean", str(tmp_path)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("cleannews: error:") and err.count("\n") == 1


def test_unknown_detector_is_a_clear_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["clean", "--disable", "teasr", str(SEED)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "'teasr'" in err and "known detectors:" in err and "teaser" in err


def test_binary_input_is_a_decode_error(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    _stdin(monkeypatch, bytes(range(32)) * 100)
    assert main(["explain", "-"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("cleannews: error:") and "binary" in err
    assert "Traceback" not in err


def test_format_option_chooses_how_the_page_is_read(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    page = b"<html><body><p>Hello <b>there</b></p></body></html>"
    _stdin(monkeypatch, page)
    assert main(["clean", "--json", "-"]) == 0
    assert cleannews.CleanResult.model_validate_json(capsys.readouterr().out).format == "html"
    _stdin(monkeypatch, page)
    assert main(["clean", "--json", "--format", "text", "-"]) == 0
    as_text = cleannews.CleanResult.model_validate_json(capsys.readouterr().out)
    assert as_text.format == "text"
    assert as_text.source == page.decode()


@pytest.mark.parametrize(
    "argv",
    [
        [],
        ["clean"],
        ["clean", "--precision", "extreme", "x"],
        ["frobnicate"],
        ["clean", "--format", "pdf", "x"],
    ],
)
def test_usage_errors_exit_2(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert "usage:" in err and "error:" in err


def test_unexpected_errors_are_one_line_unless_traceback_requested(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def boom(*args: object, **kwargs: object) -> None:
        raise RuntimeError("kaput")

    monkeypatch.setattr(cleannews.Pipeline, "clean", boom)
    assert main(["clean", str(SEED)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "RuntimeError: kaput" in err and "--traceback" in err
    with pytest.raises(RuntimeError, match="kaput"):
        main(["--traceback", "clean", str(SEED)])


def test_schema_command_prints_the_result_schema(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema"]) == 0
    schema = json.loads(capsys.readouterr().out)
    assert schema["title"] == "CleanResult"
    assert set(schema["properties"]) == set(cleannews.CleanResult.model_fields)


def test_python_dash_m_runs_the_same_command() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "cleannews", "clean", "-"],
        input=SEED.read_bytes(),
        capture_output=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr.decode()
    assert done.stdout.decode("utf-8") == cleannews.clean(SEED.read_bytes()).text + "\n"
