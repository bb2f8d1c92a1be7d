"""Rules-engine speed of this checkout against a git revision, as a ratio measured in one run.

Timings on a shared 2-core machine swing by up to +-40% from minute to minute, so two numbers
taken at different times say little about a change. This script measures both versions in
the same run: the revision's ``summarizer/`` is exported to a temporary directory
(``git archive``), and child processes of each version alternate, each timing passes of
``extract`` over the fixture articles (CPU time, after one warm-up pass). It prints the median
CPU time per pass of each, their ratio, and the throughput of this checkout. With
``--callgrind`` (needs valgrind) it also counts the instructions of one pass of each: the
same on every run, so it decides changes of a few percent that timing cannot.

    .venv/bin/python bench/compare_rules.py [REV] [--rounds N] [--passes N] [--callgrind]

REV defaults to ``HEAD``. Prints numbers only; asserts nothing.
"""

from __future__ import annotations

import argparse
import re
import statistics
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ARTICLES = ROOT / "fixtures" / "articles"
# The child: times ``passes`` passes over the fixture articles with the package at argv[1].
CHILD = """
import sys, time
sys.path.insert(0, sys.argv[1])
from pathlib import Path
import summarizer.rules as rules
assert rules.__file__.startswith(sys.argv[1]), rules.__file__
texts = [p.read_text(encoding="utf-8") for p in sorted(Path(sys.argv[2]).glob("*.txt"))]
for text in texts:
    rules.extract(text)
passes = int(sys.argv[3])
start = time.process_time()
for _ in range(passes):
    for text in texts:
        rules.extract(text)
print((time.process_time() - start) / max(passes, 1), sum(map(len, texts)))
"""


def _export(rev: str, into: Path) -> Path:
    """``summarizer/`` of ``rev`` under ``into`` (via ``git archive``)."""
    archive = into / "rev.tar"
    with archive.open("wb") as out:
        subprocess.run(["git", "-C", str(ROOT), "archive", rev, "summarizer"], stdout=out,
                       check=True)  # fmt: skip
    with tarfile.open(archive) as tar:
        tar.extractall(into, filter="data")
    return into


def _time(root: Path, passes: int) -> tuple[float, int]:
    out = subprocess.run(
        [sys.executable, "-c", CHILD, str(root), str(ARTICLES), str(passes)],
        capture_output=True, text=True, check=True,
    ).stdout.split()  # fmt: skip
    return float(out[0]), int(out[1])


def _instructions(root: Path, passes: int) -> int:
    """Instructions of ``passes`` passes: a run with them minus a run without (imports)."""

    def collected(n: int) -> int:
        run = subprocess.run(
            ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", sys.executable,
             "-c", CHILD, str(root), str(ARTICLES), str(n)],
            capture_output=True, text=True, check=True,
        )  # fmt: skip
        found = re.search(r"Collected : (\d+)", run.stderr)
        if found is None:
            raise SystemExit("valgrind printed no instruction count")
        return int(found.group(1))

    return (collected(passes) - collected(0)) // passes


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("rev", nargs="?", default="HEAD", help="git revision to compare with")
    parser.add_argument("--rounds", type=int, default=7, help="alternating runs of each")
    parser.add_argument("--passes", type=int, default=20, help="passes per run")
    parser.add_argument("--callgrind", action="store_true", help="also count instructions")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        base = _export(args.rev, Path(tmp))
        here: list[float] = []
        there: list[float] = []
        chars = 0
        for _ in range(args.rounds):  # alternate, so both see the same machine load
            cpu, chars = _time(ROOT, args.passes)
            here.append(cpu)
            there.append(_time(base, args.passes)[0])
        now, then = statistics.median(here), statistics.median(there)
        print(f"fixture articles: {chars} chars per pass, {args.rounds} alternating runs of "
              f"{args.passes} passes each (CPU time, median)")  # fmt: skip
        print(f"  {args.rev:<12} {then * 1e3:8.2f} ms/pass  {chars / then / 1e6:5.2f} MB/s")
        print(f"  {'this tree':<12} {now * 1e3:8.2f} ms/pass  {chars / now / 1e6:5.2f} MB/s")
        print(f"  time ratio this/{args.rev}: {now / then:.3f} (below 1: faster)")
        if args.callgrind:
            a, b = _instructions(ROOT, 3), _instructions(base, 3)
            print(f"  instructions per pass: {args.rev} {b:,}  this tree {a:,}  "
                  f"ratio {a / b:.3f}")  # fmt: skip


if __name__ == "__main__":
    main()
