"""The briefing: typed, validated, and described field by field for the model.

instructor sends these models' JSON schema (field descriptions included) to the model, so the
descriptions are instructions. Fields the library fills itself (evidence offsets and match
status, grounding figures, run metadata) are hidden from that schema with ``SkipJsonSchema``
and are overwritten by the library whatever the model sends.

Validators return every problem at once, phrased so that a re-ask can fix it: an actor
reference that resolves to no actor, duplicate actors, an empty stance.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from typing import Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    ValidationInfo,
    field_validator,
    model_validator,
)
from pydantic.json_schema import SkipJsonSchema

MatchStatus = Literal["exact", "normalised", "fuzzy", "unmatched"]
ActorKind = Literal["person", "government", "organisation", "group", "other"]
ConditionKind = Literal["prerequisite", "red_line", "if_then", "other"]
ProposalStatus = Literal["offered", "accepted", "rejected", "pending", "unknown"]

SUMMARY_MAX_WORDS = 100  # the prompt asks for ~80; this is where a re-ask starts


@functools.lru_cache(maxsize=1 << 16)
def normalise_name(name: str) -> str:
    """Case-, accent-, punctuation- and whitespace-insensitive key for actor names (memoised:
    names repeat across validation, scoring and the rules engine, and the work is per-char)."""
    decomposed = unicodedata.normalize("NFKD", name)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(re.sub(r"[^\w\s]", " ", stripped.casefold()).split())


class _Model(BaseModel):
    model_config = ConfigDict(extra="ignore", str_strip_whitespace=True)


class Evidence(_Model):
    """A verbatim quote from the article, aligned by the library to character offsets."""

    quote: str = Field(
        min_length=1,
        description=(
            "A short quote copied word for word from the article (usually 5-30 words): no "
            "paraphrase, no added or changed words, no quotation marks around it."
        ),
    )
    start: SkipJsonSchema[int | None] = None
    """Offset of the matched text in the article (Python str index), or None if unmatched."""
    end: SkipJsonSchema[int | None] = None
    """End offset (exclusive): ``article[start:end]`` is the matched text."""
    match: SkipJsonSchema[MatchStatus | None] = None
    """exact | normalised | fuzzy | unmatched; None until the briefing is grounded."""
    score: SkipJsonSchema[float | None] = None
    """Similarity of the match, 1.0 for exact and normalised matches."""

    @model_validator(mode="before")
    @classmethod
    def _accept_plain_string(cls, data: Any) -> Any:
        # Models often answer ["quote", ...] instead of [{"quote": ...}]: accept both.
        return {"quote": data} if isinstance(data, str) else data


EvidenceList = Field(
    min_length=1,
    description="One or more verbatim quotes from the article that support this item.",
)


class Actor(_Model):
    """Someone who acts or speaks in the article."""

    name: str = Field(
        min_length=1,
        description="Canonical full name as the article gives it, e.g. 'Vladimir Putin', 'AFP'.",
    )
    aliases: list[str] = Field(
        default_factory=list,
        description=(
            "Other names the article uses for this actor, e.g. 'Putin', 'the Russian president'."
        ),
    )
    kind: ActorKind = Field(description="person | government | organisation | group | other.")
    role: str | None = Field(
        default=None, description="Role or title, e.g. 'President'; null if not stated."
    )
    affiliation: str | None = Field(
        default=None,
        description="Country or organisation the actor belongs to; null if not stated.",
    )


class Position(_Model):
    """A stance an actor takes on a topic."""

    actor: str = Field(description="Name of an actor from `actors` (name or alias).")
    topic: str = Field(min_length=1, description="What the position is about, in a few words.")
    stance: str = Field(description="The actor's stance in one sentence.")
    evidence: list[Evidence] = EvidenceList

    @field_validator("stance")
    @classmethod
    def _stance_not_empty(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("stance is empty: state the actor's position in one sentence")
        return value


class Condition(_Model):
    """Something an actor says must hold, or a red line it will not cross."""

    actor: str = Field(description="Name of an actor from `actors` who sets the condition.")
    condition: str = Field(min_length=1, description="What must hold (or must not happen).")
    consequence: str | None = Field(
        default=None,
        description="What follows if it holds, or what is refused otherwise; null if unstated.",
    )
    kind: ConditionKind = Field(
        description=(
            "prerequisite (needed before something can happen) | red_line (must never happen) "
            "| if_then (if X then Y) | other."
        )
    )
    evidence: list[Evidence] = EvidenceList


class Proposal(_Model):
    """Something an actor proposes, offers, asks for or invites, with its status."""

    proposer: str = Field(description="Name of the actor from `actors` who makes the proposal.")
    proposal: str = Field(min_length=1, description="What is proposed, in one sentence.")
    addressee: str | None = Field(
        default=None,
        description="Name of the actor from `actors` it is addressed to; null if none.",
    )
    status: ProposalStatus = Field(
        description=(
            "offered (made, no answer yet) | accepted | rejected | pending (answer awaited or "
            "conditions open) | unknown (the article does not say)."
        )
    )
    evidence: list[Evidence] = EvidenceList


class OpenQuestion(_Model):
    """Something the article itself says is uncertain or unresolved."""

    question: str = Field(min_length=1, description="The open question, in one sentence.")
    evidence: list[Evidence] = EvidenceList


class Usage(_Model):
    """Tokens spent, summed over every model call of one run."""

    prompt_tokens: int = 0
    completion_tokens: int = 0
    total_tokens: int = 0

    def __add__(self, other: Usage) -> Usage:
        return Usage(
            prompt_tokens=self.prompt_tokens + other.prompt_tokens,
            completion_tokens=self.completion_tokens + other.completion_tokens,
            total_tokens=self.total_tokens + other.total_tokens,
        )


class GroundingReport(_Model):
    """How many evidence items were found in the article, and how."""

    policy: Literal["flag", "drop", "strict"] = "flag"
    items: int = 0
    exact: int = 0
    normalised: int = 0
    fuzzy: int = 0
    unmatched: int = 0
    dropped: int = Field(default=0, description="Items removed under policy 'drop'.")


class RunInfo(_Model):
    """How the briefing was made. Filled by the library, never by the model."""

    engine: Literal["llm", "rules"]
    model: str | None = None
    mode: str | None = None
    prompt_id: str | None = None
    prompt_hash: str | None = None
    attempts: int = 0
    """Model calls: 1 plus the re-asks."""
    http_requests: int = 0
    """HTTP requests: model calls plus transient retries."""
    usage: Usage = Field(default_factory=Usage)
    latency_s: float = 0.0
    created_at: str = ""
    version: str = ""
    source: str | None = None
    input_chars: int = 0
    notes: list[str] = Field(default_factory=list)


class Briefing(_Model):
    """A one-page briefing of an article: who, what they want, on what terms, what is open."""

    title: str = Field(min_length=1, description="A short factual title for the briefing.")
    summary: str = Field(
        min_length=1,
        description="What happened and why it matters, in at most 80 words, neutral tone.",
    )
    date: str | None = Field(
        default=None,
        description=(
            "Date of the events as stated in the article (YYYY-MM-DD if possible); null if "
            "not stated."
        ),
    )
    place: str | None = Field(default=None, description="Where it happened, if stated; else null.")
    language: str = Field(default="en", description="ISO 639-1 code of the article's language.")
    actors: list[Actor] = Field(
        default_factory=list,
        description=(
            "Every person, government, organisation or group that acts or speaks. Each once."
        ),
    )
    positions: list[Position] = Field(
        default_factory=list, description="Stances actors take, one item per actor and topic."
    )
    conditions: list[Condition] = Field(
        default_factory=list,
        description="Conditions, prerequisites and red lines actors set, with their consequences.",
    )
    proposals: list[Proposal] = Field(
        default_factory=list,
        description="Proposals, offers, requests and invitations, each with its status.",
    )
    open_questions: list[OpenQuestion] = Field(
        default_factory=list, description="What the article itself says is uncertain."
    )
    grounding: SkipJsonSchema[GroundingReport | None] = None
    meta: SkipJsonSchema[RunInfo | None] = None

    @model_validator(mode="after")
    def _check_references(self, info: ValidationInfo) -> Briefing:
        problems = reference_problems(self)
        # During extraction the pipeline passes a check that names quotes not in the article,
        # so they go back to the model in the same re-ask as any other problem.
        check = (info.context or {}).get("grounding_check")
        if check is not None and not problems:
            problems = check(self)
        if problems:
            raise ValueError("; ".join(problems))
        return self

    def find_actor(self, reference: str) -> Actor | None:
        """The actor a name or alias refers to (case-, accent- and punctuation-insensitive)."""
        return _actor_index(self.actors).get(normalise_name(reference))

    def evidence_items(self) -> list[tuple[str, Evidence]]:
        """Every evidence item with the path of the item it supports, e.g. ``positions[0]``."""
        out: list[tuple[str, Evidence]] = []
        for field in ("positions", "conditions", "proposals", "open_questions"):
            for i, item in enumerate(getattr(self, field)):
                out.extend((f"{field}[{i}]", ev) for ev in item.evidence)
        return out


def _actor_index(actors: list[Actor]) -> dict[str, Actor]:
    index: dict[str, Actor] = {}
    for actor in actors:
        for key in (actor.name, *actor.aliases):
            index.setdefault(normalise_name(key), actor)
    return index


def reference_problems(briefing: Briefing) -> list[str]:
    """Every duplicate actor and dangling actor reference, phrased as instructions to fix."""
    problems: list[str] = []
    owner: dict[str, str] = {}
    for i, actor in enumerate(briefing.actors):
        keys = {normalise_name(actor.name), *map(normalise_name, actor.aliases)}
        keys.discard("")
        if keys.isdisjoint(owner) or all(owner.get(k, actor.name) == actor.name for k in keys):
            owner.update(dict.fromkeys(keys, actor.name))
            continue
        for key in sorted(keys):  # the first clash, in a stable order, is the one reported
            if key in owner and owner[key] != actor.name:
                problems.append(
                    f"actors[{i}] {actor.name!r} duplicates actor {owner[key]!r} (both answer "
                    f"to {key!r}): merge them into one actor and put other names in aliases"
                )
                break
            owner[key] = actor.name
    if not problems and len({normalise_name(a.name) for a in briefing.actors}) < len(
        briefing.actors
    ):
        problems.append("actors lists the same name twice: list each actor once")
    for field, attr in _REFERENCES:  # paths and the list of actors are spelled out only if needed
        for i, item in enumerate(getattr(briefing, field)):
            ref = getattr(item, attr)
            if ref is not None and normalise_name(ref) not in owner:
                known = ", ".join(repr(a.name) for a in briefing.actors) or "none"
                problems.append(
                    f"{field}[{i}].{attr} {ref!r} is not an actor: use the name of one of the "
                    f"actors ({known}) or add {ref!r} to actors"
                )
    words = len(briefing.summary.split())
    if words > SUMMARY_MAX_WORDS:
        problems.append(f"summary has {words} words: shorten it to at most 80 words")
    return problems


# Every field that names an actor, in the order its problems are reported.
_REFERENCES = (
    ("positions", "actor"),
    ("conditions", "actor"),
    ("proposals", "proposer"),
    ("proposals", "addressee"),
)
