"""Gender of people from titles and given names, and pronouns that respect it."""

from __future__ import annotations

from summarizer.rules import extract
from summarizer.rules.coref import find_actors
from summarizer.rules.gender import gender_of, pronoun_gender
from summarizer.rules.sentences import parse


def test_gender_from_honorific_title_and_given_name() -> None:
    assert gender_of("Gibbs", None, "Mr.") == "m"
    assert gender_of("Lopez", "spokeswoman") == "f"
    assert gender_of("Maria Lopez") == "f" and gender_of("John Smith") == "m"
    assert gender_of("Kim Lee") == "m"  # the list is small and may be wrong; it is a tie-break
    assert gender_of("Taylor Quinn") is None
    assert pronoun_gender("She") == "f" and pronoun_gender("him") == "m"
    assert pronoun_gender("they") is None


def test_she_skips_the_man_named_last() -> None:
    text = "Foreign Minister John Smith met Maria Lopez on Monday. She said the talks went well."
    table = find_actors(parse(text))
    pos = text.index("She")
    woman = table.antecedent(pos, 1, gender="f")
    assert woman is not None and table.infos[woman].name == "Maria Lopez"
    anyone = table.antecedent(pos, 1)
    assert anyone is not None and table.infos[anyone].name == "John Smith"


def test_reported_speech_by_she_goes_to_the_woman() -> None:
    text = (
        "Senator Maria Lopez met Governor John Smith on Monday. "
        "She said the budget would pass by June."
    )
    b = extract(text).briefing
    (position,) = b.positions
    assert position.actor == "Maria Lopez"


def test_unknown_gender_is_compatible_with_any_pronoun() -> None:
    text = "Minister Taylor Quinn arrived. She said the plan would work."
    b = extract(text).briefing
    assert [p.actor for p in b.positions] == ["Taylor Quinn"]
