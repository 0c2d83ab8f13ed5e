"""The block model's features and its final say over the rules."""

from __future__ import annotations

import cleannews
from cleannews._block_model import (
    FEATURES,
    BlockModel,
    block_features,
    default_block_models,
    rerank,
)
from cleannews._resolve import THRESHOLDS, gather_evidence, resolve
from cleannews._select import select

#: Columns that read markup: a text dump has none of it.
MARKUP_FEATURES = (
    "link_ratio",
    "same_parent",
    "depth_gap",
    "link_dense",
    "paragraph_tag",
    "link_window",
    "name_share",
    "title_distance",
)

PARAGRAPHS = [
    f"Paragraph {i} of the story says what the council decided on Wednesday and why "
    "the harbour wall has to be rebuilt before the summer season begins."
    for i in range(4)
]
MENU = "<div class='menu'>" + " ".join(f"<a href='/{i}'>Section {i}</a>" for i in range(12))
HTML = (
    f"<html><body>{MENU}</div><h1>Harbour wall repairs to start in spring</h1>"
    "<div class='story-body'>" + "".join(f"<p>{p}</p>" for p in PARAGRAPHS) + "</div>"
    f"<div class='widget'><p>Sign up for our newsletter today.</p></div>{MENU}</div>"
    "</body></html>"
)


def features_of(page: str, form: str) -> tuple[cleannews.Page, list[dict[str, float]]]:
    pipeline = cleannews.Pipeline(block_model=None)
    segmented, _ = pipeline.segment(page, format=form)  # type: ignore[arg-type]
    verdicts = pipeline.detect(segmented)
    evidence = gather_evidence(segmented, verdicts, THRESHOLDS["balanced"])
    decisions = select(segmented, resolve(segmented, verdicts, "balanced", evidence), verdicts)
    rows = block_features(segmented, evidence, decisions.decisions)
    return segmented, [dict(zip(FEATURES, row, strict=True)) for row in rows]


def test_markup_features_are_zero_for_dumps() -> None:
    dump = "Harbour wall repairs to start in spring\n\n" + "\n\n".join(PARAGRAPHS)
    _, rows = features_of(dump, "text")
    assert rows
    for row in rows:
        assert all(row[name] == 0.0 for name in MARKUP_FEATURES), row


def test_markup_features_on_html() -> None:
    page, rows = features_of(HTML, "html")
    texts = [b.text for b in page.blocks]
    first = texts.index(PARAGRAPHS[0])
    menu = next(i for i, t in enumerate(texts) if t.startswith("Section 0"))
    widget = texts.index("Sign up for our newsletter today.")
    title = texts.index("Harbour wall repairs to start in spring")
    assert rows[first]["paragraph_tag"] == 1.0
    assert rows[menu]["paragraph_tag"] == 0.0
    assert rows[menu]["link_dense"] == 1.0
    assert rows[menu]["link_window"] > rows[first + 2]["link_window"]
    # The article container's name covers most of the page's text; a widget's little.
    assert rows[first]["name_share"] > 0.5 > rows[widget]["name_share"]
    assert rows[title]["title_distance"] == 0.0
    assert 0.0 < rows[first]["title_distance"] < rows[widget]["title_distance"]


def test_shipped_models_match_the_features() -> None:
    models = default_block_models()
    for form in ("text", "html"):
        assert len(models[form].weights) == len(FEATURES)


def test_model_never_keeps_a_link_dense_block() -> None:
    keep_all = BlockModel(weights=(0.0,) * len(FEATURES), bias=50.0)
    pipeline = cleannews.Pipeline(block_model=None)
    page, _ = pipeline.segment(HTML, format="html")
    verdicts = pipeline.detect(page)
    evidence = gather_evidence(page, verdicts, THRESHOLDS["balanced"])
    decisions = select(page, resolve(page, verdicts, "balanced", evidence), verdicts).decisions
    final = rerank(page, evidence, decisions, keep_all, 0.5)
    for block, decision in zip(page.blocks, final, strict=True):
        if block.text.startswith("Section 0"):
            assert not decision.kept
        elif block.text in PARAGRAPHS:
            assert decision.kept


def test_link_dense_block_between_paragraphs_is_no_subheading_for_the_rules() -> None:
    menu = "<div>" + " ".join(f"<a href='/{i}'>Section number {i}</a>" for i in range(12))
    html = f"<p>{PARAGRAPHS[0]}</p>{menu}</div><p>{PARAGRAPHS[1]}</p>"
    result = cleannews.Pipeline(block_model=None).clean(html, format="html")
    decided = {b.text[:16]: b.decided_by for b in result.blocks}
    assert decided["Section number 0"] == "context.short_in_body"
    assert PARAGRAPHS[1] in result.text


def test_a_long_paragraph_with_many_links_is_still_prose() -> None:
    from cleannews._resolve import Prose, classify

    linked = (
        "<p>The <a href='/a'>county council and the harbour commissioners</a> said on "
        "<a href='/b'>Wednesday that the repairs to the storm-damaged wall</a> would begin in "
        "<a href='/c'>the spring and would take around six months to complete</a>.</p>"
    )
    menu = "<div>" + " ".join(f"<a href='/{i}'>Section number {i}</a>" for i in range(12))
    page, _ = cleannews.Pipeline([]).segment(f"{linked}{menu}</div>", format="html")
    prose, links = page.blocks
    assert prose.link_ratio > 0.5 and links.link_ratio > 0.5
    t = THRESHOLDS["balanced"]
    assert classify(prose, t, language_known=True) is not Prose.BAD
    assert classify(links, t, language_known=True) is Prose.BAD
