"""Title, summary, date, place and language."""

from __future__ import annotations

import pytest

from summarizer.rules import meta
from summarizer.rules.sentences import parse


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("date 2024-02-29 Something happened.", "2024-02-29"),
        ("For Immediate Release     September 22, 2009\n\nText.", "2009-09-22"),
        ("Published 3rd March 2021. Text.", "2021-03-03"),
        ("Sept. 5, 2019 - Text.", "2019-09-05"),
        ("The talks resume November 20.", None),
        ("Version 2024-13-45 is not a date.", None),
    ],
)
def test_date(text: str, expected: str | None) -> None:
    assert meta.date(text) == expected


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("The minister said that the talks were over and that he was glad.", "en"),
        ("Le ministre a dit que les négociations sont terminées et qu'il est content.", "fr"),
        ("Der Minister sagte, dass die Gespräche nicht zu Ende sind und er froh ist.", "de"),
        ("Министр сказал, что переговоры закончены.", "ru"),
        ("Міністр сказав, що переговори її завершені.", "uk"),
        ("部长说谈判已经结束了。", "zh"),
        ("大臣は交渉が終わったと言いました。", "ja"),
        ("12345 !!! ???", "en"),
    ],
)
def test_language(text: str, code: str) -> None:
    assert meta.language(parse(text)) == code


def test_title_prefers_a_headline_over_the_first_sentence() -> None:
    doc = parse("Breaking News\n\nTalks Collapse in Vienna\n\nThe talks collapsed on Monday.")
    assert meta.title(doc) == "Talks Collapse in Vienna"
    long = parse(
        "The foreign minister of a small country said on Monday that the talks, which began in "
        "spring, had failed for good, and that nothing more could be done about it."
    )
    title = meta.title(long)
    assert title.startswith("The foreign minister") and len(title.split()) <= 22


def test_summary_is_the_lead_within_80_words() -> None:
    sentence = "The council met again today to discuss the new budget for schools. "
    summary = meta.summary(parse(sentence * 30))
    assert summary.startswith("The council met") and len(summary.split()) <= 80


def test_summary_of_a_transcript_skips_pleasantries_and_questions() -> None:
    text = (
        "MR. HALE: Good afternoon, everyone, and welcome.\n\n"
        "ENVOY DALE: Thank you very much, all of you. The talks made real progress today.\n\n"
        "Q Will there be a deal soon, do you think?\n\n"
        "ENVOY DALE: We expect to meet again next week in Geneva.\n"
    )
    assert meta.summary(parse(text)) == (
        "The talks made real progress today. We expect to meet again next week in Geneva."
    )


def test_place_from_header_or_lead() -> None:
    assert meta.place(parse("Press Room\n\nNew York, New York\n\nText here.")) == "New York"
    assert meta.place(parse("Talks ended early Sunday in Geneva with no deal.")) == "Geneva"
    assert meta.place(parse("Nothing happened anywhere.")) is None
