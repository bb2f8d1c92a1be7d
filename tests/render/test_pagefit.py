"""One page, checked in a real browser: Chromium prints each HTML briefing to PDF, pdfinfo counts.

Every fixture article's briefing (hand-built, and from the rules engine), the huge briefing and
the hostile one must print on exactly one A4 page. A PNG of each page is saved under
``build/screenshots/`` (not committed) for a person to look at. Missing Chromium or poppler is a
failure that says how to install them, unless ``SUMMARIZER_SKIP_BROWSER=1`` (read at import:
the shared conftest clears SUMMARIZER_* variables before each test).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from summarizer.render.html import render_html
from summarizer.schema import Briefing

from . import briefings

pytestmark = pytest.mark.slow

SKIP = os.environ.get("SUMMARIZER_SKIP_BROWSER") == "1"
SHOTS = Path(__file__).resolve().parents[2] / "build" / "screenshots"
TOOLS = ("chromium", "pdfinfo", "pdftoppm", "pdftotext")


def _rules(name: str) -> Callable[[], tuple[Briefing, str]]:
    def build() -> tuple[Briefing, str]:
        from summarizer.htmlinput import extract_text
        from summarizer.rules import extract

        raw = briefings.read(name)
        article = extract_text(raw) if name.endswith(".html") else raw
        briefing = extract(article).briefing
        return briefings.finish(briefing, article, f"fixtures/articles/{name}", "rules"), article

    return build


CASES: dict[str, Callable[[], tuple[Briefing, str]]] = {
    **briefings.CASES,
    "huge": briefings.huge,
    "hostile": briefings.hostile,
    **{
        f"rules-{path.name.replace('.', '-')}": _rules(path.name)
        for path in sorted(briefings.ARTICLES.iterdir())
        if path.suffix in (".txt", ".html")
    },
}


def _tools() -> None:
    if SKIP:
        pytest.skip("SUMMARIZER_SKIP_BROWSER=1: the real-browser page check is off")
    missing = [tool for tool in TOOLS if shutil.which(tool) is None]
    if missing:
        pytest.fail(
            f"{', '.join(missing)} not installed: run .ci/run, or "
            "apt-get install -y chromium poppler-utils (or set SUMMARIZER_SKIP_BROWSER=1)"
        )


def print_pdf(html: str, workdir: Path) -> Path:
    """Print ``html`` to PDF with headless Chromium (no network, throwaway profile)."""
    page, pdf = workdir / "page.html", workdir / "page.pdf"
    page.write_text(html, encoding="utf-8")
    command = [
        "chromium",
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        f"--user-data-dir={workdir / 'profile'}",
        f"--print-to-pdf={pdf}",
        "--no-pdf-header-footer",
        page.resolve().as_uri(),
    ]
    env = {**os.environ, "HOME": str(workdir)}
    done = subprocess.run(command, capture_output=True, text=True, timeout=120, env=env)
    assert pdf.is_file() and pdf.stat().st_size > 0, f"chromium printed nothing:\n{done.stderr}"
    return pdf


def pages(pdf: Path) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True)
    found = re.search(r"^Pages:\s+(\d+)$", info.stdout, re.M)
    assert found, info.stdout
    size = re.search(r"^Page size:\s+([\d.]+) x ([\d.]+) pts", info.stdout, re.M)
    assert size and abs(float(size[1]) - 595.3) < 2 and abs(float(size[2]) - 841.9) < 2, "not A4"
    return int(found[1])


def page_text(pdf: Path, page: int) -> str:
    command = ["pdftotext", "-layout", "-f", str(page), "-l", str(page), str(pdf), "-"]
    return subprocess.run(command, capture_output=True, text=True, check=True).stdout


def screenshot(pdf: Path, name: str) -> Path:
    SHOTS.mkdir(parents=True, exist_ok=True)
    target = SHOTS / name
    command = ["pdftoppm", "-png", "-r", "100", "-f", "1", "-l", "1", "-singlefile", str(pdf)]
    subprocess.run([*command, str(target)], check=True)
    return target.with_suffix(".png")


@pytest.mark.parametrize("name", sorted(CASES))
def test_briefing_prints_on_one_a4_page(name: str, tmp_path: Path) -> None:
    _tools()
    briefing, _ = CASES[name]()
    html = render_html(briefing)
    pdf = print_pdf(html, tmp_path)
    SHOTS.mkdir(parents=True, exist_ok=True)
    (SHOTS / f"{name}.html").write_text(html, encoding="utf-8")
    png = screenshot(pdf, name)
    assert png.is_file() and png.stat().st_size > 10_000
    count = pages(pdf)
    assert count == 1, f"{name}: {count} pages, see {png}"
    text = page_text(pdf, 1)
    assert "Engine:" in text  # the footer made it onto the page
    if name in ("huge", "hostile"):
        assert ("Left out to fit one page" in text) == (name == "huge")


def test_the_evidence_view_follows_on_its_own_pages(tmp_path: Path) -> None:
    _tools()
    briefing, article = briefings.putin()
    pdf = print_pdf(render_html(briefing, article=article), tmp_path)
    screenshot(pdf, "putin-evidence")
    assert pages(pdf) >= 2
    first, second = page_text(pdf, 1), page_text(pdf, 2)
    assert "Engine:" in first and "EVIDENCE" not in first
    assert second.lstrip().startswith("EVIDENCE")


def test_a_hostile_article_prints_as_text(tmp_path: Path) -> None:
    _tools()
    briefing, article = briefings.hostile()
    pdf = print_pdf(render_html(briefing, article=article), tmp_path)
    text = " ".join(page_text(pdf, n) for n in range(1, pages(pdf) + 1))
    assert "<script>alert('article')</script>" in text
    assert '<img src=x onerror="alert(1)">' in text
    assert "<script>alert('title')</script>" in text
