"""Who can be speaking in a sentence: named actors, pronouns, anonymous sources, bylines.

Attribution needs, for every sentence, the candidates that could be the subject of a speech
verb: resolved mentions from ``coref``, "he"/"she" resolved to the last subject person of that
``gender`` (or of unknown gender), "I"/"we" in a transcript turn (the labelled speaker) or in a
first-person statement (its byline: "Statement by Governor X", "As stated by Spokesperson X:"),
and anonymous sources ("a Western diplomat"), which become actors when they speak.
``SpeakerBase`` holds that, and the article-wide lookups the speech rules share. Positions
ask ``stance_owner`` whether a speaker's sentence states another actor's own stance.
"""

from __future__ import annotations

import bisect
import operator
import re
from collections import Counter
from typing import Final, Literal, NamedTuple

from . import lexicon as lx
from .actors import Actors, Mention
from .gender import pronoun_gender
from .sentences import Document, Sentence
from .spans import word_initial

StatementKind = Literal["quote", "reported", "turn"]

_START: Final = operator.itemgetter(1)  # of an (actor, start, end) speaker

VERBS: Final = lx.trie_pattern([*lx.SPEECH_VERBS, *lx.VERB_PHRASES])


_FILLER: Final = (
    r"(?:(?:also|later|then|again|openly|repeatedly|previously|earlier|further|once|already"
    r"|has|had|have|is|was|were|are|would|will|not|\w+ly)[ \t\xa0]+){0,3}"
)

AFTER_SUBJECT: Final = re.compile(
    rf"[ \t\xa0]+(?:and[ \t\xa0]+(?:its|their|his|her)[ \t\xa0]+\w+[ \t\xa0]+)?"
    rf"{_FILLER}({VERBS})\b(?![’'-])"
)

_SIGNED_WORDS: Final = (  # "Statement by (the) ...", "Remarks of ...", "Op-Ed by ..."
    "Statement", "statement", "STATEMENT", "Remarks", "remarks", "REMARKS", "Message",
    "message", "Letter", "letter", "Op-Ed", "Op-ed", "op-Ed", "op-ed",
)  # fmt: skip
_BYLINE: Final = re.compile(
    rf"(?:{word_initial(list(_SIGNED_WORDS))})[ \t\xa0]+(?:by|from|of|BY|FROM|OF)"
    r"[ \t\xa0]+(?:the[ \t\xa0]+|THE[ \t\xa0]+)?"
)
_SIGNED_LOWER: Final = tuple(dict.fromkeys(w.lower() for w in _SIGNED_WORDS))


def _may_sign(lower: str, start: int, end: int) -> bool:
    """False when ``_BYLINE`` cannot match in ``lower[start:end]`` (lower-cased text): each
    match holds one of its words. A few C-level substring scans instead of a regex that
    tries its words at every "s", "r", "m", "l" and "o"."""
    return any(lower.find(word, start, end) >= 0 for word in _SIGNED_LOWER)


_READOUT: Final = re.compile(  # at the start: a readout ("As stated by ...", "Read out by ...")
    r"(?:[Aa]s[ \t\xa0]+)?(?:[Ss]tated|[Rr]ead[ \t\xa0]+out)[ \t\xa0]+by"
    r"[ \t\xa0]+(?:the[ \t\xa0]+)?"
)

_STATEMENT_HEADER: Final = re.compile(
    r"(?i:(?:press|joint|media)[ \t\xa0]+(?:statement|note)|statement|readout)"
)

_PRONOUN: Final = re.compile(rf"({word_initial(['He', 'he', 'She', 'she'])})\b")

_FIRST_PERSON: Final = re.compile(rf"(?:{word_initial(['I', 'We', 'we'])})\b")
_PRONOUN_WORDS: Final = frozenset(("he", "she"))
_FIRST_PERSON_WORDS: Final = frozenset(("i", "we"))

_ANONYMOUS: Final = re.compile(
    rf"\b(?:[Aa]n?|[Oo]ne)[ \t\xa0]+((?:(?:[A-Z][\w-]+|[a-z]+)[ \t\xa0]+){{0,3}}?)"
    rf"({'|'.join(sorted(lx.ANONYMOUS_SPEAKERS))})\b"
)

_IT: Final = re.compile(rf"(?:{word_initial(['It', 'it', 'They', 'they'])})\b")
_VERB_BEFORE: Final = re.compile(rf"\b(?:{VERBS})[ \t\xa0]+$")
_DOCUMENTS: Final = frozenset(lx.split_words("statement communique communiqué readout declaration"))
_DOCUMENT: Final = re.compile(  # a government's statement speaks for it
    r"\b(?:[Aa]n?|[Tt]he)[ \t\xa0]+([A-Z][\w.]*)[ \t\xa0]+(?:joint[ \t\xa0]+|official[ \t\xa0]+)?"
    r"(?:statement|communiqu[eé]|readout|declaration)\b"
)
_OFFICIALS: Final = frozenset(
    lx.split_words(
        "ambassador envoy negotiator diplomat official spokesman spokeswoman spokesperson"
    )
)
_POSSESSED: Final = re.compile(  # "Turkey's U.N. ambassador", "Iran's top negotiator"
    r"\b([A-Z][\w.]*)['’]s[ \t\xa0]+((?:(?:[A-Z][\w.]*|top|chief|senior|deputy|lead)[ \t\xa0]+)"
    rf"{{0,2}}(?:{'|'.join(sorted(_OFFICIALS))}))\b"
)


