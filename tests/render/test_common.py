"""Shared words and lines: labels, anchors, names, the dateline and the footer."""

from __future__ import annotations

from summarizer.render import common
from summarizer.schema import Briefing, GroundingReport, RunInfo


def test_labels_and_anchors() -> None:
    assert common.label("positions", 2) == "P3"
    assert common.label("proposals", 0) == "PR1"
    assert common.label("open_questions", 9) == "Q10"
    assert common.anchor("open_questions", 1) == "open-questions-1"


def test_clean_keeps_one_line_of_printable_text() -> None:
    assert common.clean(" a\n\tb\x00c\x1b[1m \u202eevil ") == "a bc[1m evil"
    assert common.clean(None) == ""


def test_actor_references_resolve_to_canonical_names(putin: tuple[Briefing, str]) -> None:
    b, _ = putin
    assert common.actor_name(b, "putin") == "Vladimir Putin"
    assert common.actor_name(b, "Nobody Known") == "Nobody Known"
    assert common.proposal_parties(b, 0) == "Donald Trump → Vladimir Putin"
    assert common.proposal_parties(b, 3) == "Vladimir Putin"
    assert common.condition_text(b, 1).endswith(
        "→ otherwise the conflict will be resolved by military means"
    )


def test_dateline_leaves_out_what_is_unknown() -> None:
    b = Briefing(title="T", summary="S.", date="2024-05-01")
    assert common.dateline(b) == [("Date", "2024-05-01")]


def test_footer_lines() -> None:
    b = Briefing(title="T", summary="S.")
    assert common.footer_lines(b) == ["Run information: not recorded.", "Grounding: not checked."]
    b.meta = RunInfo(engine="rules", created_at="2025-01-01T00:00:00Z", latency_s=0.04)
    b.grounding = GroundingReport(policy="drop", items=3, exact=2, unmatched=1, dropped=1)
    lines = common.footer_lines(b)
    assert lines[0] == "Engine: rules"
    assert lines[1] == (
        "Grounding (drop): 3 quotes · 2 found (2 exact, 0 normalised) · 0 fuzzy · 1 not found "
        "· 1 dropped"
    )
    assert lines[2] == "Generated 2025-01-01T00:00:00Z in 0.0 s"
