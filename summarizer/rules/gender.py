"""Grammatical gender of people, so that "she" does not resolve to a man.

Pronoun resolution picks the last person mentioned; in a story about a man and a woman that is
wrong half the time. The gender of a person comes from a gendered title or honorific ("Mrs.",
"Queen", "spokeswoman"), else from a small list of common given names across languages. Unknown
stays unknown (``None``) and is compatible with any pronoun: a miss costs nothing, a wrong
guess would. The lists are general, not drawn from any one article.
"""

from __future__ import annotations

from typing import Final, Literal

from . import lexicon as lx

Gender = Literal["m", "f"]

_MALE_TITLES: Final = frozenset(
    lx.split_words("""
        mr mr. sir lord king prince emperor sultan emir sheikh spokesman chairman congressman
        duke baron father brother pope ayatollah
        """)
)
_FEMALE_TITLES: Final = frozenset(
    lx.split_words("""
        mrs mrs. ms ms. miss madam madame dame lady queen princess empress spokeswoman
        chairwoman congresswoman duchess baroness sister
        """)
)
MALE_NAMES: Final = frozenset(
    lx.split_words("""
        aaron abdul abdullah adam ahmad ahmed ali alexander alexei alexey andrew andrei andriy
        anthony antony antonio ashraf ayman barack benjamin bernard bill boris brian carlos
        charles christopher daniel david dmitry donald edward ehud emmanuel eric francis frank
        franz friedrich george gerhard hamid hassan henry hillel ibrahim igor isaac ivan jacob
        james javier jean jens jeremy jim joe john jose joseph juan justin karl kevin khalid
        kim laurent lloyd luis mahmoud marco mark matthew michael mike mikhail mohammad
        mohammed muhammad nicolas olaf omar patrick paul pedro peter pierre rafael recep
        richard rishi robert ronald sam samuel scott sergei sergey stephen steven thomas tim
        tom tony viktor vladimir volodymyr walter william xi yasser yitzhak yousef yuri
        """)
)
FEMALE_NAMES: Final = frozenset(
    lx.split_words("""
        ada alice amy ana angela ann anna anne annalena barbara catherine christine claudia
        diana elena elizabeth ellen emily emma eva fatima giorgia hannah helen hillary ingrid
        irina jacinda jane janet jennifer jill julia kamala karen kate katherine kaja laura
        leila linda liz lucia margaret maria marie marine mary maya melania michelle nancy
        natalia nikki olena olga patricia rachel rebecca sarah sanna sofia sophie susan
        tatiana teresa theresa ursula valentina victoria yulia
        """)
)


def gender_of(name: str, role: str | None = None, honorific: str | None = None) -> Gender | None:
    """The gender a name, role or honorific states; None when nothing states it."""
    for word in (honorific or "", *(role or "").lower().split()):
        low = word.lower()
        if low in _MALE_TITLES:
            return "m"
        if low in _FEMALE_TITLES:
            return "f"
    words = name.split()
    first = words[0].lower() if words else ""
    if first in MALE_NAMES:
        return "m"
    if first in FEMALE_NAMES:
        return "f"
    return None


def pronoun_gender(pronoun: str) -> Gender | None:
    """ "he"/"him"/"his" -> "m", "she"/"her"/"hers" -> "f", anything else None."""
    low = pronoun.lower()
    if low in ("he", "him", "his", "himself"):
        return "m"
    if low in ("she", "her", "hers", "herself"):
        return "f"
    return None


def is_given_name(word: str) -> bool:
    """Whether ``word`` is a common given name (so it starts a name, not a title's domain)."""
    low = word.lower()
    return low in MALE_NAMES or low in FEMALE_NAMES
