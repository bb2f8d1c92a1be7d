"""Stance scoring: which sentences take a position."""

from __future__ import annotations

import math

from summarizer.rules import stance
from summarizer.rules.sentences import parse
from summarizer.rules.stance import continues, stance_bound, stance_score


def test_pride_and_priorities_are_stances() -> None:
    assert stance_score("We have prioritized the safe return of every detained citizen.") >= 2
    assert stance_score("I am proud of the severe costs we now impose on hostage takers.") >= 2


def test_procedural_and_short_sentences_are_not() -> None:
    assert stance_score("Thank you all for coming this afternoon.") < 0
    assert stance_score("Good.") == 0.0


def test_continuations() -> None:
    assert continues("But it was not enough.") and continues("It was late.")
    assert not continues("The talks resume on Monday in Vienna after a long pause.")


def test_every_evaluative_stem_is_found_by_the_substring_test() -> None:
    # ``_has_evaluative_stem`` spells the stems out for speed: it must agree with the list.
    for stem in stance._EVALUATIVE_STEMS:
        assert stance._has_evaluative_stem(f"we see {stem}ful signs")
    assert not stance._has_evaluative_stem("we see good signs")
    assert stance_score("We are satisfied with the progress made on both issues today") >= 2


def test_stance_bound_is_never_below_the_score() -> None:
    sentences = [
        "We have prioritized the safe return of every detained citizen.",
        "We can't accept that, and we never will.",
        "Our goal is unchanged: it is a crucial and historic success.",
        "Each meeting was forty minutes long.",
        "Thank you all for coming this afternoon.",
    ]
    for text in sentences:
        doc = parse(text)
        for sent in doc.sentences:
            score = stance_score(doc.sentence_text(sent))
            assert stance_bound(doc.words[sent.index]) >= score
    assert stance_bound(parse("Each meeting was forty minutes long.").words[0]) < 2
    assert stance_bound(parse("The 2024 talks ended.").words[0]) == math.inf  # a digit
