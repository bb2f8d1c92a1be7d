"""Rules-engine throughput sampled over minutes, since this machine's speed comes in phases.

One run of ``bench_rules.py`` is a snapshot: on this shared 2-core machine the same code runs a
pass over the fixtures in 21 ms one minute and in 35 ms the next, whether or not anything else
is running. A throughput claim needs the spread over time. This script takes one sample every
``--every`` seconds for ``--minutes`` minutes; a sample is the median CPU time of ``--passes``
passes over an article set (``real`` by default: all 35 real articles, see ``articles.py``),
printed as MB/s with the 1-minute load average and the CPU time of a fixed pure-Python loop
that does not touch the engine (the reference: it shows the machine's phase). At the end it
prints, per version, the median of the samples, their 10th and 90th percentiles, the share of
samples at or above the 1 MB/s goal, and the medians of the half of the samples taken in the
fastest phases (by the reference) and of the other half. With ``REV``, every sample also
times that revision (loaded beside this tree as in ``compare_rules.py``), the two in
alternating order, so their ratio holds across phases. With ``--python EXE``, every sample also
times this tree run by another Python interpreter (a worker process that stays up between
samples; EXE needs the project's dependencies, e.g. a venv's ``bin/python``): the interpreter's
build matters here as much as a month of tuning (see the README's speed paragraph).

    .venv/bin/python bench/sample_rules.py [REV] [--python EXE] [--minutes M] [--every S]
        [--passes N] [--set fixtures|real]

Prints numbers only; asserts nothing.
"""

from __future__ import annotations

import argparse
import importlib
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

from articles import SETS, read_articles
from compare_rules import ROOT, engine_build, export_rev, load_rev

GOAL = 1_000_000  # characters per second (issue #6)


def _sample(module: ModuleType, texts: list[str], passes: int) -> float:
    """Characters per second of the median of ``passes`` passes over ``texts``, in CPU time."""
    times: list[float] = []
    for _ in range(passes):
        start = time.process_time()
        for text in texts:
            module.extract(text)
        times.append(time.process_time() - start)
    return sum(map(len, texts)) / statistics.median(times)


def _timer(module: ModuleType, texts: list[str], passes: int) -> Callable[[], float]:
    """``module`` warmed up (regex compilation, caches), as a function that takes a sample."""
    for text in texts:
        module.extract(text)
    return lambda: _sample(module, texts, passes)


class _Interpreter:
    """This tree run by another Python: a ``--worker`` process that times one sample per line
    it reads, so its imports and warm-up happen once."""

    def __init__(self, exe: str, which: str, passes: int) -> None:
        command = [exe, __file__, "--worker", "--set", which, "--passes", str(passes)]
        try:
            self.proc = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                         stderr=subprocess.PIPE, text=True)  # fmt: skip
        except OSError as exc:
            sys.exit(f"error: --python {exe}: {exc.strerror}; pass the path of a Python >= 3.11")
        assert self.proc.stdin is not None and self.proc.stdout is not None
        self.stdin, self.stdout = self.proc.stdin, self.proc.stdout
        ready = self.stdout.readline().split()
        if ready[:1] != ["ready"]:
            self.proc.kill()
            lines = (self.proc.stderr.read() if self.proc.stderr else "").strip().splitlines()
            why = lines[-1] if lines else "no output"
            sys.exit(f"error: --python {exe} cannot run the engine ({why}); give it the project's"
                     " dependencies: EXE -m venv V && V/bin/pip install -e ., then --python"
                     " V/bin/python")  # fmt: skip
        self.version, self.build = ready[1], " ".join(ready[2:])

    def sample(self) -> float:
        self.stdin.write("\n")
        self.stdin.flush()
        return float(self.stdout.readline())

    def close(self) -> None:
        self.stdin.close()
        self.proc.wait()


def _worker(which: str, passes: int) -> None:
    """The ``--worker`` side of ``_Interpreter``: a rate per line read, until end of input."""
    sys.path.insert(0, str(ROOT))
    rules = importlib.import_module("summarizer.rules")
    sample = _timer(rules, read_articles(which), passes)
    print("ready", platform.python_version(), engine_build(rules), flush=True)
    for _ in sys.stdin:
        print(sample(), flush=True)


def _reference() -> float:
    """CPU seconds of a fixed pure-Python loop, best of 3: how fast the machine is right now."""
    best = float("inf")
    for _ in range(3):
        start = time.process_time()
        total = 0
        for i in range(300_000):
            total += i * i % 7
        best = min(best, time.process_time() - start)
    return best


