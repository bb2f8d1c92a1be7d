"""``summarizer eval``: argument parsing and orchestration of a prompt regression run.

Kept free of heavy imports (no openai, instructor, rich or pydantic at module import) because
the CLI builds this parser for ``summarizer --help``. The exit code is the CI signal:

* 0: every case ran, met its thresholds, and no metric fell more than the tolerance below the
  baseline (when there is one);
* 1: a threshold failed, a metric regressed, or a case errored;
* 3 (``ReplayMissError``): a replayed request has no recording; the message names the cases
  and the command that re-records them.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ..config import Settings
    from .baseline import Comparison
    from .cases import Case
    from .runner import EvalConfig

RULES_NOTE = "engine rules: the offline rules engine, no model; the floor any prompt should beat"
SIMULATOR_NOTE = (
    "recorded from summarizer.eval.simulate (model 'simulated-gold'): a scripted fake model "
    "that answers with the gold briefings, trimmed and degraded by rule; its scores test the "
    "harness and the prompt plumbing, not any real model"
)


def configure_parser(parser: argparse.ArgumentParser) -> None:
    """Add the ``eval`` options to ``parser`` (the CLI adds ``-v`` itself)."""
    parser.description = (
        "Score prompts against the fixture cases. Default: replay recorded model answers offline."
    )
    add = parser.add_argument
    add(
        "--mode",
        dest="run_mode",
        choices=("replay", "record", "live"),
        default="replay",
        help="replay recordings (default, offline), record new ones, or call the model live",
    )
    add("--case", dest="only", action="append", metavar="ID", help="run only this case (repeat)")
    add("--cases", type=Path, metavar="DIR", help="cases directory (default: fixtures/cases)")
    add(
        "--recordings",
        type=Path,
        metavar="DIR",
        help="recordings directory (default: fixtures/recordings)",
    )
    add("--prompt-dir", type=Path, metavar="DIR", help="prompt templates to evaluate")
    add("--model", help="model name (default: the recordings' settings.json)")
    add("--base-url", help="OpenAI-compatible URL for record/live (SUMMARIZER_BASE_URL)")
    add(
        "--llm-mode",
        choices=("tools", "json_schema", "json", "md_json"),
        help="instructor mode (default: the recordings' settings.json, else tools)",
    )
    add(
        "--simulate",
        action="store_true",
        help="record/live against the built-in gold-derived simulator on 127.0.0.1",
    )
    add("--repeat", type=int, default=1, metavar="N", help="run each case N times, show spread")
    add(
        "--price",
        type=float,
        nargs=2,
        metavar=("IN", "OUT"),
        help="USD per million prompt and completion tokens (default: settings.json "
        "price_per_million), for the cost column",
    )
    add(
        "--out",
        type=Path,
        default=Path("build/eval"),
        metavar="DIR",
        help="where report.json, report.md and junit.xml go (default: build/eval)",
    )
    add("--junit", type=Path, metavar="FILE", help="JUnit XML path (default: OUT/junit.xml)")
    add(
        "--baseline",
        type=Path,
        metavar="FILE",
        help="baseline report (default: fixtures/recordings/baseline.json)",
    )
    add("--save-baseline", action="store_true", help="save this run as the baseline")
    add("--tolerance", type=float, default=0.02, help="allowed drop per metric (default 0.02)")
    add(
        "--compare",
        nargs=2,
        type=Path,
        metavar=("DIR_A", "DIR_B"),
        help="diff two prompt directories (or saved reports) item by item",
    )
    add("--prune", action="store_true", help="delete stale recordings that no case used")
    add(
        "--engine",
        choices=("llm", "rules"),
        default="llm",
        help="rules: score the offline rules engine instead (the floor a prompt must beat; "
        "compared with --baseline only when given)",
    )
    add("--env-file", type=Path, default=Path(".env"), help="dotenv file for record/live")


def _settings(args: argparse.Namespace, recordings: Path, base_url: str | None) -> Settings:
    from ..config import DEFAULT_MAX_REASKS, Settings
    from ..errors import ConfigurationError
    from .runner import load_eval_settings
    from .simulate import SIMULATED_MODEL

    saved = load_eval_settings(recordings)
    replay = args.run_mode == "replay"
    env = Settings() if replay else Settings.resolve(environ=os.environ, dotenv_path=args.env_file)
    model = args.model or (SIMULATED_MODEL if args.simulate else None)
    model = model or (None if replay else env.model) or saved.get("model")
    if not replay and base_url is None and not env.model_configured:
        raise ConfigurationError(
            f"--mode {args.run_mode} needs a model: pass --base-url and --model, set "
            "SUMMARIZER_BASE_URL or SUMMARIZER_API_KEY, or use --simulate"
        )
    return Settings(
        model=model,
        mode=args.llm_mode or saved.get("mode") or "tools",
        base_url=None if replay else base_url or env.base_url,
        api_key=None if replay or args.simulate else env.api_key,
        temperature=saved.get("temperature", 0.0),
        max_reasks=int(saved.get("max_reasks", DEFAULT_MAX_REASKS)),
        prompt_dir=args.prompt_dir,
        engine="llm",
        max_attempts=1 if replay else env.max_attempts,
        backoff=0.0 if replay else env.backoff,
        timeout=env.timeout,
    )


@contextlib.contextmanager
def _model_url(args: argparse.Namespace, cases: list[Case]) -> Iterator[str | None]:
    """The simulator's URL while it runs (``--simulate``), else ``--base-url``."""
    if not args.simulate:
        yield args.base_url
        return
    from ..errors import ConfigurationError
    from .simulate import simulator_server

    if args.run_mode == "replay":
        raise ConfigurationError("--simulate needs --mode record or --mode live")
    with simulator_server(cases) as server:
        yield server.base_url


