"""Affiliations from the context: page headers and the government in the news."""

from __future__ import annotations

from summarizer.rules.actors import Actors
from summarizer.rules.coref import find_actors
from summarizer.rules.sentences import parse


def _affiliations(text: str) -> dict[str, str | None]:
    table: Actors = find_actors(parse(text))
    return {a.name: a.affiliation for a in table.infos if a.kind == "person"}


def test_official_after_a_government_subject_belongs_to_it() -> None:
    text = (
        "Talks ended with no deal, but Iran says it is not disappointed.\n\n"
        "Foreign Minister Mohammad Javad Zarif told reporters the talks were good."
    )
    assert _affiliations(text)["Mohammad Javad Zarif"] == "Iran"


def test_no_affiliation_when_the_context_is_ambiguous_or_absent() -> None:
    two = "Iran and France say talks failed. Foreign Minister Ali Karimi left early."
    assert _affiliations(two)["Ali Karimi"] is None
    none = "The talks failed. Foreign Minister Ali Karimi left early."
    assert _affiliations(none)["Ali Karimi"] is None
    far = (
        "Iran says it is ready. The talks went on. Delegates met. Lunch was served. "
        "Foreign Minister Ali Karimi left early."
    )
    assert _affiliations(far)["Ali Karimi"] is None
    object_only = "Delegates met Iran on Sunday. Foreign Minister Ali Karimi left early."
    assert _affiliations(object_only)["Ali Karimi"] is None


def test_a_capitals_header_gives_affiliations_to_people_already_known() -> None:
    text = (
        "PRESS BRIEFING\nWITH PRIME MINISTER NAVON OF ISRAEL\n"
        "AND PRESIDENT HADDAD OF THE PALESTINIAN AUTHORITY\n\n"
        "MR. GIBBS: Good afternoon.\n\n"
        "Prime Minister Navon met President Haddad and President Lima today.\n"
    )
    found = _affiliations(text)
    assert found["Navon"] == "Israel"
    assert found["Haddad"] == "Palestinian Authority"
    assert found["Lima"] is None
    assert "Gibbs" in found and found["Gibbs"] is None
