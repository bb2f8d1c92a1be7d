"""Proposals, their proposers, addressees and status."""

from __future__ import annotations

from summarizer.rules.coref import find_actors
from summarizer.rules.cues import find_cues
from summarizer.rules.findings import Finding
from summarizer.rules.sentences import parse
from summarizer.rules.speech import Attribution


def _cues(text: str) -> tuple[list[Finding], list[str]]:
    doc = parse(text)
    actors = find_actors(doc)
    said = Attribution(doc, actors)
    statements = said.run()
    findings = find_cues(doc, actors, statements, said.unattributed_quotes(), said.byline)
    return findings, [a.name for a in actors.infos]


def test_proposals_with_status_from_later_sentences() -> None:
    text = (
        "Chancellor Eva Stern offered to host a summit in Vienna. "
        "President Leo Grant later rejected the offer. "
        "Grant asked Stern to send envoys instead. Whether she will agree remains uncertain."
    )
    findings, names = _cues(text)
    proposals = [
        (names[f.actor], f.status)
        for f in findings
        if f.field == "proposals" and f.actor is not None
    ]
    assert proposals == [("Eva Stern", "rejected"), ("Leo Grant", "pending")]
    asked = [f for f in findings if f.field == "proposals"][1]
    assert asked.addressee is not None and names[asked.addressee] == "Eva Stern"


def test_should_is_a_proposal_from_the_speaker_to_the_subject() -> None:
    text = "President Mia Torres said Greek authorities should hold new elections."
    findings, names = _cues(text)
    (proposal,) = [f for f in findings if f.field == "proposals"]
    assert proposal.actor is not None and names[proposal.actor] == "Mia Torres"
    assert proposal.addressee is not None and names[proposal.addressee] == "Greece"


def test_asked_him_names_the_object_as_addressee() -> None:
    text = (
        "President Omar Said met reporters. He revealed that Chancellor Ute Berg asked him "
        "to host the summit in Tunis."
    )
    findings, names = _cues(text)
    (proposal,) = [f for f in findings if f.field == "proposals"]
    assert proposal.actor is not None and names[proposal.actor] == "Ute Berg"
    assert proposal.addressee is not None and names[proposal.addressee] == "Omar Said"
