"""Case loading: every fixture article has a case, gold quotes are verbatim, errors are clear."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from summarizer.errors import ConfigurationError
from summarizer.eval.cases import Case, load_case, load_cases

from .conftest import CASES_DIR, REPO


def test_every_fixture_article_has_a_case(cases: list[Case]) -> None:
    articles = {p.stem for p in (REPO / "fixtures" / "articles").glob("*.txt")}
    assert {c.id for c in cases} == articles
    for case in cases:
        assert case.article_path.stem == case.id
        assert case.gold.actors and case.gold.positions


@pytest.mark.parametrize("name", sorted(p.name for p in (REPO / "fixtures").glob("heldout*")))
def test_held_out_cases_load_with_verbatim_gold_and_a_source_line(name: str) -> None:
    root = REPO / "fixtures" / name
    held = load_cases(root / "cases")  # raises, naming the file, on any non-verbatim quote
    articles = {p.stem for p in (root / "articles").glob("*.txt")}
    assert {c.id for c in held} == articles and len(held) >= 3
    sources = (root / "SOURCES.md").read_text(encoding="utf-8")
    for case in held:
        assert f"| {case.id}.txt |" in sources, case.id
        assert case.gold.actors and case.gold.positions


def test_gold_quotes_are_verbatim(cases: list[Case]) -> None:
    for case in cases:
        for path, evidence in case.gold.evidence_items():
            assert evidence.quote in case.article, (case.id, path)


def test_canonical_gold_covers_the_key_points(canonical: Case) -> None:
    gold = canonical.gold
    kinds = {c.kind for c in gold.conditions}
    assert {"red_line", "if_then", "prerequisite"} <= kinds
    red = next(c for c in gold.conditions if c.kind == "red_line")
    assert "expense of another" in red.evidence[0].quote
    assert any("martial law" in c.condition.lower() for c in gold.conditions)
    statuses = {(p.proposer, p.status) for p in gold.proposals}
    assert ("Donald Trump", "accepted") in statuses or ("Donald Trump", "offered") in statuses
    assert ("Vladimir Putin", "rejected") in statuses
    assert any("referendum" in p.proposal for p in gold.proposals)
    assert any("reconsider" in q.question for q in gold.open_questions)
    assert any("territory" in p.stance for p in gold.positions)


def _copy_case(tmp_path: Path, case_id: str) -> Path:
    target = tmp_path / "cases" / case_id
    shutil.copytree(CASES_DIR / case_id, target)
    spec = json.loads((target / "case.json").read_text())
    spec["article"] = str((CASES_DIR / case_id / spec["article"]).resolve())
    (target / "case.json").write_text(json.dumps(spec))
    return target


def test_paraphrased_gold_quote_is_rejected_naming_the_file(tmp_path: Path) -> None:
    target = _copy_case(tmp_path, "03-state-blinken-safadi-readout-hamas-proposal")
    gold = json.loads((target / "gold.json").read_text())
    gold["positions"][0]["evidence"][0]["quote"] = "the deal would help a lot"
    (target / "gold.json").write_text(json.dumps(gold))
    with pytest.raises(ConfigurationError) as info:
        load_case(target)
    message = str(info.value)
    assert "gold.json" in message and "positions[0]" in message and "verbatim" in message
    assert "\n" not in message


def test_invalid_gold_json_is_one_line(tmp_path: Path) -> None:
    target = _copy_case(tmp_path, "03-state-blinken-safadi-readout-hamas-proposal")
    (target / "gold.json").write_text('{"title": "x", "summary": "y", "actors": [{"name": 1}]}')
    with pytest.raises(ConfigurationError, match=r"gold\.json is not a valid Briefing") as info:
        load_case(target)
    assert "\n" not in str(info.value)
    (target / "gold.json").write_text("{not json")
    with pytest.raises(ConfigurationError, match="Invalid JSON"):
        load_case(target)


def test_unknown_threshold_metric_is_rejected(tmp_path: Path) -> None:
    target = _copy_case(tmp_path, "05-wh-biden-rail-strike-statement")
    spec = json.loads((target / "case.json").read_text())
    spec["thresholds"] = {"actors.f2": 0.5}
    (target / "case.json").write_text(json.dumps(spec))
    with pytest.raises(ConfigurationError, match=r"unknown threshold metric 'actors\.f2'"):
        load_case(target)
    spec["thresholds"] = {"actors.f1": 1.5}
    (target / "case.json").write_text(json.dumps(spec))
    with pytest.raises(ConfigurationError, match="expected 0 to 1"):
        load_case(target)


def test_thresholds_are_loaded(canonical: Case) -> None:
    assert canonical.thresholds["actors.f1"] == pytest.approx(0.8)


def test_only_selects_and_unknown_names_fail() -> None:
    picked = load_cases(CASES_DIR, only=["05-wh-biden-rail-strike-statement"])
    assert [c.id for c in picked] == ["05-wh-biden-rail-strike-statement"]
    with pytest.raises(ConfigurationError, match="unknown case"):
        load_cases(CASES_DIR, only=["nope"])


def test_missing_directory_and_missing_article(tmp_path: Path) -> None:
    with pytest.raises(ConfigurationError, match="no cases directory"):
        load_cases(tmp_path / "absent")
    with pytest.raises(ConfigurationError, match="no cases in"):
        load_cases(tmp_path)
    case = tmp_path / "c"
    case.mkdir()
    (case / "case.json").write_text('{"article": "missing.txt"}')
    with pytest.raises(ConfigurationError, match="not readable UTF-8"):
        load_case(case)
