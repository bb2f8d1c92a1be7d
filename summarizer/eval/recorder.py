"""Record and replay model responses at the HTTP layer, keyed by the whole request.

vcrpy-style cassettes match on method and URL, so after a prompt edit they happily replay the
answer to the *old* prompt. Here the key is the sha256 of the request body in canonical JSON
(model, rendered messages, tool or response_format schema, temperature, everything the SDK
sends) plus the endpoint: a changed prompt, schema or setting is a miss, never a stale hit.

Layout: ``<recordings>/<case-id>/<key>.json``, one readable JSON file per distinct request::

    {"recording": 1, "case": "...", "key": "<sha256>",
     "request": {"endpoint": "POST /chat/completions", "model": ..., "mode": ..., ...hashes},
     "responses": [{"status": 200, "latency_s": 0.41, "body": {...}}]}

``responses[k]`` answers repeat ``k`` (``--repeat``). Only the response *body* is stored, never
a request or response header, so no credential can end up in a fixture; request content is kept
only as hashes. JSON that the model returned as a string (tool-call arguments, message content)
is stored parsed under ``{"$json": ...}`` so a reviewer can read it, and is re-serialised on the
way back. In record mode the client receives that same re-serialised body, so a later replay
sees byte-for-byte what the recording run saw (re-ask requests, which quote the previous
answer, hash identically). Only 2xx responses are recorded: transient failures are the retry
layer's business, not the prompt's.
"""

from __future__ import annotations

import json
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from ..errors import ConfigurationError
from .keys import endpoint_of, request_key, request_summary, unwrap_json_strings, wrap_json_strings

if TYPE_CHECKING:
    import httpx2

RunMode = Literal["replay", "record", "live"]
RUN_MODES: tuple[RunMode, ...] = ("replay", "record", "live")
FORMAT = 1


class ReplayMissError(ConfigurationError):
    """A replayed request has no recording: the prompt, schema or settings changed."""

    def __init__(self, message: str, *, case: str, key: str) -> None:
        super().__init__(message)
        self.case = case
        self.key = key


