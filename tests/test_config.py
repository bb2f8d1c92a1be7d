"""config.py: precedence, parsing, validation, secrecy."""

from __future__ import annotations

from pathlib import Path

import pytest

from summarizer import Settings
from summarizer.config import ENV_VARS
from summarizer.errors import ConfigurationError

ROOT = Path(__file__).resolve().parent.parent


def test_defaults_need_no_environment() -> None:
    s = Settings()
    assert (s.mode, s.engine, s.grounding, s.model_configured) == ("tools", "auto", "flag", False)


def test_arguments_beat_environment_beat_dotenv(tmp_path: Path) -> None:
    dotenv = tmp_path / ".env"
    dotenv.write_text("SUMMARIZER_MODEL=from-dotenv\nSUMMARIZER_MODE=json\nSUMMARIZER_TIMEOUT=5\n")
    environ = {"SUMMARIZER_MODE": "md_json", "SUMMARIZER_MODEL": "from-env"}
    s = Settings.resolve(environ=environ, dotenv_path=dotenv, model="from-arg")
    assert (s.model, s.mode, s.timeout) == ("from-arg", "md_json", 5.0)


def test_missing_dotenv_is_fine(tmp_path: Path) -> None:
    assert Settings.resolve(environ={}, dotenv_path=tmp_path / "nope").model is None


def test_openai_variables_are_a_fallback() -> None:
    s = Settings.from_env({"OPENAI_API_KEY": "sk-test-a", "OPENAI_BASE_URL": "http://x/v1"})
    assert (s.api_key, s.base_url) == ("sk-test-a", "http://x/v1")
    s = Settings.from_env({"OPENAI_API_KEY": "sk-test-a", "SUMMARIZER_API_KEY": "sk-test-b"})
    assert s.api_key == "sk-test-b"


@pytest.mark.parametrize(
    ("var", "value", "needle"),
    [
        ("SUMMARIZER_MODE", "xml", "SUMMARIZER_MODE"),
        ("SUMMARIZER_TIMEOUT", "soon", "SUMMARIZER_TIMEOUT"),
        ("SUMMARIZER_TIMEOUT", "-1", "SUMMARIZER_TIMEOUT"),
        ("SUMMARIZER_MAX_ATTEMPTS", "0", "SUMMARIZER_MAX_ATTEMPTS"),
        ("SUMMARIZER_MAX_REASKS", "2.5", "SUMMARIZER_MAX_REASKS"),
        ("SUMMARIZER_BASE_URL", "localhost:11434", "SUMMARIZER_BASE_URL"),
        ("SUMMARIZER_GROUNDING", "lenient", "SUMMARIZER_GROUNDING"),
    ],
)
def test_bad_values_name_the_variable(var: str, value: str, needle: str) -> None:
    with pytest.raises(ConfigurationError) as info:
        Settings.from_env({var: value})
    assert needle in str(info.value) and "\n" not in str(info.value)


def test_api_key_is_never_in_repr() -> None:
    s = Settings(api_key="sk-test-hidden-value-123456")
    assert "sk-test-hidden" not in repr(s) and "sk-test-hidden" not in str(s)


def test_custom_server_needs_a_model_name() -> None:
    with pytest.raises(ConfigurationError, match="SUMMARIZER_MODEL"):
        _ = Settings(base_url="http://127.0.0.1:8080/v1").effective_model
    assert Settings(api_key="sk-test-x").effective_model == "gpt-4o-mini"


def test_env_example_documents_every_variable() -> None:
    example = (ROOT / ".env.example").read_text(encoding="utf-8")
    for var in ENV_VARS.values():
        assert var in example, f"{var} missing from .env.example"
