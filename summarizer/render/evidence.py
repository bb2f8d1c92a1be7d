"""The evidence view: the article with every located quote highlighted and linked to its item.

Links go both ways with plain anchors (no script): an item's label links to the highlight of
its first quote (``#ev-positions-0-0``), each quote in the index links to its own highlight,
and each highlight ends with a small label linking back to the item (``#item-...`` on the
briefing page when that page shows the item, else ``#evi-...`` in this view's own index).

A quote counts as located when it has offsets inside the article with ``start < end`` and is
not ``unmatched``; its highlight has class ``ev-exact``, ``ev-normalised``, ``ev-fuzzy`` or
``ev-none`` (offsets but never checked). Unmatched quotes are listed, struck through, in the
index only. Overlapping quotes split the text into segments; a segment under several quotes
takes the strongest match's style plus ``ev-overlap``. Every piece of article and model text
goes through ``html.escape``.
"""

from __future__ import annotations

import dataclasses
import itertools
from html import escape

from ..schema import Briefing, Evidence
from . import common
from .common import Section

_STRENGTH = {"exact": 3, "normalised": 2, "fuzzy": 1, "none": 0}


@dataclasses.dataclass(frozen=True)
class Located:
    """One quote placed in the article."""

    start: int
    end: int
    section: Section
    index: int
    number: int
    style: str  # exact | normalised | fuzzy | none

    @property
    def id(self) -> str:
        return f"ev-{common.anchor(self.section, self.index)}-{self.number}"


def style_of(ev: Evidence, article_length: int) -> str:
    """``exact``/``normalised``/``fuzzy``/``none`` if the quote is placed, else ``unmatched``."""
    if ev.match == "unmatched" or ev.start is None or ev.end is None:
        return "unmatched"
    if not 0 <= ev.start < ev.end <= article_length:
        return "unmatched"
    return ev.match or "none"


def locate(briefing: Briefing, article: str) -> list[Located]:
    """Every quote of ``briefing`` that has a usable place in ``article``, in item order."""
    found: list[Located] = []
    for section in common.SECTIONS:
        for i, item in enumerate(getattr(briefing, section)):
            for k, ev in enumerate(item.evidence):
                style = style_of(ev, len(article))
                if style != "unmatched" and ev.start is not None and ev.end is not None:
                    found.append(Located(ev.start, ev.end, section, i, k, style))
    return found


def first_highlights(briefing: Briefing, article: str) -> dict[tuple[str, int], str]:
    """(section, index) → id of the highlight of that item's first located quote."""
    first: dict[tuple[str, int], str] = {}
    for ev in locate(briefing, article):
        first.setdefault((ev.section, ev.index), ev.id)
    return first


def highlight(article: str, located: list[Located], back: dict[tuple[str, int], str]) -> str:
    """``article`` as escaped HTML with ``<mark>`` segments, anchors and back-links."""
    cuts = sorted({0, len(article)} | {e.start for e in located} | {e.end for e in located})
    out: list[str] = []
    for a, b in itertools.pairwise(cuts):
        out.extend(f'<span class="ev-anchor" id="{e.id}"></span>' for e in located if e.start == a)
        text = escape(article[a:b])
        cover = [e for e in located if e.start <= a and b <= e.end]
        if cover:
            best = max(cover, key=lambda e: _STRENGTH[e.style]).style
            overlap = " ev-overlap" if len(cover) > 1 else ""
            names = ", ".join(common.label(e.section, e.index) for e in cover)
            out.append(f'<mark class="ev ev-{best}{overlap}" title="{escape(names)}">{text}</mark>')
        else:
            out.append(text)
        for e in located:
            if e.end == b:
                target = back[(e.section, e.index)]
                name = common.label(e.section, e.index)
                out.append(f'<a class="ev-back" href="#{target}" title="back to {name}">{name}</a>')
    return "".join(out)


def _item_summary(briefing: Briefing, section: Section, i: int) -> str:
    b = briefing
    if section == "positions":
        p = b.positions[i]
        return (
            f"{common.actor_name(b, p.actor)}: {common.clean(p.topic)} — {common.clean(p.stance)}"
        )
    if section == "conditions":
        c = b.conditions[i]
        kind = common.KIND_WORD[c.kind].lower()
        return f"{common.actor_name(b, c.actor)} ({kind}): {common.condition_text(b, i)}"
    if section == "proposals":
        p2 = b.proposals[i]
        status = p2.status
        return f"{common.proposal_parties(b, i)} ({status}): {common.clean(p2.proposal)}"
    return common.clean(b.open_questions[i].question)


def section_html(briefing: Briefing, article: str, *, on_page: set[tuple[str, int]]) -> str:
    """The evidence view as one ``<section>``: legend, item index, highlighted article.

    ``on_page`` holds the (section, index) pairs the briefing page above shows; highlights of
    those items link back to the page, the others to this view's index.
    """
    located = locate(briefing, article)
    back: dict[tuple[str, int], str] = {}
    index: list[str] = []
    for section in common.SECTIONS:
        for i, item in enumerate(getattr(briefing, section)):
            key = common.anchor(section, i)
            back[(section, i)] = f"item-{key}" if (section, i) in on_page else f"evi-{key}"
            quotes: list[str] = []
            for k, ev in enumerate(item.evidence):
                style, quote = style_of(ev, len(article)), escape(common.clean(ev.quote))
                if style == "unmatched":
                    quotes.append(
                        f'<span class="evq ev-unmatched">“{quote}” (not found in the article)'
                        "</span>"
                    )
                else:
                    quotes.append(f'<a class="evq ev-{style}" href="#ev-{key}-{k}">“{quote}”</a>')
            name = common.label(section, i)
            up = f' <a class="ref" href="#item-{key}">↑ page</a>' if (section, i) in on_page else ""
            index.append(
                f'<li id="evi-{key}"><span class="ref">{name}</span> '
                f"{escape(_item_summary(briefing, section, i))}{up}<br>{' '.join(quotes)}</li>"
            )
    legend = (
        '<p class="legend dim"><span><mark class="ev-exact">exact</mark> found verbatim</span>'
        '<span><mark class="ev-fuzzy">fuzzy</mark> found approximately</span>'
        '<span class="ev-unmatched">unmatched</span> not found (listed, not highlighted)</p>'
    )
    return (
        '<section class="evidence" id="evidence"><h2>Evidence</h2>'
        f'{legend}<ol class="ev-index">{"".join(index)}</ol><h2>Article</h2>'
        f'<div class="article">{highlight(article, located, back)}</div></section>'
    )
