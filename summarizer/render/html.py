"""HTML: one self-contained file (inline CSS, no script, no external asset) that prints on A4.

``render_html`` lays out the selection ``fit`` makes, so the briefing page prints on exactly one
A4 sheet; with ``article`` it appends the evidence view as a second section that starts on a new
printed page (``break-before: page``) and is not part of the one-page rule. ``render_evidence``
gives the evidence view alone as its own document. Every string from the briefing or the article
is escaped with ``html.escape``: a ``<script>`` in either shows as text.
"""

from __future__ import annotations

import functools
import re
from html import escape
from importlib import resources

from ..schema import Briefing, Evidence
from . import common, evidence
from .common import Section
from .fit import Fitted, fit
from .layout import COLUMNS


@functools.cache
def stylesheet() -> str:
    """The page's CSS (``briefing.css``, shipped inside the package)."""
    return resources.files(__package__).joinpath("briefing.css").read_text(encoding="utf-8")


def document(title: str, body: str, *, lang: str = "en") -> str:
    """A complete HTML document with the stylesheet inlined."""
    lang = lang if re.fullmatch(r"[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*", lang) else "en"
    return (
        f'<!DOCTYPE html>\n<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="generator" content="summarizer">\n'
        f"<title>{escape(title)}</title>\n<style>\n{stylesheet()}</style>\n</head>\n"
        f"<body>\n{body}\n</body>\n</html>\n"
    )


def _cols(name: str) -> str:
    return (
        "<colgroup>" + "".join(f'<col style="width:{p}%">' for p in COLUMNS[name]) + "</colgroup>"
    )


