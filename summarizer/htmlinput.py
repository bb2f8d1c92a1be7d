"""HTML input: tell a saved web page from plain text, and reduce it to the article's text.

The article text is found with trafilatura (imported only when a page is actually read), which
keeps the main content and drops navigation, scripts, cookie banners and other boilerplate.
It installs from PyPI as pure Python on top of lxml wheels and never downloads anything at run
time. When it finds no main content (a short fragment such as ``<p>One line.</p>``), the
visible text of the page is used instead, read with the standard library's ``HTMLParser``.
The result is tidied (non-breaking spaces and runs of blanks become one space, at most one
blank line in a row) and, when the page has a title the text does not start with, the title
becomes the first line. Evidence offsets then refer to this extracted text.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

from .errors import InputError

_START = re.compile(r"<!doctype\s+html\b|<html\b|<\?xml[^>]*>\s*<(?:!doctype|html)\b", re.I)
_BLOCK = re.compile(
    r"<(html|head|body|main|article|section|div|p|h[1-6]|header|footer|nav|table|ul|ol|li|"
    r"blockquote|pre|title)\b[^>]*>",
    re.I,
)
_INVISIBLE = {"script", "style", "noscript", "template", "head", "svg", "iframe", "object"}
_BREAKS = {"p", "div", "br", "li", "tr", "section", "article", "header", "footer", "main"}
_BREAKS |= {"h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "table", "ul", "ol"}


def looks_like_html(text: str) -> bool:
    """True if ``text`` is an HTML document or fragment rather than article text.

    A document type or ``<html>`` at the start is enough; otherwise the text must start with a
    tag and contain a block element (``<p>``, ``<div>``, ``<h1>``...) that is also closed. An
    article that merely quotes a tag somewhere (``... a <script> tag ...``) is not HTML.
    """
    head = text.lstrip("\ufeff \t\r\n")[:8192]
    if _START.match(head):
        return True
    if not head.startswith("<"):
        return False
    return any(
        re.search(rf"</{re.escape(m.group(1))}\s*>", head, re.I) for m in _BLOCK.finditer(head)
    )


class _Visible(HTMLParser):
    """Collects the text a browser would show, with line breaks at block elements."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.hidden = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _INVISIBLE:
            self.hidden += 1
        elif tag in _BREAKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _INVISIBLE:
            self.hidden = max(0, self.hidden - 1)
        elif tag in _BREAKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.hidden:
            self.parts.append(data)


def visible_text(html: str) -> str:
    """The page's visible text (scripts, styles and the head left out), tidied."""
    parser = _Visible()
    parser.feed(html)
    parser.close()
    return tidy("".join(parser.parts))


def tidy(text: str) -> str:
    """Spaces collapsed within lines, lines stripped, at most one blank line in a row."""
    lines = [" ".join(line.replace("\xa0", " ").split()) for line in text.splitlines()]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def extract_text(html: str) -> str:
    """The article text of an HTML page; ``InputError`` if there is none."""
    try:
        import trafilatura
    except ImportError:  # pragma: no cover - trafilatura is a dependency
        raise InputError(
            "reading HTML needs the trafilatura package: pip install 'trafilatura>=2.0,<3'"
        ) from None
    doc = trafilatura.bare_extraction(
        html,
        favor_recall=True,
        include_comments=False,
        include_tables=True,
        with_metadata=True,
        deduplicate=False,
    )
    text = tidy(getattr(doc, "text", None) or "") or visible_text(html)
    title = " ".join(str(getattr(doc, "title", None) or "").split())
    if title and text and not text.startswith(title):
        text = f"{title}\n\n{text}"
    if not text:
        raise InputError(
            "the HTML has no article text to extract: save the article page itself, or pass "
            "its text"
        )
    return text
