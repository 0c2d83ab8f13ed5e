"""Title selection: on HTML the page's markup and metadata name the headline."""

from __future__ import annotations

import cleannews

STORY = "".join(
    f"<p>Paragraph {i} of the story says what the council decided on Wednesday and why "
    "the harbour wall has to be rebuilt before the summer season begins.</p>"
    for i in range(4)
)


def page(head: str, above_body: str) -> str:
    return f"<html><head>{head}</head><body>{above_body}<article>{STORY}</article></body></html>"


def title_blocks(result: cleannews.CleanResult) -> list[str]:
    return [b.text for b in result.blocks if b.decided_by == "select.title"]


def test_h1_is_the_title_over_a_nearer_heading_like_line() -> None:
    html = page(
        "",
        "<h1>Harbour wall repairs to start in spring</h1>"
        "<div class='tools'>Listen to this article now</div>",
    )
    result = cleannews.clean(html)
    assert result.title == "Harbour wall repairs to start in spring"
    assert title_blocks(result) == ["Harbour wall repairs to start in spring"]
    assert "Paragraph 0 of the story" in result.text


def test_block_matching_the_stated_headline_beats_a_nearer_h1() -> None:
    html = page(
        '<meta property="og:title" content="Harbour wall repairs to start in spring">',
        "<h2 class='headline'>Harbour wall repairs to start in spring</h2><h1>Local news</h1>",
    )
    result = cleannews.clean(html)
    assert result.title == "Harbour wall repairs to start in spring"


def test_stated_headline_matches_a_block_with_a_site_suffix() -> None:
    html = page(
        '<meta property="og:title" content="Harbour wall repairs to start in spring">',
        "<div class='h'>Harbour wall repairs to start in spring - Courier</div>"
        "<div>Another short line here</div>",
    )
    assert cleannews.clean(html).title == "Harbour wall repairs to start in spring - Courier"


def test_one_word_h1_ending_anywhere_is_a_title() -> None:
    result = cleannews.clean(page("", "<h1>Chorgeschichte</h1><h2>Seit 1968 in Ulm</h2>"))
    assert result.title == "Chorgeschichte"
    result = cleannews.clean(page("", "<h1>Time to say goodbye.</h1><div>Dear visitor,</div>"))
    assert result.title == "Time to say goodbye."


def test_h1_far_above_the_body_beats_a_heading_of_a_table_in_between() -> None:
    rows = "".join(f"<tr><td>{g} g</td><td>Ingredient {g}</td></tr>" for g in range(20, 40))
    table = f"<table>{rows}</table><h3>Heißluft etwa 180 °C</h3>"
    html = page("", f"<h1>Bienenstich-Muffins</h1>{table}")
    result = cleannews.clean(html)
    assert result.title == "Bienenstich-Muffins"
    assert "Heißluft etwa 180 °C" not in title_blocks(result)


def test_text_rule_decides_when_the_markup_names_no_headline() -> None:
    html = page("", "<div>Harbour wall repairs to start in spring</div>")
    assert cleannews.clean(html).title == "Harbour wall repairs to start in spring"


def test_dumps_keep_the_text_rule() -> None:
    dump = (
        "Harbour wall repairs to start in spring\n\nListen to this article now\n\n"
        + "\n\n".join(
            f"Paragraph {i} of the story says what the council decided on Wednesday and why "
            "the harbour wall has to be rebuilt before the summer season begins."
            for i in range(4)
        )
    )
    # The nearest heading-like line above the body, as before.
    assert cleannews.clean(dump, format="text").title == "Listen to this article now"


def test_the_headline_the_markup_points_at_is_the_title_not_its_copy_in_a_menu() -> None:
    headline = "Harbour wall repairs to start in spring"
    menu = "<nav class='menu'><ul>" + "".join(
        # Teaser-style menu entries: each one a paragraph, so a block of its own.
        f"<li><a href='/{i}'><p>{t}</p></a></li>"
        for i, t in enumerate(["Home", headline, "Sport"])
    )
    html = page(
        f'<meta property="og:title" content="{headline}">', f"{menu}</ul></nav><h1>{headline}</h1>"
    )
    result = cleannews.clean(html)
    [title] = [b for b in result.blocks if b.decided_by == "select.title"]
    assert title.text == headline
    assert result.blocks[title.index + 1].text.startswith("Paragraph 0")
    copies = [b for b in result.blocks if b.decided_by == "select.duplicate_title"]
    assert [b.text for b in copies] == [headline]
    assert copies[0].index < title.index
