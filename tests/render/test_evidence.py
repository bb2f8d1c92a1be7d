"""The evidence view: highlights, their styles, overlaps, links both ways, and escaping."""

from __future__ import annotations

import html
import re

from summarizer.render.evidence import (
    Located,
    first_highlights,
    highlight,
    locate,
    section_html,
    style_of,
)
from summarizer.render.html import render_evidence
from summarizer.schema import Briefing, Evidence

from .dom import parse


def _strip(fragment: str) -> str:
    """The article text back out of highlighted HTML (tags and back-link labels removed)."""
    without_labels = re.sub(r'<a class="ev-back"[^>]*>[^<]*</a>', "", fragment)
    return html.unescape(re.sub(r"<[^>]+>", "", without_labels))


def test_style_of_each_match_and_of_bad_offsets() -> None:
    assert style_of(Evidence(quote="q", start=0, end=3, match="exact"), 10) == "exact"
    assert style_of(Evidence(quote="q", start=0, end=3, match="normalised"), 10) == "normalised"
    assert style_of(Evidence(quote="q", start=0, end=3, match="fuzzy"), 10) == "fuzzy"
    assert style_of(Evidence(quote="q", start=0, end=3), 10) == "none"
    assert style_of(Evidence(quote="q", match="unmatched"), 10) == "unmatched"
    assert style_of(Evidence(quote="q", start=0, end=3, match="unmatched"), 10) == "unmatched"
    assert style_of(Evidence(quote="q", start=5, end=50, match="exact"), 10) == "unmatched"
    assert style_of(Evidence(quote="q", start=4, end=4, match="exact"), 10) == "unmatched"
    assert style_of(Evidence(quote="q", start=-1, end=4, match="exact"), 10) == "unmatched"


def test_every_placed_quote_is_located_once(putin: tuple[Briefing, str]) -> None:
    b, article = putin
    located = locate(b, article)
    placed = [e for _, e in b.evidence_items() if e.match != "unmatched"]
    assert len(located) == len(placed) == 17
    assert {e.style for e in located} == {"exact", "normalised", "fuzzy"}
    for e in located:
        assert 0 <= e.start < e.end <= len(article)
    assert first_highlights(b, article)[("positions", 0)] == "ev-positions-0-0"


def test_highlighting_keeps_the_article_text_intact(case: tuple[Briefing, str]) -> None:
    b, article = case
    back = {(s, i): "x" for s in ("positions", "conditions", "proposals", "open_questions")
            for i in range(50)}  # fmt: skip
    fragment = highlight(article, locate(b, article), back)
    assert _strip(fragment) == article


def test_overlapping_quotes_split_into_segments() -> None:
    article = "alpha beta gamma delta"
    located = [
        Located(0, 10, "positions", 0, 0, "fuzzy"),
        Located(6, 16, "positions", 1, 0, "exact"),
    ]
    back = {("positions", 0): "item-positions-0", ("positions", 1): "evi-positions-1"}
    fragment = highlight(article, located, back)
    assert '<mark class="ev ev-fuzzy" title="P1">alpha </mark>' in fragment
    assert '<mark class="ev ev-exact ev-overlap" title="P1, P2">beta</mark>' in fragment
    assert '<mark class="ev ev-exact" title="P2"> gamma</mark>' in fragment
    assert fragment.index('id="ev-positions-0-0"') < fragment.index('id="ev-positions-1-0"')
    assert '<a class="ev-back" href="#item-positions-0"' in fragment
    assert '<a class="ev-back" href="#evi-positions-1"' in fragment
    assert _strip(fragment) == article


def test_exact_fuzzy_and_unmatched_look_different(putin: tuple[Briefing, str]) -> None:
    b, article = putin
    section = section_html(b, article, on_page=set())
    dom = parse(section)
    assert dom.with_class("ev-exact") and dom.with_class("ev-fuzzy")
    assert dom.with_class("ev-normalised")
    unmatched = dom.with_class("ev-unmatched")
    assert len(unmatched) == 2  # the one unmatched quote in the index, plus the legend
    assert "“Zelensky said he would never travel to Moscow” (not found in the article)" in dom.text
    css = render_evidence(b, article)
    for rule in (".ev-exact, .ev-normalised {", ".ev-fuzzy {", ".ev-unmatched {"):
        assert rule in css


def test_index_lists_every_item_with_links_to_each_quote(putin: tuple[Briefing, str]) -> None:
    b, article = putin
    dom = parse(section_html(b, article, on_page={("positions", 0)}))
    items = [i for i in dom.ids if i.startswith("evi-")]
    assert len(items) == 6 + 3 + 4 + 1
    assert "#ev-positions-0-1" in dom.links  # second quote of P1
    assert "#item-positions-0" in dom.links  # ↑ page, only for items on the page
    assert "#item-positions-1" not in dom.links
    assert "#evi-positions-1" in dom.links  # P2's highlight leads back to the index


def test_a_hostile_article_renders_as_text(hostile: tuple[Briefing, str]) -> None:
    b, article = hostile
    page = render_evidence(b, article)
    assert "<script" not in page and "<img" not in page and "</body></html><!--" not in page
    dom = parse(page)
    assert "<script>alert('article')</script>" in dom.text
    assert '<img src=x onerror="alert(1)">' in dom.text
    assert not {"script", "img", "b"} & dom.names()
    assert page.rstrip().endswith("</body>\n</html>")
