"""Pipeline-wide settings: the precision trade-off and input limits."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

Precision = Literal["high", "balanced", "recall"]


class Limits(BaseModel):
    """Bounds that keep one pathological page from stalling a corpus job."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    #: Pages larger than this (in characters, after decoding) are rejected.
    max_input_chars: int = Field(default=50_000_000, gt=0)
    #: Pages with more blocks than this are rejected with InputTooLargeError.
    max_blocks: int = Field(default=100_000, gt=0)