# An attitude of the subject's own: "is committed to", "are ready to", "wants", "supports".
_ATTITUDE: Final = re.compile(
    r"[ \t\xa0]+(?:(?:is|are|was|were|remains?|has\s+been|have\s+been)[ \t\xa0]+"
    r"(?:\w+ly[ \t\xa0]+)?"
    r"(?:committed|ready|determined|prepared|willing|opposed|eager|resolved|unwilling)\b"
    r"|(?:\w+ly[ \t\xa0]+)?(?:supports?|opposes?|wants?|seeks?|believes?|hopes?|insists?|rejects?"
    r"|welcomes?|shares?|urges?|supported|opposed|wanted|sought|rejected|welcomed|urged)\b)"
)


class Statement(NamedTuple):
    """Words attributed to ``actor``: ``text[start:end]`` (no quotation marks)."""

    actor: int
    start: int
    end: int
    sentence: int
    kind: StatementKind
    topic: str | None = None


def label_actor(actors: Actors, label: str) -> int | None:
    """The actor a transcript label ("SENATOR MITCHELL") names; None for "Q" and "A"."""
    if label in ("Q", "A"):
        return None
    words = " ".join(w.capitalize() for w in label.split()).split()
    for size in range(len(words), 0, -1):
        actor = actors.get(" ".join(words[-size:]))
        if actor is not None:
            return actor
    return None


def stance_owner(actors: Actors, sent: Sentence, text: str, speaker: int) -> int:
    """Who owns the stance of a speaker's sentence: another actor named as its subject when
    the sentence reports that actor's own words or attitude ("The President made clear his
    commitment", "President Trump is committed to ..."); what the speaker says about them
    ("Hamas has refused to negotiate") stays the speaker's position."""
    for m in actors.in_sentence(sent.index):
        if len(text[sent.start : m.start].split()) > 2:
            break
        if m.subject:
            own = AFTER_SUBJECT.match(text, m.end) or _ATTITUDE.match(text, m.end)
            return m.actor if own else speaker
    return speaker


