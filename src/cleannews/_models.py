"""The typed result of cleaning a page: frozen pydantic models that round-trip JSON."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from pydantic import BaseModel, ConfigDict, Field

from ._kinds import BlockKind

_M = TypeVar("_M", bound=BaseModel)


def trusted(cls: type[_M], values: dict[str, Any]) -> _M:
    """Build a model from values the pipeline itself produced, skipping validation.

    ``model_validate`` costs a few microseconds per block and ``model_construct``
    about as much in Python; a page has a hundred blocks and a corpus millions
    of pages. This does what ``model_construct`` does for a complete set of
    fields, nothing more. ``tests/test_models.py`` checks that the result equals
    a validated one, so a pydantic change that breaks it cannot go unnoticed.
    """
    return trusted_factory(cls)(values)


def trusted_factory(cls: type[_M]) -> Callable[[dict[str, Any]], _M]:
    """A fast constructor for ``cls`` from complete, already valid field values.

    All instances share one fields-set (every field is set): pydantic copies
    it before changing it (``model_copy``), and frozen models never do.
    """
    new = cls.__new__
    set_attr = object.__setattr__
    fields_set = set(cls.model_fields)

    def build(values: dict[str, Any]) -> _M:
        obj = new(cls)
        set_attr(obj, "__dict__", values)
        set_attr(obj, "__pydantic_fields_set__", fields_set)
        set_attr(obj, "__pydantic_extra__", None)
        set_attr(obj, "__pydantic_private__", None)
        return obj

    return build



class Verdict(BaseModel):
    """What one detector says about one block (or a run of blocks).

    ``code`` is stable and starts with the detector's name
    (``teaser.keep_reading``): tests, statistics and filters may rely on it.
    ``reason`` is for people and may change between versions.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    detector: str = Field(description="Name of the detector that emitted the verdict.")
    block: int = Field(ge=0, description="Index of the first block concerned.")
    end_block: int | None = Field(
        default=None, ge=0, description="Index of the last block concerned, for a run of blocks."
    )
    kind: BlockKind = Field(description="What the detector thinks the block is.")
    code: str = Field(description="Stable reason code, prefixed by the detector name.")
    reason: str = Field(description="Human-readable explanation.")
    confidence: float = Field(ge=0.0, le=1.0, description="How sure the detector is.")

    @property
    def last_block(self) -> int:
        """Index of the last block concerned (``block`` for a single-block verdict)."""
        return self.block if self.end_block is None else self.end_block


class ResultBlock(BaseModel):
    """One block of the input with the decision taken about it and why."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    index: int = Field(ge=0)
    text: str = Field(description="The block's text, whitespace collapsed.")
    start: int = Field(ge=0, description="Start offset of the block in the segmented source.")
    end: int = Field(ge=0, description="End offset (exclusive) of the block in the source.")
    kind: BlockKind
    kept: bool = Field(description="Whether the block is part of the article body.")
    decided_by: str = Field(description="Reason code of the rule or verdict that decided.")
    reason: str = Field(description="Human-readable explanation of the decision.")
    verdicts: tuple[Verdict, ...] = Field(default=(), description="Every verdict on this block.")


class CleanResult(BaseModel):
    """The cleaned article and a full account of every block of the page.

    ``text`` is the article body: kept blocks joined by one blank line. A page
    without an article yields an empty ``text`` and still explains every block.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    text: str = Field(description="Article body, paragraphs joined by a blank line.")
    title: str | None = None
    byline: str | None = None
    language: str | None = Field(default=None, description="Guessed ISO 639-1 language code.")
    url: str | None = None
    format: str = Field(description="'text' or 'html': how the input was read.")
    encoding: str | None = Field(
        default=None, description="Encoding used to decode bytes input (None for str)."
    )
    source: str = Field(
        description="The segmented text the block spans index: the input itself for a dump."
    )
    blocks: tuple[ResultBlock, ...] = ()
    # Metadata an HTML page states about itself (None/empty for text dumps).
    authors: tuple[str, ...] = Field(
        default=(), description="Authors the page names in its metadata (HTML input)."
    )
    date: str | None = Field(
        default=None,
        description="Publication date as the page states it, usually ISO 8601 (HTML input).",
    )
    canonical_url: str | None = Field(
        default=None, description="The page's canonical URL, from its metadata (HTML input)."
    )

    @property
    def discarded(self) -> tuple[ResultBlock, ...]:
        """Blocks that are not part of the article body (title and byline included)."""
        return tuple(b for b in self.blocks if not b.kept)

    @property
    def kept(self) -> tuple[ResultBlock, ...]:
        """Blocks that form the article body."""
        return tuple(b for b in self.blocks if b.kept)

    @property
    def captions(self) -> tuple[str, ...]:
        """Captions and photo credits found on the page, removed from the body."""
        wanted = (BlockKind.CAPTION, BlockKind.PHOTO_CREDIT)
        return tuple(b.text for b in self.blocks if b.kind in wanted)

    def discarded_counts(self) -> dict[str, int]:
        """Number of discarded blocks per kind, for statistics."""
        counts: dict[str, int] = {}
        for b in self.blocks:
            if not b.kept:
                counts[b.kind.value] = counts.get(b.kind.value, 0) + 1
        return counts
