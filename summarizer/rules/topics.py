"""What a stance sentence is about: a short noun-phrase topic and a key to merge on.

Positions need a topic a reader can scan ("paid sick leave", "two-state solution"), and the
sentences of one speaker on one topic should become one position. ``topic`` finds it without a
tagger: drop lead connectors and stance frames ("I know that", "As the President said,"), then
take the subject noun phrase, or after a pronoun subject and its verb group the object noun
phrase; a stance noun ("supporter of", "the goal of") hands over to its complement. Its head
word (with the owner for stance nouns: "our position" is not "their position") is the key.
"""

from __future__ import annotations

import re
from typing import Final

from . import lexicon as lx

# Lead connectors, asides and frames; ``core`` peels them off in this order (see ``_PEEL``).
_LEAD: Final = (
    r"(?:(?:and|but|so|now|well|first|firstly|second|secondly|finally|however|also|again|then"
    r"|today|still|yet|indeed|of course|in this case|right|yes|no|okay|ok)\b[,;:]?\s+)+"
)
_ASIDE: Final = (
    r"(?:(?:with|without|despite|after|before|in|on|at|as\s+for|while|although|though|because"
    r"|since|when|once|unless)\b[^,]{0,80}|\w+ing\b[^,]{0,40}),\s+"
)
_FALSE_START: Final = re.compile(r"^(?:\S+\s+){0,3}?\S+\s+--\s+")
_CONTRACTION: Final = re.compile(
    r"(?i)(n['’]t|['’](?:re|ll|ve|d|m))\b|\b(it|that|there|what|he|she|here|this)['’]s\b"
)
_EXPANDED: Final = {"n't": " not", "'re": " are", "'ll": " will", "'ve": " have", "'d": " would",
             "'m": " am"}  # fmt: skip


def _expand(m: re.Match[str]) -> str:
    if m.group(2):
        return m.group(2) + " is"
    return _EXPANDED[m.group(1).lower().replace("’", "'")]


_FRAME: Final = (
    r"(?:(?:i|we|they|he|she)\s+(?:(?:do|did|does|would|will|also|still|strongly|firmly|really"
    r"|just|all|have|had|long|repeatedly|always)\s+)*(?:not\s+)?"
    r"(?:believe|think|know|feel|hope|say|said|agree|understand|anticipate|expect"
    r"|want\s+to\s+(?:emphasize|stress|say|make\s+clear)|(?:have\s+)?made\s+clear)\b"
    r"(?:(?:\s+(?:deeply|strongly|firmly|truly|also))?(?:,[^,]{0,60},)?\s+that\b|\s+in\b)?\s*"
    r"|as\s+(?:i|we|he|she|they|the\s+\w+)\s+(?:said|has\s+said|noted)[^,]{0,60},\s*"
    r"|the\s+reality\s+is\s+(?:that\s+)?|it\s+is\s+(?:clear|true|fair\s+to\s+say)\s+that\s+"
    r"|there\s+is\s+no\s+(?:question|doubt)\s+(?:that\s+)?)"
)
_THAT_FRAME: Final = (
    r"(?:(?:i|we)\s+(?:\w+\s+){0,2}?(?:know|think|believe|feel|understand)\s+that\s+"
    r"|the\s+reality\s+is\s+that\s+|as\s+\w+(?:\s+\w+)?\s+said[^,]{0,40},\s+)"
)
# A lead, then an aside, then a frame, each where it matches: one ``match`` for the three.
# The atomic groups keep each part's own first match, as if each were matched alone on what
# the part before left (no part looks behind its start). Keyed by (frames, lower): the
# patterns are lower-case, so an ASCII text lower-cased matches case-sensitively what the
# ``re.I`` pattern matches in it, and ``re`` then skips failing alternatives by their first
# letter instead of folding case at each (about half the work).
_PEELS: Final = {
    (frames, lower): re.compile(f"(?>{_LEAD})?(?>{_ASIDE})?(?>{frame})?", 0 if lower else re.I)
    for frames, frame in ((True, _FRAME), (False, _THAT_FRAME))
    for lower in (True, False)
}
_PRONOUN_SUBJECT: Final = frozenset(
    lx.split_words("i we they he she it there this that these those you one what everything")
)
_OBJECTS: Final = frozenset(lx.split_words("them it us him her me you ourselves themselves itself"))
# Subjects that name no topic: the stance is about the object ("Both parties share the goal").
_EMPTY_SUBJECTS: Final = frozenset(
    lx.split_words("""
        party parties side sides leader leaders country countries government governments many
        some most others people everyone everybody nobody all both each either neither bloc
        alliance company group administration organisation organization union coalition
        """)
)
_DETERMINERS: Final = frozenset(
    lx.split_words("""
        a an the this that these those our my their his her its your some any all both every
        each no such very more most much many other another just only even also so
        """)
)
_BOUNDARY: Final = frozenset(
    lx.split_words("""
        that which who whom whose where when while because although though if unless than as
        and or but nor so to in on at by with from into for about over under after before since
        during without between against through like
        """)
)
# Verbs ending a subject noun phrase, besides auxiliaries: base forms, -s/-ed forms are derived.
_VERB_BASES: Final = lx.split_words("""
    share seek stand remain raise continue pull help support oppose want need ensure avoid
    keep maintain bring make give take move begin end agree accept reject believe think know
    feel hope expect anticipate include mean apply allow increase preserve spare override
    vote pass sign send meet hold discuss demonstrate recognize recognise restate express
    emphasize emphasise identify impose urge create achieve try go come appear become seem
    look show provide offer require depend lead grow get put set reach build fight protect
    respect accuse thank urge call ask propose outline""")
