"""Test doubles for code that calls summarize(): no network, the real openai + instructor path.

- ``FakeOpenAIServer``: an OpenAI-compatible server on 127.0.0.1 (works with the CLI too).
- ``fake_openai_client(responder)``: an ``openai.OpenAI`` whose HTTP goes to ``responder``
  in-process (no sockets), for fast unit tests.
- ``scripted``, ``flaky``, ``reply_for``, ``error_reply``: decide what the fake model answers.
"""

from __future__ import annotations

from .responses import Reply, Responder, detect_mode, error_reply, flaky, reply_for, scripted
from .server import FakeOpenAIServer, SeenRequest
from .transport import fake_openai_client

__all__ = [
    "FakeOpenAIServer",
    "Reply",
    "Responder",
    "SeenRequest",
    "detect_mode",
    "error_reply",
    "fake_openai_client",
    "flaky",
    "reply_for",
    "scripted",
]
