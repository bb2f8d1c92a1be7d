"""One page: which items a briefing page shows, and what it leaves out to fit on A4.

The HTML page is the one that must print on one A4 sheet, so this module estimates the height
of that page in millimetres (geometry and text metrics from ``layout.py``) and, while the
estimate is over the page, leaves out whole items by a fixed priority. Markdown and text show
the same selection, so every format of one briefing says the same thing. Items are never cut:
an item is shown whole or left out, and the page says what was left out. The rules, first
applied first:

1. Evidence quotes after the first of each item.
2. The remaining evidence quotes (every item keeps its label and match marks).
3. Oversized items: any single item estimated taller than ``OVERSIZED_MM``, tallest first.
4. Actors that no shown item names (checked again after every later step).
5. Balancing: while a section shows more than one item, the section showing the most items
   (ties: open questions, then positions, proposals, conditions) loses its weakest item:
   positions - the last one of the actor with the most positions shown;
   conditions - the last of the weakest kind (other < if/then < prerequisite < red line);
   proposals - the last of the weakest status (unknown < pending < offered < rejected <
   accepted); open questions - the last one.
6. The last item of each section, in the tie order above.
7. Actors, last first.

Title, dateline, summary and footer always stay. A title over ``TITLE_MAX_CHARS`` or a summary
over ``SUMMARY_MAX_WORDS`` words (the schema already refuses more than 100) is shortened at a
word boundary with an ellipsis, and the note says so.
"""

from __future__ import annotations

import dataclasses

from ..schema import Briefing, ConditionKind, Evidence, ProposalStatus
from . import common
from .common import SECTIONS, Section
from .layout import (
    BADGE_MM,
    BODY,
    COLUMNS,
    CONTENT_H,
    CONTENT_W,
    FOOT,
    HEAD,
    LEAD,
    META,
    NOTE,
    PAD_X,
    PAD_Y,
    PT,
    RESERVE_MM,
    SMALL,
    TH,
    TITLE,
    text_height,
)

OVERSIZED_MM = 45.0
TITLE_MAX_CHARS = 160
SUMMARY_MAX_WORDS = 120


@dataclasses.dataclass
class Fitted:
    """What a briefing page shows: indexes into the briefing's lists, in their original order."""

    briefing: Briefing
    title: str
    summary: str
    actors: list[int]
    positions: list[int]
    conditions: list[int]
    proposals: list[int]
    open_questions: list[int]
    quotes: int | None = None
    """Quotes shown under each item: all (None), the first (1) or none (0)."""
    shortened: list[str] = dataclasses.field(default_factory=list)

    def kept(self, section: Section) -> list[int]:
        return list(getattr(self, section))

    @property
    def left_out(self) -> list[str]:
        """What the page leaves out, in the order of the rules, e.g. ``'3 of 40 positions'``."""
        b, out = self.briefing, list(self.shortened)
        items = [item for s in SECTIONS for item in getattr(b, s)]
        if self.quotes == 0 and items:
            out.append("evidence quotes")
        elif self.quotes == 1 and any(len(item.evidence) > 1 for item in items):
            out.append("evidence quotes after the first of each item")
        for name, kept, total in (
            ("open questions", self.open_questions, b.open_questions),
            ("positions", self.positions, b.positions),
            ("actors", self.actors, b.actors),
            ("conditions", self.conditions, b.conditions),
            ("proposals", self.proposals, b.proposals),
        ):
            if len(kept) < len(total):
                out.append(f"{len(total) - len(kept)} of {len(total)} {name}")
        return out

    @property
    def note(self) -> str | None:
        """One sentence saying what was left out to fit one page, or None."""
        if not self.left_out:
            return None
        left_out = "; ".join(self.left_out)
        return f"Left out to fit one page: {left_out} (the JSON output has everything)."


def _suffix(section: Section, i: int, evidence: list[Evidence]) -> str:
    """The label and match marks that follow an item's text, e.g. `` P3 ✓≈``."""
    return f" {common.label(section, i)} {common.evidence_marks(evidence)}"


