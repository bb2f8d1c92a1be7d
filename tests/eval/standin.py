"""A stand-in for summarize() and an in-process gold 'model', shared by the eval tests."""

from __future__ import annotations

import json
from typing import Any

import httpx2

from summarizer.config import Settings
from summarizer.errors import OutputValidationError
from summarizer.eval.cases import Case
from summarizer.schema import Briefing, RunInfo, Usage


def stand_in(article: str, *, settings: Settings, client: Any) -> Briefing:
    """Asks the 'model' for a briefing of ``article`` and parses the JSON it answers."""
    response = client.chat.completions.create(
        model=settings.effective_model, messages=[{"role": "user", "content": article}]
    )
    content = response.choices[0].message.content
    if content == "invalid":
        raise OutputValidationError("did not validate", raw_output=content, attempts=3)
    u = response.usage
    usage = Usage(prompt_tokens=u.prompt_tokens, completion_tokens=u.completion_tokens)
    usage.total_tokens = u.total_tokens
    meta = RunInfo(engine="llm", attempts=1, usage=usage)
    return Briefing.model_validate_json(content).model_copy(update={"meta": meta})


def gold_server(cases: list[Case], *, broken: str | None = None) -> httpx2.MockTransport:
    by_article = {c.article: c for c in cases}

    def handle(request: httpx2.Request) -> httpx2.Response:
        body = json.loads(request.content)
        case = by_article[body["messages"][0]["content"]]
        content = "invalid" if case.id == broken else case.gold.model_dump_json()
        reply = {
            "id": "x",
            "object": "chat.completion",
            "created": 1,
            "model": body["model"],
            "choices": [
                {
                    "index": 0,
                    "message": {"role": "assistant", "content": content},
                    "finish_reason": "stop",
                }
            ],
            "usage": {"prompt_tokens": 10, "completion_tokens": 5, "total_tokens": 15},
        }
        return httpx2.Response(200, json=reply)

    return httpx2.MockTransport(handle)
