"""Resolve actor names the way a careful reader does: "Putin" is Vladimir Putin.

Gold briefings name an actor once, with aliases; a model may write "President Putin", "PUTÍN",
"Russian President Vladimir Putin" or "Zelenskyy". Scoring needs all of these to land on the same
gold actor, deterministically, and nothing else to: see ``ActorResolver.resolve`` for the ladder.
"""

from __future__ import annotations

import difflib
from collections.abc import Sequence

from ..schema import Actor, Briefing, normalise_name

#: difflib ratio above which two actor names of 5+ characters are spelling variants.
NAME_SIMILARITY_MIN = 0.85


class ActorResolver:
    """Maps any name, alias or surname-only mention to the index of a reference actor."""

    def __init__(self, actors: Sequence[Actor]) -> None:
        self.actors = list(actors)
        self._keys: dict[str, int] = {}
        surnames: dict[str, list[int]] = {}
        for i, actor in enumerate(self.actors):
            for name in (actor.name, *actor.aliases):
                key = normalise_name(name)
                if key:
                    self._keys.setdefault(key, i)
            if actor.kind == "person":
                parts = normalise_name(actor.name).split()
                if len(parts) > 1:
                    surnames.setdefault(parts[-1], []).append(i)
        self._surnames = {k: v[0] for k, v in surnames.items() if len(v) == 1}

    def resolve(self, name: str) -> tuple[int, float] | None:
        """(actor index, confidence) for ``name``, or None if it names no reference actor."""
        tokens = normalise_name(name).split()
        if not tokens:
            return None
        for drop in range(len(tokens)):  # exact, then without leading titles
            hit = self._keys.get(" ".join(tokens[drop:]))
            if hit is not None:
                return hit, 1.0 if drop == 0 else 0.95
        if tokens[-1] in self._surnames:
            return self._surnames[tokens[-1]], 0.9
        key = " ".join(tokens)
        if len(key) >= 5:
            best: tuple[float, int] | None = None
            for other, i in sorted(self._keys.items()):
                ratio = difflib.SequenceMatcher(None, key, other).ratio()
                if ratio >= NAME_SIMILARITY_MIN and (best is None or ratio > best[0]):
                    best = (ratio, i)
            if best is not None:
                return best[1], 0.9 * best[0]
        return None

    def resolve_actor(self, actor: Actor) -> tuple[int, float] | None:
        """The best resolution of any of ``actor``'s names."""
        hits = [r for n in (actor.name, *actor.aliases) if (r := self.resolve(n)) is not None]
        return max(hits, key=lambda r: (r[1], -r[0])) if hits else None

    def resolve_ref(self, ref: str | None, owner: Briefing) -> int | None:
        """A reference from an item of ``owner``: via ``owner``'s own actor list, else directly."""
        if not ref:
            return None
        actor = owner.find_actor(ref)
        hit = self.resolve_actor(actor) if actor is not None else self.resolve(ref)
        return hit[0] if hit is not None else None

    def compatible(self, a: int | None, b: int | None) -> bool:
        """Same actor, or one is the other's affiliation (Putin and Russia are one side)."""
        if a is None or b is None:
            return False
        if a == b:
            return True
        for x, y in ((a, b), (b, a)):
            affiliation = self.actors[x].affiliation
            hit = self.resolve(affiliation) if affiliation else None
            if hit is not None and hit[0] == y:
                return True
        return False
