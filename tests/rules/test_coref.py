"""Coreference: surnames, titles, labels, governments and capitals resolved to actors."""

from __future__ import annotations

from summarizer.rules.actors import Actors
from summarizer.rules.coref import find_actors, role_head
from summarizer.rules.sentences import parse


def _table(text: str) -> Actors:
    return find_actors(parse(text))


def _salient(table: Actors) -> dict[str, tuple[str | None, str | None, list[str]]]:
    return {a.name: (a.role, a.affiliation, list(a.aliases)) for a in table.infos if a.salient}


def test_full_mention_then_surname_and_title() -> None:
    text = (
        "Brazilian President Ana Lima said the deal was fair. Lima added that talks go on. "
        "The Brazilian president later left for Rome."
    )
    actors = _salient(_table(text))
    role, affiliation, aliases = actors["Ana Lima"]
    assert (role, affiliation) == ("President", "Brazil")
    assert "Lima" in aliases and "the Brazilian president" in aliases


def test_title_reference_skips_a_president_named_in_the_same_sentence() -> None:
    text = (
        "The President met President Kato and then left. "
        "Weeks before President Ruiz took office, the region was calm. The President spoke."
    )
    table = _table(text)
    ruiz = table.get("Ruiz")
    assert ruiz is not None and table.get("the President") == ruiz


def test_label_speaker_joins_the_full_name() -> None:
    text = (
        "Remarks by Special Envoy John Carter\n\n"
        "SENATOR CARTER: Thank you. We will continue.\n\nMR. HALE: Thanks.\n"
    )
    actors = _salient(_table(text))
    assert "Senator Carter" in actors["John Carter"][2]
    assert "Hale" in actors and "Mr. Hale" in actors["Hale"][2]


def test_governments_from_demonym_phrases_and_capitals() -> None:
    text = (
        "Polish authorities should act, the minister said. Berlin is not convinced. "
        "Talks in Berlin went on."
    )
    actors = _salient(_table(text))
    assert "Polish authorities" in actors["Poland"][2]
    assert "Berlin" in actors["Germany"][2]


def test_places_and_headings_do_not_become_people() -> None:
    text = "Red Lines And Borders\n\nTalks in New York ended. Officials met in Geneva.\n"
    assert _salient(_table(text)) == {}


def test_role_head_ignores_the_complement() -> None:
    assert role_head("Secretary of State") == "secretary"
    assert role_head("Special Envoy for Middle East Peace") == "envoy"
    assert role_head("Prime Minister") == "minister"


def test_the_secretary_resolves_to_a_secretary_of_state() -> None:
    text = "Secretary of State Ann Roe met envoys. The Secretary underscored that talks matter."
    table = _table(text)
    assert table.get("the Secretary") == table.get("Ann Roe")


def test_bare_title_label_is_the_person_who_holds_the_title() -> None:
    text = (
        "Remarks by President\xa0Ana Lima on the Budget\n\n"
        "THE PRESIDENT: We reached a deal with Speaker Ortiz today.\n\n"
        "Q Will it pass?\n\n"
        "THE PRESIDENT: I expect it will."
    )
    actors = _salient(_table(text))
    role, _, aliases = actors["Ana Lima"]
    assert role == "President" and "The President" in aliases


def test_bare_title_label_with_no_holder_becomes_the_speaker() -> None:
    text = "THE SECRETARY: Good afternoon. We support the plan.\n\nQ Why?"
    assert _salient(_table(text))["The Secretary"][0] == "Secretary"


def test_the_speaker_is_a_title_reference() -> None:
    text = "Speaker Ana Ruiz met the press. The Speaker said the vote would pass."
    table = _table(text)
    ruiz = table.get("Ana Ruiz")
    assert ruiz is not None and sum(m.actor == ruiz for m in table.mentions) == 2


def test_headline_names_wrapped_names_and_listed_subjects() -> None:
    text = (
        "Remarks by President\xa0Ana Lima Announcing a Truce Between Two Towns\n\n"
        "THE PRESIDENT: I spoke with President Paul Roche. President Roche agreed. "
        "Roche said so. Secretary of\nState Eva Stern, Envoy Tom Reed, and General Ida Holm "
        "held a call today.\n\n"
        "Q Will it hold?\n\nTHE PRESIDENT: It will hold."
    )
    actors = _salient(_table(text))
    assert "The President" in actors["Ana Lima"][2]  # the heading's President, not Roche
    assert actors["Eva Stern"][0] == "Secretary of State"  # a name wrapped over two lines
    assert {"Eva Stern", "Tom Reed", "Ida Holm"} <= set(actors)  # listed before "held"
