"""Deterministic, field-by-field scoring of a predicted briefing against a gold one.

A prompt regression test must say *which* items a prompt change gained or lost, not just that
some text changed, and it must say the same thing on every run. So nothing here calls a model:

* Actors match when a name or alias of one equals, after ``normalise_name`` (case, accents,
  punctuation), a name or alias of the other; when a title-prefixed name ends in one
  ("Russian President Vladimir Putin" -> "Vladimir Putin"); when a surname-only mention names a
  gold person ("Putin"); or, for names of five characters or more, when the spelling is at least
  ``NAME_SIMILARITY_MIN`` similar ("Zelenskyy" / "Zelensky").
* Positions, conditions and proposals match a gold item of the same field when their actor
  (proposer for proposals) resolves to the same gold actor, or to the government or
  organisation named as that actor's affiliation (a president and his government speak for
  one side), AND either their evidence spans overlap by at least ``EVIDENCE_OVERLAP_MIN`` of
  the smaller span or their texts are at least ``TEXT_SIMILARITY_MIN`` similar (Dice over
  content words). Open questions have no actor; only the second test applies.
* Matching is one-to-one and greedy by best score, so a duplicated item cannot match twice
  and inflate recall.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from ..schema import Briefing, Condition, OpenQuestion, Position, Proposal, normalise_name
from .actors import NAME_SIMILARITY_MIN, ActorResolver
from .spans import ArticleIndex, Span, overlap_ratio

Item = Position | Condition | Proposal | OpenQuestion
__all__ = [
    "ATTRIBUTES",
    "EVIDENCE_OVERLAP_MIN",
    "FIELDS",
    "ITEM_FIELDS",
    "METRIC_NAMES",
    "NAME_SIMILARITY_MIN",
    "TEXT_SIMILARITY_MIN",
    "ActorResolver",
    "CaseScore",
    "FieldScore",
    "ItemMatch",
    "item_actor",
    "item_text",
    "match_actors",
    "match_field",
    "score_case",
    "text_similarity",
]

ITEM_FIELDS: tuple[str, ...] = ("positions", "conditions", "proposals", "open_questions")
FIELDS: tuple[str, ...] = ("actors", *ITEM_FIELDS)
#: Share of the smaller evidence coverage two items must share to count as the same item.
EVIDENCE_OVERLAP_MIN = 0.5
#: Dice similarity of content words above which two item texts count as the same item.
TEXT_SIMILARITY_MIN = 0.5
#: Item attributes compared on matched pairs: metric name -> (field, attribute).
ATTRIBUTES: dict[str, tuple[str, str]] = {
    "conditions.kind_accuracy": ("conditions", "kind"),
    "proposals.status_accuracy": ("proposals", "status"),
}
#: Every metric a case threshold or a baseline tolerance may name.
METRIC_NAMES: tuple[str, ...] = (
    *(f"{f}.{m}" for f in (*FIELDS, "overall") for m in ("precision", "recall", "f1")),
    *ATTRIBUTES,
    "grounding",
    "schema_valid",
)

_STOPWORDS = frozenset(
    re.findall(
        r"\w+",
        "a an the and or but of to in on at for with by from as is are was were be been will "
        "would should could can may must has have had that this these those it its their his "
        "her he she they them we our not no if then than so such any all also about into over "
        "there which who what whether",
    )
)


@dataclass(frozen=True)
class ItemMatch:
    """One predicted item paired with one reference item, and why."""

    pred: int
    gold: int
    score: float
    evidence_overlap: float
    text_similarity: float


@dataclass(frozen=True)
class FieldScore:
    """Matches of one field; precision/recall/F1 follow from the counts."""

    field: str
    predicted: int
    gold: int
    matches: tuple[ItemMatch, ...] = ()

    @property
    def tp(self) -> int:
        return len(self.matches)

    @property
    def precision(self) -> float:
        if self.predicted:
            return self.tp / self.predicted
        return 1.0 if not self.gold else 0.0

    @property
    def recall(self) -> float:
        return self.tp / self.gold if self.gold else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def missed(self) -> list[int]:
        """Indices of reference items nothing matched."""
        hit = {m.gold for m in self.matches}
        return [i for i in range(self.gold) if i not in hit]

    @property
    def extra(self) -> list[int]:
        """Indices of predicted items that matched nothing."""
        hit = {m.pred for m in self.matches}
        return [i for i in range(self.predicted) if i not in hit]


@dataclass(frozen=True)
class CaseScore:
    """Every field's score, the grounding of the prediction and attribute agreement."""

    fields: Mapping[str, FieldScore]
    evidence_items: int
    grounded_items: int
    attributes: Mapping[str, tuple[int, int]] = field(default_factory=dict)
    """metric name -> (agreeing, compared) over matched pairs."""

    @property
    def grounding_rate(self) -> float:
        return self.grounded_items / self.evidence_items if self.evidence_items else 1.0

    def metrics(self) -> dict[str, float]:
        """Flat metric name -> value, named as in ``METRIC_NAMES`` (without schema_valid)."""
        out: dict[str, float] = {}
        for name, fs in self.fields.items():
            out[f"{name}.precision"], out[f"{name}.recall"] = fs.precision, fs.recall
            out[f"{name}.f1"] = fs.f1
        total = FieldScore(
            "overall",
            sum(f.predicted for f in self.fields.values()),
            sum(f.gold for f in self.fields.values()),
            tuple(m for f in self.fields.values() for m in f.matches),
        )
        out["overall.precision"], out["overall.recall"] = total.precision, total.recall
        out["overall.f1"] = total.f1
        for name, (agree, compared) in self.attributes.items():
            out[name] = agree / compared if compared else 1.0
        out["grounding"] = self.grounding_rate
        return out


