"""The optional compiled build of the rules engine: build it, and use it only while it is fresh.

``python -m summarizer.rules`` (``make native``) compiles every engine module with mypyc
(part of mypy, a dev dependency) into ``summarizer/rules/_compiled/``, which git ignores. The
modules stay plain Python: the compiled build runs the same code about 1.3 times as fast and
gives the same output; without it, or without a C compiler, the pure-Python modules run.

``activate`` puts the build first on the package's ``__path__``, so ``summarizer.rules.cues``
imports the compiled module, but only when the stamp written beside it names the digest of
today's sources: a module edited after the build must never be shadowed by stale code. It is
called once, by ``summarizer/rules/__init__.py``; it reads files, never the environment.
"""

from __future__ import annotations

import contextlib
import hashlib
import importlib
import importlib.machinery
import os
import sys
from collections.abc import Iterator
from pathlib import Path

__all__ = ["COMPILED", "GROUP", "activate", "digest", "main", "missing", "sources"]

HERE = Path(__file__).resolve().parent
COMPILED = HERE / "_compiled"
GROUP = f"{__package__}.{COMPILED.name}.engine"
"""mypyc's group: every compiled module lives in its one shared library, ``_LIBRARY``."""
_LIBRARY = f"{GROUP}__mypyc"  # the name mypyc gives that library
_STAMP = "STAMP"
_NONE = "there is no compiled build"
_TOOLS = ("mypy", "mypyc", "setuptools")
_NEEDS = (
    "it needs a C compiler and Python's headers (Debian: apt-get install gcc python3-dev); "
    "the pure-Python engine runs without it, with the same output"
)
_PURE = ("__init__.py", "__main__.py", "native.py")  # they choose the build: they stay Python


def sources(package: Path = HERE) -> list[Path]:
    """The engine modules mypyc compiles: every module of the package but the three that
    choose the build."""
    return sorted(p for p in package.glob("*.py") if p.name not in _PURE)


def digest(package: Path = HERE) -> str:
    """A hash of the engine sources and the interpreter: what a fresh build's stamp names."""
    h = hashlib.sha256(sys.implementation.cache_tag.encode())
    for path in sources(package):
        h.update(b"\0" + path.name.encode() + b"\0" + path.read_bytes())
    return h.hexdigest()


def activate(path: list[str], compiled: Path = COMPILED, package: Path = HERE) -> str:
    """Put a fresh compiled build first on ``path`` (a ``__path__``); say which build runs."""
    problem = _unusable(compiled, package)
    if problem:
        return f"pure Python ({problem})" if problem != _NONE else "pure Python"
    path.insert(0, str(compiled))
    try:
        importlib.import_module(_LIBRARY)
    except ImportError as exc:  # a broken copy, or a library this interpreter cannot load
        path.remove(str(compiled))
        return f"pure Python (the compiled build does not load: {exc})"
    return "compiled (mypyc)"


def _unusable(compiled: Path, package: Path) -> str | None:
    """Why the build in ``compiled`` must not run the sources in ``package``, or None."""
    stamp = compiled / _STAMP
    if not stamp.is_file():
        return _NONE
    if stamp.read_text(encoding="utf-8").split("\n", 1)[0] != digest(package):
        return "the compiled build is stale: run `make native`"
    name = _LIBRARY.rsplit(".", 1)[1]
    if not any((compiled / (name + s)).is_file() for s in importlib.machinery.EXTENSION_SUFFIXES):
        return "the compiled build is for another platform: run `make native`"
    return None


def main(argv: list[str] | None = None) -> int:
    """Build the compiled engine; a one-line error (exit 1) when it cannot be built."""
    import argparse  # the build's imports wait for a build: the engine imports this module

    parser = argparse.ArgumentParser(
        prog="python -m summarizer.rules",
        description="Compile the rules engine with mypyc into summarizer/rules/_compiled/.",
    )
    parser.add_argument("-v", "--verbose", action="store_true", help="show the compiler's output")
    parser.add_argument(
        "--if-possible",
        action="store_true",
        help="skip (exit 0) on a machine with no C compiler or no Python headers",
    )
    parser.add_argument("--force", action="store_true", help="build even when up to date")
    args = parser.parse_args(argv)
    if not args.force and _unusable(COMPILED, HERE) is None:
        print(f"native: up to date ({COMPILED}); --force builds it again")
        return 0
    lack = missing()
    if lack and args.if_possible:
        print(f"native: skipped, {lack}; the pure-Python engine runs (same output, slower)")
        return 0
    if lack:
        print(f"native: cannot build, {lack}; {_NEEDS}", file=sys.stderr)
        return 1
    try:
        _build(verbose=args.verbose)
    except (Exception, SystemExit) as exc:  # mypyc exits on a type error it cannot compile
        if args.verbose:
            raise
        print(f"native: {_explain(exc)}", file=sys.stderr)
        return 1
    print(f"native: compiled {len(sources())} modules into {COMPILED}")
    return 0


