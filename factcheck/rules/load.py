"""Load rule files: the same located errors as claims files, plus each comparator's own parameter check.

The rules in force are the built-in ones (package data, factcheck/data/rules/, with their tests) and a
project's rules folder on top: a rule with a new id is added, a rule with a built-in id replaces it,
as a configuration extends Ruff's built-in rules. Comparator plugins serve only the project's rules,
and only when its `plugins.yaml` lists them."""

from __future__ import annotations

import os
from dataclasses import dataclass, replace
from importlib import resources
from pathlib import Path
from collections.abc import Collection
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from factcheck.comparators import ComparatorPluginError, available_comparators
from factcheck.comparators.base import Comparator, Params
from factcheck.load.document import YamlDocument, read_yaml
from factcheck.load.paths import PathRefused, list_folder, refused_folders
from factcheck.load.problems import Problem, ProblemsError, closest, display_path
from factcheck.load.schema_errors import problems_from_errors, validate_document
from factcheck.rules.model import Rule, RulesFile

TEST_SUFFIXES = (".test.yaml", ".test.yml")
PLUGINS_FILE = "plugins.yaml"  # the comparator plugins a project's rules may use, beside the rules
PROJECT_RULES = Path("rules")  # the project's rules folder by default; optional
BUILTIN = "built-in"
PROJECT = "project"


class PluginsFile(BaseModel):
    """`rules/plugins.yaml`: installed comparator plugins are used only when listed here, so what
    judges the claims is chosen in the rules (and, in the gate, taken from the base revision)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    plugins: list[str] = Field(default_factory=list, description="Comparator names, as their entry points.")


@dataclass(frozen=True)
class LoadedRule:
    """A rule ready to run: its comparator looked up and its parameters validated."""

    rule: Rule
    comparator: Comparator
    params: Params
    path: str
    line: int
    origin: str = PROJECT  # BUILTIN (shipped with factcheck) or PROJECT (the project's rules folder)
    overrides: str | None = None  # the shipped rule file a project rule replaces (same id)

    @property
    def id(self) -> str:
        return self.rule.id


def rule_files_in(paths: list[Path]) -> list[Path]:
    """The rule files named by `paths`: files as given, directories searched (not recursively). A
    directory that resolves outside its root is not listed (`load_rules` reports it, E005)."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            try:
                entries = list_folder(path)
            except (PathRefused, OSError):
                continue
            found.extend(p for p in entries if p.suffix in (".yaml", ".yml")
                         and not p.name.endswith(TEST_SUFFIXES) and p.name != PLUGINS_FILE)
        else:
            found.append(path)
    return found


def builtin_rules_dir() -> Path:
    """The folder of the rules factcheck ships (package data), in force unless a project overrides them."""
    return Path(str(resources.files("factcheck").joinpath("data", "rules")))


def builtin_rule_files() -> list[Path]:
    """The shipped rule files, in id order (package data: trusted, so listed without the path policy)."""
    return sorted(p for p in builtin_rules_dir().iterdir() if p.suffix == ".yaml" and not p.name.endswith(TEST_SUFFIXES))


def load_rules(paths: list[Path], *, builtin: bool = True) -> list[LoadedRule]:
    """The rules in force, or a ProblemsError listing every mistake: the shipped rules (unless
    `builtin` is False), with each rule of `paths` (files or directories: the project's rules) added, or
    replacing the shipped rule of the same id, as a project's configuration extends Ruff's built-in rules.

    A missing `rules` (the default folder, exactly as written) means the project has no rules of its
    own; any other missing path is an error (E002)."""
    problems: list[Problem] = []
    paths = [p for p in paths if p != PROJECT_RULES or p.exists()]
    missing = [p for p in paths if not p.exists()]
    if missing:
        raise ProblemsError([Problem(display_path(p), 0, 0, "E002", "no such file or directory") for p in missing])
    problems.extend(refused_folders(paths))
    allowed = _allowed_plugins(paths, problems)
    try:
        comparators = available_comparators(allowed)
    except ComparatorPluginError as error:
        raise ProblemsError([*problems, Problem(_plugins_shown(paths), 0, 0, "R008", str(error))]) from None
    project = _read_rules(rule_files_in(paths), comparators, problems)
    shipped: list[LoadedRule] = []
    if builtin:
        folder = builtin_rules_dir()
        shipped = _read_rules(builtin_rule_files(), available_comparators(set()), problems, root=folder,
                              origin=BUILTIN)
    loaded = _in_force(shipped, project, problems)
    if problems:
        raise ProblemsError(problems)
    return loaded


def _in_force(shipped: list[LoadedRule], project: list[LoadedRule], problems: list[Problem]) -> list[LoadedRule]:
    """The shipped rules with the project's added or overriding them by id, in id order. A project rule
    that takes a shipped rule's name under another id is an error (R004): names, like ids, are unique."""
    by_id = {r.id: r for r in shipped}
    for rule in project:
        replaced = by_id.get(rule.id)
        if replaced is not None:
            by_id[rule.id] = replace(rule, overrides=replaced.path)
            continue
        taken = next((r for r in shipped if r.rule.name == rule.rule.name), None)
        if taken is not None:
            problems.append(Problem(rule.path, rule.line, 1, "R004", f"rule {rule.id} ({rule.rule.name}): the "
                                    f"built-in rule {taken.id} has that name; override it by its id, or rename"))
            continue
        by_id[rule.id] = rule
    return sorted(by_id.values(), key=lambda r: r.id)


