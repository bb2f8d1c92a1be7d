"""GitHub-flavoured Markdown that also reads well as plain text in a terminal.

Shows the same selection as the HTML page (``fit``), so a briefing says the same thing in every
format. Model text is untrusted: every field is collapsed to one line and its Markdown and HTML
punctuation is backslash-escaped, so a ``<script>``, a ``|`` in a table cell or a leading
``1.`` in the summary shows as the characters it is.
"""

from __future__ import annotations

import re

from ..schema import Briefing, Evidence
from . import common
from .common import Section
from .fit import Fitted, fit

_SPECIAL = re.compile(r"([\\`*_\[\]<>#|~&$])")
_BULLET = re.compile(r"^([-+=])")
_ORDERED = re.compile(r"^(\d+)([.)])")


def escape(text: str | None) -> str:
    """One line of model text, safe inside Markdown inline content and table cells."""
    text = _SPECIAL.sub(r"\\\1", common.clean(text))
    return _ORDERED.sub(r"\1\\\2", _BULLET.sub(r"\\\1", text))


def _tag(section: Section, i: int, evidence: list[Evidence]) -> str:
    return f" `{common.label(section, i)} {common.evidence_marks(evidence)}`"


def _quotes(f: Fitted, evidence: list[Evidence], indent: str) -> list[str]:
    if f.quotes == 0:
        return []
    lines = []
    for ev in evidence[: f.quotes]:
        flag = " (not found in the article)" if ev.match == "unmatched" else ""
        lines.append(f"{indent}- *“{escape(ev.quote)}”*{flag}")
    return lines


def _heading(f: Fitted, title: str, section: str) -> list[str]:
    kept, total = len(getattr(f, section)), len(getattr(f.briefing, section))
    return ["", f"## {title}" + (f" ({kept} of {total} shown)" if kept < total else ""), ""]


def render_markdown(briefing: Briefing, *, one_page: bool = True) -> str:
    """The briefing as GitHub-flavoured Markdown."""
    f = fit(briefing, one_page=one_page)
    b = briefing
    out = [f"# {escape(f.title)}", ""]
    dateline = " · ".join(f"**{key}:** {escape(value)}" for key, value in common.dateline(b))
    if dateline:
        out += [dateline, ""]
    out.append(f"> {escape(f.summary)}")
    if f.actors:
        out += _heading(f, "Actors", "actors")
        out += ["| Name | Role | Affiliation |", "| --- | --- | --- |"]
        for i in f.actors:
            a = b.actors[i]
            role, affiliation = escape(a.role) or "—", escape(a.affiliation) or "—"
            out.append(f"| **{escape(a.name)}** | {role} | {affiliation} |")
    if f.positions:
        out += _heading(f, "Positions", "positions")
        for name, items in common.group_positions(b, f.positions):
            out.append(f"- **{escape(name)}**")
            for i in items:
                p = b.positions[i]
                tag = _tag("positions", i, p.evidence)
                out.append(f"  - *{escape(p.topic)}* — {escape(p.stance)}{tag}")
                out += _quotes(f, p.evidence, "    ")
    if f.conditions:
        out += _heading(f, "Conditions and red lines", "conditions")
        for i in f.conditions:
            c = b.conditions[i]
            who = escape(common.actor_name(b, c.actor))
            text = escape(common.condition_text(b, i))
            kind = common.KIND_WORD[c.kind]
            out.append(f"- **{kind}** · {who}: {text}{_tag('conditions', i, c.evidence)}")
            out += _quotes(f, c.evidence, "  ")
    if f.proposals:
        out += _heading(f, "Proposals", "proposals")
        for i in f.proposals:
            p2 = b.proposals[i]
            badge = f"{common.STATUS_SYMBOL[p2.status]} {common.STATUS_WORD[p2.status]}"
            who = escape(common.proposal_parties(b, i))
            tag = _tag("proposals", i, p2.evidence)
            out.append(f"- **`{badge}`** {who}: {escape(p2.proposal)}{tag}")
            out += _quotes(f, p2.evidence, "  ")
    if f.open_questions:
        out += _heading(f, "Open questions", "open_questions")
        for i in f.open_questions:
            q = b.open_questions[i]
            out.append(f"- {escape(q.question)}{_tag('open_questions', i, q.evidence)}")
            out += _quotes(f, q.evidence, "  ")
    out += ["", "---", ""]
    if f.note:
        out += [f"*{escape(f.note)}*", ""]
    footer = [escape(line) for line in [*common.footer_lines(b), common.MATCH_LEGEND]]
    out.append("  \n".join(footer))
    return "\n".join(out) + "\n"
