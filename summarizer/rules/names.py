"""Read one capitalised name run as title + name + affiliation.

News introduces people as "[Demonym] [Title ...] [Given] Surname" ("Russian President Vladimir
Putin", "U.S. Secretary of State John Kerry") and organisations and countries as capitalised runs
("the European Union", "AFP", "The United States"). This module only parses one run at a time
(``runs`` finds them in a span and joins what spans several); deciding who a later "Putin" or
"the Russian president" is belongs to ``actors``. Offsets are kept for every part so mentions
stay exact spans of the article.
"""

from __future__ import annotations

import functools
import re
from typing import Final, Literal, NamedTuple

from . import lexicon as lx

NameKind = Literal["person", "country", "org", "title", "single", "other"]


def _upper_class() -> str:
    """A regex character class body for every upper- or title-case letter of the BMP."""
    chars = [chr(c) for c in range(0x41, 0x10000) if chr(c).isupper() or chr(c).istitle()]
    return "".join(re.escape(c) for c in chars if c not in "\\]^-")


UP: Final = _upper_class()
_CONNECTOR_WORDS: Final = lx.split_words(
    "of for the de du da di del der den van von al bin ibn la le"
)
_PARTICLE_WORDS: Final = lx.split_words("al el as ash at az ad bin ibn abu ben ul")  # "al-Assad"
_CONNECTORS: Final = "|".join(_CONNECTOR_WORDS)
_PARTICLE: Final = rf"(?:{'|'.join(_PARTICLE_WORDS)})[-‑]"
# The rest of a word: ASCII letters listed first, which ``re`` tests before the costlier
# Unicode word category.
WORD_REST: Final = r"[a-zA-Z\w'’\-]*+"
# A capital and the rest of its word, or dotted capitals ("U.S."), or a particle before a
# capital. The quantifiers are possessive (they give nothing back, so ``re`` keeps no
# backtracking state): nothing after a token can match what giving back would free.
_TOKEN: Final = rf"[{UP}](?:\.(?:[{UP}]\.)++|{WORD_REST}\.?)|{_PARTICLE}[{UP}]{WORD_REST}\.?"
# A run: capitalised tokens joined by spaces and lower-case connectors ("Secretary of State").
# A connector never reads as a token nor a token as a connector, so tokens are tried first,
# and only after spaces that come before a capital or a connector's or particle's first letter.
_TAIL_STARTS: Final = "".join(sorted({w[0] for w in _CONNECTOR_WORDS + _PARTICLE_WORDS}))
RUN_TAIL: Final = (
    rf"(?:[ \t\xa0]++(?=[{UP}{_TAIL_STARTS}])"
    rf"(?:{_TOKEN}|(?:(?:{_CONNECTORS})[ \t\xa0]++)++(?:{_TOKEN})))*+"
)
RUN_BODY: Final = rf"(?:{_TOKEN}){RUN_TAIL}"
RUN: Final = re.compile(rf"(?<![\w'’\-.]){RUN_BODY}")
_PIECE: Final = re.compile(rf"{_TOKEN}|(?:{_CONNECTORS})\b")
_POSSESSIVE: Final = re.compile(r"['’]s?$")
_OF_FOR: Final = re.compile(r"\s+(?:of|for)\s+")  # where a role's complement starts
_ABBREV: Final = frozenset(
    lx.split_words("mr. mrs. ms. dr. gen. sen. rep. gov. col. st. jr. sr. lt. prof.")
)


class NameRun(NamedTuple):
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


@functools.lru_cache(maxsize=1 << 14)
def parse_match(word: str) -> tuple[int, NameRun | None]:
    """A run's text parsed on its own: (where the rest to re-scan starts, the run or None).

    Cached like ``actors.normalise_name``: the same names and titles recur within an article
    and across articles, and parsing them is the costly part of finding actors."""
    tokens = _tokens(word, 0, len(word))
    while tokens and _is_connector(word[tokens[-1][0] : tokens[-1][1]]):
        tokens.pop()
    rest = tokens[-1][1] + 1 if tokens else len(word)
    if len(tokens) == 1:
        return rest, _parse_one(word, *tokens[0])
    return rest, (_parse(word, tokens) if tokens else None)


def _parse_one(text: str, start: int, end: int) -> NameRun:
    """``_parse`` for the commonest run, a single word ("Iran", "Putin", "President")."""
    word = text[start:end]
    ending = _POSSESSIVE.search(word) if len(word) > 2 else None
    if ending:
        end -= len(ending.group())
        word = word[: len(word) - len(ending.group())]
    possessive = ending is not None
    low = word.lower()
    country = lx.COUNTRIES.get(low)
    if country:
        return NameRun(start, end, "country", word, start, end, None, country, possessive)
    if low in lx.NOT_NAMES and low not in lx.TITLE_WORDS:
        return NameRun(start, end, "other", None, end, end, None, None, possessive)
    if word in lx.KNOWN_ORGS or low in lx.ORG_HEADS or _is_acronym(word):
        return NameRun(start, end, "org", word, start, end, None, None, possessive)
    if low in lx.TITLE_WORDS and low not in lx.DEMONYMS:
        role = word if low in lx.ROLE_HEADS else None
        kind: NameKind = "title" if role else "other"
        return NameRun(start, end, kind, None, end, end, role, None, possessive)
    if low in lx.DEMONYMS or not _name_like(word):
        return NameRun(start, end, "other", None, end, end, None, None, possessive)
    return NameRun(start, end, "single", word, start, end, None, None, possessive)


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
        first < len(words) - 1
        and low[first] in lx.NOT_NAMES
        and low[first] not in lx.TITLE_WORDS
        and f"{low[first]} {low[first + 1]}" not in lx.DEMONYMS  # "North Korean", kept
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
    while i < len(words):
        pair = f"{low[i]} {low[i + 1]}" if i + 1 < len(words) else ""
        if pair in lx.DEMONYMS:  # "North Korean leader Kim Jong Un"
            affiliation, i = lx.DEMONYMS[pair], i + 2
        elif low[i] in lx.DEMONYMS or lx.COUNTRIES.get(low[i]) is not None:
            affiliation = lx.DEMONYMS.get(low[i]) or lx.COUNTRIES.get(low[i])
            i += 1
        else:
            break
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


def role_head(role: str) -> str:
    """The noun a role is named by: "Secretary of State" -> "secretary", "Prime Minister" ->
    "minister", "foreign affairs chief" -> "chief"."""
    low = role.lower()
    if "of" in low or "for" in low:  # else ``_OF_FOR`` has nothing to cut at
        low = _OF_FOR.split(low, maxsplit=1)[0]
    words = low.split()
    return words[-1] if words else ""


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
