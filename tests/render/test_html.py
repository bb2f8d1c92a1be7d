"""The HTML briefing page: self-contained, complete, escaped, and its links all land."""

from __future__ import annotations

import re
from collections import Counter

from summarizer.render.html import render_evidence, render_html
from summarizer.schema import Briefing

from .dom import parse


def test_one_self_contained_file_with_print_css(case: tuple[Briefing, str]) -> None:
    b, _ = case
    page = render_html(b)
    assert page.startswith("<!DOCTYPE html>")
    for external in ("<link", "<script", "src=", "url(", "@import", "<iframe"):
        assert external not in page
    assert "@page { size: A4;" in page and "@media print" in page
    assert "print-color-adjust: exact" in page
    dom = parse(page)
    assert not {"img", "script", "link"} & dom.names()
    assert all(link.startswith("#") for link in dom.links)


def test_the_page_reads_like_a_briefing(putin: tuple[Briefing, str]) -> None:
    b, _ = putin
    dom = parse(render_html(b))
    text = dom.text
    for expected in (
        "Putin: Ukraine may choose its security, but not at Russia's expense",
        "Source",
        "fixtures/articles/2025-09-03-putin-china-press.txt",
        "Beijing, China",
        "After a four-day visit to China",
        "Actors",
        "Affiliation",
        "News agency",
        "Conditions and red lines",
        "RED LINE",
        "PREREQUISITE",
        "IF / THEN",
        "Open questions",
        "Will Zelensky reconsider",
    ):
        assert expected in text, expected
    # footer: engine, model, prompt id and hash, grounding figures, generation time
    footer = text[text.index("Engine: llm") :]
    for expected in (
        "gpt-4o-mini-2024-07-18",
        "briefing-v1 (3f9a1c0b7d2e)",
        "18 quotes",
        "15 exact, 1 normalised",
        "1 fuzzy",
        "1 not found",
        "Generated 2025-09-03T14:05:12Z in 6.4 s",
    ):
        assert expected in footer, expected


def test_status_badges_carry_colour_class_symbol_and_word(putin: tuple[Briefing, str]) -> None:
    b, _ = putin
    page = render_html(b)
    for status, word, symbol in (
        ("accepted", "ACCEPTED", "✓"),
        ("pending", "PENDING", "…"),
        ("rejected", "REJECTED", "✗"),
        ("unknown", "UNKNOWN", "?"),
    ):
        badge = f'<span class="badge st-{status}"><span class="sym">{symbol}</span>{word}</span>'
        assert badge in page
    assert '<span class="badge k-red_line">RED LINE</span>' in page


def test_every_status_has_a_style() -> None:
    from summarizer.render.html import stylesheet

    css = stylesheet()
    for status in ("offered", "accepted", "rejected", "pending", "unknown"):
        assert f".st-{status} {{" in css
    for kind in ("red_line", "prerequisite", "if_then", "other"):
        assert f".k-{kind} {{" in css


def test_positions_are_grouped_by_actor_in_actor_order(putin: tuple[Briefing, str]) -> None:
    b, _ = putin
    page = render_html(b)
    heads = re.findall(r'<th scope="row">([^<]+)</th>', page)
    assert heads == ["Vladimir Putin", "Volodymyr Zelensky", "Donald Trump"]
    putin_row = page[page.index('<th scope="row">Vladimir Putin') :].split("</tr>")[0]
    assert putin_row.count('class="item"') == 4


def test_hostile_text_is_escaped(hostile: tuple[Briefing, str]) -> None:
    b, article = hostile
    for page in (render_html(b), render_html(b, article=article), render_evidence(b, article)):
        assert "<script" not in page.lower()
        for tag in ("<img", "<b>no", "<b>talks", "<b>Minister", "<em>", "<i>", "<a href='"):
            assert tag not in page, tag
        assert "javascript:" not in "".join(parse(page).links)
        assert "&lt;script&gt;alert(&#x27;title&#x27;)&lt;/script&gt;" in page
        dom = parse(page)
        assert not {"script", "img", "em", "i"} & dom.names()
        assert "<script>alert('title')</script> Minister" in dom.text
        assert "<script>alert('article')</script>" in dom.text  # a quote, shown as text


def test_a_bad_language_code_cannot_break_the_html_tag(putin: tuple[Briefing, str]) -> None:
    b, _ = putin
    b.language = 'en" onload="alert(1)'
    assert '<html lang="en">' in render_html(b)
    b.language = "pt-BR"
    assert '<html lang="pt-BR">' in render_html(b)


def test_the_huge_briefing_says_what_it_left_out(huge: tuple[Briefing, str]) -> None:
    b, _ = huge
    dom = parse(render_html(b))
    notes = dom.with_class("left-out")
    assert len(notes) == 1
    assert "Left out to fit one page: evidence quotes;" in dom.text
    assert re.search(r"Positions · \d+ of 40 shown", dom.text)
    assert re.search(r"Open questions · \d+ of 12 shown", dom.text)
    assert render_html(b, one_page=False).count('class="item"') == 40


def test_ids_are_unique_and_every_link_lands(case: tuple[Briefing, str]) -> None:
    b, article = case
    for page in (render_html(b, article=article), render_evidence(b, article)):
        dom = parse(page)
        counts = Counter(dom.ids)
        assert [i for i, n in counts.items() if n > 1] == []
        missing = {link[1:] for link in dom.links} - set(dom.ids)
        assert missing == set()


def test_items_link_to_their_highlights_and_back(putin: tuple[Briefing, str]) -> None:
    b, article = putin
    page = render_html(b, article=article)
    assert '<a class="ref" href="#ev-positions-0-0"' in page
    assert 'id="ev-positions-0-0"' in page
    # the highlight's label leads back to the item on the briefing page
    assert '<a class="ev-back" href="#item-positions-0" title="back to P1">P1</a>' in page
    assert 'id="item-positions-0"' in page
    # without the article there is nothing to link to
    assert 'href="#ev-' not in render_html(b)


def test_the_evidence_section_starts_a_new_page(putin: tuple[Briefing, str]) -> None:
    b, article = putin
    page = render_html(b, article=article)
    assert page.index('<main class="page"') < page.index('<section class="evidence"')
    assert ".evidence { break-before: page; }" in page
