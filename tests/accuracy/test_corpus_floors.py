"""The accuracy floors of `extract -> report` on the evaluation corpus (eval/, docs/accuracy.md).

The floors are the figures measured when each set was last scored (docs/accuracy.md), a little
below them, so a change that makes the product worse fails here; raise them when the figures rise.
The development set is what extraction and the engine were tuned on. The hold-out set was written by
people who saw neither the code nor its results and is never tuned on: its floors are the honest
ones. The product's target (issue 8) is precision >= 0.9 and recall >= 0.8 on both; the hold-out
set does not meet it yet.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from factcheck.accuracy import evaluate_corpus
from factcheck.accuracy.render import render_text
from factcheck.rules import load_rules

ROOT = Path(__file__).resolve().parents[2]
RULES = load_rules([ROOT / "rules"])
FLOORS = {  # set: (precision, recall)
    "dev": (0.84, 0.54),  # measured 0.847 (721/851), 0.553 (480/868) at the end of session 24; 108 events (round
    # 34, new in session 22, came in at 0.54 / 0.41 at first look and took the set's recall below 0.55)
    # hold-out measured 0.714 (505/707), 0.465 (354/761) at the end of session 24; 96 events, the last four new in
    # session 22 (0.73 / 0.53 at first look, 0.75 / 0.53 at the end)
    "holdout": (0.71, 0.45),
}


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_conflict_precision_and_recall_meet_the_floors(name: str) -> None:
    score = evaluate_corpus(ROOT / "eval" / name, RULES)
    precision, recall = FLOORS[name]
    assert score.precision >= precision and score.recall >= recall, render_text(score)
