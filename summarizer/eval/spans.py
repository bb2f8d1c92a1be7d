"""Find evidence quotes in an article, so that scoring can compare *where* two quotes point.

Scoring matches a predicted item to a gold item partly by evidence overlap, which needs each
quote as a character span of the article. Models copy quotes with straightened apostrophes,
other dashes, joined lines or an ellipsis, so a plain ``str.find`` misses spans any reader would
call the same text. Location is delegated to the library's own ``summarizer.align.Aligner``
(exact, then normalised, then ellipsis parts, then fuzzy), so the eval and the briefing's own
grounding report agree on what "found" means. For the grounding *rate* only exact and
normalised matches count; fuzzy spans are still used to compare where two items point.

``normalise_with_map`` is a small folding helper with an offset map, used by the simulator to
recognise fixture articles inside rendered prompts.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from typing import Literal

Found = Literal["exact", "normalised", "fuzzy"]
GROUNDED: frozenset[str] = frozenset({"exact", "normalised"})
_STATUS: dict[str, Found] = {"exact": "exact", "normalised": "normalised", "fuzzy": "fuzzy"}

_CHAR_MAP: dict[str, str] = {
    "\u2018": "'",
    "\u2019": "'",
    "\u201a": "'",
    "\u201b": "'",
    "\u2032": "'",
    "`": "'",
    "\u201c": '"',
    "\u201d": '"',
    "\u201e": '"',
    "\u2033": '"',
    "\u2010": "-",
    "\u2011": "-",
    "\u2012": "-",
    "\u2013": "-",
    "\u2014": "-",
    "\u2015": "-",
    "\u2212": "-",
    "\u00a0": " ",
}


@dataclass(frozen=True)
class Span:
    """Where a quote was found: ``article[start:end]``, and whether verbatim or normalised."""

    start: int
    end: int
    found: Found


def _fold(char: str) -> str:
    """One character, normalised: quotes/dashes unified, accents dropped, case folded."""
    char = _CHAR_MAP.get(char, char)
    decomposed = unicodedata.normalize("NFKD", char)
    base = "".join(c for c in decomposed if not unicodedata.combining(c))
    return base.casefold()


def normalise_with_map(text: str) -> tuple[str, list[int]]:
    """``text`` normalised, and for each output character the index of its source character.

    Whitespace runs become one space; every other character is folded by ``_fold`` (which may
    expand one character into several, e.g. a ligature; each maps back to the same source).
    """
    out: list[str] = []
    index: list[int] = []
    in_space = False
    for i, char in enumerate(text):
        if char.isspace() or char == "\u00a0":
            if not in_space and out:
                out.append(" ")
                index.append(i)
            in_space = True
            continue
        in_space = False
        for folded in _fold(char):
            out.append(folded)
            index.append(i)
    if out and out[-1] == " ":
        out.pop()
        index.pop()
    return "".join(out), index


class ArticleIndex:
    """An article prepared for repeated quote look-ups (indexed once by the Aligner)."""

    def __init__(self, article: str) -> None:
        from ..align import Aligner

        self.article = article
        self._aligner = Aligner(article)
        self._cache: dict[str, Span | None] = {}

    def find(self, quote: str) -> Span | None:
        """Where ``quote`` is in the article (exact, normalised or fuzzy); None if unmatched."""
        if quote not in self._cache:
            found = self._aligner.align(quote) if quote.strip() else None
            span = None
            if found is not None and found.start is not None and found.end is not None:
                span = Span(found.start, found.end, _STATUS.get(found.status, "fuzzy"))
            self._cache[quote] = span
        return self._cache[quote]

    def grounded(self, quote: str) -> bool:
        """Whether ``quote`` is in the article verbatim or after normalisation (not fuzzy)."""
        span = self.find(quote)
        return span is not None and span.found in GROUNDED


def covered(spans: list[Span]) -> list[tuple[int, int]]:
    """The union of ``spans`` as sorted, non-overlapping ``(start, end)`` intervals."""
    merged: list[tuple[int, int]] = []
    for span in sorted(spans, key=lambda s: (s.start, s.end)):
        if merged and span.start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], span.end))
        else:
            merged.append((span.start, span.end))
    return merged


def overlap_ratio(left: list[Span], right: list[Span]) -> float:
    """Characters both sides cover, over the smaller side's coverage (0.0 if either is empty).

    Dividing by the smaller side means a short quote lying inside a longer one scores 1.0: both
    point at the same passage, one more tightly.
    """
    a, b = covered(left), covered(right)
    size_a = sum(end - start for start, end in a)
    size_b = sum(end - start for start, end in b)
    if not size_a or not size_b:
        return 0.0
    shared = 0
    i = j = 0
    while i < len(a) and j < len(b):
        lo = max(a[i][0], b[j][0])
        hi = min(a[i][1], b[j][1])
        if hi > lo:
            shared += hi - lo
        if a[i][1] <= b[j][1]:
            i += 1
        else:
            j += 1
    return shared / min(size_a, size_b)
