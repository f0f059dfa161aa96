"""A problem found in a user's file, located to the line and column, and the error that carries many."""

from __future__ import annotations

from dataclasses import dataclass
from collections.abc import Iterable
from pathlib import Path

from rapidfuzz import fuzz, process


@dataclass(frozen=True, order=True)
class Problem:
    """One mistake in one file, printed Ruff-style as `path:line:col: CODE message`.

    `line` and `column` are 1-based; 0 means the problem concerns the whole file. `field` is the
    dotted path inside the document (`claims[3].value.date`), when there is one.
    """

    path: str
    line: int
    column: int
    code: str
    message: str
    field: str = ""

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}:{self.column}" if self.line else self.path
        field = f"{self.field}: " if self.field else ""
        return f"{where}: {self.code} {field}{self.message}"


class ProblemsError(Exception):
    """Raised when input files have mistakes; carries every problem found, not just the first."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


def closest(word: str, choices: Iterable[str]) -> str | None:
    """The choice a typo most likely meant (`expire_on` -> `expires_on`), or None when none is close:
    a plain edit-distance ratio, so a short word is not matched to a long one that merely contains it."""
    if len(word) < 3:
        return None
    match = process.extractOne(word, sorted(choices), scorer=fuzz.ratio, score_cutoff=75)
    return match[0] if match else None


def display_path(path: Path) -> str:
    """A path as users typed it: relative to the working directory when it is below it."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)
