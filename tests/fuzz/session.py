"""Feed one reader N hostile inputs under hypothesis, handing each outcome to a callback.

Used by the short run in the test suite (`tests/fuzz/test_fuzz.py`, 50 inputs per reader) and by
`make fuzz` (`benchmarks/fuzz.py`, 10,000 per reader): only generation, no shrinking and no example
database, so N inputs are N runs and nothing is written into the repository.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from hypothesis import HealthCheck, Phase, given, settings

from tests.fuzz.harness import Outcome, Project
from tests.fuzz.readers import LAYOUT, READERS, feed

OnOutcome = Callable[[bytes, Any, Outcome], None]


def fuzz_reader(name: str, examples: int, on_outcome: OnOutcome) -> None:
    reader = READERS[name]
    project = Project.create(LAYOUT)

    @settings(max_examples=examples, deadline=None, database=None, phases=[Phase.generate],
              suppress_health_check=list(HealthCheck))
    @given(data=reader.inputs(), choice=reader.choose)
    def one_input(data: bytes, choice: Any) -> None:
        on_outcome(data, choice, feed(reader, project, data, choice))

    try:
        one_input()
    finally:
        project.remove()
