"""Shared fixtures for the eval tests: the repository's real cases, loaded once."""

from __future__ import annotations

from pathlib import Path

import httpx2
import pytest

from summarizer.eval.cases import Case, load_cases

from .standin import gold_server

REPO = Path(__file__).resolve().parents[2]
CASES_DIR = REPO / "fixtures" / "cases"
CANONICAL = "2025-09-03-putin-china-press"


@pytest.fixture(scope="session")
def cases() -> list[Case]:
    return load_cases(CASES_DIR)


@pytest.fixture(scope="session")
def canonical(cases: list[Case]) -> Case:
    return next(c for c in cases if c.id == CANONICAL)


@pytest.fixture
def inner(monkeypatch: pytest.MonkeyPatch, cases: list[Case]) -> None:
    """Route record/live traffic to the in-process gold server instead of a socket."""
    transport = gold_server(cases, broken="03-state-blinken-safadi-readout-hamas-proposal")
    monkeypatch.setattr(httpx2, "HTTPTransport", lambda: transport)
