"""Turn what the user gave (text, a path, bytes from stdin) into article text, or refuse it.

Every check runs before any model call, and each refusal is an ``InputError`` whose one-line
message says what is wrong and what to do. A ``str`` is always article text (never a path:
``summarize("notes.txt")`` summarises those nine characters); pass a ``Path`` to read a file.
HTML (an ``.html``/``.htm`` file, or bytes that look like a page) is reduced to its article text
first, and offsets then refer to that extracted text.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

from .errors import InputError
from .htmlinput import looks_like_html

_CONTROL_OK = {"\n", "\r", "\t", "\f", "\v"}
_HTML_SUFFIXES = {".html", ".htm", ".xhtml"}


@dataclasses.dataclass(frozen=True)
class Article:
    """Article text ready for a model, and where it came from."""

    text: str
    source: str | None = None
    from_html: bool = False


def load_article(source: str | Path | bytes, *, max_chars: int, name: str | None = None) -> Article:
    """Validate ``source`` and return its text; ``name`` labels bytes (e.g. ``"-"`` for stdin)."""
    if isinstance(source, Path):
        label = name or str(source)
        try:
            data = source.read_bytes()
        except FileNotFoundError:
            raise InputError(f"{label}: no such file: check the path") from None
        except IsADirectoryError:
            raise InputError(f"{label} is a directory: pass one article file") from None
        except OSError as exc:
            raise InputError(
                f"{label}: cannot read it ({exc.strerror}): check permissions"
            ) from None
        text = _decode(data, label)
        html = source.suffix.lower() in _HTML_SUFFIXES or looks_like_html(text)
    elif isinstance(source, bytes):
        label = name or "<bytes>"
        text = _decode(source, label)
        html = looks_like_html(text)
    elif isinstance(source, str):
        label = name or "<text>"
        text, html = source, False
    else:
        raise InputError(
            f"cannot summarise a {type(source).__name__}: pass article text (str), a Path or bytes"
        )
    if html:
        from .htmlinput import extract_text  # deferred: pulls in trafilatura and lxml

        text = extract_text(text)
    return Article(
        text=check_text(text, max_chars=max_chars, label=label), source=name, from_html=html
    )


def check_text(text: str, *, max_chars: int, label: str = "<text>") -> str:
    """``text`` unchanged if it is summarisable, else an InputError saying why."""
    if not text.strip():
        raise InputError(f"{label} is empty: give an article with some text")
    sample = text[:4096]
    controls = sum(1 for c in sample if ord(c) < 32 and c not in _CONTROL_OK)
    if "\x00" in sample or controls > len(sample) * 0.05:
        raise InputError(
            f"{label} looks binary (control characters): give plain UTF-8 text or HTML"
        )
    if len(text) > max_chars:
        raise InputError(
            f"{label} has {len(text):,} characters, over the limit of {max_chars:,}: raise "
            "SUMMARIZER_MAX_INPUT_CHARS (or --max-input-chars) or split the article"
        )
    return text


def _decode(data: bytes, label: str) -> str:
    if b"\x00" in data[:4096]:
        raise InputError(f"{label} looks binary (NUL bytes): give plain UTF-8 text or HTML")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(
            f"{label} is not UTF-8 (bad byte at offset {exc.start}): convert it, e.g. "
            f"iconv -f latin1 -t utf-8 {label if label != '-' else 'FILE'}"
        ) from None
    return text.removeprefix("\ufeff")  # a BOM is encoding, not article text
