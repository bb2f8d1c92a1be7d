"""Reading one capitalised run as demonym + title + name."""

from __future__ import annotations

from summarizer.rules.names import NameRun, parse_runs


def _runs(text: str) -> list[NameRun]:
    return parse_runs(text, 0, len(text))


def _people(text: str) -> list[tuple[str | None, str | None, str | None]]:
    return [(r.name, r.role, r.affiliation) for r in _runs(text) if r.kind == "person"]


def test_demonym_title_and_name() -> None:
    assert _people("Yesterday German Chancellor Anna Maria Weber arrived.") == [
        ("Anna Maria Weber", "Chancellor", "Germany")
    ]


def test_role_with_a_complement_and_a_dotted_demonym() -> None:
    assert _people("U.S. Secretary of State Jane Doe flew in.") == [
        ("Jane Doe", "Secretary of State", "United States")
    ]
    assert _people("Israeli Minister of Defense Avi Cohen agreed.") == [
        ("Avi Cohen", "Minister of Defense", "Israel")
    ]


def test_lower_case_role_after_an_organisation() -> None:
    text = "European Union foreign affairs chief Maria Rossi said so."
    assert _people(text) == [("Maria Rossi", "foreign affairs chief", "European Union")]


def test_surname_with_title_and_trailing_affiliation() -> None:
    runs = _runs("He met Prime Minister Dubois of France.")
    person = [r for r in runs if r.name == "Dubois"]
    assert person and person[0].role == "Prime Minister" and person[0].affiliation == "France"


def test_countries_organisations_and_possessives() -> None:
    runs = {r.name: r for r in _runs("The United States and NATO met. Russia’s army waited.")}
    assert runs["United States"].kind == "country"
    assert runs["NATO"].kind == "org"
    assert runs["Russia"].kind == "country" and runs["Russia"].possessive


def test_title_alone_and_sentence_starters_are_not_people() -> None:
    assert _people("The President spoke. However, nothing changed.") == []
    assert [r.kind for r in _runs("The President spoke.")] == ["title"]


def test_offsets_point_at_the_name() -> None:
    text = "Russian President Ivan Petrov said."
    (run,) = _runs(text)
    assert text[run.name_start : run.name_end] == "Ivan Petrov"
    assert text[run.start : run.end] == "Russian President Ivan Petrov"
