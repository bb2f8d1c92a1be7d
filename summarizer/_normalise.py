"""Text folding with an exact map back to the original, plus bit-parallel edit distance.

Why this module exists: the aligner (``align.py``) compares a model's quote with the article
after *folding* both sides, and folding changes lengths (a whitespace run becomes one space,
"ß" casefolds to "ss", "…" becomes "...", " — " becomes "-"). Offsets must still point into the
original article, so every folded character remembers which original characters produced it.
The edit-distance kernel used to score fuzzy windows lives here too, so that ``align.py`` holds
only matching policy. Split out of ``align.py`` to keep both files under ~300 lines.

Folding rules, applied identically to the article and to every quote:

- NFKC per character, or per base character plus its combining marks (so "e" + U+0301 and
  "é" fold alike), then ``casefold`` (full folding: "ß" -> "ss", "İ" -> "i̇");
- curly, angled and prime single quotes -> ``'``; curly, angled, low double quotes -> ``"``;
- every dash variant (‐ ‑ ‒ – — ― − ⸺ ﹣ －) and any run of dashes ("--") -> ``-``, and
  whitespace touching a dash is dropped, so "a — b", "a--b" and "a - b" all fold to "a-b";
- a run of whitespace (spaces, tabs, line breaks, NBSP) -> one space; whitespace at the very
  start or end is dropped;
- format characters (zero-width space, soft hyphen, BOM: category Cf) are dropped.
  Known gap: a format character *between* two whitespace runs leaves two spaces.

The map is kept as segments rather than one entry per character: plain stretches map linearly
(folded char ``k`` of the stretch comes from original char ``start + k``), and only characters
that change length get an explicit ``(start, end)`` entry. Building it is a ``str.translate`` plus
one regex pass over the few places that need more than a one-to-one replacement.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import lru_cache

DASHES = "-\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u2e3a\u2e3b\ufe58\ufe63\uff0d"
_SINGLE_QUOTES = "\u2018\u2019\u201a\u201b\u2032\u2039\u203a\u02bc`\u00b4"
_DOUBLE_QUOTES = "\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb"
_MAP = str.maketrans(
    {
        **dict.fromkeys(_SINGLE_QUOTES, "'"),
        **dict.fromkeys(_DOUBLE_QUOTES, '"'),
        **dict.fromkeys(DASHES, "-"),
    }
)
_D = re.escape(DASHES)
_DASH_RUN = rf"(?P<dash>\s+[{_D}]+\s*|[{_D}]{{2,}}\s*|[{_D}]\s+)"
_WS_RUN = r"(?P<ws>\A\s+|\s+\Z|\s{2,})"
_PIECES: dict[str, str] = {}


def fold_piece(piece: str) -> str:
    """Fold one character (or one base character with its combining marks); may be ''."""
    out = _PIECES.get(piece)
    if out is None:
        folded = unicodedata.normalize("NFKC", piece.translate(_MAP)).casefold().translate(_MAP)
        out = "".join(c for c in folded if not c.isspace() and unicodedata.category(c) != "Cf")
        if len(_PIECES) < 100_000:
            _PIECES[piece] = out
    return out


def is_edge(char: str) -> bool:
    """True for what a quote's core is trimmed of: whitespace and Unicode punctuation (P*)."""
    return char.isspace() or unicodedata.category(char).startswith("P")


def strip_core(folded: str) -> str:
    """Drop leading/trailing whitespace and punctuation (quotation marks, full stops, dashes)."""
    i, j = 0, len(folded)
    while i < j and is_edge(folded[i]):
        i += 1
    while j > i and is_edge(folded[j - 1]):
        j -= 1
    return folded[i:j]


@lru_cache(maxsize=256)
def _pattern(special: str) -> re.Pattern[str]:
    """Regex for every place that is not a one-to-one replacement, given the odd characters."""
    marks = re.escape("".join(c for c in special if unicodedata.category(c).startswith("M")))
    guard = rf"[\s{_D}{re.escape(special)}]" + (rf"|[^\s][{marks}]" if marks else "")
    parts = [rf"(?P<cl>[^\s][{marks}]+)"] if marks else []
    if special:
        parts.append(rf"(?P<sp>[{re.escape(special)}])")
    # the lookahead lets the engine reject ordinary characters with one test (3x faster)
    return re.compile(rf"(?=(?:{guard}))(?:{'|'.join([*parts, _DASH_RUN, _WS_RUN])})")


def _one_to_one(text: str, chars: set[str], table: dict[int, str]) -> str:
    """``text.translate(table)``, computed as ``lower()`` plus a few ``replace`` calls if safe."""
    lowered = text.lower()
    if len(lowered) != len(text) or "\u03a3" in chars:  # sigma lowers by context
        return text.translate(table)
    want: dict[str, str] = {}
    for char in chars:
        target = table.get(ord(char), char)
        if want.setdefault(char.lower(), target) != target:
            return text.translate(table)
    for low, target in want.items():
        if low != target:
            if want.get(target, target) != target:
                return text.translate(table)
            lowered = lowered.replace(low, target)
    return lowered


