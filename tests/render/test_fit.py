"""The one-page selection: the estimate, the drop order, and what the page says it left out."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from summarizer.render import fit as fitmod
from summarizer.render.common import SECTIONS
from summarizer.render.fit import estimate, fit
from summarizer.render.layout import CONTENT_H, RESERVE_MM
from summarizer.schema import (
    Actor,
    Briefing,
    Condition,
    ConditionKind,
    Evidence,
    OpenQuestion,
    Position,
    Proposal,
    ProposalStatus,
)

BUDGET = CONTENT_H - RESERVE_MM
STATUSES: tuple[ProposalStatus, ...] = ("accepted", "unknown", "pending")
KINDS: tuple[ConditionKind, ...] = ("red_line", "other")
EV = [Evidence(quote="a quote", start=0, end=7, match="exact")]


def test_the_canonical_briefing_keeps_every_item(putin: tuple[Briefing, str]) -> None:
    b, _ = putin
    f = fit(b)
    assert (f.actors, f.positions) == ([0, 1, 2, 3], [0, 1, 2, 3, 4, 5])
    assert (f.conditions, f.proposals, f.open_questions) == ([0, 1, 2], [0, 1, 2, 3], [0])
    assert estimate(f) <= BUDGET
    assert f.left_out == ["evidence quotes"]
    assert f.note is not None and f.note.startswith("Left out to fit one page: evidence quotes")


def test_everything_without_one_page(huge: tuple[Briefing, str]) -> None:
    b, _ = huge
    f = fit(b, one_page=False)
    assert len(f.positions) == 40 and f.quotes is None
    assert f.note is None and f.left_out == []


def test_quotes_go_first_the_extra_ones_before_the_rest(putin: tuple[Briefing, str]) -> None:
    b, _ = putin
    full = estimate(fit(b, one_page=False))
    f = fit(b, height_mm=full - 0.5)
    assert f.quotes == 1
    assert f.left_out == ["evidence quotes after the first of each item"]
    assert len(f.positions) == len(b.positions)


def test_the_huge_briefing_fits_and_stays_balanced(huge: tuple[Briefing, str]) -> None:
    b, _ = huge
    f = fit(b)
    assert estimate(f) <= BUDGET
    assert f.quotes == 0
    for section in SECTIONS:
        kept = f.kept(section)
        assert kept, section
        assert kept == sorted(kept)
    assert f.note is not None
    for phrase in ("evidence quotes", "of 40 positions", "of 16 conditions", "of 15 proposals"):
        assert phrase in f.note
    # red lines and accepted proposals outlast the weaker kinds and statuses
    assert {b.conditions[i].kind for i in f.conditions} == {"red_line"}
    assert {b.proposals[i].status for i in f.proposals} == {"accepted"}


def _briefing(**lists: object) -> Briefing:
    actors = [Actor(name=n, kind="person") for n in ("Ann", "Bob", "Cy", "Dee")]
    return Briefing.model_validate({"title": "T", "summary": "S.", "actors": actors, **lists})


def test_actors_no_item_names_go_before_any_item() -> None:
    b = _briefing(positions=[Position(actor="Ann", topic="t", stance="s " * 30, evidence=EV)] * 6)
    f = fit(b, one_page=False)
    f.quotes = 0
    f = fit(b, height_mm=estimate(f) - 15)  # three table rows of about 5.5 mm
    assert f.actors == [0] and len(f.positions) == 6


def test_the_longest_section_loses_an_item_first() -> None:
    long = "word " * 30
    b = _briefing(
        positions=[
            Position(actor=("Ann", "Bob")[n % 2], topic=f"t{n}", stance=long, evidence=EV)
            for n in range(6)
        ],
        proposals=[
            Proposal(proposer="Cy", addressee="Dee", proposal=long, status=s, evidence=EV)
            for s in STATUSES
        ],
        conditions=[Condition(actor="Cy", condition=long, kind=k, evidence=EV) for k in KINDS],
        open_questions=[OpenQuestion(question=long, evidence=EV)],
    )
    f = fit(b, one_page=False)
    f.quotes = 0
    f = fit(b, height_mm=estimate(f) - 1)
    assert f.positions == [0, 1, 2, 3, 4]  # Ann has 3, Bob 3: the latest (Bob's) goes
    f = fit(b, height_mm=estimate(fit(b, one_page=False)) * 0.55)
    assert b.proposals[f.proposals[0]].status == "accepted" if f.proposals else True
    assert all(b.conditions[i].kind == "red_line" for i in f.conditions)


def test_an_oversized_item_goes_before_the_others() -> None:
    huge_stance = "very long " * 800
    b = _briefing(
        positions=[
            Position(actor="Ann", topic="a", stance="short", evidence=EV),
            Position(actor="Bob", topic="b", stance=huge_stance, evidence=EV),
        ]
    )
    f = fit(b)
    assert f.positions == [0]
    assert f.left_out == ["evidence quotes", "1 of 2 positions"]


def test_title_and_summary_are_shortened_only_when_absurd() -> None:
    b = Briefing.model_construct(
        title="word " * 100,
        summary="many " * 300,
        actors=[],
        positions=[],
        conditions=[],
        proposals=[],
        open_questions=[],
        grounding=None,
        meta=None,
        date=None,
        place=None,
        language="en",
    )
    f = fit(b)
    assert len(f.title) <= fitmod.TITLE_MAX_CHARS + 2 and f.title.endswith("…")
    assert len(f.summary.split()) == fitmod.SUMMARY_MAX_WORDS + 1
    assert f.left_out == ["title shortened", "summary shortened"]


@settings(max_examples=25, deadline=None)
@given(
    n_positions=st.integers(0, 30),
    n_proposals=st.integers(0, 12),
    n_questions=st.integers(0, 8),
    words=st.integers(1, 60),
)
def test_any_briefing_fits_the_budget(
    n_positions: int, n_proposals: int, n_questions: int, words: int
) -> None:
    text = "word " * words
    b = _briefing(
        positions=[
            Position(actor=("Ann", "Bob", "Cy")[n % 3], topic="t", stance=text, evidence=EV * 2)
            for n in range(n_positions)
        ],
        proposals=[
            Proposal(proposer="Dee", proposal=text, status="offered", evidence=EV)
            for _ in range(n_proposals)
        ],
        open_questions=[OpenQuestion(question=text, evidence=EV) for _ in range(n_questions)],
    )
    f = fit(b)
    assert estimate(f) <= BUDGET
    shown = len(f.positions) + len(f.proposals) + len(f.open_questions)
    assert shown == n_positions + n_proposals + n_questions or f.note