def item_text(item: Item) -> str:
    """The words of an item that say what it is (for similarity and for reports)."""
    if isinstance(item, Position):
        return f"{item.topic}: {item.stance}"
    if isinstance(item, Condition):
        return f"{item.condition} {item.consequence or ''}".strip()
    if isinstance(item, Proposal):
        return item.proposal
    return item.question


def item_actor(item: Item) -> str | None:
    """The actor reference an item is attributed to (None for open questions)."""
    if isinstance(item, Position | Condition):
        return item.actor
    if isinstance(item, Proposal):
        return item.proposer
    return None


def _content_words(text: str) -> set[str]:
    words = re.findall(r"\w+", normalise_name(text))
    return {w[:-1] if len(w) > 3 and w.endswith("s") else w for w in words} - _STOPWORDS


def text_similarity(left: str, right: str) -> float:
    """Dice coefficient of the content words of two texts (0.0 to 1.0)."""
    a, b = _content_words(left), _content_words(right)
    return 2 * len(a & b) / (len(a) + len(b)) if a and b else 0.0


def _greedy(candidates: list[ItemMatch]) -> tuple[ItemMatch, ...]:
    candidates.sort(key=lambda m: (-m.score, m.gold, m.pred))
    used_pred: set[int] = set()
    used_gold: set[int] = set()
    chosen: list[ItemMatch] = []
    for m in candidates:
        if m.pred not in used_pred and m.gold not in used_gold:
            used_pred.add(m.pred)
            used_gold.add(m.gold)
            chosen.append(m)
    return tuple(sorted(chosen, key=lambda m: m.gold))


def match_actors(predicted: Briefing, reference: Briefing) -> FieldScore:
    """One-to-one matching of actors by normalised name, alias and surname."""
    resolver = ActorResolver(reference.actors)
    candidates = [
        ItemMatch(i, hit[0], hit[1], 0.0, hit[1])
        for i, actor in enumerate(predicted.actors)
        if (hit := resolver.resolve_actor(actor)) is not None
    ]
    return FieldScore("actors", len(predicted.actors), len(reference.actors), _greedy(candidates))


def _spans(items: Sequence[Item], index: ArticleIndex) -> list[list[Span]]:
    return [[s for ev in it.evidence if (s := index.find(ev.quote)) is not None] for it in items]


def match_field(
    name: str, predicted: Briefing, reference: Briefing, article: str | ArticleIndex
) -> FieldScore:
    """One-to-one matching of one field of ``predicted`` against ``reference`` (see module doc)."""
    if name == "actors":
        return match_actors(predicted, reference)
    if name not in ITEM_FIELDS:
        raise ValueError(f"unknown field {name!r}: use one of {', '.join(FIELDS)}")
    index = article if isinstance(article, ArticleIndex) else ArticleIndex(article)
    resolver = ActorResolver(reference.actors)
    preds: list[Item] = list(getattr(predicted, name))
    golds: list[Item] = list(getattr(reference, name))
    pred_spans, gold_spans = _spans(preds, index), _spans(golds, index)
    pred_actor = [resolver.resolve_ref(item_actor(p), predicted) for p in preds]
    gold_actor = [resolver.resolve_ref(item_actor(g), reference) for g in golds]
    candidates: list[ItemMatch] = []
    for gi, gold in enumerate(golds):
        for pi, pred in enumerate(preds):
            has_actor = item_actor(gold) is not None
            if has_actor and not resolver.compatible(pred_actor[pi], gold_actor[gi]):
                continue
            overlap = overlap_ratio(pred_spans[pi], gold_spans[gi])
            similarity = text_similarity(item_text(pred), item_text(gold))
            if overlap >= EVIDENCE_OVERLAP_MIN or similarity >= TEXT_SIMILARITY_MIN:
                score = max(overlap, similarity) + 0.01 * min(overlap, similarity)
                candidates.append(ItemMatch(pi, gi, score, overlap, similarity))
    return FieldScore(name, len(preds), len(golds), _greedy(candidates))


def score_case(predicted: Briefing, gold: Briefing, article: str) -> CaseScore:
    """Score ``predicted`` against ``gold`` for one article, deterministically."""
    index = ArticleIndex(article)
    fields = {name: match_field(name, predicted, gold, index) for name in FIELDS}
    attributes: dict[str, tuple[int, int]] = {}
    for metric, (name, attribute) in ATTRIBUTES.items():
        pairs = [
            (getattr(predicted, name)[m.pred], getattr(gold, name)[m.gold])
            for m in fields[name].matches
        ]
        agree = sum(getattr(p, attribute) == getattr(g, attribute) for p, g in pairs)
        attributes[metric] = (agree, len(pairs))
    evidence = [ev for _, ev in predicted.evidence_items()]
    grounded = sum(index.grounded(ev.quote) for ev in evidence)
    return CaseScore(fields, len(evidence), grounded, attributes)
