"""Eval reports: one JSON document, rendered as a rich table, Markdown and JUnit XML.

Everything is rendered from the JSON form (``report_data``), so a saved baseline, a fresh run
and a report loaded for ``--compare`` all print the same way. The JSON holds no timestamps and,
in replay, only recorded latencies, so re-running an unchanged replay rewrites identical files
and a committed baseline only changes when a score does. rich is imported only when printing.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Literal, TextIO

from .baseline import Comparison, item_label
from .runner import CaseResult, EvalRun
from .score import FIELDS

FORMAT = "summarizer-eval/1"
_SHORT = {"actors": "actors", "positions": "pos.", "conditions": "cond.", "proposals": "prop."}
_COLUMNS = [(f"{f}.f1", _SHORT.get(f, "open q.")) for f in FIELDS]
_COLUMNS += [
    ("overall.precision", "P"),
    ("overall.recall", "R"),
    ("overall.f1", "F1"),
    ("grounding", "ground."),
    ("schema_valid", "valid"),
]


def _r(value: float | None) -> float | None:
    return None if value is None else round(value, 4)


def _case_data(result: CaseResult) -> dict[str, Any]:
    spread = result.spread() if len(result.runs) > 1 else {}
    first = result.runs[0] if result.runs else None
    items: dict[str, Any] = {}
    if first is not None and first.briefing is not None:
        for name, fs in first.score.fields.items():
            items[name] = {
                "matched": len(fs.matches),
                "missed": [item_label(name, getattr(result.case.gold, name)[i]) for i in fs.missed],
                "extra": [item_label(name, getattr(first.briefing, name)[i]) for i in fs.extra],
            }
    return {
        "description": result.case.description,
        "missed": result.missed,
        "metrics": {k: _r(v) for k, v in result.metrics.items()},
        "spread": {k: [_r(x) for x in v] for k, v in spread.items()},
        "totals": {k: _r(v) for k, v in result.totals().items()},
        "thresholds": dict(result.case.thresholds),
        "failures": result.failures(),
        "errors": result.errors,
        "items": items,
        "briefing": (
            first.briefing.model_dump(mode="json", exclude={"meta", "grounding"})
            if first is not None and first.briefing is not None
            else None
        ),
    }


def report_data(run: EvalRun, *, root: Path | None = None) -> dict[str, Any]:
    """The whole run as JSON-ready data (also the baseline format)."""
    cases = {c.case.id: _case_data(c) for c in run.cases}
    totals: dict[str, float | None] = {}
    for key in ("prompt_tokens", "completion_tokens", "total_tokens", "requests", "latency_s"):
        totals[key] = _r(sum(float(c["totals"].get(key) or 0) for c in cases.values()))
    costs = [c["totals"].get("cost_usd") for c in cases.values() if c["totals"]]
    totals["cost_usd"] = None if not costs or None in costs else _r(sum(costs))
    stale = [
        str(p.relative_to(root)) if root and p.is_relative_to(root) else str(p) for p in run.stale
    ]
    return {
        "format": FORMAT,
        "mode": run.mode,
        "model": run.model,
        "llm_mode": run.llm_mode,
        "prompt_id": run.prompt_id,
        "prompt_hash": run.prompt_hash,
        "repeat": run.repeat,
        "note": run.note,
        "summary": {k: _r(v) for k, v in run.summary().items()},
        "totals": totals,
        "cases": cases,
        "stale_recordings": stale,
        "misses": run.misses,
    }


def case_status(case_id: str, entry: Mapping[str, Any], comparison: Comparison | None) -> str:
    """ok | miss | error | FAIL (thresholds) | regressed, for the table and JUnit."""
    if entry.get("missed"):
        return "miss"
    if entry.get("errors"):
        return "error"
    if entry.get("failures"):
        return "FAIL"
    if comparison is not None and case_id in comparison.regressed_cases():
        return "regressed"
    return "ok"


def _cell(entry: Mapping[str, Any], metric: str) -> str:
    value = entry.get("metrics", {}).get(metric)
    if value is None:
        return "-"
    spread = entry.get("spread", {}).get(metric)
    if spread and spread[2]:
        return f"{value:.2f}±{spread[2]:.2f}"
    return f"{value:.2f}"


def _numbers(totals: Mapping[str, Any]) -> list[str]:
    tokens = totals.get("total_tokens")
    cost = totals.get("cost_usd")
    latency = totals.get("latency_s")
    return [
        "-" if tokens is None else f"{tokens:,.0f}",
        "n/a" if cost is None else f"${cost:.4f}",
        "-" if latency is None else f"{latency:.2f}s",
    ]


def table_rows(data: Mapping[str, Any], comparison: Comparison | None) -> list[list[str]]:
    """Header plus one row per case plus the mean row; shared by rich and Markdown."""
    rows = [["case", *(label for _, label in _COLUMNS), "tokens", "cost", "latency", "status"]]
    for case_id, entry in data["cases"].items():
        cells = [_cell(entry, m) for m, _ in _COLUMNS]
        status = case_status(case_id, entry, comparison)
        rows.append([case_id, *cells, *_numbers(entry.get("totals", {})), status])
    mean = {"metrics": data.get("summary", {})}
    rows.append(["mean", *(_cell(mean, m) for m, _ in _COLUMNS), *_numbers(data["totals"]), ""])
    return rows


def _headline(data: Mapping[str, Any]) -> str:
    if data.get("prompt_id") is None:  # the rules engine: no model, no prompt
        return f"{len(data['cases'])} case(s), {data['mode']}, {data['model']}"
    return (
        f"{len(data['cases'])} case(s), {data['mode']}, model {data['model']} "
        f"({data['llm_mode']}), prompt {data['prompt_id']} {str(data['prompt_hash'])[:12]}, "
        f"repeat {data['repeat']}"
    )


def _comparison_lines(comparison: Comparison) -> list[str]:
    lines = [f"Compared with {comparison.before_label} (tolerance {comparison.tolerance:g}):"]
    for change in comparison.regressions:
        lines.append(
            f"  REGRESSION {change.case} {change.metric}: {change.before:.3f} -> "
            f"{change.after:.3f} ({change.delta:+.3f})"
        )
    if not comparison.regressions:
        lines.append("  no metric dropped beyond the tolerance")
    for case_id, fields in comparison.items.items():
        for name, diff in fields.items():
            lines += [f"  {case_id} {name}: + {label}" for label in diff.appeared]
            lines += [f"  {case_id} {name}: - {label}" for label in diff.disappeared]
    for case_id in comparison.only_before:
        lines.append(f"  {case_id}: only in {comparison.before_label}")
    return lines


def _footer(data: Mapping[str, Any], comparison: Comparison | None) -> list[str]:
    lines: list[str] = []
    for case_id, entry in data["cases"].items():
        lines += [f"{case_id}: threshold {f}" for f in entry.get("failures", [])]
        lines += [f"{case_id}: {e}" for e in entry.get("errors", [])]
    if comparison is not None:
        lines += _comparison_lines(comparison)
    stale = data.get("stale_recordings") or []
    if stale:
        lines.append(f"{len(stale)} stale recording(s) no case used (delete with --prune):")
        lines += [f"  {p}" for p in stale]
    if data.get("note"):
        lines.append(f"Note: {data['note']}")
    return lines


def print_report(
    data: Mapping[str, Any], comparison: Comparison | None, file: TextIO | None = None
) -> None:
    """The terminal table (rich), then failures, regressions, item changes and stale files."""
    from rich.console import Console
    from rich.table import Table

    console = Console(file=file, width=None if file is None else 200, highlight=False)
    if not console.is_terminal:
        console.width = max(console.width, 200)
    rows = table_rows(data, comparison)
    table = Table(title=_headline(data), title_justify="left")
    for i, header in enumerate(rows[0]):
        justify: Literal["left", "right"] = "left" if i in (0, len(rows[0]) - 1) else "right"
        table.add_column(header, justify=justify, no_wrap=i == 0)
    for row in rows[1:-1]:
        table.add_row(*row)
    table.add_section()
    table.add_row(*rows[-1], style="bold")
    console.print(table)
    for line in _footer(data, comparison):
        console.print(line, markup=False)


def to_markdown(data: Mapping[str, Any], comparison: Comparison | None) -> str:
    rows = table_rows(data, comparison)
    out = ["# Prompt evaluation", "", _headline(data), ""]
    out.append("| " + " | ".join(rows[0]) + " |")
    out.append("|" + "|".join("---" if i == 0 else "---:" for i in range(len(rows[0]))) + "|")
    out += ["| " + " | ".join(r) + " |" for r in rows[1:]]
    footer = _footer(data, comparison)
    if footer:
        out += ["", "```", *footer, "```"]
    out.append("")
    out.append("## Items missed and extra (first repeat)")
    for case_id, entry in data["cases"].items():
        for name, items in entry.get("items", {}).items():
            out += [f"- {case_id} {name}: missed {label}" for label in items.get("missed", [])]
            out += [f"- {case_id} {name}: extra {label}" for label in items.get("extra", [])]
    return "\n".join(out) + "\n"


def to_junit(data: Mapping[str, Any], comparison: Comparison | None) -> str:
    """One testcase per case; thresholds, regressions and misses fail, run errors error."""
    suite = ET.Element("testsuite", name="summarizer-eval", tests=str(len(data["cases"])))
    failures = errors = 0
    for case_id, entry in data["cases"].items():
        case = ET.SubElement(suite, "testcase", classname="summarizer.eval", name=case_id)
        case.set("time", f"{float(entry.get('totals', {}).get('latency_s') or 0):.3f}")
        status = case_status(case_id, entry, comparison)
        if status == "error":
            errors += 1
            ET.SubElement(case, "error", message="; ".join(entry["errors"])[:500])
        elif status != "ok":
            failures += 1
            reasons = list(entry.get("failures", []))
            if status == "miss":
                reasons.append("no recording: re-record with summarizer eval --mode record")
            if comparison is not None:
                reasons += [
                    f"{c.metric} {c.before:.3f} -> {c.after:.3f}"
                    for c in comparison.regressions
                    if c.case == case_id
                ]
            ET.SubElement(case, "failure", message="; ".join(reasons)[:500])
        metrics = entry.get("metrics", {})
        out = ET.SubElement(case, "system-out")
        out.text = "\n".join(f"{k}={v}" for k, v in metrics.items())
    suite.set("failures", str(failures))
    suite.set("errors", str(errors))
    return ET.tostring(suite, encoding="unicode", xml_declaration=True) + "\n"


def write_reports(
    data: Mapping[str, Any], comparison: Comparison | None, out_dir: Path, *, junit: Path | None
) -> list[Path]:
    """report.json, report.md and junit.xml (or ``junit``) under ``out_dir``."""
    from .baseline import save_report

    out_dir.mkdir(parents=True, exist_ok=True)
    paths = [out_dir / "report.json", out_dir / "report.md", junit or out_dir / "junit.xml"]
    save_report(paths[0], data)
    paths[1].write_text(to_markdown(data, comparison), encoding="utf-8")
    paths[2].parent.mkdir(parents=True, exist_ok=True)
    paths[2].write_text(to_junit(data, comparison), encoding="utf-8")
    return paths
