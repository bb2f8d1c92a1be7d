"""No credential may ever sit in a fixture: scan every file under fixtures/."""

from __future__ import annotations

import re

from .conftest import REPO

PATTERNS = [
    re.compile(r"\bsk-[A-Za-z0-9_\-]{6,}"),
    re.compile(r"Authorization"),
    re.compile(r"\bBearer\b"),
    re.compile(r"api[_-]?key", re.IGNORECASE),
]


def test_no_credentials_in_fixtures() -> None:
    files = [p for p in (REPO / "fixtures").rglob("*") if p.is_file()]
    assert any("recordings" in p.parts for p in files)
    found = [
        f"{path.relative_to(REPO)}: {pattern.pattern}"
        for path in files
        for pattern in PATTERNS
        if pattern.search(path.read_text(encoding="utf-8", errors="replace"))
    ]
    assert found == []


def test_the_scan_would_catch_a_key() -> None:
    sample = '{"headers": {"Authorization": "Bearer sk-abcdefgh123456"}, "api_key": "x"}'
    assert all(p.search(sample) for p in PATTERNS)
