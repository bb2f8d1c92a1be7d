"""Issue #2's end-to-end checks, as a user would run them: the CLI against a loopback server.

1. ``summarizer brief <canonical> --base-url http://127.0.0.1:PORT/v1 --model M --mode X`` for
   each of the four modes: exit code, valid briefing, requests made.
2. With 30% of requests failing transiently (429/5xx/resets/truncated bodies), ``--rounds``
   rounds of 10 consecutive CLI runs (a new fault seed per round): how many runs succeeded and
   how many HTTP requests they took.
3. Against a server that answers 401: requests made, exit code, stderr lines.

Run: ``python bench/soak_cli.py [--rounds N]``. Prints results; asserts nothing.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

from summarizer import Briefing
from summarizer.testing import FakeOpenAIServer, error_reply, flaky, scripted

ROOT = Path(__file__).resolve().parent.parent
ARTICLE = ROOT / "fixtures" / "articles" / "2025-09-03-putin-china-press.txt"
PAYLOAD = json.loads((ROOT / "fixtures" / "responses" / "canonical.briefing.json").read_text())


def cli(*args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SUMMARIZER_", "OPENAI_"))}
    return subprocess.run(
        [sys.executable, "-m", "summarizer", *args],
        capture_output=True,
        text=True,
        env=env,
        check=False,
        timeout=300,
    )


def brief(server: FakeOpenAIServer, mode: str = "tools") -> subprocess.CompletedProcess[str]:
    return cli(
        "brief",
        str(ARTICLE),
        "--format",
        "json",
        "--base-url",
        server.base_url,
        "--model",
        "fake-model",
        "--mode",
        mode,
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()

    for mode in ("tools", "json_schema", "json", "md_json"):
        with FakeOpenAIServer(scripted([PAYLOAD])) as server:
            done = brief(server, mode)
            ok = done.returncode == 0 and Briefing.model_validate_json(done.stdout).title != ""
            print(
                f"mode {mode:12} exit {done.returncode} valid briefing {ok} "
                f"requests {len(server.requests)}"
            )

    for seed in range(args.rounds):
        with FakeOpenAIServer(flaky(scripted([PAYLOAD]), rate=0.3, seed=seed)) as server:
            codes = [brief(server).returncode for _ in range(10)]
            print(
                f"30% faults seed {seed}: {codes.count(0)}/10 runs succeeded, "
                f"{len(server.requests)} HTTP requests for 10 briefings"
            )

    with FakeOpenAIServer(scripted([error_reply(401, "Incorrect API key provided")])) as server:
        done = cli("brief", str(ARTICLE), "--base-url", server.base_url, "--model", "m")
        lines = done.stderr.strip().splitlines()
        print(
            f"401: requests {len(server.requests)}, exit {done.returncode}, "
            f"stderr lines {len(lines)}: {lines[0] if lines else ''}"
        )


if __name__ == "__main__":
    main()
