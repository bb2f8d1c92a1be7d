"""The one module that talks to openai and instructor (both imported lazily).

``ModelClient`` takes ``Settings`` and, optionally, a ready-made ``openai.OpenAI`` or
``openai.AsyncOpenAI`` (Azure, a custom ``http_client``, a test transport...). It switches the
SDK's own retries off and wraps the SDK's ``chat.completions.create`` in the transport retry
layer (``retry.py``) *before* handing the client to instructor, so each instructor attempt is
one logical call however many HTTP requests it took. instructor re-asks invalid output.

Every SDK and instructor exception becomes one of the project's own errors here; which SDK
failures are transient and which are fatal is decided in ``faults.py``.
"""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from pydantic import BaseModel

from .config import Settings
from .errors import (
    ConfigurationError,
    ModelAPIError,
    OutputValidationError,
    SummarizerError,
)
from .faults import classify, fatal_error, one_line, redact
from .retry import TransportRetry
from .schema import Usage

if TYPE_CHECKING:
    pass

M = TypeVar("M", bound=BaseModel)

INSTRUCTOR_MODES = {
    "tools": "TOOLS",
    "json_schema": "JSON_SCHEMA",
    "json": "JSON",
    "md_json": "MD_JSON",
}


@dataclasses.dataclass
class Extraction(Generic[M]):
    """A validated model output with what it cost."""

    value: M
    attempts: int
    http_requests: int
    usage: Usage
    raw_output: str | None


@dataclasses.dataclass
class _Ledger:
    """What the wrapped ``create`` saw during one extraction.

    ``context`` is instructor's validation context: its ``calls`` entry lets validators know
    which attempt they are judging (the grounding check stands down on the last one).
    """

    context: dict[str, Any]
    calls: int = 0
    usage: Usage = dataclasses.field(default_factory=Usage)
    raw_output: str | None = None

    def start_call(self) -> None:
        self.calls += 1
        self.context["calls"] = self.calls

    def record(self, response: Any) -> Any:
        usage = getattr(response, "usage", None)
        if usage is not None:
            self.usage = self.usage + Usage(
                prompt_tokens=usage.prompt_tokens or 0,
                completion_tokens=usage.completion_tokens or 0,
                total_tokens=usage.total_tokens or 0,
            )
        self.raw_output = raw_output_of(response)
        return response


def raw_output_of(response: Any) -> str | None:
    """The text the model produced: tool-call arguments, else message content."""
    try:
        message = response.choices[0].message
    except (AttributeError, IndexError, TypeError):
        return None
    calls = getattr(message, "tool_calls", None) or []
    if calls:
        return "\n".join(str(c.function.arguments) for c in calls)
    content = getattr(message, "content", None)
    return content if isinstance(content, str) else None


def build_sdk_client(settings: Settings, *, asynchronous: bool = False) -> Any:
    """An ``openai.OpenAI`` (or ``AsyncOpenAI``) for ``settings``, with SDK retries off."""
    if not settings.model_configured:
        raise ConfigurationError(
            "no model configured: set SUMMARIZER_API_KEY for OpenAI, or SUMMARIZER_BASE_URL and "
            "SUMMARIZER_MODEL for a local server (see .env.example)"
        )
    import openai

    cls = openai.AsyncOpenAI if asynchronous else openai.OpenAI
    # Local servers need no key, but the SDK insists on one: send a harmless placeholder.
    return cls(
        api_key=settings.api_key or "no-key-needed",
        base_url=settings.base_url,
        timeout=settings.timeout,
        max_retries=0,
    )


