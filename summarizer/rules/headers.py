"""Who a header or a transcript label names, when it is not a plain name.

Official texts name their speakers in ways a name run alone does not read: an upper-case
transcript label ("SENATOR MITCHELL", read title-cased), a label that is a bare title ("THE
PRESIDENT:"), and a statement header line "Name, Spokesperson" (on pages the role may run
into the next word: "SpokesmanOffice of the Spokesman").
"""

from __future__ import annotations

import functools
import re
from typing import Final

from . import lexicon as lx
from .actors import Actors
from .names import NameRun
from .runs import parse_runs

# "Name, Spokesperson" in a statement's header (the role word may run into the next word).
_ROLE_AFTER: Final = re.compile(
    r",[ \t\xa0]*((?i:ambassador|director|minister|president|secretary|spokesman|spokesperson"
    r"|spokeswoman))(?=[A-Z\s,.]|$)"
)


@functools.lru_cache(maxsize=1024)
def label_run(label: str) -> NameRun | None:
    """A transcript speaker label ("SENATOR MITCHELL") read as a name run."""
    titled = " ".join(w.capitalize() for w in label.split())
    runs = [r for r in parse_runs(titled, 0, len(titled)) if r.name]
    return runs[-1] if runs else None


def comma_role(text: str, run: NameRun) -> NameRun:
    """A heading's "Name, Spokesperson" read as a titled person (the role word may run into
    the next, as in a page's "SpokesmanOffice of the Spokesman")."""
    after = _ROLE_AFTER.match(text, run.end)
    if run.role or after is None:
        return run
    return run._replace(role=after.group(1).capitalize())


def title_label(table: Actors, raw: str) -> None:
    """A transcript label that is a bare title ("THE PRESIDENT", "THE VICE PRESIDENT") names
    the person the article gives that role ("Remarks by President Biden"); with none, the title
    itself becomes the speaker ("The President"), so that their turns are still read."""
    words = raw.split()
    if len(words) < 2 or words[0] != "THE" or words[-1].lower() not in lx.ROLE_HEADS:
        return
    if not all(w.lower() in lx.TITLE_WORDS for w in words[1:]):
        return
    role = " ".join(w.capitalize() for w in words[1:])
    surface = f"The {role}"
    known = table.get(surface)
    if known is not None:
        table.infos[known].salient = True
        return
    first: dict[int, tuple[bool, int]] = {}  # actor -> (not in a heading, first mention)
    for m in table.mentions:
        first.setdefault(m.actor, (m.sentence >= 0, m.start))
    holders = [
        i for i, a in enumerate(table.infos)
        if a.kind == "person" and a.role and a.role.lower() == role.lower()
    ]  # fmt: skip
    # The page's own heading names the speaker ("Remarks by President Biden"); else the holder
    # the text names first (the President thanked later, "President Macron", is a guest).
    actor = (
        min(holders, key=lambda i: first.get(i, (True, 1 << 30)))
        if holders
        else table.add(surface, "person", role)
    )
    table.alias(actor, surface)
    table.infos[actor].salient = True
