"""client.py through the real openai + instructor code, with the HTTP answered in-process."""

from __future__ import annotations

import json
import logging
from typing import Any

import pytest

from summarizer import Settings, summarize
from summarizer.errors import (
    AuthenticationError,
    ModelAPIError,
    ModeNotSupportedError,
    OutputValidationError,
    TransientExhaustedError,
)
from summarizer.testing import Reply, error_reply, fake_openai_client, reply_for, scripted

from .conftest import FIXTURES

MODES = ["tools", "json_schema", "json", "md_json"]


def settings(**changes: Any) -> Settings:
    base = Settings(api_key="sk-test-key", model="fake-model", backoff=0.0)
    return base.replace(**changes)


@pytest.mark.parametrize("mode", MODES)
def test_each_mode_parses_its_recorded_response(
    mode: str, canonical_text: str, good_payload: dict[str, Any]
) -> None:
    body = json.loads((FIXTURES / "responses" / f"canonical.{mode}.json").read_text("utf-8"))
    seen: list[dict[str, Any]] = []
    client = fake_openai_client(lambda _req: Reply(body=body), record=seen)
    briefing = summarize(canonical_text, settings=settings(mode=mode), client=client)
    assert len(seen) == 1
    request = seen[0]
    assert ("tools" in request) == (mode == "tools")
    assert request.get("response_format", {}).get("type") == {
        "json_schema": "json_schema",
        "json": "json_object",
    }.get(mode)
    assert [a.name for a in briefing.actors] == [a["name"] for a in good_payload["actors"]]
    assert briefing.meta is not None
    assert (briefing.meta.mode, briefing.meta.attempts, briefing.meta.http_requests) == (mode, 1, 1)
    assert briefing.meta.usage.total_tokens == 600


def test_schema_sent_to_model_hides_library_fields(canonical_text: str, good_payload: Any) -> None:
    seen: list[dict[str, Any]] = []
    summarize(
        canonical_text,
        settings=settings(),
        client=fake_openai_client(scripted([good_payload]), record=seen),
    )
    schema = json.dumps(seen[0]["tools"][0]["function"]["parameters"])
    assert "verbatim" not in schema or "word for word" in schema
    for hidden in ('"start"', '"end"', '"match"', '"meta"', '"grounding"'):
        assert hidden not in schema
    assert "red_line" in schema  # descriptions reach the model


def test_invalid_json_is_reasked_with_the_error(canonical_text: str, good_payload: Any) -> None:
    seen: list[dict[str, Any]] = []
    client = fake_openai_client(scripted(['{"title": "cut off', good_payload]), record=seen)
    briefing = summarize(canonical_text, settings=settings(), client=client)
    assert briefing.meta is not None and briefing.meta.attempts == 2
    assert len(seen) == 2
    assert "validation error" in json.dumps(seen[1]["messages"][-1]).lower()
    assert briefing.meta.usage.total_tokens == 1200  # summed over both attempts


def test_dangling_actor_is_reasked_naming_it(canonical_text: str, good_payload: Any) -> None:
    bad = json.loads(json.dumps(good_payload))
    bad["positions"][0]["actor"] = "Sergei Lavrov"
    seen: list[dict[str, Any]] = []
    client = fake_openai_client(scripted([bad, good_payload]), record=seen)
    briefing = summarize(canonical_text, settings=settings(), client=client)
    feedback = json.dumps(seen[1]["messages"][-1])
    assert "positions[0].actor 'Sergei Lavrov' is not an actor" in feedback
    assert briefing.positions[0].actor == "Putin"


def test_duplicate_actor_is_reasked(canonical_text: str, good_payload: Any) -> None:
    bad = json.loads(json.dumps(good_payload))
    bad["actors"].append({"name": "putin", "kind": "person"})
    seen: list[dict[str, Any]] = []
    summarize(
        canonical_text,
        settings=settings(),
        client=fake_openai_client(scripted([bad, good_payload]), record=seen),
    )
    assert "duplicates actor 'Vladimir Putin'" in json.dumps(seen[1]["messages"][-1])


def test_transient_fault_then_success(canonical_text: str, good_payload: Any) -> None:
    replies = [
        error_reply(503, "overloaded"),
        Reply(fault="reset"),
        Reply(fault="truncate"),
        reply_for({"tools": [{"function": {"name": "Briefing"}}]}, good_payload),
    ]
    briefing = summarize(
        canonical_text,
        settings=settings(max_attempts=5),
        client=fake_openai_client(scripted(replies)),
    )
    assert briefing.meta is not None
    assert (briefing.meta.attempts, briefing.meta.http_requests) == (1, 4)


