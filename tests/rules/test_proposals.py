"""Proposals, their proposers, addressees and status."""

from __future__ import annotations

from .helpers import cues_of as _cues
from .helpers import owned


def test_proposals_with_status_from_later_sentences() -> None:
    text = (
        "Chancellor Eva Stern offered to host a summit in Vienna. "
        "President Leo Grant later rejected the offer. "
        "Grant asked Stern to send envoys instead. Whether she will agree remains uncertain."
    )
    findings, names = _cues(text)
    proposals = owned(findings, names, "proposals")
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


def test_asked_with_an_aside_and_a_reduced_relative_clause() -> None:
    text = (
        "President Omar Said met reporters. “Ute asked me, if possible, to host a summit,” "
        "Said explained. Chancellor Ute Berg agreed. The steps we've asked parties to take "
        "were means to an end. And we urge others not to impose conditions."
    )
    findings, names = _cues(text)
    proposals = [f for f in findings if f.field == "proposals"]
    assert len(proposals) == 1, [f.text for f in proposals]
    assert proposals[0].actor is not None and names[proposals[0].actor] == "Ute Berg"


def test_directive_in_reported_speech_and_a_first_person_plan() -> None:
    text = (
        "Remarks by Envoy Mark Dale\n\n"
        "ENVOY DALE: I told them that Parliament needed to act quickly. "
        "Parliament needed more time anyway. "
        "We're now going to enter into a brief period of discussions with both sides.\n"
    )
    findings, names = _cues(text)
    proposals = [f for f in findings if f.field == "proposals"]
    assert [(names[f.actor], f.status) for f in proposals if f.actor is not None] == [
        ("Mark Dale", "offered"),
        ("Mark Dale", "pending"),
    ]
    assert proposals[0].addressee is not None and names[proposals[0].addressee] == "Parliament"


def test_a_vote_for_it_accepts_a_proposal() -> None:
    text = (
        "Statement by Governor Maria Lopez\n\n"
        "I told legislators that Parliament needed to fund the dams. "
        "Parliament voted to fund them on Friday.\n"
    )
    findings, names = _cues(text)
    (proposal,) = [f for f in findings if f.field == "proposals"]
    assert proposal.actor is not None and names[proposal.actor] == "Maria Lopez"
    assert proposal.status == "accepted" and len(proposal.spans) == 2


def test_default_status_follows_the_cue_verb() -> None:
    text = (
        "President Leo Grant urged Chancellor Eva Stern to accept the truce. "
        "Chancellor Eva Stern stands ready to help with the talks. "
        "Prime Minister Ana Ruiz has reached a bipartisan budget agreement with the unions."
    )
    statuses = dict(owned(*_cues(text), "proposals"))
    assert statuses == {"Leo Grant": "pending", "Eva Stern": "offered", "Ana Ruiz": "accepted"}


def test_multiword_owners_and_pledges_and_standing_offers() -> None:
    text = (
        "Both governments have accepted the United States’ proposal to end the war. "
        "The United States has pledged to work with both sides on the plan. "
        "Chancellor Eva Stern remains prepared to conclude a trade deal with Peru."
    )
    found = owned(*_cues(text), "proposals")
    assert ("United States", "accepted") in found
    assert ("United States", "offered") in found and ("Eva Stern", "offered") in found
