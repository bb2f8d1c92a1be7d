"""Plain text: wrapped to a terminal width, no markup, the same selection as the HTML page.

Model text is collapsed to one line per field and stripped of control characters (no ANSI
escape from the model reaches a terminal); nothing else needs escaping in plain text.
"""

from __future__ import annotations

import textwrap

from ..schema import Briefing, Evidence
from . import common
from .common import Section
from .fit import Fitted, fit

WIDTH = 88


def _wrap(text: str, indent: str, hanging: str | None = None, width: int = WIDTH) -> list[str]:
    return textwrap.wrap(
        text,
        width=width,
        initial_indent=indent,
        subsequent_indent=hanging if hanging is not None else indent,
        break_on_hyphens=False,
    ) or [indent.rstrip()]


def _tag(section: Section, i: int, evidence: list[Evidence]) -> str:
    return f" [{common.label(section, i)} {common.evidence_marks(evidence)}]"


def _quotes(f: Fitted, evidence: list[Evidence], indent: str, width: int) -> list[str]:
    if f.quotes == 0:
        return []
    lines: list[str] = []
    for ev in evidence[: f.quotes]:
        flag = " (not found in the article)" if ev.match == "unmatched" else ""
        lines += _wrap(f"“{common.clean(ev.quote)}”{flag}", indent, indent + " ", width)
    return lines


def _heading(f: Fitted, title: str, section: str) -> list[str]:
    kept, total = len(getattr(f, section)), len(getattr(f.briefing, section))
    suffix = f" ({kept} of {total} shown)" if kept < total else ""
    return ["", title.upper() + suffix]


def render_text(briefing: Briefing, *, one_page: bool = True, width: int = WIDTH) -> str:
    """The briefing as plain text wrapped at ``width`` columns."""
    f = fit(briefing, one_page=one_page)
    b = briefing
    out = ["BRIEFING" + (f" · {common.clean(b.date)}" if b.date else "")]
    out += _wrap(f.title, "", "", width)
    out.append("=" * min(width, max(len(line) for line in out)))
    dateline = " | ".join(f"{key}: {value}" for key, value in common.dateline(b))
    out += _wrap(dateline, "", "  ", width) if dateline else []
    out += ["", *_wrap(f.summary, "", "", width)]
    if f.actors:
        out += _heading(f, "Actors", "actors")
        for i in f.actors:
            a = b.actors[i]
            details = ", ".join(x for x in (common.clean(a.role), common.clean(a.affiliation)) if x)
            line = common.clean(a.name) + (f" — {details}" if details else "")
            out += _wrap(line, "  - ", "    ", width)
    if f.positions:
        out += _heading(f, "Positions", "positions")
        for name, items in common.group_positions(b, f.positions):
            out.append(f"  {name}")
            for i in items:
                p = b.positions[i]
                line = f"{common.clean(p.topic)} — {common.clean(p.stance)}"
                out += _wrap(line + _tag("positions", i, p.evidence), "    • ", "      ", width)
                out += _quotes(f, p.evidence, "        ", width)
    if f.conditions:
        out += _heading(f, "Conditions and red lines", "conditions")
        for i in f.conditions:
            c = b.conditions[i]
            who = common.actor_name(b, c.actor)
            line = f"[{common.KIND_WORD[c.kind]}] {who}: {common.condition_text(b, i)}"
            out += _wrap(line + _tag("conditions", i, c.evidence), "  - ", "    ", width)
            out += _quotes(f, c.evidence, "      ", width)
    if f.proposals:
        out += _heading(f, "Proposals", "proposals")
        for i in f.proposals:
            p2 = b.proposals[i]
            badge = f"[{common.STATUS_SYMBOL[p2.status]} {common.STATUS_WORD[p2.status]}]"
            line = f"{badge} {common.proposal_parties(b, i)}: {common.clean(p2.proposal)}"
            out += _wrap(line + _tag("proposals", i, p2.evidence), "  - ", "    ", width)
            out += _quotes(f, p2.evidence, "      ", width)
    if f.open_questions:
        out += _heading(f, "Open questions", "open_questions")
        for i in f.open_questions:
            q = b.open_questions[i]
            line = common.clean(q.question) + _tag("open_questions", i, q.evidence)
            out += _wrap(line, "  - ", "    ", width)
            out += _quotes(f, q.evidence, "      ", width)
    out += ["", "-" * min(width, 40)]
    if f.note:
        out += _wrap(f.note, "", "", width)
    for line in [*common.footer_lines(b), common.MATCH_LEGEND]:
        out += _wrap(line, "", "  ", width)
    return "\n".join(out) + "\n"
