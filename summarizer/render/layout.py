"""Page geometry and text metrics: what ``fit`` needs to estimate the printed page's height.

The numbers here are the ones ``briefing.css`` uses (``@page`` margins, font sizes and
line-heights, cell paddings), and ``html.py`` writes ``COLUMNS`` into each table's
``<colgroup>``, so the estimate and the page cannot drift apart silently (a test compares them).
Line breaks are estimated from Liberation Sans advance widths, which Chromium uses for the
page's sans-serif text (Debian's fonts-liberation, installed with chromium).
"""

from __future__ import annotations

import unicodedata

PT = 25.4 / 72  # millimetres per point
PAGE_W, PAGE_H = 210.0, 297.0  # A4
MARGIN_X, MARGIN_Y = 14.0, 12.0  # must match @page in briefing.css
CONTENT_W = PAGE_W - 2 * MARGIN_X
CONTENT_H = PAGE_H - 2 * MARGIN_Y
RESERVE_MM = 8.0  # slack kept free for rounding in the browser

# (font size in pt, line-height): the same numbers as briefing.css
BODY, SMALL, TITLE, META = (8.5, 1.3), (7.5, 1.25), (18.0, 1.15), (8.5, 1.35)
LEAD, HEAD, TH, NOTE, FOOT = (9.5, 1.4), (8.0, 1.2), (6.5, 1.2), (7.5, 1.3), (7.0, 1.35)
PAD_Y, PAD_X, BADGE_MM = 0.7, 1.5, 4.0  # table cell padding, badge height, mm
# Column widths in % of the page width; html.py writes them into <colgroup>.
COLUMNS: dict[str, tuple[int, ...]] = {
    "actors": (32, 34, 34),
    "positions": (20, 80),
    "conditions": (16, 18, 66),
    "proposals": (14, 22, 64),
}

# Liberation Sans (Arial metrics) advance widths in 1/1000 em, for an estimate of line breaks.
_WIDTHS: dict[str, int] = {" ": 278, "i": 222, "j": 222, "l": 222, "f": 278, "t": 278}
_WIDTHS |= {"r": 333, "m": 833, "w": 722, "I": 278, "J": 500, "M": 833, "W": 944, "—": 1000}
_WIDTHS |= {c: 500 for c in "ckszvxy"} | {c: 278 for c in ".,:;!|'/"}
_WIDTHS |= {c: 333 for c in '-()[]"‘’“”'} | {c: 778 for c in "GOQ"}


def _char_width(char: str) -> float:
    if char in _WIDTHS:
        return _WIDTHS[char] / 1000
    if unicodedata.east_asian_width(char) in "WF":
        return 1.0
    if char.isupper():
        return 0.722
    return 0.556 if char.isascii() else 0.6


def text_lines(
    text: str, width_mm: float, size_pt: float, *, bold: bool = False, serif: bool = False
) -> int:
    """Lines that ``text`` takes when wrapped at word boundaries in a box ``width_mm`` wide.

    Widths are Liberation Sans's, plus 2% (10% for bold) so that the estimate errs long;
    Liberation Serif bold (the title) is about as wide as the regular sans.
    """
    scale = size_pt * PT * (1.02 if serif or not bold else 1.1)
    space = _char_width(" ") * scale
    lines, used = 1, 0.0
    for word in text.split():
        width = sum(_char_width(c) for c in word) * scale
        if used and used + space + width > width_mm:
            lines, used = lines + 1, 0.0
        if width > width_mm:  # an unbreakable run is broken anywhere (overflow-wrap)
            extra = int(width // width_mm)
            lines, width = lines + extra, width - extra * width_mm
        used = used + space + width if used else width
    return lines


def text_height(
    text: str,
    width_mm: float,
    style: tuple[float, float],
    *,
    bold: bool = False,
    serif: bool = False,
) -> float:
    """Height in mm of ``text`` wrapped in a box ``width_mm`` wide, in (size pt, leading)."""
    size, leading = style
    return text_lines(text, width_mm, size, bold=bold, serif=serif) * size * PT * leading
