"""Groups as actors: "both parties", "talks between Iran and major world powers", "X who voted",
described groups ("the main rebel coalition") and everyone listed before a verb.

Diplomatic and political text often gives a stance to a group rather than a person: "Both
parties share the goal of ...", "They both have expressed support for ...". Such a subject means
the pair of actors last named together ("Prime Minister A and President B"), so the stance is
each one's. Negotiations are framed as "talks between A and B": B may be a group that has no
name ("major world powers"), and an unnamed initiative of those talks ("the talks are aimed at
persuading A to ...") is B's, A's counterpart. And "the majority ... who voted to avert a
shutdown" is the stance of whoever "who" refers to, even inside someone else's statement.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from operator import itemgetter
from typing import Final

from . import lexicon as lx
from .actors import Actors, Mention, is_subject
from .sentences import Document
from .spans import Span, clean_span, clip, matches_in_sentences, word_matches

_GROUP_SUBJECT: Final = re.compile(
    r"[\"“]?(?:(?:and|but|so|now|today|yet)[,]?\s+)?(?:both\s+(?:of\s+them|(?:parties|sides|leaders"
    r"|men|women|governments|countries|delegations|presidents)\b)|the\s+two\s+(?:parties|sides"
    r"|leaders|men|women|governments|countries|delegations)\b|they\s+both\b)(?!\s+of\s+(?!them))"
)
_PAIR_GAP: Final = re.compile(r"[ \t\xa0]+and[ \t\xa0]+")
_MEETING: Final = re.compile(  # ", Jr. welcomed", " met with", " spoke to": A and B, together
    r"(?:,[ \t\xa0]+[JS]r\.)?[ \t\xa0]+(?:\w+ly[ \t\xa0]+)?(?:met|meets|spoke|speaks|talked|talks"
    r"|welcomed|welcomes|hosted|hosts|received|receives|called|calls)"
    r"(?:[ \t\xa0]+(?:with|to))?[ \t\xa0]+[^.;]{0,40}"
)
_BETWEEN: Final = re.compile(
    r"(?:talks|negotiations|meetings?|dialogue|deal|agreement|summit|contacts|consultations)"
    r"\s+between\s+"
)
_GROUP_NP: Final = re.compile(
    r"(?:the\s+)?(?:(?:[a-z][\w-]*|\d+)\s+){0,3}(?:powers|parties|nations|countries|states|allies"
    r"|members|mediators|partners|governments|negotiators|donors|neighbo(?:u)?rs)"
    r"(?:\s+of\s+the\s+(?:[A-Z][\w.]*\s+)*[A-Z][\w.]*)?(?:\s+(?:plus|and)\s+[A-Z]\w+)?"
)
_LIST_GAP: Final = re.compile(r",\s+(?:and\s+)?(?:(?:[A-Z][\w.’'-]*|of|the|and)\s+)*")
_WHO: Final = re.compile(
    r",?\s+who\s+(?:(?:also|have|had|has|overwhelmingly|unanimously)\s+)*(?:supported|voted"
    r"|backed|opposed|rejected|endorsed|approved|favou?red|called\s+for|pushed\s+for"
    r"|fought\s+for)\b"
)

GROUP_HEADS: Final = frozenset(
    lx.split_words("""
        coalition opposition rebels alliance bloc group groups movement militants insurgents
        militia committee people public parties delegations
        """)
)
# "the two parties", "both delegations" are the pair named together (``_GROUP_SUBJECT``)
_PAIRED: Final = frozenset(("two", "both"))
_NATIONAL: Final = frozenset(("people", "public"))  # "the Sudanese people": only with a nationality
# What ``(?i:c)`` matches besides "c" and "C", for every ASCII letter that has more.
_OTHER_CASES: Final = {"i": "İı", "k": "\u212a", "s": "ſ"}  # "K" is the Kelvin sign


def _heads_pattern(words: list[str]) -> str:
    """``(?i:w1|w2|...)`` for ``words`` (in order), one branch per first letter opened with a
    case-sensitive class: ``re`` tests a class before it enters a branch, and skips the branch
    on a miss, where it enters every case-blind branch to compare its first letter."""
    rests: dict[str, list[str]] = {}
    for word in words:
        rests.setdefault(word[0], []).append(word[1:])
    return "|".join(
        f"[{first.upper()}{first}{_OTHER_CASES.get(first, '')}](?i:{'|'.join(rest)})"
        for first, rest in rests.items()
    )


# "The main rebel coalition in Syria", "Syria's main opposition group". Read as
# ``(?:\b[Tt]he|\b[A-Z][\w.]*['’]s)...``, written to start with a character set (the ``\b`` a
# look-behind on the character before it) so that ``re`` skips ahead to the candidates; the
# runs are possessive, as what follows each cannot start with what it repeats.
_DESCRIBED: Final = re.compile(
    rf"[TtA-Z](?<!\w.)(?:(?<=[Tt])he|(?<=[A-Z])[\w.]*+['’]s)"
    rf"[ \t\xa0]++(?:[\w’'-]++[ \t\xa0]++){{0,3}}?"
    rf"(?:{_heads_pattern(sorted(GROUP_HEADS))})\b"
    rf"(?:[ \t\xa0]+(?:in|of|from)[ \t\xa0]+(?:the[ \t\xa0]+)?[A-Z][\w.]*)?"
)


@dataclass
class GroupStances:
    """What the group rules found in one document."""

    members: dict[int, list[int]] = field(default_factory=dict)
    """sentence -> the actors its group subject stands for."""
    clauses: dict[int, list[tuple[int, Span]]] = field(default_factory=dict)
    """sentence -> (actor, span) of "X who voted to ..." clauses."""
    counterparts: dict[int, int] = field(default_factory=dict)
    """actor -> the other side of the talks it is in."""
    subjects: dict[int, int] = field(default_factory=dict)
    """sentence -> where its group subject ("Both leaders") ends."""


def find_groups(doc: Document, actors: Actors) -> GroupStances:
    """Group subjects, talk counterparts and relative-clause stances of ``doc``."""
    out = GroupStances()
    _talks(doc, actors, out)
    mentions = sorted(actors.mentions, key=itemgetter(1))  # by start
    pairs: list[tuple[int, tuple[int, int]]] = []  # (sentence, pair) in order
    text, low = doc.text, doc.lower
    by_sentence: dict[int, list[Mention]] = {}
    for m in mentions:
        by_sentence.setdefault(m.sentence, []).append(m)
    for sent in doc.sentences:
        here = by_sentence.get(sent.index, [])
        subject = None  # it says "both" or "two" (and needs a pair): most sentences skip the regex
        if pairs and (
            low.find("both", sent.start, sent.end) >= 0
            or low.find("two", sent.start, sent.end) >= 0
        ):
            subject = _GROUP_SUBJECT.match(low, sent.start, sent.end)
        if subject:
            out.members[sent.index] = list(pairs[-1][1])
            out.subjects[sent.index] = subject.end()
        for a, b in itertools.pairwise(here):
            if a.actor == b.actor or actors.infos[a.actor].kind != actors.infos[b.actor].kind:
                continue
            if _PAIR_GAP.fullmatch(text, a.end, b.start) or _MEETING.fullmatch(
                text, a.end, b.start
            ):  # "A and B", or "A welcomed / met with / spoke with B": both leaders
                pairs.append((sent.index, (a.actor, b.actor)))
        for m in here:
            if "who" not in text[m.end : m.end + 6]:
                continue  # most mentions: no "X who voted" clause, so no regex
            who = _WHO.match(text, m.end, sent.end)
            if who is not None:
                span = clip(text, clean_span(text, m.start, sent.end))
                out.clauses.setdefault(sent.index, []).append((m.actor, span))
    return out


def _talks(doc: Document, actors: Actors, out: GroupStances) -> None:
    """ "talks between A and B": B is A's counterpart; an unnamed group B becomes an actor."""
    text = doc.text
    starts: dict[int, Mention] = {}  # mention by start, built at the first hit (most have none)
    for _, hit in matches_in_sentences(doc, _BETWEEN, frozenset(("between",)), lower=True):
        starts = starts or {m.start: m for m in actors.mentions}
        first = starts.get(hit.end())
        if first is None:
            continue
        gap = _PAIR_GAP.match(text, first.end)
        if gap is None:
            continue
        second = starts.get(gap.end())
        if second is not None:
            other = second.actor
        else:
            group = _GROUP_NP.match(text, gap.end())
            if group is None:
                continue
            name = " ".join(group.group().split())
            known = out.counterparts.get(first.actor)
            if known is not None and actors.infos[known].kind == "group":
                actors.alias(known, name)
                other = known
            else:
                other = actors.add(name, "group")
        if other != first.actor:
            out.counterparts.setdefault(first.actor, other)
            out.counterparts.setdefault(other, first.actor)


