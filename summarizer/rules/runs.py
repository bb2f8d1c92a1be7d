"""Find the name runs of a span: capitals scanned, runs parsed (cached), titles stacked.

``names`` reads one run; this module finds every run in a sentence and fixes what one run
cannot see on its own: a run cut by "and" inside stacked titles ("Deputy Prime Minister and
Minister of Foreign Affairs and Expatriates Ayman Safadi"), a possessive country before a
title ("Jordan's Foreign Minister X" is of Jordan), and a lower-case role before a name
("European Union foreign affairs chief Catherine Ashton").
"""

from __future__ import annotations

import functools
import re
from operator import itemgetter
from typing import Final

from . import lexicon as lx
from .gender import is_given_name
from .names import RUN_TAIL, UP, WORD_REST, NameRun, parse_match

# ``names.RUN`` starting with its capital, the look-behind tested on the character before it:
# ``re`` skips to a pattern's first character set far faster than it tests a look-behind at
# every position. (A run never starts with a lower-case particle: "al-Assad" is inside a run.)
_RUN: Final = re.compile(
    rf"[{UP}](?<![\w'’\-.].)(?:\.(?:[{UP}]\.)++|{WORD_REST}\.?){RUN_TAIL}", re.DOTALL
)
# Title-case words that end a name in a headline ("Remarks by President Biden Before Meeting
# with ...", "... Biden Announcing Cessation of Hostilities Between Israel and Hezbollah").
_HEADLINE_BREAK: Final = re.compile(
    r"[ \t\xa0]+(?:Before|After|Between|With|On|At|To|In|From|About|Into|Upon|Against|During"
    r"|Without|Regarding|Following|Ahead|Amid|Announcing|Meeting|Discussing|Marking|Honoring"
    r"|Celebrating|Welcoming|Signing|Launching|Commemorating|Concerning|Including)\b"
)
_AND: Final = re.compile(r"[ \t\xa0]+and[ \t\xa0]+")
_NICKNAME: Final = re.compile(rf"[ \t\xa0]+[\"“‘'][{UP}][\w'’-]*[\"”’'][ \t\xa0]+")
# A role noun (lower-case letters only) is the whole last word of what ``_LOWER_ROLE`` finds.
_LOWER_LETTERS: Final = "abcdefghijklmnopqrstuvwxyz"
_LOWER_ROLE: Final = re.compile(
    rf"(?<![\w.’-])((?:[a-z][a-z-]*[ \t\xa0]+){{0,3}}?"
    rf"(?:{'|'.join(sorted(lx.ROLE_NOUNS))}))[ \t\xa0]+$"
)


def parse_runs(text: str, start: int, end: int) -> list[NameRun]:
    """Every capitalised run in ``text[start:end]``, parsed."""
    runs: list[NameRun] = []
    pending = [(start, end)]
    rescanned = False
    while pending:  # a run that crosses a sentence end is cut there and its rest re-scanned
        lo, hi = pending.pop()
        for match in _RUN.finditer(text, lo, hi):
            cut, stop, rest, parsed, lower = read_run(match.group())
            if parsed is None and not cut and rest >= stop:
                continue  # "The", "He", "However": nothing to keep, nothing to re-scan
            at = match.start()
            if cut:  # "President Biden Announcing Cessation of ...": a title's verb
                pending.append((at + cut, match.end()))
                rescanned = True
            if parsed is not None:
                s, e, kind, name, name_s, name_e, role, aff, possessive = parsed
                run = _new(NameRun, (
                    s + at, e + at, kind, name, name_s + at, name_e + at, role, aff, possessive
                ))  # fmt: skip
                if lower:  # a person without a title: a lower-case role before the name?
                    run = _lower_role(text, run, runs[-1] if runs else None)
                runs.append(run)
            if rest < stop:
                pending.append((at + rest, at + stop))
                rescanned = True
    if rescanned:
        runs.sort(key=_START)
    return _stack(text, runs) if len(runs) > 1 and _may_stack(text, runs) else runs


_new: Final = tuple.__new__
_START: Final = itemgetter(0)


@functools.lru_cache(maxsize=1 << 14)
def read_run(word: str) -> tuple[int, int, int, NameRun | None, bool]:
    """A run's text read on its own, relative to its start: (where a headline's verb run starts,
    0 if none; where this run stops; where its rest to re-scan starts, ``stop`` or more if none;
    the parsed run; whether a lower-case role before it may give it its title)."""
    stop = len(word)
    cut = _HEADLINE_BREAK.search(word) if " " in word or "\xa0" in word else None
    if cut is not None:
        word, stop = word[: cut.start()], cut.start()
    if " " not in word and word.lower().rstrip(".") in lx.NOT_NAMES:
        return (cut.end() if cut else 0), stop, stop, None, False  # "The", "He", "However"
    rest, parsed = parse_match(word)
    lower = parsed is not None and parsed.kind == "person" and parsed.role is None
    return (cut.end() if cut else 0), stop, rest, parsed, lower


