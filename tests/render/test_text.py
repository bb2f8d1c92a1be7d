"""Plain text: wrapped, sectioned, badges in words, and no control characters from the model."""

from __future__ import annotations

from summarizer.render.text import WIDTH, render_text
from summarizer.schema import Briefing


def test_sections_and_badges(putin: tuple[Briefing, str]) -> None:
    b, _ = putin
    text = render_text(b)
    lines = text.splitlines()
    assert lines[0] == "BRIEFING · 2025-09-03"
    assert lines[1].startswith("Putin: Ukraine may choose")
    assert set(lines[2]) == {"="}
    for heading in ("ACTORS", "POSITIONS", "CONDITIONS AND RED LINES", "PROPOSALS"):
        assert heading in lines
    assert "  - Vladimir Putin — President, Russia" in lines
    assert (
        "  - [✓ ACCEPTED] Donald Trump → Vladimir Putin: Putin should host Zelensky for direct"
        in lines
    )
    assert any(line.startswith("  - [RED LINE] Vladimir Putin:") for line in lines)
    assert "Left out to fit one page: evidence quotes (the JSON output has everything)." in text
    assert "Generated 2025-09-03T14:05:12Z in 6.4 s" in text


def test_lines_fit_the_width(case: tuple[Briefing, str]) -> None:
    b, _ = case
    for width in (60, WIDTH):
        for line in render_text(b, width=width).splitlines():
            assert len(line) <= width or " " not in line.strip(), line


def test_quotes_show_when_they_fit(case: tuple[Briefing, str]) -> None:
    b, _ = case
    text = render_text(b, one_page=False)
    first = b.evidence_items()[0][1].quote
    assert f"“{' '.join(first.split()[:3])}" in text


def test_control_characters_never_reach_the_terminal(putin: tuple[Briefing, str]) -> None:
    b, _ = putin
    b.title = "Red \x1b[31malert\x1b[0m \u202eevil"
    b.positions[0].stance = "bell\x07 and\r\nnewline"
    text = render_text(b)
    assert "\x1b" not in text and "\x07" not in text and "\u202e" not in text and "\r" not in text
    assert "Red [31malert[0m evil" in text
    assert "bell and newline" in text
