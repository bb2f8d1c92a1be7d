"""Quotations and their speakers."""

from __future__ import annotations

from summarizer.rules.coref import find_actors
from summarizer.rules.quotes import find_quotes
from summarizer.rules.sentences import parse
from summarizer.rules.speech import attribute


def _said(text: str) -> list[tuple[str, str, str]]:
    doc = parse(text)
    actors = find_actors(doc)
    return [
        (actors.infos[s.actor].name, s.kind, text[s.start : s.end]) for s in attribute(doc, actors)
    ]


def test_find_quotes_pairs_marks_and_runs_unclosed_quotes_to_the_paragraph_end() -> None:
    text = 'He said “one two three” and "four five six.\n\nNext paragraph.'
    quotes = find_quotes(parse(text))
    assert [(text[q.start : q.end], q.closed) for q in quotes] == [
        ("one two three", True),
        ("four five six.", False),
    ]


def test_quote_then_name_said() -> None:
    text = "“We will not give up our claims to the river,” Finance Minister Omar Haddad said."
    assert _said(text) == [("Omar Haddad", "quote", "We will not give up our claims to the river,")]


def test_said_before_name_and_pronoun_before_quote() -> None:
    text = (
        'Minister Lena Fischer arrived late. "The budget is balanced now," said Fischer. '
        'She said, "We expect growth next year."'
    )
    said = _said(text)
    assert ("Lena Fischer", "quote", "The budget is balanced now,") in said
    assert ("Lena Fischer", "quote", "We expect growth next year.") in said


def test_colon_introduction_and_quote_over_paragraphs() -> None:
    text = (
        "President Ilse Brandt spoke about the harbour:\n\n"
        "“We will rebuild the harbour within two years.\n\n"
        "“Nobody will be left without work in the meantime,” she added.\n"
    )
    said = _said(text)
    assert [s[0] for s in said] == ["Ilse Brandt", "Ilse Brandt"]
    assert said[0][2].startswith("We will rebuild")


def test_chained_quotes_share_a_speaker() -> None:
    text = (
        'President Ruth Kane met them. He said, "First we talk to everyone." '
        '"Then we decide on it."'
    )
    # "He" has no male antecedent check: it resolves to the last subject, Ruth Kane
    assert [s[0] for s in _said(text) if s[1] == "quote"] == ["Ruth Kane", "Ruth Kane"]


def test_scare_quotes_and_unknown_speakers_are_not_statements() -> None:
    assert _said('The deal was called a "bad idea" by many. "It is over now," someone said.') == []
