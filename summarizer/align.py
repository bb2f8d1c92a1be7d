"""Align evidence quotes to character offsets in the article they were taken from.

Why this module exists: every claim in a briefing carries quotes the model copied from the
article, and models copy imperfectly (quotes straightened, line breaks joined, case changed,
words skipped with "...", a word edited). Offsets are computed here from the article alone.
Folding with its offset map and the edit-distance kernel live in ``_normalise``.

The ladder, first rung that succeeds wins:

1. ``exact``: the quote, stripped of surrounding whitespace, occurs verbatim.
2. ``normalised``: the quote's *core* occurs in the folded article. The core is the folded quote
   minus leading/trailing whitespace and punctuation, so quotation marks or a full stop the
   model added or dropped do not matter; the returned span covers the core only.
3. ellipsis: a core containing "...", "…", ". . ." or "[...]" is split into parts that must
   match in order, each starting at most ``MAX_ELLIPSIS_GAP`` (400) original characters after
   the previous part ends; the span runs from the first part's start to the last part's end.
   ``normalised`` if every part matched so; parts of ``MIN_FUZZY_PART``+ folded characters may
   match fuzzily, giving ``fuzzy`` with the length-weighted mean score.
4. ``fuzzy``: candidate windows come from a token bigram index (unigrams if no bigram hits),
   built on the first fuzzy lookup. Tokens are words, but single characters for CJK/Thai-family
   scripts, and for everything when the article has < 5 % spaces. The top-voted diagonals are
   searched with bit-parallel edit distance (ties keep the longer span); the span is snapped to
   whole words, takes in adjacent words equal to the quote's first/last words, and is trimmed of
   edge punctuation. score = 1 - distance / max(len(core), len(span)) on folded text. Below the
   threshold: ``unmatched``, None offsets, best score seen. Cores over ``MAX_FUZZY_CHARS`` skip it.

Occurrence rule: an occurrence is an exact or normalised match. The earliest occurrence starting
at or after ``after`` wins (exact beats normalised on a tie); if none starts there, the earliest
in the whole article. Fuzzy candidates with equal best scores are chosen by the same rule.
"""

from __future__ import annotations

import dataclasses
import heapq
import re
from bisect import bisect_left
from itertools import accumulate, pairwise
from typing import Literal

from ._normalise import Folded, edit_profile, fold, is_edge, strip_core

MAX_ELLIPSIS_GAP = 400
MIN_FUZZY_PART = 8
MAX_FUZZY_CHARS = 5000
_TOP_WINDOWS = 3
_POSTING_BUDGET = 2000
_SEED_LIMIT = 32
_NOSPACE = (
    "\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff\u3040-\u30ff\u31f0-\u31ff"
    "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
)
_WORD_TOKEN = re.compile(rf"[{_NOSPACE}]|[^\W{_NOSPACE}]+")
_CHAR_TOKEN = re.compile(r"\w")
_WORD_CHAR = re.compile(rf"[^\W{_NOSPACE}]")
_ELLIPSIS = re.compile(r"\s*[\[(]?\s*(?:\.\s?){2}\.[\s.]*[\])]?\s*")

Status = Literal["exact", "normalised", "fuzzy", "unmatched"]
_Hit = tuple[float, int, int]  # score, folded start, folded end


@dataclasses.dataclass(frozen=True, slots=True)
class Alignment:
    """Where a quote sits in the article; ``article[start:end]`` is the matched text."""

    start: int | None
    end: int | None
    status: Status
    score: float


@dataclasses.dataclass(frozen=True, slots=True)
class _Index:
    tokens: re.Pattern[str]
    starts: list[int]  # folded start of each article token
    ends: list[int]
    grams: dict[str, list[int]]  # token or "tok\0tok" -> token positions


def _spaced(folded: str) -> bool:
    return folded.count(" ") >= 0.05 * len(folded)


def _build_index(folded: str) -> _Index:
    tokens = _WORD_TOKEN if _spaced(folded) else _CHAR_TOKEN
    pieces = re.split(f"({tokens.pattern})", folded)  # gap, token, gap, token, ..., gap
    offsets = list(accumulate(map(len, pieces)))
    words = pieces[1::2]
    grams: dict[str, list[int]] = {}
    bigrams = [f"{a}\0{b}" for a, b in pairwise(words)]
    for keys in (words, bigrams) if tokens is _WORD_TOKEN else (bigrams,):  # char unigrams: noise
        for i, key in enumerate(keys):
            posting = grams.get(key)
            if posting is None:
                grams[key] = [i]
            else:
                posting.append(i)
    return _Index(tokens, offsets[0:-1:2], offsets[1::2], grams)


def _pick(hits: list[_Hit], after: int) -> _Hit:
    """Best score; among equal scores the occurrence rule (``after`` is a folded index)."""
    top = max(h[0] for h in hits)
    tied = [h for h in hits if h[0] >= top - 1e-12]
    return min([h for h in tied if h[1] >= after] or tied, key=lambda h: h[1])


