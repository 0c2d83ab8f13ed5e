"""The pipeline as users drive it: choosing detectors, settings, precision, inputs, limits."""

from __future__ import annotations

import gzip
import math
from collections.abc import Iterable
from pathlib import Path

import pytest

import cleannews
from cleannews import (
    BlockKind,
    ConfigError,
    DecodeError,
    DetectorError,
    InputTooLargeError,
    Limits,
    Page,
    Pipeline,
    UnsupportedFormatError,
    Verdict,
    detector_from_function,
)
from cleannews._block_model import FEATURES, BlockModel
from cleannews.detectors import BUILTIN_DETECTORS

ROOT = Path(__file__).resolve().parents[1]
SEED = (ROOT / "tests" / "fixtures" / "syria-putin.txt").read_text(encoding="utf-8")
CORPUS_DUMPS = ROOT.parent / "shared" / "data" / "trafilatura-eval" / "dumps"

#: Prose that ends without sentence punctuation, in blocks of decreasing
#: length: exactly the borderline material the precision setting arbitrates.
BORDERLINE = """\
Harbour Reopens After Storm Repairs

The harbour reopened to fishing boats on Friday after three weeks of repairs to the sea wall, \
which was breached during the storm at the start of the month.

Crews worked day and night to rebuild the damaged section, and the first boats left before dawn \
to make up for the lost weeks at sea.

The port authority said that a second phase of the works, to raise the height of the wall by \
half a metre, would begin in the spring and last until the end of the summer season

and the work on the wall of the harbour is to go on for the rest of the year

all of it in the hands of the town and its people
"""

#: A section front: headlines, a most-read list, a footer. No article.
HEADLINES = """\
World News

Floods Sweep Through Northern Towns As Rivers Burst Their Banks
Read more

Central Bank Holds Interest Rates Steady For Third Month
Read more

Election Count Enters Second Day With Result Still Unclear
Read more

Most read
1. Storm warning issued for the coast
2. Minister resigns over expenses
3. Local team wins the cup

© 2024 Example News. All rights reserved.
"""

MENU = "Home\nNews\nWorld\nBusiness\nSport\nCulture\nWeather\n\nAbout us\nContact\nPrivacy policy\n"

COOKIE_WALL = """\
We value your privacy

We and our partners use cookies and similar technologies to store and access information on \
your device, to personalise content and ads, and to measure audience. You can accept or reject \
these uses or change your settings at any time.

Accept all
Reject all
Manage settings
"""


HTML_PAGE = """\
<!DOCTYPE html><html><head><title>Harbour Reopens After Storm Repairs</title></head><body>
<nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav>
<article><h1>Harbour Reopens After Storm Repairs</h1>
<p>The harbour reopened to fishing boats on Friday after three weeks of repairs to the sea wall,
which was breached during the storm at the start of the month.</p>
<p>Crews worked day and night to rebuild the damaged section, and the first boats left before
dawn to make up for the lost weeks at sea.</p></article>
<footer>© 2024 Example Media</footer></body></html>
"""


def _kept(result: cleannews.CleanResult) -> set[int]:
    return {b.index for b in result.kept}


def _flag(text: str, code: str, confidence: float, kind: BlockKind = BlockKind.BOILERPLATE):
    """A function detector flagging the blocks that contain ``text``."""

    def detect(page: Page) -> Iterable[Verdict]:
        return [
            Verdict(
                detector=code.split(".")[0],
                block=b.index,
                kind=kind,
                code=code,
                reason=f"contains {text!r}",
                confidence=confidence,
            )
            for b in page.blocks
            if text in b.text
        ]

    return detector_from_function(code.split(".")[0], detect)


# -- building pipelines ----------------------------------------------------------


def test_default_pipeline_runs_every_builtin_in_order() -> None:
    names = tuple(cls.name for cls in BUILTIN_DETECTORS)
    assert Pipeline().detector_names[: len(names)] == names
    assert Pipeline(registry=cleannews.builtin_registry()).detector_names == names
    assert len(set(names)) == len(names)


