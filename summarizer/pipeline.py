"""``summarize()``: validate input, pick an engine, extract, ground, stamp, return.

    article ─▶ inputs.load_article ─▶ engine?
                                       ├─ llm:   prompts.render ─▶ client.extract (instructor,
                                       │         transport retries, re-asks incl. ungrounded
                                       │         quotes) ─▶ grounding.ground
                                       └─ rules: rules.extract ─▶ grounding.ground (verify)
                                     ─▶ Briefing + RunInfo (engine, model, prompt hash, usage...)

Settings: explicit keyword arguments win, then ``settings`` if given, else the process
environment (read at call time, never at import). ``.env`` files are read only by the CLI or by
``Settings.resolve(dotenv_path=...)``.
"""

from __future__ import annotations

import dataclasses
import datetime
import os
import time
from pathlib import Path
from typing import Any

from .client import Extraction, ModelClient
from .config import Engine, Grounding, Mode, Settings
from .errors import ConfigurationError, GroundingError
from .grounding import ground, reask_problems
from .inputs import Article, load_article
from .prompts import PromptSet, load_prompts
from .schema import Briefing, RunInfo

NO_MODEL_NOTE = (
    "no model configured: used the offline rules engine; set SUMMARIZER_API_KEY, or "
    "SUMMARIZER_BASE_URL and SUMMARIZER_MODEL, to use a language model"
)


@dataclasses.dataclass
class _Run:
    article: Article
    settings: Settings
    engine: str
    started: float
    prompts: PromptSet | None = None
    messages: list[dict[str, str]] | None = None
    context: dict[str, Any] | None = None
    notes: list[str] = dataclasses.field(default_factory=list)


def summarize(
    article: str | Path | bytes,
    *,
    model: str | None = None,
    settings: Settings | None = None,
    client: Any = None,
    engine: Engine | None = None,
    mode: Mode | None = None,
    base_url: str | None = None,
    grounding: Grounding | None = None,
    prompt_dir: Path | None = None,
    source: str | None = None,
) -> Briefing:
    """Summarise one article into a grounded ``Briefing``.

    ``article`` is text (``str``), a ``Path`` to a text or HTML file, or UTF-8 ``bytes``.
    ``client`` is an optional ``openai.OpenAI`` to use as is (Azure, custom transport, a fake
    from ``summarizer.testing``); its own retries are switched off in favour of ours.
    """
    run = _start(article, locals())
    if run.engine == "rules":
        return _rules(run)
    assert run.messages is not None and run.context is not None
    extraction = ModelClient(run.settings, client).extract(run.messages, Briefing, run.context)
    return _finish(run, extraction)


async def asummarize(
    article: str | Path | bytes,
    *,
    model: str | None = None,
    settings: Settings | None = None,
    client: Any = None,
    engine: Engine | None = None,
    mode: Mode | None = None,
    base_url: str | None = None,
    grounding: Grounding | None = None,
    prompt_dir: Path | None = None,
    source: str | None = None,
) -> Briefing:
    """Async ``summarize``; ``client`` must then be an ``openai.AsyncOpenAI`` (or None)."""
    run = _start(article, locals())
    if run.engine == "rules":
        return _rules(run)
    assert run.messages is not None and run.context is not None
    model_client = ModelClient(run.settings, client)
    extraction = await model_client.aextract(run.messages, Briefing, run.context)
    return _finish(run, extraction)


def _start(article: str | Path | bytes, options: dict[str, Any]) -> _Run:
    started = time.perf_counter()
    base = options["settings"]
    if base is None:
        base = Settings.from_env(os.environ)
    settings = base.replace(
        model=options["model"],
        engine=options["engine"],
        mode=options["mode"],
        base_url=options["base_url"],
        grounding=options["grounding"],
        prompt_dir=options["prompt_dir"],
    )
    source = options["source"]
    if source is None and isinstance(article, Path):
        source = str(article)
    loaded = load_article(article, max_chars=settings.max_input_chars, name=source)
    engine = settings.engine
    run = _Run(article=loaded, settings=settings, engine=engine, started=started)
    if engine == "auto":
        run.engine = (
            "llm" if options["client"] is not None or settings.model_configured else "rules"
        )
        if run.engine == "rules":
            run.notes.append(NO_MODEL_NOTE)
    elif engine == "llm" and options["client"] is None and not settings.model_configured:
        raise ConfigurationError(
            "engine 'llm' needs a model: set SUMMARIZER_API_KEY, or SUMMARIZER_BASE_URL and "
            "SUMMARIZER_MODEL (or use engine 'rules' offline)"
        )
    if run.engine == "llm":
        from .align import Aligner

        run.prompts = load_prompts(settings.prompt_dir)
        run.messages = run.prompts.render(article=loaded.text, source=source)
        aligner = Aligner(loaded.text)
        context: dict[str, Any] = {"calls": 0, "aligner": aligner}

        def check(briefing: Briefing) -> list[str]:
            # The last attempt is accepted as far as grounding goes: the policy decides then.
            if context["calls"] > settings.max_reasks:
                return []
            return reask_problems(briefing, aligner)

        context["grounding_check"] = check
        run.context = context
    return run


def _rules(run: _Run) -> Briefing:
    from .rules import extract

    output = extract(run.article.text)
    run.notes.extend(output.notes)
    briefing = ground(
        output.briefing, run.article.text, policy=run.settings.grounding, keep_verified=True
    )
    return _stamp(run, briefing, RunInfo(engine="rules"))


def _finish(run: _Run, extraction: Extraction[Briefing]) -> Briefing:
    assert run.prompts is not None and run.context is not None
    info = RunInfo(
        engine="llm",
        model=run.settings.effective_model,
        mode=run.settings.mode,
        prompt_id=run.prompts.id,
        prompt_hash=run.prompts.hash,
        attempts=extraction.attempts,
        http_requests=extraction.http_requests,
        usage=extraction.usage,
    )
    try:
        briefing = ground(
            extraction.value,
            run.article.text,
            policy=run.settings.grounding,
            aligner=run.context["aligner"],
        )
    except GroundingError as exc:
        exc.raw_output = extraction.raw_output
        exc.attempts = extraction.attempts
        exc.usage = extraction.usage
        raise
    return _stamp(run, briefing, info)


def _stamp(run: _Run, briefing: Briefing, info: RunInfo) -> Briefing:
    from . import __version__

    info.latency_s = round(time.perf_counter() - run.started, 4)
    info.created_at = datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds")
    info.version = __version__
    info.source = run.article.source
    info.input_chars = len(run.article.text)
    info.notes = run.notes
    return briefing.model_copy(update={"meta": info})
