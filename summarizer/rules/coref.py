"""Coreference: which actor each name, surname, title or capital in an article refers to.

An article names a person in full once ("Russian President Vladimir Putin") and then writes
"Putin", "the Russian president" or "he". Mentions are resolved in document order: a surname to
the person with that surname mentioned last, a title ("the Ukrainian leader") to the last person
with that role and affiliation not named in the same sentence (and then consistently to the
same person), a capital standing for its government ("Paris is not satisfied") to the country,
"Ukrainian authorities" to Ukraine. Transcript labels ("SENATOR MITCHELL") join the full name.
"""

from __future__ import annotations

import re
from operator import itemgetter
from typing import Final

from ..schema import ActorKind
from . import lexicon as lx
from .actors import Actors, Mention, is_subject
from .affiliation import fill_affiliations
from .groups import GROUP_HEADS, described_groups, listed_subjects
from .headers import comma_role, label_run, title_label
from .names import NameRun, role_head
from .runs import parse_runs
from .sentences import Document
from .spans import word_matches


def _alternation(words: list[str]) -> str:
    return lx.trie_pattern(words)


_DEMONYM: Final = _alternation([d.title() if "." not in d else d.upper() for d in lx.DEMONYMS])
_TITLES: Final = (
    "prime minister|foreign minister|defen[cs]e minister|secretary of state|secretary[- ]general"
    "|president|premier|chancellor|leader|minister|secretary|senator|envoy|king|queen|ambassador"
    "|spokes(?:man|woman|person)|speaker|governor|mayor|chairman|chairwoman|chair"
)
# Over ``Document.lower``; no leading \b in these patterns, see ``spans.word_matches``.
_TITLE_REF: Final = re.compile(
    rf"the[ \t\xa0]+(?:(?:former|current|then|new)[ \t\xa0]+)?"
    rf"(?:({_alternation(list(lx.DEMONYMS))})[ \t\xa0]+)?({_TITLES})\b(?![’'-])"
)
_GOVERNMENT: Final = re.compile(
    rf"({_DEMONYM})[ \t\xa0]+({'|'.join(sorted(lx.GOVERNMENT_NOUNS))})\b"
)
_ACRONYM_AFTER: Final = re.compile(r"[ \t\xa0]+\(([A-Z][A-Z.&-]{1,9})\)")
_TITLE_WORDS: Final = frozenset(  # every ``_TITLES`` match holds one of these words
    lx.split_words("""
        minister secretary secretary-general president premier chancellor leader senator envoy
        king queen ambassador spokesman spokeswoman spokesperson speaker governor mayor chairman
        chairwoman chair
        """)
)
# Adjectives of institutions: "Congressional leaders" speak for Congress.
_INSTITUTIONS: Final = {"congressional": "Congress", "parliamentary": "Parliament"}
_INSTITUTION_WORDS: Final = frozenset(("congressional", "parliamentary"))
_INSTITUTION: Final = re.compile(
    r"(Congressional|Parliamentary)[ \t\xa0]+"
    r"(?:leaders|leadership|members|negotiators|delegation)\b"
)

# Each scan: pattern, words one of which each of its matches holds, whether it reads ``lower``.
_SCANS: Final = (
    (_TITLE_REF, _TITLE_WORDS, True),
    (_GOVERNMENT, lx.GOVERNMENT_NOUNS, False),
    (_INSTITUTION, _INSTITUTION_WORDS, False),
)
# Only sentences holding one of these are searched, by the scans and for described groups.
_SCAN_WORDS: Final = _TITLE_WORDS | lx.GOVERNMENT_NOUNS | _INSTITUTION_WORDS | GROUP_HEADS


