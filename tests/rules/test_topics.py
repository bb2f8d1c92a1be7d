"""Stance scores and noun-phrase topics of single sentences."""

from __future__ import annotations

import pytest

from summarizer.rules.stance import stance_score
from summarizer.rules.topics import core, topic


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("I have long been a supporter of paid sick leave for workers.", "paid sick leave"),
        ("Both parties share the goal of a two-state solution.", "two-state solution"),
        ("We anticipate that there will be an active United States presence.",
         "active United States presence"),
        ("But we do not believe in preconditions.", "preconditions"),
        ("So there is absolutely no change in our focus.", "focus"),
        ("I know that many in Congress shared my reluctance to override the procedures.",
         "override the procedures"),
        ("The United States and its allies accuse Iran of seeking to build a bomb.",
         "seeking to build a bomb"),
        ("They're not -- I think so.", ""),
    ],
)  # fmt: skip
def test_topic_is_a_short_noun_phrase(sentence: str, expected: str) -> None:
    assert topic(sentence)[0] == expected


def test_topic_keys_merge_synonyms_but_not_owners() -> None:
    assert topic("Our aim is a settlement.")[1] == topic("Our objective has not changed.")[1]
    assert topic("Our position remains unchanged.")[1] == "our position"
    assert topic("I would not characterize their positions as far apart.")[1] == "their position"


def test_procedural_sentences_score_below_stances() -> None:
    procedural = [
        "I'll make a brief statement, and then I'll be pleased to respond to your questions.",
        "I want to make a brief personal comment.",
        "I will meet on Thursday in New York with two representatives.",
        "Thank you, ladies and gentlemen.",
    ]
    assert all(stance_score(s) < 0 for s in procedural)
    assert stance_score("Each of the three meetings was about 40 minutes long.") < 2
    assert stance_score("But we do not believe in preconditions.") >= 2
    assert stance_score("Our position remains unchanged.") >= 2
    assert stance_score("Is it still the obstacle?") == 0


def test_want_to_make_clear_is_a_frame_not_a_want() -> None:
    assert stance_score("I want to make clear that we are here.") < stance_score(
        "I want a ceasefire in the north now."
    )


def test_core_drops_connectors_asides_and_frames() -> None:
    assert core("And, with respect, I believe that the deal is good.") == "the deal is good."
    assert core("First, the reality is that we won.", frames=False) == "we won."
