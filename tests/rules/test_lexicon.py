"""Consistency of the word lists."""

from __future__ import annotations

import re

from summarizer.rules import lexicon as lx


def test_demonyms_and_capitals_point_at_known_countries() -> None:
    countries = set(lx.COUNTRIES.values()) | {"European Union", "Korea"}
    assert set(lx.DEMONYMS.values()) <= countries
    assert set(lx.CAPITALS.values()) <= countries
    assert lx.DEMONYMS["russian"] == "Russia" and lx.DEMONYMS["u.s."] == "United States"


def test_role_heads_are_title_words_and_lists_are_lower_case() -> None:
    assert lx.ROLE_HEADS <= lx.TITLE_WORDS
    for words in (lx.TITLE_WORDS, lx.NOT_NAMES, lx.SPEECH_VERBS, lx.BARE_CLAUSE_VERBS):
        assert all(w == w.lower() for w in words)


def test_trie_pattern_matches_exactly_the_words_longest_first() -> None:
    pattern = re.compile(
        rf"\b{lx.trie_pattern(['said', 'says', 'sa', 'told reporters', 'told'])}\b"
    )
    text = "he said, she says; sa told reporters told sad"
    assert [m.group() for m in pattern.finditer(text)] == [
        "said",
        "says",
        "sa",
        "told reporters",
        "told",
    ]
