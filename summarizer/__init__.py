"""summarizer: turn a news article into a typed, source-grounded briefing.

The public surface is re-exported here lazily, so that ``summarizer --help`` and importing the
package stay cheap: pydantic, openai and instructor load only when a name that needs them is used.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

if TYPE_CHECKING:
    from .config import Settings
    from .errors import (
        AuthenticationError,
        ConfigurationError,
        GroundingError,
        InputError,
        ModelAPIError,
        ModeNotSupportedError,
        OutputValidationError,
        PromptError,
        SummarizerError,
        TransientExhaustedError,
    )
    from .pipeline import asummarize, summarize
    from .schema import (
        Actor,
        Briefing,
        Condition,
        Evidence,
        GroundingReport,
        OpenQuestion,
        Position,
        Proposal,
        RunInfo,
        Usage,
    )

_EXPORTS: dict[str, str] = {
    "Actor": "schema",
    "AuthenticationError": "errors",
    "Briefing": "schema",
    "Condition": "schema",
    "ConfigurationError": "errors",
    "Evidence": "schema",
    "GroundingError": "errors",
    "GroundingReport": "schema",
    "InputError": "errors",
    "ModeNotSupportedError": "errors",
    "ModelAPIError": "errors",
    "OpenQuestion": "schema",
    "OutputValidationError": "errors",
    "Position": "schema",
    "PromptError": "errors",
    "Proposal": "schema",
    "RunInfo": "schema",
    "Settings": "config",
    "SummarizerError": "errors",
    "TransientExhaustedError": "errors",
    "Usage": "schema",
    "asummarize": "pipeline",
    "summarize": "pipeline",
}

__all__ = [
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


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'summarizer' has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{module}", __name__), name)
    globals()[name] = value  # cache: later lookups skip __getattr__
    return value
