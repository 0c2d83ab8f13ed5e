"""The DOM hints detector: class/id and element names mapped to block kinds (HTML only)."""

from __future__ import annotations

import time
from typing import Any

import pytest

import cleannews
from cleannews import BlockKind
from cleannews.detectors.dom_hints import DomHintsDetector

from .fixture_cases import Case, check_case, load_cases


def flagged(html: str, **settings: Any) -> tuple[cleannews.Page, dict[int, cleannews.Verdict]]:
    pipeline = cleannews.Pipeline([DomHintsDetector(**settings)])
    page, _ = pipeline.segment(html, format="html")
    return page, {v.block: v for v in pipeline.detect(page)}


def blocks_with(page: cleannews.Page, snippet: str) -> list[int]:
    found = [b.index for b in page.blocks if snippet in " ".join(b.text.split())]
    assert found, f"snippet not found in any block: {snippet!r}"
    return found


@pytest.mark.parametrize("case", load_cases("dom_hints"))
def test_fixture(case: Case) -> None:
    assert case.format == "html"
    check_case(case)


PROSE = (
    "The council voted on Tuesday to keep the library open for three more years, "
    "after a petition signed by thousands of residents."
)


def test_reason_codes_and_kinds() -> None:
    html = (
        f"<body><div class='story'><p>{PROSE}</p><p>{PROSE} Again.</p></div>"
        "<div class='comments'><p>First comment on the story.</p></div>"
        "<div id='sidebar'><p>About this blog.</p></div>"
        "<div class='author-bio'><p>Sam writes about local politics.</p></div>"
        "<span class='byline'>By Sam Okafor</span>"
        "<figure><figcaption>A caption without a class.</figcaption></figure></body>"
    )
    page, hits = flagged(html)
    by_text = {page.blocks[i].text: v for i, v in hits.items()}
    assert by_text["First comment on the story."].code == "dom_hints.comments"
    assert by_text["First comment on the story."].kind is BlockKind.COMMENTS
    assert by_text["About this blog."].code == "dom_hints.sidebar"
    assert by_text["Sam writes about local politics."].code == "dom_hints.author_box"
    assert by_text["By Sam Okafor"].kind is BlockKind.BYLINE
    assert by_text["A caption without a class."].code == "dom_hints.figcaption_element"
    assert by_text["A caption without a class."].confidence == 0.5
    assert by_text["About this blog."].confidence == 0.6
    assert all(v.detector == "dom_hints" for v in hits.values())


def test_token_on_the_article_container_is_no_evidence() -> None:
    # "social" names a share widget, but here it is a category class on the
    # article itself: it covers all the prose, so it proves nothing.
    story = "".join(f"<p>{PROSE} Paragraph {i}.</p>" for i in range(4))
    html = (
        f"<body class='has-sidebar'><article class='post category-social'>{story}</article>"
        "<div class='share-links'><a href=/f>Facebook</a></div></body>"
    )
    page, hits = flagged(html)
    flagged_texts = {page.blocks[i].text for i in hits}
    assert flagged_texts == {"Facebook"}


def test_nearest_hint_wins() -> None:
    html = (
        f"<body><p>{PROSE}</p><div class='sidebar'><div class='newsletter'>"
        "<p>Sign up for our letter.</p></div></div></body>"
    )
    _page, hits = flagged(html)
    (verdict,) = hits.values()
    assert verdict.code == "dom_hints.newsletter"


def test_whole_tokens_only() -> None:
    html = (
        f"<body><p>{PROSE}</p><div class='header-load thread-ad'><p>Promoted text.</p></div>"
        "<div class='heading download'><p>Not an ad at all.</p></div></body>"
    )
    page, hits = flagged(html)
    assert {page.blocks[i].text for i in hits} == {"Promoted text."}


def test_text_dumps_get_no_verdicts() -> None:
    pipeline = cleannews.Pipeline(["dom_hints"])
    page, _ = pipeline.segment("Comments\n\nSidebar\n\nShare on Facebook\n", format="text")
    assert pipeline.detect(page) == []


def test_settings_are_validated() -> None:
    with pytest.raises(cleannews.ConfigError):
        cleannews.Pipeline(settings={"dom_hints": {"max_prose_shar": 0.5}})
    with pytest.raises(cleannews.ConfigError):
        DomHintsDetector(confidence=1.5)
    _page, hits = flagged(
        f"<body><p>{PROSE}</p><div class='footer'><p>Footer text.</p></div></body>",
        confidence=0.3,
    )
    assert [v.confidence for v in hits.values()] == [0.3]


def test_registered_in_the_default_pipeline() -> None:
    assert "dom_hints" in cleannews.Pipeline().detector_names


def test_many_blocks_with_many_tokens_is_fast() -> None:
    classes = " ".join(f"widget-{i} comment share" for i in range(20))
    html = "<body>" + f"<div class='{classes}'><p>{PROSE}</p></div>" * 5000 + "</body>"
    pipeline = cleannews.Pipeline(["dom_hints"])
    page, _ = pipeline.segment(html, format="html")
    start = time.perf_counter()
    pipeline.detect(page)
    assert time.perf_counter() - start < 2.0
