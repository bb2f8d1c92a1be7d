"""Words, labels and lines that every renderer shares, so the formats read alike.

Nothing here escapes anything: each renderer escapes for its own format (HTML entities,
Markdown backslashes). Every string that comes from the briefing is untrusted model output.
"""

from __future__ import annotations

import re
from typing import Literal

from ..schema import Briefing, ConditionKind, Evidence, MatchStatus, ProposalStatus

Section = Literal["positions", "conditions", "proposals", "open_questions"]
SECTIONS: tuple[Section, ...] = ("positions", "conditions", "proposals", "open_questions")

_PREFIX: dict[Section, str] = {
    "positions": "P",
    "conditions": "C",
    "proposals": "PR",
    "open_questions": "Q",
}

STATUS_WORD: dict[ProposalStatus, str] = {
    "offered": "OFFERED",
    "accepted": "ACCEPTED",
    "rejected": "REJECTED",
    "pending": "PENDING",
    "unknown": "UNKNOWN",
}
STATUS_SYMBOL: dict[ProposalStatus, str] = {
    "offered": "→",
    "accepted": "✓",
    "rejected": "✗",
    "pending": "…",
    "unknown": "?",
}
KIND_WORD: dict[ConditionKind, str] = {
    "red_line": "RED LINE",
    "prerequisite": "PREREQUISITE",
    "if_then": "IF / THEN",
    "other": "CONDITION",
}
MATCH_SYMBOL: dict[MatchStatus | None, str] = {
    "exact": "✓",
    "normalised": "✓",
    "fuzzy": "≈",
    "unmatched": "✗",
    None: "?",
}
MATCH_LEGEND = "✓ quote found in the article · ≈ found approximately · ✗ not found · ? not checked"


# Control characters (ANSI escapes in a terminal) and bidi overrides never reach the output.
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def clean(text: str | None) -> str:
    """One line of text: control characters go, runs of whitespace become one space."""
    return " ".join(_UNSAFE.sub("", text or "").split())


def label(section: Section, index: int) -> str:
    """Short, stable label of an item, e.g. ``P3`` for ``positions[2]``."""
    return f"{_PREFIX[section]}{index + 1}"


def anchor(section: Section, index: int) -> str:
    """HTML-id-safe key of an item, e.g. ``positions-2``."""
    return f"{section.replace('_', '-')}-{index}"


def evidence_marks(evidence: list[Evidence]) -> str:
    """One match symbol per quote, e.g. ``✓✓≈``."""
    return "".join(MATCH_SYMBOL[ev.match] for ev in evidence)


def actor_name(briefing: Briefing, reference: str | None) -> str:
    """The canonical name an actor reference resolves to, else the reference as written."""
    if reference is None:
        return ""
    actor = briefing.find_actor(reference)
    return clean(actor.name if actor else reference)


def group_positions(briefing: Briefing, indexes: list[int]) -> list[tuple[str, list[int]]]:
    """Kept positions grouped by actor: actors in the order of ``actors``, then the rest."""
    groups: dict[str, list[int]] = {clean(a.name): [] for a in briefing.actors}
    for i in indexes:
        groups.setdefault(actor_name(briefing, briefing.positions[i].actor), []).append(i)
    return [(name, items) for name, items in groups.items() if items]


def condition_text(briefing: Briefing, index: int) -> str:
    """``condition → consequence`` of one condition, in one line."""
    item = briefing.conditions[index]
    text = clean(item.condition)
    return f"{text} → {clean(item.consequence)}" if item.consequence else text


def proposal_parties(briefing: Briefing, index: int) -> str:
    """``Proposer → Addressee`` (or just the proposer)."""
    item = briefing.proposals[index]
    proposer = actor_name(briefing, item.proposer)
    return f"{proposer} → {actor_name(briefing, item.addressee)}" if item.addressee else proposer


def dateline(briefing: Briefing) -> list[tuple[str, str]]:
    """The source, date and place line as (label, value) pairs, leaving out what is unknown."""
    meta = briefing.meta
    pairs = [
        ("Source", clean(meta.source) if meta and meta.source else ""),
        ("Date", clean(briefing.date)),
        ("Place", clean(briefing.place)),
    ]
    return [(key, value) for key, value in pairs if value]


def footer_lines(briefing: Briefing) -> list[str]:
    """Provenance: engine and model, prompt, grounding figures, generation time."""
    meta, grounding = briefing.meta, briefing.grounding
    lines: list[str] = []
    if meta is None:
        lines.append("Run information: not recorded.")
    else:
        engine = f"Engine: {meta.engine}"
        if meta.model:
            engine += f" · Model: {clean(meta.model)}"
        if meta.mode:
            engine += f" · Mode: {clean(meta.mode)}"
        if meta.prompt_id or meta.prompt_hash:
            digest = clean(meta.prompt_hash)[:12]
            engine += f" · Prompt: {clean(meta.prompt_id) or '(unnamed)'}"
            engine += f" ({digest})" if digest else ""
        lines.append(engine)
    if grounding is None:
        lines.append("Grounding: not checked.")
    else:
        found = grounding.exact + grounding.normalised
        line = (
            f"Grounding ({grounding.policy}): {grounding.items} quotes · {found} found "
            f"({grounding.exact} exact, {grounding.normalised} normalised) · "
            f"{grounding.fuzzy} fuzzy · {grounding.unmatched} not found"
        )
        lines.append(line + (f" · {grounding.dropped} dropped" if grounding.dropped else ""))
    if meta is not None:
        when = f"Generated {clean(meta.created_at) or '(time not recorded)'}"
        when += f" in {meta.latency_s:.1f} s"
        if meta.attempts:
            when += f" · {meta.attempts} model call{'s' if meta.attempts != 1 else ''}"
        if meta.usage.total_tokens:
            when += f" · {meta.usage.total_tokens:,} tokens"
        if meta.version:
            when += f" · summarizer {clean(meta.version)}"
        lines.append(when)
    return lines
