"""Scoring a report's conflicts against an answer key, on claims placed in real (written) texts."""

from __future__ import annotations

from pathlib import Path

import pytest

from factcheck.accuracy import AnswerKey, AnswerKeyError, load_answer_key, score_event
from factcheck.accuracy.render import render_json, render_text
from factcheck.accuracy.score import CorpusScore
from factcheck.engine import run_rules
from factcheck.load import ProblemsError
from factcheck.rules import load_rules

from ..engine.corpus_builder import build_corpus

ROOT = Path(__file__).resolve().parents[2]
EVENT = ROOT / "tests" / "data" / "accuracy" / "harbor-bridge"
RULES = load_rules([ROOT / "rules"])
TEXTS = {"a": "The pact will expire on Nov. 23 if it is not renewed. It was signed in 2016.",
         "b": "Unless renewed, the pact is set to expire on Nov. 30. It was signed in 2017."}


def claim(source: str, claim_id: str, prop: str, day: str, sentence: str) -> dict:
    start = TEXTS[source].index(sentence)
    return {"id": claim_id, "kind": "date", "subject": "gsomia", "property": prop, "value": {"date": day},
            "evidence": {"text": sentence, "start": start, "end": start + len(sentence)}}


def report():
    corpus = build_corpus({
        "a": ("2019-08-22", [claim("a", "expiry", "expires_on", "2019-11-23", "The pact will expire on Nov. 23"),
                             claim("a", "signed", "signed_on", "2016", "It was signed in 2016.")]),
        "b": ("2019-08-23", [claim("b", "expiry", "expires_on", "2019-11-30", "the pact is set to expire on Nov. 30"),
                             claim("b", "signed", "signed_on", "2017", "It was signed in 2017.")]),
    })
    return run_rules(corpus, RULES)


def key(conflicts: list[dict], non_conflicts: list[dict] = ()) -> AnswerKey:
    return AnswerKey.model_validate({"conflicts": conflicts, "non_conflicts": list(non_conflicts)})


def entry(entry_id: str, a: str, b: str) -> dict:
    return {"id": entry_id, "about": entry_id, "a": {"source": "a", "text": a}, "b": {"source": "b", "text": b}}


def test_a_listed_conflict_is_found_and_an_unlisted_one_is_false() -> None:
    score = score_event("pact", key([entry("expiry", "expire on Nov. 23", "expire on Nov. 30")]), report(), TEXTS)
    assert [r.hits for r in score.reported] == [("expiry",), ()]
    assert score.true_positives == 1 and score.missed == []
    assert [r.rule_id for r in score.false_conflicts] == ["FC101"]
    total = CorpusScore((score,))
    assert (total.precision, total.recall) == (0.5, 1.0)


def test_a_conflict_on_a_listed_trap_is_false_and_named() -> None:
    score = score_event("pact", key([], [entry("signing", "signed in 2016", "signed in 2017")]), report(), TEXTS)
    sprung = [r for r in score.reported if r.traps]
    assert [r.traps for r in sprung] == [("signing",)]
    text = render_text(CorpusScore((score,)))
    assert "(trap: signing)" in text and "Conflict precision 0.00 (0/2), recall 1.00 (0/0)." in text


def test_a_missed_conflict_is_listed_with_both_snippets() -> None:
    score = score_event("pact", key([entry("never", "if it is not renewed", "Unless renewed")]), report(), TEXTS)
    assert [m.id for m in score.missed] == ["never"]
    assert 'a a: "if it is not renewed"' in render_text(CorpusScore((score,)))
    assert '"missed": [\n        "never"\n      ]' in render_json(CorpusScore((score,)))


@pytest.mark.parametrize(("snippet", "message"), [
    ("expire on Dec. 1", "'expire on Dec. 1' is not in a"),
    ("ed", "'ed' occurs more than once in a; quote more words"),
])
def test_a_snippet_must_stand_once_in_its_source(snippet: str, message: str) -> None:
    with pytest.raises(AnswerKeyError, match=message):
        score_event("pact", key([entry("bad", snippet, "expire on Nov. 30")]), report(), TEXTS)


def test_an_unknown_source_is_named() -> None:
    bad = key([{"id": "x", "about": "x", "a": {"source": "c", "text": "x"}, "b": {"source": "b", "text": "x"}}])
    with pytest.raises(AnswerKeyError, match="no article has source id 'c'"):
        score_event("pact", bad, report(), TEXTS)


def test_a_broken_answer_key_is_located(tmp_path: Path) -> None:
    path = tmp_path / "answers.yaml"
    path.write_text("conflicts:\n  - id: x\n    about: why\n    a: {source: a, text: z}\n", encoding="utf-8")
    with pytest.raises(ProblemsError) as error:
        load_answer_key(path)
    assert "answers.yaml:2:" in str(error.value) and "conflicts[0].b" in str(error.value)


def test_the_shipped_fixture_key_loads() -> None:
    loaded = load_answer_key(EVENT / "answers.yaml")
    assert [c.id for c in loaded.conflicts] == ["lanes-reopening", "unfindable"]