def described_groups(doc: Document, table: Actors, sentences: Iterable[int]) -> None:
    """Groups named by description as a sentence's subject become actors with mentions: "The
    main rebel coalition in Syria has said ...". A later bare "The coalition" or "The groups"
    is the group last described (news keeps one such group in view); a description naming
    another country is another group. Names inside the description ("in Syria") stop being
    mentions of their own there. ``sentences``: ascending, every sentence that holds a
    ``GROUP_HEADS`` word among them (only those are searched)."""
    text = doc.text
    described: list[tuple[int, set[str]]] = []
    spans: list[tuple[int, int]] = []
    hits = (
        (idx, hit)
        for idx in sentences
        if not doc.words[idx].isdisjoint(GROUP_HEADS)
        for hit in word_matches(_DESCRIBED, text, doc.sentences[idx].start, doc.sentences[idx].end)
    )
    for idx, hit in hits:
        after = text[hit.end() : hit.end() + 20].split()
        said = bool(after) and after[0] in lx.SPEECH_VERBS
        if not (said or is_subject(text, hit.start(), hit.end(), strict=True)):
            continue
        name = " ".join(hit.group().split())
        name = name[4:] if name[:4].lower() == "the " else name
        words = name.replace("’s", "").replace("'s", "").split()
        places = {w for w in words if w in lx.COUNTRIES.values()}
        places |= {lx.DEMONYMS[w.lower()] for w in words if w.lower() in lx.DEMONYMS}
        if words[-1].lower() in _NATIONAL and not places:
            continue
        if any(w.lower() in _PAIRED for w in words):
            continue
        actor = table.get(name)
        if actor is None and described and len(words) <= 2 + len(places):
            last, where = described[-1]
            actor = last if not places or places <= where else None
        if actor is None:
            actor = table.add(name, "group", aff=min(places) if places else None)
            described.append((actor, places))
        table.alias(actor, hit.group())
        table.mentions.append(Mention(actor, hit.start(), hit.end(), idx, True, False))
        spans.append((hit.start(), hit.end()))
    if spans:  # a name inside a description is part of it (spans are in document order)
        starts = [s for s, _ in spans]

        def inside(m: Mention) -> bool:
            k = bisect.bisect_right(starts, m.start) - 1
            return k >= 0 and m.end <= spans[k][1] and spans[k] != (m.start, m.end)

        table.mentions = [m for m in table.mentions if not inside(m)]


def listed_subjects(text: str, table: Actors) -> None:
    """ "Sullivan, Secretary of State Antony J. Blinken, and Gen. Mark A. Milley held a call":
    everyone listed before a subject shares it (only commas, "and" and title words between)."""
    mentions = table.mentions
    for k in range(len(mentions) - 2, -1, -1):
        here, after = mentions[k], mentions[k + 1]
        if here.subject or not after.subject or here.sentence != after.sentence:
            continue
        if here.sentence >= 0 and _LIST_GAP.fullmatch(text, here.end, after.start):
            mentions[k] = here._replace(subject=True)
