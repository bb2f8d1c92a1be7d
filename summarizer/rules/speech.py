"""Who said what: direct quotes, reported speech and transcript turns, as article spans.

Positions, conditions and proposals all need an actor, and in news the actor is whoever the
text attributes the words to. Three shapes cover most of it: a quotation with "X said" before
or after it (or a line ending in a colon before it, or a run of quotes continuing over
paragraphs); reported speech ("X told reporters (that) ...", "..., X said.", "according to X");
and, in transcripts, everything a labelled speaker says. Pronouns are resolved through
``Actors.antecedent``; "I" and "we" in a turn are the turn's speaker.
"""

from __future__ import annotations

import re
from typing import Final

from . import lexicon as lx
from .actors import Actors
from .blocks import trim
from .groups import GroupStances
from .quotes import QuoteRules
from .sentences import Document
from .spans import holds_any, starts_word, word_initial, word_initial_words
from .subjects import AFTER_SUBJECT, Statement, label_actor

__all__ = ["Attribution", "Statement", "attribute", "label_actor"]

_PHRASES: Final = (*lx.VERB_PHRASES, "according to")  # what ``_ANY_VERB`` matches besides the verbs

_ANY_VERB: Final = re.compile(  # only ever tested for a match
    rf"(?:{word_initial_words([*lx.SPEECH_VERBS, *_PHRASES])})\b"
)

_VERB_WORDS: Final = frozenset(  # every ``_ANY_VERB`` match holds one of these words
    {*lx.SPEECH_VERBS, *(phrase.split()[0] for phrase in _PHRASES)}
)


def _has_verb(text: str, start: int, end: int, words: frozenset[str]) -> bool:
    """Whether ``_ANY_VERB`` matches in ``text[start:end]``. A speech verb among the sentence's
    words found as a whole word answers it without the regex, which tries its word list at
    almost every letter. When none is and every word is letters and digits only, a verb the
    regex can match would be one of the words: then only a phrase is left to look for."""
    for verb in words & lx.SPEECH_VERBS:
        at = text.find(verb, start, end)
        while at >= 0:
            after = at + len(verb)  # "\b" after the verb's last letter: no word character
            if starts_word(text, at) and (
                after == end or not (text[after].isalnum() or text[after] == "_")
            ):
                return True
            at = text.find(verb, at + 1, end)
    if "".join(words).isalnum() and not holds_any(text[start:end], _PHRASES):
        return False
    return _ANY_VERB.search(text, start, end) is not None


_LISTENER: Final = re.compile(
    r"(?:[ \t\xa0]+(?:reporters|journalists|the (?:press|media)|a (?:news|press) conference"
    r"|him|her|them|us|me"
    r"|to[ \t\xa0]+(?:the[ \t\xa0]+)?[A-Z][\w’'-]*(?:[ \t\xa0]+[A-Z][\w’'-]*)*))?"
    r"(?:[ \t\xa0]+(?:in|on|at)[ \t\xa0]+[A-Z][\w’'-]*)?"
)  # "told reporters", "reported to Congress", "said in Geneva"

_NAMED_LISTENER: Final = re.compile(  # one name: "told VOA the North ..." keeps "the North"
    r"(?:[ \t\xa0]+(?:[Tt]he[ \t\xa0]+)?[A-Z][\w.’'-]*(?:[ \t\xa0]+[A-Z][\w.’'-]*){0,3})?"
)
# "Bruce Bennett from the RAND Corporation told ...": the speaker is the person, not the body.
_AFFILIATED: Final = re.compile(r"[ \t\xa0]+(?:from|of|at|with)[ \t\xa0]+(?:the[ \t\xa0]+)?$")

_BAD_CLAUSE_START: Final = frozenset(
    lx.split_words("and or but in on at to for with during after before from by of is was are were")
)

_THAT: Final = re.compile(r"[ \t\xa0]+(?:that|how)\b")

_ACCORDING: Final = re.compile(r",?[ \t\xa0]*according to[ \t\xa0]+")

_STANCE_WORDS: Final = frozenset(("i", "we", "our", "my"))
_WANTS: Final = lx.split_words(
    "believe want hope urge support oppose anticipate expect insist intend reject welcome share"
)
_AIMS: Final = lx.split_words("objective position aim goal focus view policy priority")
_WANT: Final = (
    r"(?:[ \t\xa0]+(?:do|would|will|also|still|strongly|firmly|deeply|all))?"
    rf"(?:[ \t\xa0]+not)?[ \t\xa0]+(?:{'|'.join(_WANTS)})\b"
)
_AIM: Final = rf"[ \t\xa0]+(?:{'|'.join(_AIMS)})\b"
_STANCE: Final = re.compile(  # "I/we (do not) believe ...", "our/my objective ..."
    word_initial(
        [
            f"I{_WANT}",
            f"We{_WANT}",
            f"we{_WANT}",
            f"Our{_AIM}",
            f"our{_AIM}",
            f"My{_AIM}",
            f"my{_AIM}",
        ]
    )
)


# A ``_STANCE`` match ends in one of these words, right after a space and before no word
# character, so the sentence's words (``Document.words``) hold the word itself or a token that
# goes on with a character that is neither a letter nor a digit ("we believe-" gives "believe-").
_STANCE_ENDS: Final = frozenset((*_WANTS, *_AIMS))


def _may_state(words: frozenset[str]) -> bool:
    """False when ``_STANCE`` cannot match in a sentence with these words."""
    return not words.isdisjoint(_STANCE_ENDS) or not "".join(words).isalnum()


