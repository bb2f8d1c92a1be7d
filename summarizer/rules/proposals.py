"""Proposals (offers, requests, invitations, calls) and their status.

A proposal is a cue verb with a subject ("Putin had already extended such an invitation",
"Trump asked him to ...", "Ukrainian authorities should ...", "told them that Congress needed
to ..."), a possessed proposal noun ("the Israeli proposal", "Trump's request"), or a speaker's
plan to open a process ("We're going to enter into a period of discussion"). With no subject
("talks aimed at persuading Iran to ...") the proposer is the other side of the talks; "In
exchange, ..." right after adds the quid pro quo. Not proposals: a reduced relative clause
("the steps we've asked parties to take") and calls on nobody in particular ("we urge others").
Status is the first status cue in the same or the next three sentences of the same section:
"rejected", "accepted / voted to / will take place", "remains uncertain / not reached an
agreement"; "offered" if none ("pending" for a plan).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Final

from ..schema import ProposalStatus
from . import lexicon as lx
from .findings import CueBase, Finding
from .gender import pronoun_gender
from .sentences import Sentence
from .spans import Alternation, by_first_letter, clean_span, clip, word_initial, word_letters

_READY: Final = (
    r"\s+(?:ready|prepared|willing)\s+to\s+"
    r"(?:work|support|help|host|negotiate|meet|talk|provide|conclude|sign)"
)
_PLEDGED: Final = r"(?:pledged|promised)\s+to"
_OBJECT_TO: Final = r"(?=\s+(?:[\w,]+\s+){1,4}?to\b)"  # "asked Iran to", "persuading him to"
PROPOSAL_VERB: Final = Alternation(  # \b(...)\b, one pattern per first letter
    [
        "proposed", "proposes", "proposing", "offered", "offers", "suggested", "suggests",
        r"ask(?:ed|s)?(?=\s+(?:[\w,]+\s+){1,4}?(?:to|for)\b)", "invited", "invites",
        f"persuad(?:e|es|ed|ing){_OBJECT_TO}", f"convinc(?:e|es|ed|ing){_OBJECT_TO}",
        r"need(?:s|ed)?(?=\s+to\b)", r"called\s+for", r"calls\s+for", r"calling\s+for",
        r"call(?:ed|s|ing)?\s+on", "urging", "urged", "urges", "urge",
        r"extended\s+(?:an?|such\s+an?|the)\s+(?:invitation|offer)", "should",
        f"stands?{_READY}", f"are{_READY}", f"is{_READY}", f"remains?{_READY}",
        rf"has\s+{_PLEDGED}", rf"have\s+{_PLEDGED}", r"pledged\s+to", r"promised\s+to",
        r"reached\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,3}?(?:agreement|deal|accord|compromise)",
    ],
    "(",
    r")\b",
)  # fmt: skip
# The status a cue verb gives before any later cue: a request awaits its answer, an agreement
# reached is accepted, anything else is on offer.
_REQUESTS: Final = frozenset(
    lx.split_words("""
        ask asked asks urged urges urge urging called calls calling call invited invites persuade
        persuades persuaded persuading convince convinces convinced
        """)
)

PROPOSAL_VERBS: Final = frozenset(  # every ``PROPOSAL_VERB`` match holds one of these words
    lx.split_words("""
        proposed proposes proposing offered offers suggested suggests ask asked asks invited
        invites persuade persuades persuaded persuading convince convinces convinced convincing
        need needs needed called calls calling call urging urged urges urge extended should
        ready reached prepared willing pledged promised
        """)
)
# The first letters of the ``PROPOSAL_VERB`` branches whose matches may hold each word.
_VERB_LETTERS: Final = {word: word[0] for word in PROPOSAL_VERBS} | {
    **dict.fromkeys(("ready", "prepared", "willing"), "sair"),  # "stands ready to", "is ..."
    **dict.fromkeys(("pledged", "promised"), "hp"),  # "has pledged to", "pledged to"
}


def verb_letters(found: frozenset[str], hit: Iterable[str]) -> str | None:
    """``word_letters`` for ``PROPOSAL_VERB``."""
    return word_letters(_VERB_LETTERS, found, hit)


# A first-person plan to open a process: "We're now going to enter into a period of discussion".
PLAN: Final = re.compile(
    "(?:" + word_initial(["I", "We", "we"]) + ")"
    r"(?:['’](?:re|m)|\s+(?:are|am|will))\s+(?:now\s+|also\s+|soon\s+)?"
    r"(?:going\s+to\s+)?(?:enter\s+into|launch|begin|start|open|hold|convene|host|resume)\b"
    r"(?=[^.;]{0,60}?\b(?:talks|discussions?|negotiations?|consultations|dialogue|summit"
    r"|conference|process)\b)"
)
PLAN_VERBS: Final = frozenset(
    lx.split_words("enter launch begin start open hold convene host resume")
)
PROPOSAL_NOUN: Final = re.compile(
    "(?:"
    + word_initial(
        by_first_letter(
            [r"peace\s+plan", "proposal", "offer", "invitation", "request", "plan", "initiative"]
        )
    )
    + r")\b"
)

PROPOSAL_NOUNS: Final = frozenset(
    lx.split_words("peace proposal offer invitation request plan initiative")
)
_STATUS_CUES: tuple[tuple[ProposalStatus, list[str]], ...] = (
    ("rejected", ["rejected", "declined", "refused", r"turned\s+down", "dismissed"]),
    ("accepted", ["accepted", r"agreed\s+to", "welcomed", "approved", r"voted\s+(?:for|to)",
                  r"will\s+take\s+place"]),
    ("pending", [r"remains?\s+(?:uncertain|unclear|possible|open|to\s+be\s+seen)",
                 r"not\s+(?:yet\s+)?reached\s+an?\s+agreement", r"under\s+consideration",
                 r"will\s+consider", "reconsider", r"continuing\s+(?:our\s+)?discussions"]),
)  # fmt: skip
_STATUS: Final = tuple(  # \b(?:...)\b, only ever tested for a match
    (status, re.compile("(?:" + word_initial(by_first_letter(cues)) + r")\b"))
    for status, cues in _STATUS_CUES
)
_ANY_STATUS: Final = re.compile(  # one scan tells whether any of the three can match
    "(?:" + word_initial(by_first_letter(c for _, cues in _STATUS_CUES for c in cues)) + r")\b"
)

# Searched in a slice of the text (so that the look-behind stops at its start): the leftmost
# match starts a run of the subject's characters, so no other start is tried, and the run is
# whole (possessive), as only whitespace may follow it.
_SUBJECT_BEFORE: Final = re.compile(
    r"(?<![\w.’'-])([\w.’'-]++)\s+"
    r"(?:(?:also|has|had|have|am|is|are|was|were|will|would|personally|already"
    r"|later|then|formally|publicly"
    r"|reportedly|again|\w+ly)\s+){0,3}$"
)

# "told them that Congress needed to ...": a directive only inside reported speech.
_REPORTED_THAT: Final = re.compile(
    r"\b(?:told|tell|tells|urged|warned|insisted|said|says)\b[^.;]{0,60}\bthat\s+"
)
# Words a pronoun subject may follow; after any other lower-case word it opens a reduced
# relative clause ("The actions we've asked parties to take"), not a proposal.
_BEFORE_SUBJECT: Final = frozenset(
    lx.split_words("""
        and but so then now today also that yet still as because if when while since once
        where which who yesterday tomorrow here again first finally
        """)
)
_GENERIC_OBJECT: Final = re.compile(r"\s+(?:others|everyone|everybody|anyone|anybody)\b")
_IN_EXCHANGE: Final = re.compile(r"[\"“]?(?:In|in)\s+(?:exchange|return)\b")
_PREV_WORD: Final = re.compile(r"(?<![A-Za-z])([A-Za-z]++)\s+$")  # in a slice, as above
_VERDICT_BEFORE: Final = re.compile(
    r"\b(?:accepted|rejected|declined|refused|welcomed|approved|turned\s+down|dismissed)"
    r"\s+(?:\S+\s+){0,1}$"
)
_PRONOUNS: Final = frozenset(("i", "we", "he", "she", "they"))
_OWNER: Final = (
    re.compile(  # "Trump's request", "the Israeli proposal", "the United States’ proposal"
        r"\b(?:[Tt]he\s+)?((?:[A-Z][\w.-]*\s+){0,2}[A-Z][\w.-]*?)(?:['’]s?)?\s+$"
    )
)


class ProposalCues(CueBase):
    """Proposal rules; ``Cues`` adds conditions and open questions."""

    # --- proposals ------------------------------------------------------------------------
    def _proposals(self, sent: Sentence, question: bool, verbs: Iterable[re.Match[str]]) -> None:
        """``verbs``: the ``PROPOSAL_VERB`` matches in ``sent``."""
        text = self.text
        if not question:
            for m in verbs:
                self._proposal_at(sent, m)
            plan = PLAN.search(text, sent.start, sent.end)
            proposer = self.speaker(sent, plan.start()) if plan else None
            if plan and proposer is not None:
                span = clip(text, clean_span(text, sent.start, sent.end))
                found = Finding("proposals", proposer, text[span[0] : span[1]], [span], sent.index)
                found.status = "pending"  # a process announced, its outcome open
                self.proposers.add(proposer)
                self.findings.append(found)
        for m in PROPOSAL_NOUN.finditer(text, sent.start, sent.end):
            base = max(sent.start, m.start() - 40)
            owner = _OWNER.search(text[base : m.start()])
            actor = self._owner(owner.group(1)) if owner else None
            if owner is None or actor is None:
                continue
            if actor not in self.proposers:
                self.proposers.add(actor)
                span = clip(text, clean_span(text, base + owner.start(), sent.end))
                found = Finding("proposals", actor, text[span[0] : span[1]], [span], sent.index)
                lower = self.doc.lower  # "have accepted the United States’ proposal"
                verdict = _VERDICT_BEFORE.search(lower, sent.start, base + owner.start())
                if verdict is not None:
                    found.status = _status(lower, verdict.start(), verdict.end()) or found.status
                self.findings.append(found)

    def _owner(self, word: str) -> int | None:
        country = lx.DEMONYMS.get(word.lower())
        if country:
            return self.actors.add(country, "government")
        found = self.actors.get(word)
        return found

    def _proposal_at(self, sent: Sentence, m: re.Match[str]) -> None:
        text = self.text
        verb = m.group(1).split()[0]
        if verb.startswith("need") and not _REPORTED_THAT.search(text, sent.start, m.start()):
            return
        if _GENERIC_OBJECT.match(text, m.end()):
            return  # "we urge others not to ...": a stance, addressed to nobody
        if verb == "should" or verb.startswith("need"):
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
            addressee = self._addressee(sent, m.end(), -1 if proposer is None else proposer)
            if proposer is None and addressee is not None:  # "talks aimed at persuading X"
                proposer = self.counterparts.get(addressee)
            if proposer is None:
                return
            start = m.start()
        span = clip(text, clean_span(text, start, sent.end))
        if span[1] - span[0] < 12:
            return
        for f in self._recent(sent.index, 3):  # "Trump asked him ...", "Donald asked me ..."
            if (
                f.field == "proposals"
                and f.actor == proposer
                and addressee is not None
                and f.addressee == addressee
            ):
                f.spans.insert(f.own, clip(text, clean_span(text, sent.start, sent.end)))
                f.own += 1
                return
        self.proposers.add(proposer)
        spans = [clip(text, clean_span(text, sent.start, sent.end))]
        after = (
            self.doc.sentences[sent.index + 1] if sent.index + 1 < len(self.doc.sentences) else None
        )
        if after is not None and _IN_EXCHANGE.match(text, after.start):
            spans.append(clip(text, clean_span(text, after.start, after.end)))
        found = Finding("proposals", proposer, text[span[0] : span[1]], spans, sent.index)
        found.addressee, found.own = addressee, len(spans)
        if verb == "reached":
            found.status = "accepted"
        elif verb in _REQUESTS:
            found.status = "pending"
        self.findings.append(found)

    def _proposer(self, sent: Sentence, pos: int) -> int | None:
        """The subject right before the verb: a mention, or a pronoun resolved."""
        low = max(sent.start, pos - 60)
        match = _SUBJECT_BEFORE.search(self.text[low:pos])
        if match is None:
            return None
        start, end = low + match.start(1), low + match.end(1)
        for x in self.actors.in_sentence(sent.index):
            if x.end == end:
                return x.actor
        word = match.group(1).lower().split("'")[0].split("’")[0]
        if word in _PRONOUNS:
            low = max(sent.start, start - 30)
            before = _PREV_WORD.search(self.text[low:start])
            prev = before.group(1) if before else ""
            if prev.islower() and prev not in _BEFORE_SUBJECT:
                return None  # a reduced relative clause: "the actions we've asked X to take"
        if word in ("i", "we"):
            return self.speaker(sent, pos)
        if word in ("he", "she"):
            sex = pronoun_gender(word)
            return self.actors.antecedent(start, sent.index, gender=sex)
        return None

    def _addressee(self, sent: Sentence, pos: int, proposer: int) -> int | None:
        obj = re.match(r"\s+(him|her|me|us)\b", self.text[pos : pos + 6])
        if obj:
            if obj.group(1) in ("me", "us"):
                return self.speaker(sent, pos)
            sex = pronoun_gender(obj.group(1))
            return self.actors.antecedent(
                pos, sent.index, exclude=frozenset({proposer}), gender=sex
            )
        for x in self.actors.in_sentence(sent.index):
            if pos <= x.start < pos + 30 and x.actor != proposer:
                return x.actor
        return None

    def _statuses(self) -> None:
        sentences = self.doc.sentences
        for f in self.findings:
            if f.field != "proposals":
                continue
            low = self.doc.lower  # the status patterns are lower-case
            found = _status(low, *f.spans[0])
            i = f.sentence + 1
            while found is None and i < min(len(sentences), f.sentence + 4):
                if any(
                    b.kind == "heading"
                    for b in self.doc.blocks[sentences[i - 1].block + 1 : sentences[i].block]
                ):
                    break
                found = _status(low, sentences[i].start, sentences[i].end)
                if found:
                    f.spans.append(
                        clip(self.text, clean_span(self.text, sentences[i].start, sentences[i].end))
                    )
                i += 1
            f.status = found or f.status


def _status(lower: str, start: int, end: int) -> ProposalStatus | None:
    if _ANY_STATUS.search(lower, start, end) is None:
        return None  # the usual case: no status cue at all
    for status, pattern in _STATUS:
        if pattern.search(lower, start, end):
            return status
    return None
