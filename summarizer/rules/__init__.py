"""Offline rules engine: a deterministic, model-free ``Briefing`` from an article.

Used when no model is configured, so the library and ``make demo`` work on a fresh machine.
Pure Python, standard library only, no downloads. Every evidence item is an exact slice of the
text passed in (``text[start:end] == quote``), so grounding is complete by construction.

Pipeline: ``sentences`` (blocks, boilerplate, sentences) -> ``names`` + ``coref`` fill the
``actors`` table (titles, roles, affiliations, later mentions) -> ``subjects``, ``quotes`` and
``speech`` attribute statements -> ``cues`` and ``proposals`` (on ``findings``) find conditions,
proposals and open questions -> positions from the statements that carry no proposal -> a
validated ``Briefing``; ``meta`` adds title, summary, date, place and language.
"""

from __future__ import annotations

import bisect
import dataclasses
import re
from collections import Counter

from ..schema import (
    Actor,
    Briefing,
    Condition,
    Evidence,
    OpenQuestion,
    Position,
    Proposal,
    normalise_name,
)
from . import meta
from .actors import Actors
from .coref import find_actors
from .cues import find_cues
from .findings import Finding
from .sentences import Document, parse
from .spans import clean_span, clip
from .speech import Attribution, Statement

__all__ = ["RulesOutput", "extract"]

MAX_EVIDENCE = 5
_LEAD_WORDS = re.compile(
    r"^(?:(?:and|but|so|secondly|first|firstly|finally|however|also|i|we|our|my|it|this|that|"
    r"there|these|those|the|a|an|as|for|with|in|on|think|believe|want|to),?\s+)+",
    re.I,
)
_TOPIC_STOP = re.compile(
    r"\b(?:is|are|was|were|has|have|had|will|would|can|could|must|should|may|might|does|did|do|not)\b"
)


@dataclasses.dataclass(frozen=True)
class RulesOutput:
    """The briefing (``meta`` and ``grounding`` left to the pipeline) and what to tell the user."""

    briefing: Briefing
    notes: list[str]


def extract(text: str) -> RulesOutput:
    """A briefing of ``text`` by rules alone; never raises on any string."""
    notes: list[str] = []
    try:
        return _extract(text, notes)
    except Exception as exc:  # a bug must not cost the user the whole briefing
        notes.append(
            f"rules engine failed ({type(exc).__name__}: {exc}); kept title and summary only"
        )
        return RulesOutput(_minimal(text), notes)


def _minimal(text: str) -> Briefing:
    words = " ".join(text.split()[:60])[:600] or "No text to summarise."
    return Briefing(title=words[:80] or "Untitled", summary=words)


def _evidence(text: str, span: tuple[int, int]) -> Evidence:
    start, end = span
    return Evidence(quote=text[start:end], start=start, end=end, match="exact", score=1.0)


def _extract(text: str, notes: list[str]) -> RulesOutput:
    doc = parse(text)
    language = meta.language(doc)
    head = dict(
        title=_short(meta.title(doc), 200).strip() or "Untitled",
        summary=_short(meta.summary(doc), 700).strip() or "No text to summarise.",
        date=meta.date(text),
        place=meta.place(doc),
        language=language,
    )
    if not doc.sentences:
        notes.append("no prose found: the text has no sentences to read")
    actors = find_actors(doc)
    if language != "en":
        counts = Counter(m.actor for m in actors.mentions)
        for i, info in enumerate(actors.infos):  # verbs are English-only: keep repeated names
            info.salient = info.kind == "person" and len(info.name.split()) > 1 and counts[i] > 1
        notes.append(
            f"language looks like {language!r}: only repeated names, title, summary and date "
            "extracted"
            " (the cue words for positions, conditions and proposals are English)"
        )
        return RulesOutput(_briefing(head, actors, [], [], [], []), notes)
    attribution = Attribution(doc, actors)
    statements = attribution.run()
    quoted = attribution.unattributed_quotes()
    findings = find_cues(doc, actors, statements, quoted, attribution.byline)
    skip = {f.sentence for f in findings if f.field == "proposals"}
    skip |= {
        f.sentence
        for f in findings
        if f.field == "conditions"
        and len(doc.sentence_text(doc.sentences[f.sentence]).split()) <= 25
    }
    positions = _positions(doc, actors, statements, skip)
    briefing = _briefing(head, actors, positions, *_items(doc, actors, findings))
    if not briefing.actors:
        notes.append("no actors found: nobody is named as speaking or acting")
    return RulesOutput(briefing, notes)


def _short(value: str, limit: int) -> str:
    return value if len(value) <= limit else value[: limit - 1].rstrip() + "…"


def _name(actors: Actors, actor: int) -> str:
    info = actors.infos[actor]
    info.salient = True
    return info.name


def _section_headings(doc: Document) -> list[str | None]:
    """For each block, the section heading over it (a page headline above the first paragraph
    is the article's title, not a section)."""
    out: list[str | None] = []
    current: str | None = None
    seen_prose = False
    for b in doc.blocks:
        out.append(current)
        body = doc.text[b.start : b.end]
        if b.kind == "heading" and seen_prose and not body.isupper():
            current = " ".join(body.split())
        seen_prose = seen_prose or b.kind == "prose"
    return out


