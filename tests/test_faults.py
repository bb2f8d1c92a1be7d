"""faults.py: what is transient, what is fatal, and that quoted server text is masked."""

from __future__ import annotations

import json

import httpx2
import openai
import pytest

from summarizer import Settings
from summarizer.errors import AuthenticationError, ModelAPIError, ModeNotSupportedError
from summarizer.faults import classify, fatal_error, redact


def status_error(status: int, message: str, headers: dict[str, str] | None = None) -> Exception:
    request = httpx2.Request("POST", "http://127.0.0.1/v1/chat/completions")
    body = {"error": {"message": message}}
    response = httpx2.Response(status, json=body, headers=headers or {}, request=request)
    cls = openai.RateLimitError if status == 429 else openai.APIStatusError
    return cls(f"Error code: {status}", response=response, body=body)


def test_redact_masks_the_key_and_bearer_tokens() -> None:
    text = "key sk-fake-abcdef0123456789 and Authorization: Bearer abc.def-ghi and mine123"
    out = redact(text, "mine123")
    assert "abcdef0123456789" not in out and "abc.def-ghi" not in out and "mine123" not in out


@pytest.mark.parametrize("status", [408, 409, 429, 500, 502, 503, 504])
def test_transient_statuses(status: int) -> None:
    fault = classify(status_error(status, "try later", {"retry-after": "3"}))
    assert fault is not None and fault.status == status and fault.retry_after == 3.0


def test_timeouts_resets_and_garbage_are_transient() -> None:
    request = httpx2.Request("POST", "http://127.0.0.1/v1/chat/completions")
    assert classify(openai.APITimeoutError(request=request)) is not None
    assert classify(openai.APIConnectionError(request=request)) is not None
    assert classify(json.JSONDecodeError("x", "{", 1)) is not None
    assert classify(ValueError("other")) is None


@pytest.mark.parametrize(
    ("status", "kind"), [(400, ModelAPIError), (401, AuthenticationError), (404, ModelAPIError)]
)
def test_client_errors_are_fatal(status: int, kind: type[Exception]) -> None:
    assert classify(status_error(status, "no")) is None
    assert isinstance(fatal_error(status_error(status, "no"), Settings(model="m")), kind)


def test_transient_statuses_are_not_fatal_unless_they_reject_the_mode() -> None:
    settings = Settings(mode="json_schema")
    assert fatal_error(status_error(503, "overloaded"), settings) is None
    err = fatal_error(status_error(500, "json_schema is not supported"), settings)
    assert isinstance(err, ModeNotSupportedError) and err.suggested == "tools"


def test_md_json_is_never_blamed_on_the_mode() -> None:
    err = fatal_error(status_error(400, "response_format is invalid"), Settings(mode="md_json"))
    assert err is not None and not isinstance(err, ModeNotSupportedError)
