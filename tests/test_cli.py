"""cli.py as users run it: a subprocess against a fake OpenAI-compatible server on 127.0.0.1."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from summarizer import Briefing
from summarizer.testing import FakeOpenAIServer, error_reply, scripted

from .conftest import CANONICAL

MODES = ["tools", "json_schema", "json", "md_json"]


def run_cli(*args: str, stdin: bytes | None = None, **env: str) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("SUMMARIZER_", "OPENAI_"))}
    clean.update({"SUMMARIZER_BACKOFF": "0", **env})
    return subprocess.run(
        [sys.executable, "-m", "summarizer", *args],
        input=stdin.decode() if stdin is not None else None,
        capture_output=True,
        text=True,
        env=clean,
        timeout=120,
        check=False,
    )


@pytest.fixture
def server(good_payload: dict[str, Any]) -> Iterator[FakeOpenAIServer]:
    with FakeOpenAIServer(scripted([good_payload])) as fake:
        yield fake


def model_args(server: FakeOpenAIServer, mode: str = "tools") -> list[str]:
    return ["--base-url", server.base_url, "--model", "fake", "--mode", mode]


def test_help_and_version_do_not_import_the_sdk() -> None:
    code = (
        "import sys\nfrom summarizer.cli import main\n"
        "for argv in (['--help'], ['--version'], ['brief', '--help']):\n"
        "    try:\n        main(argv)\n    except SystemExit:\n        pass\n"
        "print(sorted(m for m in ('openai', 'instructor', 'httpx2') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip().splitlines()[-1] == "[]"


@pytest.mark.parametrize("mode", MODES)
def test_brief_prints_a_valid_briefing_in_every_mode(mode: str, server: FakeOpenAIServer) -> None:
    done = run_cli("brief", str(CANONICAL), "--format", "json", *model_args(server, mode))
    assert done.returncode == 0, done.stderr
    briefing = Briefing.model_validate_json(done.stdout)
    assert briefing.meta is not None and briefing.meta.mode == mode
    assert briefing.grounding is not None and briefing.grounding.unmatched == 0
    assert len(server.requests) == 1 and server.requests[0].had_auth
    text = CANONICAL.read_text(encoding="utf-8")
    for _path, ev in briefing.evidence_items():  # offsets and status reach the JSON output
        assert ev.match in ("exact", "normalised") and ev.start is not None and ev.end is not None
        assert text[ev.start : ev.end] == ev.quote


def test_stdin_and_env_configuration(server: FakeOpenAIServer) -> None:
    done = run_cli(
        "brief",
        "-",
        "--format",
        "json",
        stdin=CANONICAL.read_bytes(),
        SUMMARIZER_BASE_URL=server.base_url,
        SUMMARIZER_MODEL="fake",
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["meta"]["source"] == "-"


def test_dotenv_file_is_read(server: FakeOpenAIServer, tmp_path: Path) -> None:
    env_file = tmp_path / "settings.env"
    env_file.write_text(f"SUMMARIZER_BASE_URL={server.base_url}\nSUMMARIZER_MODEL=from-dotenv\n")
    done = run_cli("brief", str(CANONICAL), "--format", "json", "--env-file", str(env_file))
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["meta"]["model"] == "from-dotenv"


def test_401_makes_one_request_and_one_line_naming_the_setting() -> None:
    secret = "sk-test-should-not-appear-123456"
    with FakeOpenAIServer(scripted([error_reply(401, "Incorrect API key provided")])) as fake:
        done = run_cli("brief", str(CANONICAL), *model_args(fake), SUMMARIZER_API_KEY=secret)
        assert len(fake.requests) == 1
    assert done.returncode == 6 and done.stdout == ""
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and "SUMMARIZER_API_KEY" in lines[0] and secret not in done.stderr


def test_rejected_mode_exit_code_and_hint() -> None:
    reply = error_reply(500, "Unsupported param: response_format type json_schema")
    with FakeOpenAIServer(scripted([reply])) as fake:
        done = run_cli("brief", str(CANONICAL), *model_args(fake, "json_schema"))
        assert len(fake.requests) == 1
    assert done.returncode == 7 and "--mode tools" in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1


@pytest.mark.parametrize(
    ("args", "env", "code", "needle"),
    [
        (["brief", "-"], {}, 4, "is empty"),
        (["brief", "missing.txt"], {}, 4, "no such file"),
        (["brief", str(CANONICAL)], {"SUMMARIZER_MODE": "xml"}, 3, "SUMMARIZER_MODE"),
        (["brief", str(CANONICAL), "--engine", "llm"], {}, 3, "SUMMARIZER_BASE_URL"),
        (["brief", str(CANONICAL), "--max-input-chars", "100"], {}, 4, "over the limit"),
    ],
)
def test_errors_are_one_line_with_distinct_exit_codes(
    args: list[str], env: dict[str, str], code: int, needle: str
) -> None:
    done = run_cli(*args, stdin=b"" if "-" in args else None, **env)
    assert done.returncode == code, done.stderr
    assert len(done.stderr.strip().splitlines()) == 1 and needle in done.stderr
    assert "Traceback" not in done.stderr


def test_verbose_shows_the_traceback() -> None:
    done = run_cli("-v", "brief", "missing.txt")
    assert done.returncode == 4 and "Traceback" in done.stderr


def test_unwritable_output_keeps_the_briefing(server: FakeOpenAIServer, tmp_path: Path) -> None:
    target = tmp_path / "no-such-dir" / "out.json"
    done = run_cli(
        "brief", str(CANONICAL), "--format", "json", "-o", str(target), *model_args(server)
    )
    assert done.returncode == 4
    saved = done.stderr.split("saved to ")[1].split(":")[0]
    assert Briefing.model_validate_json(Path(saved).read_text()).title
    Path(saved).unlink()


def test_output_file_is_written(server: FakeOpenAIServer, tmp_path: Path) -> None:
    target = tmp_path / "briefing.json"
    done = run_cli(
        "brief", str(CANONICAL), "--format", "json", "-o", str(target), *model_args(server)
    )
    assert done.returncode == 0 and done.stdout == ""
    assert Briefing.model_validate_json(target.read_text()).meta is not None


def test_ten_runs_survive_thirty_percent_transient_faults(good_payload: dict[str, Any]) -> None:
    from summarizer.testing import flaky

    with FakeOpenAIServer(flaky(scripted([good_payload]), rate=0.3, seed=7)) as fake:
        codes = [
            run_cli("brief", str(CANONICAL), "--format", "json", *model_args(fake)).returncode
            for _ in range(10)
        ]
        requests = len(fake.requests)
    assert codes == [0] * 10
    assert requests > 10  # faults really happened and were retried
