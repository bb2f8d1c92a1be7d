"""Positions: transcript turns ranked, merged by topic and capped; groups; first person."""

from __future__ import annotations

from summarizer.rules import extract
from summarizer.rules.positions import MAX_PER_SPEAKER, cap
from summarizer.schema import Briefing

from .helpers import assert_grounded

TRANSCRIPT = (
    "Remarks by Special Envoy Mark Dale\n\n"
    "ENVOY DALE: Thank you. I'll make a brief statement, and then I'll be pleased to respond "
    "to your questions.\n\n"
    "I want to make a brief personal comment. Our objective has been to restart serious "
    "negotiations on the border. Each meeting was about an hour long. We believe that the "
    "ceasefire must hold.\n\n"
    "I will meet on Thursday with the two delegations.\n\n"
    "Q Is the ceasefire holding?\n\n"
    "ENVOY DALE: Our position remains unchanged. It was discussed in all of the meetings. "
    "I want to emphasize our objective is a final settlement of the border.\n"
)


def _position_quotes(text: str) -> str:
    """Every position's evidence quotes of ``text``'s rules briefing, joined."""
    return " ".join(e.quote for p in extract(text).briefing.positions for e in p.evidence)


def _stances(b: Briefing, actor: str) -> list[str]:
    return [p.stance for p in b.positions if b.find_actor(p.actor) == b.find_actor(actor)]


def test_procedural_and_narrative_sentences_are_not_positions() -> None:
    out = extract(TRANSCRIPT)
    assert_grounded(out, TRANSCRIPT)
    quotes = " ".join(e.quote for p in out.briefing.positions for e in p.evidence)
    assert "pleased to respond" not in quotes and "personal comment" not in quotes
    assert "about an hour long" not in quotes and "meet on Thursday" not in quotes
    assert "ceasefire must hold" in quotes and "position remains unchanged" in quotes


def test_one_position_per_speaker_and_topic() -> None:
    b = extract(TRANSCRIPT).briefing
    objective = [p for p in b.positions if any("objective" in e.quote for e in p.evidence)]
    assert len(objective) == 1, "both 'our objective' sentences merge into one position"
    assert len(objective[0].evidence) == 2
    unchanged = [p for p in b.positions if "unchanged" in p.stance]
    assert len(unchanged) == 1
    assert any("discussed in all of the meetings" in e.quote for e in unchanged[0].evidence)


def test_topics_are_short_noun_phrases() -> None:
    b = extract(TRANSCRIPT).briefing
    topics = {p.topic for p in b.positions}
    assert "ceasefire" in topics
    assert all(len(t.split()) <= 6 for t in topics), topics
    assert not any(t.endswith((" that", ",")) for t in topics), topics


def test_a_speaker_keeps_only_the_strongest_positions() -> None:
    assert cap(1) == 4 and cap(12) == 4 and cap(15) == 5
    assert cap(100) == MAX_PER_SPEAKER
    lines = [f"We believe that clause {i} of the accord must be protected." for i in range(30)]
    text = "Remarks by Envoy Mark Dale\n\nENVOY DALE: " + "\n\n".join(lines) + "\n"
    b = extract(text).briefing
    assert len(_stances(b, "Mark Dale")) == MAX_PER_SPEAKER


def test_first_person_statement_gives_positions_to_its_author() -> None:
    text = (
        "Statement by Governor Maria Lopez on the Water Bill\n\n"
        "I met with legislative leaders and told them that Parliament needed to act. "
        "I have long been a supporter of clean water for every family. The vote is on Tuesday. "
        "I will sign the bill into law as soon as Parliament sends it to my desk.\n"
    )
    b = extract(text).briefing
    (position,) = b.positions
    assert b.find_actor(position.actor) == b.find_actor("Maria Lopez")
    assert position.topic == "clean water"
    (condition,) = b.conditions
    assert b.find_actor(condition.actor) == b.find_actor("Maria Lopez")
    assert condition.kind == "if_then" and "as soon as" in condition.condition
    (proposal,) = b.proposals
    assert b.find_actor(proposal.proposer) == b.find_actor("Maria Lopez")
    assert proposal.addressee == "Parliament"


def test_reported_statements_name_their_speaker_and_split_when_renamed() -> None:
    text = (
        "Secretary of State Ann Roe spoke with Foreign Minister Omar Aziz today. "
        "The Secretary outlined how the plan would open the border crossings. "
        "The Secretary underscored that the plan serves both peoples. "
        "Secretary Roe thanked Jordan for its help with refugees."
    )
    b = extract(text).briefing
    stances = _stances(b, "Ann Roe")
    assert len(stances) == 3
    assert stances[0].startswith("The Secretary outlined how")


def test_the_opening_of_an_answer_is_a_position() -> None:
    text = (
        "Remarks by Special Envoy Mark Dale\n\n"
        "ENVOY DALE: We believe that the ceasefire must hold.\n\n"
        "Q Did the other side negotiate in good faith?\n\n"
        "ENVOY DALE: Yes. I think they negotiated with us in good faith. They kept their word.\n"
    )
    quotes = _position_quotes(text)
    assert "negotiated with us in good faith" in quotes and "Yes." not in quotes


def test_a_speaker_s_claim_about_others_stays_the_speaker_s() -> None:
    text = (
        "Statement by President Ana Lima\n\n"
        "Our position is clear. Hamas has refused, for months, to negotiate a serious deal. "
        "President Paul Roche is committed to ending this war, and we support him.\n"
    )
    b = extract(text).briefing
    owners = {
        e.quote[:12]: b.find_actor(p.actor).name  # type: ignore[union-attr]
        for p in b.positions
        for e in p.evidence
    }
    assert owners.get("Hamas has re") == "Ana Lima"
    assert owners.get("President Pa") == "Paul Roche"


def test_every_reply_opening_is_a_position_unless_it_is_procedural() -> None:
    text = (
        "Remarks by Special Envoy Mark Dale\n\n"
        "ENVOY DALE: We believe that the ceasefire must hold.\n\n"
        "Q How did the meeting go?\n\n"
        "ENVOY DALE: It went very well, and I think he would tell you that.\n\n"
        "Q Will you take more questions?\n\n"
        "ENVOY DALE: Let me take one more question after this.\n"
    )
    quotes = _position_quotes(text)
    assert "It went very well" in quotes and "one more question" not in quotes
