"""Grounding: attach character offsets to every evidence quote and apply the policy.

``align.py`` finds where a quote is; this module decides what that means for a briefing:

- during extraction, ``reask_problems`` names the quotes that are not in the article so the
  model is re-asked (inside instructor's bounded re-ask budget);
- afterwards, ``ground`` overwrites every evidence item's ``start``/``end``/``match``/``score``
  (never trusting what the model sent), counts the figures, and applies the policy:
  ``flag`` keeps unmatched evidence with null offsets, ``drop`` removes it (and any item left
  without evidence), ``strict`` raises ``GroundingError``.

Within one item, quotes are aligned in order, each searched from the end of the previous one,
so that "A" ... "A" in reading order lands on successive occurrences.
"""

from __future__ import annotations

from typing import Any

from .align import Aligner
from .config import Grounding
from .errors import GroundingError
from .schema import Briefing, Evidence, GroundingReport

ITEM_FIELDS = ("positions", "conditions", "proposals", "open_questions")
_MAX_LISTED = 10


def _aligned(
    evidence: list[Evidence], aligner: Aligner, verified_in: str | None = None
) -> list[Evidence]:
    out: list[Evidence] = []
    after = 0
    for ev in evidence:
        if verified_in is not None and _verified(ev, verified_in):
            out.append(ev.model_copy(update={"match": "exact", "score": 1.0}))
            after = ev.end or after
            continue
        found = aligner.align(ev.quote, after=after)
        if found.end is not None:
            after = found.end
        out.append(
            ev.model_copy(
                update={
                    "start": found.start,
                    "end": found.end,
                    "match": found.status,
                    "score": round(found.score, 4),
                }
            )
        )
    return out


def _verified(ev: Evidence, article: str) -> bool:
    """Offsets an engine of ours computed and that slice exactly to the quote."""
    return (
        ev.start is not None
        and ev.end is not None
        and 0 <= ev.start < ev.end <= len(article)
        and article[ev.start : ev.end] == ev.quote
    )


def reask_problems(briefing: Briefing, aligner: Aligner) -> list[str]:
    """One instruction per quote that is not in the article (fuzzy matches are accepted)."""
    problems: list[str] = []
    for field in ITEM_FIELDS:
        for i, item in enumerate(getattr(briefing, field)):
            for ev in _aligned(item.evidence, aligner):
                if ev.match == "unmatched":
                    problems.append(f"{field}[{i}] quote {ev.quote[:160]!r}")
    if not problems:
        return []
    listed = "; ".join(problems[:_MAX_LISTED])
    more = f" and {len(problems) - _MAX_LISTED} more" if len(problems) > _MAX_LISTED else ""
    return [
        f"these evidence quotes are not in the article: {listed}{more}. Copy the exact words "
        "from the article, or remove the item if the article does not support it"
    ]


def ground(
    briefing: Briefing,
    article: str,
    *,
    policy: Grounding,
    aligner: Aligner | None = None,
    keep_verified: bool = False,
) -> Briefing:
    """A copy of ``briefing`` with offsets on every quote, the policy applied, and figures.

    ``keep_verified`` keeps offsets that already slice exactly to their quote: only for
    engines of ours (the rules engine), never for model output, whose offsets are ignored.
    """
    aligner = aligner or Aligner(article)
    report = GroundingReport(policy=policy)
    updates: dict[str, Any] = {}
    unmatched: list[str] = []
    for field in ITEM_FIELDS:
        kept = []
        for item in getattr(briefing, field):
            evidence = _aligned(item.evidence, aligner, article if keep_verified else None)
            for ev in evidence:
                report.items += 1
                status = ev.match or "unmatched"
                setattr(report, status, getattr(report, status) + 1)
                if status == "unmatched":
                    unmatched.append(ev.quote)
            if policy == "drop":
                evidence = [ev for ev in evidence if ev.match != "unmatched"]
                if not evidence:
                    report.dropped += 1
                    continue
            kept.append(item.model_copy(update={"evidence": evidence}))
        updates[field] = kept
    if policy == "strict" and unmatched:
        shown = "; ".join(repr(q[:120]) for q in unmatched[:_MAX_LISTED])
        raise GroundingError(
            f"{len(unmatched)} evidence quote(s) are not in the article ({shown}): use "
            "grounding 'flag' or 'drop' to keep the briefing, or a stronger model",
            unmatched=unmatched,
        )
    updates["grounding"] = report
    return briefing.model_copy(update=updates)
