"""Speaker candidates: labels, pronouns, anonymous sources, bylines."""

from __future__ import annotations

from summarizer.rules.coref import find_actors
from summarizer.rules.sentences import parse
from summarizer.rules.speech import Attribution
from summarizer.rules.subjects import label_actor


def test_label_actor_reads_the_surname_of_a_label() -> None:
    doc = parse("Remarks by Envoy Mark Dale\n\nENVOY DALE: We met.\n\nQ Did you?\n")
    actors = find_actors(doc)
    assert label_actor(actors, "ENVOY DALE") == actors.get("Mark Dale")
    assert label_actor(actors, "Q") is None


def test_anonymous_source_becomes_an_actor_when_it_speaks() -> None:
    doc = parse("A senior official said the plan was dead. An official car waited outside.")
    actors = find_actors(doc)
    said = Attribution(doc, actors).run()
    assert [actors.infos[s.actor].name for s in said] == ["Senior official"]
    assert "A senior official" in actors.infos[said[0].actor].aliases


def test_byline_needs_a_person_after_statement_by() -> None:
    doc = parse("Statement by the Ministry of Health\n\nWe will act.\n")
    assert Attribution(doc, find_actors(doc)).byline is None
    doc = parse("Statement by President Ida Moe\n\nWe will act.\n")
    actors = find_actors(doc)
    assert Attribution(doc, actors).byline == actors.get("Ida Moe")


def test_pronouns_do_not_cross_into_another_speakers_turn() -> None:
    text = (
        "Remarks by Envoy Mark Dale\n\nQ Minister Lia Holm was there. What did she want?\n\n"
        "ENVOY DALE: He said nothing new.\n"
    )
    doc = parse(text)
    actors = find_actors(doc)
    said = Attribution(doc, actors).run()
    assert all(actors.infos[s.actor].name != "Lia Holm" for s in said)
