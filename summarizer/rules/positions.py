"""Positions: who stands where on what, ranked and capped so a transcript does not flood them.

News attributes few, deliberate statements ("X said ...", quotes), and each becomes a position,
one per actor and paragraph (a new point when the speaker is named again). A transcript turn
or a first-person statement ("Statement by President X", written as "I ...") is all one
speaker's words, and most of its sentences are not positions. There every sentence is a
candidate scored by ``stance.stance_score``; kept sentences of one speaker form units (a
paragraph's run on one topic, with its "But ..."/"It ..." follow-ups), units on the same
``topics`` key merge across the text, and only the best few per speaker are kept. Group
subjects ("Both parties share ...") and "X who voted to ..." clauses (``groups``) give
positions to the actors they name instead of the speaker.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from typing import Final

from .actors import Actors
from .groups import GroupStances
from .sentences import Document, Sentence, answer_openings, section_headings
from .spans import Span, clean_span, clip, word_initial
from .speech import Statement, label_actor
from .stance import content_words, continues, similar, stance_bound, stance_score, stance_text
from .subjects import stance_owner
from .topics import topic

MIN_SCORE: Final = 2.0
"""Least ``stance_score`` for a speaker's sentence to count as a position."""
MAX_PER_SPEAKER: Final = 6
_THEY: Final = re.compile(r"^[\"“]?(?:(?:and|but)\s+)?they\b", re.I)
_FIRST_PERSON: Final = re.compile(
    f"(?:{word_initial(['I', 'my', 'My', 'me', 'We', 'we', 'Our', 'our', 'us'])})\\b"
)


@dataclass
class Unit:
    """One position being assembled: an actor, its evidence spans and why it ranks."""

    actor: int
    spans: list[Span]
    block: int
    last: int  # index of the last sentence added
    key: str
    topic: str
    stance: str
    score: float
    ranked: bool  # speaker units are ranked and capped; quotes and reported speech are not
    words: set[str] = field(default_factory=set)
    said: str = ""  # a ranked unit's best sentence: ``run`` reads the stance of kept units only


