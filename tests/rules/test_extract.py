"""The public interface: ``extract`` on fixtures, messy input, and anything at all."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from summarizer.rules import RulesOutput, extract
from summarizer.schema import Briefing

from .helpers import assert_grounded

ARTICLES = Path(__file__).resolve().parents[2] / "fixtures" / "articles"
CANONICAL = ARTICLES / "2025-09-03-putin-china-press.txt"
TRANSCRIPT = ARTICLES / "07-wh-mitchell-briefing-trilateral-meeting.txt"


def test_canonical_article() -> None:
    text = CANONICAL.read_text(encoding="utf-8")
    out = extract(text)
    b = out.briefing
    assert isinstance(out, RulesOutput) and out.notes == []
    assert_grounded(out, text)
    assert (b.date, b.language) == ("2025-09-03", "en")
    putin = b.find_actor("Putin")
    assert putin is not None and (putin.role, putin.affiliation) == ("President", "Russia")
    assert b.find_actor("the Ukrainian leader") == b.find_actor("Zelensky")
    kinds = {c.kind for c in b.conditions}
    assert {"red_line", "if_then", "prerequisite"} <= kinds
    assert {p.status for p in b.proposals} >= {"rejected", "offered"}
    assert any("every country has the right" in ev.quote for p in b.positions for ev in p.evidence)
    assert len(b.summary.split()) <= 80


def test_every_fixture_article_is_grounded_and_valid() -> None:
    for path in sorted(ARTICLES.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        out = extract(text)
        assert_grounded(out, text)
        assert not any("failed" in n for n in out.notes), (path.name, out.notes)


def test_transcript_speakers_and_no_questions_as_positions() -> None:
    text = TRANSCRIPT.read_text(encoding="utf-8")
    b = extract(text).briefing
    assert b.date == "2009-09-22"
    assert b.find_actor("Senator Mitchell") is not None
    assert all(not ev.quote.endswith("?") for p in b.positions for ev in p.evidence)


def test_boilerplate_is_ignored() -> None:
    text = (
        "Accessibility links\n\nBreaking News\n\nPorts Reopen After Strike\n\n"
        "Dock workers ended their strike on Monday, union leader Sam Ortiz said.\n"
        "XS\nSM\nMD\nLG\nPhoto: Jane Roe / Agency, CC BY 4.0\n"
    )
    out = extract(text)
    assert out.briefing.title == "Ports Reopen After Strike"
    assert "XS" not in out.briefing.summary and "Photo" not in out.briefing.summary
    assert_grounded(out, text)


def test_non_english_is_said_in_notes() -> None:
    text = "Владимир Путин заявил, что переговоры возможны. Владимир Путин добавил, что всё решено."
    out = extract(text)
    assert out.briefing.language == "ru"
    assert any("'ru'" in note for note in out.notes)
    assert out.briefing.find_actor("Владимир Путин") is not None
    assert out.briefing.positions == []


def test_degenerate_inputs() -> None:
    for text in ("", "   \n\t", "word", "\x00\x01\ufffd" * 100, "“" * 50, "Q\n", "ÉTÉ: ?"):
        out = extract(text)
        assert out.briefing.title and out.briefing.summary
        assert_grounded(out, text)


def test_very_long_input() -> None:
    text = CANONICAL.read_text(encoding="utf-8")
    big = (text + "\n\n") * (300_000 // len(text) + 1)
    out = extract(big)
    assert_grounded(out, big)
    assert len(out.briefing.summary.split()) <= 80


_PIECES = ["Mr.", " said ", " if ", "U.S.", "President ", "Q ", "Putin", "SENATOR X:", "\x1c"]
_PIECES += ["\u00a0", "Ж", "北", "。", " should ", " rejected ", " asked ", " cannot ", "\n\n"]
_alphabet = st.sampled_from([*"abcXYZ .,;:!?\"'“”«»-—\n\t()", *_PIECES])


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_alphabet, max_size=80).map("".join) | st.text(max_size=300))
def test_extract_never_raises_and_stays_grounded(text: str) -> None:
    out = extract(text)
    assert isinstance(out.briefing, Briefing)
    assert not any("failed" in n for n in out.notes), out.notes
    assert_grounded(out, text)


def test_wrapped_text_is_read_unwrapped_and_quoted_as_written() -> None:
    text = (
        "Remarks by President Ana Lima\n\n"
        "THE PRESIDENT: We have reached a bipartisan budget agreement with Speaker\n"
        "Tom Reed. I strongly urge both chambers to pass that agreement.\n\n"
        "Q Will it pass?\n\nTHE PRESIDENT: I believe it will pass this week.\n"
    )
    out = extract(text)
    assert_grounded(out, text)
    assert any("\n" in e.quote for _, e in out.briefing.evidence_items())
    assert out.briefing.find_actor("Tom Reed") is not None