def _classify(chars: set[str]) -> tuple[dict[int, str], str]:
    """One-to-one translate table for ``text``'s characters, and the characters that are not."""
    table: dict[int, str] = {}
    special: list[str] = []
    for char in chars:
        if char.isspace():
            table[ord(char)] = " "
            continue
        folded = fold_piece(char)
        if len(folded) == 1 and not unicodedata.category(char).startswith("M"):
            if folded != char:
                table[ord(char)] = folded
        else:
            special.append(char)
    return table, "".join(sorted(special))


@dataclass(frozen=True, slots=True)
class Folded:
    """Folded text plus the segment map back to the original string."""

    text: str
    seg_folded: list[int]  # folded index where each segment starts
    seg_orig: list[int]  # original index where each segment (or character) starts
    seg_end: list[int]  # -1 for a linear segment; else original end of a one-char segment

    def _seg(self, i: int) -> int:
        return bisect_right(self.seg_folded, i) - 1

    def start_of(self, i: int) -> int:
        """Original index of the first character behind folded character ``i``."""
        k = self._seg(i)
        if self.seg_end[k] < 0:
            return self.seg_orig[k] + i - self.seg_folded[k]
        return self.seg_orig[k]

    def end_of(self, i: int) -> int:
        """Original index just past the characters behind folded character ``i``."""
        k = self._seg(i)
        if self.seg_end[k] < 0:
            return self.seg_orig[k] + i - self.seg_folded[k] + 1
        return self.seg_end[k]

    def span(self, i: int, j: int) -> tuple[int, int]:
        """Original ``(start, end)`` behind the non-empty folded slice ``[i, j)``."""
        return self.start_of(i), self.end_of(j - 1)

    def to_folded(self, pos: int) -> int:
        """First folded index whose original start is ``>= pos`` (``len(text)`` if none)."""
        k = bisect_left(self.seg_orig, pos)
        if k < len(self.seg_orig) and self.seg_orig[k] == pos:
            return self.seg_folded[k]
        k -= 1
        if k < 0:
            return 0
        if self.seg_end[k] >= 0:
            return self.seg_folded[k] + 1
        nxt = self.seg_folded[k + 1] if k + 1 < len(self.seg_folded) else len(self.text)
        return min(self.seg_folded[k] + pos - self.seg_orig[k], nxt)


def fold(text: str) -> Folded:
    """Fold ``text`` (rules in the module docstring) and keep the map back to it."""
    chars = set(text)
    table, special = _classify(chars)
    plain = _one_to_one(text, chars, table)  # right wherever no pattern match below overrides it
    pieces: list[str] = []
    seg_folded: list[int] = []
    seg_orig: list[int] = []
    seg_end: list[int] = []
    done = prev = 0  # folded length so far; original index already consumed
    for m in _pattern(special).finditer(text):
        start, end = m.span()
        if start > prev:
            seg_folded.append(done)
            seg_orig.append(prev)
            seg_end.append(-1)
            pieces.append(plain[prev:start])
            done += start - prev
        prev = end
        if m.lastgroup == "ws":
            if done == 0 or end == len(text):
                continue
            out, o_start, o_end = " ", start, end
        elif m.lastgroup == "dash":
            run = m.group()
            out = "-"
            o_start, o_end = start + len(run) - len(run.lstrip()), start + len(run.rstrip())
        else:
            out, o_start, o_end = fold_piece(m.group()), start, end
        for _ in out:
            seg_folded.append(done)
            seg_orig.append(o_start)
            seg_end.append(o_end)
            done += 1
        pieces.append(out)
    if prev < len(text):
        seg_folded.append(done)
        seg_orig.append(prev)
        seg_end.append(-1)
        pieces.append(plain[prev:])
    return Folded("".join(pieces), seg_folded, seg_orig, seg_end)


def edit_profile(pattern: str, text: str, *, anchored: bool) -> list[int]:
    """Edit distance of ``pattern`` against ``text`` after each character (Myers' bit-vectors).

    ``out[j]`` is the Levenshtein distance between ``pattern`` and the best substring of ``text``
    ending at ``j + 1`` (``anchored=False``: free start, i.e. approximate search), or between
    ``pattern`` and ``text[: j + 1]`` (``anchored=True``). O(len(text) * len(pattern) / 64).
    """
    m = len(pattern)
    if m == 0:
        return [j + 1 if anchored else 0 for j in range(len(text))]
    peq: dict[str, int] = {}
    for i, char in enumerate(pattern):
        peq[char] = peq.get(char, 0) | (1 << i)
    mask = (1 << m) - 1
    high = 1 << (m - 1)
    carry = 1 if anchored else 0
    pv, mv, score = mask, 0, m
    out: list[int] = []
    for char in text:
        eq = peq.get(char, 0)
        xv = eq | mv
        xh = (((eq & pv) + pv) ^ pv) | eq
        ph = mv | (~(xh | pv) & mask)
        mh = pv & xh
        if ph & high:
            score += 1
        elif mh & high:
            score -= 1
        ph = ((ph << 1) | carry) & mask
        mh = (mh << 1) & mask
        pv = mh | (~(xv | ph) & mask)
        mv = ph & xv
        out.append(score)
    return out
