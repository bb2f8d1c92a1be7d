"""How much of a stance a sentence takes, so a speaker's positions can be ranked and capped.

A transcript or a first-person statement is all one speaker's words, but only some sentences
take a position: "I believe ...", "Our objective has been ...", "the consequences were just too
great". Others run the event ("I'll be pleased to take your questions"), narrate ("Each meeting
was 40 minutes long") or schedule ("I will meet on Thursday with ..."). ``stance_score`` weighs
stance verbs and nouns, evaluative and deontic words against procedural and scheduling phrases.
The word lists are general English, not drawn from any one text.
"""

from __future__ import annotations

import math
import re
from typing import Final

from . import lexicon as lx
from .spans import word_initial
from .topics import STANCE_NOUNS, core

_TOKEN: Final = re.compile(r"[a-z]+(?:['’][a-z]+)?")
# Bytes other than a-z and "'" become spaces, so that ``split`` finds the words (see ``_words``).
_CONTENT: Final = re.compile(r"\w+")
# ASCII bytes other than word characters become spaces, so ``split`` finds ``_CONTENT``'s words.
_CONTENT_BYTES: Final = bytes(
    c if c < 128 and (chr(c).isalnum() or c == 95) else 32 for c in range(256)
)
_WORD_BYTES: Final = bytes(c if c in b"abcdefghijklmnopqrstuvwxyz'" else 32 for c in range(256))
_ANNOUNCE: Final = (
    r"(?:'ll|’ll|\s+will|\s+would\s+like\s+to|'d\s+like\s+to|’d\s+like\s+to"
    r"|\s+want\s+to|\s+am\s+going\s+to)?\s+(?:just\s+)?(?:make|give|read|take|tell\s+you|leave"
    r"|start|begin|open|close)\s+(?:a|an|the|your|you|it|some|with)\b[^.]{0,40}"
    r"\b(?:statement|comment|comments|remarks|questions?|quotes?|story|details|brief)\b"
)
_PROCEDURAL: Final = re.compile(  # word starts tested after the first letter (see ``word_initial``)
    word_initial([
        f"i{_ANNOUNCE}", f"we{_ANNOUNCE}", r"pleased\s+to\s+(?:respond|take|answer)",
        r"let\s+me\b", r"thank(?:s|\s+you)\b", r"i(?:'m|’m|\s+am)\s+sorry\b",
        r"good\s+(?:morning|afternoon|evening)\b",
        *(rf"{w}\s+(?:be\s+)?meet(?:ing)?\s+(?:on|with|in)\b" for w in ("will", "to", "shall")),
        r"will\s+meet\b",
    ])
)  # fmt: skip
# Words without which ``_PROCEDURAL`` cannot match: most sentences skip the regex.
_PROCEDURAL_WORDS: Final = frozenset(
    lx.split_words("""
        statement comment comments remarks question questions quote quotes story details brief
        pleased let thank thanks sorry good meet meeting
        """)
)
_STEMS: Final = lx.split_words("""
    believ support oppos hop urg insist reject welcom shar agre disagre accept recognis recogniz
    favor favour prefer anticipat condemn demand refus deplor regret characteris characteriz
    emphasis emphasiz stress thank seek want prioritiz prioritis
    """)
_STANCE_VERBS: Final = frozenset(
    stem + end for stem in _STEMS for end in ("", "e", "es", "ed", "d", "s", "ing")
) | frozenset(("committed", "sought"))
_FRAME_OBJECTS: Final = frozenset(
    lx.split_words("make say emphasize emphasise stress be tell read give thank")
)  # "I want to make clear": a frame, not a want
_ADVOCATES: Final = frozenset(
    lx.split_words("supporter supporters advocate advocates opponent opponents")
)
_WANTS: Final = frozenset(("want", "wants", "wanted", "wanting"))
_OWNERS: Final = frozenset(lx.split_words("our my their his her its the"))
_EVALUATIVE: Final = frozenset(
    lx.split_words("""
        important critical crucial essential vital necessary decisive devastating unacceptable
        significant substantial difficult positive negative urgent urgency serious great greatest
        too clear unchanged strictly constructive good bad wrong right failure brink concrete
        remarkable historic dangerous fair unfair meaningful proud severe unflinching steadfast
        resolute grateful concerned alarmed outraged appalled
        """)
)
_EVALUATIVE_STEMS: Final = ("catastroph", "progress", "success", "disappoint", "satisf")
_NEGATABLE: Final = (
    "believ", "shar", "accept", "support", "characteri", "chang", "impos", "want", "agre",
)  # fmt: skip
_NEGATORS: Final = frozenset(("not", "never", "no"))
_DEONTIC: Final = frozenset(lx.split_words("must should cannot can't can’t"))
_NEED: Final = frozenset(lx.split_words("need needs needed have has ought"))
_FIRST_PERSON: Final = frozenset(lx.split_words("i we our my us"))
_HEDGES: Final = (" i think ", " we think ", " i would say ", " it may be ", " as i said ",
           " i can tell ", " fair to say ")  # fmt: skip
