"""What a detector is: a named component that reads a page and emits verdicts.

A detector never mutates the page and never depends on another detector: the
resolver alone combines what they say. Two ways to write one:

* subclass :class:`Detector`, set ``name`` (and ``Config`` for settings), and
  implement :meth:`Detector.detect`;
* or wrap a plain function ``detect(page) -> Iterable[Verdict]`` with
  :func:`detector_from_function`.
"""

from __future__ import annotations

import abc
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import Any, ClassVar

import regex
from pydantic import BaseModel, ConfigDict, ValidationError

from .._errors import ConfigError
from .._kinds import BlockKind
from .._models import Verdict, trusted_factory
from .._page import Page

#: Verdicts are built by trusted detector code with checked arguments; the
#: pipeline validates indices after ``detect`` returns.
_new_verdict = trusted_factory(Verdict)


class DetectorConfig(BaseModel):
    """Base of every detector's settings: frozen, and unknown options are an error."""

    model_config = ConfigDict(frozen=True, extra="forbid")


class Detector(abc.ABC):
    """Base class of detectors. Subclasses set :attr:`name` and implement :meth:`detect`."""

    #: Registry name; also the prefix of every reason code the detector emits.
    name: ClassVar[str] = ""
    #: The settings model; override with a subclass of :class:`DetectorConfig`.
    Config: ClassVar[type[DetectorConfig]] = DetectorConfig

    config: DetectorConfig

    def __init__(
        self, config: DetectorConfig | Mapping[str, Any] | None = None, **options: Any
    ) -> None:
        if not self.name:
            raise ConfigError(f"{type(self).__name__} must set a non-empty class attribute 'name'")
        if isinstance(config, DetectorConfig):
            if options:
                raise ConfigError("pass either a config object or keyword options, not both")
            if not isinstance(config, self.Config):
                raise ConfigError(
                    f"detector {self.name!r} expects {self.Config.__name__}, "
                    f"got {type(config).__name__}"
                )
            self.config = config
            return
        merged = {**(config or {}), **options}
        try:
            self.config = self.Config(**merged)
        except ValidationError as exc:
            raise ConfigError(f"invalid settings for detector {self.name!r}: {exc}") from None

    @abc.abstractmethod
    def detect(self, page: Page) -> Iterable[Verdict]:
        """Return verdicts about blocks of ``page``. Must not mutate anything."""

    def verdict(
        self,
        block: int,
        kind: BlockKind,
        code: str,
        reason: str,
        confidence: float,
        *,
        end_block: int | None = None,
    ) -> Verdict:
        """Build a verdict whose code is prefixed with this detector's name."""
        return _new_verdict(
            {
                "detector": self.name,
                "block": block,
                "end_block": end_block,
                "kind": kind,
                "code": f"{self.name}.{code}",
                "reason": reason,
                "confidence": confidence,
            }
        )

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.config!r})"


class _FunctionDetector(Detector):
    """A detector whose ``detect`` is a plain function."""

    def __init__(self, name: str, function: Callable[[Page], Iterable[Verdict]]) -> None:
        self.name = name  # type: ignore[misc]  # instance-level name for wrapped functions
        self._function = function
        super().__init__()

    def detect(self, page: Page) -> Iterable[Verdict]:
        return self._function(page)


def detector_from_function(
    name: str, function: Callable[[Page], Iterable[Verdict]]
) -> Detector:
    """Make a detector from a plain ``function(page) -> verdicts``."""
    return _FunctionDetector(name, function)


def scan(page: Page, pattern: regex.Pattern[str]) -> Iterator[tuple[int, regex.Match[str]]]:
    """Yield ``(block index, match)`` for each block with a match, first match only.

    Runs ``pattern`` once over :attr:`Page.joined` (blocks separated by ``\\n``),
    which is an order of magnitude faster than one search per block. Write
    patterns with ``(?m)^``/``$`` to anchor at block boundaries.
    """
    last = -1
    for match in pattern.finditer(page.joined):
        index = page.block_at(match.start())
        if index != last:
            last = index
            yield index, match
