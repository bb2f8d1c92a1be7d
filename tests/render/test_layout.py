"""Page geometry and text metrics: in step with the stylesheet, and erring long."""

from __future__ import annotations

import re
from importlib import resources

from summarizer.render import layout
from summarizer.render.html import render_html
from summarizer.render.layout import COLUMNS, text_height, text_lines
from summarizer.schema import Briefing


def test_text_lines_grows_with_text_and_shrinks_with_width() -> None:
    assert text_lines("", 50, 9) == 1
    short, long = "word " * 5, "word " * 80
    assert text_lines(short, 180, 9) == 1
    assert text_lines(long, 180, 9) > 1
    assert text_lines(long, 40, 9) > text_lines(long, 180, 9)
    assert text_lines(long, 180, 9, bold=True) >= text_lines(long, 180, 9)
    assert text_lines("x" * 400, 30, 9) > 5  # an unbreakable run still wraps
    assert text_lines("漢" * 150, 100, 9) > text_lines("n" * 150, 100, 9)


def test_text_height_is_lines_times_leading() -> None:
    one = text_height("a few words", 100, (10.0, 1.5))
    assert abs(one - 10 * layout.PT * 1.5) < 1e-9
    assert text_height("word " * 200, 100, (10.0, 1.5)) > 5 * one


def test_a_line_of_known_width_is_not_underestimated() -> None:
    # 100 "n" at 10 pt are 100 * 0.556 em = 196 mm wide in Liberation Sans
    assert text_lines("n " * 100, 150, 10) >= 2
    assert text_lines("n" * 100, 195, 10) == 2


def test_css_matches_the_geometry_the_estimate_uses() -> None:
    css = resources.files("summarizer.render").joinpath("briefing.css").read_text("utf-8")
    assert "@page { size: A4; margin: 12mm 14mm; }" in css
    assert (layout.MARGIN_Y, layout.MARGIN_X) == (12.0, 14.0)
    size, leading = layout.BODY
    assert re.search(rf"font-size: {size:g}pt; line-height: {leading:g};", css)
    size, leading = layout.LEAD
    assert f"font-size: {size:g}pt; line-height: {leading:g}; }}" in css
    assert f"font: bold {layout.TITLE[0]:g}pt/{layout.TITLE[1]:g}" in css
    assert f"padding: {layout.PAD_Y:g}mm {layout.PAD_X:g}mm;".replace("0.", ".") in css


def test_the_page_uses_the_estimated_column_widths(putin: tuple[Briefing, str]) -> None:
    b, _ = putin
    page = render_html(b)
    for widths in COLUMNS.values():
        assert sum(widths) == 100
        cols = "".join(f'<col style="width:{w}%">' for w in widths)
        assert f"<colgroup>{cols}</colgroup>" in page