def test_disable_removes_exactly_the_named_detectors() -> None:
    full = Pipeline().detector_names
    pipeline = Pipeline(disable=["teaser", "share"])
    assert pipeline.detector_names == tuple(n for n in full if n not in {"teaser", "share"})
    result = pipeline.clean(SEED)
    assert not any(v.detector == "teaser" for b in result.blocks for v in b.verdicts)
    assert "teaser.keep_reading" in {
        v.code for b in cleannews.clean(SEED).blocks for v in b.verdicts
    }
    assert (
        Pipeline().without("teaser").detector_names == Pipeline(disable=["teaser"]).detector_names
    )


def test_chosen_list_runs_only_those_detectors_in_that_order() -> None:
    pipeline = Pipeline(["caption", "teaser"])
    assert pipeline.detector_names == ("caption", "teaser")
    detectors = {v.detector for b in pipeline.clean(SEED).blocks for v in b.verdicts}
    assert detectors == {"caption", "teaser"}
    assert Pipeline([]).detector_names == ()


@pytest.mark.parametrize(
    "kwargs, message",
    [
        ({"settings": {"no_such_detector": {}}}, "unknown detector 'no_such_detector'"),
        ({"settings": {"teaser": {"max_lede_blokcs": 2}}}, "max_lede_blokcs"),
        ({"settings": {"teaser": {"max_lede_blocks": "many"}}}, "max_lede_blocks"),
        ({"disable": ["no_such_detector"]}, "no_such_detector"),
        ({"detectors": ["no_such_detector"]}, "unknown detector 'no_such_detector'"),
        ({"detectors": ["teaser", "teaser"]}, "listed twice"),
        ({"precision": "extreme"}, "precision must be one of"),
    ],
)
def test_configuration_mistakes_are_config_errors(kwargs: dict[str, object], message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        Pipeline(**kwargs)  # type: ignore[arg-type]


def test_settings_reach_the_detector() -> None:
    pipeline = Pipeline(settings={"teaser": {"max_lede_blocks": 0}})
    teaser = next(d for d in pipeline.detectors if d.name == "teaser")
    assert teaser.config.max_lede_blocks == 0  # type: ignore[attr-defined]
    with pytest.raises(ConfigError):
        Pipeline().without("no_such_detector")


def test_added_function_detector_decides_with_its_code() -> None:
    target = "On Russian television, Putin lauded"
    assert target in cleannews.clean(SEED).text
    pipeline = Pipeline().with_detectors(_flag(target, "house_style.praise", 0.9))
    assert pipeline.detector_names[-1] == "house_style"
    result = pipeline.clean(SEED)
    [block] = [b for b in result.blocks if target in b.text]
    assert not block.kept
    assert block.decided_by == "house_style.praise"
    assert [v.code for v in block.verdicts] == ["house_style.praise"]
    assert target not in result.text


def test_detector_failures_are_detector_errors() -> None:
    def broken(page: Page) -> Iterable[Verdict]:
        raise RuntimeError("oops")

    def out_of_range(page: Page) -> Iterable[Verdict]:
        return [
            Verdict(
                detector="far",
                block=len(page.blocks),
                kind=BlockKind.BOILERPLATE,
                code="far.away",
                reason="r",
                confidence=1.0,
            )
        ]

    with pytest.raises(DetectorError, match=r"'broken'.*oops"):
        Pipeline([]).with_detectors(detector_from_function("broken", broken)).clean(SEED)
    with pytest.raises(DetectorError, match="'far'"):
        Pipeline([]).with_detectors(detector_from_function("far", out_of_range)).clean(SEED)


# -- precision -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "page", [SEED, BORDERLINE, HEADLINES], ids=["seed", "borderline", "headlines"]
)
def test_precision_is_monotonic(page: str) -> None:
    high, balanced, recall = (
        Pipeline(precision=p).clean(page) for p in ("high", "balanced", "recall")
    )
    assert _kept(high) <= _kept(balanced) <= _kept(recall)
    assert len(high.text) <= len(balanced.text) <= len(recall.text)


