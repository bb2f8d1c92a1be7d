"""Baselines: metric drops beyond the tolerance are regressions; items that move are named."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

from summarizer.config import Settings
from summarizer.errors import ConfigurationError
from summarizer.eval.baseline import (
    ALL_CASES,
    compare,
    diff_items,
    item_label,
    load_report,
    save_report,
)
from summarizer.eval.cases import Case
from summarizer.eval.report import report_data
from summarizer.eval.runner import EvalConfig, run_eval

from .standin import stand_in


@pytest.fixture
def report(tmp_path: Path, cases: list[Case], inner: None) -> dict[str, Any]:
    settings = Settings(model="m", base_url="http://127.0.0.1:9/v1", engine="llm")
    config = EvalConfig(settings=settings, recordings=tmp_path, mode="live")
    return report_data(run_eval(cases, config, summarize=stand_in))


def _drop_first_condition(report: dict[str, Any], case_id: str) -> dict[str, Any]:
    worse = copy.deepcopy(report)
    entry = worse["cases"][case_id]
    entry["briefing"]["conditions"] = entry["briefing"]["conditions"][1:]
    entry["metrics"]["conditions.f1"] = 0.857
    entry["metrics"]["conditions.recall"] = 0.75
    worse["summary"]["conditions.f1"] -= 0.03
    return worse


def test_identical_reports_do_not_regress(report: dict[str, Any], cases: list[Case]) -> None:
    result = compare(report, report, cases={c.id: c for c in cases})
    assert not result.regressions and not result.improvements and not result.items


def test_drop_beyond_tolerance_is_a_regression_with_items(
    report: dict[str, Any], cases: list[Case], canonical: Case
) -> None:
    worse = _drop_first_condition(report, canonical.id)
    result = compare(report, worse, tolerance=0.02, cases={c.id: c for c in cases})
    metrics = {(c.case, c.metric) for c in result.regressions}
    assert (canonical.id, "conditions.f1") in metrics
    assert (ALL_CASES, "conditions.f1") in metrics
    assert (canonical.id, "conditions.recall") not in metrics  # reported, not gated
    gone = result.items[canonical.id]["conditions"].disappeared
    assert gone == (item_label("conditions", canonical.gold.conditions[0]),)
    assert result.regressed_cases() >= {canonical.id}
    lenient = compare(report, worse, tolerance=0.5, cases={c.id: c for c in cases})
    assert not lenient.regressions
    better = compare(worse, report, cases={c.id: c for c in cases})
    assert not better.regressions and better.improvements
    assert better.items[canonical.id]["conditions"].appeared == gone


def test_subset_runs_compare_cases_only(report: dict[str, Any], canonical: Case) -> None:
    subset = copy.deepcopy(report)
    subset["cases"] = {canonical.id: subset["cases"][canonical.id]}
    subset["summary"]["overall.f1"] = 0.0
    result = compare(report, subset)
    assert not result.regressions
    assert canonical.id not in result.only_before and len(result.only_before) == 4


def test_diff_items_per_field(canonical: Case) -> None:
    gold = canonical.gold
    fewer = gold.model_copy(update={"open_questions": [], "actors": gold.actors[:-1]})
    diffs = diff_items(gold, fewer, canonical.article)
    assert set(diffs) == {"open_questions", "actors"}
    assert diffs["actors"].disappeared == ("AFP",)
    assert diff_items(gold, gold, canonical.article) == {}


def test_save_and_load(tmp_path: Path, report: dict[str, Any]) -> None:
    path = tmp_path / "b" / "baseline.json"
    save_report(path, report)
    assert load_report(path) == json.loads(json.dumps(report))
    (tmp_path / "b" / "report.json").write_text(path.read_text())
    assert load_report(tmp_path / "b")["cases"]
    with pytest.raises(ConfigurationError, match="no report"):
        load_report(tmp_path / "missing.json")
    (tmp_path / "bad.json").write_text("[]")
    with pytest.raises(ConfigurationError, match="not an eval report"):
        load_report(tmp_path / "bad.json")
    with pytest.raises(ConfigurationError, match="tolerance"):
        compare(report, report, tolerance=-1)