def find_actors(doc: Document) -> Actors:
    """Collect actors and resolve their mentions across ``doc``."""
    text = doc.text
    table = Actors()
    spans: list[tuple[int, int, int]] = [(s.start, s.end, s.index) for s in doc.sentences]
    spans += [
        (b.start, b.end, -1)
        for b in doc.blocks
        if b.kind == "heading" and not text[b.start : b.end].isupper()
    ]
    spans.sort()
    runs = [
        (run if idx >= 0 else comma_role(text, run), idx)
        for s, e, idx in spans
        for run in parse_runs(text, s, e)
        if idx >= 0 or (run.kind == "person" and (run.role or comma_role(text, run).role))
    ]  # headings: only titled people ("President X", "X, Spokesperson")
    labels: dict[str, str] = {}
    label_runs: list[tuple[NameRun, int]] = []
    for raw in dict.fromkeys(b.label for b in doc.blocks if b.label):
        label = label_run(raw)
        if label and label.name and label.kind in ("person", "single"):
            label_runs.append((label, -2))
            labels[label.name] = " ".join(w.capitalize() for w in raw.split())
    runs = label_runs + runs
    named = [
        (run, run.name)
        for run, _ in runs
        if run.name and (run.kind == "person" or (run.kind == "single" and run.role is not None))
    ]
    # Full names (their words joined by single spaces) first, so that surnames resolve
    # wherever they are.
    for run, name in [n for n in named if " " in n[1]] + [n for n in named if " " not in n[1]]:
        table.register_person(run, name, text)
    resolver = _Resolver(table, doc)
    for run, idx in runs:
        if idx >= 0 and run.name and run.kind in ("person", "single"):
            found = table.get(run.name)
            if found is not None:
                resolver.named.setdefault(idx, set()).add(found)
    events: list[tuple[int, int, object]] = [
        (r.start, idx, r) for r, idx in runs if idx != -2 and r.name is not None
    ]  # (a nameless run, "The" or a bare title, resolves to nothing)
    scanned = [i for i, words in enumerate(doc.words) if not words.isdisjoint(_SCAN_WORDS)]
    for idx in scanned:  # (sentences interleave, but sorting keeps same-start events in order)
        words, sent = doc.words[idx], doc.sentences[idx]
        for pattern, triggers, lower in _SCANS:
            if not words.isdisjoint(triggers):
                for hit in word_matches(
                    pattern, doc.lower if lower else text, sent.start, sent.end
                ):
                    events.append(
                        (hit.start(), idx, hit if pattern is _TITLE_REF else ("gov", hit))
                    )
    events.sort(key=itemgetter(0))
    for _, idx, event in events:
        if isinstance(event, NameRun):
            resolver.run(event, idx)
        elif isinstance(event, re.Match):
            resolver.title_match(event, idx)
        elif isinstance(event, tuple):
            resolver.government(event[1], idx)
    for run, idx in runs:
        if idx == -2 and run.name:
            actor = table.get(run.name)
            if actor is None:
                actor = table.register_person(run, run.name)
            table.infos[actor].salient = True
            if run.start != run.name_start:  # "Mr. Gibbs": keep the honorific form too
                table.alias(actor, labels.get(run.name, run.name))
            if run.role:
                table.alias(actor, f"{run.role} {run.name.split()[-1]}")
    for raw in dict.fromkeys(b.label for b in doc.blocks if b.label):
        title_label(table, raw)
    described_groups(doc, table, scanned)
    table.mentions.sort(key=itemgetter(1, 2))  # by start, then end
    listed_subjects(text, table)
    fill_affiliations(doc, table)
    for m in table.mentions:
        if m.subject and not table.infos[m.actor].salient and not _in_question(doc, m.sentence):
            table.infos[m.actor].salient = True
    return table


_new: Final = tuple.__new__  # a named tuple made without its ``__new__`` (a Python-level call)


def _in_question(doc: Document, sentence: int) -> bool:
    if sentence < 0:
        return True
    return doc.blocks[doc.sentences[sentence].block].speaker in ("Q",)


