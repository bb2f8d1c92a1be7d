"""Evaluation cases: one directory per article under ``fixtures/cases/``.

Each case directory holds ``case.json`` (``{"article": "<path relative to the case>",
"description": "...", "thresholds": {"<metric>": <minimum>}}``) and ``gold.json`` (a
``Briefing``: what a careful reader takes from the article). The case id is the directory name.

Loading is strict because a gold file that quotes the article loosely silently rewards a
model that paraphrases: every gold evidence quote must occur verbatim in the article, and any
problem stops the load with a one-line ``ConfigurationError`` naming the file and the fix.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from ..errors import ConfigurationError
from ..schema import Briefing
from .score import METRIC_NAMES

CASE_FILE = "case.json"
GOLD_FILE = "gold.json"


@dataclass(frozen=True)
class Case:
    """One article, its gold briefing and the minimum scores it must reach."""

    id: str
    directory: Path
    article_path: Path
    article: str
    gold: Briefing
    thresholds: Mapping[str, float] = field(default_factory=dict)
    description: str = ""


def default_cases_dir() -> Path:
    """``fixtures/cases`` under the working directory, else next to this source checkout."""
    here = Path.cwd() / "fixtures" / "cases"
    if here.is_dir():
        return here
    return Path(__file__).resolve().parents[2] / "fixtures" / "cases"


def _read_json(path: Path) -> Any:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigurationError(f"{path} is missing: every case directory needs it") from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        reason = str(exc).splitlines()[0]
        raise ConfigurationError(f"{path} is not readable JSON ({reason}): fix the file") from None


def _thresholds(path: Path, raw: Any) -> dict[str, float]:
    if raw is None:
        return {}
    if not isinstance(raw, dict):
        raise ConfigurationError(f"{path}: thresholds must be an object of metric -> minimum")
    out: dict[str, float] = {}
    for name, value in raw.items():
        if name not in METRIC_NAMES:
            raise ConfigurationError(
                f"{path}: unknown threshold metric {name!r}: use one of {', '.join(METRIC_NAMES)}"
            )
        if isinstance(value, bool) or not isinstance(value, int | float) or not 0 <= value <= 1:
            raise ConfigurationError(f"{path}: threshold {name} is {value!r}; expected 0 to 1")
        out[name] = float(value)
    return out


def _gold(path: Path, article: str, article_path: Path) -> Briefing:
    try:
        gold = Briefing.model_validate_json(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigurationError(f"{path} is missing: write the gold briefing") from None
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"]) or "document"
        raise ConfigurationError(
            f"{path} is not a valid Briefing ({exc.error_count()} error(s), first at {where}: "
            f"{first['msg']}): fix the gold file"
        ) from None
    for item_path, evidence in gold.evidence_items():
        if evidence.quote not in article:
            raise ConfigurationError(
                f"{path}: {item_path} quote {evidence.quote[:60]!r} is not verbatim in "
                f"{article_path}: copy it character for character from the article"
            )
    return gold


def load_case(directory: Path) -> Case:
    """Load and check the case in ``directory``."""
    case_path = directory / CASE_FILE
    spec = _read_json(case_path)
    if not isinstance(spec, dict) or not isinstance(spec.get("article"), str):
        raise ConfigurationError(f'{case_path}: needs an "article" path relative to the case')
    article_path = (directory / spec["article"]).resolve()
    try:
        article = article_path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigurationError(
            f"{case_path}: article {article_path} is not readable UTF-8 text "
            f'({exc.__class__.__name__}): fix the "article" path'
        ) from None
    return Case(
        id=directory.name,
        directory=directory,
        article_path=article_path,
        article=article,
        gold=_gold(directory / GOLD_FILE, article, article_path),
        thresholds=_thresholds(case_path, spec.get("thresholds")),
        description=str(spec.get("description", "")),
    )


def load_cases(root: Path | None = None, *, only: Sequence[str] | None = None) -> list[Case]:
    """Every case under ``root`` (default ``default_cases_dir()``), sorted by id.

    ``only`` keeps the named case ids; naming a case that does not exist is an error.
    """
    root = root if root is not None else default_cases_dir()
    if not root.is_dir():
        raise ConfigurationError(f"no cases directory at {root}: pass --cases DIR")
    dirs = sorted(p for p in root.iterdir() if (p / CASE_FILE).is_file())
    if only:
        known = {p.name for p in dirs}
        unknown = [name for name in only if name not in known]
        if unknown:
            raise ConfigurationError(
                f"unknown case(s) {', '.join(unknown)} in {root}: "
                f"use one of {', '.join(sorted(known))}"
            )
        dirs = [p for p in dirs if p.name in set(only)]
    if not dirs:
        raise ConfigurationError(f"no cases in {root}: add <case-id>/case.json and gold.json")
    return [load_case(p) for p in dirs]
