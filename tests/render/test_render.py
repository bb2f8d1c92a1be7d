"""The package entry point: formats, dispatch, JSON round trip, and what it never imports."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from summarizer.render import FORMATS, render, render_json
from summarizer.schema import Briefing


def test_formats() -> None:
    assert FORMATS == ("md", "html", "json", "text")


def test_each_format_dispatches(putin: tuple[Briefing, str]) -> None:
    b, article = putin
    assert render(b, "md").startswith("# Putin")
    assert render(b, "html").startswith("<!DOCTYPE html>")
    assert render(b, "text").startswith("BRIEFING")
    assert json.loads(render(b, "json"))["title"] == b.title
    assert 'class="evidence"' in render(b, "html", article=article)
    assert render(b, "md", article=article) == render(b, "md")
    with pytest.raises(ValueError, match="unknown format 'pdf'"):
        render(b, "pdf")  # type: ignore[arg-type]


def test_json_is_the_whole_briefing_and_round_trips(huge: tuple[Briefing, str]) -> None:
    b, _ = huge
    out = render_json(b)
    assert out.endswith("\n")
    again = Briefing.model_validate_json(out)
    assert again == b
    assert len(again.positions) == 40  # JSON is never cut to a page


def test_rendering_imports_no_model_client_and_no_rich() -> None:
    code = (
        "import sys\n"
        "from summarizer.render import render\n"
        "from summarizer.schema import Briefing\n"
        "b = Briefing(title='T', summary='S.')\n"
        "for fmt in ('md', 'html', 'json', 'text'):\n"
        "    render(b, fmt, article='text')\n"
        "bad = {'openai', 'instructor', 'rich', 'httpx', 'trafilatura'} & set(sys.modules)\n"
        "assert not bad, bad\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_a_bare_briefing_renders_in_every_format() -> None:
    b = Briefing(title="Only a title", summary="Only a summary.")
    for fmt in FORMATS:
        out = render(b, fmt)
        assert "Only a title" in out
    assert "Run information: not recorded." in render(b, "text")
    assert "Grounding: not checked." in render(b, "html")
