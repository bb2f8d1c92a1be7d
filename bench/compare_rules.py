"""Rules-engine speed of this checkout against a git revision, as a ratio measured in one run.

Timings on this shared 2-core machine swing by up to +-40% from minute to minute (the same code
runs a pass over the fixtures in 25 ms and, a minute later, in 40 ms), so two numbers taken at
different times say little about a change. This script measures both versions in one process,
interleaved: the revision's ``summarizer/`` is exported (``git archive``) to a temporary
directory as a package named ``summarizer_rev`` (the package imports itself only relatively),
and passes of ``extract`` over the fixture articles alternate between the two versions, so
both see the same machine. It prints the median and best CPU time per pass of each, their
ratio, and the throughput. ``--set real`` passes over all 35 real articles (the fixtures and
the held-out articles, see ``articles.py``) instead of the five fixtures. With ``--callgrind``
(needs valgrind) it also counts the instructions of a pass of each, in child processes with
``PYTHONHASHSEED`` fixed (set order otherwise moves the count by about 1%): the same on every
run, so it decides changes of a few percent that timing cannot (instructions in ``re``'s
scanning loops are cheaper than the interpreter's, so the time ratio is the one that counts
for speed).

    .venv/bin/python bench/compare_rules.py [REV] [--set fixtures|real] [--passes N] [--callgrind]

REV defaults to ``HEAD``. Prints numbers only; asserts nothing.
"""

from __future__ import annotations

import argparse
import importlib
import os
import re
import shutil
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path
from types import ModuleType

from articles import SETS, read_articles

ROOT = Path(__file__).resolve().parents[1]
REV_PACKAGE = "summarizer_rev"
# For --callgrind: ``passes`` passes over the article set argv[3] with the package at argv[1].
CHILD = """
import sys
sys.path.insert(0, sys.argv[1])
sys.path.insert(0, sys.argv[2])
import summarizer.rules as rules
from articles import read_articles
assert rules.__file__.startswith(sys.argv[1]), rules.__file__
texts = read_articles(sys.argv[3])
for text in texts:
    rules.extract(text)
for _ in range(int(sys.argv[4])):
    for text in texts:
        rules.extract(text)
"""


def export_rev(rev: str, into: Path) -> Path:
    """``summarizer/`` of ``rev`` extracted under ``into``; returns ``into``."""
    archive = into / "rev.tar"
    with archive.open("wb") as out:
        subprocess.run(["git", "-C", str(ROOT), "archive", rev, "summarizer"], stdout=out,
                       check=True)  # fmt: skip
    with tarfile.open(archive) as tar:
        tar.extractall(into, filter="data")
    return into


def load_rev(exported: Path) -> ModuleType:
    """The revision's rules engine, imported as ``summarizer_rev.rules`` beside this one's."""
    package = exported / REV_PACKAGE
    shutil.move(exported / "summarizer", package)
    absolute = re.compile(r"^\s*(?:from|import)\s+summarizer\b", re.M)
    for source in package.rglob("*.py"):
        if absolute.search(source.read_text(encoding="utf-8")):
            raise SystemExit(f"{source} imports summarizer by name: cannot load it side by side")
    sys.path.insert(0, str(exported))
    return importlib.import_module(f"{REV_PACKAGE}.rules")


def _interleaved(
    new: ModuleType, old: ModuleType, texts: list[str], passes: int
) -> tuple[list[float], list[float]]:
    """CPU seconds of each pass of each version, the two alternating (and swapping order)."""
    here: list[float] = []
    there: list[float] = []
    for text in texts:  # warm-up: regex compilation, caches
        new.extract(text)
        old.extract(text)
    for i in range(passes):
        order = ((new, here), (old, there)) if i % 2 else ((old, there), (new, here))
        for module, times in order:
            start = time.process_time()
            for text in texts:
                module.extract(text)
            times.append(time.process_time() - start)
    return here, there


def _instructions(root: Path, which: str, passes: int) -> int:
    """Instructions of ``passes`` passes: a run with them minus a run without (imports)."""
    env = {**os.environ, "PYTHONHASHSEED": "0"}

    def collected(n: int) -> int:
        run = subprocess.run(
            ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", sys.executable,
             "-c", CHILD, str(root), str(Path(__file__).parent), which, str(n)],
            capture_output=True, text=True, check=True, env=env,
        )  # fmt: skip
        found = re.search(r"Collected : (\d+)", run.stderr)
        if found is None:
            raise SystemExit("valgrind printed no instruction count")
        return int(found.group(1))

    return (collected(passes) - collected(0)) // passes


def engine_build(rules: ModuleType) -> str:
    """Which build of the engine ``rules`` runs (a revision from before the compiled build
    has only the pure one)."""
    return f"rules engine {getattr(rules, 'BUILD', 'pure Python')}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("rev", nargs="?", default="HEAD", help="git revision to compare with")
    parser.add_argument("--set", choices=SETS, default="fixtures", help="articles per pass")
    parser.add_argument("--passes", type=int, default=60, help="passes of each version")
    parser.add_argument("--callgrind", action="store_true", help="also count instructions")
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    new = importlib.import_module("summarizer.rules")
    texts = read_articles(args.set)
    chars = sum(map(len, texts))
    with tempfile.TemporaryDirectory() as tmp:
        old = load_rev(export_rev(args.rev, Path(tmp)))
        here, there = _interleaved(new, old, texts, args.passes)
        print(f"{args.set} articles ({len(texts)}): {chars} chars per pass, {args.passes} "
              "interleaved passes of each version (CPU time)")  # fmt: skip
        for label, rules in ((args.rev, old), ("this tree", new)):
            print(f"  {label:<12} {engine_build(rules)}")
        for label, times in ((args.rev, there), ("this tree", here)):
            median, best = statistics.median(times), min(times)
            rates = chars / median / 1e6, chars / best / 1e6
            print(f"  {label:<12} median {median * 1e3:7.2f} ms/pass {rates[0]:5.2f} MB/s   "
                  f"best {best * 1e3:7.2f} ms/pass {rates[1]:5.2f} MB/s")  # fmt: skip
        ratio = statistics.median(here) / statistics.median(there)
        print(f"  time ratio this/{args.rev} (medians): {ratio:.3f} (below 1: faster)")
        if args.callgrind:
            src = Path(tmp) / "src"  # a second export, under its own name for the child
            src.mkdir()
            passes = 3 if args.set == "fixtures" else 1
            a = _instructions(ROOT, args.set, passes)
            b = _instructions(export_rev(args.rev, src), args.set, passes)
            print(f"  instructions per pass: {args.rev} {b:,}  this tree {a:,}  "
                  f"ratio {a / b:.3f}")  # fmt: skip


if __name__ == "__main__":
    main()