class Attribution(QuoteRules):
    """Finds statements; ``statements`` is sorted by start after ``run``. With ``groups``, a
    group subject ("Both leaders agreed that ...") speaks for each of its members."""

    def __init__(self, doc: Document, actors: Actors, groups: GroupStances | None = None) -> None:
        super().__init__(doc, actors)
        self.groups = groups or GroupStances()

    def run(self) -> list[Statement]:
        self._reported()
        self._quoted()
        self._turns()
        self.statements.sort(key=lambda s: (s.start, -s.end))
        kept: list[Statement] = []
        for st in self.statements:  # "He says he hopes X": keep the outer statement only
            if kept and kept[-1].actor == st.actor and st.end <= kept[-1].end:
                continue
            kept.append(st)
        self.statements = kept
        return kept

    # --- reported speech ------------------------------------------------------------------
    def _reported(self) -> None:
        text, blocks = self.text, self.doc.blocks
        for sent, words in zip(self.doc.sentences, self.doc.words, strict=True):
            if (
                words.isdisjoint(_VERB_WORDS)  # no trigger word: ``_ANY_VERB`` cannot match
                or blocks[sent.block].speaker == "Q"
                or not _has_verb(text, sent.start, sent.end, words)
            ):
                continue
            speakers = self._speakers(sent.index)
            for k, (actor, start, end) in enumerate(speakers):
                if self.in_quote(start):
                    continue
                verb = AFTER_SUBJECT.match(text, end, sent.end)
                if verb is None:
                    continue
                if k and _AFFILIATED.search(text, speakers[k - 1][2], start):
                    actor, start = speakers[k - 1][0], speakers[k - 1][1]
                self._clause(actor, start, verb, sent.index)
            self._according(sent.index)
            self._group_said(sent.index)

    def _group_said(self, sentence: int) -> None:
        end = self.groups.subjects.get(sentence)
        if end is None:
            return
        verb = AFTER_SUBJECT.match(self.text, end, self.doc.sentences[sentence].end)
        if verb is not None:
            for member in self.groups.members[sentence]:
                self._clause(member, self.doc.sentences[sentence].start, verb, sentence)

    def _clause(
        self, actor: int, subject_start: int, verb_match: re.Match[str], sentence: int
    ) -> None:
        text, sent = self.text, self.doc.sentences[sentence]
        verb_end = verb_match.end()
        verb = verb_match.group(1).split()[0]
        pos = _LISTENER.match(text, verb_end, sent.end).end()  # type: ignore[union-attr]
        if verb in ("told", "tells", "tell"):  # "told VOA", "told The Associated Press"
            pos = _NAMED_LISTENER.match(text, pos, sent.end).end()  # type: ignore[union-attr]
        that = _THAT.match(text, pos, sent.end)
        rest = text[pos : sent.end].lstrip()
        before = text[sent.start : subject_start].rstrip()
        if that:
            start, end = that.end(), sent.end
        elif text[sent.end - 1] == ":":  # "Putin also spoke on X:" introduces the next quote
            topic = text[pos : sent.end - 1].strip()
            if topic:
                self.topics[sent.block + 1] = topic
            return
        elif before.endswith(",") and rest[:1] in ",":
            start, end = sent.start, sent.end  # "..., Putin emphasized, is ..."
        elif before.endswith(",") and (not rest or rest[:1] in ".,;"):
            if self.in_quote(len(before) - 1 + sent.start):
                return  # '"...," Putin said': read as a quote
            start, end = sent.start, sent.start + len(before) - 1
        else:
            low = before.lower()
            after_as = low.endswith(" as") or low == "as"
            first = rest.split(None, 1)[:1]
            if first and first[0].lower() in _BAD_CLAUSE_START and not after_as:
                return  # "what the President said in the meetings", "we have said and done"
            if after_as and "," in rest:
                start, end = pos + text[pos : sent.end].find(",") + 1, sent.end
            elif rest and rest[0] not in ",.;" and verb in lx.BARE_CLAUSE_VERBS:
                start, end = pos, sent.end
            else:
                return
        start, end = trim(text, start, end)
        if len(text[start:end].split()) >= 3:
            self.statements.append(Statement(actor, start, end, sentence, "reported"))

    def _according(self, sentence: int) -> None:
        if "according" not in self.doc.words[sentence]:
            return
        sent = self.doc.sentences[sentence]
        match = _ACCORDING.search(self.text, sent.start, sent.end)
        if match is None:
            return
        mention = self.mention_at(match.end(), match.end() + 1)
        if mention is None:
            return
        start, end = trim(self.text, sent.start, match.start())
        if len(self.text[start:end].split()) >= 3:
            self.statements.append(Statement(mention.actor, start, end, sentence, "reported"))

    # --- transcripts ----------------------------------------------------------------------
    def _turns(self) -> None:
        covered = {s.sentence for s in self.statements}
        for q in self.quotes:
            covered.update(range(self.sentence_at(q.start), self.sentence_at(q.end) + 1))
        blocks, text, byline = self.doc.blocks, self.text, self.byline
        for sent, words in zip(self.doc.sentences, self.doc.words, strict=True):
            if words.isdisjoint(_STANCE_WORDS):
                continue  # no "I", "we", "our", "my": ``_STANCE`` cannot match
            label = blocks[sent.block].speaker
            if sent.index in covered or (not label and byline is None):
                continue
            actor = self._turn_actor(label) if label else byline
            if (
                actor is not None
                and _may_state(words)
                and _STANCE.search(text, sent.start, sent.end)
            ):
                self.statements.append(Statement(actor, sent.start, sent.end, sent.index, "turn"))


def attribute(doc: Document, actors: Actors) -> list[Statement]:
    """Every statement in ``doc``, sorted by position."""
    return Attribution(doc, actors).run()
