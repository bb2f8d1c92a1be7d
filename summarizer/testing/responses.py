"""Build OpenAI chat-completion replies the way a real server shapes them, for each mode.

A fake model decides *what* to answer (a dict payload, raw text, an HTTP error, a fault);
``reply_for`` turns that into the JSON body a server would send for the request's instructor
mode: tool calls for ``tools``, JSON content for ``json``/``json_schema``, a fenced JSON block
for ``md_json``.
"""

from __future__ import annotations

import dataclasses
import itertools
import json
import random
from collections.abc import Callable, Iterable
from typing import Any, Literal

Fault = Literal["reset", "truncate", "garbage"]


@dataclasses.dataclass(frozen=True)
class Reply:
    """What the fake server sends: a body with a status, or a transport fault."""

    status: int = 200
    body: dict[str, Any] | str = dataclasses.field(default_factory=dict)
    headers: dict[str, str] = dataclasses.field(default_factory=dict)
    fault: Fault | None = None


Responder = Callable[[dict[str, Any]], Reply]
_ids = itertools.count(1)


def detect_mode(request: dict[str, Any]) -> str:
    """The instructor mode a chat request was made in."""
    if request.get("tools"):
        return "tools"
    kind = (request.get("response_format") or {}).get("type")
    if kind == "json_schema":
        return "json_schema"
    if kind == "json_object":
        return "json"
    return "md_json"


def reply_for(
    request: dict[str, Any], payload: dict[str, Any] | str, *, usage: tuple[int, int] = (400, 200)
) -> Reply:
    """A 200 reply carrying ``payload`` (dict → JSON; str → sent as the model's text)."""
    text = payload if isinstance(payload, str) else json.dumps(payload, ensure_ascii=False)
    mode = detect_mode(request)
    message: dict[str, Any] = {"role": "assistant", "content": text}
    if mode == "tools":
        name = request["tools"][0]["function"]["name"]
        call = {
            "id": f"call_{next(_ids)}",
            "type": "function",
            "function": {"name": name, "arguments": text},
        }
        message = {"role": "assistant", "content": None, "tool_calls": [call]}
    elif mode == "md_json":
        message["content"] = f"Here is the briefing.\n\n```json\n{text}\n```"
    prompt, completion = usage
    return Reply(
        body={
            "id": f"chatcmpl-{next(_ids)}",
            "object": "chat.completion",
            "created": 1_700_000_000,
            "model": str(request.get("model", "fake")),
            "choices": [{"index": 0, "message": message, "finish_reason": "stop"}],
            "usage": {
                "prompt_tokens": prompt,
                "completion_tokens": completion,
                "total_tokens": prompt + completion,
            },
        }
    )


def error_reply(status: int, message: str, *, headers: dict[str, str] | None = None) -> Reply:
    """An OpenAI-style error body."""
    return Reply(
        status=status,
        body={"error": {"message": message, "type": "fake_error"}},
        headers=headers or {},
    )


def scripted(payloads: Iterable[dict[str, Any] | str | Reply]) -> Responder:
    """A responder that answers each request with the next payload; the last one repeats."""
    items = list(payloads)
    if not items:
        raise ValueError("scripted() needs at least one payload")
    state = {"i": 0}

    def respond(request: dict[str, Any]) -> Reply:
        item = items[min(state["i"], len(items) - 1)]
        state["i"] += 1
        return item if isinstance(item, Reply) else reply_for(request, item)

    return respond


def flaky(inner: Responder, *, rate: float, seed: int = 0) -> Responder:
    """Fail ``rate`` of requests with a random transient fault, else ask ``inner``."""
    rng = random.Random(seed)
    faults: list[Reply] = [
        error_reply(429, "rate limited", headers={"Retry-After": "0"}),
        error_reply(500, "internal error"),
        error_reply(502, "bad gateway"),
        error_reply(503, "overloaded"),
        error_reply(504, "gateway timeout"),
        Reply(fault="reset"),
        Reply(fault="truncate"),
    ]

    def respond(request: dict[str, Any]) -> Reply:
        if rng.random() < rate:
            return rng.choice(faults)
        return inner(request)

    return respond
