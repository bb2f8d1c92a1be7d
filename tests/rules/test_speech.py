"""Reported speech, transcript turns and first-person statements."""

from __future__ import annotations

from summarizer.rules.coref import find_actors
from summarizer.rules.sentences import parse
from summarizer.rules.speech import Attribution, attribute


def _said(text: str) -> list[tuple[str, str, str]]:
    doc = parse(text)
    actors = find_actors(doc)
    return [
        (actors.infos[s.actor].name, s.kind, text[s.start : s.end]) for s in attribute(doc, actors)
    ]


def test_reported_speech_forms() -> None:
    text = (
        "Senator Tom Reed told reporters the bill would pass. "
        "The vote is close, Reed warned. "
        "Governor Ada Moss stressed that the state cannot pay. "
        "The plan was dropped, according to Moss."
    )
    said = _said(text)
    assert ("Tom Reed", "reported", "the bill would pass.") in said
    assert ("Tom Reed", "reported", "The vote is close") in said
    assert ("Ada Moss", "reported", "the state cannot pay.") in said
    assert ("Ada Moss", "reported", "The plan was dropped") in said


def test_transcript_turns_give_stances_to_the_speaker_not_to_questions() -> None:
    text = (
        "Remarks by Envoy Mark Dale\n\nENVOY DALE: We believe the talks can succeed.\n\n"
        "Q Do you believe that?\n\nENVOY DALE: Our position remains unchanged.\n"
    )
    said = _said(text)
    assert [(s[0], s[1]) for s in said] == [("Mark Dale", "turn"), ("Mark Dale", "turn")]
    assert all("?" not in s[2] for s in said)


def test_first_person_statement_belongs_to_its_byline() -> None:
    text = (
        "Statement by Governor Maria Lopez on the Water Bill\n\n"
        "I believe every family deserves clean water. The vote is on Tuesday.\n"
    )
    said = _said(text)
    assert said == [("Maria Lopez", "turn", "I believe every family deserves clean water.")]


def test_a_readout_line_names_its_author_but_a_passing_mention_does_not() -> None:
    readout = (
        "Department of State\n\nAs stated by Spokesperson Ann Roe:\n\n"
        "Secretary of State Jon Berg spoke with Minister Omar Aziz today. "
        "The Secretary underscored that the plan serves both peoples.\n"
    )
    doc = parse(readout)
    said = Attribution(doc, find_actors(doc))
    said.run()
    assert said.byline is not None and said.actors.infos[said.byline].name == "Ann Roe"
    news = (
        "Talks resumed, as stated by Minister Ana Lima in Geneva.\n\n"
        "“I will stay,” Governor Jon Berg said. “I am not leaving,” he added.\n"
    )
    doc = parse(news)
    said = Attribution(doc, find_actors(doc))
    said.run()
    assert said.byline is None


def test_press_statement_by_a_spokesperson_speaks_for_the_government() -> None:
    text = (
        "Efforts for Peace\n\nAna Ruiz, SpokespersonOffice of the Spokesperson\n\n"
        "Press Statement\n\nMay 2, 2026\n\n"
        "The United States stands ready to help. We urge both sides to talk. "
        "We seek a lasting peace."
    )
    doc = parse(text)
    actors = find_actors(doc)
    voice = Attribution(doc, actors).byline
    assert voice is not None and actors.infos[voice].name == "United States"
    spokesperson = actors.infos[actors.get("Ana Ruiz") or 0]
    assert spokesperson.salient and spokesperson.role == "Spokesperson"


def test_it_speaks_for_the_main_subject_body_of_the_sentences_before() -> None:
    text = (
        "Moscow has complained that Turkey is about to send troops. "
        "It strongly condemned the shelling of border towns."
    )
    said = _said(text)
    assert ("Russia", "reported", "Turkey is about to send troops.") in said
    assert next(s for s in said if s[2].startswith("the shelling"))[0] == "Russia"


def test_a_government_statement_speaks_for_the_government() -> None:
    said = _said("A U.S. statement added that aid groups need access to the city.")
    assert said == [("United States", "reported", "aid groups need access to the city.")]


def test_listeners_affiliations_and_story_credits() -> None:
    text = (
        "North Korean leader Kim Jong Un spoke on Monday. Kim said he is willing to talk. "
        "Korea expert Ann Bell from the RAND Corporation told VOA the North does not need "
        "nuclear arms. “The plan is sound,” said a defense ministry spokesman.\n\n"
        "I’m Mario Ritter.\n\nYoumi Kim in Seoul also contributed to the report."
    )
    said = _said(text)
    assert ("Kim Jong Un", "reported", "he is willing to talk.") in said
    assert ("Ann Bell", "reported", "the North does not need nuclear arms.") in said
    assert ("Defense ministry spokesman", "quote", "The plan is sound,") in said
    names = {a.name for a in find_actors(parse(text)).infos}
    assert "Mario Ritter" not in names and "Youmi Kim" not in names
    assert find_actors(parse(text)).infos[0].affiliation == "North Korea"


def test_reported_to_a_named_body_and_acronyms_in_brackets() -> None:
    text = (
        "The State Department has reported to Congress that the Palestine Liberation "
        "Organization (PLO) has failed its commitments. The PLO rejected the report."
    )
    said = _said(text)
    assert said[0][0] == "State Department" and said[0][2].startswith("the Palestine")
    table = find_actors(parse(text))
    plo = table.get("PLO")
    assert plo is not None and table.infos[plo].name == "Palestine Liberation Organization"