class SpeakerBase:
    """The article, its actors and quotation spans, and the statements found so far."""

    def __init__(self, doc: Document, actors: Actors, quoted: list[tuple[int, int]]) -> None:
        self.doc = doc
        self.actors = actors
        self.text = doc.text
        self.starts = [s.start for s in doc.sentences]
        self.mention_starts = [m.start for m in actors.mentions]
        self.statements: list[Statement] = []
        self.topics: dict[int, str] = {}  # block index -> topic from a colon introduction
        self._quote_spans = sorted(quoted)
        self._quote_starts = [s for s, _ in self._quote_spans]
        self._speaker_cache: dict[int, list[tuple[int, int, int]]] = {}
        self._label_actors: dict[str, int | None] = {}
        self.byline = self._byline()

    def sentence_at(self, pos: int) -> int:
        return max(0, bisect.bisect_right(self.starts, pos) - 1)

    def in_quote(self, pos: int) -> bool:
        i = bisect.bisect_right(self._quote_starts, pos) - 1
        return i >= 0 and pos < self._quote_spans[i][1]

    def mention_at(self, start: int, end: int) -> Mention | None:
        i = bisect.bisect_left(self.mention_starts, start)
        if i < len(self.actors.mentions) and self.actors.mentions[i].start < end:
            return self.actors.mentions[i]
        return None

    def _byline(self) -> int | None:
        """The author of a first-person statement: "Statement by President X" above the text,
        or a "Press Statement" header with "Name, Spokesperson" among the header lines. A
        spokesperson's "we" is their government's: the government the text most often makes
        the subject of a sentence ("The United States ... stand ready")."""
        statement = False
        signed: int | None = None
        for block in self.doc.blocks[:12]:
            end = min(block.end, block.start + 300)
            head = self.text[block.start : end]
            match = _READOUT.match(head) or (  # never both at one start
                _BYLINE.search(head) if _may_sign(self.doc.lower, block.start, end) else None
            )
            if match:
                at = block.start + match.end()
                mention = self.mention_at(at, at + 80)
                if mention is not None and self.actors.infos[mention.actor].kind == "person":
                    self.actors.infos[mention.actor].salient = True
                    return mention.actor
            if block.kind == "prose":
                break
            statement = statement or bool(_STATEMENT_HEADER.fullmatch(head.strip()))
            mention = self.mention_at(block.start, block.start + 80)
            if mention is not None and self.text[mention.end : mention.end + 1] == ",":
                signed = mention.actor if self.actors.infos[mention.actor].role else signed
        if not statement or signed is None:
            return None
        info = self.actors.infos[signed]
        info.salient = True
        if not (info.role or "").lower().startswith("spokes"):
            return signed
        counts = Counter(
            m.actor
            for m in self.actors.mentions
            if m.subject and self.actors.infos[m.actor].kind == "government"
        )
        return counts.most_common(1)[0][0] if counts else signed

    def _pronoun(self, pos: int, sentence: int) -> int | None:
        block = self.doc.blocks[self.doc.sentences[sentence].block]
        if block.speaker and self.text[pos : pos + 1] in "Iw":
            return self._turn_actor(block.speaker)
        if self.byline is not None and self.text[pos : pos + 1] in "Iw":
            return self.byline
        floor = 0  # in a transcript turn, no further back than the turn's start
        if block.speaker:
            floor = sentence
            while (
                floor > 0
                and self.doc.blocks[self.doc.sentences[floor - 1].block].speaker == block.speaker
            ):
                floor -= 1
                if sentence - floor > 3:
                    break
        sex = pronoun_gender(self.text[pos : pos + 3].rstrip(" \t,.;:"))
        return self.actors.antecedent(pos, sentence, floor=floor, gender=sex)

    def _official(self, hit: re.Match[str]) -> tuple[int, int, int]:
        """ "Turkey's U.N. ambassador said ...": an official known by post and country."""
        owner = hit.group(1)
        country = lx.COUNTRIES.get(owner.lower()) or lx.DEMONYMS.get(owner.lower())
        name = " ".join(hit.group().split())
        role = " ".join(hit.group(2).split())
        actor = self.actors.add(name, "person", role, country)
        self.actors.infos[actor].salient = True
        return actor, hit.start(), hit.end()

    def _turn_actor(self, label: str) -> int | None:
        if label not in self._label_actors:
            self._label_actors[label] = label_actor(self.actors, label)
        return self._label_actors[label]

    def _speakers(self, sentence: int) -> list[tuple[int, int, int]]:
        """Every possible speaker in a sentence: (actor, start, end), cached per sentence."""
        cached = self._speaker_cache.get(sentence)
        if cached is not None:
            return cached
        sent = self.doc.sentences[sentence]
        found = [m[:3] for m in self.actors.in_sentence(sentence)]  # (actor, start, end)
        words = self.doc.words[sentence]  # the regexes only run where their words occur
        first_person = self.doc.blocks[sent.block].speaker or self.byline is not None
        patterns = [_PRONOUN, _FIRST_PERSON] if first_person else [_PRONOUN]
        for pattern in patterns:
            if words.isdisjoint(_PRONOUN_WORDS if pattern is _PRONOUN else _FIRST_PERSON_WORDS):
                continue
            for hit in pattern.finditer(self.text, sent.start, sent.end):
                actor = self._pronoun(hit.start(), sentence)
                if actor is not None:
                    found.append((actor, hit.start(), hit.end()))
        anonymous = (
            ()
            if words.isdisjoint(lx.ANONYMOUS_SPEAKERS)
            else _ANONYMOUS.finditer(self.text, sent.start, sent.end)
        )
        for hit in anonymous:  # "a Western diplomat said", "..., said a ministry spokesman"
            said_before = _VERB_BEFORE.search(
                self.text, max(sent.start, hit.start() - 24), hit.start()
            )
            if said_before or AFTER_SUBJECT.match(self.text, hit.end()):
                name = " ".join(((hit.group(1) or "").strip() + " " + hit.group(2)).split())
                name = name.capitalize() if name.islower() else name
                actor = self.actors.add(name, "person", hit.group(2))
                self.actors.alias(actor, hit.group())
                self.actors.infos[actor].salient = True
                found.append((actor, hit.start(), hit.end()))
        if "it" in words or "they" in words:  # "It condemned ...", "They reaffirmed ...": a body
            for hit in _IT.finditer(self.text, sent.start, sent.end):
                if AFTER_SUBJECT.match(self.text, hit.end()):
                    thing = self.actors.antecedent_thing(hit.start(), sentence)
                    if thing is not None:
                        found.append((thing, hit.start(), hit.end()))
        if not words.isdisjoint(_DOCUMENTS):  # "A U.S. statement added that ..."
            for hit in _DOCUMENT.finditer(self.text, sent.start, sent.end):
                country = lx.DEMONYMS.get(hit.group(1).lower())
                if country and AFTER_SUBJECT.match(self.text, hit.end()):
                    actor = self.actors.add(country, "government")
                    self.actors.infos[actor].salient = True
                    found.append((actor, hit.start(), hit.end()))
        if not words.isdisjoint(_OFFICIALS):
            for hit in _POSSESSED.finditer(self.text, sent.start, sent.end):
                if AFTER_SUBJECT.match(self.text, hit.end()):
                    found.append(self._official(hit))
        found.sort(key=_START)
        self._speaker_cache[sentence] = found
        return found
