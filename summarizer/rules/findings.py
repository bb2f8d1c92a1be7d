"""What the cue rules find, and the context every cue rule shares.

A finding is a condition, proposal or open question as article spans plus an actor. Every rule
asks the same question, whose words a position in the article is: the statement covering it,
else a statement in the same sentence, else the transcript speaker or the author when the
sentence opens with "I"/"we" ("I will sign the bill as soon as Congress sends it" is the
author's even though Congress is a subject in it), else the sentence's subject, else the
transcript speaker or the author. ``CueBase`` answers it once for all of them.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from typing import Final, Literal

from ..schema import ConditionKind, ProposalStatus
from .actors import Actors
from .sentences import Document, Sentence
from .spans import Span
from .speech import Statement, label_actor

_FIRST_SUBJECT: Final = re.compile(
    r"[\"“]?(?:(?:and|but|so|now|today|then|first|also|yesterday|on\s+\w+|in\s+\w+(?:\s+\w+)?)"
    r",?\s+)*(?:I|[Ww]e)\b",
    re.I,
)


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
    own: int = 1
    """How many leading ``spans`` state the item itself (later ones are status evidence)."""


class CueBase:
    """The article, its actors and statements, and the findings so far."""

    def __init__(
        self,
        doc: Document,
        actors: Actors,
        statements: list[Statement],
        quoted: list[Span],
        byline: int | None = None,
        counterparts: dict[int, int] | None = None,
    ) -> None:
        self.doc = doc
        self.byline = byline
        self.counterparts = counterparts or {}  # the other side of the talks an actor is in
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
        label = self.doc.blocks[sent.block].speaker
        first = self.turn_speakers.get(label) if label else self.byline
        if first is not None and _FIRST_SUBJECT.match(self.text, sent.start, sent.end):
            return first  # "I will sign the bill as soon as Congress sends it": the author's
        for m in self.actors.in_sentence(sent.index):
            if m.subject:
                return m.actor
        return first

    def _recent(self, sentence: int, window: int) -> list[Finding]:
        """Findings of the last ``window`` sentences, newest first (findings come in order)."""
        out: list[Finding] = []
        for f in reversed(self.findings):
            if f.sentence < sentence - window:
                break
            out.append(f)
        return out