_VERBS: Final = frozenset(
    form
    for base in _VERB_BASES
    for form in (base, base + "s", base + "es", base + "d", base + "ed", base[:-1] + "ed")
) | frozenset(lx.split_words("is are was were be been has have had does did do said says"))
# Stance nouns that name the same thing ("our aim", "our goal", "our objective").
_SYNONYMS: Final = {
    "aim": "objective", "goal": "objective", "purpose": "objective", "view": "position",
    "stance": "position", "policy": "position", "focus": "objective",
}  # fmt: skip
# Nouns whose "in" complement is the topic: "no change in our focus".
_RELATIONAL: Final = frozenset(
    lx.split_words("change changes difference differences shift progress")
)
_POSSESSIVES: Final = frozenset(lx.split_words("our my their his her its your"))
_ADVERBS: Final = frozenset(lx.split_words("along now today here again already right not never"))
STANCE_NOUNS: Final = frozenset(
    lx.split_words("""
        objective objectives aim aims goal goals position view views policy priority focus
        commitment supporter supporters opponent opponents advocate reluctance concern concerns
        support opposition desire intention plan hope fight belief interest interests purpose
        message""")
)
_TOPIC_CHARS: Final = 300  # the topic is near the start: longer sentences are cut before tokenising
_IT: Final = ("it", "it")
_VERB_GROUP: Final = lx.AUXILIARIES | frozenset(
    lx.split_words("not be been being yet also just always")
)
_SKIPPED_TOKENS: Final = frozenset(("’s", "'s", '"', "“", "”", "«", "»", "‘", "’"))
_WORD: Final = re.compile(r"[\w’'-]+|[^\w\s]")
_MARKS: Final = frozenset(".,:;?!")  # marks that end a word ("said,"): tokens of their own

Word = tuple[str, str]
"""A token and its lower-case form (lower-cased once, compared many times)."""


def _strip(words: list[Word]) -> list[Word]:
    while words and words[0][1] in _DETERMINERS:
        words = words[1:]
    while words and (words[-1][1] in _DETERMINERS or not words[-1][0][0].isalnum()):
        words = words[:-1]
    return words


def _noun_phrase(tokens: list[Word]) -> list[Word]:
    """The leading noun phrase of ``tokens``, with at most one 'of'/'for' complement (or 'to'
    after a stance noun: "reluctance to override X")."""
    out: list[Word] = []
    complements = 0
    for word in tokens:
        tok, low = word
        if not tok[0].isalnum():
            break
        last = out[-1][1] if out else ""
        if (
            out
            and complements == 0
            and (
                low in ("of", "for")
                or (low == "to" and last in STANCE_NOUNS)
                or (low == "in" and last in _RELATIONAL)
            )
        ):
            complements += 1
            out.append(word)
            continue
        if (last == "to" and low in _VERBS) or (low == "to" and last.endswith("ing")):
            out.append(word)  # "reluctance to override X", "seeking to build X"
            continue
        if low in _BOUNDARY or low in lx.AUXILIARIES or (out and low in _VERBS):
            break
        if out and (low in _ADVERBS or (low.endswith("ly") and len(low) > 4)):
            break
        out.append(word)
        if len(out) >= 8:
            break
    while out and out[-1][1] in ("of", "for", "to", "in"):
        out.pop()
    return out


def _after_verb_group(tokens: list[Word]) -> list[Word]:
    """Tokens after a pronoun subject's verb group ("we have not yet reached" -> the rest)."""
    i, n = 1, len(tokens)
    while i < n and tokens[i][1] in ("both", "all", "each", ","):
        if tokens[i][1] == ",":  # "They both, of course, have ...": skip the aside
            i = next((k for k in range(i + 1, n) if tokens[k][1] == ","), i)
        i += 1
    while i < n and (tokens[i][1] in _VERB_GROUP or tokens[i][1].endswith("ly")):
        i += 1
    if i < n and tokens[0][1] != "there":
        i += 1  # the main verb
    while i + 1 < n and tokens[i][1] == "to":
        i += 2  # "want to thank X", "going to enter into X"
    while i < n and tokens[i][1] in _BOUNDARY:
        i += 1
    return tokens[i:]


