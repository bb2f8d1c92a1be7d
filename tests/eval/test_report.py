"""Reports: the same JSON renders as a rich table, Markdown and JUnit XML."""

from __future__ import annotations

import copy
import io
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest

from summarizer.config import Settings
from summarizer.eval.baseline import compare
from summarizer.eval.cases import Case
from summarizer.eval.report import (
    case_status,
    print_report,
    report_data,
    table_rows,
    to_junit,
    to_markdown,
    write_reports,
)
from summarizer.eval.runner import EvalConfig, run_eval

from .standin import stand_in


@pytest.fixture
def report(tmp_path: Path, cases: list[Case], inner: None) -> dict[str, Any]:
    settings = Settings(model="m", base_url="http://127.0.0.1:9/v1", engine="llm")
    config = EvalConfig(settings=settings, recordings=tmp_path, mode="live", repeat=2)
    return report_data(run_eval(cases, config, summarize=stand_in, note="a note"))


def test_json_is_stable_and_complete(report: dict[str, Any], cases: list[Case]) -> None:
    assert report["format"] == "summarizer-eval/1" and report["repeat"] == 2
    assert set(report["cases"]) == {c.id for c in cases}
    entry = report["cases"]["2025-09-03-putin-china-press"]
    assert entry["metrics"]["overall.f1"] == 1.0 and entry["spread"]["overall.f1"] == [1, 1, 0]
    assert entry["briefing"]["title"] and "meta" not in entry["briefing"]
    assert report["totals"]["total_tokens"] == 15 * (len(cases) - 1)  # the broken case: 0
    broken = report["cases"]["03-state-blinken-safadi-readout-hamas-proposal"]
    assert broken["errors"] and broken["briefing"] is None


def test_table_rows_and_statuses(report: dict[str, Any]) -> None:
    rows = table_rows(report, None)
    assert rows[0][0] == "case" and rows[0][-1] == "status" and rows[-1][0] == "mean"
    statuses = {r[0]: r[-1] for r in rows[1:-1]}
    assert statuses["03-state-blinken-safadi-readout-hamas-proposal"] == "error"
    assert statuses["2025-09-03-putin-china-press"] == "ok"
    assert case_status("x", {"missed": True}, None) == "miss"
    assert case_status("x", {"failures": ["f"]}, None) == "FAIL"


def test_rich_table_prints_every_case(report: dict[str, Any]) -> None:
    out = io.StringIO()
    print_report(report, None, file=out)
    text = out.getvalue()
    for case_id in report["cases"]:
        assert case_id in text
    assert "Note: a note" in text and "invalid output" in text


def test_markdown_and_junit(report: dict[str, Any], canonical: Case) -> None:
    worse = copy.deepcopy(report)
    worse["cases"][canonical.id]["metrics"]["overall.f1"] = 0.5
    comparison = compare(report, worse)
    markdown = to_markdown(worse, comparison)
    assert markdown.startswith("# Prompt evaluation")
    assert "| case |" in markdown and "REGRESSION" in markdown
    suite = ET.fromstring(to_junit(worse, comparison))
    assert suite.get("tests") == "5" and suite.get("errors") == "1" and suite.get("failures") == "1"
    failed = [c for c in suite if c.find("failure") is not None]
    assert [c.get("name") for c in failed] == [canonical.id]
    assert "overall.f1 1.000 -> 0.500" in (failed[0].find("failure").get("message") or "")  # type: ignore[union-attr]


def test_write_reports(tmp_path: Path, report: dict[str, Any]) -> None:
    paths = write_reports(report, None, tmp_path / "out", junit=tmp_path / "ci" / "junit.xml")
    assert [p.name for p in paths] == ["report.json", "report.md", "junit.xml"]
    assert all(p.is_file() for p in paths) and paths[2].parent.name == "ci"