# What a nickname run (``_NICKNAME``) comes right after.
_QUOTES: Final = "\"“‘'"


def _may_stack(text: str, runs: list[NameRun]) -> bool:
    """Whether ``_stack`` can change ``runs``: only a title, a possessive or a quoted run (a
    nickname, between a given name and a surname) before the last run lets it act."""
    for run in runs[:-1]:
        if run.kind == "title" or run.possessive or text[run.start - 1] in _QUOTES:
            return True
    return False


def _stack(text: str, runs: list[NameRun]) -> list[NameRun]:
    """Join stacked titles ("Deputy Prime Minister and Minister of Foreign Affairs and
    Expatriates Ayman Safadi") into one titled person, and read "Jordan's Foreign Minister X"
    as X of Jordan."""
    out: list[NameRun] = []
    i = 0
    while i < len(runs):
        run = runs[i]
        j = i
        while (
            j + 1 < len(runs)
            and runs[j].kind == "title"
            and _AND.fullmatch(text, runs[j].end, runs[j + 1].start)
        ):
            j += 1
        if j > i and runs[j].kind == "person" and runs[j].name:
            run = _stacked(text, run, runs[j])
            i = j
        prev = out[-1] if out else None
        after = runs[i + 1] if i + 1 < len(runs) else None
        if (  # Thomas "Tommy" Pigott: the nickname is a run of its own between the two
            prev is not None
            and after is not None
            and prev.kind in ("single", "person")
            and after.kind in ("single", "person")
            and _NICKNAME.fullmatch(text, prev.end, after.start)
        ):
            out[-1] = _nicknamed(text, prev, after)
            i += 2
            continue
        if (
            prev is not None
            and prev.possessive
            and prev.kind == "country"
            and run.kind in ("person", "title")
            and run.role
            and not text[prev.end : run.start].strip(" \t'’s")
        ):
            run = _replace(run, affiliation=run.affiliation or prev.affiliation)
        out.append(run)
        i += 1
    return out


def _nicknamed(text: str, given: NameRun, rest: NameRun) -> NameRun:
    """One person from a given name, a quoted nickname and the surname run after it."""
    return NameRun(
        given.start, rest.end, "person", " ".join(text[given.name_start : rest.name_end].split()),
        given.name_start, rest.name_end, given.role or rest.role,
        given.affiliation or rest.affiliation, rest.possessive,
    )  # fmt: skip


def _stacked(text: str, first: NameRun, person: NameRun) -> NameRun:
    name_start = person.name_start
    words = (person.name or "").split()
    if person.role is None and len(words) >= 3 and _domain_word(words[0]):
        name_start = text.index(words[1], name_start + len(words[0]))
        words = words[1:]  # "... and Expatriates Ayman Safadi": the last domain word
    role = " ".join(text[first.start : name_start].split())
    if first.affiliation:  # "Russian Deputy Prime Minister and ...": the demonym is no title
        role = " ".join(text[first.name_start - len(first.role or "") : name_start].split())
    return NameRun(
        first.start, person.end, "person", " ".join(words), name_start, person.name_end,
        role, first.affiliation or person.affiliation, person.possessive,
    )  # fmt: skip


def _domain_word(word: str) -> bool:
    low = word.lower()
    plural = len(low) >= 6 and low.endswith("s") and not low.endswith("ss")
    return (low in lx.ROLE_DOMAIN or plural) and not is_given_name(word)


def _replace(run: NameRun, *, affiliation: str | None) -> NameRun:
    return NameRun(
        run.start, run.end, run.kind, run.name, run.name_start, run.name_end, run.role,
        affiliation, run.possessive,
    )  # fmt: skip


def _lower_role(text: str, run: NameRun, previous: NameRun | None) -> NameRun:
    """ "European Union foreign affairs chief Catherine Ashton": lower-case role, affiliation."""
    window = max(0, run.start - 60)
    before = text[window : run.start].rstrip()
    if before[len(before.rstrip(_LOWER_LETTERS)) :] not in lx.ROLE_NOUNS:
        return run  # no role noun right before the name: no need to search for one
    match = _LOWER_ROLE.search(text, window, run.start)
    if match is None:
        return run
    affiliation = run.affiliation
    gap = text[previous.end : match.start()] if previous else "x"
    if previous and not gap.strip() and previous.kind in ("country", "org"):
        affiliation = affiliation or previous.affiliation or previous.name
    elif previous and not gap.strip():  # "North Korean leader Kim Jong Un"
        demonym = " ".join(text[previous.start : previous.end].split()).lower()
        affiliation = affiliation or lx.DEMONYMS.get(demonym)
    return NameRun(
        run.start, run.end, "person", run.name, run.name_start, run.name_end,
        match.group(1), affiliation, run.possessive,
    )  # fmt: skip