def test_precision_arbitrates_borderline_blocks() -> None:
    """With the block model, precision is the probability a block needs to be kept."""
    unsure = BlockModel(weights=(0.0,) * len(FEATURES), bias=math.log(0.6 / 0.4))  # p = 0.6
    high, balanced, recall = (
        Pipeline(precision=p, block_model=unsure).clean(BORDERLINE)
        for p in ("high", "balanced", "recall")
    )
    assert high.kept == ()
    assert {b.decided_by for b in high.discarded} >= {"model.drop"}
    assert balanced.kept and _kept(balanced) == _kept(recall)
    rules_only = Pipeline(block_model=None).clean(BORDERLINE)
    assert _kept(rules_only) <= _kept(balanced)


def test_precision_sets_how_sure_a_verdict_must_be() -> None:
    """A verdict of middling confidence removes a block in 'high' but not in 'recall'."""
    target = "Crews worked day and night"
    results = {
        p: Pipeline(precision=p)
        .with_detectors(_flag(target, "unsure.maybe", 0.6))
        .clean(BORDERLINE)
        for p in ("high", "recall")
    }
    assert target not in results["high"].text
    assert target in results["recall"].text


def test_precision_is_monotonic_on_the_development_corpus() -> None:
    """On every dump of the dev corpus, 'high' keeps no more blocks than 'recall'."""
    paths = sorted(CORPUS_DUMPS.glob("*.txt.gz")) if CORPUS_DUMPS.is_dir() else []
    if not paths:
        pytest.skip("development corpus not available")
    high, recall = Pipeline(precision="high"), Pipeline(precision="recall")
    worse = []
    for path in paths:
        page = gzip.decompress(path.read_bytes()).decode("utf-8")
        n_high = len(high.clean(page, format="text").kept)
        n_recall = len(recall.clean(page, format="text").kept)
        if n_high > n_recall:
            worse.append((path.name, n_high, n_recall))
    assert not worse, f"'high' keeps more blocks than 'recall' on {len(worse)} pages: {worse[:5]}"


# -- pages without an article ------------------------------------------------------------


@pytest.mark.parametrize("page", ["", "   ", "\n\n\r\n\t \u00a0\n"])
def test_empty_page_gives_empty_result(page: str) -> None:
    result = cleannews.clean(page)
    assert result.text == ""
    assert result.blocks == ()
    assert result.title is None and result.byline is None


@pytest.mark.parametrize("page", [HEADLINES, MENU], ids=["headlines", "menu"])
def test_page_without_article_gives_empty_text_and_explains_every_block(page: str) -> None:
    result = cleannews.clean(page)
    assert result.text == ""
    assert result.blocks
    assert not result.kept
    for block in result.blocks:
        assert block.decided_by and block.reason
        assert block.kind is not BlockKind.ARTICLE


def test_cookie_wall_is_not_an_article() -> None:
    result = cleannews.clean(COOKIE_WALL)
    assert result.text == ""
    assert all(b.decided_by and b.reason for b in result.blocks)


# -- input -----------------------------------------------------------------------------


def test_bytes_are_decoded() -> None:
    from_str = cleannews.clean(SEED)
    from_bytes = cleannews.clean(SEED.encode("utf-8"))
    assert from_bytes.encoding == "utf-8" and from_str.encoding is None
    assert from_bytes.model_copy(update={"encoding": None}) == from_str
    with_bom = cleannews.clean(b"\xef\xbb\xbf" + SEED.encode("utf-8"))
    assert with_bom.text == from_str.text


def test_legacy_encoding_is_decoded() -> None:
    page = "Café naïve “quoted” text, in Windows-1252. " * 5
    result = cleannews.clean(page.encode("cp1252"))
    assert result.encoding == "cp1252"
    assert result.source == page


