"""The public API is what docs/api.md promises, and the documented examples run."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import cleannews

ROOT = Path(__file__).resolve().parents[1]
API_DOC = ROOT / "docs" / "api.md"
DETECTORS_DOC = ROOT / "docs" / "detectors.md"
SEED = (ROOT / "tests" / "fixtures" / "syria-putin.txt").read_text(encoding="utf-8")


def documented_names() -> list[str]:
    """Names listed between the public-api markers of docs/api.md, one bullet each."""
    doc = API_DOC.read_text(encoding="utf-8")
    match = re.search(r"<!-- public-api:start -->(.*?)<!-- public-api:end -->", doc, re.S)
    assert match, "docs/api.md lost its public-api markers"
    names = re.findall(r"^- `([A-Za-z_][A-Za-z0-9_]*)`", match.group(1), re.M)
    bullets = [line for line in match.group(1).splitlines() if line.startswith("- ")]
    assert len(names) == len(bullets), "every bullet of the list must start with a `name`"
    return names


def test_all_is_exactly_the_documented_list() -> None:
    names = documented_names()
    assert len(names) == len(set(names)), "a name is documented twice"
    assert sorted(cleannews.__all__) == sorted(names)
    assert len(cleannews.__all__) == len(set(cleannews.__all__))


@pytest.mark.parametrize("name", cleannews.__all__)
def test_every_public_name_resolves(name: str) -> None:
    assert getattr(cleannews, name) is not None


def test_result_fields_are_documented() -> None:
    doc = API_DOC.read_text(encoding="utf-8")
    for model in (cleannews.CleanResult, cleannews.ResultBlock):
        for field in model.model_fields:
            assert f"`{field}`" in doc, f"{model.__name__}.{field} is not in docs/api.md"


def test_documented_error_tree_matches_the_classes() -> None:
    doc = API_DOC.read_text(encoding="utf-8")
    tree = re.search(r"```\nCleannewsError\n(.*?)```", doc, re.S)
    assert tree, "docs/api.md lost its error tree"
    parents: dict[int, str] = {0: "CleannewsError"}
    listed = {"CleannewsError"}
    for line in tree.group(1).splitlines():
        match = re.match(r"^([│ ]*)[├└]── (\w+)", line)
        assert match, f"unexpected line in the error tree: {line!r}"
        depth = len(match.group(1)) // 4 + 1
        name = match.group(2)
        cls = getattr(cleannews, name)
        parent = getattr(cleannews, parents[depth - 1])
        assert cls.__bases__[0] is parent, f"{name} should derive from {parents[depth - 1]}"
        parents[depth] = name
        listed.add(name)
    errors = {n for n in cleannews.__all__ if n.endswith("Error")}
    assert errors == listed


def _python_blocks(path: Path) -> list[str]:
    return re.findall(r"```python\n(.*?)```", path.read_text(encoding="utf-8"), re.S)


def test_detector_guide_examples_run() -> None:
    """Every Python example of docs/detectors.md runs, in order, and does what it says."""
    namespace: dict[str, object] = {"page": SEED}
    for block in _python_blocks(DETECTORS_DOC):
        exec(compile(block, str(DETECTORS_DOC), "exec"), namespace)

    podcast = namespace["PodcastDetector"]
    assert isinstance(podcast, type) and issubclass(podcast, cleannews.Detector)
    page = SEED.replace("Know first.", "Listen to our podcast every morning")
    result = cleannews.Pipeline().with_detectors(podcast()).clean(page)
    [block] = [b for b in result.blocks if "podcast" in b.text]
    assert block.decided_by == "podcast.promo" and not block.kept
    with pytest.raises(cleannews.ConfigError):
        podcast(max_wrds=15)

    pipeline = namespace["pipeline"]
    assert isinstance(pipeline, cleannews.Pipeline)
    assert pipeline.detector_names[-1] == "shouting"
    shouted = pipeline.clean(SEED.replace("Know first.", "KNOW FIRST, ALWAYS"))
    assert any(v.code == "shouting.all_caps" for b in shouted.blocks for v in b.verdicts)


def test_api_examples_are_valid_python() -> None:
    for block in _python_blocks(API_DOC):
        compile(block, str(API_DOC), "exec")


README = ROOT / "README.md"


def test_readme_examples_run() -> None:
    namespace: dict[str, object] = {"page": SEED}
    for block in _python_blocks(README):
        exec(compile(block, str(README), "exec"), namespace)
    result = namespace["result"]
    assert isinstance(result, cleannews.CleanResult)
    assert result.text


def test_ci_runs_the_readme_test_command() -> None:
    commands = re.findall(r"```sh\n(.*?)\n```", README.read_text(encoding="utf-8"), re.S)
    assert len(commands) == 2, "the README shows two commands: try it, and run the tests"
    run_seed, run_tests = commands
    assert "cleannews clean tests/fixtures/syria-putin.txt" in run_seed
    assert run_tests.rstrip().endswith("pytest")
    ci = ROOT / ".ci" / "run"
    assert ci.stat().st_mode & 0o111, ".ci/run must be executable"
    assert run_tests in ci.read_text(encoding="utf-8").splitlines()
