"""Run every case through the real pipeline, with model traffic replayed, recorded or live.

The runner builds one ``openai.OpenAI`` per case and repeat whose HTTP goes through the
recording transport, hands it to ``summarize()``, and scores what comes back. Everything above
the socket (prompt rendering, instructor, re-asks, grounding) runs for real, so a replay checks
the code and the prompt as they are now. Tokens come from the (recorded) response bodies and
latency from the recordings, so replayed numbers are the recorded run's, not the replay's.

Eval settings (model, instructor mode, temperature, re-asks) come from
``<recordings>/settings.json`` so that a developer's SUMMARIZER_MODEL cannot turn a CI replay
into misses; ``--model``/``--llm-mode`` override them, and a record run writes them back.
"""

from __future__ import annotations

import json
import statistics
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..config import Settings
from ..errors import ConfigurationError, OutputValidationError, SummarizerError
from ..schema import Briefing, Usage
from .cases import Case, default_cases_dir
from .recorder import Recorder, RecordingStore, RunMode, recording_transport
from .score import CaseScore, score_case

SummarizeFn = Callable[..., Briefing]
SETTINGS_FILE = "settings.json"
REPLAY_BASE_URL = "http://replay.invalid/v1"
_EMPTY = Briefing(title="(no briefing)", summary="(no briefing)")


def default_recordings_dir() -> Path:
    """``fixtures/recordings`` beside the default cases directory."""
    return default_cases_dir().parent / "recordings"


def load_eval_settings(recordings: Path) -> dict[str, Any]:
    """The recorded run's settings (model, mode, temperature, max_reasks, note, price)."""
    path = recordings / SETTINGS_FILE
    if not path.is_file():
        return {}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise ConfigurationError(f"{path} is not readable JSON ({exc}): fix or delete it") from None
    if not isinstance(data, dict):
        raise ConfigurationError(f"{path} must hold a JSON object: fix or delete it")
    return data


def save_eval_settings(recordings: Path, values: Mapping[str, Any]) -> None:
    recordings.mkdir(parents=True, exist_ok=True)
    text = json.dumps(dict(values), indent=2, ensure_ascii=False)
    (recordings / SETTINGS_FILE).write_text(text + "\n", encoding="utf-8")


@dataclass(frozen=True)
class EvalConfig:
    """How to run: where answers come from, how often, with which settings."""

    settings: Settings
    recordings: Path
    mode: RunMode = "replay"
    repeat: int = 1
    price: tuple[float, float] | None = None
    """USD per million prompt and completion tokens; None: cost unknown."""
    all_cases: bool = True
    """Whether every case runs (then recordings of unknown cases count as stale)."""


@dataclass
class RunResult:
    """One case, one repeat."""

    repeat: int
    metrics: dict[str, float]
    score: CaseScore
    briefing: Briefing | None
    error: str | None = None
    usage: Usage = field(default_factory=Usage)
    attempts: int = 0
    requests: int = 0
    latency_s: float = 0.0
    cost_usd: float | None = None


@dataclass
class CaseResult:
    """Every repeat of one case, their means and spread, and threshold failures."""

    case: Case
    runs: list[RunResult] = field(default_factory=list)
    missed: bool = False

    @property
    def metrics(self) -> dict[str, float]:
        if not self.runs:
            return {}
        names = self.runs[0].metrics
        return {n: statistics.fmean(r.metrics[n] for r in self.runs) for n in names}

    def spread(self) -> dict[str, tuple[float, float, float]]:
        """metric -> (min, max, population stdev) over repeats."""
        out: dict[str, tuple[float, float, float]] = {}
        for name in self.metrics:
            values = [r.metrics[name] for r in self.runs]
            out[name] = (min(values), max(values), statistics.pstdev(values))
        return out

    @property
    def errors(self) -> list[str]:
        return [f"repeat {r.repeat}: {r.error}" for r in self.runs if r.error]

    def failures(self) -> list[str]:
        """Thresholds of this case that the mean metrics do not reach."""
        if not self.runs:
            return []
        metrics = self.metrics
        return [
            f"{name} {metrics.get(name, 0.0):.3f} < {minimum:.3f}"
            for name, minimum in sorted(self.case.thresholds.items())
            if metrics.get(name, 0.0) < minimum
        ]

    def totals(self) -> dict[str, float | None]:
        """Mean per repeat of tokens, attempts, requests, latency and cost."""
        if not self.runs:
            return {}
        costs = [r.cost_usd for r in self.runs]
        return {
            "prompt_tokens": statistics.fmean(r.usage.prompt_tokens for r in self.runs),
            "completion_tokens": statistics.fmean(r.usage.completion_tokens for r in self.runs),
            "total_tokens": statistics.fmean(r.usage.total_tokens for r in self.runs),
            "attempts": statistics.fmean(r.attempts for r in self.runs),
            "requests": statistics.fmean(r.requests for r in self.runs),
            "latency_s": statistics.fmean(r.latency_s for r in self.runs),
            "cost_usd": None if None in costs else statistics.fmean(c or 0.0 for c in costs),
        }