class _Page:
    """Builds the one-page briefing from a ``Fitted`` selection."""

    def __init__(self, f: Fitted, links: dict[tuple[str, int], str]) -> None:
        self.f, self.b, self.links = f, f.briefing, links

    def ref(self, section: Section, i: int, quotes: list[Evidence]) -> str:
        name = common.label(section, i)
        target = self.links.get((section, i))
        tag = f'<a class="ref" href="#{target}"' if target else '<span class="ref"'
        tag += f' title="evidence for {name}">{name}</a>' if target else f">{name}</span>"
        marks = "".join(
            f'<span class="m-{ev.match or "none"}">{common.MATCH_SYMBOL[ev.match]}</span>'
            for ev in quotes
        )
        shown = ""
        if self.f.quotes != 0:
            for ev in quotes[: self.f.quotes]:
                cls = "quote unmatched" if ev.match == "unmatched" else "quote"
                shown += f'<div class="{cls}">“{escape(common.clean(ev.quote))}”</div>'
        return f' <span class="tag">{tag}<span class="marks"> {marks}</span></span>{shown}'

    def heading(self, title: str, section: str) -> str:
        kept, total = len(getattr(self.f, section)), len(getattr(self.b, section))
        count = f' <span class="count">· {kept} of {total} shown</span>' if kept < total else ""
        return f"<h2>{title}{count}</h2>"

    def actors(self) -> str:
        rows = "".join(
            f"<tr><th>{escape(common.clean(a.name))}</th>"
            f"<td>{escape(common.clean(a.role)) or '—'}</td>"
            f"<td>{escape(common.clean(a.affiliation)) or '—'}</td></tr>"
            for a in (self.b.actors[i] for i in self.f.actors)
        )
        head = "<thead><tr><th>Name</th><th>Role</th><th>Affiliation</th></tr></thead>"
        body = f"<table>{_cols('actors')}{head}<tbody>{rows}</tbody></table>"
        return self.heading("Actors", "actors") + body

    def positions(self) -> str:
        rows = []
        for name, items in common.group_positions(self.b, self.f.positions):
            cells = "".join(
                f'<div class="item" id="item-{common.anchor("positions", i)}">'
                f'<span class="topic">{escape(common.clean(p.topic))}</span> — '
                f"{escape(common.clean(p.stance))}{self.ref('positions', i, p.evidence)}</div>"
                for i, p in ((i, self.b.positions[i]) for i in items)
            )
            rows.append(f'<tr><th scope="row">{escape(name)}</th><td>{cells}</td></tr>')
        body = f"<table>{_cols('positions')}<tbody>{''.join(rows)}</tbody></table>"
        return self.heading("Positions", "positions") + body

    def conditions(self) -> str:
        rows = []
        for i in self.f.conditions:
            c = self.b.conditions[i]
            rows.append(
                f'<tr id="item-{common.anchor("conditions", i)}">'
                f'<td><span class="badge k-{c.kind}">{common.KIND_WORD[c.kind]}</span></td>'
                f"<td>{escape(common.actor_name(self.b, c.actor))}</td>"
                f"<td>{escape(common.condition_text(self.b, i))}"
                f"{self.ref('conditions', i, c.evidence)}</td></tr>"
            )
        body = f"<table>{_cols('conditions')}<tbody>{''.join(rows)}</tbody></table>"
        return self.heading("Conditions and red lines", "conditions") + body

    def proposals(self) -> str:
        rows = []
        for i in self.f.proposals:
            p = self.b.proposals[i]
            badge = (
                f'<span class="badge st-{p.status}"><span class="sym">'
                f"{common.STATUS_SYMBOL[p.status]}</span>{common.STATUS_WORD[p.status]}</span>"
            )
            rows.append(
                f'<tr id="item-{common.anchor("proposals", i)}"><td>{badge}</td>'
                f"<td>{escape(common.proposal_parties(self.b, i))}</td>"
                f"<td>{escape(common.clean(p.proposal))}"
                f"{self.ref('proposals', i, p.evidence)}</td></tr>"
            )
        body = f"<table>{_cols('proposals')}<tbody>{''.join(rows)}</tbody></table>"
        return self.heading("Proposals", "proposals") + body

    def questions(self) -> str:
        items = "".join(
            f'<li id="item-{common.anchor("open_questions", i)}">'
            f"{escape(common.clean(q.question))}{self.ref('open_questions', i, q.evidence)}</li>"
            for i, q in ((i, self.b.open_questions[i]) for i in self.f.open_questions)
        )
        return (
            f'{self.heading("Open questions", "open_questions")}<ul class="questions">{items}</ul>'
        )

    def html(self) -> str:
        f, b = self.f, self.b
        dateline = '<span class="sep">|</span>'.join(
            f"<span><b>{key}</b> {escape(value)}</span>" for key, value in common.dateline(b)
        )
        kicker = f"<span>Briefing</span><span>{escape(common.clean(b.date))}</span>"
        parts = [
            '<main class="page" id="briefing">',
            '<header class="masthead">',
            f'<p class="kicker">{kicker}</p>',
            f"<h1>{escape(f.title)}</h1>",
            f'<p class="dateline">{dateline or "<span>Source not recorded</span>"}</p>',
            "</header>",
            f'<section class="summary"><p>{escape(f.summary)}</p></section>',
        ]
        for name, build in (
            ("actors", self.actors),
            ("positions", self.positions),
            ("conditions", self.conditions),
            ("proposals", self.proposals),
            ("open_questions", self.questions),
        ):
            if getattr(f, name):
                parts.append(f'<section class="block {name}">{build()}</section>')
        if f.note:
            parts.append(f'<p class="left-out">{escape(f.note)}</p>')
        lines = [*common.footer_lines(b), common.MATCH_LEGEND]
        parts.append("<footer>" + "".join(f"<p>{escape(x)}</p>" for x in lines) + "</footer>")
        parts.append("</main>")
        return "\n".join(parts)


def render_html(briefing: Briefing, *, article: str | None = None, one_page: bool = True) -> str:
    """The briefing page; with ``article``, followed by the evidence view on a new page."""
    f = fit(briefing, one_page=one_page)
    links = evidence.first_highlights(briefing, article) if article is not None else {}
    body = _Page(f, links).html()
    if article is not None:
        on_page: set[tuple[str, int]] = {(s, i) for s in common.SECTIONS for i in f.kept(s)}
        body += "\n" + evidence.section_html(briefing, article, on_page=on_page)
    return document(f"Briefing: {f.title}", body, lang=briefing.language)


def render_evidence(briefing: Briefing, article: str) -> str:
    """The evidence view alone, as its own HTML document."""
    body = evidence.section_html(briefing, article, on_page=set())
    return document(f"Evidence: {common.clean(briefing.title)}", body, lang=briefing.language)
