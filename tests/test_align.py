"""Quote alignment (``summarizer.align``): every rung of the ladder, the occurrence rule, scripts.

Trimming convention checked by the property test: a normalised span covers the quote's core, so
it equals the original substring minus leading/trailing whitespace and punctuation (Unicode P*,
plus the minus sign, which folds to "-").
"""

from __future__ import annotations

import dataclasses
import random
import unicodedata
from pathlib import Path

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from summarizer._normalise import fold
from summarizer.align import MAX_ELLIPSIS_GAP, Aligner, Alignment

from .reference import levenshtein

ARTICLE = (
    Path(__file__).resolve().parent.parent / "fixtures/articles/2025-09-03-putin-china-press.txt"
).read_text(encoding="utf-8")
ALPHABET = (
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
    " ,.;:!?'\"()-\n\t"
    "\u2018\u2019\u201c\u201d\u2013\u2014\u2012\u2212\u2010\u2026"
    "\u00e9\u00e8\u00fc\u00f1\u00e7\u00f8\u00e5\u00df\u0130"
    "\u0430\u0431\u0432\u0433\u0434\u0436\u0438\u043a\u043b\u043c\u043d\u043e\u043f"
    "\u0440\u0441\u0442\u0443\u0444\u044f\u0401\u0411\u0416\u041f\u042f"
    "\u7684\u4e00\u662f\u4e0d\u4e86\u4eba\u6211\u5728\u6709\u4ed6\u8fd9\u4e2d\u5927"
)
DASH_FORMS = ["-", "--", "\u2014", "\u2013", "\u2212", "\u2010"]
QUOTE_FORMS = {
    "'": "\u2019",
    "\u2019": "'",
    "\u2018": "'",
    '"': "\u201c",
    "\u201c": '"',
    "\u201d": '"',
}
SPACE_FORMS = [" ", "\n", "  ", "\n\n", "\t", " \n "]


def trim(s: str) -> str:
    def edge(c: str) -> bool:
        return c.isspace() or unicodedata.category(c).startswith("P") or c == "\u2212"

    i, j = 0, len(s)
    while i < j and edge(s[i]):
        i += 1
    while j > i and edge(s[j - 1]):
        j -= 1
    return s[i:j]


def expected_score(quote: str, matched: str) -> float:
    q, m = trim(fold(quote).text), trim(fold(matched).text)
    return 1 - levenshtein(q, m) / max(len(q), len(m))


def found(text: str, a: Alignment) -> str:
    assert a.start is not None and a.end is not None
    return text[a.start : a.end]


@st.composite
def noisy_substring(draw: st.DrawFn) -> tuple[str, int, str, str]:
    text = draw(st.text(ALPHABET, min_size=1, max_size=300))
    start = draw(st.integers(0, len(text) - 1))
    end = draw(st.integers(start + 1, len(text)))
    original = text[start:end]
    out: list[str] = []
    i = 0
    while i < len(original):
        c = original[i]
        if c.isspace():
            while i < len(original) and original[i].isspace():
                i += 1
            out.append(draw(st.sampled_from(SPACE_FORMS)))
            continue
        if c in "-\u2010\u2012\u2013\u2014\u2212":
            out.append(draw(st.sampled_from(DASH_FORMS)))
        elif c in QUOTE_FORMS and draw(st.booleans()):
            out.append(QUOTE_FORMS[c])
        elif c == "\u2026" and draw(st.booleans()):
            out.append("...")
        else:
            out.append(c)
        i += 1
    quote = draw(st.sampled_from([str.lower, str.upper, str.swapcase, str]))("".join(out))
    quote = draw(st.sampled_from(["{}", '"{}"', "\u201c{}\u201d", "{}.", " {} "])).format(quote)
    return text, start, original, quote


@settings(max_examples=300, deadline=None)
@given(noisy_substring())
def test_noisy_substring_maps_back_to_the_original(case: tuple[str, int, str, str]) -> None:
    text, start, original, quote = case
    assume(trim(original))
    a = Aligner(text).align(quote, after=start)
    assert a.status in ("exact", "normalised"), a
    assert trim(found(text, a)) == trim(original)
    assert a.start is not None and a.start >= start and a.score == 1.0


