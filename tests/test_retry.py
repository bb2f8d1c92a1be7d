"""retry.py: classification-independent retry policy, Retry-After, deadline, jitter."""

from __future__ import annotations

import email.utils

import pytest

from summarizer import Settings
from summarizer.errors import TransientExhaustedError
from summarizer.retry import MAX_RETRY_AFTER, Fault, TransportRetry, parse_retry_after


class Boom(Exception):
    def __init__(self, fault: Fault | None) -> None:
        super().__init__("boom")
        self.fault = fault


def classify(exc: BaseException) -> Fault | None:
    return exc.fault if isinstance(exc, Boom) else None


class Clock:
    def __init__(self) -> None:
        self.now = 0.0
        self.slept: list[float] = []

    def __call__(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.slept.append(seconds)
        self.now += seconds


def make(clock: Clock, **changes: object) -> TransportRetry:
    settings = Settings(backoff=1.0, max_attempts=4, retry_deadline=60).replace(**changes)
    return TransportRetry(settings, sleep=clock.sleep, clock=clock, rng=lambda: 1.0)


def failing_then(results: list[Fault | str | None]) -> object:
    queue = list(results)

    def fn() -> str:
        item = queue.pop(0)
        if isinstance(item, str):
            return item
        raise Boom(item)

    return fn


@pytest.mark.parametrize(
    ("headers", "expected"),
    [
        ({"Retry-After": "7"}, 7.0),
        ({"retry-after": "1.5"}, 1.5),
        ({"retry-after-ms": "250", "Retry-After": "9"}, 0.25),
        ({"Retry-After": "-3"}, 0.0),
        ({"Retry-After": "100000"}, MAX_RETRY_AFTER),
        ({"Retry-After": "soon"}, None),
        ({}, None),
    ],
)
def test_parse_retry_after(headers: dict[str, str], expected: float | None) -> None:
    assert parse_retry_after(headers) == expected


def test_parse_retry_after_http_date() -> None:
    when = email.utils.formatdate(1_000_030, usegmt=True)
    assert parse_retry_after({"Retry-After": when}, now=1_000_000) == pytest.approx(30)


def test_backoff_doubles_and_retry_after_wins() -> None:
    clock = Clock()
    retry = make(clock)
    fn = failing_then([Fault("500"), Fault("429", retry_after=5.0), Fault("503"), "ok"])
    assert retry.call(fn, classify) == "ok"  # type: ignore[arg-type]
    assert clock.slept == [1.0, 5.0, 4.0]  # 1*2^0, Retry-After, 1*2^2 (rng=1 → full base)
    assert retry.requests == 4


def test_jitter_stays_within_half_to_full_base() -> None:
    clock = Clock()
    settings = Settings(backoff=2.0, max_attempts=3)
    retry = TransportRetry(settings, sleep=clock.sleep, clock=clock, rng=lambda: 0.0)
    with pytest.raises(TransientExhaustedError):
        retry.call(failing_then([Fault("x")] * 3), classify)  # type: ignore[arg-type]
    assert clock.slept == [1.0, 2.0]


def test_non_transient_errors_pass_through_untouched() -> None:
    clock = Clock()
    retry = make(clock)
    with pytest.raises(Boom) as info:
        retry.call(failing_then([None]), classify)  # type: ignore[arg-type]
    assert info.value.__cause__ is None and clock.slept == [] and retry.requests == 1


def test_attempts_are_bounded() -> None:
    clock = Clock()
    retry = make(clock, max_attempts=2)
    with pytest.raises(TransientExhaustedError) as info:
        retry.call(failing_then([Fault("HTTP 502", status=502)] * 5), classify)  # type: ignore[arg-type]
    assert retry.requests == 2 and info.value.attempts == 2 and info.value.status == 502
    assert "after 2 attempts" in str(info.value)


def test_deadline_stops_before_a_wait_that_would_pass_it() -> None:
    clock = Clock()
    retry = make(clock, retry_deadline=10, max_attempts=10)
    fn = failing_then([Fault("429", retry_after=4.0), Fault("429", retry_after=30.0), "ok"])
    with pytest.raises(TransientExhaustedError) as info:
        retry.call(fn, classify)  # type: ignore[arg-type]
    assert clock.slept == [4.0]  # the 30 s wait is never started
    assert "asked to wait 30s" in str(info.value)


def test_deadline_is_shared_across_calls() -> None:
    clock = Clock()
    retry = make(clock, retry_deadline=5, max_attempts=10)
    assert retry.call(failing_then([Fault("x", retry_after=4.0), "a"]), classify) == "a"  # type: ignore[arg-type]
    with pytest.raises(TransientExhaustedError):
        retry.call(failing_then([Fault("x", retry_after=2.0), "b"]), classify)  # type: ignore[arg-type]
    assert retry.requests == 3


def test_async_twin_behaves_the_same() -> None:
    import asyncio

    clock = Clock()

    async def asleep(seconds: float) -> None:
        clock.sleep(seconds)

    settings = Settings(backoff=1.0, max_attempts=4)
    retry = TransportRetry(settings, async_sleep=asleep, clock=clock, rng=lambda: 1.0)
    fn = failing_then([Fault("503"), Fault("429", retry_after=3.0), "ok"])

    async def call() -> object:
        return fn()  # type: ignore[operator]

    assert asyncio.run(retry.acall(call, classify)) == "ok"
    assert clock.slept == [1.0, 3.0] and retry.requests == 3
