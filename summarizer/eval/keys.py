"""What identifies a model request, and how its answer is stored readably.

The replay key is the sha256 of the endpoint plus the request body in canonical JSON (sorted
keys, no insignificant whitespace): the model, the rendered messages, the tool or
response_format schema, the temperature, everything the SDK sends. So a one-word prompt edit, a
schema change or another model is a miss, never a stale hit. The host is not part of the key,
so recordings made against one server replay without any.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any


def canonical_json(value: Any) -> str:
    """Stable JSON text: sorted keys, no insignificant whitespace, UTF-8 kept as is."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def _sha(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def endpoint_of(method: str, path: str) -> str:
    """``POST /chat/completions``: the path below ``/v1`` so that the host never matters."""
    tail = path.split("/v1", 1)[1] if "/v1" in path else path
    return f"{method.upper()} {tail or '/'}"


def request_key(endpoint: str, body: bytes) -> str:
    """sha256 over the endpoint and the canonical JSON body (raw bytes if not JSON)."""
    try:
        text = canonical_json(json.loads(body or b"null"))
    except (json.JSONDecodeError, UnicodeDecodeError):
        text = body.hex()
    return _sha(f"{endpoint}\n{text}")


def detect_mode(body: dict[str, Any]) -> str:
    """The instructor mode a chat request was built in (tools, json_schema, json, md_json)."""
    if body.get("tools"):
        return "tools"
    kind = (body.get("response_format") or {}).get("type")
    return {"json_schema": "json_schema", "json_object": "json"}.get(str(kind), "md_json")


def request_summary(endpoint: str, body: bytes) -> dict[str, Any]:
    """What a reviewer needs to recognise a request, as hashes: no message text, no headers."""
    try:
        data = json.loads(body or b"{}")
    except (json.JSONDecodeError, UnicodeDecodeError):
        return {"endpoint": endpoint, "body_sha256": hashlib.sha256(body).hexdigest()}
    if not isinstance(data, dict):
        return {"endpoint": endpoint, "body_sha256": _sha(canonical_json(data))}
    messages = data.get("messages") or []
    schema = data.get("tools") or data.get("response_format")
    return {
        "endpoint": endpoint,
        "model": data.get("model"),
        "mode": detect_mode(data),
        "temperature": data.get("temperature"),
        "messages": len(messages),
        "roles": [m.get("role") for m in messages if isinstance(m, dict)],
        "messages_sha256": _sha(canonical_json(messages)),
        "schema_sha256": _sha(canonical_json(schema)) if schema is not None else None,
    }


def wrap_json_strings(body: Any) -> Any:
    """Parse the model's JSON-in-a-string fields into ``{"$json": value}`` for readability."""
    if not isinstance(body, dict):
        return body
    for choice in body.get("choices") or []:
        message = choice.get("message") if isinstance(choice, dict) else None
        if not isinstance(message, dict):
            continue
        for call in message.get("tool_calls") or []:
            function = call.get("function") if isinstance(call, dict) else None
            if isinstance(function, dict):
                function["arguments"] = _parsed(function.get("arguments"))
        message["content"] = _parsed(message.get("content"))
    return body


def _parsed(text: Any) -> Any:
    if not isinstance(text, str) or not text.lstrip().startswith(("{", "[")):
        return text
    try:
        return {"$json": json.loads(text)}
    except json.JSONDecodeError:
        return text


def unwrap_json_strings(value: Any) -> Any:
    """Inverse of the readability wrapping: ``{"$json": v}`` becomes ``json.dumps(v)``."""
    if isinstance(value, dict):
        if set(value) == {"$json"}:
            return json.dumps(value["$json"], ensure_ascii=False)
        return {k: unwrap_json_strings(v) for k, v in value.items()}
    if isinstance(value, list):
        return [unwrap_json_strings(v) for v in value]
    return value