@st.composite
def text_and_quote(draw: st.DrawFn) -> tuple[str, str, int]:
    text = draw(st.text(max_size=300))
    after = draw(st.integers(-5, len(text) + 5))
    if not text or draw(st.booleans()):
        return text, draw(st.text(max_size=60)), after
    start = draw(st.integers(0, len(text) - 1))
    quote = list(text[start : draw(st.integers(start + 1, len(text)))])
    for _ in range(draw(st.integers(0, 3))):  # a few edits, so fuzzy spans are exercised too
        quote.insert(draw(st.integers(0, len(quote))), draw(st.characters()))
    return text, "".join(quote), after


@settings(max_examples=300, deadline=None)
@given(text_and_quote())
def test_any_text_gives_offsets_in_bounds(case: tuple[str, str, int]) -> None:
    text, quote, after = case
    a = Aligner(text).align(quote, after=after)
    if a.status == "unmatched":
        assert a.start is None and a.end is None and 0.0 <= a.score < 0.85
    else:
        assert a.start is not None and a.end is not None
        assert 0 <= a.start <= a.end <= len(text)
        assert 0.85 <= a.score <= 1.0 and (a.score < 1.0) == (a.status == "fuzzy")
    if a.status == "exact":
        assert text[a.start : a.end] == quote.strip()


def test_exact() -> None:
    a = Aligner(ARTICLE).align("Russia\u2019s security")
    assert a == Alignment(
        ARTICLE.index("Russia\u2019s security"),
        ARTICLE.index("Russia\u2019s security") + 17,
        "exact",
        1.0,
    )


def test_straight_quotes_case_dash_and_added_quotation_marks() -> None:
    quote = (
        '"IF COMMON SENSE PREVAILS, it is possible to reach an acceptable resolution '
        'to this conflict -- especially since"'
    )
    a = Aligner(ARTICLE).align(quote)
    assert a.status == "normalised" and a.score == 1.0
    assert found(ARTICLE, a) == (
        "If common sense prevails, it is possible to reach an acceptable resolution "
        "to this conflict\u2014especially since"
    )


def test_quote_crossing_a_line_break() -> None:
    a = Aligner(ARTICLE).align("Battalion (2024) 2 Ukraine's Right to Security")
    assert a.status == "normalised"
    assert found(ARTICLE, a) == "Battalion (2024) 2\n\nUkraine\u2019s Right to Security"


def test_casefold_that_changes_length_keeps_offsets() -> None:
    text = "\u0130stanbul und die Stra\u00dfe. Noch eine Stra\u00dfe hier."
    a = Aligner(text).align("EINE STRASSE HIER")
    assert a.status == "normalised"
    assert (a.start, a.end) == (text.index("eine Stra\u00dfe"), len(text) - 1)


def test_repeated_phrase_follows_after() -> None:
    text = "The deal is off. Later he said the deal is off. Finally: THE DEAL IS OFF, again."
    aligner = Aligner(text)
    first = aligner.align("the deal is off")
    assert (first.start, first.status) == (0, "normalised")  # earliest occurrence wins
    second = aligner.align("the deal is off", after=first.end or 0)
    assert (second.start, second.status) == (text.index("the deal"), "exact")
    third = aligner.align("the deal is off", after=second.end or 0)
    assert (third.start, third.status) == (text.index("THE DEAL"), "normalised")
    wrapped = aligner.align("the deal is off", after=third.end or 0)
    assert wrapped.start == 0  # nothing after: first occurrence overall


def test_repeated_fuzzy_phrase_follows_after() -> None:
    sentence = "officials agreed to resume the grain corridor talks next week"
    text = f"In Kyiv, {sentence}. Unrelated filler text sits here. In Ankara, {sentence}."
    aligner = Aligner(text)
    quote = "officials agreed to restart the grain corridor talks next week"
    first, second = aligner.align(quote), aligner.align(quote, after=text.index("Unrelated"))
    assert first.status == second.status == "fuzzy"
    assert (first.start, second.start) == (text.index(sentence), text.rindex(sentence))


def test_cyrillic_and_accented_latin() -> None:
    a = Aligner(ARTICLE).align("официальный веб-сайт президента")
    assert a.status == "normalised"
    assert found(ARTICLE, a) == "Официальный веб-сайт Президента"
    text = "Le caf\u00e9 de Jos\u00e9 M\u00fcller a ferm\u00e9 \u00e0 Paris."
    b = Aligner(text).align("CAFE\u0301 DE JOSE\u0301 M\u00dcLLER")  # decomposed accents
    assert b.status == "normalised" and found(text, b) == "caf\u00e9 de Jos\u00e9 M\u00fcller"


