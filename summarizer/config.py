"""Settings: one frozen value object, resolved from arguments, environment, ``.env``, defaults.

Nothing here runs at import time. ``Settings.from_env`` reads the mapping it is given (pass
``os.environ`` explicitly); ``.env`` files are read only by ``load_dotenv_values`` when the CLI
or the caller asks for it, and are never written into ``os.environ``.
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Literal, get_args

from .errors import ConfigurationError

Mode = Literal["tools", "json_schema", "json", "md_json"]
Grounding = Literal["flag", "drop", "strict"]
Engine = Literal["auto", "llm", "rules"]

MODES: tuple[str, ...] = get_args(Mode)
GROUNDINGS: tuple[str, ...] = get_args(Grounding)
ENGINES: tuple[str, ...] = get_args(Engine)

DEFAULT_OPENAI_MODEL = "gpt-4o-mini"
DEFAULT_MODE: Mode = "tools"
DEFAULT_TIMEOUT = 60.0
DEFAULT_MAX_ATTEMPTS = 6  # 30% transient failures → 0.07% of calls fail
DEFAULT_RETRY_DEADLINE = 180.0
DEFAULT_MAX_REASKS = 2
DEFAULT_TEMPERATURE = 0.0
DEFAULT_MAX_INPUT_CHARS = 200_000
DEFAULT_BACKOFF = 0.5

#: Environment variable for each setting. ``.env.example`` documents every one of them.
ENV_VARS: dict[str, str] = {
    "model": "SUMMARIZER_MODEL",
    "base_url": "SUMMARIZER_BASE_URL",
    "api_key": "SUMMARIZER_API_KEY",
    "mode": "SUMMARIZER_MODE",
    "timeout": "SUMMARIZER_TIMEOUT",
    "max_attempts": "SUMMARIZER_MAX_ATTEMPTS",
    "retry_deadline": "SUMMARIZER_RETRY_DEADLINE",
    "backoff": "SUMMARIZER_BACKOFF",
    "max_reasks": "SUMMARIZER_MAX_REASKS",
    "temperature": "SUMMARIZER_TEMPERATURE",
    "max_input_chars": "SUMMARIZER_MAX_INPUT_CHARS",
    "prompt_dir": "SUMMARIZER_PROMPT_DIR",
    "grounding": "SUMMARIZER_GROUNDING",
    "engine": "SUMMARIZER_ENGINE",
}
#: Read when the SUMMARIZER_ variable is absent, so an existing OpenAI set-up just works.
FALLBACK_ENV_VARS: dict[str, str] = {
    "api_key": "OPENAI_API_KEY",
    "base_url": "OPENAI_BASE_URL",
}


@dataclasses.dataclass(frozen=True, kw_only=True)
class Settings:
    """How to reach the model and how hard to try.

    Build one with ``Settings(...)``, ``Settings.from_env(os.environ)`` or
    ``Settings.resolve(...)``; change one with ``settings.replace(...)``.
    """

    model: str | None = None
    """Model name sent to the server; defaults to gpt-4o-mini against OpenAI itself."""
    base_url: str | None = None
    """OpenAI-compatible endpoint, e.g. ``http://127.0.0.1:11434/v1`` for Ollama."""
    api_key: str | None = dataclasses.field(default=None, repr=False)
    """Bearer token; never printed, logged or stored."""
    mode: Mode = DEFAULT_MODE
    """instructor mode: tools | json_schema | json | md_json (see README's server table)."""
    timeout: float = DEFAULT_TIMEOUT
    """Seconds one HTTP request may take."""
    max_attempts: int = DEFAULT_MAX_ATTEMPTS
    """HTTP attempts per model call for transient failures (429, 5xx, timeouts, resets)."""
    retry_deadline: float = DEFAULT_RETRY_DEADLINE
    """Seconds after which no new transient retry is started, over the whole summarize()."""
    backoff: float = DEFAULT_BACKOFF
    """First backoff in seconds; doubles each retry, with jitter."""
    max_reasks: int = DEFAULT_MAX_REASKS
    """Re-asks after invalid output (bad JSON, schema, references, ungrounded quotes)."""
    temperature: float | None = DEFAULT_TEMPERATURE
    """Sampling temperature; None leaves it to the server."""
    max_input_chars: int = DEFAULT_MAX_INPUT_CHARS
    """Longer articles are rejected before any model call."""
    prompt_dir: Path | None = None
    """Directory with briefing.system.j2 and briefing.user.j2; None uses the bundled ones."""
    grounding: Grounding = "flag"
    """What to do with evidence not found in the article after re-asks: flag | drop | strict."""
    engine: Engine = "auto"
    """llm, rules (offline), or auto: llm when a model is configured, else rules."""

    def __post_init__(self) -> None:
        _check_choice("mode", self.mode, MODES)
        _check_choice("grounding", self.grounding, GROUNDINGS)
        _check_choice("engine", self.engine, ENGINES)
        for name in ("timeout", "retry_deadline"):
            value = getattr(self, name)
            if not (isinstance(value, int | float) and math.isfinite(value) and value > 0):
                raise _bad(name, value, "a positive number of seconds")
        if not (isinstance(self.backoff, int | float) and 0 <= self.backoff < 3600):
            raise _bad("backoff", self.backoff, "a number of seconds from 0 to 3600")
        if not (isinstance(self.max_attempts, int) and 1 <= self.max_attempts <= 20):
            raise _bad("max_attempts", self.max_attempts, "a whole number from 1 to 20")
        if not (isinstance(self.max_reasks, int) and 0 <= self.max_reasks <= 10):
            raise _bad("max_reasks", self.max_reasks, "a whole number from 0 to 10")
        if not (isinstance(self.max_input_chars, int) and self.max_input_chars > 0):
            raise _bad("max_input_chars", self.max_input_chars, "a positive whole number")
        if self.temperature is not None and not 0 <= self.temperature <= 2:
            raise _bad("temperature", self.temperature, "a number from 0 to 2")
        if self.base_url is not None and not self.base_url.startswith(("http://", "https://")):
            raise _bad("base_url", self.base_url, "an http:// or https:// URL ending in /v1")

    @property
    def model_configured(self) -> bool:
        """True when there is somewhere to send a request: an API key or a base URL."""
        return bool(self.api_key) or bool(self.base_url)

    @property
    def effective_model(self) -> str:
        """The model name to send; a custom server has no sensible default, so it must be set."""
        if self.model:
            return self.model
        if self.base_url:
            raise ConfigurationError(
                f"no model name for {self.base_url}: set SUMMARIZER_MODEL or pass --model"
            )
        return DEFAULT_OPENAI_MODEL

    def replace(self, **changes: Any) -> Settings:
        """A copy with ``changes`` applied; ``None`` values are ignored (unset arguments)."""
        return dataclasses.replace(self, **{k: v for k, v in changes.items() if v is not None})

    @classmethod
    def from_env(
        cls, environ: Mapping[str, str], *, dotenv: Mapping[str, str | None] | None = None
    ) -> Settings:
        """Settings from an environment mapping, then ``dotenv`` values, then defaults."""
        merged: dict[str, str] = {k: v for k, v in (dotenv or {}).items() if v is not None}
        merged.update(environ)
        values: dict[str, Any] = {}
        for name, var in ENV_VARS.items():
            raw = merged.get(var)
            if raw is None and name in FALLBACK_ENV_VARS:
                raw = merged.get(FALLBACK_ENV_VARS[name])
            if raw is None or raw.strip() == "":
                continue
            values[name] = _parse(name, var, raw.strip())
        return cls(**values)

    @classmethod
    def resolve(
        cls,
        *,
        environ: Mapping[str, str] | None = None,
        dotenv_path: Path | None = None,
        **overrides: Any,
    ) -> Settings:
        """Arguments, then environment, then the ``.env`` file, then defaults."""
        dotenv = load_dotenv_values(dotenv_path) if dotenv_path is not None else None
        return cls.from_env(environ or {}, dotenv=dotenv).replace(**overrides)


