"""Fixtures for the renderer tests: hand-built briefings of every fixture article (briefings.py)."""

from __future__ import annotations

import pytest

from summarizer.schema import Briefing

from . import briefings


@pytest.fixture
def putin() -> tuple[Briefing, str]:
    return briefings.putin()


@pytest.fixture
def huge() -> tuple[Briefing, str]:
    return briefings.huge()


@pytest.fixture
def hostile() -> tuple[Briefing, str]:
    return briefings.hostile()


@pytest.fixture(params=sorted(briefings.CASES))
def case(request: pytest.FixtureRequest) -> tuple[Briefing, str]:
    """Each fixture article's briefing, with the article its offsets refer to."""
    return briefings.CASES[request.param]()
