"""Conditions (red lines, if-then, prerequisites) and open questions."""

from __future__ import annotations

from .helpers import cues_of as _cues
from .helpers import owned


def test_condition_kinds() -> None:
    text = (
        "President Nora Vale said that peace cannot be bought at the expense of farmers. "
        "Vale said that if the rebels disarm, the army will withdraw. "
        "She added that elections would need to be held in order for aid to resume."
    )
    findings, names = _cues(text)
    conditions = [f for f in findings if f.field == "conditions" and f.actor is not None]
    kinds = [(names[f.actor], f.kind) for f in conditions if f.actor is not None]
    assert kinds == [
        ("Nora Vale", "red_line"),
        ("Nora Vale", "if_then"),
        ("Nora Vale", "prerequisite"),
    ]
    if_then = next(f for f in findings if f.kind == "if_then")
    assert (if_then.text, if_then.consequence) == ("if the rebels disarm", "the army will withdraw")
    prerequisite = next(f for f in findings if f.kind == "prerequisite")
    assert prerequisite.consequence == "aid to resume"


def test_elliptic_if_not_extends_the_previous_condition() -> None:
    text = (
        "“If the talks succeed, we will sign. If not, then we will leave,” "
        "Prime Minister Karl Holt said."
    )
    findings, _ = _cues(text)
    conditions = [f for f in findings if f.field == "conditions"]
    assert len(conditions) == 1 and len(conditions[0].spans) == 2
    assert conditions[0].text == "If the talks succeed"
    assert conditions[0].consequence == "we will sign; If not, then we will leave"


def test_open_questions() -> None:
    text = "The ministers met on Monday. It is not clear when the border will reopen."
    findings, _ = _cues(text)
    assert [f.text for f in findings if f.field == "open_questions"] == [
        "It is not clear when the border will reopen."
    ]


def test_first_person_statement_conditions_and_calls() -> None:
    text = (
        "Statement from Governor Maria Lopez\n\n"
        "Today I am calling on the legislature to pass the bill. "
        "If the bill fails, homes will lose water.\n"
    )
    findings, names = _cues(text)
    fields = sorted((f.field, names[f.actor]) for f in findings if f.actor is not None)
    assert fields == [("conditions", "Maria Lopez"), ("proposals", "Maria Lopez")]


def test_whether_or_not_is_open_and_on_a_condition_is_a_condition() -> None:
    text = (
        "President Leo Grant said officials must decide whether or not the plan can work. "
        "Grant said they would sign on a condition that the cuts stay."
    )
    findings, _ = _cues(text)
    assert [f.field for f in findings] == ["open_questions", "conditions"]


def test_even_if_red_lines_only_if_prerequisites_and_officials_by_post() -> None:
    text = (
        "Russia has said it will not stop its airstrikes, even if there is a truce. "
        "Turkey's U.N. ambassador said his country would only send troops if it was backed "
        "by the United Nations."
    )
    kinds = owned(*_cues(text), "conditions")
    assert kinds == [("Russia", "red_line"), ("Turkey's U.N. ambassador", "prerequisite")]
