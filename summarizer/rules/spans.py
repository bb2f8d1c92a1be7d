"""Span helpers shared by the rules: evidence-ready spans of the article.

Evidence must be an exact slice of the article, readable on its own: no dangling quotation
marks, no trailing ", Putin said." attribution, at most ~300 characters. The regex helpers
here serve every stage: ``matches_in_sentences`` searches only the sentences that hold a
pattern's trigger words, and ``word_initial``/``word_matches`` write word-start tests so that
``re`` can skip ahead to a word's first letter instead of testing every position.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import Final

from . import lexicon as lx
from .blocks import trim
from .sentences import Document

Span = tuple[int, int]

_QUOTES: Final = '“”"«»„'
_TRAILING: Final = frozenset(_QUOTES + ",;:—–-")

# Closing quotation marks; a straight '"' closes only after punctuation.
_CLOSING: Final = '”»"'
_BEFORE_STRAIGHT_CLOSE: Final = frozenset(",.?!—–-")


def _closing_marks(text: str, start: int, end: int) -> list[int]:
    """The positions of ``_CLOSING`` marks in ``[start, end)``, in order: ``str.find`` per
    mark, several times cheaper than a regex, which tests each character against the set."""
    found: list[int] = []
    for mark in _CLOSING:
        at = text.find(mark, start, end)
        while at >= 0:
            found.append(at)
            at = text.find(mark, at + 1, end)
    found.sort()
    return found


def clean_span(text: str, start: int, end: int) -> Span:
    """A span without surrounding quotation marks or a trailing ', Putin said.' attribution."""
    start, end = trim(text, start, end)
    for at in _closing_marks(text, start + 1, end):
        if text[at] == '"' and text[at - 1] not in _BEFORE_STRAIGHT_CLOSE:
            continue
        if text[at + 1 : end].strip(" \t,.;"):
            end = at
            break
    while start < end and (text[start] in _QUOTES or text[start].isspace()):
        start += 1
    while end > start and (text[end - 1] in _TRAILING or text[end - 1].isspace()):
        end -= 1
    return start, end


def clip(text: str, span: Span, limit: int = 300) -> Span:
    """At most ``limit`` characters, cut at a word boundary."""
    start, end = span
    if end - start > limit:
        cut = text.rfind(" ", start, start + limit)
        end = cut if cut > start else start + limit
    return trim(text, start, end)


def holds_any(text: str, strings: Iterable[str]) -> bool:
    """Whether ``text`` contains one of ``strings``: a cheap gate before a regex every match of
    which holds one of them (``map`` runs the tests in C)."""
    return any(map(text.__contains__, strings))


def starts_word(text: str, pos: int) -> bool:
    """Whether ``pos`` is at the start of a word (what a leading ``\\b`` would check)."""
    return pos == 0 or not (text[pos - 1].isalnum() or text[pos - 1] == "_")


def word_matches(
    pattern: re.Pattern[str], text: str, pos: int = 0, endpos: int | None = None
) -> Iterator[re.Match[str]]:
    """``pattern.finditer`` keeping the matches that start a word. Patterns are written
    without a leading ``\\b`` so that ``re`` can skip ahead by their first characters, which
    is several times faster than testing every position."""
    end = len(text) if endpos is None else endpos
    while pos <= end:
        match = pattern.search(text, pos, end)
        if match is None:
            return
        if starts_word(text, match.start()):
            yield match
            pos = match.end() if match.end() > match.start() else match.end() + 1
        else:
            pos = match.start() + 1


def matches_in_sentences(
    doc: Document, pattern: re.Pattern[str], triggers: frozenset[str], *, lower: bool = False
) -> Iterator[tuple[int, re.Match[str]]]:
    """(sentence index, match) for every word-initial match of ``pattern`` inside a sentence
    that holds one of the ``triggers`` words: words one of which every match contains, so that
    only the sentences holding one are searched (``Document.words``)."""
    text = doc.lower if lower else doc.text
    for i, found in enumerate(doc.words):
        if not found.isdisjoint(triggers):
            sent = doc.sentences[i]
            for match in word_matches(pattern, text, sent.start, sent.end):
                yield i, match


def word_initial(branches: Iterable[str], before: str = r"\w") -> str:
    r"""``\b(?:b1|b2|...)`` (or ``(?<![before])(?:...)``) for branches that each begin with a
    literal letter: the test is made after that letter, as ``(?<![before].)``, so that ``re``
    skips ahead to the branches' first letters instead of testing every position. Same
    matches, same alternation order, same groups (wrap the result in one to capture)."""
    branches = list(branches)
    if not all(b[:1].isalpha() for b in branches):
        raise ValueError(f"every branch must begin with a literal letter: {branches}")
    return "|".join(f"{b[0]}(?<![{before}].){b[1:]}" for b in branches)


def word_initial_words(words: Iterable[str]) -> str:
    """``word_initial`` for a word list: one trie (``lexicon.trie_pattern``) per first letter,
    so the alternatives tried at a position may come in another order (for truth tests and
    start positions, not for a match's end)."""
    return word_initial(
        re.escape(c) + lx.trie_pattern(rest) for c, rest in sorted(_by_first(words).items())
    )


def by_first_letter(branches: Iterable[str]) -> list[str]:
    """Regex branches that each begin with a literal letter, joined per first letter
    ("proposed", "persuade", "offered" -> "p(?:roposed|ersuade)", "o(?:ffered)"), for
    ``word_initial``: ``re`` then tries one branch per letter where it would try every
    branch in turn. The same matches, and at any position the branches are tried in their order
    (branches with different first letters never both match there)."""
    return [first + "(?:" + "|".join(rests) + ")" for first, rests in _by_first(branches).items()]


class Alternation:
    r"""``re.compile(head + word_initial(by_first_letter(branches), before) + tail)`` (its
    ``pattern``), also compiled one pattern per first letter of its branches, so that a caller
    who knows which letters' branches can match in a window (from its words) searches only
    those: ``re`` then scans for one letter where the whole pattern tests a lookbehind at every
    letter of its set, several times the work. The same matches: branches with different first
    letters never match at one position, so the leftmost match is the earliest of the letters'
    leftmost ones."""

    def __init__(
        self, branches: Iterable[str], head: str = "(?:", tail: str = ")", before: str = r"\w"
    ) -> None:
        grouped = by_first_letter(branches)
        self.pattern = re.compile(head + word_initial(grouped, before) + tail)
        self.letters = {
            group[0]: re.compile(head + word_initial([group], before) + tail) for group in grouped
        }

    def search(
        self, text: str, pos: int, endpos: int, letters: str | None = None
    ) -> re.Match[str] | None:
        """``pattern.search(text, pos, endpos)``, given that only branches beginning with one
        of ``letters`` (``None``: any) can match there."""
        if letters is None:
            return self.pattern.search(text, pos, endpos)
        best = None
        for letter in letters:
            found = self.letters[letter].search(text, pos, endpos)
            if found is not None and (best is None or found.start() < best.start()):
                best = found
        return best

    def finditer(
        self, text: str, pos: int, endpos: int, letters: str | None = None
    ) -> Iterator[re.Match[str]]:
        """``pattern.finditer(text, pos, endpos)``, given ``letters`` as for ``search``."""
        if letters is None or len(letters) == 1:
            pattern = self.pattern if letters is None else self.letters[letters]
            yield from pattern.finditer(text, pos, endpos)
            return
        found = self.search(text, pos, endpos, letters)
        while found is not None:  # no branch matches an empty string
            yield found
            found = self.search(text, found.end(), endpos, letters)


def word_letters(table: dict[str, str], found: frozenset[str], hit: Iterable[str]) -> str | None:
    """The first letters of the ``Alternation`` branches that may match in a sentence whose
    words (``Document.words``) are ``found``, given ``hit``, its cue words, and ``table``, the
    letters of the branches whose matches may hold each cue word (every match holds one):
    ``None`` (any) when a word holds a hyphen or a symbol, as a match may begin inside it."""
    if not "".join(found).isalnum():
        return None
    letters = "".join([table.get(word, "") for word in hit])
    return letters if len(letters) < 2 else "".join(set(letters))


def letters_table(branches: Iterable[str], words: frozenset[str]) -> dict[str, str]:
    """The ``table`` of ``word_letters`` for ``Alternation`` branches whose literal words (runs
    of a-z) are what they match: each of ``words`` -> the first letters of the branches that
    hold it. Raises ``ValueError`` for a branch that holds none, as no sentence would reach it."""
    table: dict[str, str] = {}
    for branch in branches:
        held = words.intersection(re.findall("[a-z]+", branch))
        if not held:
            raise ValueError(f"branch {branch!r} holds none of the trigger words")
        for word in held:
            table[word] = table.get(word, "") + branch[0]
    return table


def _by_first(items: Iterable[str]) -> dict[str, list[str]]:
    """The rest of each item after its first character, grouped by that character, in order."""
    groups: dict[str, list[str]] = {}
    for item in items:
        groups.setdefault(item[0], []).append(item[1:])
    return groups
