"""Quality of the offline rules engine against the gold cases, per field.

Runs ``summarizer.rules.extract`` on every case article and scores it with
``summarizer.eval.score.score_case``. Every case now counts as tuned: the first three were tuned
from the start, the last two were held out once (blind run: actors 0.83, everything else 0.00)
and have been looked at since. Scores are micro-averaged (matches, predictions and gold items
are summed before P/R/F1 are computed) over each group and over all five cases, and checked
against the goals below.

    .venv/bin/python bench/rules_quality.py [--group first|second|all] [--verbose]
"""

from __future__ import annotations

import argparse

from summarizer.eval.cases import load_cases
from summarizer.eval.score import FIELDS, CaseScore, score_case
from summarizer.rules import extract

FIRST = (
    "2025-09-03-putin-china-press",
    "01-voa-iran-nuclear-talks-no-deal",
    "07-wh-mitchell-briefing-trilateral-meeting",
)
SECOND = (  # held out until the blind run; tuned on since
    "03-state-blinken-safadi-readout-hamas-proposal",
    "05-wh-biden-rail-strike-statement",
)
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


def report(group: str, ids: tuple[str, ...], verbose: bool) -> Totals:
    """Score the cases ``ids``, print them, and return their summed counts per field."""
    cases = load_cases(only=list(ids))
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
    parser.add_argument("--group", choices=("first", "second", "all"), default="all")
    parser.add_argument("--verbose", "-v", action="store_true", help="per-case rows too")
    args = parser.parse_args()
    parts: list[Totals] = []
    if args.group in ("first", "all"):
        parts.append(report("first three (tuned)", FIRST, args.verbose))
    if args.group in ("second", "all"):
        parts.append(report("last two (held out once, tuned since)", SECOND, args.verbose))
    if len(parts) > 1:
        print("== all five cases: micro-average ==")
        for name in FIELDS:
            print(_row(name, *(sum(p[name][i] for p in parts) for i in range(3))))


if __name__ == "__main__":
    main()
