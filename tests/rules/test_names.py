"""Reading one capitalised run as demonym + title + name."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from summarizer.rules.names import RUN, NameRun, parse_match
from summarizer.rules.runs import _RUN, parse_runs

_PIECES = [
    "Jean-Luc ",
    "O'Neil",
    "U.S. ",
    "Mr. ",
    "of ",
    "the ",
    "Ä",
    "x",
    ".",
    "-",
    "’",
    " ",
    "Iran's ",
    "De",
    "9",
    "_",
    "\n",
    "ǅ",
]


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


def test_stacked_titles_joined_by_and_keep_the_name_clean() -> None:
    text = (
        "He spoke with Jordan's Deputy Prime Minister and Minister of Foreign Affairs and "
        "Expatriates Ayman Safadi today."
    )
    (person,) = [r for r in _runs(text) if r.kind == "person"]
    assert person.name == "Ayman Safadi"
    assert person.role == "Deputy Prime Minister and Minister of Foreign Affairs and Expatriates"
    assert person.affiliation == "Jordan"
    assert text[person.name_start : person.name_end] == "Ayman Safadi"
    assert _people("Russian Deputy Prime Minister and Minister of Energy Ivan Petrov spoke.") == [
        ("Ivan Petrov", "Deputy Prime Minister and Minister of Energy", "Russia")
    ]


def test_two_titles_for_two_people_are_not_stacked() -> None:
    runs = _runs("The Secretary and Foreign Minister discussed the plan.")
    assert [(r.kind, r.role) for r in runs] == [
        ("title", "Secretary"),
        ("title", "Foreign Minister"),
    ]
    people = _people("President Ana Lima and Prime Minister Jon Berg met.")
    assert people == [("Ana Lima", "President", None), ("Jon Berg", "Prime Minister", None)]


def test_a_possessive_country_is_the_affiliation_of_the_title_after_it() -> None:
    assert _people("Iran's Foreign Minister Mohammad Javad Zarif said so.") == [
        ("Mohammad Javad Zarif", "Foreign Minister", "Iran")
    ]
    assert _people("Iran's neighbour Jon Berg said so.") == [("Jon Berg", None, None)]


def test_cached_runs_come_back_at_their_own_offsets() -> None:
    text = "Putin met Zelensky. Then Putin left. Zelensky stayed."
    first = parse_runs(text, 0, 19)
    second = parse_runs(text, 20, len(text))
    assert [text[r.name_start : r.name_end] for r in first + second] == [
        "Putin", "Zelensky", "Putin", "Zelensky"
    ]  # fmt: skip
    assert [r.start for r in second] == [text.index("Putin", 20), text.index("Zelensky", 20)]
    assert parse_match("Putin") is parse_match("Putin")


@given(st.lists(st.sampled_from(_PIECES), max_size=40).map("".join))
@settings(max_examples=200, deadline=None)
def test_capital_scan_finds_what_the_run_pattern_finds(text: str) -> None:
    assert [m.span() for m in _RUN.finditer(text)] == [m.span() for m in RUN.finditer(text)]


def _named(text: str) -> list[tuple[str | None, str | None]]:
    return [(r.name, r.role) for r in parse_runs(text, 0, len(text)) if r.kind == "person"]


def test_particles_nicknames_and_a_leading_neither() -> None:
    assert _named("Syrian President Bashar al-Assad said no.") == [("Bashar al-Assad", "President")]
    assert _named("Spokesperson Thomas “Tommy” Pigott spoke.") == [
        ("Thomas “Tommy” Pigott", "Spokesperson")
    ]
    runs = parse_runs("Neither the Rapid Support Forces nor", 0, 36)
    assert [(r.kind, r.name) for r in runs] == [("org", "Rapid Support Forces")]