# One search instead of a loop of substring tests (same answers, a fraction of the time).
_HEDGE: Final = re.compile("|".join(map(re.escape, _HEDGES)))
# Words without which no test on the joined words can succeed (every hedge holds one of the
# last five): the joined string is built only when one occurs.
_JOINED_WORDS: Final = (
    _WANTS | _ADVOCATES | _NEED | frozenset(("think", "say", "said", "may", "tell"))
)
# Every word a set test in ``stance_score`` looks for: the tests run on the few that occur.
_SIGNALS: Final = (
    _PROCEDURAL_WORDS | _JOINED_WORDS | _STANCE_VERBS | STANCE_NOUNS | _OWNERS | _NEGATORS
    | _EVALUATIVE | _DEONTIC | _FIRST_PERSON
)  # fmt: skip
# ``stance_bound``'s word groups: a stance noun or advocate, a negation, a deontic or need word
# ("can" for "can't", split at its apostrophe), and all of them with the rest it tests.
_NOUNS: Final = STANCE_NOUNS | _ADVOCATES
_NEGATED: Final = _NEGATORS | {"unchanged"}
_OBLIGED: Final = _DEONTIC | _NEED | {"can"}
_BOUND_WORDS: Final = _STANCE_VERBS | _NOUNS | _NEGATED | _EVALUATIVE | _OBLIGED | _FIRST_PERSON


def _has_evaluative_stem(low: str) -> bool:
    """Whether one of ``_EVALUATIVE_STEMS`` occurs anywhere (substring tests: faster than a
    regex alternation of the same words)."""
    return (
        "catastroph" in low or "progress" in low or "success" in low or "disappoint" in low
        or "satisf" in low
    )  # fmt: skip


def stance_score(sentence: str) -> float:
    """How strongly ``sentence`` takes a position: 0 or less for procedural or empty talk.

    Signals count once each, so a long sentence does not win by piling up adjectives: a stance
    verb or a possessed stance noun (2), a negated or unchanged stance, a deontic modal (1
    each), up to two evaluative words (1 each), "we"/"our" (0.5); hedges and rambling cost.
    Set tests on the signal words that occur (each word is looked up once); positions are
    looked at only for the few words whose neighbours matter, and the one regex runs only
    when its words occur.
    """
    low = sentence.lower()
    words = _words(low)
    if len(words) < 4 or sentence.rstrip().endswith("?"):
        return 0.0
    present = _SIGNALS.intersection(words)
    if not present.isdisjoint(_PROCEDURAL_WORDS) and _PROCEDURAL.search(low):
        return -1.0
    joined = "" if present.isdisjoint(_JOINED_WORDS) else f" {' '.join(words)} "
    verbs = present & _STANCE_VERBS
    verb = bool(verbs - _WANTS) or any(  # "I want to make clear ...": a frame, not a want
        not any(f" {w} to {o} " in joined for o in _FRAME_OBJECTS) for w in verbs & _WANTS
    )
    advocates = present & _ADVOCATES
    noun = bool(advocates) and any(f" {w} of " in joined for w in advocates)
    if not noun and not present.isdisjoint(STANCE_NOUNS) and not present.isdisjoint(_OWNERS):
        noun = _owned_stance_noun(words)
    negated = "unchanged" in present or (
        not present.isdisjoint(_NEGATORS) and _negated_stance(words)
    )
    evaluative = present & _EVALUATIVE
    if _has_evaluative_stem(low):  # rare: test the words only when a stem occurs at all
        evaluative |= {w for w in words if len(w) > 6 and w.startswith(_EVALUATIVE_STEMS)}
    deontic = not present.isdisjoint(_DEONTIC) or any(
        f" {w} to " in joined for w in present & _NEED
    )
    score = 2.0 * verb + 2.0 * noun + 1.0 * negated + min(2, len(evaluative)) + 1.0 * deontic
    score += 0.5 * (not present.isdisjoint(_FIRST_PERSON))
    score -= 0.5 * bool(joined and _HEDGE.search(joined))
    score -= 1.0 * (len(words) > 35)
    return score


