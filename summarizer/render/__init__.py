"""Render a ``Briefing`` as Markdown, HTML, JSON or plain text: pure functions, no I/O.

``render(briefing, fmt)`` is the entry point. Markdown, HTML and text show one page's worth:
the selection ``fit.fit`` makes so the HTML page prints on one A4 sheet, with a line saying
what was left out (``one_page=False`` shows everything). JSON is always the whole briefing.

The evidence view (the article with every quote highlighted and linked to its item) needs the
article text the offsets refer to: ``render(b, "html", article=text)`` appends it to the page as
a second section that starts on a new printed page (not part of the one-page rule), and
``render_evidence(b, text)`` gives it as a document of its own. Other formats ignore
``article``.

Nothing here imports a model client; ``rich`` is imported only by ``print_markdown_tty``.
"""

from __future__ import annotations

from typing import Literal, get_args

from ..schema import Briefing
from .html import render_evidence, render_html
from .markdown import render_markdown
from .text import render_text

__all__ = [
    "FORMATS",
    "Format",
    "print_markdown_tty",
    "render",
    "render_evidence",
    "render_html",
    "render_json",
    "render_markdown",
    "render_text",
]

Format = Literal["md", "html", "json", "text"]
FORMATS: tuple[Format, ...] = get_args(Format)


def render_json(briefing: Briefing) -> str:
    """The whole briefing as indented JSON (it validates back with ``Briefing``)."""
    return briefing.model_dump_json(indent=2) + "\n"


def render(
    briefing: Briefing, fmt: Format, *, article: str | None = None, one_page: bool = True
) -> str:
    """``briefing`` in format ``fmt``; ``article`` adds the evidence view to HTML."""
    if fmt == "md":
        return render_markdown(briefing, one_page=one_page)
    if fmt == "html":
        return render_html(briefing, article=article, one_page=one_page)
    if fmt == "json":
        return render_json(briefing)
    if fmt == "text":
        return render_text(briefing, one_page=one_page)
    raise ValueError(f"unknown format {fmt!r}: use one of {', '.join(FORMATS)}")


def print_markdown_tty(markdown: str) -> None:
    """Print Markdown to the terminal with rich (headings, tables, emphasis)."""
    from rich.console import Console
    from rich.markdown import Markdown

    Console().print(Markdown(markdown))
