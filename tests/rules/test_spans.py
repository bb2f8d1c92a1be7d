"""Evidence-ready spans."""

from __future__ import annotations

import re

import pytest

from summarizer.rules.sentences import parse
from summarizer.rules.spans import (
    Alternation,
    by_first_letter,
    clean_span,
    clip,
    holds_any,
    letters_table,
    matches_in_sentences,
    starts_word,
    word_initial,
    word_matches,
)


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


def test_word_matches_equals_a_leading_word_boundary() -> None:
    text = "unless if-then Iffy if_x, (if) lift if"
    plain = [m.span() for m in re.finditer(r"\bif\b", text)]
    assert [m.span() for m in word_matches(re.compile(r"if\b"), text)] == plain
    assert starts_word(text, 0) and not starts_word(text, 2)


def test_lower_keeps_offsets_even_when_lowering_changes_length() -> None:
    for text in ("Talks In GENEVA", "İstanbul said IF", "ΣΟΦΙΑ ẞ"):
        doc = parse(text)
        assert len(doc.lower) == len(text)
    doc = parse("İstanbul said IF it rains.")
    assert doc.lower.index("if") == doc.text.index("IF")
    hits = matches_in_sentences(doc, re.compile(r"if\b"), frozenset({"if"}), lower=True)
    assert [(i, m.start()) for i, m in hits] == [(0, doc.text.index("IF"))]


def test_triggers_limit_the_search_to_sentences_holding_a_trigger_word() -> None:
    doc = parse("He said yes. “Nobody,” she said, “knows.” They asked, if at all, why.")
    assert doc.words[1] >= {"nobody", "she", "said", "knows"}
    pattern = re.compile(r"(?:said|asked)\b")
    both = {i for i, _ in matches_in_sentences(doc, pattern, frozenset({"said", "asked"}))}
    assert both == {0, 1, 2}
    assert {i for i, _ in matches_in_sentences(doc, pattern, frozenset({"asked"}))} == {2}
    hits = list(matches_in_sentences(doc, re.compile(r"if\b"), frozenset({"if"})))
    assert [(i, m.group()) for i, m in hits] == [(2, "if")]


def test_word_initial_matches_like_a_leading_word_boundary() -> None:
    fast = re.compile(f"(?:{word_initial(['we', 'our', 'I'])})\\b")
    slow = re.compile(r"\b(?:we|our|I)\b")
    for text in ("we said", "Owe we", "flour our", "I, we", "xI our_ we-", "AI", "", "sour I"):
        assert [m.span() for m in fast.finditer(text)] == [m.span() for m in slow.finditer(text)]
    assert fast.search("in our view", 3) is not None and fast.search("flour", 2) is None
    with pytest.raises(ValueError, match="literal letter"):
        word_initial(["(?:a|b)c"])


def test_holds_any_tells_whether_one_of_the_strings_is_in_the_text() -> None:
    assert holds_any("we must never", ("can", "never"))
    assert not holds_any("we will", ("can", "never"))
    assert not holds_any("anything", ())


def test_alternation_searches_only_the_letters_given_with_the_same_matches() -> None:
    branches = ["ask(?=\\s+\\w+\\s+to)", "are\\s+ready", "should", "sure"]
    alt = Alternation(branches, "(", r")\b")
    whole = re.compile("(" + word_initial(by_first_letter(branches)) + r")\b")
    text = "we should ask him to, as they are ready; unsure-should"
    assert alt.pattern.pattern == whole.pattern
    spans = [m.span() for m in whole.finditer(text)]
    assert [m.span() for m in alt.finditer(text, 0, len(text), "sa")] == spans
    assert [m.span() for m in alt.finditer(text, 0, len(text))] == spans
    found = alt.search(text, 0, len(text), "a")
    assert found is not None and found.span() == (10, 13)
    assert alt.search(text, 0, len(text), "") is None


def test_letters_table_maps_each_trigger_word_to_the_first_letters_of_its_branches() -> None:
    branches = ["only if", "if", "on (?:a |the )?condition that", "as long as"]
    table = letters_table(branches, frozenset(("if", "condition", "long", "need")))
    assert table == {"if": "oi", "condition": "o", "long": "a"}
    with pytest.raises(ValueError, match="'unless' holds none of the trigger words"):
        letters_table(["if", "unless"], frozenset(("if",)))
