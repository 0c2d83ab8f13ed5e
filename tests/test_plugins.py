"""Third-party detectors arrive through the ``cleannews.detectors`` entry-point group.

Each test installs a real (if tiny) distribution into a temporary directory:
a module and a ``*.dist-info`` folder with ``METADATA`` and ``entry_points.txt``,
which is exactly what ``pip install`` leaves behind. Putting the directory on
``sys.path`` makes :mod:`importlib.metadata` find it.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

import cleannews
from cleannews import ConfigError, Pipeline

SEED = (Path(__file__).parent / "fixtures" / "syria-putin.txt").read_text(encoding="utf-8")

#: A complete plugin: one class-based detector with a setting, one
#: function-based detector behind a zero-argument factory.
PLUGIN_SOURCE = '''
from cleannews import BlockKind, Detector, DetectorConfig, Verdict, detector_from_function


class ShoutConfig(DetectorConfig):
    min_words: int = 3


class ShoutDetector(Detector):
    """Blocks written in capitals."""

    name = "shout"
    Config = ShoutConfig

    def detect(self, page):
        for block in page.blocks:
            if block.n_words >= self.config.min_words and block.text.isupper():
                yield self.verdict(block.index, BlockKind.BOILERPLATE, "all_caps",
                                   "written in capitals", 0.9)


def _keep_reading(page):
    return [
        Verdict(detector="reading", block=b.index, kind=BlockKind.TEASER,
                code="reading.link", reason="a reading link", confidence=0.8)
        for b in page.blocks if b.text.startswith("Keep reading")
    ]


def make_reading():
    return detector_from_function("reading", _keep_reading)
'''


def _install(root: Path, module: str, entry_points: dict[str, str]) -> None:
    (root / f"{module}.py").write_text(PLUGIN_SOURCE, encoding="utf-8")
    info = root / f"{module}-0.1.dist-info"
    info.mkdir()
    (info / "METADATA").write_text(
        f"Metadata-Version: 2.1\nName: {module}\nVersion: 0.1\n", encoding="utf-8"
    )
    lines = "\n".join(f"{name} = {target}" for name, target in entry_points.items())
    (info / "entry_points.txt").write_text(
        f"[{cleannews.ENTRY_POINT_GROUP}]\n{lines}\n", encoding="utf-8"
    )


@pytest.fixture()
def plugin_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    monkeypatch.syspath_prepend(str(tmp_path))
    before = set(sys.modules)
    yield tmp_path
    for name in set(sys.modules) - before:
        if name.startswith("demo_plugin"):
            del sys.modules[name]


def test_installed_plugin_is_picked_up(plugin_dir: Path) -> None:
    _install(
        plugin_dir,
        "demo_plugin",
        {"shout": "demo_plugin:ShoutDetector", "reading": "demo_plugin:make_reading"},
    )
    registry = cleannews.installed_registry()
    assert "shout" in registry and "reading" in registry
    assert set(registry.plugin_names) == {"shout", "reading"}
    assert "shout" not in cleannews.builtin_registry()

    pipeline = Pipeline()
    assert pipeline.detector_names[-2:] == ("reading", "shout")
    page = SEED.replace(
        "Start your day with National Memo Newsletter", "START YOUR DAY WITH THE NEWS"
    )
    result = pipeline.clean(page)
    codes = {v.code for b in result.blocks for v in b.verdicts}
    assert {"shout.all_caps", "reading.link"} <= codes
    [shouted] = [b for b in result.blocks if b.text.startswith("START YOUR DAY")]
    assert not shouted.kept and shouted.decided_by == "shout.all_caps"


def test_plugin_settings_are_validated(plugin_dir: Path) -> None:
    _install(plugin_dir, "demo_plugin_cfg", {"shout": "demo_plugin_cfg:ShoutDetector"})
    page = SEED.replace("Know first.", "KNOW FIRST")
    strict = Pipeline(["shout"], settings={"shout": {"min_words": 3}}).clean(page)
    loose = Pipeline(["shout"], settings={"shout": {"min_words": 2}}).clean(page)
    assert not any(
        v.code == "shout.all_caps" and b.text == "KNOW FIRST"
        for b in strict.blocks
        for v in b.verdicts
    )
    assert any(
        v.code == "shout.all_caps" and b.text == "KNOW FIRST"
        for b in loose.blocks
        for v in b.verdicts
    )
    with pytest.raises(ConfigError, match="min_wrds"):
        Pipeline(settings={"shout": {"min_wrds": 2}})


def test_plugin_can_be_disabled_and_listed_by_the_cli(
    plugin_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from cleannews.cli import main

    _install(plugin_dir, "demo_plugin_cli", {"shout": "demo_plugin_cli:ShoutDetector"})
    assert "shout" not in Pipeline(disable=["shout"]).detector_names
    assert main(["detectors"]) == 0
    [line] = [ln for ln in capsys.readouterr().out.splitlines() if ln.startswith("shout ")]
    assert "plugin" in line and "Blocks written in capitals." in line


def test_plugin_clashing_with_a_builtin_is_rejected(plugin_dir: Path) -> None:
    _install(plugin_dir, "demo_plugin_clash", {"teaser": "demo_plugin_clash:ShoutDetector"})
    with pytest.raises(ConfigError, match=r"'teaser'.*clashes with a built-in"):
        cleannews.installed_registry()
    with pytest.raises(ConfigError):
        Pipeline()
    # The built-ins alone still work.
    assert "teaser" in Pipeline(registry=cleannews.builtin_registry()).detector_names


def test_no_plugin_without_installation() -> None:
    """The other tests' plugins do not leak: nothing is registered by side effect."""
    assert cleannews.installed_registry().plugin_names == ()
