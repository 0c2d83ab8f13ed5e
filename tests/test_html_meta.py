"""Metadata from the page's own markup: each source, the order of preference, the bounds."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from lxml import etree

import cleannews
from cleannews._html_meta import HtmlMeta, extract_meta, strip_site_name

FIXTURES = Path(__file__).parent / "fixtures" / "html"


def meta_of(head: str = "", body: str = "", html_attrs: str = "") -> HtmlMeta:
    page = f"<html {html_attrs}><head>{head}</head><body>{body}</body></html>"
    root = etree.fromstring(page, etree.HTMLParser())
    return extract_meta(root)


def ld(obj: object) -> str:
    return f'<script type="application/ld+json">{json.dumps(obj)}</script>'


# -- title ---------------------------------------------------------------------


def test_title_prefers_og_title() -> None:
    meta = meta_of(
        '<meta property="og:title" content="From og:title"><title>From title | Site</title>'
        + ld({"@type": "NewsArticle", "headline": "From JSON-LD"}),
        "<h1>From h1</h1>",
    )
    assert meta.title == "From og:title"


def test_title_from_json_ld_headline() -> None:
    meta = meta_of(
        "<title>From title | Site</title>"
        + ld({"@type": "NewsArticle", "headline": "From JSON-LD"}),
        "<h1>From h1</h1>",
    )
    assert meta.title == "From JSON-LD"


def test_title_from_h1_then_title_tag() -> None:
    assert meta_of("<title>From title | Site</title>", "<h1> From <em>h1</em> </h1>").title == (
        "From h1"
    )
    assert meta_of("<title>Council approves budget | The Daily Example</title>").title == (
        "Council approves budget"
    )


def test_site_name_is_stripped_by_name_or_by_shape() -> None:
    assert strip_site_name("Storm hits coast - Courier", "Courier", by_shape=False) == (
        "Storm hits coast"
    )
    assert strip_site_name("Courier: Storm hits the coast", "Courier", by_shape=False) == (
        "Storm hits the coast"
    )
    assert strip_site_name("Storm hits the coast » Courier", None, by_shape=True) == (
        "Storm hits the coast"
    )
    # A long last part is not a site name; a title without separator is left alone.
    long_title = "Budget: the council explains why the harbour wall costs so much more now"
    assert strip_site_name(long_title, None, by_shape=True) == long_title
    assert strip_site_name("Well-known fact", None, by_shape=True) == "Well-known fact"


def test_og_title_with_site_suffix_uses_og_site_name() -> None:
    meta = meta_of(
        '<meta property="og:site_name" content="Courier">'
        '<meta property="og:title" content="Storm hits coast | Courier">'
    )
    assert meta.title == "Storm hits coast"
    assert meta.site_name == "Courier"


# -- authors -------------------------------------------------------------------


def test_authors_from_json_ld_list_object_and_string() -> None:
    people = ld(
        {
            "@type": "NewsArticle",
            "headline": "H",
            "author": [{"@type": "Person", "name": "Ana Ruiz"}, {"name": ["Ben Ode"]}, "Cy Lu"],
        }
    )
    assert meta_of(people).authors == ("Ana Ruiz", "Ben Ode", "Cy Lu")
    one = ld({"@type": "BlogPosting", "headline": "H", "author": {"name": "Dee Kay"}})
    assert meta_of(one).authors == ("Dee Kay",)


def test_authors_from_graph_and_article_types() -> None:
    graph = ld(
        {
            "@graph": [
                {"@type": "WebPage", "name": "Page"},
                {"@type": ["NewsArticle"], "headline": "H", "author": {"name": "Eve Moss"}},
            ]
        }
    )
    assert meta_of(graph).authors == ("Eve Moss",)


def test_authors_from_meta_author_then_rel_author() -> None:
    assert meta_of('<meta name="author" content="By Fay Lim">').authors == ("Fay Lim",)
    assert meta_of("", '<p>By <a rel="author" href="/a/gus">Gus Pell</a></p>').authors == (
        "Gus Pell",
    )
    # An author URL (article:author often is one) is not a name.
    url_only = meta_of('<meta property="article:author" content="https://fb.example/x">')
    assert url_only.authors == ()


def test_authors_are_bounded() -> None:
    many = ld({"@type": "Article", "headline": "H", "author": [f"Author {i}" for i in range(50)]})
    assert len(meta_of(many).authors) <= 10
    long = ld({"@type": "Article", "headline": "H", "author": "x" * 10_000})
    assert all(len(a) <= 120 for a in meta_of(long).authors)


# -- date ------------------------------------------------------------------------


def test_date_from_json_ld_then_meta_then_time() -> None:
    ld_date = ld({"@type": "NewsArticle", "headline": "H", "datePublished": "2021-05-06T07:08:09Z"})
    meta_date = '<meta property="article:published_time" content="2020-01-02T03:04:05+01:00">'
    time_tag = '<time datetime="2019-09-09">9 Sept</time>'
    assert meta_of(ld_date + meta_date, time_tag).date == "2021-05-06T07:08:09Z"
    assert meta_of(meta_date, time_tag).date == "2020-01-02T03:04:05+01:00"
    assert meta_of("", time_tag).date == "2019-09-09"


def test_time_marked_as_publication_date_wins_over_first_time() -> None:
    body = (
        '<header><time datetime="2024-02-02">Today</time></header>'
        '<article><time itemprop="datePublished" datetime="2023-12-24">24 Dec</time></article>'
    )
    assert meta_of("", body).date == "2023-12-24"


def test_values_without_a_year_are_not_dates() -> None:
    assert meta_of('<meta name="date" content="yesterday">').date is None


# -- language and canonical URL ----------------------------------------------------


def test_language_from_html_lang() -> None:
    assert meta_of(html_attrs='lang="de-AT"').language == "de"
    assert meta_of(html_attrs='lang="pt_BR"').language == "pt"
    assert meta_of(html_attrs='lang="not a language"').language is None
    assert meta_of().language is None


def test_canonical_url_then_og_url() -> None:
    head = '<link rel="canonical" href="https://a.example/x"><meta property="og:url" content="https://b.example/y">'
    assert meta_of(head).canonical_url == "https://a.example/x"
    assert meta_of('<meta property="og:url" content="https://b.example/y">').canonical_url == (
        "https://b.example/y"
    )


# -- robustness --------------------------------------------------------------------------


def test_broken_json_ld_is_ignored() -> None:
    broken = '<script type="application/ld+json">{"@type": "NewsArticle", "headline": </script>'
    meta = meta_of(broken + "<title>Fallback title</title>")
    assert meta.title == "Fallback title"


def test_deep_json_ld_is_walked_within_a_budget() -> None:
    for depth in (500, 100_000):
        nested = '{"x": [' * depth + '{"headline": "Deep"}' + "]}" * depth
        script = f'<script type="application/ld+json">{nested}</script>'
        # Too deep for the JSON decoder, or walked within the node budget:
        # either way no crash and no unbounded walk.
        assert meta_of(script + "<title>Shallow</title>").title in ("Deep", "Shallow")


def test_empty_page_has_empty_meta() -> None:
    assert meta_of() == HtmlMeta()


# -- through the pipeline ---------------------------------------------------------------


@pytest.mark.parametrize("name", ["harbour-article", "wetter-blog"])
def test_fixture_metadata_reaches_the_result(name: str) -> None:
    expected = json.loads((FIXTURES / f"{name}.json").read_text(encoding="utf-8"))["meta"]
    result = cleannews.clean((FIXTURES / f"{name}.html").read_bytes())
    assert list(result.authors) == expected["authors"]
    assert result.date == expected["date"]
    assert result.language == expected["language"]
    assert result.canonical_url == expected["canonical_url"]
    again = cleannews.CleanResult.model_validate_json(result.model_dump_json())
    assert again == result


def test_text_dumps_have_no_html_metadata() -> None:
    result = cleannews.clean("A plain dump.\n\nWith two paragraphs of text.", format="text")
    assert (result.authors, result.date, result.canonical_url) == ((), None, None)


def test_meta_title_and_byline_fill_in_when_the_blocks_give_none() -> None:
    page = (
        '<html><head><meta property="og:title" content="Only in the metadata">'
        '<meta name="author" content="Hal Ives"></head><body><p>'
        + "A single long paragraph that forms the whole article body of this page. " * 4
        + "</p></body></html>"
    )
    result = cleannews.clean(page)
    assert result.title == "Only in the metadata"
    assert result.byline == "Hal Ives"