def topic(sentence: str) -> tuple[str, str]:
    """(a short noun-phrase topic, its merge key); ("", "") when the sentence names none."""
    tokens = _words(core(sentence)[:_TOPIC_CHARS])
    if not tokens:
        return "", ""
    if tokens[0][1] in _PRONOUN_SUBJECT:
        tokens = _after_verb_group(tokens)
    elif tokens[0][1] == "to":  # "(we hope) to complete that process"
        tokens = _after_verb_group([_IT, *tokens[1:]])
    phrase = _unnamed(_strip(_noun_phrase(tokens)))
    empty = bool(phrase) and phrase[-1][1] in _EMPTY_SUBJECTS
    if not phrase or empty or _is_name(phrase):
        verb = next((i for i, t in enumerate(tokens) if t[1] in _VERBS), -1)
        if verb >= 0:  # "Both parties share the goal of X", "many in Congress shared my X"
            phrase = _unnamed(_strip(_noun_phrase(_after_verb_group([_IT, *tokens[verb:]]))))
    for i, (_, low) in enumerate(phrase):  # "supporter of X", "the goal of X": X is the topic
        after = phrase[i + 1][1] if i + 1 < len(phrase) else ""
        stance = low in STANCE_NOUNS and after in ("of", "for", "to")
        if stance or (low in _RELATIONAL and after == "in"):
            rest = _strip(phrase[i + 2 :])
            if rest:
                phrase = rest
            break
    if not phrase or phrase[0][1] in _PRONOUN_SUBJECT or phrase[0][1] in _OBJECTS:
        return "", ""
    text = " ".join([w for w, _ in phrase[:6]])
    head = _singular(_head(phrase))
    head = _SYNONYMS.get(head, head)
    if head in STANCE_NOUNS or head + "s" in STANCE_NOUNS:  # "our position" != "their position"
        owner = next((low for _, low in tokens if low in _POSSESSIVES), "")
        head = f"{owner} {head}".strip()
    return text, head


def _words(body: str) -> list[Word]:
    """The words and marks of ``body``, contractions expanded ("we're" -> "we", "are"). Plain
    words ("said") come from ``split`` and a plain word with one mark ("said,") by slicing (as
    ``_WORD`` splits them); the rest go through ``_WORD`` and, with an apostrophe, expansion."""
    words: list[Word] = []
    for piece in body.split():
        if piece.isalnum():
            words.append((piece, piece.lower()))
            continue
        stem = piece[:-1]
        if piece[-1] in _MARKS and stem.isalnum():
            words += ((stem, stem.lower()), (piece[-1], piece[-1]))
            continue
        for t in _WORD.findall(piece):
            if "'" in t or "’" in t:
                expanded = _CONTRACTION.sub(_expand, t)
                parts = _WORD.findall(expanded) if expanded != t else [t]  # unchanged: one token
                words += [(p, p.lower()) for p in parts if p not in _SKIPPED_TOKENS]
            elif t not in _SKIPPED_TOKENS:
                words.append((t, t.lower()))
    return words


def _unnamed(phrase: list[Word]) -> list[Word]:
    """ "Iran of seeking X" (from "accuse Iran of ..."), "Jordan for its role": the actor
    named first is not the topic, what follows "of"/"for" is."""
    for at, (_, low) in enumerate(phrase):
        if at and low in ("of", "for"):
            return _strip(phrase[at + 1 :]) if _is_name(phrase[:at]) else phrase
    return phrase


def core(sentence: str, *, frames: bool = True) -> str:
    """The sentence without quotation marks, lead connectors, asides and stance frames ("I
    believe", "I know that"); with ``frames=False`` only frames ending in "that" or a comma go,
    so that what is left still reads as a sentence."""
    body = sentence.strip().strip("\"“”'‘’«»").strip()
    false_start = _FALSE_START.match(body) if "--" in body else None
    if false_start:  # "They're not -- I want to make clear ...": a false start goes
        body = body[false_start.end() :]
    lower = body.isascii()
    text, peel = (body.lower() if lower else body), _PEELS[frames, lower]
    start = 0
    for _ in range(3):  # "And, with respect, I believe that ...": peel until nothing changes
        found = peel.match(text, start)  # never None (every part is optional): empty when none
        if not found or found.end() == start:
            break
        start = found.end()
    return body[start:]


def _is_name(words: list[Word]) -> bool:
    for w, low in words:  # noqa: SIM110 (a loop: no generator per call, it is called per phrase)
        if low not in ("of", "for") and not w[:1].isupper():
            return False
    return True


def _head(words: list[Word]) -> str:
    """The head noun of a noun phrase (lower-case): the last word before a complement."""
    for i, (_, low) in enumerate(words):
        if low in ("of", "for", "to", "in") and i:
            return words[i - 1][1]
    return words[-1][1] if words else ""


def _singular(word: str) -> str:
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 4 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word