def _topic(stance: str) -> str:
    """A few words naming what a stance is about: its opening noun phrase."""
    stance = _LEAD_WORDS.sub("", stance) or stance
    words = stance.split()
    stop = _TOPIC_STOP.search(stance)
    if stop:
        words = stance[: stop.start()].split() or words
    return " ".join(words[:8]).strip(" ,;:—") or "statement"


def _positions(
    doc: Document, actors: Actors, statements: list[Statement], skip: set[int]
) -> list[Position]:
    """One position per actor and paragraph, from the sentences of their statements.

    Sentences that carry a proposal (or are nothing but a short condition) are left to those
    fields; a stance that repeats an earlier one of the same actor adds evidence instead.
    """
    text = doc.text
    starts = [s.start for s in doc.sentences]
    groups: list[tuple[Statement, list[tuple[int, int]]]] = []
    seen: dict[int, list[tuple[int, set[str]]]] = {}
    headings = _section_headings(doc)
    for st in statements:
        last = max(st.sentence, bisect.bisect_right(starts, st.end - 1) - 1)
        spans: list[tuple[int, int]] = []
        for i in range(st.sentence, last + 1):
            if i in skip:
                continue
            sent = doc.sentences[i]
            span = clean_span(text, max(st.start, sent.start), min(st.end, sent.end))
            if len(text[span[0] : span[1]].split()) >= 3:
                spans.append(clip(text, span))
        if not spans:
            continue
        block = doc.sentences[st.sentence].block
        same_block = groups and doc.sentences[groups[-1][0].sentence].block == block
        if same_block and groups[-1][0].actor == st.actor and st.kind != "turn":
            groups[-1][1].extend(spans)
            continue
        words = _words(text[spans[0][0] : spans[0][1]])
        recent = seen.setdefault(st.actor, [])
        for index, prev_words in recent[-12:]:  # bounded: linear in the article's length
            if _similar(prev_words, words):
                groups[index][1].extend(spans)
                break
        else:
            recent.append((len(groups), words))
            groups.append((st, spans))
    out: list[Position] = []
    for st, spans in groups:
        stance = " ".join(text[spans[0][0] : spans[0][1]].split())
        topic = st.topic or headings[doc.sentences[st.sentence].block] or _topic(stance)
        evidence = [_evidence(text, s) for s in spans[:MAX_EVIDENCE]]
        name = _name(actors, st.actor)
        out.append(Position(actor=name, topic=_short(topic, 120), stance=stance, evidence=evidence))
    return out


def _words(text: str) -> set[str]:
    return {w for w in re.findall(r"\w+", text.lower()) if len(w) > 3}


def _similar(left: set[str], right: set[str]) -> bool:
    return bool(left and right) and 2 * len(left & right) / (len(left) + len(right)) >= 0.4


def _items(
    doc: Document, actors: Actors, findings: list[Finding]
) -> tuple[list[Condition], list[Proposal], list[OpenQuestion]]:
    text = doc.text
    conditions: list[Condition] = []
    proposals: list[Proposal] = []
    questions: list[OpenQuestion] = []
    for f in findings:
        spans = [s for s in f.spans if text[s[0] : s[1]].strip()][:MAX_EVIDENCE]
        if not spans or not f.text.strip():
            continue
        evidence = [_evidence(text, s) for s in spans]
        words = _short(" ".join(f.text.split()), 300)
        if f.field == "conditions" and f.actor is not None and f.kind is not None:
            consequence = _short(" ".join(f.consequence.split()), 300) if f.consequence else None
            conditions.append(
                Condition(
                    actor=_name(actors, f.actor),
                    condition=words,
                    consequence=consequence or None,
                    kind=f.kind,
                    evidence=evidence,
                )
            )  # fmt: skip
        elif f.field == "proposals" and f.actor is not None:
            addressee = _name(actors, f.addressee) if f.addressee is not None else None
            proposals.append(
                Proposal(
                    proposer=_name(actors, f.actor),
                    proposal=words,
                    addressee=addressee,
                    status=f.status,
                    evidence=evidence,
                )
            )  # fmt: skip
        elif f.field == "open_questions":
            questions.append(OpenQuestion(question=words, evidence=evidence))
    return conditions, proposals, questions


def _briefing(
    head: dict[str, str | None],
    actors: Actors,
    positions: list[Position],
    conditions: list[Condition],
    proposals: list[Proposal],
    questions: list[OpenQuestion],
) -> Briefing:
    schema_actors: list[Actor] = actors.to_schema()
    known = {normalise_name(n) for a in schema_actors for n in (a.name, *a.aliases)}
    return Briefing.model_validate(
        {
            **head,
            "actors": schema_actors,
            "positions": [p for p in positions if normalise_name(p.actor) in known],
            "conditions": [c for c in conditions if normalise_name(c.actor) in known],
            "proposals": [p for p in proposals if normalise_name(p.proposer) in known],
            "open_questions": questions,
        }
    )