def test_cjk_exact_and_fuzzy_without_spaces() -> None:
    text = (
        "\u5317\u4eac\u2014\u2014\u4fc4\u7f57\u65af\u603b\u7edf\u666e\u4eac\u4e5d\u6708\u4e09\u65e5"
        "\u8868\u793a\uff0c\u4e4c\u514b\u5170\u6709\u6743\u9009\u62e9\u81ea\u5df1\u7684\u5b89\u5168"
        "\u4f53\u7cfb\uff0c\u4f46\u8fd9\u79cd\u9009\u62e9\u4e0d\u80fd\u635f\u5bb3\u4fc4\u7f57\u65af"
        "\u7684\u5b89\u5168\u3002\u4ed6\u5728\u7ed3\u675f\u5bf9\u4e2d\u56fd\u4e3a\u671f\u56db\u5929"
        "\u7684\u8bbf\u95ee\u540e\u53d1\u8868\u4e86\u4e0a\u8ff0\u8bb2\u8bdd\u3002"
    )
    aligner = Aligner(text)
    exact = "\u4e4c\u514b\u5170\u6709\u6743\u9009\u62e9\u81ea\u5df1\u7684\u5b89\u5168\u4f53\u7cfb"
    assert aligner.align(exact).start == text.index(exact)
    original = text[text.index(exact) : text.index("\u7684\u5b89\u5168\u3002") + 3]
    edited = original.replace("\u6709\u6743\u9009\u62e9", "\u6709\u6743\u51b3\u5b9a", 1)
    a = aligner.align(edited)
    assert a.status == "fuzzy" and found(text, a) == original
    assert a.score == pytest.approx(expected_score(edited, original))


def test_cjk_sentence_inside_an_english_article() -> None:
    chinese = (
        "\u4ed6\u5728\u7ed3\u675f\u5bf9\u4e2d\u56fd\u4e3a\u671f\u56db"
        "\u5929\u7684\u8bbf\u95ee\u540e\u53d1\u8868\u4e86\u8bb2\u8bdd"
    )
    text = f"{ARTICLE}\n\nChinese summary: {chinese}. End."
    a = Aligner(text).align(chinese.replace("\u56db", "\u4e94"))
    assert a.status == "fuzzy" and found(text, a) == chinese


def test_spaceless_latin_text_uses_character_index() -> None:
    rng = random.Random(3)
    text = "".join(rng.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(3000))
    original = text[1500:1540]
    edited = original[:20] + ("x" if original[20] != "x" else "y") + original[21:]
    a = Aligner(text).align(edited)
    assert a.status == "fuzzy" and found(text, a) == original
    assert a.score == pytest.approx(1 - 1 / 40)


def test_ellipsis_skipping_words() -> None:
    quote = "I agree with those who believe \u2026 in this case the Russian Federation"
    a = Aligner(ARTICLE).align(quote)
    assert a.status == "normalised"
    assert found(ARTICLE, a).startswith("I agree with those who believe that every country")
    assert found(ARTICLE, a).endswith("in this case the Russian Federation")
    b = Aligner(ARTICLE).align("As for meetings with Zelensky ... any sense in such meetings")
    assert b.status == "normalised"
    assert found(ARTICLE, b) == (
        "As for meetings with Zelensky, I have not ruled them out. "
        "The only question is whether there is any sense in such meetings"
    )


def test_ellipsis_with_an_edited_part_is_fuzzy() -> None:
    a = Aligner(ARTICLE).align(
        "As for meetings with Zelensky [...] whether there is any point in such meetings"
    )
    assert a.status == "fuzzy" and 0.85 <= a.score < 1.0
    assert found(ARTICLE, a).endswith("any sense in such meetings")


def test_ellipsis_parts_too_far_apart() -> None:
    filler = "lorem ipsum dolor sit amet " * 30
    near = f"alpha bravo charlie {filler[: MAX_ELLIPSIS_GAP - 100]} delta echo foxtrot"
    far = f"alpha bravo charlie {filler[: MAX_ELLIPSIS_GAP + 100]} delta echo foxtrot"
    quote = "alpha bravo charlie ... delta echo foxtrot"
    assert Aligner(near).align(quote) == Alignment(0, len(near), "normalised", 1.0)
    assert Aligner(far).align(quote).status == "unmatched"