def _explain(exc: BaseException) -> str:
    if isinstance(exc, ModuleNotFoundError) and (exc.name or "").split(".")[0] in _TOOLS:
        return (
            f"{exc.name} is missing; install the dev dependencies (pip install -e '.[dev]') "
            "and run it again"
        )
    if isinstance(exc, SystemExit) and not isinstance(exc.code, str):
        return (
            "mypyc stopped on errors in the engine's code (-v shows them); "
            "the pure-Python engine runs"
        )
    first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    return f"the build failed ({first}); -v shows the compiler's output. {_NEEDS}"


def missing() -> str | None:
    """What this machine lacks to build (a C compiler, Python's headers), or None."""
    import shutil
    import sysconfig

    compiler = (os.environ.get("CC") or sysconfig.get_config_var("CC") or "cc").split()[0]
    if shutil.which(compiler) is None:
        return f"there is no C compiler ({compiler})"
    header = Path(sysconfig.get_paths()["include"]) / "Python.h"
    if not header.is_file():
        return f"Python's headers are missing ({header})"
    return None


def _build(*, verbose: bool) -> None:
    import shutil
    import tempfile

    from mypyc.build import mypycify

    # setuptools ships no type information, and mypyc type-checks this module too (the package
    # imports it) wherever the build runs, with or without this project's mypy settings.
    setuptools = importlib.import_module("setuptools")

    stamp = digest()  # of the sources the build starts from: an edit during it makes it stale
    with tempfile.TemporaryDirectory(prefix="summarizer-native-") as tmp:
        work = Path(tmp)
        cwd = Path.cwd()
        with _silenced(work / "build.log", verbose):
            os.chdir(work)  # mypyc writes its cache (and setuptools reads its config) here
            try:
                extensions = mypycify(
                    [str(p) for p in sources()], group_name=GROUP, target_dir=str(work / "c")
                )
                attrs = {"name": "summarizer-native", "ext_modules": extensions}
                dist = setuptools.Distribution(attrs)
                command = dist.get_command_obj("build_ext")
                command.build_lib = str(work / "lib")
                command.build_temp = str(work / "obj")
                command.ensure_finalized()
                command.run()
            finally:
                os.chdir(cwd)
        built = work / "lib" / Path(*__package__.split("."))
        staged = COMPILED.with_name(f"{COMPILED.name}.new")
        shutil.rmtree(staged, ignore_errors=True)
        staged.mkdir()
        suffixes = tuple(importlib.machinery.EXTENSION_SUFFIXES)
        for library in [*built.iterdir(), *(built / COMPILED.name).iterdir()]:
            if library.name.endswith(suffixes):
                shutil.copy2(library, staged / library.name)
        (staged / _STAMP).write_text(f"{stamp}\n{sys.version.split()[0]}\n", encoding="utf-8")
    shutil.rmtree(COMPILED, ignore_errors=True)  # only now: a failed build keeps the old one
    staged.rename(COMPILED)


@contextlib.contextmanager
def _silenced(log: Path, verbose: bool) -> Iterator[None]:
    """Send the compiler's output (file descriptors 1 and 2, as gcc writes them) to ``log``."""
    if verbose:
        yield
        return
    sys.stdout.flush()
    sys.stderr.flush()
    saved = [os.dup(1), os.dup(2)]
    with log.open("wb") as sink:
        os.dup2(sink.fileno(), 1)
        os.dup2(sink.fileno(), 2)
        try:
            yield
        finally:
            sys.stdout.flush()
            sys.stderr.flush()
            for fd, copy in zip((1, 2), saved, strict=True):
                os.dup2(copy, fd)
                os.close(copy)
