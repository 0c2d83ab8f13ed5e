"""The result model: JSON round-trip, the fast construction path, views, immutability."""

from __future__ import annotations

import json
from pathlib import Path

import pydantic
import pytest

import cleannews
from cleannews import BlockKind, CleanResult, ResultBlock, Verdict
from cleannews.cli import result_schema_json

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "tests" / "fixtures" / "syria-putin.txt"

#: A page with a caption and a photo credit, so that every view has content.
CAPTIONED = """\
Flood Waters Recede In The Valley

By Jane Roe

The river fell by two metres overnight, and residents who had spent the week in the school \
gymnasium began to return to their homes on Thursday morning, many of them for the first time \
since the water rose.

Photo: A resident carries a chair out of a flooded house. (AP Photo/John Doe)

Photo by Jane Roe/REUTERS

Officials said the clean-up would take months and that the damage to the main road, which was \
cut in three places, would be assessed by engineers once the ground had dried out.

Sign up for our newsletter

Copyright 2024 Example Media. All rights reserved.
"""


@pytest.fixture(scope="module", params=["seed", "captioned"])
def result(request: pytest.FixtureRequest) -> CleanResult:
    page = SEED.read_text(encoding="utf-8") if request.param == "seed" else CAPTIONED
    return cleannews.clean(page, url="https://example.org/story")


def test_json_round_trip_equals_the_original(result: CleanResult) -> None:
    again = CleanResult.model_validate_json(result.model_dump_json())
    assert again == result
    assert again.model_dump() == result.model_dump()
    assert again.blocks[0].kind is result.blocks[0].kind


def test_trusted_construction_equals_a_validated_model(result: CleanResult) -> None:
    """The pipeline skips validation (``_models.trusted``); the result must not notice."""
    validated = CleanResult.model_validate(result.model_dump())
    assert validated == result
    assert validated.model_fields_set == result.model_fields_set
    for fast, slow in zip(result.blocks, validated.blocks, strict=True):
        assert fast == slow
        assert fast.model_fields_set == slow.model_fields_set
        assert isinstance(fast.verdicts, tuple)
    # And the fast path did not let an invalid value through: revalidating
    # from JSON (strict types) gives the same object.
    assert CleanResult.model_validate_json(result.model_dump_json(), strict=True) == result


def test_views_partition_the_blocks(result: CleanResult) -> None:
    assert result.blocks
    assert [b.index for b in result.blocks] == list(range(len(result.blocks)))
    kept = result.kept
    discarded = result.discarded
    assert all(b.kept for b in kept) and not any(b.kept for b in discarded)
    assert sorted(b.index for b in (*kept, *discarded)) == list(range(len(result.blocks)))
    assert result.text == "\n\n".join(b.text for b in kept)


def test_discarded_counts_count_discarded_blocks_by_kind(result: CleanResult) -> None:
    counts = result.discarded_counts()
    assert sum(counts.values()) == len(result.discarded)
    for kind, n in counts.items():
        assert n == sum(1 for b in result.discarded if b.kind.value == kind)
    assert all(BlockKind(kind) for kind in counts)


def test_captions_are_kept_aside_not_in_the_body(result: CleanResult) -> None:
    wanted = {BlockKind.CAPTION, BlockKind.PHOTO_CREDIT}
    assert result.captions == tuple(b.text for b in result.blocks if b.kind in wanted)
    assert result.captions, "both pages carry a caption or a photo credit"
    for caption in result.captions:
        assert caption not in result.text


def test_captioned_page_reports_its_caption_and_credit() -> None:
    result = cleannews.clean(CAPTIONED)
    assert any("AP Photo/John Doe" in c for c in result.captions)
    assert any("REUTERS" in c for c in result.captions)
    assert "The river fell by two metres" in result.text


def test_models_are_frozen(result: CleanResult) -> None:
    with pytest.raises(pydantic.ValidationError):
        result.text = "something else"  # type: ignore[misc]
    block = result.blocks[0]
    with pytest.raises(pydantic.ValidationError):
        block.kept = not block.kept  # type: ignore[misc]
    verdict = next(v for b in result.blocks for v in b.verdicts)
    with pytest.raises(pydantic.ValidationError):
        verdict.confidence = 0.0  # type: ignore[misc]
    assert isinstance(result.blocks, tuple)


def test_unknown_fields_and_bad_values_are_rejected() -> None:
    good = {
        "detector": "demo",
        "block": 0,
        "kind": "teaser",
        "code": "demo.x",
        "reason": "because",
        "confidence": 0.5,
    }
    assert Verdict.model_validate(good).last_block == 0
    assert Verdict.model_validate({**good, "block": 2, "end_block": 4}).last_block == 4
    for bad in ({"confidence": 1.5}, {"block": -1}, {"kind": "nonsense"}, {"extra": 1}):
        with pytest.raises(pydantic.ValidationError):
            Verdict.model_validate({**good, **bad})
    block = {
        "index": 0,
        "text": "x",
        "start": 0,
        "end": 1,
        "kind": "article",
        "kept": True,
        "decided_by": "context.prose",
        "reason": "r",
    }
    assert ResultBlock.model_validate(block).verdicts == ()
    with pytest.raises(pydantic.ValidationError):
        ResultBlock.model_validate({**block, "colour": "red"})


def test_committed_schema_is_current() -> None:
    """``docs/result-schema.json`` is what ``cleannews schema`` prints today.

    When this fails after a model change, regenerate the file:
    ``python -m cleannews schema > docs/result-schema.json``.
    """
    committed = (ROOT / "docs" / "result-schema.json").read_text(encoding="utf-8")
    assert committed == result_schema_json()


def test_schema_describes_a_real_result(result: CleanResult) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads(result_schema_json())
    jsonschema.validate(json.loads(result.model_dump_json()), schema)
    broken = json.loads(result.model_dump_json())
    broken["blocks"][0]["kept"] = "yes"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(broken, schema)
