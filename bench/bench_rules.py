"""Throughput of the offline rules engine, in characters per second, and how it scales.

Times ``summarizer.rules.extract`` (median of 5 runs) on each fixture article, on a batch of
every real article the project holds (the fixtures and the held-out articles, one call each: the
throughput a user running a folder of news would see), and on synthetic inputs of about 10k,
100k and 1M characters made by concatenating the fixture articles. Both
wall-clock and CPU time (``time.process_time``) are reported: on a shared 2-core machine other
processes inflate wall-clock time, and CPU time shows what the engine itself costs. A short
article takes a few milliseconds, so one run of it is ``--repeat`` calls (timer noise), and a
"cold" column times one call after ``clear_caches()`` (the name caches a long-running process
keeps warm). The growth column is CPU time relative to the 10k input divided by size relative
to it: 1.0 means linear, above 1 means worse than linear. No assertions: this reports, CI does
not gate on it. The "best" column is the least CPU time of the runs: this machine has slow
phases (the same code takes half as long again a minute later), and the best run shows what it
does in a quiet one; ``compare_rules.py`` measures changes as ratios for the same reason.

    .venv/bin/python bench/bench_rules.py [--runs N] [--repeat N]
"""

from __future__ import annotations

import argparse
import platform
import statistics
import sys
import time

from articles import article_paths, read_articles

from summarizer.rules import BUILD, clear_caches, extract

SIZES = (10_000, 100_000, 1_000_000)
HEADER = f"{'chars':>9} {'wall s':>8} {'wall chars/s':>13} {'cpu s':>8} {'cpu chars/s':>12}"


def _medians(text: str, runs: int, repeat: int = 1) -> tuple[float, float, float]:
    """Median wall-clock and CPU seconds, and the least CPU seconds, of one ``extract(text)``
    over ``runs`` runs of ``repeat`` calls each."""
    wall: list[float] = []
    cpu: list[float] = []
    for _ in range(runs):
        w, c = time.perf_counter(), time.process_time()
        for _ in range(repeat):
            extract(text)
        wall.append((time.perf_counter() - w) / repeat)
        cpu.append((time.process_time() - c) / repeat)
    return statistics.median(wall), statistics.median(cpu), min(cpu)


def _cold(text: str, runs: int) -> float:
    """Median CPU seconds of one ``extract(text)`` right after the caches are emptied."""
    cpu: list[float] = []
    for _ in range(runs):
        clear_caches()
        c = time.process_time()
        extract(text)
        cpu.append(time.process_time() - c)
    return statistics.median(cpu)


def _row(label: str, size: int, wall: float, cpu: float) -> str:
    cpu_rate = size / cpu if cpu > 0 else float("inf")
    return (
        f"{label:<50} {size:>9} {wall:>8.4f} {size / wall:>13,.0f} {cpu:>8.4f} {cpu_rate:>12,.0f}"
    )


def _synthetic(corpus: str, size: int) -> str:
    repeated = (corpus + "\n\n") * (size // (len(corpus) + 2) + 1)
    return repeated[:size]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="runs per input (median is kept)")
    parser.add_argument(
        "--repeat", type=int, default=20, help="calls per run for articles under 20k chars"
    )
    args = parser.parse_args()
    texts = {p.name: p.read_text(encoding="utf-8") for p in article_paths("fixtures")}
    extract(next(iter(texts.values())))  # warm-up: regex compilation, imports
    # The interpreter's build moves these numbers by a fifth, the engine's build by more
    # (README, speed): say which ran.
    print(f"Python {platform.python_version()} ({sys.executable}), rules engine {BUILD}\n")
    print(f"{'fixture article':<50} {HEADER} {'cold cpu chars/s':>17} {'best cpu chars/s':>17}")
    total_chars, total_cpu, total_best = 0, 0.0, 0.0
    for name, text in texts.items():
        repeat = args.repeat if len(text) < 20_000 else 1
        wall, cpu, best = _medians(text, args.runs, repeat)
        cold = _cold(text, args.runs)
        total_chars, total_cpu = total_chars + len(text), total_cpu + cpu
        total_best += best
        print(f"{_row(name, len(text), wall, cpu)} {len(text) / cold:>17,.0f} "
              f"{len(text) / best:>17,.0f}")  # fmt: skip
    print(f"{'all fixtures (chars / summed cpu time)':<50} {total_chars:>9} {'':>8} {'':>13} "
          f"{total_cpu:>8.4f} {total_chars / total_cpu:>12,.0f} {'':>17} "
          f"{total_chars / total_best:>17,.0f}")  # fmt: skip
    batch = read_articles("real")
    size, cpu_runs = sum(map(len, batch)), []
    for _ in range(args.runs):
        c = time.process_time()
        for text in batch:
            extract(text)
        cpu_runs.append(time.process_time() - c)
    median = statistics.median(cpu_runs)
    print(f"{f'all {len(batch)} real articles (fixtures, held-out)':<50} {size:>9} {'':>8} "
          f"{'':>13} {median:>8.4f} {size / median:>12,.0f} {'':>17} "
          f"{size / min(cpu_runs):>17,.0f}")  # fmt: skip
    corpus = "\n\n".join(texts.values())
    base: tuple[int, float] | None = None
    print(f"\n{'synthetic (fixtures concatenated)':<50} {HEADER} {'growth':>7}")
    for size in SIZES:
        text = _synthetic(corpus, size)
        wall, cpu, _ = _medians(text, args.runs)
        base = base or (len(text), cpu)
        growth = (cpu / base[1]) / (len(text) / base[0]) if base[1] > 0 else float("nan")
        print(f"{_row(f'{size:,} chars', len(text), wall, cpu)} {growth:>7.2f}")


if __name__ == "__main__":
    main()
