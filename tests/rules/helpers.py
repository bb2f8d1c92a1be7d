"""Shared checks for the rules-engine tests."""

from __future__ import annotations

from summarizer.rules import RulesOutput
from summarizer.rules.coref import find_actors
from summarizer.rules.cues import find_cues
from summarizer.rules.findings import Finding
from summarizer.rules.sentences import parse
from summarizer.rules.speech import Attribution
from summarizer.schema import Briefing


def sentences_of(text: str) -> list[str]:
    """The sentences ``parse`` finds in ``text``, as text (line breaks inside made spaces)."""
    doc = parse(text)
    return [doc.sentence_text(s) for s in doc.sentences]


def cues_of(text: str) -> tuple[list[Finding], list[str]]:
    """The cue findings (conditions, proposals, questions) for ``text``, and the actor names."""
    doc = parse(text)
    actors = find_actors(doc)
    said = Attribution(doc, actors)
    statements = said.run()
    findings = find_cues(doc, actors, statements, said.unattributed_quotes(), said.byline)
    return findings, [a.name for a in actors.infos]


def owned(findings: list[Finding], names: list[str], field: str) -> list[tuple[str, str | None]]:
    """(owner name, kind or status) of every ``field`` finding that has an owner, in order."""
    return [
        (names[f.actor], f.kind if field == "conditions" else f.status)
        for f in findings
        if f.field == field and f.actor is not None
    ]


def assert_grounded(out: RulesOutput, text: str) -> None:
    """Every evidence item is an exact slice of ``text`` and the briefing re-validates."""
    for path, ev in out.briefing.evidence_items():
        assert ev.start is not None and ev.end is not None, path
        assert text[ev.start : ev.end] == ev.quote, path
        assert ev.match == "exact" and ev.score == 1.0, path
        assert len(ev.quote) <= 320, path
    Briefing.model_validate(out.briefing.model_dump())
    assert out.briefing.meta is None and out.briefing.grounding is None
