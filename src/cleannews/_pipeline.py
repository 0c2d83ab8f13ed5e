"""The pipeline: raw page → segment → detect → resolve → select → result."""

from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any, Literal

import regex

from ._block_model import MODEL_FORMS, BlockModel, default_block_models, rerank
from ._decode import decode_bytes, decode_html_bytes, peek_text
from ._errors import (
    CleannewsError,
    ConfigError,
    DetectorError,
    InputTooLargeError,
    UnsupportedFormatError,
)
from ._features import RawBlock, build_page
from ._kinds import BlockKind
from ._language import StopwordIndex, default_stopwords
from ._models import CleanResult, ResultBlock, Verdict, trusted, trusted_factory
from ._page import Page
from ._registry import DetectorRegistry, installed_registry
from ._resolve import THRESHOLDS, UNDER_MODEL, gather_evidence, resolve
from ._segment_html import HtmlPage, segment_html, with_meta
from ._segment_text import segment_text
from ._select import select
from ._settings import Limits, Precision
from .detectors._base import Detector

InputFormat = Literal["auto", "text", "html"]

#: Probability from which the block model keeps a block, per precision setting.
#: On the trafilatura-eval dumps: 0.7 gives P 0.92 / R 0.82, 0.5 gives P 0.87 /
#: R 0.90, 0.3 gives P 0.82 / R 0.94; a narrower spread barely moved either.
MODEL_THRESHOLDS: dict[str, float] = {"high": 0.7, "balanced": 0.5, "recall": 0.3}

def _verdict_order(v: Verdict) -> tuple[float, str, int]:
    return (-v.confidence, v.code, v.block)


#: Result blocks are built from the pipeline's own values: no validation needed.
_new_result_block = trusted_factory(ResultBlock)

#: A page that opens with markup is HTML: a leading BOM, XML declaration or
#: comments, then the doctype or one of the elements pages start with. A
#: known element list rather than any ``<word``: a dump may open with "<3".
_HTML_START = regex.compile(
    r"\ufeff?\s*(?:<\?xml[^>]{0,200}>\s*)?(?:<!--.*?-->\s*)*"
    r"<(?:!doctype\s+html|html|head|body|meta|title|link|script|style|base|noscript|"
    r"template|div|p|span|a|table|section|article|header|nav|main|ul|ol|h[1-6]|form|"
    r"img|iframe|!--)(?=[\s/>])",
    regex.IGNORECASE | regex.DOTALL,
)
#: Document-level markup further in (junk before ``<html>``).
_HTML_DOCUMENT_TAG = regex.compile(
    r"<(?:!doctype\s+html|html|head|body)(?=[\s>])", regex.IGNORECASE
)
_TAG = regex.compile(r"</?[a-zA-Z][a-zA-Z0-9]*\b[^<>]{0,500}>")
#: Share of characters inside tags that makes a page without a markup start
#: HTML. Dumps of pages that quote markup (comment-form help listing allowed
#: tags, a code sample of a form) reach 28% in the dev corpus; HTML proper is
#: well over half markup.
_MIN_MARKUP_SHARE = 0.5
#: Document-level tags count only with at least this many tags per kilobyte.
_MIN_TAGS_PER_KB = 2.0


def sniff_format(text: str) -> Literal["text", "html"]:
    """Tell an HTML page from a text dump by its first kilobytes.

    HTML when the page opens with markup, or carries document-level tags
    (``<html>``, ``<body>`` …) amid dense markup, or is mostly markup. Tags
    quoted in prose ("you may use these HTML tags: <a> <b> …") are not enough.
    """
    head = text[:8192]
    if _HTML_START.match(head):
        return "html"
    tags = _TAG.findall(head)
    if not tags:
        return "text"
    per_kb = len(tags) / max(1.0, len(head) / 1024)
    if per_kb >= _MIN_TAGS_PER_KB and _HTML_DOCUMENT_TAG.search(head):
        return "html"
    if sum(map(len, tags)) / len(head) >= _MIN_MARKUP_SHARE:
        return "html"
    return "text"


