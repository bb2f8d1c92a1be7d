"""The ``summarizer`` command: ``brief`` an article, ``eval`` prompts against fixtures.

Only argparse is imported up front, so ``--help`` and ``--version`` never load pydantic, openai
or instructor. Every ``SummarizerError`` becomes one line on stderr and its own exit code
(tracebacks only with ``-v``); a briefing that was paid for is never lost because the output
could not be written.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
import tempfile
import traceback
from pathlib import Path
from typing import TYPE_CHECKING

from . import __version__

if TYPE_CHECKING:
    from .render import Format
    from .schema import Briefing

FORMATS = ("md", "html", "json", "text")
EXIT_USAGE = 2
EXIT_INTERRUPTED = 130


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="summarizer",
        description="Turn a news article into a typed, source-grounded briefing.",
        epilog="Settings also come from SUMMARIZER_* variables and a .env file (.env.example).",
    )
    parser.add_argument("--version", action="version", version=f"summarizer {__version__}")
    parser.add_argument("-v", "--verbose", action="store_true", help="log and show tracebacks")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    brief = commands.add_parser("brief", help="write a briefing of one article")
    brief.add_argument("article", help="path to a .txt or .html article, or - for stdin")
    brief.add_argument("-f", "--format", choices=FORMATS, default="md", help="output format")
    brief.add_argument("-o", "--output", type=Path, help="write here instead of stdout")
    brief.add_argument(
        "--evidence",
        action="store_true",
        help="html: add the article with every quote highlighted (page 2 on)",
    )
    brief.add_argument(
        "--full",
        action="store_true",
        help="md/html/text: show every item instead of what fits one page",
    )
    brief.add_argument("--engine", choices=("auto", "llm", "rules"), help="default: auto")
    brief.add_argument("--model", help="model name (SUMMARIZER_MODEL)")
    brief.add_argument(
        "--base-url", help="OpenAI-compatible URL ending in /v1 (SUMMARIZER_BASE_URL)"
    )
    brief.add_argument(
        "--mode",
        choices=("tools", "json_schema", "json", "md_json"),
        help="instructor mode (SUMMARIZER_MODE); see README for per-server modes",
    )
    brief.add_argument(
        "--grounding",
        choices=("flag", "drop", "strict"),
        help="unmatched evidence: flag (default), drop, or strict (fail)",
    )
    brief.add_argument("--prompt-dir", type=Path, help="directory with your own templates")
    brief.add_argument("--max-input-chars", type=int, help="refuse longer articles")
    brief.add_argument(
        "--env-file",
        type=Path,
        default=Path(".env"),
        help="dotenv file to read settings from (default: ./.env if present)",
    )
    brief.add_argument(
        "-v",
        "--verbose",
        action="store_true",
        default=argparse.SUPPRESS,
        help="log and show tracebacks",
    )

    evaluate = commands.add_parser("eval", help="score prompts against the fixture cases")
    from .eval.command import configure_parser

    configure_parser(evaluate)
    evaluate.add_argument(
        "-v",
        "--verbose",
        action="store_true",
        default=argparse.SUPPRESS,
        help="log and show tracebacks",
    )
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help(sys.stderr)
        return EXIT_USAGE
    _configure_logging(args.verbose)
    try:
        if args.command == "eval":
            from .eval.command import run

            return int(run(args))
        return _brief(args)
    except KeyboardInterrupt:
        print("summarizer: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        # The reader went away (`| head`): not an error; silence the flush at exit too.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except Exception as exc:
        from .errors import SummarizerError

        if args.verbose:
            traceback.print_exc()
        if isinstance(exc, SummarizerError):
            print(f"summarizer: error: {exc}", file=sys.stderr)
            return exc.exit_code
        print(
            f"summarizer: internal error: {type(exc).__name__}: {exc} (run with -v for the "
            "traceback and please report it)",
            file=sys.stderr,
        )
        return 1


def _brief(args: argparse.Namespace) -> int:
    from .config import Settings
    from .pipeline import summarize

    settings = Settings.resolve(
        environ=os.environ,
        dotenv_path=args.env_file,
        engine=args.engine,
        model=args.model,
        base_url=args.base_url,
        mode=args.mode,
        grounding=args.grounding,
        prompt_dir=args.prompt_dir,
        max_input_chars=args.max_input_chars,
    )
    from .inputs import load_article

    if args.article == "-":
        raw: Path | bytes = sys.stdin.buffer.read()
        source = "-"
    else:
        raw, source = Path(args.article), args.article
    # Loaded here (HTML reduced to text) so the evidence view gets the exact text offsets use.
    article = load_article(raw, max_chars=settings.max_input_chars, name=source)
    briefing = summarize(article.text, settings=settings, source=source)
    for note in briefing.meta.notes if briefing.meta else []:
        print(f"summarizer: note: {note}", file=sys.stderr)
    _emit(briefing, args, article.text if args.evidence else None)
    return 0


def _emit(briefing: Briefing, args: argparse.Namespace, article: str | None) -> None:
    fmt: Format = args.format
    output: Path | None = args.output
    if fmt == "json":
        text = briefing.model_dump_json(indent=2) + "\n"
    else:
        from .render import render

        text = render(briefing, fmt, article=article, one_page=not args.full)
    if output is None:
        if fmt == "md" and sys.stdout.isatty():
            from .render import print_markdown_tty

            print_markdown_tty(text)
        else:
            sys.stdout.write(text)
            sys.stdout.flush()
        return
    try:
        _write_atomically(output, text)
    except OSError as exc:
        from .errors import InputError

        saved = _rescue(briefing)
        raise InputError(
            f"cannot write {output} ({exc.strerror}); the briefing was saved to {saved}: "
            "pick a writable -o path"
        ) from exc


def _write_atomically(path: Path, text: str) -> None:
    # Write beside the target, then rename: a crash never leaves half a file behind.
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent or Path("."))
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _rescue(briefing: Briefing) -> str:
    fd, path = tempfile.mkstemp(prefix="summarizer-briefing-", suffix=".json")
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(briefing.model_dump_json(indent=2))
    return path


def _configure_logging(verbose: bool) -> None:
    if verbose:
        logging.basicConfig(
            level=logging.INFO, stream=sys.stderr, format="%(levelname)s %(name)s: %(message)s"
        )
        logging.getLogger("summarizer").setLevel(logging.DEBUG)
    else:
        # instructor logs failed attempts at ERROR; without a handler Python would print them.
        logging.getLogger().addHandler(logging.NullHandler())


if __name__ == "__main__":
    sys.exit(main())
