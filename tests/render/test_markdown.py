"""Markdown: GitHub-flavoured structure, the same selection as the page, escaped model text."""

from __future__ import annotations

import re

import pytest
from markdown_it import MarkdownIt

from summarizer.render import print_markdown_tty
from summarizer.render.fit import fit
from summarizer.render.markdown import escape, render_markdown
from summarizer.schema import Briefing

from .dom import parse


def _to_html(markdown: str) -> str:
    """Render as GitHub would (tables on, raw HTML allowed), to see what the text becomes."""
    return str(MarkdownIt("commonmark", {"html": True}).enable("table").render(markdown))


def test_sections_tables_and_badges(putin: tuple[Briefing, str]) -> None:
    b, _ = putin
    md = render_markdown(b)
    assert md.startswith("# Putin: Ukraine may choose its security, but not at Russia's expense\n")
    for heading in ("## Actors", "## Positions", "## Conditions and red lines", "## Proposals"):
        assert f"\n{heading}\n" in md
    assert "| Name | Role | Affiliation |" in md
    assert "| **Vladimir Putin** | President | Russia |" in md
    assert "- **`✓ ACCEPTED`** Donald Trump → Vladimir Putin:" in md
    assert "- **RED LINE** · Vladimir Putin:" in md
    assert "`Q1 ✓✗`" in md
    assert "Prompt: briefing-v1 \\(3f9a1c0b7d2e\\)" not in md  # parentheses stay readable
    assert "Prompt: briefing-v1 (3f9a1c0b7d2e)" in md
    html = _to_html(md)
    assert html.count("<tr>") == 5  # header and four actors
    assert "<blockquote>" in html  # the summary


def test_same_selection_as_the_html_page(huge: tuple[Briefing, str]) -> None:
    b, _ = huge
    f = fit(b)
    md = render_markdown(b)
    labels = re.findall(r"`(P\d+) ", md)
    assert labels == [f"P{i + 1}" for _, items in _groups(b, f.positions) for i in items]
    assert f"## Positions ({len(f.positions)} of 40 shown)" in md
    assert "*Left out to fit one page: evidence quotes;" in md
    assert len(re.findall(r"`P\d+ ", render_markdown(b, one_page=False))) == 40


def _groups(b: Briefing, kept: list[int]) -> list[tuple[str, list[int]]]:
    from summarizer.render.common import group_positions

    return group_positions(b, kept)


@pytest.mark.parametrize(
    ("raw", "escaped"),
    [
        ("a | b", "a \\| b"),
        ("<script>x</script>", "\\<script\\>x\\</script\\>"),
        ("1. not a list", "1\\. not a list"),
        ("- not a list", "\\- not a list"),
        ("*bold* _it_ `code` [l](u)", "\\*bold\\* \\_it\\_ \\`code\\` \\[l\\](u)"),
        ("a &amp; b", "a \\&amp; b"),
        ("two\nlines\x1b[31m", "two lines\\[31m"),
        ("12) nor this", "12\\) nor this"),
    ],
)
def test_escape(raw: str, escaped: str) -> None:
    assert escape(raw) == escaped


def test_hostile_text_stays_text(hostile: tuple[Briefing, str]) -> None:
    b, _ = hostile
    md = render_markdown(b)
    dom = parse(_to_html(md))
    assert not {"script", "img", "b", "i", "a"} & dom.names()
    assert "<em>talks</em>" not in _to_html(md)
    assert "<script>alert('title')</script> Minister: talks & trade resume" in dom.text
    assert "Minister | *trade*" in dom.text  # one cell, not two
    assert "[link](javascript:alert(1))" in dom.text


def test_print_markdown_tty_uses_rich(
    putin: tuple[Briefing, str], capsys: pytest.CaptureFixture[str]
) -> None:
    b, _ = putin
    print_markdown_tty(render_markdown(b))
    out = capsys.readouterr().out
    assert "Putin: Ukraine may choose its security" in out
    assert "ACCEPTED" in out and "Vladimir Putin" in out
    assert "**" not in out  # rendered, not raw
