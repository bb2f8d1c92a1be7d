"""The briefing's own checks: actor references, duplicate actors and summary length."""

from __future__ import annotations

from typing import Any

import pytest
from pydantic import ValidationError

from summarizer.schema import Actor, Briefing, Condition, Position, Proposal, reference_problems

EVIDENCE = [{"quote": "a quote"}]


def _briefing(**fields: Any) -> Briefing:
    """A briefing built without its own check, so that the check can be called on it."""
    return Briefing.model_construct(**{"title": "T", "summary": "S", **fields})


def _actor(name: str, *aliases: str) -> Actor:
    return Actor(name=name, aliases=list(aliases), kind="person")


def _position(actor: str) -> Position:
    return Position.model_validate({"actor": actor, "topic": "t", "stance": "s",
                                    "evidence": EVIDENCE})  # fmt: skip


def _proposal(proposer: str, addressee: str | None) -> Proposal:
    return Proposal.model_validate({"proposer": proposer, "proposal": "p", "addressee": addressee,
                                    "status": "offered", "evidence": EVIDENCE})  # fmt: skip


def test_a_consistent_briefing_has_no_problems() -> None:
    briefing = _briefing(
        actors=[_actor("Vladimir Putin", "Putin"), _actor("Xi Jinping", "Xi")],
        positions=[_position("putin")],
        proposals=[_proposal("Xi", None), _proposal("XI JINPING", "Vladimir Putin")],
    )
    assert reference_problems(briefing) == []


def test_dangling_references_are_reported_in_field_order_with_the_known_actors() -> None:
    briefing = _briefing(
        actors=[_actor("Vladimir Putin")],
        positions=[_position("Putin"), _position("Lavrov")],
        conditions=[],
        proposals=[_proposal("Lavrov", "Kyiv")],
    )
    problems = reference_problems(briefing)
    assert [p.split(" is not")[0] for p in problems] == [
        "positions[0].actor 'Putin'",
        "positions[1].actor 'Lavrov'",
        "proposals[0].proposer 'Lavrov'",
        "proposals[0].addressee 'Kyiv'",
    ]
    assert "use the name of one of the actors ('Vladimir Putin') or add 'Putin'" in problems[0]


def test_an_actor_sharing_a_name_with_another_is_reported_once_by_its_first_clash() -> None:
    briefing = _briefing(
        actors=[_actor("Vladimir Putin", "Putin"), _actor("Putin", "V. Putin", "Vladimir Putin")]
    )
    assert reference_problems(briefing) == [
        "actors[1] 'Putin' duplicates actor 'Vladimir Putin' (both answer to 'putin'): merge "
        "them into one actor and put other names in aliases"
    ]


def test_the_same_actor_listed_twice_is_reported() -> None:
    briefing = _briefing(actors=[_actor("Xi Jinping", "Xi"), _actor("Xi Jinping")])
    assert reference_problems(briefing) == [
        "actors lists the same name twice: list each actor once"
    ]


def test_a_long_summary_is_reported_with_its_word_count() -> None:
    assert reference_problems(_briefing(summary=" ".join(["word"] * 101))) == [
        "summary has 101 words: shorten it to at most 80 words"
    ]
    assert reference_problems(_briefing(summary="\n".join(["word"] * 100))) == []


def test_validation_raises_every_problem_at_once() -> None:
    condition = Condition.model_validate(
        {"actor": "B", "condition": "c", "kind": "other", "evidence": EVIDENCE}
    )
    with pytest.raises(ValidationError) as caught:
        Briefing.model_validate(
            {"title": "T", "summary": " ".join(["w"] * 120), "actors": [_actor("A")],
             "conditions": [condition.model_dump()]}
        )  # fmt: skip
    message = str(caught.value)
    assert "conditions[0].actor 'B' is not an actor" in message
    assert "summary has 120 words" in message
