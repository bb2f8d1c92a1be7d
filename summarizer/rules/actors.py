"""The actor table: actors with their aliases, and every resolved mention of them.

The briefing needs one actor per person, government or organisation, with the other names the
article uses as aliases; attribution needs to know which actor each mention means and whether
it is the subject of its clause. ``coref`` fills this table; pronouns are resolved on demand by
``Actors.antecedent``, because only attribution knows whether "he" is a subject or an object.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from typing import Any, Final, NamedTuple

from ..schema import Actor, ActorKind, normalise_name
from . import lexicon as lx
from .gender import Gender, gender_of
from .names import NameRun

_NEXT_WORD: Final = re.compile(r"[ \t\xa0]+([a-z][\w'’-]*)")
_SPACES: Final = frozenset(" \t\xa0")  # what ``_NEXT_WORD`` starts with
_LETTERS_END: Final = re.compile(r"[A-Za-z]+\Z")
# Verbs a coordinated (plural) subject takes besides -s/-ed forms and auxiliaries: base forms
# ("Iran and France say") and common irregular pasts ("The Speaker and I made clear").
_PLURAL_VERBS: Final = frozenset(
    lx.split_words("say agree stand remain want need support reject accept believe seek call urge")
)
_IRREGULAR_PASTS: Final = lx.split_words(
    "said made met told spoke took gave sought held led won lost began saw knew thought felt kept"
    " left"
)
_AND_VERB: Final = re.compile(  # "X and its allies say", "X and President Y stand ready"
    r"[ \t\xa0]+(?:and|nor|or)(?:[ \t\xa0]+[\w'’.-]+){1,5}?[ \t\xa0]+"
    r"([a-z]+(?:s|ed)|are|were|have|had|will|would|can|could|must|should|"
    + "|".join(sorted({*_PLURAL_VERBS, *_IRREGULAR_PASTS}))
    + r")\b"
)
_ARTICLES: Final = frozenset(("the", "a", "an"))
_CONJUNCT_BEFORE: Final = re.compile(r"\b(?:and|nor|or)[ \t\xa0]+(?:the[ \t\xa0]+)?$")


@dataclass(slots=True)  # slots: built for every actor, read for every mention
class ActorInfo:
    """An actor being assembled; ``salient`` actors go into the briefing."""

    name: str
    kind: ActorKind
    role: str | None = None
    affiliation: str | None = None
    aliases: dict[str, None] = field(default_factory=dict)
    salient: bool = False
    gender: Gender | None = None


class Mention(NamedTuple):
    """One mention of an actor; ``sentence`` is -1 in headings."""

    actor: int
    start: int
    end: int
    sentence: int
    subject: bool
    person: bool


def _family_first(words: list[str]) -> bool:
    if words[0] in lx.CHINESE_FAMILY:
        return len(words) == 2
    korean = len(words) == 3 or (len(words) == 2 and "-" in words[1])
    return words[0] in lx.KOREAN_FAMILY and korean


def is_subject(text: str, start: int, end: int, *, strict: bool = False) -> bool:
    """Whether the mention at ``[start, end)`` reads as the subject of a following verb.

    ``strict`` (for countries and organisations, which also occur as modifiers: "his China
    visit", "the U.S. administration") wants an auxiliary or a word ending in -s/-ed next.
    """
    if text[end : end + 1] not in _SPACES:
        return False  # "Putin's", "Iran, which": no next word (and no regex call)
    following = _NEXT_WORD.match(text, end)
    if following is None:
        return False
    word = following.group(1)
    if word in ("and", "nor", "or"):
        if _AND_VERB.match(text, end) is None:
            return False
    elif word in lx.NOT_VERBS:
        return False
    elif strict and word not in lx.AUXILIARIES and not word.endswith(("s", "ed")):
        conjunct = _CONJUNCT_BEFORE.search(text, max(0, start - 8), start)  # "X and France say"
        if conjunct is None or word not in _PLURAL_VERBS:
            return False
    before = _prev_word(text, max(0, start - 30), start)
    if before is not None and before[0].lower() in _ARTICLES:
        before = _prev_word(text, max(0, before[1] - 30), before[1])
        if before is None or before[0][0].isupper():  # "Yesterday the EU said"
            return True
    if before is None:
        return True
    prev = before[0]
    return prev.lower() not in lx.OBJECT_MARKERS and not (prev.islower() and prev.endswith("ed"))


def _prev_word(text: str, lo: int, end: int) -> tuple[str, int] | None:
    """What ``re.search(r"([A-Za-z]+)[ \t\xa0]+$", text[lo:end])`` finds (the letters and
    where they start), by string methods: that search tries a match at every letter."""
    seg = text[lo:end]
    if seg.endswith("\n"):  # ``$`` also matches before a final newline
        seg = seg[:-1]
    body = seg.rstrip(" \t\xa0")
    if len(body) == len(seg) or not body or not (body[-1].isascii() and body[-1].isalpha()):
        return None
    word = body.rsplit(None, 1)[-1]  # the letters end ``body``: none of them is a space
    if not (word.isascii() and word.isalpha()):
        letters = _LETTERS_END.search(word)
        if letters is None:
            return None
        word = letters.group()
    return word, lo + len(body) - len(word)


class Actors:
    """The actor table and the resolved mentions, in document order."""

    def __init__(self) -> None:
        self.infos: list[ActorInfo] = []
        self.mentions: list[Mention] = []
        self._keys: dict[str, int] = {}
        self._by_sentence: dict[int, list[Mention]] | None = None
        self._starts: list[int] | None = None
        self.surnames: dict[str, list[int]] = {}  # last word of a multi-word person name
        self.first_names: dict[str, list[int]] = {}
        self.single_names: dict[str, list[int]] = {}  # people known by one word only

    def get(self, name: str) -> int | None:
        return self._keys.get(normalise_name(name))

    def add(
        self, name: str, kind: ActorKind, role: str | None = None, aff: str | None = None
    ) -> int:
        """The actor called ``name``, created if new; missing role/affiliation filled in."""
        key = normalise_name(name)
        found = self._keys.get(key)
        if found is None:
            found = len(self.infos)
            sex = gender_of(name, role) if kind == "person" else None
            words = name.split()
            self.infos.append(ActorInfo(" ".join(words), kind, role, aff, gender=sex))
            self._keys[key] = found
            if kind == "person" and len(words) > 1:
                self.surnames.setdefault(words[-1], []).append(found)
                self.first_names.setdefault(words[0], []).append(found)
                if _family_first(words):  # "Kim Jong Un" is a Kim, "Xi Jinping" a Xi
                    self.surnames.setdefault(words[0], []).insert(0, found)
            elif kind == "person":
                self.single_names.setdefault(words[0], []).append(found)
        info = self.infos[found]
        info.role = info.role or role
        info.affiliation = info.affiliation or (aff if aff != info.name else None)
        return found

    def alias(self, actor: int, alias: str) -> None:
        key = normalise_name(alias)
        if key and self._keys.setdefault(key, actor) == actor:
            info = self.infos[actor]
            if key != normalise_name(info.name):
                info.aliases.setdefault(" ".join(alias.split()), None)

    def register_person(self, run: NameRun, name: str, text: str = "") -> int:
        """The person ``run`` names; a lone surname, or the last words of a longer name
        ("Gonzalez Urrutia" of "Edmundo Gonzalez Urrutia"), joins the full name that ends so."""
        words = name.split()
        if len(words) == 1 and self.surnames.get(name):
            i = self.surnames[name][0]
            self._fill(i, run, text)
            return i
        for i in self.surnames.get(words[-1], []) if len(words) > 1 else []:
            longer = self.infos[i].name.split()
            if len(longer) > len(words) and longer[-len(words) :] == words:
                self._fill(i, run, text)
                return i
        actor = self.add(name, "person", run.role, run.affiliation)
        self._fill(actor, run, text)
        return actor

    def _fill(self, actor: int, run: NameRun, text: str = "") -> None:
        """Add what ``run`` says about ``actor``: role, gender, affiliation, aliases."""
        info = self.infos[actor]
        info.role = info.role or run.role
        honorific = text[run.start : run.name_start].strip() if text else None
        info.gender = info.gender or gender_of(info.name, run.role, honorific)
        info.affiliation = info.affiliation or run.affiliation
        if run.name and run.name != info.name:
            self.alias(actor, run.name)
        if run.role and run.name and " " not in run.name:
            self.alias(actor, f"{run.role} {run.name}")
        if " " in info.name:  # its words are joined by single spaces
            self.alias(actor, info.name.rpartition(" ")[2])

    def in_sentence(self, sentence: int) -> list[Mention]:
        """Mentions in one sentence (index built once, after resolution is complete)."""
        if self._by_sentence is None:
            self._by_sentence = {}
            for m in self.mentions:
                self._by_sentence.setdefault(m.sentence, []).append(m)
        return self._by_sentence.get(sentence, [])

    def antecedent(
        self,
        pos: int,
        sentence: int,
        *,
        exclude: frozenset[int] = frozenset(),
        floor: int = 0,
        gender: Gender | None = None,
    ) -> int | None:
        """The person a pronoun at ``pos`` refers to: last subject (else any) person mention,
        skipping people of the other ``gender`` ("she" is not the man named last)."""
        lowest = max(floor, sentence - 3)
        fallback: int | None = None
        if self._starts is None or len(self._starts) != len(self.mentions):
            self._starts = [m.start for m in self.mentions]
        upto = bisect.bisect_left(self._starts, pos)
        for m in reversed(self.mentions[max(0, upto - 200) : upto]):
            if not m.person or m.actor in exclude:
                continue
            known = self.infos[m.actor].gender
            if gender is not None and known is not None and known != gender:
                continue
            if m.sentence < lowest:
                break
            if m.subject:
                return m.actor
            fallback = fallback if fallback is not None else m.actor
        return fallback

    def antecedent_thing(self, pos: int, sentence: int) -> int | None:
        """What "it"/"they" at ``pos`` refers to when it speaks ("It strongly condemned ..."): the
        government, organisation or group that is the main subject (the first subject in its
        sentence, not one in a clause after "that") of the latest of the three sentences before."""
        if self._starts is None or len(self._starts) != len(self.mentions):
            self._starts = [m.start for m in self.mentions]
        upto = bisect.bisect_left(self._starts, pos)
        best: Mention | None = None
        for m in reversed(self.mentions[max(0, upto - 200) : upto]):
            if m.sentence < sentence - 3 or (best is not None and m.sentence < best.sentence):
                break
            if m.subject and self.infos[m.actor].kind != "person":
                best = m  # keeps moving to the earliest one of the latest sentence
        return best.actor if best is not None else None

    def records(self) -> list[dict[str, Any]]:
        """The salient actors as plain records (validated with the whole briefing)."""
        out: list[dict[str, Any]] = []
        for info in self.infos:
            if info.salient and normalise_name(info.name):
                out.append(
                    {
                        "name": info.name,
                        "aliases": [a for a in info.aliases if a != info.name],
                        "kind": info.kind,
                        "role": info.role,
                        "affiliation": info.affiliation,
                    }
                )
        return out

    def to_schema(self) -> list[Actor]:
        """The salient actors as schema objects."""
        return [Actor.model_validate(r) for r in self.records()]
