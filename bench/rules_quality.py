"""Quality of the offline rules engine against the gold cases, per field.

Runs ``summarizer.rules.extract`` on every case article and scores it with
``summarizer.eval.score.score_case``. Cases the rules were tuned on and held-out cases are
reported separately (micro-averaged over each group: matches, predictions and gold items are
summed before P/R/F1 are computed), so the held-out numbers show how far the rules generalise.

    .venv/bin/python bench/rules_quality.py [--group tuned|held-out|all] [--verbose]
"""

from __future__ import annotations

import argparse

from summarizer.eval.cases import load_cases
from summarizer.eval.score import FIELDS, CaseScore, score_case
from summarizer.rules import extract

TUNED = (
    "2025-09-03-putin-china-press",
    "01-voa-iran-nuclear-talks-no-deal",
    "07-wh-mitchell-briefing-trilateral-meeting",
)
HELD_OUT = (
    "03-state-blinken-safadi-readout-hamas-proposal",
    "05-wh-biden-rail-strike-statement",
)


def _prf(tp: int, predicted: int, gold: int) -> tuple[float, float, float]:
    p = tp / predicted if predicted else (1.0 if not gold else 0.0)
    r = tp / gold if gold else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def _row(label: str, tp: int, predicted: int, gold: int) -> str:
    p, r, f = _prf(tp, predicted, gold)
    return f"  {label:<16} P={p:.2f} R={r:.2f} F1={f:.2f}   (tp={tp} pred={predicted} gold={gold})"


def report(group: str, ids: tuple[str, ...], verbose: bool) -> None:
    cases = load_cases(only=list(ids))
    totals: dict[str, list[int]] = {f: [0, 0, 0] for f in FIELDS}
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--group", choices=("tuned", "held-out", "all"), default="all")
    parser.add_argument("--verbose", "-v", action="store_true", help="per-case rows too")
    args = parser.parse_args()
    if args.group in ("tuned", "all"):
        report("tuned", TUNED, args.verbose)
    if args.group in ("held-out", "all"):
        report("held-out", HELD_OUT, args.verbose)


if __name__ == "__main__":
    main()
