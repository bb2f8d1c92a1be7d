"""Quality of the offline rules engine against the gold cases, per field.

Runs ``summarizer.rules.extract`` on every case article and scores it with
``summarizer.eval.score.score_case``. Scores are micro-averaged (matches, predictions and gold
items are summed before P/R/F1 are computed) per group, and checked against the goals below.

Groups, and what they can and cannot show:

- ``fixtures``: the five cases of ``fixtures/cases``. All five have been used to tune the engine
  (the last two were held out once; blind run: actors 0.83, everything else 0.00).
- ``heldout``: ``fixtures/heldout`` (h1-h6), ``heldout2`` (h7-h12), ``heldout3`` (h13-h18) and
  ``heldout4`` (h19-h24).
  Their gold was written by someone who never saw the engine's output; each set was run blind
  once (the numbers are in the commit that added it) and has been tuned on since.
- ``unseen``: ``fixtures/heldout5`` (h25-h30), gold written the same way and never used to
  tune: the only honest estimate of quality on new articles. Looking at its per-case rows
  (``--verbose``) while changing rules spends it.

    .venv/bin/python bench/rules_quality.py [--group fixtures|tuned|unseen|all] [--verbose]
"""

from __future__ import annotations

import argparse
from pathlib import Path

from summarizer.eval.cases import load_cases
from summarizer.eval.score import FIELDS, CaseScore, score_case
from summarizer.rules import extract

ROOT = Path(__file__).resolve().parents[1] / "fixtures"
GROUPS: dict[str, tuple[str, tuple[Path, ...]]] = {
    "fixtures": ("five fixture cases (all tuned)", (ROOT / "cases",)),
    "heldout": (
        "held-out h1-h24 (blind once, tuned since)",
        tuple(ROOT / name / "cases" for name in ("heldout", "heldout2", "heldout3", "heldout4")),
    ),
    "unseen": ("held-out h25-h30 (never tuned on)", (ROOT / "heldout5" / "cases",)),
}
GOALS = {"actors": 0.8, "positions": 0.6, "conditions": 0.5, "proposals": 0.5}
"""Least F1 per field, on the micro-average over all cases and ideally on each case."""

Totals = dict[str, list[int]]


def _prf(tp: int, predicted: int, gold: int) -> tuple[float, float, float]:
    p = tp / predicted if predicted else (1.0 if not gold else 0.0)
    r = tp / gold if gold else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def _row(label: str, tp: int, predicted: int, gold: int) -> str:
    p, r, f = _prf(tp, predicted, gold)
    mark = "" if label not in GOALS or f >= GOALS[label] else f"   < goal {GOALS[label]:.2f}"
    return (
        f"  {label:<16} P={p:.2f} R={r:.2f} F1={f:.2f}   (tp={tp} pred={predicted} gold={gold})"
        f"{mark}"
    )


def report(group: str, roots: tuple[Path, ...], verbose: bool) -> Totals:
    """Score every case under ``roots``, print them, and return their summed counts per field."""
    cases = [case for root in roots if root.is_dir() for case in load_cases(root)]
    totals: Totals = {f: [0, 0, 0] for f in FIELDS}
    print(f"== {group} ({len(cases)} cases) ==")
    for case in cases:
        out = extract(case.article)
        score: CaseScore = score_case(out.briefing, case.gold, case.article)
        print(f"- {case.id}  grounding={score.grounding_rate:.2f}")
        for name in FIELDS:
            fs = score.fields[name]
            totals[name][0] += fs.tp
            totals[name][1] += fs.predicted
            totals[name][2] += fs.gold
            if verbose:
                print(_row(name, fs.tp, fs.predicted, fs.gold))
        for name, (agree, compared) in score.attributes.items():
            if verbose and compared:
                print(f"  {name:<30} {agree}/{compared}")
        if verbose and out.notes:
            print("  notes:", "; ".join(out.notes))
    print(f"-- {group}: micro-average over cases")
    for name in FIELDS:
        print(_row(name, *totals[name]))
    return totals


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--group", choices=(*GROUPS, "all"), default="all")
    parser.add_argument("--verbose", "-v", action="store_true", help="per-case rows too")
    args = parser.parse_args()
    names = list(GROUPS) if args.group == "all" else [args.group]
    for name in names:
        label, roots = GROUPS[name]
        report(label, roots, args.verbose)


if __name__ == "__main__":
    main()
