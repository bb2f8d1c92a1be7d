"""HTML input: telling pages from text, extracting the article, and refusing empty pages."""

from __future__ import annotations

import difflib
import subprocess
import sys
from pathlib import Path

import pytest

from summarizer.errors import InputError
from summarizer.htmlinput import extract_text, looks_like_html, tidy, visible_text

ARTICLES = Path(__file__).resolve().parents[1] / "fixtures" / "articles"
PAGE = ARTICLES / "07-wh-mitchell-briefing-trilateral-meeting.html"
TITLE = "Briefing by U.S. Special Envoy for Middle East Peace George Mitchell"


@pytest.mark.parametrize("path", sorted(ARTICLES.glob("*.txt")), ids=lambda p: p.name)
def test_fixture_texts_are_not_html(path: Path) -> None:
    assert not looks_like_html(path.read_text(encoding="utf-8"))


@pytest.mark.parametrize(
    "text",
    [
        PAGE.read_text(encoding="utf-8"),
        "<!DOCTYPE html><title>x</title>",
        "\ufeff\n  <html><body>text</body></html>",
        "<?xml version='1.0'?>\n<html xmlns='http://www.w3.org/1999/xhtml'></html>",
        "<p>One paragraph.</p>",
        "<div class='story'><h1>Title</h1></div>",
    ],
)
def test_pages_and_fragments_are_html(text: str) -> None:
    assert looks_like_html(text)


@pytest.mark.parametrize(
    "text",
    [
        "The minister said the <script> tag was blocked.",
        "<b>Breaking</b>: talks resume",  # inline markup only, not a page
        "<p>never closed",
        "A < B and C > D",
        "",
    ],
)
def test_text_that_mentions_tags_is_not_html(text: str) -> None:
    assert not looks_like_html(text)


def test_the_saved_news_page_becomes_its_article_text() -> None:
    text = extract_text(PAGE.read_text(encoding="utf-8"))
    assert text.startswith(TITLE + "\n\nTHE WHITE HOUSE\n")
    assert "<" not in text and "\xa0" not in text and "  " not in text
    assert "We do not yet know the composition of the negotiators" in text
    assert text.rstrip().endswith("2:44 P.M. EDT")
    reference = (ARTICLES / "07-wh-mitchell-briefing-trilateral-meeting.txt").read_text("utf-8")
    similarity = difflib.SequenceMatcher(None, " ".join(text.split()), " ".join(reference.split()))
    assert similarity.ratio() > 0.98


def test_quotes_ground_against_the_extracted_text() -> None:
    from .render.briefings import mitchell

    text = extract_text(PAGE.read_text(encoding="utf-8"))
    briefing, article = mitchell(text)  # ev() asserts every quote is found by str.find
    assert article is text
    for _, ev in briefing.evidence_items():
        assert ev.start is not None and ev.end is not None
        if ev.match == "exact":
            assert text[ev.start : ev.end] == ev.quote


def test_the_page_renders_as_markdown() -> None:
    from summarizer.render import render

    from .render.briefings import mitchell

    briefing, _ = mitchell(extract_text(PAGE.read_text(encoding="utf-8")))
    md = render(briefing, "md")
    assert md.startswith("# Mitchell: Obama presses Netanyahu and Abbas")
    assert "## Proposals" in md


def test_a_short_fragment_falls_back_to_its_visible_text() -> None:
    assert extract_text("<p>One line &amp; more.</p>") == "One line & more."


def test_a_page_without_text_is_refused_in_one_line() -> None:
    with pytest.raises(InputError) as info:
        extract_text(
            "<html><head><style>p{}</style></head><body><script>x()</script></body></html>"
        )
    message = str(info.value)
    assert "\n" not in message and "no article text" in message


def test_visible_text_skips_scripts_styles_and_the_head() -> None:
    page = (
        "<html><head><title>T</title><style>b{}</style></head><body><h1>Head</h1>"
        "<script>var x = '<p>no</p>';</script><p>First&nbsp;para.</p><p>Second</p></body></html>"
    )
    assert visible_text(page) == "Head\n\nFirst para.\n\nSecond"


def test_tidy() -> None:
    assert tidy("  a\xa0\xa0 b \n\n\n\n c\t\td  ") == "a b\n\nc d"


def test_trafilatura_is_imported_only_when_a_page_is_read() -> None:
    code = (
        "import sys\n"
        "from summarizer.htmlinput import looks_like_html\n"
        "looks_like_html('<p>x</p>')\n"
        "assert 'trafilatura' not in sys.modules\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
