"""inputs.py: every refusal happens before a model call and says why."""

from __future__ import annotations

from pathlib import Path

import pytest

from summarizer.errors import InputError
from summarizer.inputs import check_text, load_article


@pytest.mark.parametrize(
    ("data", "needle"),
    [
        (b"", "is empty"),
        (b"  \n\t ", "is empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "binary"),
        ("caf\xe9".encode("latin-1"), "not UTF-8"),
        (bytes(range(1, 31)) * 10, "binary"),
    ],
)
def test_bad_bytes_are_refused(data: bytes, needle: str) -> None:
    with pytest.raises(InputError, match=needle) as info:
        load_article(data, max_chars=1000, name="-")
    assert "\n" not in str(info.value)


def test_too_long_names_the_limit_and_the_fix() -> None:
    with pytest.raises(InputError) as info:
        check_text("word " * 100, max_chars=50)
    assert "500 characters" in str(info.value) and "SUMMARIZER_MAX_INPUT_CHARS" in str(info.value)


def test_path_errors(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        load_article(tmp_path / "missing.txt", max_chars=100)
    with pytest.raises(InputError, match="directory"):
        load_article(tmp_path, max_chars=100)


def test_str_is_text_not_a_path(tmp_path: Path) -> None:
    assert load_article("notes.txt", max_chars=100).text == "notes.txt"


def test_bom_is_stripped_and_non_ascii_kept(tmp_path: Path) -> None:
    path = tmp_path / "ru.txt"
    path.write_bytes("\ufeffПрезидент сказал.".encode())
    article = load_article(path, max_chars=100)
    assert article.text == "Президент сказал." and article.source is None


def test_wrong_type_is_refused() -> None:
    with pytest.raises(InputError, match="cannot summarise a int"):
        load_article(42, max_chars=100)  # type: ignore[arg-type]
