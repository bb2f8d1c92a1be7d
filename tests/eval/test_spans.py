"""Quote location (via the library's Aligner): verbatim, normalised, fuzzy, and span overlap."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from summarizer.eval.spans import ArticleIndex, Span, covered, normalise_with_map, overlap_ratio

QUOTE = "It\u2019s a light at the end\nof the tunnel\u2014really"
ARTICLE = f"He said:  \u201c{QUOTE}.\u201d Caf\u00e9 closed after a long and quiet day."


def test_exact_normalised_fuzzy_and_missing() -> None:
    index = ArticleIndex(ARTICLE)
    exact = index.find("Caf\u00e9 closed")
    assert exact is not None and exact.found == "exact"
    assert ARTICLE[exact.start : exact.end] == "Caf\u00e9 closed"
    norm = index.find('"it\'s a light at the end of the tunnel-really."')
    assert norm is not None and norm.found == "normalised"
    assert ARTICLE[norm.start : norm.end] == QUOTE
    assert index.grounded("CAF\u00c9 CLOSED")
    fuzzy = index.find("closed after a long and quite day")
    assert fuzzy is not None and fuzzy.found == "fuzzy"
    assert not index.grounded("closed after a long and quite day")
    assert index.find("a dark and stormy night in the harbour") is None
    assert index.find("   ") is None


def test_overlap_ratio() -> None:
    a = [Span(0, 10, "exact")]
    assert overlap_ratio(a, [Span(2, 5, "exact")]) == 1.0
    assert overlap_ratio(a, [Span(5, 15, "exact")]) == 0.5
    assert overlap_ratio(a, []) == 0.0
    assert covered([Span(5, 8, "exact"), Span(0, 6, "exact")]) == [(0, 8)]


def test_normalise_with_map_points_back() -> None:
    text = "A\u2019b \n\t C\u2014d"
    folded, index = normalise_with_map(text)
    assert folded == "a'b c-d"
    assert [text[i] for i in index] == ["A", "\u2019", "b", " ", "C", "\u2014", "d"]


@given(st.text(min_size=1, max_size=60), st.integers(0, 59), st.integers(1, 20))
def test_any_substring_is_grounded(text: str, start: int, length: int) -> None:
    start = min(start, len(text) - 1)
    quote = text[start : start + length]
    if not any(c.isalnum() for c in quote):
        return
    assert ArticleIndex(text).grounded(quote)