class Pipeline:
    """A configured cleaner. Immutable once built; safe to share between threads.

    >>> pipeline = Pipeline()                              # the default detectors
    >>> pipeline = Pipeline(disable=["share"])             # all but one
    >>> pipeline = Pipeline(["teaser", "newsletter"])       # a chosen list
    >>> pipeline = Pipeline(settings={"teaser": {"max_lede_blocks": 2}})
    >>> pipeline = Pipeline().with_detectors(MyDetector())  # add your own
    """

    def __init__(
        self,
        detectors: Sequence[str | Detector] | None = None,
        *,
        disable: Iterable[str] = (),
        settings: Mapping[str, Mapping[str, Any]] | None = None,
        precision: Precision = "balanced",
        limits: Limits | None = None,
        registry: DetectorRegistry | None = None,
        stopwords: StopwordIndex | None = None,
        block_model: BlockModel
        | Mapping[str, BlockModel]
        | Literal["default"]
        | None = "default",
    ) -> None:
        if precision not in THRESHOLDS:
            raise ConfigError(
                f"precision must be one of {sorted(THRESHOLDS)}, not {precision!r}"
            )
        self.registry = registry if registry is not None else installed_registry()
        settings = dict(settings or {})
        for name in settings:
            if name not in self.registry:
                raise ConfigError(
                    f"settings given for unknown detector {name!r}; "
                    f"known detectors: {', '.join(sorted(self.registry.names()))}"
                )
        chosen: Sequence[str | Detector] = (
            self.registry.names() if detectors is None else detectors
        )
        disabled = set(disable)
        unknown = disabled - set(self.registry.names()) - {
            d.name for d in chosen if isinstance(d, Detector)
        }
        if unknown:
            raise ConfigError(f"cannot disable unknown detector(s): {', '.join(sorted(unknown))}")
        built: list[Detector] = []
        for item in chosen:
            if isinstance(item, Detector):
                detector = item
            elif isinstance(item, str):
                detector = self.registry.create(item, settings.get(item))
            else:
                raise ConfigError(f"expected a detector name or Detector, got {item!r}")
            if detector.name not in disabled:
                built.append(detector)
        names = [d.name for d in built]
        if len(set(names)) != len(names):
            raise ConfigError(f"a detector is listed twice: {names}")
        self.detectors: tuple[Detector, ...] = tuple(built)
        self.precision: Precision = precision
        self.limits = limits if limits is not None else Limits()
        self.stopwords = stopwords if stopwords is not None else default_stopwords()
        #: The learned last stage, per input form (``None``: the rules alone decide).
        self.block_models: Mapping[str, BlockModel] | None
        if block_model == "default":
            self.block_models = default_block_models()
        elif isinstance(block_model, BlockModel):
            self.block_models = dict.fromkeys(MODEL_FORMS, block_model)
        else:
            self.block_models = block_model

    def __repr__(self) -> str:
        names = ", ".join(d.name for d in self.detectors)
        return f"Pipeline([{names}], precision={self.precision!r})"

    @property
    def detector_names(self) -> tuple[str, ...]:
        """Names of the detectors this pipeline runs, in order."""
        return tuple(d.name for d in self.detectors)

    def with_detectors(self, *detectors: Detector) -> Pipeline:
        """A copy of this pipeline with ``detectors`` appended."""
        return self._copy([*self.detectors, *detectors])

    def without(self, *names: str) -> Pipeline:
        """A copy of this pipeline without the named detectors."""
        missing = set(names) - set(self.detector_names)
        if missing:
            raise ConfigError(f"pipeline has no detector(s) named {', '.join(sorted(missing))}")
        return self._copy([d for d in self.detectors if d.name not in names])

    def _copy(self, detectors: Sequence[Detector]) -> Pipeline:
        return Pipeline(
            detectors,
            precision=self.precision,
            limits=self.limits,
            registry=self.registry,
            stopwords=self.stopwords,
            block_model=self.block_models,
        )

    # -- running ---------------------------------------------------------

    def segment(
        self, page: str | bytes, *, url: str | None = None, format: InputFormat = "auto"
    ) -> tuple[Page, str | None]:
        """Decode and segment ``page`` without running detectors."""
        if format not in ("auto", "text", "html"):
            raise UnsupportedFormatError(f"format must be 'auto', 'text' or 'html', not {format!r}")
        encoding = None
        resolved = format
        if isinstance(page, (bytes, bytearray, memoryview)):
            data = bytes(page)
            if resolved == "auto":
                resolved = sniff_format(peek_text(data))
            if resolved == "html":
                text, encoding = decode_html_bytes(data)
            else:
                text, encoding = decode_bytes(data)
        elif isinstance(page, str):
            text = page
        else:
            raise TypeError(f"page must be str or bytes, not {type(page).__name__}")
        if len(text) > self.limits.max_input_chars:
            raise InputTooLargeError(
                f"page has {len(text):,} characters, over the limit of "
                f"{self.limits.max_input_chars:,}; raise Limits.max_input_chars to accept it"
            )
        if resolved == "auto":
            resolved = sniff_format(text)
        if resolved == "html":
            html = segment_html(text)
            raws = self._within_block_limit(html.blocks)
            language = html.meta.language
            if language not in self.stopwords.by_language:
                language = None
            page_html = build_page(
                html.source, raws, self.stopwords, page_format="html", url=url
            )
            if page_html.language is None and language is not None:
                page_html = build_page(
                    html.source, raws, self.stopwords, page_format="html", url=url,
                    language=language,
                )
            return with_meta(page_html, html.meta), encoding
        raws = self._within_block_limit(segment_text(text))
        return build_page(text, raws, self.stopwords, page_format="text", url=url), encoding

    def _within_block_limit(self, raws: list[RawBlock]) -> list[RawBlock]:
        """``raws`` unchanged, or a clear error: a page is never silently cut."""
        if len(raws) > self.limits.max_blocks:
            raise InputTooLargeError(
                f"page has {len(raws):,} blocks, over the limit of "
                f"{self.limits.max_blocks:,}; raise Limits.max_blocks to accept it"
            )
        return raws

    def detect(self, page: Page) -> list[Verdict]:
        """Run every detector over ``page`` and collect their verdicts."""
        verdicts: list[Verdict] = []
        n = len(page.blocks)
        for detector in self.detectors:
            try:
                found = list(detector.detect(page))
            except CleannewsError:
                raise
            except Exception as exc:
                raise DetectorError(detector.name, exc) from exc
            for v in found:
                if not 0 <= v.block < n or not v.block <= v.last_block < n:
                    raise DetectorError(
                        detector.name, IndexError(f"verdict for block {v.block} outside 0..{n - 1}")
                    )
            verdicts.extend(found)
        return verdicts

    def clean(
        self, page: str | bytes, *, url: str | None = None, format: InputFormat = "auto"
    ) -> CleanResult:
        """Clean one page and explain every block of it."""
        segmented, encoding = self.segment(page, url=url, format=format)
        verdicts = self.detect(segmented)
        # With the block model, the rules always run as trained (UNDER_MODEL)
        # and precision moves only the model's threshold: the blocks kept at
        # "high" are then a subset of those kept at "balanced", and those of
        # "recall" a superset, by construction.
        model = None if self.block_models is None else self.block_models.get(segmented.format)
        rules = UNDER_MODEL if model is not None else THRESHOLDS[self.precision]
        evidence = gather_evidence(segmented, verdicts, rules)
        decisions = resolve(segmented, verdicts, rules, evidence)
        selection = select(segmented, decisions, verdicts)
        final = selection.decisions
        if model is not None:
            final = rerank(segmented, evidence, final, model, MODEL_THRESHOLDS[self.precision])

        by_block: dict[int, list[Verdict]] = {}
        # Most confident first, then by code: independent of detector order.
        for v in sorted(verdicts, key=_verdict_order):
            for i in range(v.block, v.last_block + 1):
                by_block.setdefault(i, []).append(v)
        no_verdicts: tuple[Verdict, ...] = ()
        new_block = _new_result_block
        blocks = tuple(
            [
                new_block(
                    {
                        "index": b.index,
                        "text": b.text,
                        "start": b.start,
                        "end": b.end,
                        "kind": d.kind,
                        "kept": d.kept,
                        "decided_by": d.decided_by,
                        "reason": d.reason,
                        "verdicts": (
                            tuple(by_block[b.index]) if b.index in by_block else no_verdicts
                        ),
                    }
                )
                for b, d in zip(segmented.blocks, final, strict=True)
            ]
        )
        meta = segmented.meta if isinstance(segmented, HtmlPage) else None
        body = [b.text for b, d in zip(segmented.blocks, final, strict=True) if d.kept]
        return trusted(
            CleanResult,
            {
                "text": "\n\n".join(body),
                "title": selection.title
                if selection.title is not None or meta is None
                else meta.title,
                "byline": selection.byline
                if selection.byline is not None or meta is None
                else meta.byline,
                "language": segmented.language,
                "url": url,
                "format": segmented.format,
                "encoding": encoding,
                "source": segmented.source,
                "blocks": blocks,
                "authors": meta.authors if meta is not None else (),
                "date": meta.date if meta is not None else None,
                "canonical_url": meta.canonical_url if meta is not None else None,
            },
        )

    def clean_many(
        self, pages: Iterable[str | bytes], *, format: InputFormat = "auto"
    ) -> Iterator[CleanResult]:
        """Clean ``pages`` lazily, one result per page, in order."""
        for page in pages:
            yield self.clean(page, format=format)


@functools.lru_cache(maxsize=1)
def default_pipeline() -> Pipeline:
    """The default pipeline, built once: building reads the installed plugins.

    Cached because :func:`clean` is called once per page; a :class:`Pipeline`
    is immutable, so sharing it is safe.
    """
    return Pipeline()


def clean(
    page: str | bytes, *, url: str | None = None, format: InputFormat = "auto"
) -> CleanResult:
    """Clean one page with the default pipeline. See :meth:`Pipeline.clean`."""
    return default_pipeline().clean(page, url=url, format=format)


__all__ = ["BlockKind", "Pipeline", "clean", "default_pipeline", "sniff_format"]
