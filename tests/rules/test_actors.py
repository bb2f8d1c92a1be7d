"""The actor table: keys, aliases, subjects, antecedents, schema output."""

from __future__ import annotations

from summarizer.rules.actors import Actors, is_subject
from summarizer.rules.coref import find_actors
from summarizer.rules.sentences import parse


def _table(text: str) -> Actors:
    return find_actors(parse(text))


def test_add_is_idempotent_by_normalised_name_and_fills_gaps() -> None:
    table = Actors()
    first = table.add("José Martí", "person")
    again = table.add("jose marti", "person", role="Poet", aff="Cuba")
    assert first == again and len(table.infos) == 1
    assert (table.infos[first].role, table.infos[first].affiliation) == ("Poet", "Cuba")


def test_an_alias_owned_by_one_actor_is_not_given_to_another() -> None:
    table = Actors()
    a, b = table.add("Ann Lee", "person"), table.add("Bo Lee", "person")
    table.alias(a, "Lee")
    table.alias(b, "Lee")
    assert table.get("Lee") == a and "Lee" not in table.infos[b].aliases


def test_to_schema_keeps_salient_actors_only() -> None:
    table = Actors()
    kept, dropped = table.add("Ann Lee", "person"), table.add("Bo Lee", "person")
    table.infos[kept].salient = True
    names = [a.name for a in table.to_schema()]
    assert names == ["Ann Lee"] and table.infos[dropped].name not in names


def test_subject_detection() -> None:
    text = "Iran says it is ready. He visited Iran today. His Iran visit ended."
    assert is_subject(text, 0, 4, strict=True)
    assert not is_subject(text, text.index("Iran today"), text.index("Iran today") + 4)
    visit = text.index("Iran visit")
    assert not is_subject(text, visit, visit + 4, strict=True)


def test_pronoun_antecedent_prefers_the_last_subject() -> None:
    text = "Minister Olga Berg met with Paul Stone. She said it went well."
    table = _table(text)
    doc_pos = text.index("She")
    assert table.antecedent(doc_pos, 1) == table.get("Olga Berg")


def test_subjects_after_an_article_and_in_coordinations() -> None:
    def subject(text: str, name: str, strict: bool = True) -> bool:
        at = text.index(name)
        return is_subject(text, at, at + len(name), strict=strict)

    assert subject("Yesterday the European Union says it will act.", "European Union")
    assert not subject("Talks with the European Union ended.", "European Union")
    both = "Neither the Sudanese Army nor the Rapid Support Forces have agreed."
    assert subject(both, "Sudanese Army") and subject(both, "Rapid Support Forces")
    assert subject("The United States and President Ruiz stand ready.", "United States")
    assert subject("Iran and France say talks failed.", "France")
    assert not subject("Talks with Iran and France ended.", "Iran")
