"""Slow, obviously-correct reference implementations the fast code is checked against."""

from __future__ import annotations


def levenshtein(a: str, b: str) -> int:
    """Textbook edit distance (one row of the dynamic programme)."""
    row = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        prev, row[0] = row[0], i
        for j, cb in enumerate(b, 1):
            prev, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, prev + (ca != cb))
    return row[-1]
