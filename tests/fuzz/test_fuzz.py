"""The short fuzz run: every reader gets `FUZZ_EXAMPLES` hostile inputs (default 50; `make fuzz` runs
10,000 each through benchmarks/fuzz.py). Each must end in a result or a located error with an exit
code its command allows: never a traceback (exit 3), never a hang."""

from __future__ import annotations

import os
from typing import Any

import pytest

from tests.fuzz.harness import Outcome
from tests.fuzz.readers import READERS
from tests.fuzz.session import fuzz_reader

EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "50"))


@pytest.mark.parametrize("name", sorted(READERS))
def test_every_input_ends_in_a_result_or_a_located_error(name: str) -> None:
    failures: list[str] = []

    def judge(data: bytes, choice: Any, outcome: Outcome) -> None:
        if not outcome.ok:
            failures.append(f"{outcome.faults} (choice {choice!r}) for input {data[:300]!r}\n{outcome.traceback}"
                            f"{outcome.stderr[-1000:]}")

    fuzz_reader(name, EXAMPLES, judge)
    assert not failures, f"{len(failures)} bad endings; the first:\n{failures[0]}"