def _item_height(f: Fitted, section: Section, i: int) -> float:
    b, cols = f.briefing, COLUMNS
    if section == "open_questions":
        text, width = common.clean(b.open_questions[i].question), CONTENT_W - 5
        evidence = b.open_questions[i].evidence
        body = text_height(text + _suffix(section, i, evidence), width, BODY) + 0.6
    else:
        share = {"positions": cols["positions"][1], "conditions": cols["conditions"][2]}
        width = CONTENT_W * share.get(section, cols["proposals"][2]) / 100 - 2 * PAD_X
        item = getattr(b, section)[i]
        if section == "positions":
            text = f"{common.clean(item.topic)} — {common.clean(item.stance)}"
        elif section == "conditions":
            text = common.condition_text(b, i)
        else:
            text = common.clean(item.proposal)
        evidence = item.evidence
        body = text_height(text + _suffix(section, i, evidence), width, BODY)
    if f.quotes != 0:
        for ev in evidence[: f.quotes]:
            body += text_height(f"“{common.clean(ev.quote)}” ✓", width - 2, SMALL) + 0.3
    return body


def estimate(f: Fitted) -> float:
    """Estimated height in mm of the HTML page's content for this selection."""
    return sum(height for _, height in parts(f))


def parts(f: Fitted) -> list[tuple[str, float]]:
    """The estimate part by part: masthead, summary, each section, note, footer (mm)."""
    b, cell = f.briefing, 2 * PAD_Y + 0.25
    dateline = " · ".join(f"{k}: {v}" for k, v in common.dateline(b))
    head = 5.5 + text_height(f.title, CONTENT_W, TITLE, bold=True, serif=True) + 1.5
    head += text_height(dateline or "x", CONTENT_W, META) + 5.4
    out = [("masthead", head), ("summary", text_height(f.summary, CONTENT_W - 7, LEAD) + 4.4)]
    section = 3.2 + HEAD[0] * PT * HEAD[1] + 2.1

    def row(cells: list[str], name: str) -> float:
        widths = [CONTENT_W * p / 100 - 2 * PAD_X for p in COLUMNS[name]]
        return max(text_height(t, w, BODY) for t, w in zip(cells, widths, strict=True))

    if f.actors:
        height = section + TH[0] * PT * TH[1] + cell
        for i in f.actors:
            a = b.actors[i]
            cells = [common.clean(t) or "—" for t in (a.name, a.role, a.affiliation)]
            height += row(cells, "actors") + cell
        out.append(("actors", height))
    if f.positions:
        height = section
        for name, items in common.group_positions(b, f.positions):
            inner = sum(_item_height(f, "positions", i) for i in items) + 0.6 * (len(items) - 1)
            height += max(inner, row([name, ""], "positions")) + cell
        out.append(("positions", height))
    for sec in ("conditions", "proposals"):
        kept = f.conditions if sec == "conditions" else f.proposals
        who_width = CONTENT_W * COLUMNS[sec][1] / 100 - 2 * PAD_X
        if kept:
            height = section
            for i in kept:
                who = text_height(_who(f, sec, i), who_width, BODY)
                height += max(_item_height(f, sec, i), who, BADGE_MM) + cell
            out.append((sec, height))
    if f.open_questions:
        height = section + sum(_item_height(f, "open_questions", i) for i in f.open_questions)
        out.append(("open_questions", height))
    if f.note:
        out.append(("note", 3.0 + text_height(f.note, CONTENT_W - 4, NOTE) + 3.6))
    footer = [*common.footer_lines(b), common.MATCH_LEGEND]
    out.append(("footer", 5.8 + sum(text_height(line, CONTENT_W, FOOT) for line in footer)))
    return out


def _who(f: Fitted, section: Section, i: int) -> str:
    if section == "conditions":
        return common.actor_name(f.briefing, f.briefing.conditions[i].actor)
    return common.proposal_parties(f.briefing, i)


