"""pipeline.py end to end with a fake model: engines, grounding re-asks and policies, metadata."""

from __future__ import annotations

import copy
import json
from typing import Any

import pytest

from summarizer import Settings, summarize
from summarizer.errors import ConfigurationError, GroundingError, InputError
from summarizer.prompts import load_prompts
from summarizer.testing import fake_openai_client, scripted

INVENTED = "Putin demanded the immediate surrender of Kyiv before any talks"


def settings(**changes: Any) -> Settings:
    return Settings(api_key="sk-test-key", model="fake-model", backoff=0.0).replace(**changes)


def with_invented_quote(payload: dict[str, Any]) -> dict[str, Any]:
    bad = copy.deepcopy(payload)
    bad["positions"][1]["evidence"] = [{"quote": INVENTED}]
    return bad


def test_every_offset_slices_to_its_quote(canonical_text: str, good_payload: Any) -> None:
    briefing = summarize(
        canonical_text, settings=settings(), client=fake_openai_client(scripted([good_payload]))
    )
    items = briefing.evidence_items()
    assert items and briefing.grounding is not None
    assert briefing.grounding.items == len(items) == briefing.grounding.exact
    for _path, ev in items:
        assert ev.start is not None and ev.end is not None
        assert canonical_text[ev.start : ev.end] == ev.quote


def test_offsets_from_the_model_are_ignored(canonical_text: str, good_payload: Any) -> None:
    lying = copy.deepcopy(good_payload)
    lying["positions"][0]["evidence"][0].update({"start": 0, "end": 5, "match": "exact"})
    briefing = summarize(
        canonical_text, settings=settings(), client=fake_openai_client(scripted([lying]))
    )
    ev = briefing.positions[0].evidence[0]
    assert ev.start == canonical_text.index(ev.quote) and ev.start != 0


def test_invented_quote_is_reasked_then_fixed(canonical_text: str, good_payload: Any) -> None:
    seen: list[dict[str, Any]] = []
    client = fake_openai_client(
        scripted([with_invented_quote(good_payload), good_payload]), record=seen
    )
    briefing = summarize(canonical_text, settings=settings(), client=client)
    feedback = json.dumps(seen[1]["messages"][-1])
    assert "not in the article" in feedback and INVENTED[:40] in feedback
    assert briefing.meta is not None and briefing.meta.attempts == 2
    assert briefing.grounding is not None and briefing.grounding.unmatched == 0


def test_quote_never_fixed_is_flagged_without_offsets(
    canonical_text: str, good_payload: Any
) -> None:
    seen: list[dict[str, Any]] = []
    client = fake_openai_client(scripted([with_invented_quote(good_payload)]), record=seen)
    briefing = summarize(canonical_text, settings=settings(max_reasks=1), client=client)
    assert len(seen) == 2  # one re-ask, then the policy decides
    ev = briefing.positions[1].evidence[0]
    assert (ev.quote, ev.match, ev.start, ev.end) == (INVENTED, "unmatched", None, None)
    assert briefing.grounding is not None and briefing.grounding.unmatched == 1


def test_quote_never_fixed_raises_under_strict(canonical_text: str, good_payload: Any) -> None:
    client = fake_openai_client(scripted([with_invented_quote(good_payload)]))
    with pytest.raises(GroundingError) as info:
        summarize(
            canonical_text, settings=settings(max_reasks=1, grounding="strict"), client=client
        )
    err = info.value
    assert err.unmatched == [INVENTED] and err.attempts == 2
    assert err.raw_output is not None and INVENTED in err.raw_output
    assert err.usage is not None and err.usage.total_tokens == 1200


def test_drop_removes_unsupported_items(canonical_text: str, good_payload: Any) -> None:
    client = fake_openai_client(scripted([with_invented_quote(good_payload)]))
    briefing = summarize(
        canonical_text, settings=settings(max_reasks=0, grounding="drop"), client=client
    )
    assert len(briefing.positions) == len(good_payload["positions"]) - 1
    assert all(ev.match != "unmatched" for _p, ev in briefing.evidence_items())
    assert briefing.grounding is not None and briefing.grounding.dropped == 1


def test_meta_records_prompt_model_and_cost(canonical_text: str, good_payload: Any) -> None:
    briefing = summarize(
        canonical_text,
        settings=settings(mode="json"),
        source="canonical.txt",
        client=fake_openai_client(scripted([good_payload])),
    )
    meta = briefing.meta
    assert meta is not None
    prompts = load_prompts()
    assert (meta.engine, meta.model, meta.mode) == ("llm", "fake-model", "json")
    assert (meta.prompt_id, meta.prompt_hash) == (prompts.id, prompts.hash)
    assert meta.usage.prompt_tokens == 400 and meta.latency_s > 0
    assert meta.source == "canonical.txt" and meta.input_chars == len(canonical_text)


def test_own_prompt_dir_is_used_and_hashed(
    tmp_path: Any, canonical_text: str, good_payload: Any
) -> None:
    (tmp_path / "briefing.system.j2").write_text("{# prompt-id: terse-v2 #}\nBe terse.")
    (tmp_path / "briefing.user.j2").write_text("<article>{{ article }}</article>")
    seen: list[dict[str, Any]] = []
    briefing = summarize(
        canonical_text,
        settings=settings(prompt_dir=tmp_path),
        client=fake_openai_client(scripted([good_payload]), record=seen),
    )
    assert seen[0]["messages"][0]["content"].endswith("Be terse.")
    assert briefing.meta is not None and briefing.meta.prompt_id == "terse-v2"


def test_llm_engine_without_model_is_a_configuration_error(canonical_text: str) -> None:
    with pytest.raises(ConfigurationError, match="SUMMARIZER_BASE_URL"):
        summarize(canonical_text, engine="llm")


def test_bad_input_fails_before_any_request() -> None:
    seen: list[dict[str, Any]] = []
    client = fake_openai_client(scripted(["{}"]), record=seen)
    with pytest.raises(InputError):
        summarize("   ", settings=settings(), client=client)
    assert seen == []
