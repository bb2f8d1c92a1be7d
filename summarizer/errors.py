"""Every error the library raises, in one place.

    SummarizerError                   base; ``exit_code`` is what the CLI returns
    ├── ConfigurationError            a setting is missing or wrong (names the setting)
    │   └── PromptError               a template is missing or broken (names the file)
    ├── InputError                    the article is empty, binary, not UTF-8 or too long
    ├── ModelAPIError                 the model server answered with an error or not at all
    │   ├── AuthenticationError       401/403: the API key is missing or wrong
    │   ├── ModeNotSupportedError     the server rejected the instructor mode (names one to try)
    │   └── TransientExhaustedError   429/5xx/timeouts/resets outlasted the retry budget
    └── OutputValidationError         the model's output never validated; carries the raw output
        └── GroundingError            ``grounding="strict"`` and some evidence is not in the article

Third-party exceptions (openai, httpx2, instructor) are mapped to these in ``client.py`` only,
always with ``raise ... from exc``. Messages are one line, say what is wrong and how to fix it,
and never contain an API key or an auth header.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .schema import Usage

__all__ = [
    "AuthenticationError",
    "ConfigurationError",
    "GroundingError",
    "InputError",
    "ModeNotSupportedError",
    "ModelAPIError",
    "OutputValidationError",
    "PromptError",
    "SummarizerError",
    "TransientExhaustedError",
]


class SummarizerError(Exception):
    """Base class of every error raised by summarizer."""

    exit_code: int = 1


class ConfigurationError(SummarizerError):
    """A setting is missing or invalid; the message names the setting."""

    exit_code = 3


class PromptError(ConfigurationError):
    """A prompt template is missing, unreadable or does not render."""

    def __init__(self, message: str, *, path: str) -> None:
        super().__init__(message)
        self.path = path


class InputError(SummarizerError):
    """The article cannot be summarised as given (empty, binary, not UTF-8, too long)."""

    exit_code = 4


class ModelAPIError(SummarizerError):
    """The model server failed the request.

    ``status`` is the HTTP status (``None`` for timeouts and connection failures) and
    ``attempts`` the number of HTTP requests made for the failing call.
    """

    exit_code = 5

    def __init__(
        self,
        message: str,
        *,
        status: int | None = None,
        attempts: int = 1,
        usage: Usage | None = None,
    ) -> None:
        super().__init__(message)
        self.status = status
        self.attempts = attempts
        self.usage = usage


class AuthenticationError(ModelAPIError):
    """The server refused the credentials (401/403)."""

    exit_code = 6


class ModeNotSupportedError(ModelAPIError):
    """The server does not support the requested instructor mode; ``suggested`` is one to try."""

    exit_code = 7

    def __init__(
        self, message: str, *, mode: str, suggested: str, status: int | None = None
    ) -> None:
        super().__init__(message, status=status)
        self.mode = mode
        self.suggested = suggested


class TransientExhaustedError(ModelAPIError):
    """Transient failures (429, 5xx, timeouts, resets) outlasted the retry budget."""

    exit_code = 8


class OutputValidationError(SummarizerError):
    """The model's output did not validate after every re-ask.

    ``raw_output`` is the last thing the model returned, ``attempts`` the number of model
    calls and ``usage`` the tokens spent on all of them.
    """

    exit_code = 9

    def __init__(
        self,
        message: str,
        *,
        raw_output: str | None,
        attempts: int,
        usage: Usage | None = None,
    ) -> None:
        super().__init__(message)
        self.raw_output = raw_output
        self.attempts = attempts
        self.usage = usage


class GroundingError(OutputValidationError):
    """Evidence quotes were not found in the article and ``grounding="strict"`` was asked for."""

    exit_code = 10

    def __init__(
        self,
        message: str,
        *,
        unmatched: list[str],
        raw_output: str | None = None,
        attempts: int = 1,
        usage: Usage | None = None,
    ) -> None:
        super().__init__(message, raw_output=raw_output, attempts=attempts, usage=usage)
        self.unmatched = unmatched