def _run(args: argparse.Namespace, cases: list[Case], config: EvalConfig) -> dict[str, Any]:
    from .recorder import ReplayMissError
    from .report import report_data
    from .runner import load_eval_settings, run_eval, save_eval_settings
    from .simulate import SIMULATED_MODEL

    note = load_eval_settings(config.recordings).get("note")
    if args.simulate:
        note = SIMULATOR_NOTE
    elif config.mode == "record":
        note = "recorded against a model server (not the built-in simulator)"
    run = run_eval(cases, config, note=None if config.mode == "live" else note)
    data = report_data(run, root=Path.cwd())
    if config.mode == "record" and not run.misses:
        s = config.settings
        saved: dict[str, Any] = {"model": s.model, "mode": s.mode, "temperature": s.temperature}
        saved.update({"max_reasks": s.max_reasks, "note": note})
        if config.price is not None:
            saved["price_per_million"] = list(config.price)
        save_eval_settings(config.recordings, saved)
    if args.prune:
        for path in run.stale:
            path.unlink()
        data["stale_recordings"] = []
    if run.misses:
        from .report import print_report

        print_report(data, None)
        named = (
            ""
            if len(run.misses) == len(cases)
            else " " + " ".join(f"--case {c}" for c in run.misses)
        )
        how = (
            "--simulate"
            if config.settings.model == SIMULATED_MODEL
            else "--base-url URL --model NAME"
        )
        raise ReplayMissError(
            f"replay has no recording for {len(run.misses)} case(s): {', '.join(run.misses)}; "
            "the prompt, schema or model settings changed since they were recorded: re-record "
            f"with: summarizer eval --mode record {how}{named}",
            case=run.misses[0],
            key="",
        )
    return data


def _run_rules(args: argparse.Namespace, cases: list[Case]) -> dict[str, Any]:
    """Score the offline rules engine on the cases: no model, no recordings touched."""
    from ..config import Settings
    from ..pipeline import summarize
    from .report import report_data
    from .runner import EvalConfig, run_eval

    def rules(text: str, *, settings: Settings, client: Any) -> Any:
        return summarize(text, settings=settings)

    # "live" so that nothing is replayed, written, or reported stale: the engine sends nothing.
    config = EvalConfig(
        settings=Settings(engine="rules"),
        recordings=_recordings(args),
        mode="live",
        repeat=1,
        price=None,
        all_cases=False,
    )
    data = report_data(run_eval(cases, config, summarize=rules, note=RULES_NOTE))
    data.update(mode="rules", model="rules engine", llm_mode=None, prompt_id=None, prompt_hash=None)
    return data