def test_malformed_body_is_transient(canonical_text: str, good_payload: Any) -> None:
    client = fake_openai_client(scripted([Reply(fault="garbage"), good_payload]))
    briefing = summarize(canonical_text, settings=settings(), client=client)
    assert briefing.meta is not None and briefing.meta.http_requests == 2


def test_transient_faults_exhaust_the_budget(canonical_text: str) -> None:
    seen: list[dict[str, Any]] = []
    client = fake_openai_client(scripted([error_reply(502, "bad gateway")]), record=seen)
    with pytest.raises(TransientExhaustedError) as info:
        summarize(canonical_text, settings=settings(max_attempts=3), client=client)
    assert len(seen) == 3 and info.value.attempts == 3 and info.value.status == 502
    assert "SUMMARIZER_MAX_ATTEMPTS" in str(info.value)


@pytest.mark.parametrize("status", [400, 401, 403, 404])
def test_client_errors_are_never_retried(status: int, canonical_text: str) -> None:
    seen: list[dict[str, Any]] = []
    client = fake_openai_client(scripted([error_reply(status, "nope")]), record=seen)
    with pytest.raises(ModelAPIError) as info:
        summarize(canonical_text, settings=settings(), client=client)
    assert len(seen) == 1 and info.value.status == status
    if status in (401, 403):
        assert isinstance(info.value, AuthenticationError)
        assert "SUMMARIZER_API_KEY" in str(info.value)


@pytest.mark.parametrize(
    ("mode", "status", "message", "suggested"),
    [
        ("json_schema", 500, "Unsupported param: response_format type json_schema", "tools"),
        (
            "json_schema",
            500,
            'response_format type must be one of "text" or "json_object", but got: json_schema',
            "tools",
        ),
        ("tools", 400, "registry.ollama.ai/library/gemma:2b does not support tools", "json_schema"),
        ("json", 400, "'response_format.type' must be 'json_schema' or 'text'", "json_schema"),
        ("json", 400, "response_format json_object is not supported", "md_json"),
    ],
)
def test_rejected_mode_fails_at_once_with_a_hint(
    mode: str, status: int, message: str, suggested: str, canonical_text: str
) -> None:
    seen: list[dict[str, Any]] = []
    client = fake_openai_client(scripted([error_reply(status, message)]), record=seen)
    with pytest.raises(ModeNotSupportedError) as info:
        summarize(canonical_text, settings=settings(mode=mode), client=client)
    assert len(seen) == 1
    assert info.value.suggested == suggested
    assert f"--mode {suggested}" in str(info.value)


def test_plain_500_is_not_mistaken_for_a_mode_problem(canonical_text: str) -> None:
    client = fake_openai_client(scripted([error_reply(500, "CUDA out of memory")]))
    with pytest.raises(TransientExhaustedError):
        summarize(canonical_text, settings=settings(max_attempts=2), client=client)


def test_reasks_exhausted_carry_raw_output_and_usage(canonical_text: str) -> None:
    client = fake_openai_client(scripted(['{"title": "never valid"}']))
    with pytest.raises(OutputValidationError) as info:
        summarize(canonical_text, settings=settings(max_reasks=2), client=client)
    err = info.value
    assert err.attempts == 3
    assert err.raw_output == '{"title": "never valid"}'
    assert err.usage is not None and err.usage.total_tokens == 1800
    assert "\n" not in str(err)


def test_secret_never_reaches_errors_reprs_or_logs(
    canonical_text: str, caplog: pytest.LogCaptureFixture
) -> None:
    secret = "sk-fake-THIS-IS-SECRET-0123456789"
    echo = error_reply(400, f"invalid request from key {secret} with header Bearer {secret}")
    caplog.set_level(logging.DEBUG)
    with pytest.raises(ModelAPIError) as info:
        summarize(
            canonical_text,
            settings=settings(api_key=secret),
            client=fake_openai_client(scripted([echo]), api_key=secret),
        )
    assert secret not in str(info.value) and secret not in repr(info.value)
    assert secret not in repr(settings(api_key=secret))
    assert secret not in caplog.text


def test_async_path_uses_the_same_layers(canonical_text: str, good_payload: Any) -> None:
    import asyncio

    from summarizer import asummarize

    replies = [error_reply(503, "busy"), '{"broken', good_payload]
    client = fake_openai_client(scripted(replies), asynchronous=True)
    briefing = asyncio.run(asummarize(canonical_text, settings=settings(), client=client))
    assert briefing.meta is not None
    assert (briefing.meta.attempts, briefing.meta.http_requests) == (2, 3)


def test_wrong_client_kind_is_a_clear_error(canonical_text: str, good_payload: Any) -> None:
    from summarizer.errors import ConfigurationError

    client = fake_openai_client(scripted([good_payload]), asynchronous=True)
    with pytest.raises(ConfigurationError, match="asummarize"):
        summarize(canonical_text, settings=settings(), client=client)
