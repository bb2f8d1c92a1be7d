"""bench/bench_rules.py runs and prints every row it promises (it asserts nothing itself)."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_bench_rules_prints_a_positive_rate_for_every_input() -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "bench_rules.py"), "--runs", "1", "--repeat", "1"],
        capture_output=True, text=True, timeout=300, check=True,
    )  # fmt: skip
    rows = {
        label.strip(): rest
        for label, rest in re.findall(r"^(.{50}) +(\d[\d ,.]*)$", result.stdout, re.M)
    }
    fixtures = sorted(p.name for p in (ROOT / "fixtures" / "articles").glob("*.txt"))
    real = len(fixtures) + len(list(ROOT.glob("fixtures/heldout*/articles/*.txt")))
    expected = [
        *fixtures,
        "all fixtures (chars / summed cpu time)",
        f"all {real} real articles (fixtures, held-out)",
        "10,000 chars",
        "100,000 chars",
        "1,000,000 chars",
    ]
    assert list(rows) == expected
    for label, rest in rows.items():
        numbers = [float(n.replace(",", "")) for n in rest.split()]
        assert numbers[0] > 0 and all(n > 0 for n in numbers), (label, rest)
