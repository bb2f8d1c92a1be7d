"""Split an article's prose blocks (``blocks``) into sentences, by offsets.

Every later rule quotes the article verbatim, so nothing here copies or rewrites text:
sentences are ``(start, end)`` spans of the exact string passed in. The splitter is a regex
scan for terminal punctuation that refuses to split after abbreviations, initials, or before a
lower-case word (so '"Why?" he asked' stays one sentence).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Final, Literal

from . import lexicon as lx
from .blocks import Block, find_blocks, trim, unwrapped

BlockKind = Literal["prose", "heading", "boilerplate"]

MAX_SENTENCE: Final = 600  # longer runs without punctuation (tables, junk, CJK) are cut at spaces

# One character class first, so that ``re`` skips ahead to the next mark instead of trying
# every position: "[.!?…]+ closers, before a space" or "[。！？]+ closers".
_TERMINAL: Final = re.compile(
    r"[.!?…。！？](?:(?<=[.!?…])[.!?…]*[\"”’'»)\]]*(?=\s+(?![a-z]))|(?<=[。！？])[。！？]*[」』”)]*)"
)
# ``_TERMINAL`` for a block with no mark but the full stop: a literal first character is
# found several times faster than one of a class.
_STOPS: Final = re.compile(r"\.\.*[\"”’'»)\]]*(?=\s+(?![a-z]))")
_MARKS: Final = "!?…。！？"  # the marks besides "."
_ABBREVIATIONS: Final = frozenset(
    lx.split_words("""
        mr mrs ms dr prof sr jr st gen col lt sgt capt cmdr adm gov sen rep pres rev hon fr mt ft
        no nos vs etc inc ltd co corp dept est approx jan feb mar apr jun jul aug sep sept oct nov
        dec mon tue tues wed thu thur thurs fri sat sun e.g i.e u.s u.n u.k e.u a.m p.m al fig op
        cf ave blvd vol pp
        """)
)
_LONGEST: Final = max(map(len, _ABBREVIATIONS))
_WORD_CHARS: Final = re.compile(r"[\w.'’-]*")  # what a word before a full stop is made of
_STARTERS: Final = frozenset(
    lx.split_words("""
        he she it they we i the this that these those but and in on at as if however there his her
        their our its a an after before when while although so then yet meanwhile
        """)
)


@dataclass(slots=True, unsafe_hash=True)
class Sentence:
    """One sentence of a prose block: read-only by convention, hashable, not ``frozen`` (as
    ``blocks.Block``: a frozen dataclass is several times dearer to build)."""

    index: int
    start: int
    end: int
    block: int


@dataclass(frozen=True, slots=True)
class Document:
    """The article with its blocks and sentences; all spans index into ``text``.

    ``lower`` is ``text`` lower-cased with the same length, so that cue patterns can be
    case-sensitive (several times faster in ``re`` than ``re.IGNORECASE``) at the same offsets.
    ``words`` holds each sentence's lower-case words: a cue regex need only run on sentences
    that contain one of its trigger words (``spans.matches_in_sentences``, ``cues.Cues.run``),
    which saves most of the full-text scans.
    """

    text: str
    blocks: list[Block]
    sentences: list[Sentence]
    lower: str = ""
    words: list[frozenset[str]] = field(default_factory=list)
    source: str = ""

    def sentence_text(self, sentence: Sentence) -> str:
        return self.text[sentence.start : sentence.end]

    @property
    def original(self) -> str:
        """The text as passed in, for quoting: ``text`` has its in-paragraph line breaks made
        spaces (same offsets), so that a name or a cue wrapped over two lines still matches."""
        return self.source or self.text


def _is_boundary(text: str, mark_start: int, mark_end: int, limit: int) -> bool:
    """Whether a ``_TERMINAL`` or ``_STOPS`` match ends a sentence (a space follows it)."""
    nxt = mark_end + 1
    while nxt < limit and text[nxt].isspace():
        nxt += 1
    if nxt >= limit:
        return False
    follower = text[nxt]
    if follower.islower():
        return False
    if text[mark_start] != ".":
        return True
    if mark_start > _LONGEST and text[mark_start - _LONGEST - 1 : mark_start].isalpha():
        return True  # a word longer than any abbreviation, not an initial: "agreement."
    before = text[max(0, mark_start - 40) : mark_start][::-1]  # reversed: read back from the mark
    begin = mark_start - _WORD_CHARS.match(before).end()  # type: ignore[union-attr]
    if begin == mark_start:
        return True
    word = text[begin:mark_start].lower().rstrip(".")
    word = word.lstrip("'’\"“(")
    if len(word) == 1 and text[mark_start - 1].isupper():
        return False  # an initial: "George W. Bush"
    if word in _ABBREVIATIONS:
        if "." in word:  # "U.S." ends sentences now and then: split before a typical starter
            following = re.match(r"[\w']+", text[nxt : nxt + 20])
            return bool(following and following.group().lower() in _STARTERS)
        return False
    return True


def _split(
    text: str, start: int, end: int, terminal: re.Pattern[str] = _TERMINAL
) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    cursor = start
    match = terminal.search(text, start, end)  # a loop of searches: cheaper than ``finditer``
    while match is not None:
        mark, stop = match.span()
        if text[mark] in "。！？" or _is_boundary(text, mark, stop, end):
            _add(text, cursor, stop, out)
            cursor = stop
        match = terminal.search(text, stop, end)
    _add(text, cursor, end, out)
    return out


def _add(text: str, s: int, e: int, out: list[tuple[int, int]]) -> None:
    """Append ``[s, e)`` trimmed, if not empty; cut at spaces if over ``MAX_SENTENCE``."""
    s, e = trim(text, s, e)
    while e - s > MAX_SENTENCE:
        cut = text.rfind(" ", s + MAX_SENTENCE // 2, s + MAX_SENTENCE)
        cut = cut if cut > s else s + MAX_SENTENCE
        piece = trim(text, s, cut)
        if piece[1] > piece[0]:
            out.append(piece)
        s = trim(text, cut, e)[0]
    if e > s:
        out.append((s, e))


def parse(text: str) -> Document:
    """Blocks and sentences of ``text``; headings and boilerplate get no sentences."""
    blocks = find_blocks(text)
    sentences: list[Sentence] = []
    marks = [c for c in _MARKS if c in text]
    for block in blocks:
        if block.kind != "prose":
            continue
        start, end = block.content_start, block.end
        terminal = _STOPS
        for c in marks:
            if text.find(c, start, end) >= 0:
                terminal = _TERMINAL
                break
        for s, e in _split(text, start, end, terminal):
            sentences.append(Sentence(len(sentences), s, e, block.index))
    flat = unwrapped(text, blocks)
    spaced = _spaced(flat)
    if spaced.isascii() or ("\xa0" in spaced and spaced.replace("\xa0", " ").isascii()):
        # Every cased letter is ASCII: ``bytes.lower`` lower-cases the same, several times faster.
        low, spaced = _ascii_lowered(flat), _ascii_lowered(spaced)
    else:  # "Σ" before "’" lower-cases otherwise than before " ": lower-case first
        low = lowered(flat)
        spaced = _spaced(low)
    words = [frozenset(spaced[x.start : x.end].split()) for x in sentences]
    return Document(flat, blocks, sentences, low, words, text if flat != text else "")


# Punctuation that separates words (the hyphen does not: "pre-condition", "re-launch").
_SEPARATORS: Final = "!\"#$%&'()*+,./:;<=>?@[\\]^_`{|}~“”‘’«»„—–…"


_ASCII_LOWER: Final = {c: c + 32 for c in range(65, 91)}


def _spaced(text: str) -> str:
    """``text`` with every ``_SEPARATORS`` mark made a space: ``str.replace`` per mark, as a
    regex or ``str.translate`` is slower."""
    for mark in _SEPARATORS:
        if mark in text:
            text = text.replace(mark, " ")
    return text


def _ascii_lowered(text: str) -> str:
    """``str.lower`` of a text whose only cased letters are ASCII (the rest are marks such as
    "’" or "\xa0", which have no case): through UTF-8 bytes, whose ``lower`` maps ASCII only."""
    return text.lower() if text.isascii() else text.encode().lower().decode()


def lowered(text: str) -> str:
    """``text`` lower-cased, same length (offsets carry over): ``str.lower`` unless it would
    change the length ("İ" lower-cases to two characters), then ASCII letters only."""
    low = text.lower()
    return low if len(low) == len(text) else text.translate(_ASCII_LOWER)


def section_headings(doc: Document) -> list[str | None]:
    """For each block, the section heading over it (a page headline above the first paragraph
    is the article's title, not a section)."""
    out: list[str | None] = []
    current: str | None = None
    seen_prose = False
    for b in doc.blocks:
        out.append(current)
        if b.kind == "heading" and seen_prose:
            body = doc.text[b.start : b.end]
            if not body.isupper():
                current = " ".join(body.split())
        seen_prose = seen_prose or b.kind == "prose"
    return out


def answer_openings(doc: Document) -> set[int]:
    """The first sentence of four words or more of every turn that answers a question: a
    reply's opening states the speaker's position on what was asked."""
    out: set[int] = set()
    asked = False
    for sent in doc.sentences:
        block = doc.blocks[sent.block]
        if block.speaker == "Q":
            asked = True
        elif asked and block.speaker and len(doc.sentence_text(sent).split()) >= 4:
            out.add(sent.index)
            asked = False
    return out