class ModelClient:
    """Runs structured extractions against one OpenAI-compatible server."""

    def __init__(
        self, settings: Settings, client: Any = None, *, retry: TransportRetry | None = None
    ) -> None:
        self.settings = settings
        self._client = client
        self.retry = retry or TransportRetry(settings)

    def extract(
        self, messages: list[dict[str, str]], response_model: type[M], context: dict[str, Any]
    ) -> Extraction[M]:
        """Validated ``response_model`` from the model, re-asking on invalid output."""
        sdk = self._client if self._client is not None else build_sdk_client(self.settings)
        if _is_async(sdk):
            raise ConfigurationError(
                "summarize() was given an AsyncOpenAI client: use asummarize()"
            )
        ledger = _Ledger(context)

        def wrap(inner: Callable[..., Any]) -> Callable[..., Any]:
            def create(*args: Any, **kwargs: Any) -> Any:
                ledger.start_call()
                call = functools.partial(self._guard, inner, args, kwargs)
                return ledger.record(self.retry.call(call, classify))

            return create

        patched = self._instructor_around(sdk, wrap)
        try:
            value = patched.chat.completions.create(
                **self._create_kwargs(messages, response_model, context)
            )
        except Exception as exc:
            raise self._map_failure(exc, ledger) from exc
        return self._result(value, response_model, ledger)

    async def aextract(
        self, messages: list[dict[str, str]], response_model: type[M], context: dict[str, Any]
    ) -> Extraction[M]:
        """Async twin of ``extract`` (needs an ``AsyncOpenAI`` client or builds one)."""
        sdk = self._client
        if sdk is None:
            sdk = build_sdk_client(self.settings, asynchronous=True)
        if not _is_async(sdk):
            raise ConfigurationError("asummarize() was given a sync OpenAI client: use AsyncOpenAI")
        ledger = _Ledger(context)

        def wrap(inner: Callable[..., Any]) -> Callable[..., Any]:
            async def create(*args: Any, **kwargs: Any) -> Any:
                ledger.start_call()
                call = functools.partial(self._aguard, inner, args, kwargs)
                return ledger.record(await self.retry.acall(call, classify))

            return create

        patched = self._instructor_around(sdk, wrap)
        try:
            value = await patched.chat.completions.create(
                **self._create_kwargs(messages, response_model, context)
            )
        except Exception as exc:
            raise self._map_failure(exc, ledger) from exc
        return self._result(value, response_model, ledger)

    # -- helpers -------------------------------------------------------------------------

    def _instructor_around(
        self, sdk: Any, wrap: Callable[[Callable[..., Any]], Callable[..., Any]]
    ) -> Any:
        """instructor over a private copy of ``sdk`` whose ``create`` is ``wrap(create)``.

        The copy has SDK retries off; the wrapper must be in place before instructor is built,
        because instructor captures ``chat.completions.create`` at construction.
        """
        own = sdk.with_options(max_retries=0, timeout=self.settings.timeout)
        completions = own.chat.completions
        inner = completions.create
        completions.create = functools.wraps(inner)(wrap(inner))
        return _instructor(own, self.settings.mode)

    def _create_kwargs(
        self, messages: list[dict[str, str]], response_model: type[M], context: dict[str, Any]
    ) -> dict[str, Any]:
        kwargs: dict[str, Any] = {
            "response_model": _prepared(response_model),
            "max_retries": self.settings.max_reasks,
            "context": context,
            "model": self.settings.effective_model,
            "messages": messages,
        }
        if self.settings.temperature is not None:
            kwargs["temperature"] = self.settings.temperature
        return kwargs

    def _result(self, value: M, response_model: type[M], ledger: _Ledger) -> Extraction[M]:
        return Extraction(
            _plain(value, response_model),
            ledger.calls,
            self.retry.requests,
            ledger.usage,
            ledger.raw_output,
        )

    def _guard(
        self, inner: Callable[..., Any], args: tuple[Any, ...], kwargs: dict[str, Any]
    ) -> Any:
        try:
            return inner(*args, **kwargs)
        except Exception as exc:
            self._raise_fatal(exc)
            raise

    async def _aguard(
        self, inner: Callable[..., Any], args: tuple[Any, ...], kwargs: dict[str, Any]
    ) -> Any:
        try:
            return await inner(*args, **kwargs)
        except Exception as exc:
            self._raise_fatal(exc)
            raise

    def _raise_fatal(self, exc: Exception) -> None:
        """Raise our error for failures that must not be retried (auth, mode, other 4xx)."""
        fatal = fatal_error(exc, self.settings)
        if fatal is not None:
            raise fatal from exc

    def _map_failure(self, exc: Exception, ledger: _Ledger) -> SummarizerError:
        own = _own_cause(exc)
        if own is not None:
            if isinstance(own, ModelAPIError):
                own.attempts = self.retry.requests
                own.usage = ledger.usage
            return own
        name = type(exc).__name__
        if name == "IncompleteOutputException":
            return OutputValidationError(
                "the model's output was cut off (finish_reason=length): raise the server's "
                "max output tokens or use a model with a larger context",
                raw_output=ledger.raw_output,
                attempts=ledger.calls,
                usage=ledger.usage,
            )
        if name == "InstructorRetryException" or ledger.calls:
            last = redact(one_line(str(exc)), self.settings.api_key)
            return OutputValidationError(
                f"the model's output did not validate after {ledger.calls} attempt(s) "
                f"({last[:300]}): raise SUMMARIZER_MAX_REASKS, try another --mode or model",
                raw_output=ledger.raw_output,
                attempts=ledger.calls,
                usage=ledger.usage,
            )
        return ModelAPIError(
            f"the model call failed before any request ({name}: "
            f"{redact(one_line(str(exc)), self.settings.api_key)[:300]})",
            attempts=self.retry.requests,
        )


@functools.cache
def _prepared(model: type[M]) -> type[M]:
    """instructor's schema wrapper for ``model``, built once per class instead of per call.

    instructor otherwise rebuilds the wrapper class (and so its JSON schema) on every call,
    which costs more than the whole HTTP round trip to a local server. Falls back to the plain
    model if a future instructor moves this internal helper.
    """
    try:
        from instructor.v2.core.function_calls import response_schema
    except ImportError:  # pragma: no cover - depends on instructor internals
        return model
    prepared: type[M] = response_schema(model)
    return prepared


def _plain(value: M, model: type[M]) -> M:
    """Back from instructor's subclass to ``model`` itself (equality and pickling need it)."""
    if type(value) is model:
        return value
    return model.model_construct(**{name: getattr(value, name) for name in model.model_fields})


def _instructor(client: Any, mode: str) -> Any:
    import instructor

    return instructor.from_openai(client, mode=getattr(instructor.Mode, INSTRUCTOR_MODES[mode]))


def _is_async(client: Any) -> bool:
    import openai

    return isinstance(client, openai.AsyncOpenAI)


def _own_cause(exc: BaseException) -> SummarizerError | None:
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        if isinstance(current, SummarizerError):
            return current
        seen.add(id(current))
        current = current.__cause__ or current.__context__
    return None
