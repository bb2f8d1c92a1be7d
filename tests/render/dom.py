"""A tiny HTML inspector for the tests: elements, ids, local links and text, via html.parser."""

from __future__ import annotations

import dataclasses
from html.parser import HTMLParser


@dataclasses.dataclass
class Dom(HTMLParser):
    """Feed it a document; then read ``tags``, ``ids``, ``links`` and ``text``."""

    tags: list[tuple[str, dict[str, str | None]]] = dataclasses.field(default_factory=list)
    ids: list[str] = dataclasses.field(default_factory=list)
    links: list[str] = dataclasses.field(default_factory=list)
    chunks: list[str] = dataclasses.field(default_factory=list)
    in_style: bool = False

    def __post_init__(self) -> None:
        super().__init__(convert_charrefs=True)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        self.tags.append((tag, found))
        if found.get("id"):
            self.ids.append(str(found["id"]))
        href = found.get("href")
        if href is not None:
            self.links.append(href)
        self.in_style = tag == "style"

    def handle_endtag(self, tag: str) -> None:
        self.in_style = False

    def handle_data(self, data: str) -> None:
        if not self.in_style:
            self.chunks.append(data)

    @property
    def text(self) -> str:
        return "".join(self.chunks)

    def names(self) -> set[str]:
        return {tag for tag, _ in self.tags}

    def with_class(self, name: str) -> list[dict[str, str | None]]:
        return [a for _, a in self.tags if name in (a.get("class") or "").split()]


def parse(document: str) -> Dom:
    dom = Dom()
    dom.feed(document)
    dom.close()
    return dom
