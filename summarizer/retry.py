"""The transport retry layer: transient HTTP failures, retried with tenacity.

This layer sits *below* instructor: it wraps the one SDK call that instructor makes per attempt,
so a transient failure (429, 5xx, timeout, reset, truncated body) is retried here and never
reaches instructor, while invalid output is re-asked by instructor and never retried here. The
two budgets therefore add up instead of multiplying: at most ``(max_reasks + 1) *
max_attempts`` requests, and no new retry starts after the shared ``retry_deadline``.

Waits are exponential with jitter, except that a server's Retry-After (seconds, HTTP date or
``retry-after-ms``) is honoured exactly; if that wait would pass the deadline we stop at once
rather than sleep for nothing. This module knows nothing about openai: ``client.py`` classifies
SDK exceptions into ``Fault`` values.
"""

from __future__ import annotations

import asyncio
import dataclasses
import email.utils
import random
import time
from collections.abc import Awaitable, Callable, Mapping
from typing import Any, NoReturn, TypeVar

import tenacity

from .config import Settings
from .errors import TransientExhaustedError

T = TypeVar("T")

MAX_RETRY_AFTER = 120.0  # a server asking for more than this is treated as asking for this


@dataclasses.dataclass(frozen=True)
class Fault:
    """A transient failure worth retrying, as classified from an SDK exception."""

    description: str
    status: int | None = None
    retry_after: float | None = None


Classifier = Callable[[BaseException], Fault | None]


def parse_retry_after(headers: Mapping[str, str], *, now: float | None = None) -> float | None:
    """Seconds to wait from ``retry-after-ms`` or ``Retry-After`` (delta-seconds or HTTP date)."""
    lowered = {k.lower(): v for k, v in headers.items()}
    raw_ms = lowered.get("retry-after-ms")
    if raw_ms is not None:
        try:
            return min(max(float(raw_ms) / 1000.0, 0.0), MAX_RETRY_AFTER)
        except ValueError:
            pass
    raw = lowered.get("retry-after")
    if raw is None:
        return None
    try:
        return min(max(float(raw), 0.0), MAX_RETRY_AFTER)
    except ValueError:
        pass
    try:
        when = email.utils.parsedate_to_datetime(raw).timestamp()
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
    current = time.time() if now is None else now
    return min(max(when - current, 0.0), MAX_RETRY_AFTER)


class TransportRetry:
    """Retries one logical model call through transient faults; shared by a whole run.

    ``requests`` counts every HTTP attempt made through it, so callers can report how many
    requests a briefing cost. ``sleep``, ``clock`` and ``rng`` are injectable for tests.
    """

    def __init__(
        self,
        settings: Settings,
        *,
        sleep: Callable[[float], None] = time.sleep,
        async_sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
        clock: Callable[[], float] = time.monotonic,
        rng: Callable[[], float] = random.random,
    ) -> None:
        self._settings = settings
        self._sleep = sleep
        self._async_sleep = async_sleep
        self._clock = clock
        self._rng = rng
        self._deadline = clock() + settings.retry_deadline
        self.requests = 0
        self.waits: list[float] = []

    def call(self, fn: Callable[[], T], classify: Classifier) -> T:
        """Run ``fn``, retrying transient faults; TransientExhaustedError when out of budget."""
        retrying = tenacity.Retrying(sleep=self._record_sleep, **self._policy(classify))
        try:
            for attempt in retrying:
                with attempt:
                    self.requests += 1
                    return fn()
        except Exception as exc:
            self._raise_exhausted(exc, classify)
        raise AssertionError("unreachable: tenacity either returns or raises")

    async def acall(self, fn: Callable[[], Awaitable[T]], classify: Classifier) -> T:
        """Async twin of ``call``."""
        retrying = tenacity.AsyncRetrying(sleep=self._record_async_sleep, **self._policy(classify))
        try:
            async for attempt in retrying:
                with attempt:
                    self.requests += 1
                    return await fn()
        except Exception as exc:
            self._raise_exhausted(exc, classify)
        raise AssertionError("unreachable: tenacity either returns or raises")

    # -- tenacity callbacks -------------------------------------------------------------

    def _policy(self, classify: Classifier) -> dict[str, Any]:
        def wait(state: tenacity.RetryCallState) -> float:
            outcome = state.outcome
            exc = outcome.exception() if outcome is not None and outcome.failed else None
            fault = classify(exc) if exc is not None else None
            if fault is not None and fault.retry_after is not None:
                return float(fault.retry_after)
            base = self._settings.backoff * (2 ** (state.attempt_number - 1))
            return float(
                base * (0.5 + self._rng() / 2)
            )  # jitter: spread clients that failed together

        return {
            "stop": self._stop,
            "wait": wait,
            "retry": tenacity.retry_if_exception(lambda e: classify(e) is not None),
            "reraise": True,
        }

    def _stop(self, state: tenacity.RetryCallState) -> bool:
        if state.attempt_number >= self._settings.max_attempts:
            return True
        return self._clock() + state.upcoming_sleep > self._deadline

    def _record_sleep(self, seconds: float) -> None:
        self.waits.append(seconds)
        self._sleep(seconds)

    async def _record_async_sleep(self, seconds: float) -> None:
        self.waits.append(seconds)
        await self._async_sleep(seconds)

    def _raise_exhausted(self, exc: Exception, classify: Classifier) -> NoReturn:
        fault = classify(exc)
        if fault is None:
            raise exc  # not transient: the caller's mapping applies unchanged
        budget = (
            f"after {self.requests} attempts"
            if self.requests >= self._settings.max_attempts
            else f"the retry deadline of {self._settings.retry_deadline:g}s would pass"
        )
        hint = "raise SUMMARIZER_MAX_ATTEMPTS / SUMMARIZER_RETRY_DEADLINE or try again later"
        if fault.retry_after is not None and self.requests < self._settings.max_attempts:
            hint = f"the server asked to wait {fault.retry_after:g}s; try again later"
        raise TransientExhaustedError(
            f"model server kept failing ({fault.description}); gave up {budget}: {hint}",
            status=fault.status,
            attempts=self.requests,
        ) from exc
