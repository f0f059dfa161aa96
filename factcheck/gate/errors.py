"""The gate's one error: the check could not run (exit 2), as opposed to data that fails it (exit 1)."""

from __future__ import annotations

from factcheck.load.problems import Problem


class GateError(Exception):
    """A usage, git, rule or baseline mistake: the message says what to do; `problems` locate file errors."""

    def __init__(self, message: str, problems: list[Problem] | None = None, *, what: str = "problem") -> None:
        super().__init__(message)
        self.message = message
        self.problems = sorted(problems or [])
        self.what = what  # how to count the problems: "rule problem", "baseline problem"