@dataclass
class EvalRun:
    """The result of one ``summarizer eval`` run."""

    mode: RunMode
    model: str
    llm_mode: str
    prompt_id: str
    prompt_hash: str
    repeat: int
    cases: list[CaseResult]
    stale: list[Path] = field(default_factory=list)
    note: str | None = None

    @property
    def misses(self) -> list[str]:
        return [c.case.id for c in self.cases if c.missed]

    def summary(self) -> dict[str, float]:
        """Mean of every metric over the cases that ran."""
        ran = [c.metrics for c in self.cases if c.runs]
        if not ran:
            return {}
        return {name: statistics.fmean(m[name] for m in ran) for name in ran[0]}


def _client(recorder: Recorder, settings: Settings) -> Any:
    import httpx2
    import openai

    return openai.OpenAI(
        api_key=settings.api_key or "not-needed",
        base_url=settings.base_url or REPLAY_BASE_URL,
        max_retries=0,
        timeout=settings.timeout,
        http_client=httpx2.Client(transport=recording_transport(recorder)),
    )


def _one_line(text: str) -> str:
    return " ".join(text.split())[:400]


def run_once(
    case: Case,
    repeat: int,
    config: EvalConfig,
    store: RecordingStore,
    summarize: SummarizeFn,
) -> tuple[RunResult | None, Recorder]:
    """Run one case once; None (with ``recorder.misses`` set) when replay had no recording."""
    recorder = Recorder(store, case.id, config.mode, sample=repeat)
    client = _client(recorder, config.settings)
    error: str | None = None
    briefing: Briefing | None = None
    usage, attempts = Usage(), 0
    try:
        briefing = summarize(case.article, settings=config.settings, client=client)
    except Exception as exc:
        if recorder.misses:  # however the SDK wrapped it, a replay miss is a miss
            return None, recorder
        if not isinstance(exc, SummarizerError):
            raise
        kind = "invalid output" if isinstance(exc, OutputValidationError) else "error"
        error = f"{kind}: {_one_line(str(exc))}"
        usage = getattr(exc, "usage", None) or Usage()
        attempts = int(getattr(exc, "attempts", 0) or 0)
    finally:
        client.close()
    if briefing is not None and briefing.meta is not None:
        usage, attempts = briefing.meta.usage, briefing.meta.attempts
    score = score_case(briefing or _EMPTY, case.gold, case.article)
    metrics = score.metrics()
    metrics["schema_valid"] = 1.0 if briefing is not None else 0.0
    cost = None
    if config.price is not None:
        cost = usage.prompt_tokens * config.price[0] + usage.completion_tokens * config.price[1]
        cost = round(cost / 1_000_000, 6)
    result = RunResult(
        repeat=repeat,
        metrics=metrics,
        score=score,
        briefing=briefing,
        error=error,
        usage=usage,
        attempts=attempts,
        requests=recorder.requests,
        latency_s=round(recorder.latency_s, 3),
        cost_usd=cost,
    )
    return result, recorder


def run_eval(
    cases: Sequence[Case],
    config: EvalConfig,
    *,
    summarize: SummarizeFn | None = None,
    note: str | None = None,
) -> EvalRun:
    """Run every case ``config.repeat`` times; replay misses are collected, not raised."""
    if config.repeat < 1:
        raise ConfigurationError(f"--repeat is {config.repeat}: use a whole number of 1 or more")
    if summarize is None:
        from ..pipeline import summarize as pipeline_summarize

        summarize = pipeline_summarize
    from ..prompts import load_prompts

    prompts = load_prompts(config.settings.prompt_dir)
    store = RecordingStore(config.recordings)
    results: list[CaseResult] = []
    for case in cases:
        result = CaseResult(case)
        for k in range(config.repeat):
            run, _ = run_once(case, k, config, store, summarize)
            if run is None:
                result.missed = True
                break
            result.runs.append(run)
        results.append(result)
    stale: list[Path] = []
    if config.mode != "live" and not any(r.missed for r in results):
        stale = store.stale([c.id for c in cases], all_cases=config.all_cases)
    return EvalRun(
        mode=config.mode,
        model=config.settings.effective_model,
        llm_mode=config.settings.mode,
        prompt_id=prompts.id,
        prompt_hash=prompts.hash,
        repeat=config.repeat,
        cases=results,
        stale=stale,
        note=note,
    )
