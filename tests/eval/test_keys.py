"""Request keys: the whole request decides the key; summaries and storage stay readable."""

from __future__ import annotations

import json

from summarizer.eval.keys import (
    canonical_json,
    endpoint_of,
    request_key,
    request_summary,
    unwrap_json_strings,
    wrap_json_strings,
)

BODY = {
    "model": "m",
    "temperature": 0.0,
    "messages": [
        {"role": "system", "content": "You are a careful news analyst."},
        {"role": "user", "content": "Article text"},
    ],
    "tools": [{"type": "function", "function": {"name": "Briefing", "parameters": {}}}],
}
ENDPOINT = "POST /chat/completions"


def _key(body: dict[str, object]) -> str:
    return request_key(ENDPOINT, json.dumps(body).encode())


def test_key_ignores_key_order_and_whitespace() -> None:
    reordered = json.dumps(dict(reversed(list(BODY.items()))), indent=4).encode()
    assert request_key(ENDPOINT, reordered) == _key(BODY)


def test_one_word_model_schema_or_temperature_change_is_a_new_key() -> None:
    base = _key(BODY)
    word = json.loads(json.dumps(BODY))
    word["messages"][0]["content"] = "You are a careful news reader."
    schema = json.loads(json.dumps(BODY))
    schema["tools"][0]["function"]["parameters"] = {"type": "object"}
    variants = [word, schema, {**BODY, "model": "other"}, {**BODY, "temperature": 0.2}]
    keys = {_key(v) for v in variants}
    assert base not in keys and len(keys) == len(variants)
    assert request_key("POST /embeddings", json.dumps(BODY).encode()) != base


def test_endpoint_drops_host_and_prefix() -> None:
    assert endpoint_of("post", "/v1/chat/completions") == ENDPOINT
    assert endpoint_of("POST", "/openai/v1/chat/completions") == ENDPOINT
    assert endpoint_of("GET", "/health") == "GET /health"


def test_summary_holds_hashes_not_text() -> None:
    summary = request_summary(ENDPOINT, json.dumps(BODY).encode())
    assert summary["model"] == "m" and summary["mode"] == "tools" and summary["messages"] == 2
    assert "careful" not in json.dumps(summary) and "Article" not in json.dumps(summary)
    assert request_summary(ENDPOINT, b"not json")["body_sha256"]


def test_json_strings_are_stored_parsed_and_restored() -> None:
    args = json.dumps({"title": "T", "actors": []})
    body = {
        "choices": [
            {"message": {"content": None, "tool_calls": [{"function": {"arguments": args}}]}},
            {"message": {"content": "plain text, not JSON"}},
        ]
    }
    stored = wrap_json_strings(json.loads(json.dumps(body)))
    call = stored["choices"][0]["message"]["tool_calls"][0]["function"]
    assert call["arguments"] == {"$json": {"title": "T", "actors": []}}
    assert stored["choices"][1]["message"]["content"] == "plain text, not JSON"
    restored = unwrap_json_strings(stored)
    assert json.loads(restored["choices"][0]["message"]["tool_calls"][0]["function"]["arguments"])
    assert canonical_json({"b": 1, "a": "é"}) == '{"a":"é","b":1}'