def test_trimmed_quotes() -> None:
    aligner = Aligner(ARTICLE)
    ends = aligner.align(
        "...the security of one country cannot be ensured at the expense of another..."
    )
    assert ends.status == "normalised"
    assert (
        found(ARTICLE, ends)
        == "the security of one country cannot be ensured at the expense of another"
    )
    original = (
        "He also stated that Ukrainian authorities should hold a referendum "
        "to resolve territorial disputes"
    )
    dropped = original.replace("Ukrainian ", "")
    a = aligner.align(dropped)
    assert a.status == "fuzzy" and found(ARTICLE, a) == original
    assert a.score == pytest.approx(expected_score(dropped, original))


def test_one_word_changed_and_tense_change_are_fuzzy() -> None:
    aligner = Aligner(ARTICLE)
    original = (
        "Russia has never raised the issue of receiving territories in exchange for "
        "security guarantees"
    )
    edited = original.replace("issue", "question")
    a = aligner.align(edited)
    assert a.status == "fuzzy" and found(ARTICLE, a) == original
    assert a.score == pytest.approx(expected_score(edited, original)) and 0.85 < a.score < 1.0
    tense = aligner.align("Putin suggests that a meeting with Zelensky in Moscow remains possible")
    assert tense.status == "fuzzy"
    assert (
        found(ARTICLE, tense)
        == "Putin suggested that a meeting with Zelensky in Moscow remains possible"
    )


def test_dropped_word_next_to_the_quote_edge_keeps_the_edge_word() -> None:
    aligner = Aligner(ARTICLE)
    end = aligner.align(
        "for the right of its people to speak their language and preserve their culture"
    )
    assert found(ARTICLE, end) == (
        "for the right of its people to speak their own language and preserve their culture"
    )
    start = aligner.align(
        "Donald personally asked him to consider hosting Zelensky for direct talks"
    )
    assert start.status == "fuzzy"
    assert found(ARTICLE, start) == (
        "Donald Trump personally asked him to consider hosting Zelensky for direct talks"
    )


def test_invented_quote_is_unmatched() -> None:
    a = Aligner(ARTICLE).align(
        "The Kremlin announced a new tax on imported bananas starting next year"
    )
    assert (a.start, a.end, a.status) == (None, None, "unmatched")
    assert 0.0 <= a.score < 0.85


def test_threshold_is_respected() -> None:
    edited = (
        "Russia has never raised the question of receiving territories in exchange for "
        "security guarantees"
    )
    assert Aligner(ARTICLE, fuzzy_threshold=0.99).align(edited).status == "unmatched"
    with pytest.raises(ValueError):
        Aligner(ARTICLE, fuzzy_threshold=0.0)


def test_long_article_finds_a_quote_near_its_end() -> None:
    rng = random.Random(11)
    vocab = [
        "".join(rng.choices("bcdfghklmnprstvz", k=2)) + rng.choice("aeiou") + "n"
        for _ in range(900)
    ]
    words: list[str] = []
    while sum(map(len, words)) + len(words) < 200_000:
        words.extend(rng.choices(vocab, k=rng.randint(8, 20)))
        words[-1] += "."
    sentence = "The ceasefire monitors filed their final report on the northern border crossing."
    text = " ".join(words[:-10]) + f" {sentence} " + " ".join(words[-10:])
    assert len(text) > 200_000
    aligner = Aligner(text)
    assert aligner.align(sentence).start == text.index(sentence)
    a = aligner.align(sentence.replace("final", "last"))
    assert a.status == "fuzzy" and found(text, a) == sentence.rstrip(".")


def test_empty_and_oversized_quotes() -> None:
    text = "A short article about nothing much, written for the aligner tests today."
    aligner = Aligner(text)
    assert aligner.align("") == aligner.align(" \n\t ") == Alignment(None, None, "unmatched", 0.0)
    assert aligner.align(text * 20).status == "unmatched"
    longer = aligner.align(text + " Indeed")
    assert longer.status == "fuzzy" and found(text, longer) == text.rstrip(".")
    assert Aligner("").align("anything") == Alignment(None, None, "unmatched", 0.0)


def test_after_out_of_range_and_frozen_result() -> None:
    aligner = Aligner(ARTICLE)
    assert aligner.align("Putin", after=-10).start == ARTICLE.index("Putin")
    assert aligner.align("Putin", after=10**9).start == ARTICLE.index("Putin")
    with pytest.raises(dataclasses.FrozenInstanceError):
        aligner.align("Putin").start = 3  # type: ignore[misc]
