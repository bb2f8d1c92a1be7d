"""What the cue rules find, and the context every cue rule shares.

A finding is a condition, proposal or open question as article spans plus an actor. Every rule
asks the same question, whose words a position in the article is: the statement covering it,
else a statement in the same sentence, else the sentence's subject, else the transcript speaker
or the author of a first-person statement. ``CueBase`` answers it once for all of them.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from typing import Literal

from ..schema import ConditionKind, ProposalStatus
from .actors import Actors
from .sentences import Document, Sentence
from .spans import Span, sentences_matching
from .speech import Statement, label_actor


@dataclass
class Finding:
    """A condition, proposal or open question before it becomes a schema item."""

    field: Literal["conditions", "proposals", "open_questions"]
    actor: int | None
    text: str
    spans: list[Span]
    sentence: int
    kind: ConditionKind | None = None
    consequence: str | None = None
    addressee: int | None = None
    status: ProposalStatus = "offered"


class CueBase:
    """The article, its actors and statements, and the findings so far."""

    def __init__(
        self,
        doc: Document,
        actors: Actors,
        statements: list[Statement],
        quoted: list[Span],
        byline: int | None = None,
    ) -> None:
        self.doc = doc
        self.byline = byline
        self.proposers: set[int] = set()
        self.quoted = sorted(quoted)
        self._quoted_starts = [s for s, _ in self.quoted]
        self.text = doc.text
        self.actors = actors
        self.statements = statements
        self.findings: list[Finding] = []
        self.by_sentence: dict[int, list[Statement]] = {}
        labels = {b.speaker for b in doc.blocks if b.speaker}
        self.turn_speakers = {label: label_actor(actors, label) for label in labels}
        starts = [x.start for x in doc.sentences]
        for st in statements:
            last = max(st.sentence, bisect.bisect_right(starts, st.end - 1) - 1)
            for i in range(st.sentence, last + 1):
                self.by_sentence.setdefault(i, []).append(st)

    def speaker(self, sent: Sentence, pos: int) -> int | None:
        """Whose words ``pos`` is: the covering statement, else one in the same sentence, else
        the sentence's subject."""
        i = bisect.bisect_right(self._quoted_starts, pos) - 1
        if i >= 0 and pos < self.quoted[i][1]:
            return None  # words inside a quotation nobody is said to have spoken
        here = self.by_sentence.get(sent.index, [])
        for st in here:
            if st.start <= pos <= st.end:
                return st.actor
        if here:
            return here[0].actor
        for m in self.actors.in_sentence(sent.index):
            if m.subject:
                return m.actor
        label = self.doc.blocks[sent.block].speaker
        return self.turn_speakers.get(label) if label else self.byline

    def _hits(self, pattern: re.Pattern[str]) -> set[int]:
        """Sentences where ``pattern`` matches: one pass over the text, not one per sentence."""
        return sentences_matching(self.doc, pattern)

    def _recent(self, sentence: int, window: int) -> list[Finding]:
        """Findings of the last ``window`` sentences, newest first (findings come in order)."""
        out: list[Finding] = []
        for f in reversed(self.findings):
            if f.sentence < sentence - window:
                break
            out.append(f)
        return out
