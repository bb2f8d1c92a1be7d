"""Scoring: gold scores perfectly, names resolve leniently, matching is one-to-one."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from summarizer.eval.cases import Case
from summarizer.eval.score import (
    METRIC_NAMES,
    ActorResolver,
    match_field,
    score_case,
    text_similarity,
)
from summarizer.schema import Actor, Briefing


def _variant(gold: Briefing, **changes: Any) -> Briefing:
    data = gold.model_dump(exclude={"grounding", "meta"})
    data.update(changes)
    return Briefing.model_validate(data)


def test_gold_against_itself_is_perfect(cases: list[Case]) -> None:
    for case in cases:
        metrics = score_case(case.gold, case.gold, case.article).metrics()
        assert set(metrics) == set(METRIC_NAMES) - {"schema_valid"}
        assert all(v == 1.0 for v in metrics.values()), case.id


def test_surname_accent_and_title_mentions_resolve(canonical: Case) -> None:
    resolver = ActorResolver(canonical.gold.actors)
    putin = 0
    for name in ("Putin", "PUTÍN", "Vladimir Putin", "Russian President Vladimir Putin"):
        hit = resolver.resolve(name)
        assert hit is not None and hit[0] == putin, name
    zelensky = resolver.resolve("Volodymyr Zelenskyy")
    assert zelensky is not None and zelensky[0] == 1
    assert resolver.resolve("Xi Jinping") is None
    assert resolver.resolve("Moscow") is not None


def test_actor_f1_with_renamed_and_extra_actors(canonical: Case) -> None:
    actors = [
        Actor(name="Putin", kind="person"),
        Actor(name="Zelenskyy", kind="person"),
        Actor(name="Xi Jinping", kind="person"),
    ]
    predicted = Briefing(title="t", summary="s", actors=actors)
    fs = match_field("actors", predicted, canonical.gold, canonical.article)
    assert (fs.tp, fs.predicted, fs.gold) == (2, 3, len(canonical.gold.actors))
    assert fs.extra == [2]


def test_duplicates_do_not_inflate_recall(canonical: Case) -> None:
    gold = canonical.gold
    twice = [gold.positions[0], gold.positions[0]]
    predicted = _variant(gold, positions=[p.model_dump() for p in twice])
    fs = match_field("positions", predicted, gold, canonical.article)
    assert fs.tp == 1 and fs.precision == 0.5
    assert fs.recall == pytest.approx(1 / len(gold.positions))


def test_wrong_actor_does_not_match_but_affiliation_does(canonical: Case) -> None:
    gold = canonical.gold
    red_line = gold.conditions[0].model_dump()
    as_trump = _variant(gold, conditions=[{**red_line, "actor": "Donald Trump"}])
    assert match_field("conditions", as_trump, gold, canonical.article).tp == 0
    as_russia = _variant(gold, conditions=[{**red_line, "actor": "Russia"}])
    assert match_field("conditions", as_russia, gold, canonical.article).tp == 1


def test_match_by_text_when_evidence_differs(canonical: Case) -> None:
    gold = canonical.gold
    item = gold.proposals[0].model_dump()
    item["evidence"] = [{"quote": "He also stated that"}]
    item["proposal"] = "Ukrainian authorities should hold a referendum on the territorial disputes."
    fs = match_field("proposals", _variant(gold, proposals=[item]), gold, canonical.article)
    assert fs.tp == 1 and fs.matches[0].gold == 0
    assert fs.matches[0].evidence_overlap == 0.0


def test_unrelated_item_does_not_match(canonical: Case) -> None:
    gold = canonical.gold
    item = gold.positions[0].model_dump()
    item.update(topic="Chinese honor guard", stance="The honor guard marched well.")
    item["evidence"] = [{"quote": "Beijing Capital Garrison Honor Guard Battalion"}]
    fs = match_field("positions", _variant(gold, positions=[item]), gold, canonical.article)
    assert fs.tp == 0 and fs.precision == 0.0


def test_empty_prediction(canonical: Case) -> None:
    empty = Briefing(title="t", summary="s")
    metrics = score_case(empty, canonical.gold, canonical.article).metrics()
    assert metrics["positions.recall"] == 0.0 and metrics["positions.precision"] == 0.0
    assert metrics["grounding"] == 1.0
    both_empty = score_case(empty, empty, canonical.article).metrics()
    assert both_empty["open_questions.f1"] == 1.0


def test_attribute_accuracy_and_grounding(canonical: Case) -> None:
    gold = canonical.gold
    conditions = [c.model_dump() for c in gold.conditions]
    conditions[0]["kind"] = "other"
    conditions[1]["evidence"] = [{"quote": "If common sense prevails, Russia wins"}]
    predicted = _variant(gold, conditions=conditions)
    score = score_case(predicted, gold, canonical.article)
    metrics = score.metrics()
    assert metrics["conditions.kind_accuracy"] == pytest.approx(3 / 4)
    assert score.evidence_items == score.grounded_items + 1


def test_normalised_quotes_count_as_grounded(canonical: Case) -> None:
    gold = canonical.gold
    item = gold.open_questions[0].model_dump()
    straight = item["evidence"][0]["quote"].replace("\u2019", "'").upper()
    item["evidence"] = [{"quote": f'"{straight}"'}]
    score = score_case(_variant(gold, open_questions=[item]), gold, canonical.article)
    assert score.grounded_items == score.evidence_items
    assert score.fields["open_questions"].tp == 1


def test_text_similarity_bounds() -> None:
    assert text_similarity("", "anything") == 0.0
    assert text_similarity("Hold a referendum", "hold the referendums") == 1.0
    assert 0 < text_similarity("hold a referendum now", "a referendum later") < 1


@settings(max_examples=40, deadline=None)
@given(data=st.data())
def test_subsets_and_shuffles_score_as_expected(cases: list[Case], data: st.DataObject) -> None:
    case = data.draw(st.sampled_from(cases))
    gold = case.gold
    n = len(gold.positions)
    keep = data.draw(st.lists(st.integers(0, n - 1), unique=True))
    order = data.draw(st.permutations(keep))
    predicted = _variant(gold, positions=[gold.positions[i].model_dump() for i in order])
    fs = score_case(predicted, gold, case.article).fields["positions"]
    assert fs.tp == len(keep)
    assert fs.recall == pytest.approx(len(keep) / n)
    assert fs.precision == 1.0 if keep else fs.precision == 0.0
    assert sorted(m.gold for m in fs.matches) == sorted(keep)


def test_independent_paraphrase_is_matched_sensibly(canonical: Case) -> None:
    """A briefing written without looking at the gold: other words, other quote passages."""
    predicted = Briefing.model_validate(
        {
            "title": "Putin on Ukraine",
            "summary": "Putin spoke in China.",
            "actors": [
                {
                    "name": "Vladimir Putin",
                    "aliases": ["President Putin", "Putin"],
                    "kind": "person",
                },
                {"name": "Volodymyr Zelenskyy", "kind": "person"},
                {"name": "Donald Trump", "kind": "person"},
                {"name": "Russian Federation", "kind": "government"},
                {"name": "Xi Jinping", "kind": "person"},
            ],
            "positions": [
                {
                    "actor": "President Putin",
                    "topic": "Kyiv's alliances",
                    "stance": "Kyiv may pick its own security arrangements.",
                    "evidence": ["Ukraine has the right to choose its own security system"],
                },
                {
                    "actor": "Putin",
                    "topic": "What the war is for",
                    "stance": "Language and culture rights, not land.",
                    "evidence": ["not fighting primarily for territory"],
                },
            ],
            "conditions": [
                {
                    "actor": "Vladimir Putin",
                    "condition": "Ukraine's choices must not undermine Russia's security",
                    "kind": "red_line",
                    "evidence": ["such choices cannot undermine Russia's security"],
                },
                {
                    "actor": "Vladimir Putin",
                    "condition": "Unless common sense prevails",
                    "consequence": "military means",
                    "kind": "if_then",
                    "evidence": ["the matter will have to be resolved by military means"],
                },
            ],
            "proposals": [
                {
                    "proposer": "Vladimir Putin",
                    "proposal": "A vote on the disputed territories",
                    "status": "pending",
                    "evidence": ["should hold a referendum"],
                }
            ],
            "open_questions": [
                {
                    "question": "Will Kyiv's president accept the invitation?",
                    "evidence": ["Whether the Ukrainian leader will reconsider"],
                }
            ],
        }
    )
    score = score_case(predicted, canonical.gold, canonical.article)
    fields = score.fields
    assert (fields["actors"].tp, fields["actors"].extra) == (4, [4])
    assert [(m.pred, m.gold) for m in fields["positions"].matches] == [(0, 0), (1, 1)]
    assert [(m.pred, m.gold) for m in fields["conditions"].matches] == [(0, 0), (1, 1)]
    assert [(m.pred, m.gold) for m in fields["proposals"].matches] == [(0, 0)]
    assert fields["open_questions"].tp == 1
    metrics = score.metrics()
    assert metrics["proposals.status_accuracy"] == 0.0  # pending, gold says offered
    assert metrics["conditions.kind_accuracy"] == 1.0 and metrics["grounding"] == 1.0
