"""Offline rules engine: a deterministic, model-free ``Briefing`` from an article.

Used when no model is configured, so the library and ``make demo`` work on a fresh machine.
Pure Python, standard library only, no downloads. Every evidence item is an exact slice of the
text passed in (``text[start:end] == quote``), so grounding is complete by construction.
``native`` can compile the same modules with mypyc (``make native``): same output, faster; the
compiled build is used only while it matches the sources (``BUILD`` says which one runs).

Pipeline: ``sentences`` (blocks, boilerplate, sentences) -> ``names`` + ``runs`` + ``coref``
fill the ``actors`` table (titles, roles, ``affiliation`` from context, ``gender``, later
mentions) -> ``groups`` (pairs named together, talk counterparts, "X who voted") -> ``subjects``,
``quotes`` and ``speech`` attribute statements -> ``cues`` and ``proposals`` (on ``findings``)
find conditions, proposals and open questions -> ``positions`` from the statements and, in
transcripts and first-person statements, from the speaker's sentences ranked by ``stance``,
merged by ``topics`` and capped -> one validated ``Briefing`` (``assemble``); ``meta`` adds
title, summary, date, place and language. Items stay plain records until that single validation.
"""

from . import native

BUILD = native.activate(__path__)
"""Which build of the engine modules runs: "compiled (mypyc)" or "pure Python" and why."""

from .assemble import RulesOutput, clear_caches, extract  # noqa: E402  (after activate)

__all__ = ["BUILD", "RulesOutput", "clear_caches", "extract"]
