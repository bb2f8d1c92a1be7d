"""Span helpers shared by the rules: evidence-ready spans of the article.

Evidence must be an exact slice of the article, readable on its own: no dangling quotation
marks, no trailing ", Putin said." attribution, at most ~300 characters. And several rules need
"which sentences mention X" for a whole article, which one regex pass answers faster than one
search per sentence.
"""

from __future__ import annotations

import bisect
import re

from .sentences import Document, trim

Span = tuple[int, int]

_QUOTES = '“”"«»„'

_CLOSING = re.compile(r"[”»]|(?<=[,.?!—–-])\"")


def clean_span(text: str, start: int, end: int) -> Span:
    """A span without surrounding quotation marks or a trailing ', Putin said.' attribution."""
    start, end = trim(text, start, end)
    for closing in _CLOSING.finditer(text, start + 1, end):
        if text[closing.end() : end].strip(" \t,.;"):
            end = closing.end() - 1
            break
    while start < end and (text[start] in _QUOTES or text[start].isspace()):
        start += 1
    while end > start and (text[end - 1] in _QUOTES + ",;:—–-" or text[end - 1].isspace()):
        end -= 1
    return start, end


def clip(text: str, span: Span, limit: int = 300) -> Span:
    """At most ``limit`` characters, cut at a word boundary."""
    start, end = span
    if end - start > limit:
        cut = text.rfind(" ", start, start + limit)
        end = cut if cut > start else start + limit
    return trim(text, start, end)


def sentences_matching(doc: Document, pattern: re.Pattern[str]) -> set[int]:
    """Indices of the sentences in which ``pattern`` matches, by searching the text once
    (after a hit the search resumes at the end of that sentence)."""
    starts = [s.start for s in doc.sentences]
    out: set[int] = set()
    pos = 0
    while True:
        match = pattern.search(doc.text, pos)
        if match is None:
            return out
        i = bisect.bisect_right(starts, match.start()) - 1
        if i >= 0 and match.start() < doc.sentences[i].end:
            out.add(i)
            pos = max(match.end(), doc.sentences[i].end)
        else:
            pos = match.end() if match.end() > match.start() else match.end() + 1
