"""Folding and its offset map, and the bit-parallel edit distance (``summarizer._normalise``)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from summarizer._normalise import _classify, _one_to_one, edit_profile, fold, strip_core

from .reference import levenshtein

FAST = settings(max_examples=150, deadline=None)


def originals(text: str) -> list[tuple[int, int]]:
    f = fold(text)
    return [(f.start_of(i), f.end_of(i)) for i in range(len(f.text))]


def test_fold_rules() -> None:
    assert fold("  Hello \n\n World  ").text == "hello world"
    assert (
        fold("conflict — especially, a--b, c - d, e\u2013f").text
        == "conflict-especially, a-b, c-d, e-f"
    )
    assert (
        fold("Russia\u2019s \u201cred\u201d \u00abline\u00bb\u2026").text
        == 'russia\'s "red" "line"...'
    )
    assert fold("Stra\u00dfe \u0130").text == "strasse i\u0307"
    assert fold("cafe\u0301").text == fold("caf\u00e9").text == "caf\u00e9"
    assert fold("soft\u00adhyphen zero\u200bwidth").text == "softhyphen zerowidth"


def test_map_points_at_original_characters() -> None:
    # "ß" -> "ss": both folded chars come from index 4; "…" -> "..." from index 7
    assert originals("Stra\u00dfe \u2026") == [
        (0, 1),
        (1, 2),
        (2, 3),
        (3, 4),
        (4, 5),
        (4, 5),
        (5, 6),
        (6, 7),
        (7, 8),
        (7, 8),
        (7, 8),
    ]
    # the whitespace run and the spaced dash each map to the whole run / the dash itself
    assert originals("a\n\n b \u2014 c") == [(0, 1), (1, 4), (4, 5), (6, 7), (8, 9)]
    f = fold("x  \u2014\u2014 y")
    assert f.text == "x-y" and f.span(0, 3) == (0, 7)


def test_to_folded() -> None:
    f = fold("Stra\u00dfe  und")
    assert [f.to_folded(p) for p in range(12)] == [0, 1, 2, 3, 4, 6, 7, 8, 8, 9, 10, 11]


def test_strip_core() -> None:
    assert strip_core('"it\'s a deal..." ') == "it's a deal"
    assert strip_core("-- (x) --") == "x"
    assert strip_core("?!") == ""


@FAST
@given(st.text())
def test_map_invariants(text: str) -> None:
    f = fold(text)
    spans = [(f.start_of(i), f.end_of(i)) for i in range(len(f.text))]
    assert all(0 <= s < e <= len(text) for s, e in spans)
    assert [s for s, _ in spans] == sorted(s for s, _ in spans)
    for pos in range(len(text) + 1):
        k = f.to_folded(pos)
        assert 0 <= k <= len(f.text)
        assert k == len(f.text) or spans[k][0] >= pos
        assert k == 0 or spans[k - 1][0] < pos


@FAST
@given(st.text())
def test_fast_one_to_one_path_equals_translate(text: str) -> None:
    chars = set(text)
    table, _ = _classify(chars)
    assert _one_to_one(text, chars, table) == text.translate(table)


@FAST
@given(st.text("abc", max_size=10), st.text("abcd", max_size=14))
def test_edit_profile_matches_dynamic_programming(pattern: str, text: str) -> None:
    anchored = edit_profile(pattern, text, anchored=True)
    search = edit_profile(pattern, text, anchored=False)
    assert anchored == [levenshtein(pattern, text[: j + 1]) for j in range(len(text))]
    expected = [
        min(levenshtein(pattern, text[i : j + 1]) for i in range(j + 2)) for j in range(len(text))
    ]
    assert search == expected
