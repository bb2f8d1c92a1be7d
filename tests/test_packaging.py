"""The built wheel works on its own: prompts ship inside it, and the public surface is pinned."""

from __future__ import annotations

import os
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

import summarizer

ROOT = Path(__file__).resolve().parent.parent


def test_public_surface_is_pinned() -> None:
    assert summarizer.__all__ == [
        "Actor",
        "AuthenticationError",
        "Briefing",
        "Condition",
        "ConfigurationError",
        "Evidence",
        "GroundingError",
        "GroundingReport",
        "InputError",
        "ModeNotSupportedError",
        "ModelAPIError",
        "OpenQuestion",
        "OutputValidationError",
        "Position",
        "PromptError",
        "Proposal",
        "RunInfo",
        "Settings",
        "SummarizerError",
        "TransientExhaustedError",
        "Usage",
        "__version__",
        "asummarize",
        "summarize",
    ]
    for name in summarizer.__all__:
        assert getattr(summarizer, name) is not None
    with pytest.raises(AttributeError):
        _ = summarizer.nothing_here  # type: ignore[attr-defined]


@pytest.mark.slow
def test_wheel_installed_in_a_fresh_venv_renders_the_bundled_prompt(tmp_path: Path) -> None:
    dist = tmp_path / "dist"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "build",
            "--wheel",
            "--no-isolation",
            "--outdir",
            str(dist),
            str(ROOT),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    wheel = next(dist.glob("summarizer-*.whl"))
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, timeout=120)
    python = venv / "bin" / "python"
    subprocess.run(
        [str(python), "-m", "pip", "install", "-q", "--no-deps", str(wheel)],
        check=True,
        capture_output=True,
        timeout=300,
    )
    # Dependencies come from this environment's site-packages, appended after the new venv's
    # own, so the wheel's copy of summarizer is the one imported (not the editable checkout).
    site = Path(sysconfig.get_paths()["purelib"])
    new_site = next((venv / "lib").glob("python3*/site-packages"))
    (new_site / "zz_deps.pth").write_text(str(site) + "\n")
    code = (
        "import summarizer, summarizer.prompts as p\n"
        "s = p.load_prompts()\n"
        "m = s.render(article='Hello world.')\n"
        "print(summarizer.__file__)\nprint(s.directory)\nprint(s.id)\n"
        "print(m[1]['content'].count('Hello world.'))\n"
    )
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}  # would shadow the wheel
    out = subprocess.run(
        [str(python), "-c", code],
        cwd=tmp_path,
        env=env,
        check=True,
        capture_output=True,
        text=True,
        timeout=120,
    ).stdout.splitlines()
    assert out[0].startswith(str(new_site)), out
    assert out[1] == str(new_site / "summarizer" / "_prompts")
    assert out[2:] == ["briefing-v1", "1"]
