"""A small OpenAI-compatible server on 127.0.0.1 for tests, demos and benchmarks.

It answers ``POST /v1/chat/completions`` (and ``GET /v1/models``) by asking a ``Responder``
(see ``responses.py``) and can misbehave on purpose: reset the connection, cut a body short,
send malformed JSON. Requests are recorded without their ``Authorization`` header (only whether
one was sent), so nothing secret is kept.

    with FakeOpenAIServer(scripted([payload])) as server:
        summarize(text, settings=Settings(base_url=server.base_url, model="fake"))
"""

from __future__ import annotations

import dataclasses
import json
import socket
import struct
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from typing import Any

from .responses import Reply, Responder


@dataclasses.dataclass(frozen=True)
class SeenRequest:
    """One request as the server saw it (auth header reduced to a flag)."""

    path: str
    body: dict[str, Any]
    had_auth: bool


class FakeOpenAIServer:
    """Serve ``responder`` on an ephemeral loopback port until closed."""

    def __init__(
        self, responder: Responder, *, host: str = "127.0.0.1", port: int = 0, delay: float = 0.0
    ) -> None:
        self.responder = responder
        self.delay = delay  # seconds to "think" before each chat answer, like a real model
        self.requests: list[SeenRequest] = []
        self._lock = threading.Lock()
        self._httpd = ThreadingHTTPServer((host, port), _handler_for(self))
        self._httpd.daemon_threads = True
        self._thread = threading.Thread(target=self._httpd.serve_forever, daemon=True)

    @property
    def base_url(self) -> str:
        host, port = self._httpd.server_address[:2]
        return f"http://{host!s}:{port}/v1"

    def start(self) -> FakeOpenAIServer:
        self._thread.start()
        return self

    def close(self) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()

    def __enter__(self) -> FakeOpenAIServer:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def _record(self, seen: SeenRequest) -> None:
        with self._lock:
            self.requests.append(seen)


def _handler_for(server: FakeOpenAIServer) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, format: str, *args: Any) -> None:  # quiet: tests read stderr
            return

        def setup(self) -> None:
            super().setup()
            # Headers and body go out in separate writes; without NODELAY, Nagle plus delayed
            # ACK would add ~40 ms to every request and hide the client's real cost.
            self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

        def do_GET(self) -> None:
            if self.path.rstrip("/").endswith("/models"):
                self._send(
                    Reply(body={"object": "list", "data": [{"id": "fake", "object": "model"}]})
                )
            else:
                self._send(Reply(status=404, body={"error": {"message": "not found"}}))

        def do_POST(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            raw = self.rfile.read(length)
            try:
                body = json.loads(raw or b"{}")
            except json.JSONDecodeError:
                self._send(Reply(status=400, body={"error": {"message": "body is not JSON"}}))
                return
            server._record(
                SeenRequest(self.path, body, "authorization" in {k.lower() for k in self.headers})
            )
            if not self.path.rstrip("/").endswith("/chat/completions"):
                self._send(Reply(status=404, body={"error": {"message": f"no route {self.path}"}}))
                return
            if server.delay:
                time.sleep(server.delay)
            self._send(server.responder(body))

        def _send(self, reply: Reply) -> None:
            if reply.fault == "reset":
                # SO_LINGER 0: close with RST, as a crashed proxy would.
                self.connection.setsockopt(
                    socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0)
                )
                self.close_connection = True
                self.connection.close()
                return
            data = (reply.body if isinstance(reply.body, str) else json.dumps(reply.body)).encode()
            if reply.fault == "garbage":
                data = data[: max(1, len(data) // 2)]
            self.send_response(reply.status)
            self.send_header("Content-Type", "application/json")
            for key, value in reply.headers.items():
                self.send_header(key, value)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            if reply.fault == "truncate":
                self.wfile.write(data[: len(data) // 2])
                self.wfile.flush()
                self.close_connection = True
                self.connection.shutdown(socket.SHUT_RDWR)
                return
            self.wfile.write(data)

    return Handler