def cap(units: int) -> int:
    """How many ranked positions one speaker keeps: a third of their stance units, at least
    four and at most ``MAX_PER_SPEAKER`` (a briefing is one page)."""
    return min(MAX_PER_SPEAKER, max(4, -(-units // 3)))


class Positions:
    """Builds the position units of one document; ``run`` returns them in document order."""

    def __init__(
        self,
        doc: Document,
        actors: Actors,
        statements: list[Statement],
        skip: set[int],
        byline: int | None,
        groups: GroupStances,
        quiet: set[int] | None = None,
    ) -> None:
        self.doc, self.text, self.actors = doc, doc.text, actors
        self.statements, self.skip, self.byline, self.groups = statements, skip, byline, groups
        self.quiet = quiet or set()  # conditions and open questions: not a speaker's stance
        self.headings = section_headings(doc)
        self.units: list[Unit] = []
        self._open: dict[int, Unit] = {}
        self._last = -2  # the last sentence a ranked unit took (so none is adjacent to it)
        self._fp: bool | None = None

    def run(self) -> list[Unit]:
        covered = self._reported()
        self._speakers(covered)
        ranked: dict[int, list[Unit]] = {}
        for unit in self.units:
            if unit.ranked:
                ranked.setdefault(unit.actor, []).append(unit)
        drop: set[int] = set()
        for units in ranked.values():
            best = sorted(units, key=lambda u: (-u.score, -len(u.spans)))  # ties: more said
            drop.update(id(u) for u in best[cap(len(units)) :])
        kept = [u for u in self.units if id(u) not in drop]
        for unit in kept:
            if unit.ranked:
                unit.stance = stance_text(unit.said)
        return kept

    # --- quotes and reported speech: every statement, one unit per actor and paragraph -----
    def _reported(self) -> set[int]:
        text, doc = self.text, self.doc
        starts = [s.start for s in doc.sentences]
        covered: set[int] = set()
        for st in self.statements:
            if st.kind == "turn":
                continue
            last = max(st.sentence, bisect.bisect_right(starts, st.end - 1) - 1)
            if self._speaker_of(st.sentence) == st.actor:
                continue  # "As I said, ...": the speaker's own words, ranked with the rest
            covered.update(range(st.sentence, last + 1))
            spans: list[Span] = []
            for i in range(st.sentence, last + 1):
                sent = doc.sentences[i]
                if i in self.skip:
                    continue
                span = clean_span(text, max(st.start, sent.start), min(st.end, sent.end))
                if len(text[span[0] : span[1]].split()) >= 3:
                    spans.append(clip(text, span))
            if spans:
                self._add_reported(st, spans)
        return covered

    def _add_reported(self, st: Statement, spans: list[Span]) -> None:
        block = self.doc.sentences[st.sentence].block
        prev = self.units[-1] if self.units else None
        renamed = any(  # "The Secretary underscored ...": named again, so a new point
            m.actor == st.actor and not st.start <= m.start < st.end
            for m in self.actors.in_sentence(st.sentence)
        )
        if prev and prev.block == block and prev.actor == st.actor and not renamed:
            prev.spans.extend(spans)
            return
        words = content_words(self.text[spans[0][0] : spans[0][1]])
        for unit in [u for u in self.units if u.actor == st.actor and not u.ranked][-12:]:
            if similar(unit.words, words):
                unit.spans.extend(spans)
                return
        label = st.topic or self.headings[block]
        if not label:  # derived only when neither a colon introduction nor a heading names it
            first = self.text[spans[0][0] : spans[0][1]]
            whole = self.doc.sentence_text(self.doc.sentences[st.sentence])
            label = topic(first)[0] or (whole != first and topic(whole)[0]) or "statement"
        stance = " ".join(self._attributed(st, spans[0]).split())
        self.units.append(
            Unit(st.actor, spans, block, st.sentence, "", label, stance, 0.0, False, words)
        )

    def _attributed(self, st: Statement, span: Span) -> str:
        """The stance with its speaker when the sentence names them before it ("Iran says it
        is not disappointed", not "it is not disappointed"); quotes stay as quoted."""
        text = self.text
        if st.kind == "quote":
            return text[span[0] : span[1]]
        named = [
            m
            for m in self.actors.in_sentence(st.sentence)
            if m.actor == st.actor and m.subject and m.end <= span[0]
        ]
        if not named or span[1] - named[-1].start > 320 or "," in text[named[-1].end : span[0]]:
            return text[span[0] : span[1]]
        return text[named[-1].start : span[1]]

    # --- transcript turns and first-person statements: scored, merged and capped -----------
    def _speaker_of(self, sentence: int) -> int | None:
        block = self.doc.blocks[self.doc.sentences[sentence].block]
        if block.speaker:
            return None if block.speaker in ("Q", "A") else self._label(block.speaker)
        return self.byline if self._first_person else None

    def _label(self, label: str) -> int | None:
        return label_actor(self.actors, label)

    @property
    def _first_person(self) -> bool:
        if self._fp is None:
            self._fp = self.byline is not None and len(_FIRST_PERSON.findall(self.text)) >= 2
        return self._fp

    def _speakers(self, covered: set[int]) -> None:
        turn_sentences = {st.sentence for st in self.statements if st.kind == "turn"}
        answers = answer_openings(self.doc)
        turn_sentences |= answers
        labels: dict[str, int | None] = {}
        passed = covered | self.skip | self.quiet
        blocks, text = self.doc.blocks, self.text
        for sent in self.doc.sentences:
            i = sent.index
            if i in passed:
                continue
            block = blocks[sent.block]
            if block.speaker:
                if block.speaker in ("Q", "A"):
                    continue
                if block.speaker not in labels:
                    labels[block.speaker] = self._label(block.speaker)
                speaker = labels[block.speaker]
            else:
                speaker = self.byline if (self._first_person or i in turn_sentences) else None
            if speaker is None:
                continue
            body = text[sent.start : sent.end]
            group = self.groups.members.get(i)
            if not group and self.groups.members.get(i - 1) and _THEY.match(body):
                group = self.groups.members[i - 1]  # "They both ... They recognize ..."
                self.groups.members[i] = group
            if not group and i in self.groups.clauses:
                for owner, clause in self.groups.clauses[i]:
                    self._add_ranked(owner, sent, text[clause[0] : clause[1]], 3, span=clause)
                continue
            score = self._score(i, body, i in turn_sentences, i in answers)
            if score is None:
                continue
            if group:
                again = self.groups.members.get(i - 1) == group
                for member in group:
                    self._add_ranked(member, sent, body, score, same_group=again)
            else:
                self._add_ranked(stance_owner(self.actors, sent, text, speaker), sent, body, score)
        self._merge_keys()

    def _score(self, sentence: int, body: str, turn: bool, answer: bool) -> float | None:
        """The sentence's score as a speaker's stance, or None when it is below ``MIN_SCORE``
        and no unit was extended at or just before it: then ``_add_ranked`` would drop it for
        any actor, so neither ``stance_score`` (when ``stance_bound`` rules it out) nor the
        sentence's subject is worked out."""
        bonus = 1.0 if turn else 0.0
        far = self._last < sentence - 1  # no open unit is adjacent
        if far and not answer and stance_bound(self.doc.words[sentence]) + bonus < MIN_SCORE:
            return None
        raw = stance_score(body)
        score = raw + bonus
        if answer and raw >= 0:  # a reply's opening answers what was asked
            score = max(score, MIN_SCORE)
        return None if far and score < MIN_SCORE else score

    def _add_ranked(
        self,
        actor: int,
        sent: Sentence,
        body: str,
        score: float,
        *,
        same_group: bool = False,
        span: Span | None = None,
    ) -> None:
        """Extend the speaker's open unit with ``sent`` or open a new one (``span``: evidence
        other than the whole sentence)."""
        sentence, block = sent.index, sent.block
        unit = self._open.get(actor)
        adjacent = unit is not None and unit.block == block and sentence - unit.last <= 1
        if score < MIN_SCORE and not adjacent:
            return  # neither a stance nor a follow-up: no need for its topic
        span = span or clip(self.text, clean_span(self.text, sent.start, sent.end))
        follow_up = unit is not None and adjacent and 0 <= score <= unit.score
        if unit is not None and follow_up and (same_group or continues(body)):
            unit.spans.append(span)  # a follow-up that adds evidence only: no topic needed
            unit.last = self._last = sentence
            return
        label, key = topic(body)
        if unit is not None and adjacent and score >= 0:
            follows = key in ("", unit.key) or continues(body) or same_group
            if follows:
                unit.spans.append(span)
                unit.last = self._last = sentence
                if score > unit.score:
                    unit.score, unit.said = score, body
                    unit.topic, unit.key = label or unit.topic, key or unit.key
                return
        if score < MIN_SCORE or span[1] <= span[0]:
            return
        new = Unit(actor, [span], block, sentence, key, label, "", score, True, said=body)
        self.units.append(new)
        self._open[actor] = new
        self._last = sentence

    def _merge_keys(self) -> None:
        """Units of one speaker on one topic key become one unit (first place, best stance)."""
        first: dict[tuple[int, str], Unit] = {}
        kept: list[Unit] = []
        for unit in self.units:
            if not unit.ranked or not unit.key:
                kept.append(unit)
                continue
            host = first.get((unit.actor, unit.key))
            if host is None:
                first[(unit.actor, unit.key)] = unit
                kept.append(unit)
                continue
            host.spans.extend(unit.spans)
            if unit.score > host.score:
                host.said, host.topic = unit.said, unit.topic
            host.score = max(host.score, unit.score) + 0.5
        self.units = kept
