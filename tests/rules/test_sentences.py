"""Sentence splitting: abbreviations, initials, quotations, CJK, long runs, exact spans."""

from __future__ import annotations

from summarizer.rules.sentences import MAX_SENTENCE, parse

from .helpers import sentences_of as _sentences


def test_abbreviations_and_initials_do_not_split() -> None:
    text = (
        "Mr. Smith met Dr. Jones at 10 a.m. on Friday. George W. Bush was there too. "
        "The U.S. Secretary of State spoke."
    )
    assert _sentences(text) == [
        "Mr. Smith met Dr. Jones at 10 a.m. on Friday.",
        "George W. Bush was there too.",
        "The U.S. Secretary of State spoke.",
    ]


def test_us_can_end_a_sentence_before_a_typical_starter() -> None:
    assert _sentences("She moved to the U.S. He stayed home.") == [
        "She moved to the U.S.",
        "He stayed home.",
    ]


def test_quotation_marks_stay_with_their_sentence() -> None:
    text = '"Why?" he asked. "Because we must," she said. “It works.” Then they left.'
    assert _sentences(text) == [
        '"Why?" he asked.',
        '"Because we must," she said.',
        "“It works.”",
        "Then they left.",
    ]


def test_cjk_terminators_split_and_long_runs_are_cut() -> None:
    assert _sentences("北京是首都。上海很大！") == ["北京是首都。", "上海很大！"]
    long = " ".join(["word"] * 1000) + "."
    pieces = _sentences(long)
    assert len(pieces) > 1 and all(len(p) <= MAX_SENTENCE for p in pieces)


def test_spans_are_exact_slices() -> None:
    text = "  First one.   Second “quoted” one!\n\nThird?  "
    doc = parse(text)
    for s in doc.sentences:
        assert text[s.start : s.end] == doc.sentence_text(s)
        assert not text[s.start].isspace() and not text[s.end - 1].isspace()
