"""Quotations and who said them.

A quotation is attributed by the words right after it ('," Putin said', '," said Putin'), before
it ('He said, "'), or by the paragraph before it ending in a colon ("Putin also spoke on the end
of the conflict:"). Quotes that continue each other ('"A." "B."', or an unclosed quote whose
next paragraph opens with a quotation mark, the newswire convention) share a speaker. Short
quotes (under four words) are scare quotes, not speech.
"""

from __future__ import annotations

import re
from typing import Final, NamedTuple

from .actors import Actors
from .blocks import trim
from .sentences import Document
from .subjects import AFTER_SUBJECT, VERBS, SpeakerBase, Statement

_QUOTE_OPEN: Final = '“"«„'

_QUOTE_CLOSE: Final = {"“": "”", '"': '"', "«": "»", "„": "“"}

_VERB_THEN: Final = re.compile(rf"({VERBS})[ \t\xa0]+")
_VERB_AT_END: Final = re.compile(rf"(?:^|[ \t,])({VERBS})[ \t,]+$")


class Quote(NamedTuple):
    opener: int  # index of the opening mark
    start: int  # content start (after the opening mark)
    end: int  # content end (before the closing mark, or block end if unclosed)
    block: int
    closed: bool


def find_quotes(doc: Document) -> list[Quote]:
    """Quotations in prose blocks; an unclosed quote runs to its block's end."""
    text = doc.text
    quotes: list[Quote] = []
    chars = "".join(c for c in _QUOTE_OPEN if c in text)  # only the marks the text uses
    if not chars:
        return quotes
    for block in doc.blocks:
        if block.kind != "prose":
            continue
        pos = block.content_start
        while pos < block.end:
            opener = _next_opener(text, pos, block.end, chars)
            if opener < 0:
                break
            close_char = _QUOTE_CLOSE[text[opener]]
            closer = text.find(close_char, opener + 1, block.end)
            end = closer if closer >= 0 else block.end
            s, e = trim(text, opener + 1, end)
            if e > s:
                quotes.append(Quote(opener, s, e, block.index, closer >= 0))
            pos = (closer if closer >= 0 else block.end) + 1
    return quotes


def _next_opener(text: str, start: int, end: int, chars: str) -> int:
    best = -1
    for char in chars:
        found = text.find(char, start, end)
        if found >= 0 and (best < 0 or found < best):
            best = found
    return best


class QuoteRules(SpeakerBase):
    """Attribution of quotations; ``speech.Attribution`` adds reported speech and turns."""

    def __init__(self, doc: Document, actors: Actors) -> None:
        self.quotes = find_quotes(doc)
        super().__init__(doc, actors, [(q.opener, q.end + 1) for q in self.quotes])

    # --- quotations -----------------------------------------------------------------------
    def _quoted(self) -> None:
        text = self.text
        speakers: list[int | None] = []
        for q in self.quotes:
            if len(text[q.start : q.end].split()) < 4:
                speakers.append(None)  # a scare quote, not speech
                continue
            actor = self._after(q)
            actor = self._before(q) if actor is None else actor
            speakers.append(self._introduced(q) if actor is None else actor)
        for _ in range(2):  # chains: '"A." "B."', and quotes continuing over paragraphs
            for i in range(len(self.quotes) - 1):
                a, b = self.quotes[i], self.quotes[i + 1]
                if self._chained(a, b) and (speakers[i] is None) != (speakers[i + 1] is None):
                    speakers[i] = speakers[i] if speakers[i] is not None else speakers[i + 1]
                    speakers[i + 1] = speakers[i]
        for q, actor in zip(self.quotes, speakers, strict=True):
            if actor is not None and self.doc.blocks[q.block].speaker != "Q":
                sentence = self.sentence_at(q.start)
                topic = self.topics.get(q.block)
                self.statements.append(Statement(actor, q.start, q.end, sentence, "quote", topic))

    def _chained(self, a: Quote, b: Quote) -> bool:
        if len(self.text[b.start : b.end].split()) < 4:
            return False
        if a.block == b.block:
            return not self.text[a.end + 1 : b.opener].strip()
        block = self.doc.blocks[b.block]
        return not a.closed and b.block == a.block + 1 and b.opener == block.content_start

    def _after(self, q: Quote) -> int | None:
        """'"...," Putin said' and '"...," said Putin'."""
        if not q.closed:
            return None
        block = self.doc.blocks[q.block]
        pos = q.end + 1
        while pos < block.end and self.text[pos] in " \t,":
            pos += 1
        sentence = self.sentence_at(pos)
        for actor, start, end in self._speakers(sentence):
            if start == pos and AFTER_SUBJECT.match(self.text, end, block.end):
                return actor
        verb = _VERB_THEN.match(self.text, pos, block.end)
        if verb:
            for actor, start, _ in self._speakers(sentence):
                if start == verb.end():
                    return actor
        return None

    def _before(self, q: Quote) -> int | None:
        """'Putin said: "..."' and 'He said, "..."'."""
        head = self.text[self.doc.blocks[q.block].content_start : q.opener].rstrip(" \t,:")
        verb = _VERB_AT_END.search(head + " ")
        if verb is None:
            return None
        base = self.doc.blocks[q.block].content_start
        sentence = self.sentence_at(q.opener - 1 if q.opener > base else q.opener)
        for actor, _, end in reversed(self._speakers(sentence)):
            if end <= base + verb.start(1):
                match = AFTER_SUBJECT.match(self.text, end)
                if match and match.end() == base + verb.end(1):
                    return actor
        return None

    def _introduced(self, q: Quote) -> int | None:
        """A quote opening the paragraph after one that ends in a colon."""
        block = self.doc.blocks[q.block]
        if q.opener != block.content_start or q.block == 0:
            return None
        prev = self.doc.blocks[q.block - 1]
        if prev.kind != "prose" or self.text[prev.end - 1] != ":":
            return None
        sentence = self.sentence_at(prev.end - 1)
        for actor, _, end in self._speakers(sentence):
            if AFTER_SUBJECT.match(self.text, end, prev.end) or self.text[end : end + 1] == ":":
                return actor
        return None

    def unattributed_quotes(self) -> list[tuple[int, int]]:
        """Spans of quotations nobody was found to have said (a story within a story)."""
        said = {(st.start, st.end) for st in self.statements if st.kind == "quote"}
        return [(q.opener, q.end) for q in self.quotes if (q.start, q.end) not in said]
