"""The runner, against a stand-in summarize() that talks to the model through the client."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from summarizer.config import Settings
from summarizer.errors import ConfigurationError
from summarizer.eval.cases import Case
from summarizer.eval.runner import (
    EvalConfig,
    load_eval_settings,
    run_eval,
    save_eval_settings,
)

from .standin import stand_in


def _config(tmp_path: Path, mode: str, **kw: Any) -> EvalConfig:
    settings = Settings(model="m", base_url="http://127.0.0.1:9/v1", engine="llm")
    return EvalConfig(settings=settings, recordings=tmp_path, mode=mode, **kw)  # type: ignore[arg-type]


def test_record_then_replay_scores_every_case(
    tmp_path: Path, cases: list[Case], inner: None
) -> None:
    recorded = run_eval(cases, _config(tmp_path, "record", price=(1.0, 2.0)), summarize=stand_in)
    assert not recorded.misses
    replayed = run_eval(cases, _config(tmp_path, "replay"), summarize=stand_in)
    assert not replayed.misses and not replayed.stale
    for result in replayed.cases:
        if result.case.id.startswith("03-"):
            assert result.metrics["schema_valid"] == 0.0 and "invalid output" in result.errors[0]
            assert result.metrics["overall.recall"] == 0.0
            continue
        assert result.metrics["overall.f1"] == 1.0 and result.metrics["schema_valid"] == 1.0
        assert result.totals()["total_tokens"] == 15 and result.totals()["requests"] == 1
    assert recorded.cases[0].runs[0].cost_usd == pytest.approx((10 * 1 + 5 * 2) / 1e6)
    assert replayed.summary()["schema_valid"] == pytest.approx(0.8)


def test_replay_without_recordings_names_every_case(tmp_path: Path, cases: list[Case]) -> None:
    result = run_eval(cases, _config(tmp_path, "replay"), summarize=stand_in)
    assert result.misses == [c.id for c in cases]
    assert all(not c.runs and not c.failures() for c in result.cases)


def test_repeat_reports_spread(tmp_path: Path, cases: list[Case], inner: None) -> None:
    subset = cases[:2]
    run = run_eval(subset, _config(tmp_path, "live", repeat=3), summarize=stand_in)
    assert all(len(c.runs) == 3 for c in run.cases)
    spread = run.cases[0].spread()
    assert spread["overall.f1"] == (1.0, 1.0, 0.0)
    assert not list(tmp_path.rglob("*.json"))


def test_thresholds_fail_on_the_mean(tmp_path: Path, cases: list[Case], inner: None) -> None:
    good = next(c for c in cases if c.id.startswith("2025"))
    broken = next(c for c in cases if c.id.startswith("03-"))
    strict = {"overall.f1": 1.0, "grounding": 1.0}
    picked = [Case(**{**vars(c), "thresholds": strict}) for c in (good, broken)]
    run = run_eval(picked, _config(tmp_path, "live"), summarize=stand_in)
    assert run.cases[0].failures() == []
    assert run.cases[1].failures() == ["overall.f1 0.000 < 1.000"]


def test_bad_repeat_and_settings_file(tmp_path: Path, cases: list[Case]) -> None:
    with pytest.raises(ConfigurationError, match="--repeat"):
        run_eval(cases, _config(tmp_path, "replay", repeat=0), summarize=stand_in)
    assert load_eval_settings(tmp_path) == {}
    save_eval_settings(tmp_path, {"model": "m"})
    assert load_eval_settings(tmp_path) == {"model": "m"}
    (tmp_path / "settings.json").write_text("[1]")
    with pytest.raises(ConfigurationError, match="JSON object"):
        load_eval_settings(tmp_path)
