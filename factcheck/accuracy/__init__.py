"""Accuracy: how right `extract -> report` is on articles nobody reviewed, against an answer key.

`evaluate_corpus` is the one way in: it finds the events of an evaluation corpus (`corpus`), runs each
from raw text to a report with no hand edits (`run`), and scores the conflicts the report gives
against the event's answer key (`answers`, `score`). See eval/README.md and docs/accuracy.md.
"""

from factcheck.accuracy.answers import AnswerKey, Expected, Snippet, load_answer_key
from factcheck.accuracy.corpus import EvalEvent, find_events
from factcheck.accuracy.run import EventRun, run_event
from factcheck.accuracy.score import (
    AnswerKeyError,
    CorpusScore,
    EventScore,
    ReportedConflict,
    evaluate_corpus,
    evaluate_event,
    score_event,
)

__all__ = [
    "AnswerKey", "AnswerKeyError", "CorpusScore", "EvalEvent", "EventRun", "EventScore", "Expected", "ReportedConflict", "Snippet",
    "evaluate_corpus", "evaluate_event", "find_events", "load_answer_key", "run_event", "score_event",
]