def load_dotenv_values(path: Path) -> dict[str, str | None]:
    """Read a ``.env`` file without touching ``os.environ``; a missing file gives nothing."""
    if not path.is_file():
        return {}
    from dotenv import dotenv_values  # deferred: only the CLI and explicit callers need it

    return dict(dotenv_values(path))


_FLOATS = {"timeout", "retry_deadline", "backoff", "temperature"}
_INTS = {"max_attempts", "max_reasks", "max_input_chars"}


def _parse(name: str, var: str, raw: str) -> Any:
    if name == "temperature" and raw.lower() in ("none", "default"):
        return None  # leave sampling to the server
    if name in _FLOATS:
        try:
            return float(raw)
        except ValueError:
            raise ConfigurationError(
                f"{var}={raw!r} is not a number: fix it in the environment or .env"
            ) from None
    if name in _INTS:
        try:
            return int(raw)
        except ValueError:
            raise ConfigurationError(
                f"{var}={raw!r} is not a whole number: fix it in the environment or .env"
            ) from None
    if name == "prompt_dir":
        return Path(raw).expanduser()
    return raw


def _check_choice(name: str, value: object, choices: tuple[str, ...]) -> None:
    if value not in choices:
        raise _bad(name, value, "one of " + " | ".join(choices))


def _bad(name: str, value: object, expected: str) -> ConfigurationError:
    shown = "<hidden>" if name == "api_key" else repr(value)
    return ConfigurationError(f"setting {name} ({ENV_VARS[name]}) is {shown}; expected {expected}")
