"""Evidence-ready spans."""

from __future__ import annotations

import re

from summarizer.rules.sentences import parse
from summarizer.rules.spans import clean_span, clip, sentences_matching


def test_clean_span_drops_quote_marks_and_attribution() -> None:
    text = "“We are ready,” the minister said."
    start, end = clean_span(text, 0, len(text))
    assert text[start:end] == "We are ready"


def test_clean_span_keeps_an_inner_quotation() -> None:
    text = 'Paris will not be part of what he called a "fool\'s deal."'
    start, end = clean_span(text, 0, len(text))
    assert text[start:end] == "Paris will not be part of what he called a \"fool's deal."


def test_clip_cuts_at_a_word_boundary() -> None:
    text = "word " * 100
    start, end = clip(text, (0, len(text)), limit=23)
    assert text[start:end] == "word word word word"


def test_sentences_matching_reports_each_sentence_once() -> None:
    doc = parse("If a, b. Then c. If d, if e, f.")
    assert sentences_matching(doc, re.compile(r"\bif\b", re.I)) == {0, 2}
