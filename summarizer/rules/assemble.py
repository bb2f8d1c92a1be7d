"""Assemble one validated ``Briefing`` from the stages: the engine's ``extract``."""

from __future__ import annotations

import bisect
import dataclasses
from collections import Counter
from typing import Any, Final

from ..schema import Briefing, normalise_name
from . import meta
from .actors import Actors
from .coref import find_actors
from .cues import find_cues
from .findings import Finding
from .groups import find_groups
from .headers import label_run
from .names import parse_match
from .positions import Positions, Unit
from .runs import read_run
from .sentences import Document, parse
from .speech import Attribution

__all__ = ["RulesOutput", "clear_caches", "extract"]

MAX_EVIDENCE: Final = 5
Item = dict[str, Any]
"""A briefing item (or evidence) as a plain record: pydantic validates the whole briefing once."""


@dataclasses.dataclass(frozen=True)
class RulesOutput:
    """The briefing (``meta`` and ``grounding`` left to the pipeline) and what to tell the user."""

    briefing: Briefing
    notes: list[str]


def extract(text: str) -> RulesOutput:
    """A briefing of ``text`` by rules alone; never raises on any string."""
    notes: list[str] = []
    try:
        return _extract(text, notes)
    except Exception as exc:  # a bug must not cost the user the whole briefing
        notes.append(
            f"rules engine failed ({type(exc).__name__}: {exc}); kept title and summary only"
        )
        return RulesOutput(_minimal(text), notes)


def clear_caches() -> None:
    """Empty the name caches (for cold-start measurements; results do not depend on them)."""
    normalise_name.cache_clear()
    parse_match.cache_clear()
    label_run.cache_clear()
    read_run.cache_clear()


def _minimal(text: str) -> Briefing:
    words = " ".join(text.split()[:60])[:600] or "No text to summarise."
    return Briefing(title=words[:80] or "Untitled", summary=words)


def _evidence(text: str, span: tuple[int, int]) -> Item:
    start, end = span
    return {"quote": text[start:end], "start": start, "end": end, "match": "exact", "score": 1.0}


def _extract(text: str, notes: list[str]) -> RulesOutput:
    doc = parse(text)
    language = meta.language(doc)
    head = dict(
        title=_short(meta.title(doc), 200).strip() or "Untitled",
        summary=_short(meta.summary(doc), 700).strip() or "No text to summarise.",
        date=meta.date(text),
        place=meta.place(doc),
        language=language,
    )
    if not doc.sentences:
        notes.append("no prose found: the text has no sentences to read")
    actors = find_actors(doc)
    if language != "en":
        counts = Counter(m.actor for m in actors.mentions)
        for i, info in enumerate(actors.infos):  # verbs are English-only: keep repeated names
            info.salient = info.kind == "person" and len(info.name.split()) > 1 and counts[i] > 1
        notes.append(
            f"language looks like {language!r}: only repeated names, title, summary and date "
            "extracted"
            " (the cue words for positions, conditions and proposals are English)"
        )
        return RulesOutput(_briefing(head, actors, []), notes)
    groups = find_groups(doc, actors)
    attribution = Attribution(doc, actors, groups)
    statements = attribution.run()
    quoted = attribution.unattributed_quotes()
    findings = find_cues(doc, actors, statements, quoted, attribution.byline, groups.counterparts)
    starts = [x.start for x in doc.sentences]
    skip = {  # sentences that state a proposal, or are nothing but a condition: not positions
        bisect.bisect_right(starts, span[0]) - 1
        for f in findings
        if f.field == "proposals"
        for span in f.spans[: f.own]
    }
    skip |= {f.sentence for f in findings if f.field == "proposals"}
    skip |= {
        f.sentence
        for f in findings
        if f.field == "conditions"
        and len(doc.sentence_text(doc.sentences[f.sentence]).split()) <= 25
    }
    # a speaker's conditions and open questions are not among their ranked stances either
    quiet = {f.sentence for f in findings if f.field in ("conditions", "open_questions")}
    byline = attribution.byline
    units = Positions(doc, actors, statements, skip, byline, groups, quiet).run()
    positions = _positions(doc, actors, units)
    briefing = _briefing(head, actors, positions, _items(doc, actors, findings))
    if not briefing.actors:
        notes.append("no actors found: nobody is named as speaking or acting")
    return RulesOutput(briefing, notes)


def _short(value: str, limit: int) -> str:
    return value if len(value) <= limit else value[: limit - 1].rstrip() + "…"


def _name(actors: Actors, actor: int) -> str:
    info = actors.infos[actor]
    info.salient = True
    return info.name


def _positions(doc: Document, actors: Actors, units: list[Unit]) -> list[Item]:
    text = doc.original
    out: list[Item] = []
    for unit in sorted(units, key=lambda u: u.spans[0][0]):
        spans = sorted(dict.fromkeys(unit.spans))[:MAX_EVIDENCE]
        evidence = [_evidence(text, s) for s in spans if s[1] > s[0]]
        stance = _short(" ".join(unit.stance.split()), 400)
        topic = _short(" ".join(unit.topic.split()), 120) or "statement"
        if evidence and stance:
            actor = _name(actors, unit.actor)
            out.append({"actor": actor, "topic": topic, "stance": stance, "evidence": evidence})
    return out


def _items(doc: Document, actors: Actors, findings: list[Finding]) -> dict[str, list[Item]]:
    """Conditions, proposals and open questions as plain records, validated once later."""
    text = doc.original
    out: dict[str, list[Item]] = {"conditions": [], "proposals": [], "open_questions": []}
    for f in findings:
        spans = [s for s in f.spans if text[s[0] : s[1]].strip()][:MAX_EVIDENCE]
        words = _short(" ".join(f.text.split()), 300)
        if not spans or not words:
            continue
        evidence = [_evidence(text, s) for s in spans]
        if f.field == "conditions" and f.actor is not None and f.kind is not None:
            consequence = _short(" ".join((f.consequence or "").split()), 300) or None
            out["conditions"].append(
                {"actor": _name(actors, f.actor), "condition": words,
                 "consequence": consequence, "kind": f.kind, "evidence": evidence}
            )  # fmt: skip
        elif f.field == "proposals" and f.actor is not None:
            addressee = _name(actors, f.addressee) if f.addressee is not None else None
            out["proposals"].append(
                {"proposer": _name(actors, f.actor), "proposal": words,
                 "addressee": addressee, "status": f.status, "evidence": evidence}
            )  # fmt: skip
        elif f.field == "open_questions":
            out["open_questions"].append({"question": words, "evidence": evidence})
    return out


def _briefing(
    head: dict[str, str | None],
    actors: Actors,
    positions: list[Item],
    items: dict[str, list[Item]] | None = None,
) -> Briefing:
    """The one validation of the whole briefing: items are plain records until here."""
    items = items or {}
    records = actors.records()
    known = {normalise_name(n) for a in records for n in (a["name"], *a["aliases"])}

    def kept(field: str, ref: str) -> list[Item]:
        return [i for i in items.get(field, []) if normalise_name(str(i[ref])) in known]

    return Briefing.model_validate(
        {
            **head,
            "actors": records,
            "positions": [p for p in positions if normalise_name(str(p["actor"])) in known],
            "conditions": kept("conditions", "actor"),
            "proposals": kept("proposals", "proposer"),
            "open_questions": items.get("open_questions", []),
        }
    )
