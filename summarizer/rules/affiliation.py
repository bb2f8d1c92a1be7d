"""Affiliations the name run itself does not state, taken from where the text does state them.

"Russian President Vladimir Putin" carries its affiliation; "Foreign Minister Mohammad Javad
Zarif" does not, but a story that has just said "Iran says it is not disappointed" and then
quotes a foreign minister is about Iran's. Two sources are used, both only when the text backs
them: an all-capitals page header ("WITH PRIME MINISTER NETANYAHU OF ISRAEL"), read as names for
people already known; and, for an official with a government title and no affiliation, the one
government that is the subject of the sentences just before the official's first mention.
"""

from __future__ import annotations

import re
from typing import Final

from . import lexicon as lx
from .actors import Actors
from .names import role_head
from .runs import parse_runs
from .sentences import Document

_OFFICIAL_HEADS: Final = frozenset(
    lx.split_words("""
        president minister premier chancellor secretary spokesman spokeswoman spokesperson
        ambassador envoy negotiator king queen emir sultan
        """)
)
_SMALL: Final = frozenset(lx.split_words("of the and for to in on at with by"))
_WORD: Final = re.compile(r"\S+")
_OF_PLACE: Final = re.compile(r"[ \t\xa0]+of[ \t\xa0]+(?:the[ \t\xa0]+)?([\w.'’ -]+?)[ \t,]*$")
LOOKBACK: Final = 2
"""Sentences before an official's first mention searched for the government in the news."""


def fill_affiliations(doc: Document, table: Actors) -> None:
    """Fill missing affiliations of ``table``'s people from headers and from context."""
    _from_headers(doc, table)
    _from_context(doc, table)


def _title_case(line: str) -> str:
    """ "WITH PRIME MINISTER NETANYAHU OF ISRAEL" -> "with Prime Minister Netanyahu of Israel"
    (same length, so offsets still line up with the line)."""

    def word(m: re.Match[str]) -> str:
        w = m.group()
        if "." in w:
            return w  # "U.N.", "U.S."
        low = w.lower()
        return low if low in _SMALL else w[:1] + w[1:].lower()

    return _WORD.sub(word, line)


def _from_headers(doc: Document, table: Actors) -> None:
    for block in doc.blocks:
        if block.kind == "prose":
            break
        body = doc.text[block.start : block.end]
        if not body.isupper():
            continue
        for line in body.splitlines():
            titled = _title_case(line)
            of = _OF_PLACE.search(titled)  # "President Abbas of the Palestinian Authority"
            place = lx.COUNTRIES.get(of.group(1).lower()) if of else None
            head = titled[: of.start()] if of and place else titled
            for run in parse_runs(head, 0, len(head)):
                affiliation = place if run.end == len(head.rstrip()) else None
                affiliation = run.affiliation or affiliation
                if run.kind not in ("person", "single") or not run.name or not affiliation:
                    continue
                actor = _known_person(table, run.name)
                if actor is not None and table.infos[actor].affiliation is None:
                    table.infos[actor].affiliation = affiliation


def _known_person(table: Actors, name: str) -> int | None:
    found = table.get(name)
    if found is not None:
        return found
    last = name.split()[-1]
    candidates = table.surnames.get(last, []) + table.single_names.get(last, [])
    return candidates[0] if len(candidates) == 1 else None


def _official(role: str | None) -> bool:
    return role_head(role) in _OFFICIAL_HEADS if role else False


def _from_context(doc: Document, table: Actors) -> None:
    first: dict[int, int] = {}  # actor -> index of its first mention in prose
    for i, m in enumerate(table.mentions):
        if m.sentence >= 0:
            first.setdefault(m.actor, i)
    for actor, index in first.items():
        info = table.infos[actor]
        if info.kind != "person" or info.affiliation or not _official(info.role):
            continue
        sentence = table.mentions[index].sentence
        governments: set[int] = set()
        for m in reversed(table.mentions[max(0, index - 50) : index]):
            if m.sentence < sentence - LOOKBACK:
                break
            if m.subject and m.sentence >= 0 and table.infos[m.actor].kind == "government":
                governments.add(m.actor)
        if len(governments) == 1:
            info.affiliation = table.infos[governments.pop()].name
