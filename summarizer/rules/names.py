"""Find capitalised name runs in a span and read them as title + name + affiliation.

News introduces people as "[Demonym] [Title ...] [Given] Surname" ("Russian President Vladimir
Putin", "U.S. Secretary of State John Kerry") and organisations and countries as capitalised runs
("the European Union", "AFP", "The United States"). This module only parses one run at a time;
deciding who a later "Putin" or "the Russian president" is belongs to ``actors``. Offsets are
kept for every part so mentions stay exact spans of the article.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from . import lexicon as lx

NameKind = Literal["person", "country", "org", "title", "single", "other"]


def _upper_class() -> str:
    """A regex character class body for every upper- or title-case letter of the BMP."""
    chars = [chr(c) for c in range(0x41, 0x10000) if chr(c).isupper() or chr(c).istitle()]
    return "".join(re.escape(c) for c in chars if c not in "\\]^-")


UP = _upper_class()
_CONNECTORS = "of|for|the|de|du|da|di|del|der|den|van|von|al|bin|ibn|la|le"
_TOKEN = rf"(?:[{UP}]\.){{2,}}|[{UP}][\w'’\-]*\.?"
RUN = re.compile(rf"(?<![\w'’\-.])(?:{_TOKEN})(?:[ \t]+(?:(?:{_CONNECTORS})[ \t]+)*(?:{_TOKEN}))*")
_PIECE = re.compile(rf"{_TOKEN}|(?:{_CONNECTORS})\b")
_POSSESSIVE = re.compile(r"['’]s?$")
_LOWER_ROLE = re.compile(
    rf"(?<![\w.’-])((?:[a-z][a-z-]*[ \t]+){{0,3}}?(?:{'|'.join(sorted(lx.ROLE_NOUNS))}))[ \t]+$"
)
_ABBREV = frozenset(
    {
        "mr.",
        "mrs.",
        "ms.",
        "dr.",
        "gen.",
        "sen.",
        "rep.",
        "gov.",
        "col.",
        "st.",
        "jr.",
        "sr.",
        "lt.",
        "prof.",
    }
)


@dataclass(frozen=True, slots=True)
class NameRun:
    """One parsed run; ``name`` spans ``[name_start, name_end)`` of the article if present."""

    start: int
    end: int
    kind: NameKind
    name: str | None
    name_start: int
    name_end: int
    role: str | None
    affiliation: str | None
    possessive: bool


def _tokens(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Tokens of a run, split at a sentence-final period; possessive endings dropped."""
    out: list[tuple[int, int]] = []
    for m in _PIECE.finditer(text, start, end):
        s, e = m.span()
        word = text[s:e]
        if word.endswith(".") and not _is_dotted(word):
            e -= 1
            out.append((s, e))
            break  # "Geneva. He" : the run ends at the period
        out.append((s, e))
        if len(word) > 2 and _POSSESSIVE.search(word) and word[-1] in "s'’":
            break  # "Ukraine’s Right": a possessive ends the name
    return out


def _is_dotted(word: str) -> bool:
    low = word.lower()
    return low in _ABBREV or bool(re.fullmatch(r"(?:\w\.){1,}", word)) or low in lx.DEMONYMS


def _clean(word: str) -> str:
    return _POSSESSIVE.sub("", word)


def _is_connector(word: str) -> bool:
    return word.islower()


def parse_runs(text: str, start: int, end: int) -> list[NameRun]:
    """Every capitalised run in ``text[start:end]``, parsed."""
    runs: list[NameRun] = []
    pending = [(start, end)]
    while pending:  # a run that crosses a sentence end is cut there and its rest re-scanned
        lo, hi = pending.pop()
        for match in RUN.finditer(text, lo, hi):
            word = match.group()
            if " " not in word and word.lower().rstrip(".") in lx.NOT_NAMES:
                continue  # "The", "He", "However": the commonest runs, never names
            tokens = _tokens(text, match.start(), match.end())
            while tokens and _is_connector(text[tokens[-1][0] : tokens[-1][1]]):
                tokens.pop()
            if tokens:
                run = _parse(text, tokens)
                if run.kind == "person" and run.role is None:
                    run = _lower_role(text, run, runs[-1] if runs else None)
                runs.append(run)
            rest = tokens[-1][1] + 1 if tokens else match.end()
            if rest < match.end():
                pending.append((rest, match.end()))
    runs.sort(key=lambda r: r.start)
    return runs


