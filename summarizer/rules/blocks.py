"""Split an article into blocks: paragraphs, headings, boilerplate, with speaker labels.

Pasted web pages carry menus, size pickers, photo credits and story credits, and transcripts
carry speaker labels ("SENATOR MITCHELL:", "Q", "QUESTION:"), so blocks are classified before
any sentence is split. Lines join into one block up to a blank line; text wrapped at a fixed
width with blank lines between paragraphs joins even after a full stop. Blocks are
``(start, end)`` spans of the exact string passed in: nothing is copied or rewritten.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from itertools import accumulate
from typing import Final, Literal

from . import lexicon as lx

BlockKind = Literal["prose", "heading", "boilerplate"]

_BOILERPLATE: Final = re.compile(
    r"""(?ix)^(?:
        accessibility\ links | skip\ to\ (?:main\ )?content | breaking\ news | live | menu | search
        | home | share(?:\ this(?:\ article|\ story)?)? | print(?:\ this)? | e-?mail | comments?
        | advertisement | sponsored | subscribe.* | sign\ (?:in|up).* | log\ ?in.* | related.*
        | read\ more.* | follow\ us.* | toggle\ navigation | cookies?.* | (?:xs|sm|md|lg|xl)
        | (?:photo|image|picture|video|credit|source|caption)s?\ ?[:|].*
        | (?:photo|image)\ (?:by|credit|courtesy).* | (?:watch|listen|see\ also)\ ?:.*
        | copyright.* | ©.* | all\ rights\ reserved.* | for\ immediate\ release.* | end | \#\#\#
        | -\ ?30\ ?- | \d{1,2}:\d{2}\ ?[ap]\.?m\.?(?:\ [a-z]{2,4})?
        | office\ of\ the\ press\ secretary
        | [\W_]+ | (?:https?://|www\.)\S*
    )$""",
)
# A story's credits and sign-off: who reported, wrote, adapted or edited it ("I’m Mario
# Ritter.", "Youmi Kim in Seoul also contributed to the report."). Nobody in them is a party.
_CREDIT: Final = re.compile(
    r"^I['’]m [A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){0,2}\.?$"
    r"|\b(?:reported on this story|wrote this story|adapted this story|contributed to (?:this|the)"
    r" report|was the editor|(?:Reporting|Writing|Editing) by [A-Z])"
)
_LABEL: Final = re.compile(
    r"((?:[A-Z][A-Z.'’\-]*[ \t\xa0]){0,3}[A-Z][A-Z.'’\-]*[A-Z.]|Q|A)[ \t\xa0]*:\s"
)
# Page labels that look like transcript speakers ("WATCH:", "UPDATE:") but are nobody.
_NOT_SPEAKERS: Final = frozenset(
    lx.split_words("""
        watch listen related video photo photos update updated correction clarification note
        source sources advertisement sponsored
        """)
) | frozenset(("see also", "editor's note", "editor’s note", "read more"))
_QUESTIONERS: Final = frozenset(("QUESTION", "REPORTER", "AUDIENCE MEMBER", "PARTICIPANT", "PRESS"))
_QUESTION: Final = re.compile(r"(Q)[ \t\xa0]+(?=[^\sa-z])")
_DATELINE: Final = re.compile(
    r"(?:(?i:date|dated|published|updated)\s*:?\s*)?\d{4}-\d{2}-\d{2}(?:[T ][\d:]+Z?)?\s+"
    r"|[A-Z][A-Z .,'’-]{2,40}(?:\s*\([^()\n]{1,30}\))?\s*[—–-]{1,2}\s+(?=[A-Z])"
)


@dataclass(slots=True, unsafe_hash=True)
class Block:
    """A paragraph-like span; ``content_start`` skips a speaker label if there is one.

    Read-only by convention, hashable like a frozen dataclass: not ``frozen``, because a frozen
    dataclass sets each field through ``object.__setattr__``, which makes a ``Block`` several
    times dearer to build.
    """

    index: int
    start: int
    end: int
    kind: BlockKind
    content_start: int
    label: str | None  # the speaker label on this block ("SENATOR MITCHELL", "Q"), if any
    speaker: str | None  # the label in force for this block (labels carry over paragraphs)


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink ``[start, end)`` so that it neither starts nor ends with whitespace."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _paragraphs(text: str) -> list[tuple[int, int]]:
    """The lines of ``text`` trimmed (``str.strip`` and ``trim`` share ``str.isspace``) and
    joined into paragraphs (``_joins``); blank lines separate paragraphs and are dropped."""
    lines = text.splitlines(keepends=True)
    trimmed = list(map(len, map(str.strip, lines)))
    wrapped = _hard_wrapped(sorted(trimmed))
    groups: list[tuple[int, int]] = []
    joinable = False  # whether the line before was not blank
    for line, size, end in zip(lines, trimmed, accumulate(map(len, lines)), strict=True):
        if size:
            start = end - len(line.lstrip())
            span = (start, start + size)
            if joinable and _joins(text, groups[-1], span, wrapped):
                groups[-1] = (groups[-1][0], span[1])
            else:
                groups.append(span)
        joinable = size > 0
    return groups


def _hard_wrapped(lengths: list[int]) -> bool:
    """Whether the text is wrapped at a fixed width with blank lines between paragraphs (as
    transcripts from a feed or an e-mail are): then a line ending in a full stop does not end
    its paragraph, only a blank line or a speaker label does. ``lengths``: of every line
    trimmed, 0 for a blank line, in ascending order."""
    blank = bisect_right(lengths, 0)
    lines = len(lengths) - blank
    if lines < 8 or not blank:
        return False
    short = bisect_right(lengths, 100) - blank
    return short >= 0.9 * lines and lengths[blank + lines // 2] >= 45


def _joins(text: str, prev: tuple[int, int], nxt: tuple[int, int], wrapped: bool) -> bool:
    """Whether line ``nxt`` continues the paragraph of line ``prev`` (hard-wrapped prose);
    neither is blank."""
    if wrapped:
        return _label(text, nxt[0], nxt[1]) is None
    if text[prev[1] - 1] in '.!?:;"”’)»。！？':
        return False
    if not (text[nxt[0]].islower() or prev[1] - prev[0] >= 50) or _label(text, nxt[0], nxt[1]):
        return False
    # A rule line ("_____") ends a header.
    return any(c.isalnum() for c in text[prev[0] : min(prev[1], prev[0] + 80)])


def _is_heading(body: str) -> bool:
    """Whether a short block (``body`` neither starts nor ends with whitespace) is a heading:
    two words or more in capitals, or at most twenty words with no closing punctuation."""
    if len(body) > 300:
        return False
    if body.isupper() and len(body.split(maxsplit=1)) > 1:
        return True
    return body[-1] not in '.!?:;"”’)»。！？,' and len(body.split(maxsplit=20)) <= 20


def _is_credit(body: str) -> bool:
    # Every ``_CREDIT`` match holds one of these literals: a few substring scans are much
    # cheaper than a regex search that tries its alternation at every character.
    return (
        body.startswith(("I'm ", "I’m "))
        or "this story" in body
        or "contributed to " in body
        or "was the editor" in body
        or "ing by " in body
    ) and _CREDIT.search(body) is not None


# The first three letters, lower-cased, of every ``_BOILERPLATE`` branch that begins with a
# letter ("xs" and the like are whole heads): a block that begins with three ASCII characters,
# the first a letter, matches only if they are one of these.
_BOILERPLATE_STARTS: Final = frozenset(
    lx.split_words("""
        acc ski bre liv men sea hom sha pri e-m ema com adv spo sub sig log rel rea fol tog coo
        xs sm md lg xl pho ima pic vid cre sou cap wat lis see cop all for end off htt www
        """)
)


def _is_boilerplate(body: str) -> bool:
    start = body[:3]
    if start.isascii() and start[0].isalpha() and start.lower() not in _BOILERPLATE_STARTS:
        return False  # most paragraphs: "The ...", "An ...", "Russia ..."
    # The first dozen words, whitespace made single spaces. Matching the first 400 characters
    # as written too would find nothing more: every pattern that can match them matches this.
    head = " ".join(body[:200].split(maxsplit=12)[:12])
    return _BOILERPLATE.match(head) is not None


def _label(text: str, start: int, end: int) -> re.Match[str] | None:
    """A transcript speaker label at ``start`` ("MR. GIBBS: ", "Q: ", "Q "), if any."""
    if start + 1 < end and text[start + 1].islower():
        return None  # "The ...": both patterns need an upper-case word or "Q" and a space
    return _LABEL.match(text, start, end) or _QUESTION.match(text, start, end)


def find_blocks(text: str) -> list[Block]:
    """The blocks of ``text`` in order, classified, with the speaker label in force."""
    blocks: list[Block] = []
    speaker: str | None = None
    for s, e in _paragraphs(text):
        label: str | None = None
        content = s
        match = _label(text, s, e)
        if match and match.group(1).lower() in _NOT_SPEAKERS:  # "WATCH: Related video ..."
            blocks.append(Block(len(blocks), s, e, "boilerplate", e, None, speaker))
            continue
        if match:
            label = match.group(1)
            label = "Q" if label in _QUESTIONERS else label  # "QUESTION:" is a reporter's "Q"
            content = trim(text, match.end(), e)[0]
            speaker = label
        dateline = _DATELINE.match(text, content, e)
        if dateline and dateline.end() < e:
            content = dateline.end()
        kind: BlockKind = "prose"
        if label is None:
            body = text[s:e]
            if _is_credit(body) or _is_boilerplate(body):
                kind = "boilerplate"
            elif _is_heading(body):
                kind = "heading"
        if content >= e:
            kind = "boilerplate"
        blocks.append(Block(len(blocks), s, e, kind, content, label, speaker))
    return blocks


def unwrapped(text: str, blocks: list[Block]) -> str:
    """``text`` with every line break inside a block replaced by a space (same length)."""
    flat = text.replace("\r", " ").replace("\n", " ")  # two scans in C, not two a block
    if flat == text:
        return text
    parts: list[str] = []
    pos = 0
    for b in blocks:
        parts.append(text[pos : b.start])  # the breaks between blocks stay
        parts.append(flat[b.start : b.end])
        pos = b.end
    parts.append(text[pos:])
    return "".join(parts)