def _load_side(args: argparse.Namespace, path: Path, cases: list[Case]) -> dict[str, Any]:
    """A report for one side of ``--compare``: a prompt directory is run, a report is read."""
    from .baseline import load_report

    if (path / "briefing.system.j2").is_file():
        args.prompt_dir = path
        with _model_url(args, cases) as url:
            return _run(args, cases, _config(args, url))
    return load_report(path)


def _config(args: argparse.Namespace, url: str | None) -> EvalConfig:
    from .runner import EvalConfig

    return EvalConfig(
        settings=_settings(args, _recordings(args), url),
        recordings=_recordings(args),
        mode=args.run_mode,
        repeat=args.repeat,
        price=_price(args),
        all_cases=not args.only,
    )


def _price(args: argparse.Namespace) -> tuple[float, float] | None:
    """--price, else ``price_per_million: [in, out]`` from the recordings' settings.json."""
    from ..errors import ConfigurationError
    from .runner import load_eval_settings

    if args.price:
        return float(args.price[0]), float(args.price[1])
    saved = load_eval_settings(_recordings(args)).get("price_per_million")
    if saved is None:
        return None
    if not (isinstance(saved, list) and len(saved) == 2):
        raise ConfigurationError("settings.json price_per_million must be [in, out] in USD")
    return float(saved[0]), float(saved[1])


def _shown(path: Path) -> str:
    """``path`` relative to the working directory when it is below it."""
    try:
        return str(path.resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def _recordings(args: argparse.Namespace) -> Path:
    from .runner import default_recordings_dir

    return args.recordings if args.recordings is not None else default_recordings_dir()


def _finish(data: dict[str, Any], comparison: Comparison | None, args: argparse.Namespace) -> int:
    from .report import case_status, print_report, write_reports

    print_report(data, comparison)
    paths = write_reports(data, comparison, args.out, junit=args.junit)
    print(f"reports: {', '.join(str(p) for p in paths)}")
    statuses = [case_status(cid, entry, comparison) for cid, entry in data["cases"].items()]
    regressed = comparison is not None and bool(comparison.regressions)
    return 1 if regressed or any(s != "ok" for s in statuses) else 0


def run(args: argparse.Namespace) -> int:
    """Run ``summarizer eval`` as parsed by ``configure_parser``; returns the exit code."""
    from ..errors import ConfigurationError
    from .baseline import compare, load_report, save_report
    from .cases import load_cases
    from .runner import default_recordings_dir

    cases = load_cases(args.cases, only=args.only)
    by_id = {c.id: c for c in cases}
    if args.compare:
        before = _load_side(args, args.compare[0], cases)
        after = _load_side(args, args.compare[1], cases)
        labels = {"before_label": str(args.compare[0]), "after_label": str(args.compare[1])}
        diff = compare(before, after, tolerance=args.tolerance, cases=by_id, **labels)
        return _finish(after, diff, args)
    if args.engine == "rules":
        if args.save_baseline and args.baseline is None:
            raise ConfigurationError(
                "--engine rules --save-baseline needs --baseline FILE: the default baseline "
                "belongs to the recorded prompt runs"
            )
        data = _run_rules(args, cases)
        baseline_path = args.baseline
    else:
        with _model_url(args, cases) as url:
            data = _run(args, cases, _config(args, url))
        baseline_path = args.baseline or default_recordings_dir() / "baseline.json"
    comparison: Comparison | None = None
    if args.save_baseline and baseline_path is not None:
        errored = [cid for cid, entry in data["cases"].items() if entry["errors"]]
        if errored:
            raise ConfigurationError(
                f"not saving a baseline: case(s) {', '.join(errored)} errored; fix them first"
            )
        save_report(baseline_path, data)
        print(f"baseline saved: {baseline_path}", file=sys.stderr)
    elif baseline_path is not None and baseline_path.is_file():
        comparison = compare(
            load_report(baseline_path),
            data,
            tolerance=args.tolerance,
            cases=by_id,
            before_label=_shown(baseline_path),
        )
    return _finish(data, comparison, args)
