"""``summarizer eval`` end to end: real pipeline, recordings on disk, simulator on 127.0.0.1.

These are the issue's acceptance checks: the committed fixtures replay offline with exit 0; a
one-word prompt edit fails the replay and names the cases to re-record; a weaker prompt recorded
against the local fake server regresses against the saved baseline and exits non-zero.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from summarizer.cli import main

from .conftest import CANONICAL, CASES_DIR, REPO

RECORDINGS = REPO / "fixtures" / "recordings"
CASE_IDS = sorted(p.parent.name for p in CASES_DIR.glob("*/case.json"))
WEAK_SYSTEM = """{# prompt-id: briefing-weak #}
You summarise news articles. Fill in the briefing: the people and groups involved, what they
think, and what they propose. Give a short quote from the article for each point.
"""


@pytest.fixture(autouse=True)
def _in_repo(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(REPO)


def _eval(tmp_path: Path, *args: str) -> int:
    return main(
        ["eval", "--out", str(tmp_path / "out"), "--env-file", str(tmp_path / "none"), *args]
    )


def _prompts(tmp_path: Path, name: str, system: str | None = None) -> Path:
    target = tmp_path / name
    shutil.copytree(REPO / "prompts", target)
    if system is not None:
        (target / "briefing.system.j2").write_text(system, encoding="utf-8")
    return target


def test_replay_of_committed_fixtures_passes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _eval(tmp_path) == 0
    out = capsys.readouterr().out
    assert len(CASE_IDS) == 5
    for case_id in CASE_IDS:
        assert case_id in out
    assert "mean" in out and "simulated-gold" in out and "REGRESSION" not in out
    report = json.loads((tmp_path / "out" / "report.json").read_text())
    assert report["mode"] == "replay" and not report["misses"] and not report["stale_recordings"]
    assert report["summary"]["schema_valid"] == 1.0
    first = (tmp_path / "out" / "report.json").read_text()
    assert _eval(tmp_path) == 0
    assert (tmp_path / "out" / "report.json").read_text() == first  # replay is deterministic


def test_one_word_prompt_change_fails_naming_cases(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    edited = _prompts(tmp_path, "edited")
    system = edited / "briefing.system.j2"
    system.write_text(system.read_text().replace("careful news analyst", "careful news reader"))
    assert _eval(tmp_path, "--prompt-dir", str(edited)) == 3
    err = capsys.readouterr().err
    for case_id in CASE_IDS:
        assert case_id in err
    assert "--mode record" in err and "\n" not in err.strip()


def test_weaker_prompt_regresses_against_baseline(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    weak = _prompts(tmp_path, "weak", WEAK_SYSTEM)
    args = ["--mode", "record", "--simulate", "--prompt-dir", str(weak)]
    rc = _eval(tmp_path, *args, "--recordings", str(tmp_path / "rec"))
    out = capsys.readouterr().out
    assert rc == 1
    assert "REGRESSION (all cases) overall.f1" in out
    assert "REGRESSION (all cases) grounding" in out
    assert f"{CANONICAL} conditions: - Vladimir Putin: The security of one country" in out
    junit = (tmp_path / "out" / "junit.xml").read_text()
    assert 'failures="5"' in junit
    # what was recorded replays offline, with the same verdict
    replay = _eval(tmp_path, "--prompt-dir", str(weak), "--recordings", str(tmp_path / "rec"))
    assert replay == 1


def test_compare_two_prompt_dirs_and_save_baseline(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    good, weak = _prompts(tmp_path, "good"), _prompts(tmp_path, "weak", WEAK_SYSTEM)
    rec = ["--recordings", str(tmp_path / "rec"), "--case", CANONICAL]
    for prompts in (good, weak):
        assert _eval(
            tmp_path, "--mode", "record", "--simulate", "--prompt-dir", str(prompts), *rec
        ) in (0, 1)
    capsys.readouterr()
    assert _eval(tmp_path, "--compare", str(good), str(weak), *rec) == 1
    out = capsys.readouterr().out
    assert f"{CANONICAL} open_questions: - Will Zelensky reconsider" in out
    baseline = ["--baseline", str(tmp_path / "b.json")]
    assert _eval(tmp_path, "--prompt-dir", str(good), *rec, *baseline, "--save-baseline") == 0
    assert _eval(tmp_path, "--prompt-dir", str(good), *rec, *baseline) == 0
    assert "no metric dropped" in capsys.readouterr().out


def test_repeat_records_samples_and_stale_files_are_pruned(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rec = tmp_path / "rec"
    args = [
        "--recordings",
        str(rec),
        "--case",
        CANONICAL,
        "--baseline",
        str(tmp_path / "none.json"),
    ]
    assert _eval(tmp_path, "--mode", "record", "--simulate", "--repeat", "2", *args) == 0
    (recording,) = (rec / CANONICAL).glob("*.json")
    assert len(json.loads(recording.read_text())["responses"]) == 2
    report = json.loads((tmp_path / "out" / "report.json").read_text())
    assert report["cases"][CANONICAL]["spread"]["overall.f1"][2] == 0.0
    stale = rec / CANONICAL / ("0" * 64 + ".json")
    stale.write_text('{"responses": []}')
    capsys.readouterr()
    assert _eval(tmp_path, *args) == 0
    assert "1 stale recording(s)" in capsys.readouterr().out
    assert _eval(tmp_path, *args, "--prune") == 0
    assert not stale.exists() and recording.exists()


def test_record_without_a_model_is_a_configuration_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _eval(tmp_path, "--mode", "record", "--recordings", str(tmp_path / "rec")) == 3
    assert "--simulate" in capsys.readouterr().err
    assert _eval(tmp_path, "--simulate") == 3


def test_python_dash_m_replays_offline(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "summarizer", "eval", "--out", str(tmp_path)],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert CANONICAL in done.stdout


def test_command_module_imports_nothing_heavy() -> None:
    code = (
        "import argparse, sys\n"
        "import summarizer.eval.command as c\n"
        "c.configure_parser(argparse.ArgumentParser())\n"
        "heavy = ('openai', 'instructor', 'rich', 'httpx2', 'pydantic')\n"
        "print([m for m in heavy if m in sys.modules])"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


def test_rules_engine_is_scored_without_touching_recordings(tmp_path: Path) -> None:
    recordings = sorted(p.name for p in (REPO / "fixtures" / "recordings").rglob("*.json"))
    code = main(["eval", "--engine", "rules", "--out", str(tmp_path)])
    assert code == 0
    report = json.loads((tmp_path / "report.json").read_text())
    assert report["mode"] == "rules" and report["prompt_id"] is None
    assert report["stale_recordings"] == [] and report["misses"] == []
    assert report["summary"]["actors.f1"] > 0.5  # the engine really ran and was scored
    assert sorted(p.name for p in (REPO / "fixtures" / "recordings").rglob("*.json")) == recordings
