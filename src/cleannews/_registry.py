"""Where detectors come from: the built-ins, listed explicitly, and installed plugins.

Third-party packages register detectors under the entry-point group
``cleannews.detectors``; each entry point names a :class:`Detector` subclass
(or a zero-argument factory returning a detector). A registry is an immutable
value handed to a :class:`~cleannews.Pipeline`; nothing is registered by
import side effects.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from importlib.metadata import entry_points
from types import MappingProxyType
from typing import Any

from ._errors import ConfigError
from .detectors import BUILTIN_DETECTORS
from .detectors._base import Detector

ENTRY_POINT_GROUP = "cleannews.detectors"

DetectorFactory = Callable[..., Detector]


@dataclass(frozen=True, eq=False)
class DetectorRegistry:
    """An immutable mapping from detector name to the factory that builds it."""

    factories: Mapping[str, DetectorFactory]
    #: Names that came from installed plugins rather than cleannews itself.
    plugin_names: tuple[str, ...] = ()

    def __contains__(self, name: object) -> bool:
        return name in self.factories

    def __iter__(self) -> Iterator[str]:
        return iter(self.factories)

    def names(self) -> tuple[str, ...]:
        """Every registered name: built-ins first, then plugins."""
        return tuple(self.factories)

    def create(self, name: str, settings: Mapping[str, Any] | None = None) -> Detector:
        """Build the detector ``name`` with ``settings`` (validated by its config model)."""
        try:
            factory = self.factories[name]
        except KeyError:
            known = ", ".join(sorted(self.factories))
            raise ConfigError(f"unknown detector {name!r}; known detectors: {known}") from None
        detector = factory(**dict(settings or {}))
        if not isinstance(detector, Detector):
            raise ConfigError(f"factory for detector {name!r} did not return a Detector")
        return detector

    def with_factory(self, name: str, factory: DetectorFactory) -> DetectorRegistry:
        """A new registry with ``name`` added (or replaced)."""
        return DetectorRegistry(
            MappingProxyType({**self.factories, name: factory}), self.plugin_names
        )


def builtin_registry() -> DetectorRegistry:
    """The detectors that ship with cleannews, and nothing else."""
    return DetectorRegistry(MappingProxyType({cls.name: cls for cls in BUILTIN_DETECTORS}))


def installed_registry() -> DetectorRegistry:
    """Built-ins plus every detector installed under the ``cleannews.detectors`` group.

    A plugin whose name clashes with a built-in is rejected loudly rather than
    silently shadowing it.
    """
    factories: dict[str, DetectorFactory] = {cls.name: cls for cls in BUILTIN_DETECTORS}
    plugins: list[str] = []
    for entry in sorted(entry_points(group=ENTRY_POINT_GROUP), key=lambda e: e.name):
        if entry.name in factories:
            raise ConfigError(
                f"plugin detector {entry.name!r} ({entry.value}) clashes with a built-in "
                "detector; rename its entry point"
            )
        factories[entry.name] = entry.load()
        plugins.append(entry.name)
    return DetectorRegistry(MappingProxyType(factories), tuple(plugins))