def test_binary_bytes_are_a_decode_error() -> None:
    with pytest.raises(DecodeError):
        cleannews.clean(bytes(range(32)) * 100)
    assert issubclass(DecodeError, cleannews.InputError)


def test_non_text_input_is_a_type_error() -> None:
    with pytest.raises(TypeError):
        cleannews.clean(12345)  # type: ignore[arg-type]


@pytest.mark.parametrize("fmt", ["pdf", "TEXT", ""])
def test_unsupported_formats_raise(fmt: str) -> None:
    with pytest.raises(UnsupportedFormatError, match="format must be"):
        cleannews.clean(SEED, format=fmt)  # type: ignore[arg-type]


def test_html_is_sniffed_and_its_spans_index_the_linearised_source() -> None:
    for fmt in ("auto", "html"):
        result = cleannews.clean(HTML_PAGE, format=fmt)  # type: ignore[arg-type]
        assert result.format == "html"
        assert result.title == "Harbour Reopens After Storm Repairs"
        assert result.text.startswith("The harbour reopened to fishing boats")
        assert "Home" not in result.text
        for block in result.blocks:
            assert result.source[block.start : block.end] == block.text


def test_text_format_is_honoured_even_for_markup() -> None:
    result = cleannews.clean("<p>Hello there</p>", format="text")
    assert result.format == "text"
    assert result.blocks[0].text == "<p>Hello there</p>"


def test_input_size_limit() -> None:
    pipeline = Pipeline(limits=Limits(max_input_chars=100))
    with pytest.raises(InputTooLargeError, match="100"):
        pipeline.clean("x" * 101)
    assert pipeline.clean("x" * 100).source == "x" * 100


def test_block_limit_is_a_clear_error_not_a_silent_cut() -> None:
    page = "\n\n".join(f"Paragraph number {i} of the page." for i in range(10))
    with pytest.raises(InputTooLargeError, match="max_blocks"):
        Pipeline(limits=Limits(max_blocks=3)).clean(page)
    assert len(Pipeline(limits=Limits(max_blocks=10)).clean(page).blocks) == 10


def test_url_is_recorded() -> None:
    assert cleannews.clean(SEED, url="https://example.org/x").url == "https://example.org/x"


def test_clean_many_keeps_order() -> None:
    pages = [SEED, "", BORDERLINE]
    results = list(Pipeline().clean_many(pages))
    assert [r.source for r in results] == pages


# -- detector order ------------------------------------------------------------------------


def test_detector_order_does_not_change_decisions() -> None:
    names = Pipeline().detector_names
    forward = Pipeline(list(names)).clean(SEED)
    backward = Pipeline(list(reversed(names))).clean(SEED)
    assert forward.text == backward.text
    for a, b in zip(forward.blocks, backward.blocks, strict=True):
        assert (a.kind, a.kept, a.decided_by, a.reason) == (b.kind, b.kept, b.decided_by, b.reason)
        assert sorted(a.verdicts, key=repr) == sorted(b.verdicts, key=repr)


def test_equal_confidence_ties_do_not_depend_on_detector_order() -> None:
    target = "On Russian television, Putin lauded"
    a = _flag(target, "alpha.x", 0.9, BlockKind.ADVERTISEMENT)
    b = _flag(target, "beta.y", 0.9, BlockKind.SHARE)
    one = Pipeline([]).with_detectors(a, b).clean(SEED)
    two = Pipeline([]).with_detectors(b, a).clean(SEED)
    [x] = [blk for blk in one.blocks if target in blk.text]
    [y] = [blk for blk in two.blocks if target in blk.text]
    assert (x.kind, x.decided_by) == (y.kind, y.decided_by)


def test_detector_order_does_not_change_the_result() -> None:
    names = Pipeline().detector_names
    assert Pipeline(list(names)).clean(SEED) == Pipeline(list(reversed(names))).clean(SEED)
