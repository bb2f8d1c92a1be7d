"""Title, summary, date, place and language of an article, without a model.

A briefing must always have a title and a summary, whatever the input, so every function here
has a fallback. The title is the headline when the page has one before its first paragraph,
else the first sentence cut short; the summary is the lead (first substantive sentences of
prose, of the main speaker in a transcript) up to 80 words; the date is the first full date the
article states; the language is guessed from scripts and stopwords.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from typing import Final

from . import lexicon as lx
from .sentences import Document
from .spans import word_initial, word_matches

SUMMARY_WORDS: Final = 80
TITLE_WORDS: Final = 16

_MONTHS: Final = {
    m: i + 1
    for i, names in enumerate(
        [
            "january jan", "february feb", "march mar", "april apr", "may", "june jun",
            "july jul", "august aug", "september sep sept", "october oct", "november nov",
            "december dec",
        ]
    )
    for m in names.split()
}  # fmt: skip
_MONTH: Final = (
    r"(January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?"
)
# No leading \b: matches must start a word (see spans.word_matches). Each pattern opens with
# one character class ("\d\d{3}", not "\d{4}"), so that ``re`` skips ahead to a candidate.
_DATES: Final = (
    (re.compile(r"(\d\d{3})-(\d{2})-(\d{2})\b"), ("y", "m", "d")),
    (re.compile(rf"{_MONTH}\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})\b"), ("mon", "d", "y")),
    (re.compile(rf"(\d\d?)(?:st|nd|rd|th)?\s+{_MONTH},?\s+(\d{{4}})\b"), ("d", "mon", "y")),
)
_YEAR: Final = re.compile(r"\d\d{3}")
_DIGITS: Final = bytes(48 if 48 <= b <= 57 else 32 for b in range(256))  # digits "0", the rest " "
_PLEASANTRY: Final = re.compile(
    r"^(?:thank|thanks|good (?:morning|afternoon|evening)|sorry|hello|hi|okay|ok|well|yes|no)\b",
    re.I,
)
_STOPWORDS: dict[str, frozenset[str]] = {
    "en": frozenset(
        lx.split_words("the and of to in is that for it with as was on said by his are be have")
    ),
    "fr": frozenset(
        lx.split_words("le la les et des est une un du que dans pour qui pas sur au avec il")
    ),
    "de": frozenset(
        lx.split_words("der die das und ist nicht ein eine zu den mit von sich des auf für im")
    ),
    "es": frozenset(lx.split_words("el la los las y de que en un una por con para es del se al")),
    "it": frozenset(lx.split_words("il lo la gli le e di che è un una per con non del della si")),
    "pt": frozenset(lx.split_words("o a os as e de que em um uma para com não do da se no na")),
    "nl": frozenset(lx.split_words("de het een en van is dat niet op te zijn met voor er aan")),
}
_ANY_STOPWORD: Final = frozenset().union(*_STOPWORDS.values())
# Encoded as UTF-8 for the byte paths below; the language codes each stopword counts for.
_BYTE_STOPWORDS: Final = {
    code: frozenset(w.encode() for w in ws) for code, ws in _STOPWORDS.items()
}
_ANY_BYTE_STOPWORD: Final = frozenset().union(*_BYTE_STOPWORDS.values())
_LANGUAGES_OF: dict[bytes, tuple[str, ...]] = {
    word: tuple(code for code, ws in _BYTE_STOPWORDS.items() if word in ws)
    for word in _ANY_BYTE_STOPWORD
}
# "in Geneva", "visit to China": capitalised words after a preposition, looked up below.
_PLACE_AFTER: Final = re.compile(
    rf"(?:{word_initial(['in', 'to', 'at'])})\s+((?:[A-Z][\w-]+\s?){{1,3}})"
)
_KNOWN_PLACES: Final = {p.lower(): p for p in lx.PLACES} | {
    k: v for k, v in lx.COUNTRIES.items() if len(k) > 3
}  # read-only: lower-case name -> the name to print
_WORDS: Final = re.compile(r"[^\W\d_]+")
# ASCII text as bytes: each letter lower-cased, anything else a space.
_ASCII_LETTERS: Final = bytes(b | 32 if b < 128 and chr(b).isalpha() else 32 for b in range(256))
# Lower-case UTF-8: ASCII letters and the bytes of non-ASCII characters kept, the rest a space.
_UTF8_LETTERS: Final = bytes(b if b >= 128 or chr(b).isalpha() else 32 for b in range(256))
_NON_ASCII_ONLY: Final = bytes(b if b >= 128 else 32 for b in range(256))
# Latin letters outside ASCII that lower-case to one letter ("É" -> "é"; not "İ" -> "i̇"): in
# text whose other characters are ASCII, ``_WORDS`` splits the lower-cased text where bytes do.
_LATIN_LETTERS: Final = frozenset(
    c
    for c in map(chr, range(128, 0x250))
    if _WORDS.fullmatch(c) and len(c.lower()) == 1 and _WORDS.fullmatch(c.lower())
)
_TYPOGRAPHY: Final = "’‘“”„«»—–…\xa0"
_NON_LATIN: Final = re.compile(r"[^\W\d_\u0000-\u024f]")
_SCRIPTS: tuple[tuple[str, str, str], ...] = (
    ("ja", "\u3040", "\u30ff"),
    ("ko", "\uac00", "\ud7af"),
    ("zh", "\u4e00", "\u9fff"),
    ("ar", "\u0600", "\u06ff"),
    ("he", "\u0590", "\u05ff"),
    ("el", "\u0370", "\u03ff"),
    ("hi", "\u0900", "\u097f"),
    ("th", "\u0e00", "\u0e7f"),
    ("ru", "\u0400", "\u04ff"),
)


def language(doc: Document) -> str:
    """ISO 639-1 guess from the prose: script first, then stopword counts; 'en' if unsure."""
    text = doc.text
    sample = " ".join([text[s.start : s.end] for s in doc.sentences[:60]])[:6000]
    if not sample.strip():
        sample = text[:6000]
    plain = _plain(sample)  # curly quotes and dashes alone do not need the slow path
    if plain.isascii():  # the common case: no script to detect, and splitting is much cheaper
        # As bytes: ``bytes.translate`` reads a table where ``str.translate`` looks up a dict.
        return _by_stopwords(plain.encode().translate(_ASCII_LETTERS).split())
    latin = _latin_words(plain)
    if latin is not None:
        return _by_stopwords(latin)
    found = _WORDS.findall(sample.lower())
    letters = sum(map(len, found))
    if not letters:
        return "en"
    counts: Counter[str] = Counter()
    for c in _NON_LATIN.findall(sample):  # only letters outside Latin need a script lookup
        for code, lo, hi in _SCRIPTS:
            if lo <= c <= hi:
                counts[code] += 1
                break
    if counts:
        code, n = counts.most_common(1)[0]
        if code == "zh" and counts["ja"]:
            code, n = "ja", n + counts["ja"]
        if n > letters / 3:
            if code == "ru" and any(c in "їєіґ" for c in sample.lower()):
                return "uk"
            return code
    return _by_stopwords([w.encode() for w in filter(_ANY_STOPWORD.__contains__, found)])


def _latin_words(plain: str) -> list[bytes] | None:
    """The lower-case words (``_WORDS``) of ``plain`` in UTF-8, when every character outside
    ASCII is one of ``_LATIN_LETTERS`` (no script to detect then); else None."""
    data = plain.encode()
    outside = b"".join(data.translate(_NON_ASCII_ONLY).split()).decode()
    if not _LATIN_LETTERS.issuperset(outside):
        return None
    return plain.lower().encode().translate(_UTF8_LETTERS).split()


def _by_stopwords(found: list[bytes]) -> str:
    """The language whose stopwords occur most often in ``found`` (UTF-8 words); 'en' unless
    one beats it."""
    scores = dict.fromkeys(_BYTE_STOPWORDS, 0)
    for word, n in Counter(filter(_ANY_BYTE_STOPWORD.__contains__, found)).items():
        for code in _LANGUAGES_OF[word]:  # only stopwords are scored
            scores[code] += n
    best = max(scores, key=scores.__getitem__)
    return best if scores[best] > scores["en"] else "en"


def _plain(text: str) -> str:
    """``text`` with its ``_TYPOGRAPHY`` marks made spaces (same offsets), so that most English
    text is ASCII: ``str.replace`` per mark, as a regex or ``str.translate`` is slow off ASCII."""
    for mark in _TYPOGRAPHY:
        if mark in text:
            text = text.replace(mark, " ")
    return text


def _years(head: str) -> Iterator[int]:
    r"""Where ``_YEAR`` matches in ``head``, in order (as ``finditer`` finds them). In ASCII text
    (after ``_plain``), by ``bytes.find`` over a copy with every digit made "0" and the rest a
    space: ``re`` tests each character against ``\d``, which costs ten times as much."""
    plain = _plain(head)
    if not plain.isascii():
        for match in _YEAR.finditer(head):
            yield match.start()
        return
    digits = plain.encode("ascii").translate(_DIGITS)
    at = digits.find(b"0000")
    while at >= 0:
        yield at
        at = digits.find(b"0000", at + 4)


def date(text: str) -> str | None:
    """The first full date the article states, as YYYY-MM-DD."""
    head = text[:20000]
    first: dict[int, re.Match[str]] = {}  # pattern index -> its first match
    for year in _years(head):  # every date holds a year: look only around years
        lo, hi = max(0, year - 25), min(len(head), year + 4 + 10)
        for k, (pattern, _) in enumerate(_DATES):
            if k not in first:
                hit = next(word_matches(pattern, head, lo, hi), None)
                if hit is not None:
                    first[k] = hit
        if len(first) == len(_DATES):
            break
    found: list[tuple[int, str]] = []
    for k, match in first.items():
        order = _DATES[k][1]
        parts = dict(zip(order, match.groups(), strict=True))
        year, day = int(parts["y"]), int(parts["d"])
        month = (
            int(parts["m"]) if "m" in parts else _MONTHS.get(parts["mon"].lower().rstrip("."), 0)
        )
        if 1800 <= year <= 2200 and 1 <= month <= 12 and 1 <= day <= 31:
            found.append((match.start(), f"{year:04d}-{month:02d}-{day:02d}"))
    return min(found)[1] if found else None


def place(doc: Document) -> str | None:
    """A place named in the page header or the lead ("in Geneva", "visit to China")."""
    text = doc.text
    for block in doc.blocks:
        if block.kind == "prose":
            break
        head = text[block.start : block.end].split(",")[0].strip()
        if head in lx.PLACES:
            return head
    for sent in doc.sentences[:5]:
        for m in _PLACE_AFTER.finditer(doc.sentence_text(sent)):
            words = m.group(1).split()
            for size in range(len(words), 0, -1):
                name = _KNOWN_PLACES.get(" ".join(words[:size]).lower())
                if name:
                    return name
    return None


def title(doc: Document) -> str:
    """The headline before the first paragraph, else the first sentence cut short."""
    text = doc.text
    for block in doc.blocks:
        if block.kind == "prose":
            break
        body = " ".join(text[block.start : block.end].split())
        if block.kind == "heading" and len(body.split()) >= 3 and not body.isupper():
            return _cut(body, TITLE_WORDS * 2)
    for sent in doc.sentences[:1]:
        body = " ".join(doc.sentence_text(sent).split())
        words = body.split()
        if len(words) > TITLE_WORDS:
            comma = body.find(", ", 0, len(" ".join(words[: TITLE_WORDS + 6])))
            body = body[:comma] if comma > 20 else " ".join(words[:TITLE_WORDS]) + "…"
        if body.rstrip(".").strip():
            return body.rstrip(".")
    body = " ".join(text.split())
    return _cut(body, TITLE_WORDS) if body else "Untitled"


def summary(doc: Document) -> str:
    """Lead sentences up to ``SUMMARY_WORDS`` words (a transcript's main speaker first)."""
    labels = Counter(b.speaker for b in doc.blocks if b.speaker and b.speaker not in ("Q", "A"))
    main = labels.most_common(1)[0][0] if labels else None
    words: list[str] = []
    for sent in doc.sentences:
        if doc.blocks[sent.block].speaker != main:
            continue
        body = doc.sentence_text(sent).split()
        if len(body) < 5 or _PLEASANTRY.match(" ".join(body[:3])) or body[-1].endswith("?"):
            continue
        opener = doc.text[doc.blocks[sent.block].content_start]
        if opener in '“"«„' and words:  # a quoted paragraph: report it, do not quote it
            continue
            continue
        if words and len(words) + len(body) > SUMMARY_WORDS:
            break
        words.extend(body)
        if len(words) >= SUMMARY_WORDS:
            break
    if not words:
        words = " ".join(doc.sentence_text(s) for s in doc.sentences[:3]).split()
    if not words:
        words = doc.text.split()
    out = " ".join(words[:SUMMARY_WORDS]) + ("…" if len(words) > SUMMARY_WORDS else "")
    return out if out.strip() else "No text to summarise."


def _cut(body: str, limit: int) -> str:
    words = body.split()
    return " ".join(words[:limit]) + ("…" if len(words) > limit else "")