def stance_bound(words: frozenset[str]) -> float:
    """At least the ``stance_score`` of a sentence with these words (``Document.words``: split
    at spaces and punctuation, apostrophes included), or infinity unless every word is ASCII
    letters only: then the words ``stance_score`` reads are these words or, for "can't", their
    first part, so each signal it counts is known to be possible or not (penalties ignored).
    A few set tests instead of tokenising the sentence, for the many that cannot score."""
    joined = "".join(words)
    if not (joined.isalpha() and joined.isascii()):
        return math.inf
    hits = _BOUND_WORDS.intersection(words)
    evaluative = 2 if _has_evaluative_stem(joined) else len(hits & _EVALUATIVE)
    return (
        2.0 * (not hits.isdisjoint(_STANCE_VERBS))
        + 2.0 * (not hits.isdisjoint(_NOUNS))
        + 1.0 * (not hits.isdisjoint(_NEGATED))
        + min(2, evaluative)
        + 1.0 * (not hits.isdisjoint(_OBLIGED))
        + 0.5 * (not hits.isdisjoint(_FIRST_PERSON))
    )


def _words(low: str) -> list[str]:
    """``_TOKEN.findall(low)``, mostly without the regex: a C-level translate and split cut the
    runs of a-z and "'" (any other character, non-ASCII ones included, separates words), and
    only runs holding an apostrophe ("don't", "'tis") are tokenised by the regex. A match never
    reaches past such a run, so the words are the same. A "’" is read as "'" when the text has
    no "'" (no two words then differ in that mark alone, and ``stance_score`` tests the words
    against no word with a "’" but "can’t", listed as "can't" too); with both, the regex reads
    it all."""
    if "’" in low:
        if "'" in low:
            return _TOKEN.findall(low)
        low = low.replace("’", "'")
    runs = low.encode("ascii", "replace").translate(_WORD_BYTES).decode().split()
    if "'" not in low:
        return runs
    return [w for run in runs for w in (_TOKEN.findall(run) if "'" in run else (run,))]


def _owned_stance_noun(words: list[str]) -> bool:
    """ "our objective", "the goal": a stance noun owned within two words before it."""
    for i, w in enumerate(words):
        if w in STANCE_NOUNS and not _OWNERS.isdisjoint(words[max(0, i - 2) : i]):
            return True
    return False


def _negated_stance(words: list[str]) -> bool:
    """ "not believe", "never accepted": a negator within two words before a stance stem."""
    for i, w in enumerate(words):
        if w in _NEGATORS:
            for x in words[i + 1 : i + 3]:
                if x.startswith(_NEGATABLE):
                    return True
    return False


_CONTRAST: Final = re.compile(r"^[\"“]?(?:but|however|yet|still)\b", re.I)
_ANAPHOR: Final = re.compile(r"^[\"“]?(?:that|this|it|they|these|those)\b(?!\s+both)", re.I)


def continues(sentence: str) -> bool:
    """Whether a sentence carries on the one before: "But ...", or a short "It was ..."."""
    body = sentence.strip()
    return bool(_CONTRAST.match(body)) or (bool(_ANAPHOR.match(body)) and len(body.split()) <= 12)


def stance_text(sentence: str) -> str:
    """The sentence as a stance: lead connectors and "I believe that" frames peeled off."""
    body = " ".join(core(sentence, frames=False).split()) or " ".join(sentence.split())
    return body[:1].upper() + body[1:]


def content_words(text: str) -> set[str]:
    """The words of ``text`` longer than three letters, lower-case: what ``similar`` compares."""
    low = text.lower()
    if low.isascii():  # the same words as ``_CONTENT`` finds, by a C-level translate and split
        return {w for w in low.encode().translate(_CONTENT_BYTES).decode().split() if len(w) > 3}
    return {w for w in _CONTENT.findall(low) if len(w) > 3}


def similar(left: set[str], right: set[str]) -> bool:
    """Whether two statements' ``content_words`` overlap enough to be one point (Dice >= 0.4)."""
    return bool(left and right) and 2 * len(left & right) / (len(left) + len(right)) >= 0.4