class _Resolver:
    """Resolves runs in document order, remembering what titles were bound to."""

    def __init__(self, table: Actors, doc: Document) -> None:
        self.table = table
        self.doc = doc
        self.last_seen: dict[int, int] = {}
        self.bound: dict[tuple[str, str], int] = {}
        self.in_sentence: dict[int, set[int]] = {}
        self.named: dict[int, set[int]] = {}  # sentence -> people it names outright
        self.heads: dict[str, str] = {}  # role -> ``role_head(role)``
        self.countries: dict[str, int] = {}  # country run's name -> its government, aliased

    def mention(self, actor: int, start: int, end: int, sentence: int, subject: bool) -> None:
        person = self.table.infos[actor].kind == "person"
        self.table.mentions.append(_new(Mention, (actor, start, end, sentence, subject, person)))
        self.last_seen[actor] = start
        here = self.in_sentence.get(sentence)
        if here is None:
            self.in_sentence[sentence] = {actor}
        else:
            here.add(actor)

    def run(self, run: NameRun, sentence: int) -> None:
        """Resolve a named run (``find_actors`` passes no other) and record its mention."""
        name = run.name
        assert name is not None
        text, table = self.doc.text, self.table
        if run.kind == "country" and run.affiliation:
            if _GOVERNMENT.match(text, run.start):
                return  # "Ukrainian authorities", "U.S. administration": read as a government
            found = self.countries.get(name)  # (a country's name has one affiliation)
            if found is None:
                found = self.countries[name] = table.add(run.affiliation, "government")
                table.alias(found, name.removeprefix("the ").removeprefix("The "))
            actor = found
        elif run.kind == "org":
            actor = table.add(name, "organisation", run.role, run.affiliation)
            acronym = _ACRONYM_AFTER.match(text, run.end)
            if acronym:  # "Palestine Liberation Organization (PLO)": later "PLO" is the same
                table.alias(actor, acronym.group(1))
        elif run.kind == "person" or (run.kind == "single" and run.role):
            found = table.get(name)
            actor = found if found is not None else table.register_person(run, name, text)
        elif run.kind == "single":
            resolved = self.single(name, run, sentence)
            if resolved is None:
                return
            actor = resolved
        else:
            return
        self.mention(actor, run.start, run.name_end, sentence, self.subject(run, sentence))

    def subject(self, run: NameRun, sentence: int) -> bool:
        """Whether ``run`` is the subject of its clause (never in a heading, nor a possessive);
        countries, organisations and places want a verb-like word next (``is_subject``)."""
        if sentence < 0 or run.possessive:
            return False
        strict = run.kind not in ("person", "single") or run.name in lx.PLACES
        return is_subject(self.doc.text, run.start, run.name_end, strict=strict)

    def single(self, word: str, run: NameRun, sentence: int) -> int | None:
        table = self.table
        surname = table.surnames.get(word, []) + table.single_names.get(word, [])
        if surname:
            return max(surname, key=lambda i: self.last_seen.get(i, -1))
        first = table.first_names.get(word, [])
        if len(first) == 1:
            table.alias(first[0], word)
            return first[0]
        country = lx.CAPITALS.get(word.lower())
        if country and (run.possessive or self.subject(run, sentence)):
            actor = table.add(country, "government")
            table.alias(actor, word)
            return actor
        return table.get(word)

    def title(self, role: str, demonym: str | None, start: int, end: int, sentence: int) -> None:
        table = self.table
        aff = lx.DEMONYMS.get(demonym.lower()) if demonym else None
        head = role_head(role)
        key = (aff or "", role.lower())
        actor = self.bound.get(key)
        if actor is None:
            same = self.named.get(sentence, set()) | self.in_sentence.get(sentence, set())
            candidates: list[int] = []
            for i, a in enumerate(table.infos):
                if a.kind != "person" or not a.role or i in same:
                    continue
                if aff is not None and a.affiliation != aff:
                    continue
                known = self.heads.get(a.role)
                if known is None:
                    known = self.heads[a.role] = role_head(a.role)
                if known == head or (head == "leader" and known in lx.LEADER_ROLES):
                    candidates.append(i)
            before = [i for i in candidates if self.last_seen.get(i, -1) >= 0]
            if before:
                actor = max(before, key=lambda i: self.last_seen[i])
            elif candidates:
                actor = candidates[0]
        if actor is None:
            return
        self.bound[key] = actor
        surface = self.doc.text[start:end]
        table.alias(
            actor, "the " + surface.split(None, 1)[1] if surface[:3].lower() == "the" else surface
        )
        self.mention(actor, start, end, sentence, is_subject(self.doc.text, start, end))

    def title_match(self, m: re.Match[str], sentence: int) -> None:
        text = self.doc.text
        after = text[m.end() : m.end() + 2].strip()
        if after[:1].isupper() or text[m.end() : m.end() + 3] == " of":
            return  # "the Russian President Vladimir Putin": a full mention, read as a run
        self.title(m.group(2), m.group(1), m.start(), m.end(), sentence)

    def government(self, m: re.Match[str], sentence: int) -> None:
        """ "Ukrainian authorities": the country's government, with this phrase as an alias."""
        word = m.group(1).lower()
        country = lx.DEMONYMS.get(word) or _INSTITUTIONS.get(word)
        if country:
            kind: ActorKind = "government" if word in lx.DEMONYMS else "organisation"
            actor = self.table.add(country, kind)
            self.table.alias(actor, m.group())
            subject = is_subject(self.doc.text, m.start(), m.end(), strict=True)
            self.mention(actor, m.start(), m.end(), sentence, subject)
