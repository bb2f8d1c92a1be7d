"""Stance scoring: which sentences take a position."""

from __future__ import annotations

from summarizer.rules.stance import continues, stance_score


def test_pride_and_priorities_are_stances() -> None:
    assert stance_score("We have prioritized the safe return of every detained citizen.") >= 2
    assert stance_score("I am proud of the severe costs we now impose on hostage takers.") >= 2


def test_procedural_and_short_sentences_are_not() -> None:
    assert stance_score("Thank you all for coming this afternoon.") < 0
    assert stance_score("Good.") == 0.0


def test_continuations() -> None:
    assert continues("But it was not enough.") and continues("It was late.")
    assert not continues("The talks resume on Monday in Vienna after a long pause.")
