"""The article sets the rules-engine benchmarks time, read once from ``fixtures/``.

``fixtures``: the five fixture articles (24,885 characters; one 17k press-briefing transcript
dominates them). ``real``: those plus every held-out article, 35 in all (136,556 characters,
mostly 1-8k news and readouts), the set whose throughput a user running a folder of news sees.
"""

from __future__ import annotations

from pathlib import Path

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
SETS = ("fixtures", "real")


def article_paths(which: str) -> list[Path]:
    """The files of the set ``which`` (one of ``SETS``), fixtures first, each part sorted."""
    if which not in SETS:
        raise ValueError(f"unknown article set {which!r}: use one of {', '.join(SETS)}")
    paths = sorted((FIXTURES / "articles").glob("*.txt"))
    if which == "real":
        paths += sorted(FIXTURES.glob("heldout*/articles/*.txt"))
    return paths


def read_articles(which: str) -> list[str]:
    """The texts of the set ``which``, in ``article_paths`` order."""
    return [p.read_text(encoding="utf-8") for p in article_paths(which)]
