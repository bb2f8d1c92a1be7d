"""Classify what the openai SDK raised: a transient ``Fault`` to retry, or our typed error.

Kept apart from ``client.py`` (which owns the SDK and instructor) so that the policy of what is
retried, what is a rejected mode and what is an authentication problem reads in one place.
Server text quoted in messages is cut to one line and has the API key and bearer tokens masked.
openai is imported lazily, inside the functions.
"""

from __future__ import annotations

import json
import re
from typing import TYPE_CHECKING

from .config import Settings
from .errors import AuthenticationError, ModelAPIError, ModeNotSupportedError, SummarizerError
from .retry import Fault, parse_retry_after

if TYPE_CHECKING:
    import openai


#: What to try when a server rejects a mode (README has the per-server table).
MODE_FALLBACK = {
    "json_schema": "tools",
    "tools": "json_schema",
    "json": "md_json",
    "md_json": "tools",
}
_MODE_WORDS = {
    "tools": ("tool", "function"),
    "json_schema": ("response_format", "json_schema", "schema", "grammar"),
    "json": ("response_format", "json_object"),
    "md_json": (),
}
_REJECT_WORDS = (
    "not support",
    "unsupported",
    "invalid",
    "unknown",
    "must be",
    "not allowed",
    "not implemented",
    "unrecognized",
    "unrecognised",
    "cannot",
    "can't",
    "only",
)
_TRANSIENT_STATUS = {408, 409, 429, 500, 502, 503, 504}


def classify(exc: BaseException) -> Fault | None:
    """A ``Fault`` for transient SDK failures (429, 5xx, timeouts, resets, truncated bodies)."""
    import openai

    if isinstance(exc, SummarizerError):
        return None
    if isinstance(exc, openai.APITimeoutError):
        return Fault("request timed out: raise SUMMARIZER_TIMEOUT if the model is slow")
    if isinstance(exc, openai.APIConnectionError):
        return Fault(f"connection failed: {one_line(str(exc.__cause__ or exc))[:120]}")
    if isinstance(exc, openai.APIStatusError):
        if exc.status_code in _TRANSIENT_STATUS:
            headers = dict(exc.response.headers) if exc.response is not None else {}
            return Fault(
                f"HTTP {exc.status_code}",
                status=exc.status_code,
                retry_after=parse_retry_after(headers),
            )
        return None
    if isinstance(exc, json.JSONDecodeError | UnicodeDecodeError):
        return Fault("truncated or malformed response body")
    return None


def redact(text: str, secret: str | None) -> str:
    """``text`` with the API key and anything that looks like a bearer token masked."""
    if secret:
        text = text.replace(secret, "***")
    text = re.sub(r"(?i)(bearer\s+)[^\s\"',]+", r"\1***", text)
    return re.sub(r"\bsk-[A-Za-z0-9_\-]{8,}", "sk-***", text)


def fatal_error(exc: BaseException, settings: Settings) -> SummarizerError | None:
    """Our error for an SDK failure that must not be retried, else None."""
    import openai

    if not isinstance(exc, openai.APIStatusError):
        return None
    status = exc.status_code
    detail = redact(_server_message(exc), settings.api_key)
    mode = settings.mode
    if status in {400, 404, 422, 500, 501} and _rejects_mode(detail, mode):
        suggested = _suggest(mode, detail)
        return ModeNotSupportedError(
            f"the server rejected instructor mode {mode!r} (HTTP {status}: {detail}): "
            f"set SUMMARIZER_MODE={suggested} or pass --mode {suggested} "
            "(md_json works with any chat server)",
            mode=mode,
            suggested=suggested,
            status=status,
        )
    if status in (401, 403):
        return AuthenticationError(
            f"the model server refused the credentials (HTTP {status}): set "
            "SUMMARIZER_API_KEY (or OPENAI_API_KEY) to a valid key for this server",
            status=status,
        )
    if status == 404:
        return ModelAPIError(
            f"HTTP 404 from the model server ({detail}): check that SUMMARIZER_MODEL="
            f"{settings.effective_model} exists there and SUMMARIZER_BASE_URL ends "
            "in /v1",
            status=status,
        )
    if status in _TRANSIENT_STATUS:
        return None
    return ModelAPIError(
        f"the model server rejected the request (HTTP {status}: {detail}): check "
        "SUMMARIZER_MODEL, SUMMARIZER_MODE and the server's logs",
        status=status,
    )


def _suggest(mode: str, detail: str) -> str:
    """The mode to try next; a server that lists what it accepts (LM Studio does) is believed."""
    low = detail.lower()
    if mode == "json" and "json_schema" in low:
        return "json_schema"
    return MODE_FALLBACK[mode]


def _rejects_mode(detail: str, mode: str) -> bool:
    low = detail.lower()
    return any(w in low for w in _MODE_WORDS[mode]) and any(w in low for w in _REJECT_WORDS)


def _server_message(exc: openai.APIStatusError) -> str:
    body = exc.body
    if isinstance(body, dict):
        inner = body.get("error", body)
        message = inner.get("message") if isinstance(inner, dict) else inner
        if message:
            return one_line(str(message))[:300]
    return one_line(str(exc.message))[:300]


def one_line(text: str) -> str:
    return " ".join(text.split())
