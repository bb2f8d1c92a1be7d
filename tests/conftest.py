"""Shared fixtures. No test reaches the network and no real credential is ever visible.

- every SUMMARIZER_*/OPENAI_* variable is removed, so an accidental real call fails fast;
- sockets may only connect to loopback addresses;
- ``fixtures/`` is at ``FIXTURES``; the canonical article and a good model payload are fixtures.
"""

from __future__ import annotations

import json
import os
import socket
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
CANONICAL = FIXTURES / "articles" / "2025-09-03-putin-china-press.txt"
_LOOPBACK = ("127.", "::1", "localhost")


@pytest.fixture(autouse=True)
def _no_credentials(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in list(os.environ):
        if name.startswith(("SUMMARIZER_", "OPENAI_", "AZURE_OPENAI")):
            monkeypatch.delenv(name)


@pytest.fixture(autouse=True)
def _loopback_only(monkeypatch: pytest.MonkeyPatch) -> None:
    real_connect = socket.socket.connect

    def guarded(self: socket.socket, address: Any) -> Any:
        host = address[0] if isinstance(address, tuple) else str(address)
        if self.family in (socket.AF_INET, socket.AF_INET6) and not str(host).startswith(_LOOPBACK):
            raise RuntimeError(f"test tried to reach the network: {host}")
        return real_connect(self, address)

    monkeypatch.setattr(socket.socket, "connect", guarded)


@pytest.fixture(scope="session")
def canonical_text() -> str:
    return CANONICAL.read_text(encoding="utf-8")


@pytest.fixture
def good_payload() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(
        (FIXTURES / "responses" / "canonical.briefing.json").read_text(encoding="utf-8")
    )
    return data
