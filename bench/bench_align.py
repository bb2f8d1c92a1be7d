"""Benchmark the quote aligner on 50k, 100k and 200k-character articles.

Why: alignment runs on every quote of every briefing, and the fuzzy rung must not be quadratic.
Each article is generated deterministically (seeded RNG) from a pseudo-word vocabulary with
Zipf-like frequencies mixed with sentences from ``fixtures/articles`` (curly quotes, em dashes,
Cyrillic), so phrases are mostly unique rather than one paragraph repeated. 500 quotes are drawn
per article: ~60 % exact, ~25 % with normalisation noise, ~10 % lightly edited, ~5 % invented.
Reported: median of 5 runs of ``Aligner(text)`` and of aligning all 500 quotes, the growth ratio
200k/50k (linear would be ~4) and the match statuses per quote kind.

Run: ``.venv/bin/python bench/bench_align.py``
"""

from __future__ import annotations

import random
import re
import statistics
import time
from collections import Counter
from pathlib import Path

from summarizer.align import Aligner

ROOT = Path(__file__).resolve().parent.parent
SIZES = (50_000, 100_000, 200_000)
QUOTES = 500
RUNS = 5
KINDS = ("exact", "noisy", "edited", "invented")
WEIGHTS = (60, 25, 10, 5)
FUNCTION_WORDS = ["the", "of", "and", "to", "in", "a", "that", "is", "for", "on", "with", "as"]


def vocabulary(rng: random.Random, size: int = 4000) -> list[str]:
    syllables = [c + v for c in "bcdfghklmnprstvz" for v in "aeiou"] + ["str", "ion", "ent"]
    words = {"".join(rng.choices(syllables, k=rng.randint(1, 4))) for _ in range(size * 2)}
    return FUNCTION_WORDS + sorted(words)[:size]


def fixture_sentences() -> list[str]:
    text = " ".join(
        p.read_text(encoding="utf-8") for p in (ROOT / "fixtures/articles").glob("*.txt")
    )
    return [s for s in re.split(r"(?<=[.!?”])\s+", text) if 40 <= len(s) <= 400]


def make_article(size: int, seed: int) -> str:
    rng = random.Random(seed)
    vocab = vocabulary(rng)
    weights = [1 / (rank + 1) for rank in range(len(vocab))]
    real = fixture_sentences()
    paragraphs: list[str] = []
    total = 0
    while total < size:
        sentences = []
        for _ in range(rng.randint(2, 6)):
            if rng.random() < 0.3:
                sentences.append(rng.choice(real))
                continue
            words = rng.choices(vocab, weights, k=rng.randint(8, 24))
            if rng.random() < 0.2:
                words.insert(rng.randint(1, len(words) - 1), "—")
            sentence = " ".join(words).replace(" — ", "—").capitalize() + "."
            sentences.append(f"“{sentence}”" if rng.random() < 0.15 else sentence)
        paragraphs.append(" ".join(sentences))
        total += len(paragraphs[-1]) + 2
    return "\n\n".join(paragraphs)[:size]


def noisy(quote: str, rng: random.Random) -> str:
    out = quote.replace("’", "'").replace("“", '"').replace("”", '"')
    out = out.replace("—", rng.choice([" - ", "--", " — "]))
    out = re.sub(r"\s+", " ", out)
    out = rng.choice([str.lower, str.upper, str.capitalize, str])(out)
    return rng.choice(['"{}"', "{}.", "“{}”", "{}"]).format(out)


def edited(words: list[str], vocab: list[str], rng: random.Random) -> str:
    words = list(words)
    i = rng.randrange(1, len(words) - 1)
    action = rng.choice(("change", "drop", "insert", "tense"))
    if action == "change":
        words[i] = rng.choice(vocab[20:])
    elif action == "drop":
        del words[i]
    elif action == "insert":
        words.insert(i, rng.choice(vocab[20:]))
    else:
        words[i] = words[i] + "ed"
    return " ".join(words)


def make_quotes(text: str, seed: int) -> list[tuple[str, str]]:
    rng = random.Random(seed)
    vocab = vocabulary(random.Random(seed + 1))
    spans = [m.span() for m in re.finditer(r"\S+", text)]
    quotes: list[tuple[str, str]] = []
    for kind in rng.choices(KINDS, WEIGHTS, k=QUOTES):
        n = rng.randint(8, 24)
        first = rng.randrange(len(spans) - n)
        original = text[spans[first][0] : spans[first + n - 1][1]]
        if kind == "exact":
            quotes.append((kind, original))
        elif kind == "noisy":
            quotes.append((kind, noisy(original, rng)))
        elif kind == "edited":
            quotes.append((kind, edited(original.split(), vocab, rng)))
        else:
            quotes.append((kind, " ".join(rng.choices(vocab[20:], k=n)).capitalize()))
    return quotes


def run(text: str, quotes: list[tuple[str, str]]) -> tuple[float, float, Counter[tuple[str, str]]]:
    t0 = time.perf_counter()
    aligner = Aligner(text)
    t1 = time.perf_counter()
    statuses = Counter((kind, aligner.align(q).status) for kind, q in quotes)
    t2 = time.perf_counter()
    return t1 - t0, t2 - t1, statuses


def main() -> None:
    header = f"{'size':>8} {'build ms':>9} {'align ms':>9} {'total ms':>9}"
    print(f"{header}  statuses (quote kind: status=count)")
    totals: dict[int, float] = {}
    for size in SIZES:
        text = make_article(size, seed=size)
        quotes = make_quotes(text, seed=size + 7)
        results = [run(text, quotes) for _ in range(RUNS)]
        build = statistics.median(r[0] for r in results) * 1000
        align = statistics.median(r[1] for r in results) * 1000
        totals[size] = statistics.median(r[0] + r[1] for r in results) * 1000
        counts = results[0][2]
        summary = "; ".join(
            f"{kind}: " + " ".join(f"{s}={n}" for (k, s), n in sorted(counts.items()) if k == kind)
            for kind in KINDS
        )
        print(f"{size:>8} {build:>9.1f} {align:>9.1f} {totals[size]:>9.1f}  {summary}")
    print(f"growth 200k/50k (total): {totals[200_000] / totals[50_000]:.2f} (linear ~4)")


if __name__ == "__main__":
    main()
