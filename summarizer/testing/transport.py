"""An ``openai.OpenAI`` whose requests are answered in-process by a ``Responder``.

The SDK, instructor and our retry layer all run for real; only the socket is replaced, by an
``httpx2.MockTransport`` (openai 3.x is built on httpx2, so respx-style httpx mocks would not
see its requests). Faults are raised as the transport errors a real connection would give.
"""

from __future__ import annotations

import json
from typing import Any

from .responses import Reply, Responder


def fake_openai_client(
    responder: Responder,
    *,
    asynchronous: bool = False,
    api_key: str = "sk-test-fake",
    record: list[dict[str, Any]] | None = None,
) -> Any:
    """An OpenAI (or AsyncOpenAI) client wired to ``responder``; SDK retries are off.

    Pass a list as ``record`` to collect every request body sent (headers are not kept).
    """
    import httpx2
    import openai

    def handle(request: Any) -> Any:
        body = json.loads(request.content or b"{}")
        if record is not None:
            record.append(body)
        reply: Reply = responder(body)
        if reply.fault == "reset":
            raise httpx2.ReadError("connection reset by peer", request=request)
        if reply.fault == "truncate":
            raise httpx2.RemoteProtocolError(
                "peer closed connection without sending complete message body", request=request
            )
        data = reply.body if isinstance(reply.body, str) else json.dumps(reply.body)
        if reply.fault == "garbage":
            data = data[: max(1, len(data) // 2)]
        headers = {"content-type": "application/json", **reply.headers}
        return httpx2.Response(reply.status, content=data.encode(), headers=headers)

    base_url = "http://fake.invalid/v1"
    if asynchronous:

        async def ahandle(request: Any) -> Any:
            return handle(request)

        transport = httpx2.MockTransport(ahandle)
        return openai.AsyncOpenAI(
            api_key=api_key,
            base_url=base_url,
            max_retries=0,
            http_client=httpx2.AsyncClient(transport=transport),
        )
    return openai.OpenAI(
        api_key=api_key,
        base_url=base_url,
        max_retries=0,
        http_client=httpx2.Client(transport=httpx2.MockTransport(handle)),
    )