class RecordingStore:
    """The recordings directory, with the files written and read during one eval run."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.used: set[Path] = set()
        self._written: dict[Path, dict[str, Any]] = {}

    def path_for(self, case: str, key: str) -> Path:
        return self.root / case / f"{key}.json"

    def load(self, path: Path) -> dict[str, Any] | None:
        if path in self._written:
            return self._written[path]
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return None
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise ConfigurationError(
                f"recording {path} is unreadable ({exc.__class__.__name__}): delete it and "
                "re-record with --mode record"
            ) from None
        if not isinstance(data, dict) or not isinstance(data.get("responses"), list):
            raise ConfigurationError(f"recording {path} has no responses list: re-record it")
        return data

    def save(self, case: str, key: str, summary: dict[str, Any], sample: int, entry: Any) -> None:
        """Store ``entry`` as response ``sample``; the first write in a run replaces the file."""
        path = self.path_for(case, key)
        data = self._written.get(path)
        if data is None:
            data = {"recording": FORMAT, "case": case, "key": key, "request": summary}
            data["responses"] = []
            self._written[path] = data
        responses: list[Any] = data["responses"]
        while len(responses) <= sample:
            responses.append(None)
        responses[sample] = entry
        path.parent.mkdir(parents=True, exist_ok=True)
        text = json.dumps(data, indent=2, ensure_ascii=False, sort_keys=False)
        path.write_text(text + "\n", encoding="utf-8")
        self.used.add(path)

    def stale(self, case_ids: list[str], *, all_cases: bool) -> list[Path]:
        """Recordings this run did not use, in the cases run (and unknown case dirs if all)."""
        if not self.root.is_dir():
            return []
        dirs = [self.root / c for c in case_ids]
        if all_cases:
            dirs += [d for d in self.root.iterdir() if d.is_dir() and d.name not in case_ids]
        files = [f for d in dirs if d.is_dir() for f in sorted(d.glob("*.json"))]
        return [f for f in files if f not in self.used]


@dataclass
class Recorder:
    """Decides, for one case and one repeat, where each request's answer comes from."""

    store: RecordingStore
    case: str
    mode: RunMode
    sample: int = 0
    latency_s: float = 0.0
    requests: int = 0
    misses: list[str] = field(default_factory=list)
    _last: float = field(default=0.0, repr=False)

    def replay(self, endpoint: str, body: bytes) -> tuple[int, bytes]:
        key = request_key(endpoint, body)
        path = self.store.path_for(self.case, key)
        data = self.store.load(path)
        if data is None or not data["responses"]:
            self.misses.append(key)
            raise ReplayMissError(
                f"no recording for case {self.case} (request {key[:12]}): the prompt, schema or "
                "settings changed; re-record with: summarizer eval --mode record --case "
                f"{self.case}",
                case=self.case,
                key=key,
            )
        responses = [r for r in data["responses"] if r is not None]
        entry = responses[self.sample % len(responses)]
        self.store.used.add(path)
        return self._serve(entry)

    def record(self, endpoint: str, body: bytes, status: int, content: bytes) -> tuple[int, bytes]:
        """Store a fresh 2xx answer (record mode) and return what a replay will return."""
        if self.mode != "record" or not 200 <= status < 300:
            return status, content
        key = request_key(endpoint, body)
        try:
            parsed: Any = json.loads(content)
        except (json.JSONDecodeError, UnicodeDecodeError):
            parsed = content.decode("utf-8", errors="replace")
        entry = {"status": status, "latency_s": round(self._last, 3)}
        entry["body"] = wrap_json_strings(parsed)
        self.store.save(self.case, key, request_summary(endpoint, body), self.sample, entry)
        return self._serve(entry, count_latency=False)

    def _serve(self, entry: dict[str, Any], *, count_latency: bool = True) -> tuple[int, bytes]:
        self.requests += 1
        if count_latency:
            self.latency_s += float(entry.get("latency_s") or 0.0)
        body = unwrap_json_strings(entry.get("body"))
        raw = body if isinstance(body, str) else json.dumps(body, ensure_ascii=False)
        return int(entry.get("status", 200)), raw.encode("utf-8")

    def timed(self, seconds: float) -> None:
        """Account the wall time of one forwarded request."""
        self._last = seconds
        self.latency_s += seconds


def recording_transport(recorder: Recorder, inner: httpx2.BaseTransport | None = None) -> Any:
    """An ``httpx2.BaseTransport`` that replays, records or passes through for ``recorder``.

    ``inner`` carries real requests in record and live modes (default: ``httpx2.HTTPTransport``);
    replay never touches it. httpx2 is imported here, not at module import.
    """
    import httpx2

    class RecordingTransport(httpx2.BaseTransport):
        def __init__(self) -> None:
            self.inner = inner
            if self.inner is None and recorder.mode != "replay":
                self.inner = httpx2.HTTPTransport()

        def handle_request(self, request: httpx2.Request) -> httpx2.Response:
            body = request.read()
            endpoint = endpoint_of(request.method, request.url.path)
            if recorder.mode == "replay":
                status, content = recorder.replay(endpoint, body)
                return self._response(status, content, request)
            assert self.inner is not None
            started = time.perf_counter()
            response = self.inner.handle_request(request)
            content = response.read()
            recorder.timed(time.perf_counter() - started)
            if recorder.mode == "live":
                recorder.requests += 1
                return self._response(response.status_code, content, request, response)
            status, served = recorder.record(endpoint, body, response.status_code, content)
            if not 200 <= status < 300:
                recorder.requests += 1
                return self._response(status, content, request, response)
            return self._response(status, served, request)

        @staticmethod
        def _response(
            status: int,
            content: bytes,
            request: httpx2.Request,
            original: httpx2.Response | None = None,
        ) -> httpx2.Response:
            headers = {"content-type": "application/json"}
            if original is not None:  # pass through what retries need; never stored
                headers.update({k: v for k, v in original.headers.items() if "retry" in k.lower()})
            return httpx2.Response(status, content=content, headers=headers, request=request)

        def close(self) -> None:
            if self.inner is not None:
                self.inner.close()

    return RecordingTransport()
