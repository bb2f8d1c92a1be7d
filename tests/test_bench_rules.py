"""bench/bench_rules.py runs and prints every row it promises (it asserts nothing itself)."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from summarizer import rules

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


def _bench(script: str, *args: str) -> str:
    return subprocess.run(
        [sys.executable, str(ROOT / "bench" / script), *args],
        capture_output=True, text=True, timeout=300, check=True, cwd=ROOT,
    ).stdout  # fmt: skip


def test_compare_rules_times_both_versions_on_the_real_articles() -> None:
    out = _bench("compare_rules.py", "HEAD", "--set", "real", "--passes", "2")
    real = 5 + len(list(ROOT.glob("fixtures/heldout*/articles/*.txt")))
    assert f"real articles ({real}):" in out
    rates = re.findall(r"^  (HEAD|this tree) +median .* ([\d.]+) MB/s$", out, re.M)
    assert [label for label, _ in rates] == ["HEAD", "this tree"]
    assert all(float(rate) > 0 for _, rate in rates)
    assert re.search(r"time ratio this/HEAD \(medians\): \d+\.\d{3}", out)
    # a revision is exported from git, so only its pure modules exist; this tree's build is named
    assert "\n  HEAD         rules engine pure Python\n" in out
    assert f"\n  this tree    rules engine {rules.BUILD}\n" in out


def test_sample_rules_summarises_every_version_it_sampled() -> None:
    out = _bench(
        "sample_rules.py", "HEAD", "--minutes", "0.02", "--every", "0", "--passes", "1",
        "--set", "fixtures",
    )  # fmt: skip
    samples = re.findall(
        r"^\d\d:\d\d:\d\d  this tree ([\d.]+)  HEAD ([\d.]+)  reference +([\d.]+) ms  load ",
        out,
        re.M,
    )
    assert len(samples) >= 2 and all(float(n) > 0 for sample in samples for n in sample)
    assert f"{len(samples)} samples:" in out
    summary = re.findall(r"^  (this tree|HEAD) +median +([\d.]+) MB/s   10%-90%", out, re.M)
    assert [label for label, _ in summary] == ["this tree", "HEAD"]
    by_phase = re.findall(r"^    (this tree|HEAD) +([\d.]+) / +([\d.]+)$", out, re.M)
    assert [label for label, *_ in by_phase] == ["this tree", "HEAD"]
    assert "throughput ratio this/HEAD per sample, median:" in out


def test_sample_rules_times_this_tree_under_another_python_too() -> None:
    out = _bench(
        "sample_rules.py", "--python", sys.executable, "--minutes", "0.01", "--every", "0",
        "--passes", "1", "--set", "fixtures",
    )  # fmt: skip
    label = re.escape(sys.executable)
    samples = re.findall(rf"^\d\d:\d\d:\d\d  this tree ([\d.]+)  {label} ([\d.]+)  ", out, re.M)
    assert samples and all(float(n) > 0 for sample in samples for n in sample)
    assert re.search(rf"^  {label} +median +[\d.]+ MB/s", out, re.M)
    assert re.search(rf"throughput ratio this/{label} per sample, median: \d+\.\d{{3}}", out)
    assert f"{sys.executable}, rules engine {rules.BUILD}\n" in out


def test_sample_rules_refuses_a_python_it_cannot_run_in_one_line() -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "sample_rules.py"), "--python", "/no/such/python"],
        capture_output=True, text=True, timeout=60, cwd=ROOT,
    )  # fmt: skip
    assert result.returncode == 1
    assert result.stderr == (
        "error: --python /no/such/python: No such file or directory; pass the path of a Python"
        " >= 3.11\n"
    )
