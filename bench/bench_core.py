"""Core benchmarks for issue #2, each a ratio measured in one run against a baseline.

1. Cold start: ``summarizer --help`` against ``python -c "import instructor, openai"``
   (goal: ratio <= 0.3). Median of N fresh processes each, interleaved.
2. Per-call overhead: ``summarize()`` against a bare ``chat.completions.create`` +
   ``Briefing.model_validate_json`` on the same loopback fake server with the same canned
   answer (goal: <= 1.2x). Both use tools mode and one warm SDK client; median of N calls.
   Measured twice: with the fake answering at once (the ratio is then all client-side cost:
   instructor's per-call schema checks dominate) and with a simulated model latency
   (``--latency``, default 0.5 s, still faster than real models), which is what users see.

Run: ``python bench/bench_core.py [--runs N]``. Prints numbers only; asserts nothing.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
ARTICLE = ROOT / "fixtures" / "articles" / "2025-09-03-putin-china-press.txt"
PAYLOAD = ROOT / "fixtures" / "responses" / "canonical.briefing.json"


def _time_process(argv: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(argv, check=True, capture_output=True)
    return time.perf_counter() - start


def cold_start(runs: int) -> tuple[float, float]:
    script = Path(sys.executable).with_name("summarizer")
    ours = (
        [str(script), "--help"]
        if script.exists()
        else [sys.executable, "-m", "summarizer", "--help"]
    )
    sdk = [sys.executable, "-c", "import instructor, openai"]
    _time_process(ours), _time_process(sdk)  # warm the page cache once
    a, b = [], []
    for _ in range(runs):
        a.append(_time_process(ours))
        b.append(_time_process(sdk))
    return statistics.median(a), statistics.median(b)


def per_call(runs: int, latency: float = 0.0) -> tuple[float, float]:
    import openai

    from summarizer import Briefing, Settings, summarize
    from summarizer.testing import FakeOpenAIServer, scripted

    text = ARTICLE.read_text(encoding="utf-8")
    payload = json.loads(PAYLOAD.read_text(encoding="utf-8"))
    tool = {
        "type": "function",
        "function": {"name": "Briefing", "parameters": Briefing.model_json_schema()},
    }
    messages = [{"role": "user", "content": text}]
    with FakeOpenAIServer(scripted([payload]), delay=latency) as server:
        client = openai.OpenAI(api_key="sk-test-bench", base_url=server.base_url, max_retries=0)
        settings = Settings(api_key="sk-test-bench", base_url=server.base_url, model="fake")

        def bare() -> Any:
            done = client.chat.completions.create(
                model="fake",
                messages=messages,
                tools=[tool],  # type: ignore[list-item]
                tool_choice={"type": "function", "function": {"name": "Briefing"}},
            )
            args = done.choices[0].message.tool_calls[0].function.arguments  # type: ignore[union-attr]
            return Briefing.model_validate_json(args)

        def ours() -> Any:
            return summarize(text, settings=settings, client=client)

        for _ in range(3):
            bare(), ours()
        a, b = [], []
        for _ in range(runs):
            start = time.perf_counter()
            ours()
            a.append(time.perf_counter() - start)
            start = time.perf_counter()
            bare()
            b.append(time.perf_counter() - start)
    return statistics.median(a), statistics.median(b)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument(
        "--latency",
        type=float,
        default=0.5,
        help="simulated model latency for the second per-call row (seconds)",
    )
    args = parser.parse_args()
    ours, sdk = cold_start(args.runs)
    print(
        f"cold start   summarizer --help {ours * 1000:7.1f} ms | import instructor, openai "
        f"{sdk * 1000:7.1f} ms | ratio {ours / sdk:.2f} (goal <= 0.30)   median of {args.runs}"
    )
    for latency in (0.0, args.latency):
        runs = args.runs * 4 if latency == 0 else args.runs
        call, bare = per_call(runs, latency)
        print(
            f"per call     model latency {latency * 1000:4.0f} ms: "
            f"summarize() {call * 1000:7.2f} ms"
            f" | create+validate {bare * 1000:7.2f} ms | ratio {call / bare:.2f} (goal <= 1.20)"
            f"   median of {runs}"
        )


if __name__ == "__main__":
    main()
