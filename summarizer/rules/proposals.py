"""Proposals (offers, requests, invitations, calls) and their status.

A proposal is a cue verb with a subject ("Putin had already extended such an invitation",
"Trump asked him to ...", "Ukrainian authorities should ..."), or a possessed proposal noun
("the Israeli proposal", "Trump's request"). Its status is the first status cue in the same or
the next three sentences of the same section: "rejected", "accepted / will take place",
"remains uncertain / not reached an agreement"; "offered" if none.
"""

from __future__ import annotations

import re

from ..schema import ProposalStatus
from . import lexicon as lx
from .findings import CueBase, Finding
from .sentences import Sentence
from .spans import clean_span, clip

PROPOSAL_VERB = re.compile(
    r"\b(proposed|proposes|proposing|offered|offers|suggested|suggests"
    r"|ask(?:ed|s)?(?=\s+(?:\w+\s+){1,4}?(?:to|for)\b)|invited|invites"
    r"|called\s+for|calls\s+for|calling\s+for|call(?:ed|s|ing)?\s+on|urging"
    r"|urged|urges|urge|extended\s+(?:an?|such\s+an?|the)\s+(?:invitation|offer)|should)\b"
)

PROPOSAL_NOUN = re.compile(r"\b(proposal|offer|invitation|request|plan|initiative|peace\s+plan)\b")

_STATUS: tuple[tuple[ProposalStatus, re.Pattern[str]], ...] = (
    ("rejected", re.compile(r"\b(?:rejected|declined|refused|turned\s+down|dismissed)\b", re.I)),
    (
        "accepted",
        re.compile(r"\b(?:accepted|agreed\s+to|welcomed|approved|will\s+take\s+place)\b", re.I),
    ),
    (
        "pending",
        re.compile(
            r"\b(?:remains?\s+(?:uncertain|unclear|possible|open|to\s+be\s+seen)|not\s+(?:yet\s+)?reached\s+"
            r"an?\s+agreement|under\s+consideration|will\s+consider|reconsider|continuing\s+(?:our\s+)?discussions)\b",
            re.I,
        ),
    ),
)

_SUBJECT_BEFORE = re.compile(
    r"([\w.’'-]+)\s+(?:(?:also|has|had|have|am|is|are|was|were|will|would|personally|already"
    r"|later|then|formally|publicly"
    r"|reportedly|again|\w+ly)\s+){0,3}$"
)

_OWNER = re.compile(r"\b(?:[Tt]he\s+)?([A-Z][\w.’'-]*?)(?:['’]s)?\s+$")


class ProposalCues(CueBase):
    """Proposal rules; ``Cues`` adds conditions and open questions."""

    # --- proposals ------------------------------------------------------------------------
    def _proposals(self, sent: Sentence, question: bool) -> None:
        text = self.text
        if not question:
            for m in PROPOSAL_VERB.finditer(text, sent.start, sent.end):
                self._proposal_at(sent, m)
        for m in PROPOSAL_NOUN.finditer(text, sent.start, sent.end):
            base = max(sent.start, m.start() - 40)
            owner = _OWNER.search(text[base : m.start()])
            actor = self._owner(owner.group(1)) if owner else None
            if owner is None or actor is None:
                continue
            if actor not in self.proposers:
                self.proposers.add(actor)
                span = clip(text, clean_span(text, base + owner.start(), sent.end))
                self.findings.append(
                    Finding("proposals", actor, text[span[0] : span[1]], [span], sent.index)
                )

    def _owner(self, word: str) -> int | None:
        country = lx.DEMONYMS.get(word.lower())
        if country:
            return self.actors.add(country, "government")
        found = self.actors.get(word)
        return found

    def _proposal_at(self, sent: Sentence, m: re.Match[str]) -> None:
        text = self.text
        verb = m.group(1).split()[0]
        if verb == "should":
            subject = [
                x for x in self.actors.in_sentence(sent.index) if x.end <= m.start() and x.subject
            ]
            proposer = self.speaker(sent, m.start())
            if not subject or proposer is None or subject[-1].actor == proposer:
                return
            addressee: int | None = subject[-1].actor
            start = subject[-1].start
        else:
            proposer = self._proposer(sent, m.start())
            if proposer is None:
                return
            addressee = self._addressee(sent, m.end(), proposer)
            start = m.start()
        span = clip(text, clean_span(text, start, sent.end))
        if span[1] - span[0] < 12:
            return
        for f in self._recent(sent.index, 3):  # "Trump asked him ...", "Donald asked me ..."
            if f.field == "proposals" and f.actor == proposer and f.addressee == addressee:
                f.spans.append(clip(text, clean_span(text, sent.start, sent.end)))
                return
        self.proposers.add(proposer)
        self.findings.append(
            Finding(
                "proposals",
                proposer,
                text[span[0] : span[1]],
                [clip(text, clean_span(text, sent.start, sent.end))],
                sent.index,
                addressee=addressee,
            )
        )

    def _proposer(self, sent: Sentence, pos: int) -> int | None:
        """The subject right before the verb: a mention, or a pronoun resolved."""
        match = _SUBJECT_BEFORE.search(self.text, max(sent.start, pos - 60), pos)
        if match is None:
            return None
        for x in self.actors.in_sentence(sent.index):
            if x.end == match.end(1):
                return x.actor
        word = match.group(1).lower().split("'")[0].split("’")[0]
        if word in ("i", "we"):
            return self.speaker(sent, pos)
        if word in ("he", "she"):
            return self.actors.antecedent(match.start(1), sent.index)
        return None

    def _addressee(self, sent: Sentence, pos: int, proposer: int) -> int | None:
        obj = re.match(r"\s+(him|her|me|us)\b", self.text[pos : pos + 6])
        if obj:
            if obj.group(1) in ("me", "us"):
                return self.speaker(sent, pos)
            return self.actors.antecedent(pos, sent.index, exclude=frozenset({proposer}))
        for x in self.actors.in_sentence(sent.index):
            if pos <= x.start < pos + 30 and x.actor != proposer:
                return x.actor
        return None

    def _statuses(self) -> None:
        sentences = self.doc.sentences
        for f in self.findings:
            if f.field != "proposals":
                continue
            own = self.text[f.spans[0][0] : f.spans[0][1]]
            found = _status(own)
            i = f.sentence + 1
            while found is None and i < min(len(sentences), f.sentence + 4):
                if any(
                    b.kind == "heading"
                    for b in self.doc.blocks[sentences[i - 1].block + 1 : sentences[i].block]
                ):
                    break
                found = _status(self.doc.sentence_text(sentences[i]))
                if found:
                    f.spans.append(
                        clip(self.text, clean_span(self.text, sentences[i].start, sentences[i].end))
                    )
                i += 1
            f.status = found or "offered"


def _status(sentence: str) -> ProposalStatus | None:
    for status, pattern in _STATUS:
        if pattern.search(sentence):
            return status
    return None
