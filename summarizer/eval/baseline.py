"""Baselines: compare a run with a saved report, metric by metric and item by item.

A prompt change is acceptable when no metric drops by more than a tolerance, and reviewable
when the diff says which actors, positions, conditions, proposals and open questions appeared
or disappeared. Both comparisons work on report JSON (``report.report_data``), so a baseline is
simply a saved report, and ``--compare A B`` can diff two runs or two saved reports alike.
Item diffs reuse the scorer's matcher, with the earlier run playing the part of the gold.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import ConfigurationError
from ..schema import Briefing
from .cases import Case
from .score import FIELDS, item_actor, item_text, match_field

DEFAULT_TOLERANCE = 0.02
#: Metrics a drop in which is a regression (per-field precision/recall are reported, not gated:
#: a field's F1 already moves when either does).
GATED_SUFFIXES = (
    ".f1",
    "_accuracy",
    "overall.precision",
    "overall.recall",
    "grounding",
    "schema_valid",
)
ALL_CASES = "(all cases)"
_LABEL_CHARS = 100


@dataclass(frozen=True)
class Change:
    """One metric of one case (or of the mean over all cases) that moved."""

    case: str
    metric: str
    before: float
    after: float

    @property
    def delta(self) -> float:
        return self.after - self.before


@dataclass(frozen=True)
class ItemDiff:
    """Items of one field of one case that appeared in, or disappeared from, the later run."""

    appeared: tuple[str, ...] = ()
    disappeared: tuple[str, ...] = ()


@dataclass
class Comparison:
    """A later run against an earlier one (a baseline, or DIR_A of ``--compare``)."""

    before_label: str
    after_label: str
    tolerance: float
    regressions: list[Change] = field(default_factory=list)
    improvements: list[Change] = field(default_factory=list)
    items: dict[str, dict[str, ItemDiff]] = field(default_factory=dict)
    only_before: list[str] = field(default_factory=list)
    only_after: list[str] = field(default_factory=list)

    def regressed_cases(self) -> set[str]:
        return {c.case for c in self.regressions}


def item_label(name: str, item: Any) -> str:
    """A one-line description of an actor or item, for diffs and reports."""
    if name == "actors":
        text = str(item.name)
    else:
        actor = item_actor(item)
        text = f"{actor}: {item_text(item)}" if actor else item_text(item)
    return text if len(text) <= _LABEL_CHARS else text[: _LABEL_CHARS - 1] + "…"


def diff_items(before: Briefing, after: Briefing, article: str) -> dict[str, ItemDiff]:
    """Per field, the items of ``after`` that match nothing in ``before`` and vice versa."""
    out: dict[str, ItemDiff] = {}
    for name in FIELDS:
        fs = match_field(name, after, before, article)
        appeared = tuple(item_label(name, getattr(after, name)[i]) for i in fs.extra)
        gone = tuple(item_label(name, getattr(before, name)[i]) for i in fs.missed)
        if appeared or gone:
            out[name] = ItemDiff(appeared, gone)
    return out


def load_report(path: Path) -> dict[str, Any]:
    """A saved report (baseline): ``path`` is the JSON file or a directory holding report.json."""
    if path.is_dir():
        path = path / "report.json"
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigurationError(f"no report at {path}: run summarizer eval first") from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ConfigurationError(f"{path} is not a readable report ({exc}): re-create it") from None
    if not isinstance(data, dict) or not isinstance(data.get("cases"), dict):
        raise ConfigurationError(f"{path} is not an eval report (no cases): re-create it")
    return data


def save_report(path: Path, data: Mapping[str, Any]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def _briefing(entry: Mapping[str, Any]) -> Briefing | None:
    raw = entry.get("briefing")
    return Briefing.model_validate(raw) if isinstance(raw, dict) else None


def _changes(
    case: str, before: Mapping[str, Any], after: Mapping[str, Any], tol: float
) -> tuple[list[Change], list[Change]]:
    worse: list[Change] = []
    better: list[Change] = []
    for metric in sorted(set(before) & set(after)):
        if not metric.endswith(GATED_SUFFIXES):
            continue
        b, a = float(before[metric]), float(after[metric])
        if a < b - tol - 1e-9:
            worse.append(Change(case, metric, b, a))
        elif a > b + tol + 1e-9:
            better.append(Change(case, metric, b, a))
    return worse, better


def compare(
    before: Mapping[str, Any],
    after: Mapping[str, Any],
    *,
    tolerance: float = DEFAULT_TOLERANCE,
    cases: Mapping[str, Case] | None = None,
    before_label: str = "baseline",
    after_label: str = "this run",
) -> Comparison:
    """Metric drops beyond ``tolerance`` and item diffs, case by case, of two reports.

    The mean over all cases is compared only when both reports ran the same cases. Item diffs
    need each case's article, so only cases in ``cases`` get them.
    """
    if tolerance < 0:
        raise ConfigurationError(f"--tolerance is {tolerance}: use 0 or a positive number")
    result = Comparison(before_label, after_label, tolerance)
    b_cases: Mapping[str, Any] = before["cases"]
    a_cases: Mapping[str, Any] = after["cases"]
    result.only_before = sorted(set(b_cases) - set(a_cases))
    result.only_after = sorted(set(a_cases) - set(b_cases))
    for case_id in sorted(set(b_cases) & set(a_cases)):
        b, a = b_cases[case_id], a_cases[case_id]
        if a.get("missed") or b.get("missed"):
            continue
        worse, better = _changes(case_id, b.get("metrics", {}), a.get("metrics", {}), tolerance)
        result.regressions += worse
        result.improvements += better
        case = (cases or {}).get(case_id)
        b_brief, a_brief = _briefing(b), _briefing(a)
        if case is not None and b_brief is not None and a_brief is not None:
            diffs = diff_items(b_brief, a_brief, case.article)
            if diffs:
                result.items[case_id] = diffs
    if set(b_cases) == set(a_cases):
        worse, better = _changes(
            ALL_CASES, before.get("summary", {}), after.get("summary", {}), tolerance
        )
        result.regressions += worse
        result.improvements += better
    return result
