"""Conditions, proposals (with status) and open questions, found from cue phrases.

Each finding is a sentence (or clause) of the article plus an actor: the speaker of the
statement that contains it, else the subject of the sentence, else the transcript speaker.
Cue lists follow how news phrases these things: "if / unless / only if / provided that / as long
as" (conditions), "would need to ... in order for" (prerequisites), "cannot ... at the expense
of" (red lines), "proposed / offered / suggested / asked / invited / called for / urged /
should" (proposals), and a later "rejected / accepted / remains uncertain" (status). In a
first-person statement "as soon as" sets a condition and "told them that X needed to" is a
proposal of the author's. Cue patterns are lower-case and run on ``Document.lower`` (same
offsets as the text, and much faster in ``re`` than ``re.IGNORECASE``), and only over the
sentences that hold one of their trigger words.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import Final

from ..schema import ConditionKind
from . import lexicon as lx
from .actors import Actors
from .findings import Finding
from .proposals import (
    PLAN,
    PLAN_VERBS,
    PROPOSAL_NOUN,
    PROPOSAL_NOUNS,
    PROPOSAL_VERB,
    PROPOSAL_VERBS,
    ProposalCues,
    verb_letters,
)
from .sentences import Document, Sentence
from .spans import (
    Alternation,
    Span,
    by_first_letter,
    clean_span,
    clip,
    holds_any,
    letters_table,
    word_initial,
    word_letters,
)
from .speech import Statement

_IF_BRANCHES: Final = (
    "only if", "if", "unless", "provided that", "on (?:a |the )?condition that", "as long as",
    "as soon as",
)  # fmt: skip
# "(?<![\w-])(only if|if|...)(?![\w-])", one pattern per first letter
_IF: Final = Alternation(_IF_BRANCHES, "(", r")(?![\w-])", before=r"\w-")

_ONLY_BEFORE: Final = re.compile(r"\b(?:would|will|can|could)\s+only\b[^.;,]*$")

_NOT_IF: Final = re.compile(r"(?:\b(?:ask|asked|wonder|wondering|know|see|whether|even|as)\s+$)")

_PREREQUISITE: Final = re.compile(  # only its start is used: branches in any order
    word_initial(
        by_first_letter([
            r"would\s+(?:first\s+)?need\s+to\b", r"will\s+(?:first\s+)?need\s+to\b",
            r"must\s+(?:first\s+)?need\s+to\b", r"may\s+(?:first\s+)?need\s+to\b",
            r"needs?\s+to\s+be\b", r"must\s+first\b", r"in\s+order\s+for\b",
            r"as\s+a\s+(?:pre-?condition|prerequisite)\b", r"demand(?:s|ed)?\s+that\b",
        ])
    )
)  # fmt: skip

_NEVER: Final = (  # "cannot ... at the expense of": after the refusal
    r"\b[^.;]{0,80}?\b(?:at\s+the\s+expense\s+of|undermin\w*|accept\w*|allow\w*|tolerat\w*"
    r"|compromis\w*|permit\w*)"
)
_RED_LINE: Final = re.compile(  # only its start is used: branches in any order
    word_initial(
        by_first_letter([
            *(
                refusal + _NEVER
                for refusal in (
                    "cannot", "can't", r"can\s+not", r"must\s+not", "mustn't", r"will\s+never",
                    r"would\s+never", r"shall\s+not",
                )
            ),
            r"red\s+lines?\b",
            r"will\s+not\b[^.;]{0,120}?,?\s+even\s+if\b",
            r"would\s+not\b[^.;]{0,120}?,?\s+even\s+if\b",
            r"won['’]t\b[^.;]{0,120}?\beven\s+if\b",
        ])
    )
)  # fmt: skip

_OPEN: Final = re.compile(  # only ever tested for a match
    "(?:"
    + word_initial(
        by_first_letter([
            r"remains?\s+(?:uncertain|unclear|unknown|open|to\s+be\s+seen)",
            r"it\s+is\s+(?:not\s+|un)clear", r"no\s+one\s+(?:is\s+saying|knows)",
            r"do(?:es)?\s+not\s+(?:yet\s+)?know", r"did\s+not\s+(?:yet\s+)?know",
            r"the\s+only\s+question\s+is",
            r"ha(?:s|ve)\s+not\s+(?:yet\s+)?(?:reached|decided|agreed)",
            r"not\s+yet\s+(?:known|decided|clear)", r"whether\s+or\s+not",
            *(rf"{verb}\s+whether" for verb in lx.split_words(
                "decide determine see unclear uncertain undecided"
            )),
        ])
    )
    + r")\b"
)  # fmt: skip

_ANY_CONDITION: Final = re.compile(  # only ever tested for a match
    "(?:"
    + word_initial(
        by_first_letter([
            "if", "unless", "provided", "condition", "long as", "soon as", "need", "needs",
            "order", "must", r"demand\w*", "cannot", "can't", "can", "never", "shall",
            "red lines?", "pre-?condition", "prerequisite",
        ])
    )
    + r")\b"
)  # fmt: skip

# Words one of which every match of the pattern above holds: ``run`` tests the sentence's words
# (``Document.words``) before the regex.
_CONDITION_WORDS: Final = frozenset(
    lx.split_words("""
        if unless provided condition long soon need needs order must cannot can never shall red
        precondition pre-condition prerequisite demand demands demanded demanding
        """)
)
# The first letters of the ``_IF`` branches whose matches may hold each condition word.
_IF_LETTERS: Final = letters_table(_IF_BRANCHES, _CONDITION_WORDS)
_OPEN_WORDS: Final = frozenset(
    lx.split_words(
        "remain remains clear unclear one know knows question reached decided agreed known whether"
    )
)
_CUE_WORDS: Final = _CONDITION_WORDS | _OPEN_WORDS | PROPOSAL_VERBS | PROPOSAL_NOUNS | PLAN_VERBS
# Every ``_OPEN`` match holds one of the words alone, or one of each of a pair.
_OPEN_ALONE: Final = frozenset(("clear", "unclear", "question", "whether"))
_OPEN_PAIRS: Final = (
    (frozenset(("remain", "remains")), frozenset(lx.split_words("uncertain unknown open seen"))),
    (frozenset(("no",)), frozenset(("one",))),
    (frozenset(("not",)), frozenset(lx.split_words("know reached decided agreed yet"))),
)


def _may_open(found: frozenset[str]) -> bool:
    """False when ``_OPEN`` cannot match in a sentence with these words: when each is letters
    and digits only, every word of a match is one of them ("one" alone is not enough)."""
    if not found.isdisjoint(_OPEN_ALONE):
        return True
    for first, second in _OPEN_PAIRS:
        if not (found.isdisjoint(first) or found.isdisjoint(second)):
            return True
    return not "".join(found).isalnum()


# Strings one of which every match of the pattern holds: a sentence holding none of them (a
# few ``in`` tests of its lower-case text) is not searched. Half the sentences with a condition
# cue hold no red line or prerequisite string. ``Document.words`` cannot tell, as a word after
# a hyphen is part of a longer one there.
_RED_LINE_HOLDS: Final = ("can", "must", "never", "shall", "even", "red")
_PREREQUISITE_HOLDS: Final = ("need", "must", "order", "condition", "prerequisite", "demand")


def _verbs_from(
    first: re.Match[str], text: str, end: int, letters: str | None
) -> Iterator[re.Match[str]]:
    """``PROPOSAL_VERB.finditer`` over a sentence, resumed after its known ``first`` match."""
    yield first
    yield from PROPOSAL_VERB.finditer(text, first.end(), end, letters)


_IN_ORDER: Final = re.compile(r"\s*\bin\s+order\s+(?:for|to)\s+")


class Cues(ProposalCues):
    """Runs every cue over the prose sentences of ``doc``."""

    def run(self) -> list[Finding]:
        doc = self.doc  # each cue regex only runs on sentences holding one of its trigger words
        text, lower, blocks = doc.text, doc.lower, doc.blocks
        for sent, found in zip(doc.sentences, doc.words, strict=True):
            hit = found & _CUE_WORDS  # one set operation tells which cues can match at all
            if not hit:
                continue
            start, end = sent.start, sent.end
            question = blocks[sent.block].speaker == "Q"
            if not question:
                if not hit.isdisjoint(_CONDITION_WORDS) and _ANY_CONDITION.search(
                    lower, start, end
                ):
                    self._conditions(sent, word_letters(_IF_LETTERS, found, hit))
                if (
                    not hit.isdisjoint(_OPEN_WORDS)
                    and _may_open(found)
                    and _OPEN.search(lower, start, end)
                ):
                    self._open(sent)
            verbs: Iterable[re.Match[str]] | None = None
            verb = None
            if not hit.isdisjoint(PROPOSAL_VERBS):  # the gate's first match starts the scan
                letters = verb_letters(found, hit)
                verb = PROPOSAL_VERB.search(text, start, end, letters)
                verbs = () if verb is None else _verbs_from(verb, text, end, letters)
            if (
                verb is not None
                or (not hit.isdisjoint(PROPOSAL_NOUNS) and PROPOSAL_NOUN.search(text, start, end))
                or (not hit.isdisjoint(PLAN_VERBS) and PLAN.search(text, start, end))
            ):
                if verbs is None:  # no cue verb among the words: one may begin inside a word
                    verbs = PROPOSAL_VERB.finditer(text, start, end, verb_letters(found, hit))
                self._proposals(sent, question, verbs)
        self._statuses()
        return self.findings

    # --- conditions -----------------------------------------------------------------------
    def _conditions(self, sent: Sentence, letters: str | None) -> None:
        """``letters``: the ``_IF`` branches that may match (``word_letters``)."""
        text = self.text
        body = self.doc.lower[sent.start : sent.end]  # the cue patterns are lower-case
        span = clean_span(text, sent.start, sent.end)
        actor = self.speaker(sent, span[0])
        if actor is None:
            return
        red = _RED_LINE.search(body) if holds_any(body, _RED_LINE_HOLDS) else None
        if red:
            clause = self._clause_around(sent, sent.start + red.start())
            self._add_condition(actor, "red_line", clause, None, sent)
            return
        pre = _PREREQUISITE.search(body) if holds_any(body, _PREREQUISITE_HOLDS) else None
        if pre:
            start, end = self._clause_around(sent, sent.start + pre.start())
            order = _IN_ORDER.search(self.doc.lower, start, end)
            cond = (text[start : order.start()] if order else text[start:end]).rstrip(" .")
            cons = text[order.end() : end].rstrip(" .") if order else None
            self._add_condition(actor, "prerequisite", span, cons, sent, cond)
            return
        for m in _IF.finditer(body, 0, len(body), letters):
            if _NOT_IF.search(body[: m.start()]) or body[m.end() :].lstrip().startswith("possible"):
                continue
            cue = m.group(1)
            kind: ConditionKind = (
                "if_then" if cue in ("if", "unless", "as soon as") else "prerequisite"
            )
            if cue == "if" and _ONLY_BEFORE.search(body, max(0, m.start() - 120), m.start()):
                kind = "prerequisite"  # "would only take such a role ... if it was backed"
            if body[m.end() :].lstrip().startswith(("not,", "not then", "not.")):
                self._extend_previous(actor, span, sent.index)
                return
            cond, cons = self._split_if(span, sent.start + m.start(), sent.start + m.end())
            self._add_condition(actor, kind, span, cons, sent, cond)
            return

    def _split_if(self, span: Span, cue_start: int, cue_end: int) -> tuple[str, str | None]:
        """("If X", "Y") from "If X, Y" or "Y if X" (after any "he said that")."""
        text = self.text
        before = text[span[0] : cue_start].strip(" ,")
        lead = re.search(r"(?:^|\b(?:that|but|and|so|then)|[,;:—–])\s*$", before)
        after = text[cue_end : span[1]]
        comma = after.find(",")
        if lead is not None and comma > 0:  # "If X, Y"
            return text[cue_start:cue_end] + after[:comma], after[comma + 1 :].strip(" .") or None
        clause = after[:comma] if comma > 0 else after
        return text[cue_start:cue_end] + clause.rstrip(" ."), before or None

    def _clause_around(self, sent: Sentence, pos: int) -> Span:
        text = self.text
        start, end = clean_span(text, sent.start, sent.end)
        for cut in (" that ", " but ", "; ", " — ", "—"):
            left = text.rfind(cut, start, pos)
            if left >= 0:
                start = left + len(cut)
                break
        return clean_span(text, start, end)

    def _merge_red_line(self, actor: int, span: Span, sentence: int) -> bool:
        """One red line per actor and passage: a restatement adds evidence."""
        for f in self._recent(sentence, 10):
            if f.field == "conditions" and f.kind == "red_line" and f.actor == actor:
                f.spans.append(span)
                if len(self.text[span[0] : span[1]]) > len(f.text):
                    f.text = self.text[span[0] : span[1]]
                return True
        return False

    def _add_condition(
        self, actor: int, kind: ConditionKind, span: Span, consequence: str | None,
        sent: Sentence, condition: str | None = None,
    ) -> None:  # fmt: skip
        span = clip(self.text, span)
        words = condition.strip() if condition else self.text[span[0] : span[1]]
        if not words.strip() or span[1] <= span[0]:
            return
        if kind == "red_line" and self._merge_red_line(actor, span, sent.index):
            return
        self.findings.append(
            Finding(
                "conditions", actor, words, [span], sent.index, kind,
                (consequence or "").strip() or None,
            )
        )  # fmt: skip

    def _extend_previous(self, actor: int, span: Span, sentence: int) -> None:
        for f in self._recent(sentence, 2):
            if f.field == "conditions" and f.actor == actor and f.kind == "if_then":
                f.spans.append(clip(self.text, span))
                otherwise = self.text[span[0] : span[1]]
                f.consequence = f"{f.consequence}; {otherwise}" if f.consequence else otherwise
                return

    # --- open questions -------------------------------------------------------------------
    def _open(self, sent: Sentence) -> None:
        """A sentence where ``_OPEN`` matches."""
        span = clip(self.text, clean_span(self.text, sent.start, sent.end))
        if span[1] > span[0]:
            self.findings.append(
                Finding("open_questions", None, self.text[span[0] : span[1]], [span], sent.index)
            )


def find_cues(
    doc: Document,
    actors: Actors,
    statements: list[Statement],
    quoted: list[Span] | None = None,
    byline: int | None = None,
    counterparts: dict[int, int] | None = None,
) -> list[Finding]:
    """Every condition, proposal and open question in ``doc``.

    ``quoted`` are unattributed quotations (their conditions belong to nobody we know);
    ``byline`` is the author of a first-person statement, who speaks wherever nobody else does;
    ``counterparts`` maps an actor to the other side of its talks (unnamed proposers).
    """
    return Cues(doc, actors, statements, quoted or [], byline, counterparts).run()