def _shorten(f: Fitted) -> None:
    if len(f.title) > TITLE_MAX_CHARS:
        f.title = f.title[:TITLE_MAX_CHARS].rsplit(" ", 1)[0] + " …"
        f.shortened.append("title shortened")
    words = f.summary.split()
    if len(words) > SUMMARY_MAX_WORDS:
        f.summary = " ".join(words[:SUMMARY_MAX_WORDS]) + " …"
        f.shortened.append("summary shortened")


_Victim = tuple[str, int] | None
_KIND_ORDER: tuple[ConditionKind, ...] = ("other", "if_then", "prerequisite", "red_line")
_STATUS_ORDER: tuple[ProposalStatus, ...] = (
    "unknown",
    "pending",
    "offered",
    "rejected",
    "accepted",
)
# Ties between equally long sections: the first named here loses an item first.
_TIE_ORDER: tuple[Section, ...] = ("open_questions", "positions", "proposals", "conditions")


def _weakest(f: Fitted, section: Section) -> int:
    """The item of ``section`` the page can best do without (its list must not be empty)."""
    b = f.briefing
    if section == "positions":
        groups = common.group_positions(b, f.positions)
        return max(groups, key=lambda g: (len(g[1]), g[1][-1]))[1][-1]
    if section == "conditions":
        kinds = {k: n for n, k in enumerate(_KIND_ORDER)}
        return min(reversed(f.conditions), key=lambda i: kinds[b.conditions[i].kind])
    if section == "proposals":
        statuses = {s: n for n, s in enumerate(_STATUS_ORDER)}
        return min(reversed(f.proposals), key=lambda i: statuses[b.proposals[i].status])
    return f.open_questions[-1]


def _unnamed_actors(f: Fitted) -> list[int]:
    b = f.briefing
    named = {common.actor_name(b, b.positions[i].actor) for i in f.positions}
    named |= {common.actor_name(b, b.conditions[i].actor) for i in f.conditions}
    for i in f.proposals:
        named |= {common.actor_name(b, b.proposals[i].proposer)}
        named |= {common.actor_name(b, b.proposals[i].addressee)}
    return [i for i in f.actors if common.clean(b.actors[i].name) not in named]


def _next_victim(f: Fitted) -> _Victim:
    """The next thing to leave out, by the rules in the module docstring."""
    if f.quotes is None:
        return ("quotes", 1)
    if f.quotes == 1:
        return ("quotes", 0)
    sized = [(_item_height(f, s, i), s, i) for s in SECTIONS for i in f.kept(s)]
    oversized = [t for t in sized if t[0] > OVERSIZED_MM]
    if oversized:
        _, sec, idx = max(oversized)
        return (sec, idx)
    unnamed = _unnamed_actors(f)
    if unnamed:
        return ("actors", unnamed[-1])
    longest = max(_TIE_ORDER, key=lambda s: (len(f.kept(s)), -_TIE_ORDER.index(s)))
    if len(f.kept(longest)) > 1:
        return (longest, _weakest(f, longest))
    for section in _TIE_ORDER:
        if f.kept(section):
            return (section, f.kept(section)[0])
    return ("actors", f.actors[-1]) if f.actors else None


def fit(briefing: Briefing, *, one_page: bool = True, height_mm: float | None = None) -> Fitted:
    """The selection of ``briefing`` that fits one page (everything when ``one_page`` is False)."""
    f = Fitted(
        briefing=briefing,
        title=common.clean(briefing.title),
        summary=common.clean(briefing.summary),
        actors=list(range(len(briefing.actors))),
        positions=list(range(len(briefing.positions))),
        conditions=list(range(len(briefing.conditions))),
        proposals=list(range(len(briefing.proposals))),
        open_questions=list(range(len(briefing.open_questions))),
    )
    if not one_page:
        return f
    _shorten(f)
    budget = (CONTENT_H - RESERVE_MM) if height_mm is None else height_mm
    while estimate(f) > budget:
        victim = _next_victim(f)
        if victim is None:
            break
        kind, index = victim
        if kind == "quotes":
            f.quotes = index
        else:
            getattr(f, kind).remove(index)
    return f
