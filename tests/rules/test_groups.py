"""Group subjects, talk counterparts and "X who voted to ..." clauses."""

from __future__ import annotations

import re

from summarizer.rules import extract
from summarizer.rules.coref import find_actors
from summarizer.rules.groups import _OTHER_CASES, GROUP_HEADS, _heads_pattern, find_groups
from summarizer.rules.sentences import parse


def test_both_parties_means_the_pair_last_named_together() -> None:
    text = (
        "Briefing by Envoy Mark Dale\n\n"
        "ENVOY DALE: The President met Prime Minister Eli Navon and President Samir Haddad. "
        "The talks were long. Both parties share the goal of a lasting peace. "
        "They recognize the urgency of moving promptly.\n"
    )
    b = extract(text).briefing
    owners = {b.find_actor(p.actor).name for p in b.positions if "goal" in p.stance}  # type: ignore[union-attr]
    assert owners == {"Eli Navon", "Samir Haddad"}
    navon = [p for p in b.positions if p.actor == "Eli Navon"]
    assert len(navon) == 1 and len(navon[0].evidence) == 2, "'They recognize' continues it"
    assert navon[0].topic == "lasting peace"


def test_a_group_subject_without_a_pair_gives_nothing() -> None:
    doc = parse("Both parties share the goal of peace. Nobody was named.")
    assert find_groups(doc, find_actors(doc)).members == {}


def test_unnamed_initiative_of_talks_belongs_to_the_counterpart() -> None:
    text = (
        "Talks between Iran and major world powers ended on Sunday with no deal.\n\n"
        "The talks between Iran and the five permanent members of the U.N. Security Council "
        "plus Germany are aimed at persuading Iran to suspend its enrichment work. "
        "In exchange, the U.N. would ease some sanctions.\n"
    )
    b = extract(text).briefing
    (proposal,) = b.proposals
    group = b.find_actor(proposal.proposer)
    assert group is not None and group.name == "major world powers" and group.kind == "group"
    assert "the five permanent members of the U.N. Security Council plus Germany" in group.aliases
    assert proposal.addressee == "Iran"
    assert any(e.quote.startswith("In exchange") for e in proposal.evidence)


def test_who_voted_clause_is_a_stance_of_its_antecedent() -> None:
    text = (
        "Statement by Governor Maria Lopez\n\n"
        "I want to thank Congressional leaders who voted to fund the water plan. "
        "I believe every family deserves clean water.\n"
    )
    b = extract(text).briefing
    congress = [p for p in b.positions if p.actor == "Congress"]
    assert len(congress) == 1
    assert congress[0].evidence[0].quote.startswith("Congressional leaders who voted")
    assert b.find_actor("Congressional leaders") == b.find_actor("Congress")


def test_a_described_group_is_an_actor_and_later_bare_mentions_are_it() -> None:
    text = (
        "The main rebel coalition in Syria has said it will talk. Russia disagreed. "
        "The groups agreed on a deal if aid arrives. The coalition condemned the strikes."
    )
    table = find_actors(parse(text))
    group = table.get("main rebel coalition in Syria")
    assert group is not None and table.infos[group].kind == "group"
    assert table.infos[group].affiliation == "Syria"
    subjects = [m for m in table.mentions if m.actor == group]
    assert len(subjects) == 3 and all(m.subject for m in subjects)
    assert all(table.infos[m.actor].name != "Syria" for m in table.mentions if m.start < 40)


def test_a_nation_s_people_is_a_group_but_people_alone_is_not() -> None:
    table = find_actors(parse("The Sudanese people are ready to talk. People are tired."))
    people = table.get("Sudanese people")
    assert people is not None and table.infos[people].affiliation == "Sudan"
    assert table.get("People") is None


def test_the_parties_of_a_joint_statement_and_they() -> None:
    text = (
        "The Parties welcomed continued progress on the ceasefire mechanism. "
        "They reaffirmed their commitment to pursue negotiations in good faith."
    )
    b = extract(text).briefing
    assert [a.name for a in b.actors] == ["Parties"]
    quotes = [e.quote for p in b.positions if p.actor == "Parties" for e in p.evidence]
    assert any(q.startswith("their commitment") for q in quotes)  # "They" is the Parties


def test_both_leaders_of_a_meeting_readout_speak_together() -> None:
    text = (
        "President Ana Lima welcomed President-elect Edmundo Gonzalez Urrutia to the palace. "
        "Both leaders agreed that the vote must be respected. Gonzalez Urrutia thanked her."
    )
    b = extract(text).briefing
    owners = {
        p.actor for p in b.positions if any("must be respected" in e.quote for e in p.evidence)
    }
    assert owners == {"Ana Lima", "Edmundo Gonzalez Urrutia"}
    elect = b.find_actor("Gonzalez Urrutia")
    assert elect is not None and elect.role == "President-elect"


def test_other_cases_lists_all_a_case_blind_ascii_letter_matches() -> None:
    for letter in "abcdefghijklmnopqrstuvwxyz":
        blind = re.compile(f"(?i:{letter})")
        found = "".join(chr(c) for c in range(0x80, 0x10000) if blind.fullmatch(chr(c)))
        assert found == _OTHER_CASES.get(letter, ""), letter


def test_the_head_words_match_in_any_case_as_a_case_blind_pattern_would() -> None:
    blind = re.compile(rf"(?i:{'|'.join(sorted(GROUP_HEADS))})\b")
    sighted = re.compile(rf"(?:{_heads_pattern(sorted(GROUP_HEADS))})\b")
    for head in sorted(GROUP_HEADS):
        for word in (head, head.upper(), head.title(), head.replace("i", "İ"), head + "s"):
            for text in (word, word.replace("s", "ſ").replace("i", "ı"), word[:-1]):
                expected = blind.match(text)
                got = sighted.match(text)
                assert (got and got.span()) == (expected and expected.span()), text
