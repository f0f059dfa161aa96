"""Rule files with mistakes get located errors, like claims files; rule tests that cannot fail are reported."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from factcheck.load import ProblemsError
from factcheck.rules import load_rules
from factcheck.rules.testing import run_rule_tests

ROOT = Path(__file__).resolve().parents[2]


def problems(tmp_path: Path, text: str) -> list:
    (tmp_path / "rule.yaml").write_text(text)
    with pytest.raises(ProblemsError) as caught:
        load_rules([tmp_path])
    return caught.value.problems


BASE = (ROOT / "factcheck" / "data" / "rules" / "FC101-date-consistency.yaml").read_text()


def line_of(text: str, words: str) -> int:
    """The 1-based line of `text` that holds `words` (the shipped rule's explanation may grow)."""
    return next(number for number, line in enumerate(text.splitlines(), 1) if words in line)


def test_unknown_comparator(tmp_path: Path) -> None:
    [problem] = problems(tmp_path, BASE.replace("comparator: date", "comparator: dates"))
    assert problem.code == "R006" and "unknown comparator 'dates'" in problem.message
    assert problem.field == "rules[0].compare.comparator" and problem.line == line_of(BASE, "comparator: date")


def test_bad_comparator_parameter_is_located(tmp_path: Path) -> None:
    [problem] = problems(tmp_path, BASE.replace("tolerance_days: 0", "tolerance_dayz: 0"))
    assert problem.code == "S001" and problem.line == line_of(BASE, "tolerance_days: 0")
    assert "tolerance_dayz" in problem.message


def test_unknown_pair_key_and_message_placeholder(tmp_path: Path) -> None:
    text = BASE.replace("pair_by: [subject, property]", "pair_by: [subject, colour]").replace(
        "{subject_name}", "{verdikt}")
    found = {p.field: p for p in problems(tmp_path, text)}
    assert found["rules[0].pair_by[1]"].line == line_of(BASE, "pair_by: [subject, property]")
    assert "unknown placeholder(s) verdikt" in found["rules[0].message"].message


def test_duplicate_rule_ids(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text(BASE)
    [problem] = problems(tmp_path, BASE)
    assert problem.code == "R004" and "already defined" in problem.message


def test_a_rule_without_a_conflict_case_is_untested(tmp_path: Path) -> None:
    shutil.copy(ROOT / "factcheck" / "data" / "rules" / "FC501-statement-consistency.yaml", tmp_path)
    test = (ROOT / "factcheck" / "data" / "rules" / "FC501-statement-consistency.test.yaml").read_text()
    (tmp_path / "FC501.test.yaml").write_text(test.split("  - name: a denial conflicts")[0])
    outcome = run_rule_tests([tmp_path])
    assert all(r.passed for r in outcome.results)
    assert outcome.untested and "has no case that expects a conflict" in outcome.untested[0]
    assert not outcome.passed


def test_a_wrong_expectation_fails(tmp_path: Path) -> None:
    shutil.copy(ROOT / "factcheck" / "data" / "rules" / "FC501-statement-consistency.yaml", tmp_path)
    test = (ROOT / "factcheck" / "data" / "rules" / "FC501-statement-consistency.test.yaml").read_text()
    (tmp_path / "FC501.test.yaml").write_text(test.replace("{verdict: conflict,", "{verdict: agree,"))
    outcome = run_rule_tests([tmp_path])
    assert [r.passed for r in outcome.results if r.rule_id == "FC501"] == [True, False]


def test_an_unknown_claim_kind_in_match_is_located(tmp_path: Path) -> None:
    [problem] = problems(tmp_path, BASE.replace("kinds: [date, duration]", "kinds: [date, durations]"))
    assert problem.field == "rules[0].match.kinds[1]" and "got 'durations'" in problem.message


def test_a_property_missing_from_the_vocabulary_is_a_rule_problem(tmp_path: Path) -> None:
    from factcheck.load import load_corpus
    from factcheck.rules import check_properties

    vocabulary = load_corpus([ROOT / "claims"]).vocabulary
    rules = load_rules([ROOT / "rules"])
    assert check_properties(rules, vocabulary) == []
    text = (ROOT / "factcheck" / "data" / "rules" / "FC301-quantity-consistency.yaml").read_text().replace("[count]", "[cuont]")
    (tmp_path / "FC301.yaml").write_text(text)
    [problem] = check_properties(load_rules([tmp_path]), vocabulary)
    assert (problem.code, problem.field) == ("R002", "match.exclude_properties")
    assert "unknown property 'cuont' (did you mean 'count'?)" in problem.message


PLUGIN = '''
from factcheck.comparators.base import Comparator, Params
from factcheck.comparators.exact import compare_exact
COMPARATOR = Comparator(name="currency", params=Params, compare=compare_exact, summary="test plugin")
'''


def installed_plugin(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from importlib.metadata import EntryPoint

    import factcheck.comparators as registry

    (tmp_path / "fc_plugin_currency.py").write_text(PLUGIN)
    monkeypatch.syspath_prepend(str(tmp_path))
    entry = EntryPoint("currency", "fc_plugin_currency:COMPARATOR", registry.ENTRY_POINT_GROUP)
    monkeypatch.setattr(registry, "entry_points", lambda group: [entry] if group == entry.group else [])


def test_a_plugin_is_used_only_when_listed_beside_the_rules(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    installed_plugin(tmp_path, monkeypatch)
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "rule.yaml").write_text(BASE.replace("comparator: date", "comparator: currency").replace(
        "  params:\n    tolerance_days: 0\n    age_rounding: nearest\n", ""))
    with pytest.raises(ProblemsError) as caught:
        load_rules([rules])
    [problem] = caught.value.problems
    assert problem.code == "R006" and "must be listed in plugins.yaml" in problem.message
    (rules / "plugins.yaml").write_text("plugins: [currency]\n")
    [loaded] = load_rules([rules], builtin=False)
    assert loaded.comparator.name == "currency"


def test_a_listed_plugin_that_is_not_installed_is_a_rule_problem(tmp_path: Path) -> None:
    shutil.copy(ROOT / "factcheck" / "data" / "rules" / "FC101-date-consistency.yaml", tmp_path)
    (tmp_path / "plugins.yaml").write_text("plugins: [no-such-plugin]\n")
    with pytest.raises(ProblemsError) as caught:
        load_rules([tmp_path])
    [problem] = caught.value.problems
    assert problem.code == "R008" and problem.path.endswith("plugins.yaml")
    assert "'no-such-plugin' are listed but not installed" in problem.message