def _parse(text: str, tokens: list[tuple[int, int]]) -> NameRun:
    words = [text[s:e] for s, e in tokens]
    possessive = bool(_POSSESSIVE.search(words[-1])) and len(words[-1]) > 2
    if possessive:
        s, e = tokens[-1]
        tokens[-1] = (s, e - len(_POSSESSIVE.search(words[-1]).group()))  # type: ignore[union-attr]
        words[-1] = _clean(words[-1])
    low = [w.lower() for w in words]
    lead = 1 if len(words) > 1 and low[0] == "the" else 0
    whole = " ".join(words[lead:])
    country = lx.COUNTRIES.get(whole.lower())
    if country:
        s0 = tokens[lead][0]
        e0 = tokens[-1][1]
        return NameRun(tokens[0][0], e0, "country", whole, s0, e0, None, country, possessive)
    first = 0
    while (
        first < len(words) - 1 and low[first] in lx.NOT_NAMES and low[first] not in lx.TITLE_WORDS
    ):
        first += 1
    if low[first] in lx.NOT_NAMES and low[first] not in lx.TITLE_WORDS and first == len(words) - 1:
        return _other(tokens, possessive)
    while first < len(words) - 1 and _is_connector(words[first]):
        first += 1
    tokens, words, low = tokens[first:], words[first:], low[first:]
    start, end = tokens[0][0], tokens[-1][1]
    whole = " ".join(words)
    if whole in lx.KNOWN_ORGS or low[-1] in lx.ORG_HEADS or _is_acronym(whole):
        aff = lx.DEMONYMS.get(low[0]) if len(words) > 1 else None
        return NameRun(start, end, "org", whole, start, end, None, aff, possessive)
    # Affiliation prefix, then title words, then the name.
    affiliation: str | None = None
    i = 0
    while i < len(words) and (low[i] in lx.DEMONYMS or lx.COUNTRIES.get(low[i]) is not None):
        affiliation = lx.DEMONYMS.get(low[i]) or lx.COUNTRIES.get(low[i])
        i += 1
    role_start = i
    last_title = -1
    j = i
    while j < len(words):
        if low[j] in lx.TITLE_WORDS:
            last_title = j
            j += 1
        elif _is_connector(words[j]) and last_title == j - 1:
            k = j + 1
            while k < len(words) and (low[k] in lx.ROLE_DOMAIN or _is_connector(words[k])):
                k += 1
            if k == j + 1:
                break
            last_title = k - 1
            j = k
        else:
            break
    name_from = last_title + 1 if last_title >= 0 else role_start
    role_words = words[role_start:name_from]
    titled = bool(role_words)
    if not any(w.lower() in lx.ROLE_HEADS for w in role_words):
        role_words = []  # "Mr. Gibbs", "Former X": a person, but no role
    role = " ".join(role_words) or None
    name_tokens = tokens[name_from:]
    # "Netanyahu of Israel": a trailing "of <country>" is an affiliation.
    for k in range(1, len(name_tokens) - 1):
        if text[name_tokens[k][0] : name_tokens[k][1]] == "of":
            tail = " ".join(text[s:e] for s, e in name_tokens[k + 1 :])
            place = lx.COUNTRIES.get(tail.lower().removeprefix("the "))
            if place:
                affiliation = affiliation or place
                name_tokens = name_tokens[:k]
            break
    if not name_tokens:
        if role:
            return NameRun(start, end, "title", None, end, end, role, affiliation, possessive)
        return _other(tokens, possessive)
    name_words = [text[s:e] for s, e in name_tokens]
    ns, ne = name_tokens[0][0], name_tokens[-1][1]
    name = " ".join(name_words)
    if not all(_name_like(w) for w in name_words) or any(_is_connector(w) for w in name_words[:1]):
        return _other(tokens, possessive)
    if titled or (len(name_words) >= 2 and name not in lx.PLACES):
        kind: NameKind = "person"
    else:
        kind = "single"
    return NameRun(start, end, kind, name, ns, ne, role, affiliation, possessive)


def _lower_role(text: str, run: NameRun, previous: NameRun | None) -> NameRun:
    """ "European Union foreign affairs chief Catherine Ashton": lower-case role, affiliation."""
    match = _LOWER_ROLE.search(text, max(0, run.start - 60), run.start)
    if match is None:
        return run
    affiliation = run.affiliation
    gap = text[previous.end : match.start()] if previous else "x"
    if previous and not gap.strip() and previous.kind in ("country", "org"):
        affiliation = affiliation or previous.affiliation or previous.name
    return NameRun(
        run.start, run.end, "person", run.name, run.name_start, run.name_end,
        match.group(1), affiliation, run.possessive,
    )  # fmt: skip


def _name_like(word: str) -> bool:
    low = word.lower()
    if word.islower():
        return low in {"al", "bin", "ibn", "de", "da", "van", "von", "der", "del", "la", "le"}
    if low in lx.NOT_NAMES or low in lx.TITLE_WORDS or low in lx.DEMONYMS or low in lx.COUNTRIES:
        return False
    return low not in lx.ORG_HEADS and any(c.isalpha() for c in word)


def _is_acronym(word: str) -> bool:
    letters = word.replace(".", "")
    return 2 <= len(letters) <= 6 and letters.isalpha() and letters.isupper() and " " not in word


def _other(tokens: list[tuple[int, int]], possessive: bool) -> NameRun:
    s, e = tokens[0][0], tokens[-1][1]
    return NameRun(s, e, "other", None, e, e, None, None, possessive)
