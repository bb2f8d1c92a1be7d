"""Find, load, render and hash the prompt templates.

A prompt set is two Jinja2 files in one directory, ``<name>.system.j2`` and ``<name>.user.j2``.
Its id comes from a ``{# prompt-id: ... #}`` comment on the system template's first line (else
the name), and its hash is the sha256 of both sources, so every briefing records exactly which
prompt text produced it. The bundled set lives in the top-level ``prompts/`` of a checkout and is
copied into the wheel as ``summarizer/_prompts``; users point ``prompt_dir`` at their own.
"""

from __future__ import annotations

import dataclasses
import hashlib
import re
from pathlib import Path
from typing import TYPE_CHECKING

from .errors import PromptError

if TYPE_CHECKING:
    import jinja2

DEFAULT_PROMPT = "briefing"
_ID_COMMENT = re.compile(r"\{#\s*prompt-id:\s*([\w.\-]+)\s*#\}")
# The article sits inside <article>...</article>; a literal tag in the article must not close it.
_DELIMITER = re.compile(r"<(/?)(article)(\s*>)", re.IGNORECASE)


def bundled_prompt_dir() -> Path:
    """The prompt directory that ships with the package (wheel) or the checkout (editable)."""
    package = Path(__file__).resolve().parent
    for candidate in (package / "_prompts", package.parent / "prompts"):
        if (candidate / f"{DEFAULT_PROMPT}.system.j2").is_file():
            return candidate
    raise PromptError(
        f"bundled prompts not found in {package / '_prompts'} or {package.parent / 'prompts'}: "
        "reinstall summarizer or set SUMMARIZER_PROMPT_DIR",
        path=str(package / "_prompts"),
    )


@dataclasses.dataclass(frozen=True)
class PromptSet:
    """A loaded pair of templates with its id and content hash."""

    id: str
    hash: str
    directory: Path
    system: jinja2.Template
    user: jinja2.Template

    def render(self, *, article: str, source: str | None = None) -> list[dict[str, str]]:
        """Chat messages for one article; the article is fenced so it reads as data."""
        fenced = _DELIMITER.sub(lambda m: f"‹{m.group(1)}{m.group(2)}{m.group(3)}", article)
        values: dict[str, object] = {"article": fenced, "source": source}
        return [
            {"role": "system", "content": self._render(self.system, "system", values).strip()},
            {"role": "user", "content": self._render(self.user, "user", values).strip()},
        ]

    def _render(self, template: jinja2.Template, part: str, values: dict[str, object]) -> str:
        import jinja2

        path = self.directory / f"{template.name}"
        try:
            return template.render(**values)
        except jinja2.TemplateError as exc:
            raise PromptError(
                f"prompt template {path} ({part}) failed to render: {exc}", path=str(path)
            ) from exc


def load_prompts(directory: Path | None = None, name: str = DEFAULT_PROMPT) -> PromptSet:
    """Load ``<name>.system.j2`` and ``<name>.user.j2`` from ``directory`` (default: bundled)."""
    import jinja2  # deferred: keeps `summarizer --help` fast

    directory = bundled_prompt_dir() if directory is None else directory
    if not directory.is_dir():
        raise PromptError(
            f"prompt directory {directory} does not exist: fix SUMMARIZER_PROMPT_DIR or "
            "--prompt-dir",
            path=str(directory),
        )
    env = jinja2.Environment(
        undefined=jinja2.StrictUndefined, autoescape=False, keep_trailing_newline=True
    )
    sources: dict[str, str] = {}
    templates: dict[str, jinja2.Template] = {}
    for part in ("system", "user"):
        path = directory / f"{name}.{part}.j2"
        try:
            sources[part] = path.read_text(encoding="utf-8")
        except FileNotFoundError:
            raise PromptError(
                f"prompt template {path} is missing: add it or point prompt_dir elsewhere",
                path=str(path),
            ) from None
        except (OSError, UnicodeDecodeError) as exc:
            raise PromptError(
                f"prompt template {path} cannot be read: {exc}", path=str(path)
            ) from exc
        try:
            template = env.from_string(sources[part])
        except jinja2.TemplateSyntaxError as exc:
            raise PromptError(
                f"prompt template {path} line {exc.lineno}: {exc.message}", path=str(path)
            ) from exc
        template.name = path.name
        templates[part] = template
    digest = hashlib.sha256(
        (sources["system"] + "\0" + sources["user"]).encode("utf-8")
    ).hexdigest()
    found = _ID_COMMENT.search(sources["system"].split("\n", 1)[0])
    return PromptSet(
        id=found.group(1) if found else name,
        hash=digest,
        directory=directory,
        system=templates["system"],
        user=templates["user"],
    )
