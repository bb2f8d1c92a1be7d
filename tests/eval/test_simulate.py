"""The gold-derived simulator: follows only the instructions a prompt gives, never the article."""

from __future__ import annotations

from summarizer.eval.cases import Case
from summarizer.eval.simulate import (
    MAX_POSITIONS,
    PromptFeatures,
    gold_responder,
    simulated_answer,
)
from summarizer.prompts import load_prompts
from summarizer.schema import Briefing

WEAK = "Summarise the article. Give a short quote for each point."


def test_bundled_prompt_asks_for_everything() -> None:
    prompts = load_prompts()
    rendered = "\n".join(m["content"] for m in prompts.render(article="x"))
    features = PromptFeatures.of(rendered)
    assert all(vars(features).values())
    assert not any(vars(PromptFeatures.of(WEAK)).values())


def test_full_prompt_answer_is_trimmed_gold(cases: list[Case]) -> None:
    everything = PromptFeatures(True, True, True, True, True, True)
    for case in cases:
        answer = Briefing.model_validate(simulated_answer(case.gold, everything))
        assert len(answer.positions) == min(len(case.gold.positions), MAX_POSITIONS)
        assert all(ev.quote in case.article for _, ev in answer.evidence_items())


def test_weak_prompt_answer_degrades_and_reask_repairs_half(canonical: Case) -> None:
    weak = PromptFeatures.of(WEAK)
    first = Briefing.model_validate(simulated_answer(canonical.gold, weak))
    assert not first.conditions and not first.open_questions
    assert {p.status for p in first.proposals} == {"unknown"}
    assert not any(ev.quote in canonical.article for _, ev in first.evidence_items())
    second = Briefing.model_validate(simulated_answer(canonical.gold, weak, attempt=2))
    assert second.positions[0].evidence[0].quote in canonical.article
    assert second.positions[1].evidence[0].quote not in canonical.article


def test_responder_recognises_the_case_and_ignores_article_words(cases: list[Case]) -> None:
    respond = gold_responder(cases)
    mitchell = next(c for c in cases if c.id.startswith("07-"))
    assert "status" in mitchell.article  # the article's own words must not count as orders
    request = {
        "model": "m",
        "response_format": {"type": "json_object"},
        "messages": [
            {"role": "system", "content": WEAK},
            {"role": "user", "content": f"<article>\n{mitchell.article}\n</article>"},
        ],
    }
    reply = respond(request)
    assert reply.status == 200 and isinstance(reply.body, dict)
    answer = Briefing.model_validate_json(reply.body["choices"][0]["message"]["content"])
    assert {p.status for p in answer.proposals} == {"unknown"}
    unknown = respond({"model": "m", "messages": [{"role": "user", "content": "hello"}]})
    assert unknown.status == 400
