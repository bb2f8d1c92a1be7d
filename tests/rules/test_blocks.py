"""Blocks: boilerplate, headings, datelines, speaker labels, hard-wrapped lines."""

from __future__ import annotations

from summarizer.rules.sentences import parse

from .helpers import sentences_of as _sentences


def test_boilerplate_and_headings_are_not_sentences() -> None:
    text = (
        "Accessibility links\n\nBreaking News\n\nTalks End Without a Deal\n\n"
        "The talks ended on Sunday.\nXS\nSM\nMD\nLG\n"
        "Photo: agency by someone, https://example.org/licence\n"
    )
    doc = parse(text)
    kinds = [(b.kind, text[b.start : b.end]) for b in doc.blocks]
    assert kinds[0] == ("boilerplate", "Accessibility links")
    assert kinds[1] == ("boilerplate", "Breaking News")
    assert kinds[2] == ("heading", "Talks End Without a Deal")
    assert [k for k, body in kinds if body in ("XS", "SM", "MD", "LG")] == ["boilerplate"] * 4
    assert kinds[-1][0] == "boilerplate"
    assert _sentences(text) == ["The talks ended on Sunday."]


def test_every_kind_of_page_line_is_boilerplate() -> None:
    lines = """Skip to main content;LIVE;Search;Home;Share this story;Print;E-mail;Comments
    ;Advertisement;Sponsored;SUBSCRIBE to our newsletter;Sign up now;Log in to read;Related stories
    ;Read more: the talks;Follow us on X;Toggle navigation;Cookies policy;Photo: Reuters
    ;Images| AFP;Pictures: AP;Video: the talks;Credits: AP;Source: Reuters;Caption: the envoy
    ;Image by AP;Watch: the talks;Listen: the podcast;See also: the talks;Copyright 2025 AP
    ;© AP 2025;All rights reserved.;For Immediate Release;END;###;- 30 -;10:30 a.m. EST
    ;Office of the Press Secretary;* * *;https://example.org/talks;www.example.org"""
    bodies = [line.strip() for line in lines.split(";")]
    doc = parse("\n\n".join(bodies))
    assert [b.kind for b in doc.blocks] == ["boilerplate"] * len(bodies)


def test_transcript_labels_are_split_off_and_carried_over() -> None:
    text = (
        "MR. GIBBS: Good afternoon.\n\nSENATOR MITCHELL: Thank you. We met today.\n\n"
        "It went well.\n\nQ Did it?\n\nQ -- and then?\n"
    )
    doc = parse(text)
    labels = [(b.label, b.speaker) for b in doc.blocks]
    assert labels == [
        ("MR. GIBBS", "MR. GIBBS"),
        ("SENATOR MITCHELL", "SENATOR MITCHELL"),
        (None, "SENATOR MITCHELL"),
        ("Q", "Q"),
        ("Q", "Q"),
    ]
    assert _sentences(text)[:3] == ["Good afternoon.", "Thank you.", "We met today."]


def test_dateline_is_not_part_of_the_first_sentence() -> None:
    assert _sentences("date 2025-09-03 The minister spoke. He left.")[0] == "The minister spoke."
    assert _sentences("GENEVA (Reuters) — Talks resumed. Nobody came.")[0] == "Talks resumed."


def test_hard_wrapped_lines_join_into_one_paragraph() -> None:
    text = "The minister said on Monday that the talks would\ncontinue next week in Vienna.\n"
    assert _sentences(text) == [  # matched with the wrap made a space, quoted as written
        "The minister said on Monday that the talks would continue next week in Vienna."
    ]
    doc = parse(text)
    first = doc.sentences[0]
    assert doc.original[first.start : first.end] == text.strip()


def test_hard_wrapped_text_joins_lines_up_to_a_blank_line_or_label() -> None:
    paragraph = (  # wrapped at about 60 characters, sentences running over line ends
        "The committee met again on Tuesday, and the chair said that the\n"
        "talks had gone well. It was late. Most members stayed for it.\n"
        "The final vote was taken, and nobody left the room early that night."
    )
    text = "\n\n".join([paragraph] * 4 + ["MR. SMITH: Thank you.\nWe will go on."])
    doc = parse(text)
    prose = [b for b in doc.blocks if b.kind == "prose"]
    assert len(prose) == 5  # four wrapped paragraphs, one labelled turn
    assert doc.sentence_text(doc.sentences[1]) == "It was late."
    assert doc.original[doc.sentences[0].start : doc.sentences[0].end].endswith(
        "the\ntalks had gone well."
    )
    assert prose[-1].label == "MR. SMITH"


def test_lines_of_prose_stay_separate_paragraphs_when_not_wrapped() -> None:
    text = "First paragraph ends here.\nSecond paragraph starts here.\n\nThird one."
    assert len([b for b in parse(text).blocks if b.kind == "prose"]) == 3


def test_page_labels_are_not_transcript_speakers() -> None:
    doc = parse("Talks ended.\n\nWATCH: Related video of the talks\n\nThe envoy left early.")
    assert [b.kind for b in doc.blocks] == ["prose", "boilerplate", "prose"]
    assert all(b.speaker is None for b in doc.blocks)


def test_question_labels_are_the_reporters_q() -> None:
    doc = parse(
        "SECRETARY RUBIO:  Hello.\n\nQUESTION:  Is there a threat?\n\nSECRETARY RUBIO:  No."
    )
    assert [b.speaker for b in doc.blocks] == ["SECRETARY RUBIO", "Q", "SECRETARY RUBIO"]
