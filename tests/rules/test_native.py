"""The compiled build: chosen only while fresh, explained when it cannot be built, same output."""

from __future__ import annotations

import json
import random
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from summarizer import rules
from summarizer.rules import native

from ..conftest import FIXTURES, ROOT

# Every article the engine is tuned or checked on, and seeded damage to them (shuffled lines,
# inserted quote marks, labels and cue words, cut-off pieces): odd input reaches odd paths.
_ARTICLES = sorted(FIXTURES.glob("articles/*.txt")) + sorted(FIXTURES.glob("heldout*/**/*.txt"))
_INSERTS = ['"', "“", "”", "'", "Q ", "MR. SMITH: ", "İ", "\xa0", "\r\n", " said ", " if ",
            "President ", "(AP) ", "\n\n", ":", " — ", " proposed ", " rejected "]  # fmt: skip


def _corpus() -> list[str]:
    base = [p.read_text(encoding="utf-8") for p in _ARTICLES]
    rng = random.Random(7)
    texts = list(base)
    for _ in range(60):
        text = rng.choice(base)
        if rng.random() < 0.3:
            lines = text.split("\n")
            rng.shuffle(lines)
            text = "\n".join(lines)
        for _ in range(rng.randrange(1, 40)):
            i = rng.randrange(len(text) + 1)
            text = text[:i] + rng.choice(_INSERTS) + text[i:]
        texts.append(text[rng.randrange(len(text) // 2) :])
    return texts


_RUN = """
import json, sys
sys.path.insert(0, sys.argv[1])
import summarizer.rules as rules
assert rules.__file__.startswith(sys.argv[1]) and rules.BUILD == "pure Python", rules.BUILD
for text in json.load(sys.stdin):
    out = rules.extract(text)
    print(json.dumps([out.briefing.model_dump(mode="json"), out.notes]))
"""


def test_the_compiled_build_gives_the_output_of_the_pure_modules(tmp_path: Path) -> None:
    if not rules.BUILD.startswith("compiled"):
        pytest.skip(f"engine build here: {rules.BUILD}; `make native` builds the compiled one")
    from summarizer.rules import cues

    assert not cues.__file__.endswith(".py")  # the engine's modules really are the compiled ones
    copy = tmp_path / "pure"
    ignore = shutil.ignore_patterns("_compiled*", "__pycache__")
    shutil.copytree(ROOT / "summarizer", copy / "summarizer", ignore=ignore)
    texts = _corpus()
    ran = subprocess.run(
        [sys.executable, "-c", _RUN, str(copy)],
        input=json.dumps(texts),
        capture_output=True,
        text=True,
        check=True,
    )
    pure = ran.stdout.splitlines()
    assert len(pure) == len(texts)
    for text, line in zip(texts, pure, strict=True):
        out = rules.extract(text)
        assert json.dumps([out.briefing.model_dump(mode="json"), out.notes]) == line
        assert not any(n.startswith("rules engine failed") for n in out.notes)


def _package(tmp_path: Path) -> Path:
    package = tmp_path / "rules"
    package.mkdir()
    for path in native.HERE.glob("*.py"):
        shutil.copy2(path, package / path.name)
    return package


def test_the_modules_that_choose_the_build_are_not_compiled() -> None:
    names = {p.name for p in native.sources()}
    assert {"assemble.py", "cues.py", "sentences.py"} <= names
    assert not names & {"__init__.py", "__main__.py", "native.py"}


def test_the_digest_follows_every_engine_source_and_nothing_else(tmp_path: Path) -> None:
    package = _package(tmp_path)
    before = native.digest(package)
    (package / "native.py").write_text("# not compiled\n", encoding="utf-8")
    assert native.digest(package) == before
    with (package / "stance.py").open("a", encoding="utf-8") as f:
        f.write("\n")
    assert native.digest(package) != before


def test_no_build_means_the_pure_modules(tmp_path: Path) -> None:
    path = ["pure"]
    assert native.activate(path, tmp_path / "_compiled", _package(tmp_path)) == "pure Python"
    assert path == ["pure"]


def test_a_build_older_than_the_sources_is_never_used(tmp_path: Path) -> None:
    package, compiled = _package(tmp_path), tmp_path / "_compiled"
    compiled.mkdir()
    (compiled / "STAMP").write_text(native.digest(package) + "\n3.11.7\n", encoding="utf-8")
    with (package / "cues.py").open("a", encoding="utf-8") as f:
        f.write("# edited after the build\n")
    path = ["pure"]
    build = native.activate(path, compiled, package)
    assert build == "pure Python (the compiled build is stale: run `make native`)"
    assert path == ["pure"]


def test_a_build_without_a_library_for_this_interpreter_is_not_used(tmp_path: Path) -> None:
    package, compiled = _package(tmp_path), tmp_path / "_compiled"
    compiled.mkdir()
    (compiled / "STAMP").write_text(native.digest(package) + "\n", encoding="utf-8")
    (compiled / "engine__mypyc.cpython-399-wasm.so").write_bytes(b"not for this machine")
    path = ["pure"]
    assert "another platform" in native.activate(path, compiled, package)
    assert path == ["pure"]


def test_no_compiler_is_skipped_on_request_and_refused_in_one_line_otherwise(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("CC", "no-such-cc")
    assert native.missing() == "there is no C compiler (no-such-cc)"
    assert native.main(["--if-possible", "--force"]) == 0
    assert "skipped, there is no C compiler (no-such-cc)" in capsys.readouterr().out
    assert native.main(["--force"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "apt-get install gcc python3-dev" in err


def test_missing_build_tools_are_named_with_the_install_command(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(native, "missing", lambda: None)
    monkeypatch.setitem(sys.modules, "mypyc.build", None)  # import now fails as if not installed
    assert native.main(["--force"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "mypyc.build is missing; install the dev dependencies (pip install -e '.[dev]')" in err


def test_a_failed_compile_is_one_line_that_points_at_the_compiler_output() -> None:
    problem = native._explain(RuntimeError("command '/usr/bin/gcc' failed with exit code 1\nmore"))
    assert "\n" not in problem
    assert problem.startswith("the build failed (command '/usr/bin/gcc' failed with exit code 1)")
    assert "-v shows the compiler's output" in problem


def test_a_fresh_build_is_not_built_again_unless_forced(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(native, "_unusable", lambda compiled, package: None)
    monkeypatch.setattr(native, "_build", lambda verbose: pytest.fail("built again"))
    assert native.main([]) == 0
    assert capsys.readouterr().out.startswith("native: up to date (")


def test_a_build_that_mypyc_abandons_is_one_line_too(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def abandon(verbose: bool) -> None:
        raise SystemExit("Typechecking failure")  # what mypyc does on a type error

    monkeypatch.setattr(native, "missing", lambda: None)
    monkeypatch.setattr(native, "_build", abandon)
    assert native.main(["--force"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("native: the build failed (Typechecking failure); -v shows")
    assert err.count("\n") == 1
    monkeypatch.setattr(native, "_build", lambda verbose: sys.exit(1))  # errors printed, then 1
    assert native.main(["--force"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("native: mypyc stopped on errors in the engine's code (-v shows them)")