def _read_rules(files: list[Path], comparators: dict[str, Comparator], problems: list[Problem], *,
                root: Path | None = None, origin: str = PROJECT) -> list[LoadedRule]:
    """The rules of `files`, each unique in id and name among them; mistakes are added to `problems`."""
    loaded: list[LoadedRule] = []
    seen: dict[str, str] = {}
    for path in files:
        document = read_yaml(path, root=root)
        problems.extend(document.problems)
        if document.problems:
            continue
        if isinstance(document.data, dict) and "rules" not in document.data and "id" in document.data:
            document.data = {"rules": [document.data]}  # a file holding one rule
            document.locations = {("rules", 0) + key: value for key, value in document.locations.items()}
        parsed, schema_problems = validate_document(document, RulesFile)
        problems.extend(schema_problems)
        if parsed is None:
            continue
        assert isinstance(parsed, RulesFile)
        for index, rule in enumerate(parsed.rules):
            where = ("rules", index)
            earlier = seen.get(rule.id) or seen.get(rule.name)
            if earlier:
                problems.append(document.problem(where, "R004", f"rule {rule.id} ({rule.name}) is already defined "
                                                 f"in {earlier}: ids and names must be unique"))
            seen.setdefault(rule.id, document.shown_path)
            seen.setdefault(rule.name, document.shown_path)
            comparator = comparators.get(rule.compare.comparator)
            if comparator is None:
                hint = f" (a plugin must be listed in {PLUGINS_FILE} beside the rules)"
                problems.append(document.problem(where + ("compare", "comparator"), "R006",
                                                 f"unknown comparator {rule.compare.comparator!r}; known: "
                                                 f"{', '.join(sorted(comparators))}{hint}"))
                continue
            params = _validate_params(document, where, comparator, rule.compare.params, problems)
            if params is not None:
                loaded.append(LoadedRule(rule, comparator, params, document.shown_path, document.locate(where)[0],
                                         origin))
    return loaded


def _allowed_plugins(paths: list[Path], problems: list[Problem]) -> set[str]:
    """The plugin names listed in `plugins.yaml` of the rules directories (none: built-ins only)."""
    allowed: set[str] = set()
    for folder in (p for p in paths if p.is_dir()):
        path = folder / PLUGINS_FILE
        if not os.path.lexists(path):  # anything there (a FIFO, a symlink) is read, and refused aloud
            continue
        document = read_yaml(path)
        problems.extend(document.problems)
        parsed, schema_problems = validate_document(document, PluginsFile) if not document.problems else (None, [])
        problems.extend(schema_problems)
        if isinstance(parsed, PluginsFile):
            allowed.update(parsed.plugins)
    return allowed


def _plugins_shown(paths: list[Path]) -> str:
    folder = next((p for p in paths if p.is_dir()), None)
    return display_path(folder / PLUGINS_FILE) if folder else PLUGINS_FILE


def check_properties(rules: list[LoadedRule], vocabulary: Collection[str]) -> list[Problem]:
    """Properties a rule names that the project's vocabulary does not know: a typo there would make
    the rule silently match nothing. Checked once the claims (and so the vocabulary) are loaded."""
    problems = []
    for loaded in rules:
        rule = loaded.rule
        named = [("match.properties", p) for p in rule.match.properties]
        named += [("match.exclude_properties", p) for p in rule.match.exclude_properties]
        named += [("property_groups", p) for group in rule.property_groups for p in group]
        for field, property_id in named:
            if property_id not in vocabulary:
                match = closest(property_id, vocabulary)
                hint = f" (did you mean {match!r}?)" if match else ""
                problems.append(Problem(loaded.path, loaded.line, 1, "R002",
                                        f"{rule.id}: unknown property {property_id!r}{hint}", field))
    return problems


class UnknownRuleError(KeyError):
    """A rule asked for by id or name that no rule file defines."""

    def __str__(self) -> str:
        return str(self.args[0])


def _validate_params(document: YamlDocument, where: tuple[Any, ...], comparator: Comparator,
                     params: dict[str, Any], problems: list[Problem]) -> Params | None:
    try:
        return comparator.params.model_validate(params)
    except ValidationError as error:
        # Locate the errors inside `compare.params` of this rule.
        sub = YamlDocument(document.path, params, {
            key[len(where) + 2:]: value for key, value in document.locations.items()
            if key[: len(where) + 2] == where + ("compare", "params")
        })
        for problem in problems_from_errors(sub, error, comparator.params):
            field = ".".join(filter(None, [f"rules[{where[1]}].compare.params", problem.field]))
            problems.append(Problem(problem.path, problem.line, problem.column, "S001",
                                    f"{comparator.name}: {problem.message}", field))
        return None