class Aligner:
    """Aligns quotes against one article; build once per article, then call ``align``."""

    __slots__ = ("_f", "_index", "_memo", "_snap", "_text", "_threshold")

    def __init__(self, text: str, *, fuzzy_threshold: float = 0.85) -> None:
        if not 0.0 < fuzzy_threshold <= 1.0:
            raise ValueError(f"fuzzy_threshold must be in (0, 1], got {fuzzy_threshold!r}")
        self._text = text
        self._threshold = fuzzy_threshold
        self._f: Folded = fold(text)
        self._snap = _spaced(self._f.text)  # word-snap fuzzy spans unless text is spaceless
        self._index: _Index | None = None
        # The pipeline aligns the same quotes twice (the re-ask check, then the final
        # grounding); results depend only on (quote, after), so the second pass is a lookup.
        self._memo: dict[tuple[str, int], Alignment] = {}

    def align(self, quote: str, *, after: int = 0) -> Alignment:
        """Locate ``quote``, preferring occurrences starting at or after ``after``."""
        key = (quote, after)
        found = self._memo.get(key)
        if found is None:
            found = self._memo[key] = self._align(quote, after)
        return found

    def _align(self, quote: str, after: int) -> Alignment:
        after = min(max(after, 0), len(self._text))
        raw = quote.strip()
        if not raw:
            return Alignment(None, None, "unmatched", 0.0)
        core = strip_core(fold(raw).text)
        for lo in (after, 0) if after else (0,):
            found = self._occurrence(raw, core, lo)
            if found is not None:
                return found
        best = 0.0
        after_f = self._f.to_folded(after)
        parts = [p for p in (strip_core(s) for s in _ELLIPSIS.split(core)) if p]
        if len(parts) > 1:
            found = self._ellipsis(parts, after_f)
            if found is not None:
                return found
        hits = self._fuzzy(core, after_f) if len(core) <= MAX_FUZZY_CHARS else []
        if hits:
            score, start, end = _pick(hits, after_f)
            if score >= self._threshold:
                return Alignment(*self._f.span(start, end), "fuzzy", score)
            best = score
        return Alignment(None, None, "unmatched", max(best, 0.0))

    def _occurrence(self, raw: str, core: str, lo: int) -> Alignment | None:
        exact = self._text.find(raw, lo)
        i = self._f.text.find(core, self._f.to_folded(lo)) if core else -1
        if exact >= 0 and (i < 0 or exact <= self._f.start_of(i)):
            return Alignment(exact, exact + len(raw), "exact", 1.0)
        if i >= 0:
            return Alignment(*self._f.span(i, i + len(core)), "normalised", 1.0)
        return None

    def _seeds(self, part: str, after_f: int) -> list[int]:
        """Folded starts of ``part``: those at/after ``after_f`` first, then earlier ones."""
        text = self._f.text
        out: list[int] = []
        i = text.find(part, after_f)
        while i >= 0 and len(out) < _SEED_LIMIT:
            out.append(i)
            i = text.find(part, i + 1)
        i = text.find(part)
        while 0 <= i < after_f and len(out) < _SEED_LIMIT:
            out.append(i)
            i = text.find(part, i + 1)
        return out

    def _ellipsis(self, parts: list[str], after_f: int) -> Alignment | None:
        seeds: list[_Hit] = [(1.0, i, i + len(parts[0])) for i in self._seeds(parts[0], after_f)]
        if not seeds and len(parts[0]) >= MIN_FUZZY_PART:
            hits = self._fuzzy(parts[0], after_f)
            if hits and (hit := _pick(hits, after_f))[0] >= self._threshold:
                seeds = [hit]
        for seed in seeds:
            chain = [seed]
            for part in parts[1:]:
                link = self._next_part(part, chain[-1][2])
                if link is None:
                    break
                chain.append(link)
            else:
                span = self._f.span(chain[0][1], chain[-1][2])
                if all(h[0] == 1.0 for h in chain):
                    return Alignment(*span, "normalised", 1.0)
                weighted = sum(h[0] * len(p) for h, p in zip(chain, parts, strict=True))
                return Alignment(*span, "fuzzy", weighted / sum(map(len, parts)))
        return None

    def _next_part(self, part: str, prev_end: int) -> _Hit | None:
        """``part`` within MAX_ELLIPSIS_GAP original characters after folded ``prev_end``."""
        gap_from = self._f.end_of(prev_end - 1)
        hi = min(len(self._f.text), self._f.to_folded(gap_from + MAX_ELLIPSIS_GAP) + len(part))
        i = self._f.text.find(part, prev_end, hi)
        if i >= 0:
            return 1.0, i, i + len(part)
        hit = self._window(part, prev_end, hi) if len(part) >= MIN_FUZZY_PART else None
        if hit is None or hit[0] < self._threshold:
            return None
        return hit if self._f.start_of(hit[1]) - gap_from <= MAX_ELLIPSIS_GAP else None

    def _fuzzy(self, core: str, after_f: int) -> list[_Hit]:
        """Scored windows around the best-voted diagonals of the token index."""
        if self._index is None:
            self._index = _build_index(self._f.text)
        index = self._index
        words = index.tokens.findall(core)
        if not words or not index.starts:
            return []
        keys = [(f"{a}\0{b}", i) for i, (a, b) in enumerate(pairwise(words))]
        hits = [(index.grams[k], i) for k, i in keys if k in index.grams]
        if not hits:
            hits = [(index.grams[w], i) for i, w in enumerate(words) if w in index.grams]
        hits.sort(key=lambda h: len(h[0]))
        votes: dict[int, int] = {}
        budget = _POSTING_BUDGET
        for n, (posting, i) in enumerate(hits):  # rarest first; never truncate a posting list
            if n and len(posting) > budget:
                break
            budget -= len(posting)
            for p in posting:
                votes[p - i] = votes.get(p - i, 0) + 1
        # an inserted or dropped word shifts the diagonal, so sum votes over nearby diagonals
        slack, first = 2 + len(words) // 4, bisect_left(index.starts, after_f)
        top = heapq.nlargest(20, votes, key=votes.__getitem__)
        near = {d: sum(votes.get(d + k, 0) for k in range(-slack, slack + 1)) for d in top}
        ranked = sorted(top, key=lambda d: (-near[d], -votes[d], d < first - slack, d))
        chosen: list[int] = []
        for d in ranked:
            if 3 * near[d] < near[ranked[0]]:  # far behind the leader: not worth scoring
                break
            if all(abs(d - c) > len(words) for c in chosen):
                chosen.append(d)
                if len(chosen) == _TOP_WINDOWS:
                    break
        out: list[_Hit] = []
        last = len(index.starts) - 1
        for d in chosen:
            lo = index.starts[min(max(d - slack, 0), last)]
            hi = index.ends[min(max(d + len(words) - 1 + slack, 0), last)]
            hit = self._window(core, lo, hi)
            if hit is not None:
                out.append(hit)
        return out

    def _window(self, core: str, lo: int, hi: int) -> _Hit | None:
        """Best approximate occurrence of ``core`` in folded ``[lo, hi)``, word-snapped."""
        text = self._f.text
        forward = edit_profile(core, text[lo:hi], anchored=False)
        if not forward:
            return None
        best = min(forward)  # on ties keep the longer span: it covers the quote's edge words
        first = forward.index(best)
        reach = min(len(forward), first + 1 + len(core) // 2)
        end = lo + max(j for j in range(first, reach) if forward[j] == best) + 1
        width = min(end - lo, 2 * len(core) + 8)
        back = edit_profile(core[::-1], text[end - width : end][::-1], anchored=True)
        k = min(range(len(back)), key=lambda j: (back[j], -j))
        start, distance = end - k - 1, back[k]
        before = (start, end)
        start, end = self._settle(core, start, end, lo, hi)
        if end <= start:
            return None
        if (start, end) != before:
            distance = edit_profile(core, text[start:end], anchored=True)[-1]
        return 1.0 - distance / max(len(core), end - start), start, end

    def _settle(self, core: str, start: int, end: int, lo: int, hi: int) -> tuple[int, int]:
        """Snap a fuzzy span to whole words; take in up to 3 adjacent words that equal the quote's
        first/last words (edit distance alone may prefer "took office" for "Obama office");
        trim edge punctuation. Stays within the window ``[lo, hi)``."""
        text = self._f.text
        if self._snap:
            while (
                start > lo and _WORD_CHAR.match(text, start - 1) and _WORD_CHAR.match(text, start)
            ):
                start -= 1
            while end < hi and _WORD_CHAR.match(text, end - 1) and _WORD_CHAR.match(text, end):
                end += 1
            words = _WORD_TOKEN.findall(core)
            inside = _WORD_TOKEN.findall(text, start, end)
            if words and inside and words[0] != inside[0]:
                near = list(_WORD_TOKEN.finditer(text, max(lo, start - 80), start))[-3:]
                for j in range(1, len(near) + 1):
                    if [m.group() for m in near[-j:]] == words[:j]:
                        start = near[-j].start()
                        break
            if words and inside and words[-1] != inside[-1]:
                near = list(_WORD_TOKEN.finditer(text, end, min(hi, end + 80)))[:3]
                for j in range(1, len(near) + 1):
                    if [m.group() for m in near[:j]] == words[-j:]:
                        end = near[j - 1].end()
                        break
        while start < end and is_edge(text[start]):
            start += 1
        while end > start and is_edge(text[end - 1]):
            end -= 1
        return start, end
