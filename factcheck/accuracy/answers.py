"""The answer key of one event: the conflicts a careful fact-checker would report, and the traps
that look like conflicts but are not, each as a pair of evidence snippets in two sources' texts."""

from __future__ import annotations

from pathlib import Path

from typing import Annotated

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field

from factcheck.load.document import read_yaml
from factcheck.load.problems import ProblemsError
from factcheck.load.schema_errors import validate_document
from factcheck.model.values import ID_PATTERN


class _Strict(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Snippet(_Strict):
    """Exact words of one source's article, occurring once in it: the words that carry the value."""

    source: str = Field(pattern=ID_PATTERN)
    text: str = Field(min_length=1)


def _as_list(value: object) -> object:
    return [value] if isinstance(value, dict) else value


Side = Annotated[list[Snippet], BeforeValidator(_as_list), Field(min_length=1)]


class Expected(_Strict):
    """Two sides of a disagreement (or of a trap). Each side is one snippet, or a list of snippets
    from several sources that say the same: a conflict between any source of one side and any of
    the other is this conflict."""

    id: str = Field(pattern=ID_PATTERN)
    about: str
    a: Side
    b: Side
    trap: str | None = Field(default=None, description="The class of trap, for non-conflicts.")


class AnswerKey(_Strict):
    conflicts: list[Expected] = Field(default_factory=list)
    non_conflicts: list[Expected] = Field(default_factory=list)


def load_answer_key(path: Path) -> AnswerKey:
    """The key in `path`; a ProblemsError naming file, line and field on any mistake."""
    document = read_yaml(path)
    if document.problems:
        raise ProblemsError(document.problems)
    key, problems = validate_document(document, AnswerKey)
    if problems or key is None:
        raise ProblemsError(problems)
    assert isinstance(key, AnswerKey)
    return key