def _load() -> str:
    try:
        return Path("/proc/loadavg").read_text(encoding="ascii").split()[0]
    except OSError:  # not Linux: no load average to show
        return "?"


def _summary(label: str, rates: list[float]) -> str:
    median = statistics.median(rates)
    deciles = statistics.quantiles(rates, n=10, method="inclusive") if len(rates) > 1 else rates
    low, high = deciles[0], deciles[-1]
    share = sum(r >= GOAL for r in rates) / len(rates)
    return (
        f"  {label:<13} median {median / 1e6:5.2f} MB/s   10%-90% {low / 1e6:5.2f}-"
        f"{high / 1e6:5.2f}   samples >= 1 MB/s: {share:4.0%}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("rev", nargs="?", help="git revision to sample beside this tree")
    parser.add_argument("--python", metavar="EXE", help="also sample this tree run by EXE")
    parser.add_argument("--minutes", type=float, default=10.0, help="how long to sample")
    parser.add_argument("--every", type=float, default=30.0, help="seconds between samples")
    parser.add_argument("--passes", type=int, default=9, help="passes per sample (median)")
    parser.add_argument("--set", choices=SETS, default="real", help="articles per pass")
    parser.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        return _worker(args.set, args.passes)
    sys.path.insert(0, str(ROOT))
    texts = read_articles(args.set)
    rules = importlib.import_module("summarizer.rules")
    versions = [("this tree", _timer(rules, texts, args.passes))]
    python = f"Python {platform.python_version()} ({sys.executable})"
    print(f"this tree: {python}, {engine_build(rules)}")
    worker = _Interpreter(args.python, args.set, args.passes) if args.python else None
    if worker:  # labelled by its version, or by its path if that is the same
        label = f"Python {worker.version}"
        label = args.python if worker.version == platform.python_version() else label
        versions.append((label, worker.sample))
        print(f"{label}: {args.python}, {worker.build}")
    with tempfile.TemporaryDirectory() as tmp:
        if args.rev:
            rev = load_rev(export_rev(args.rev, Path(tmp)))
            versions.append((args.rev, _timer(rev, texts, args.passes)))
            print(f"{args.rev}: {engine_build(rev)}")
        rates = _run(versions, args.minutes, args.every, f"{args.set} articles ({len(texts)}, "
                     f"{sum(map(len, texts))} chars)")  # fmt: skip
    if worker:
        worker.close()
    for label, _ in versions[1:]:
        ratios = [a / b for a, b in zip(rates["this tree"], rates[label], strict=True)]
        print(f"  throughput ratio this/{label} per sample, median: "
              f"{statistics.median(ratios):.3f} (above 1: faster)")  # fmt: skip


def _run(
    versions: list[tuple[str, Callable[[], float]]], minutes: float, every: float, what: str
) -> dict[str, list[float]]:
    """Samples every version, in alternating order, every ``every`` s for ``minutes`` min;
    prints each sample and the summary; returns the rates by version."""
    rates: dict[str, list[float]] = {label: [] for label, _ in versions}
    reference: list[float] = []
    print(f"{what}; a sample every {every:g} s for {minutes:g} min, MB/s")
    deadline = time.monotonic() + minutes * 60
    while True:
        order = versions if len(reference) % 2 == 0 else versions[::-1]
        for label, sample in order:
            rates[label].append(sample())
        reference.append(_reference())
        cells = "  ".join(f"{label} {rates[label][-1] / 1e6:5.3f}" for label, _ in versions)
        print(f"{time.strftime('%H:%M:%S')}  {cells}  reference {reference[-1] * 1e3:5.1f} ms"
              f"  load {_load()}", flush=True)  # fmt: skip
        if time.monotonic() + every > deadline:
            break
        time.sleep(every)
    print(f"{len(reference)} samples:")
    for label, _ in versions:
        print(_summary(label, rates[label]))
    if len(reference) > 1:
        by_phase = sorted(range(len(reference)), key=reference.__getitem__)
        halves = by_phase[: len(by_phase) // 2], by_phase[len(by_phase) // 2 :]
        refs = [statistics.median(reference[k] for k in half) * 1e3 for half in halves]
        print(f"  by phase: fastest half of the samples (reference {refs[0]:.1f} ms) / slowest "
              f"half ({refs[1]:.1f} ms), median MB/s:")  # fmt: skip
        for label, _ in versions:
            fast, slow = (statistics.median(rates[label][k] for k in half) for half in halves)
            print(f"    {label:<13} {fast / 1e6:5.2f} / {slow / 1e6:5.2f}")
    return rates


if __name__ == "__main__":
    main()
