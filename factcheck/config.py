"""The project's settings: `factcheck.toml`, or `[tool.factcheck]` in `pyproject.toml`, as Ruff finds its own.

From the working directory up to the repository root (the folder holding `.git`), the first folder with
a `factcheck.toml`, or a `pyproject.toml` that has a `[tool.factcheck]` table, gives the settings;
`factcheck.toml` wins in one folder. Paths in it are relative to the file's folder. A flag on the command
line wins over the file. Every key is in docs/config.md:

    claims = "claims"            # or a list
    rules = "rules"
    select = ["FC1", "FC30"]
    fail-on = "warning"

An unknown key or a value of the wrong type stops every command (exit 2) with the file, line and key.
"""

from __future__ import annotations

import os
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

from factcheck.rules.severity import FailOnError, parse_fail_on

CONFIG_FILE = "factcheck.toml"
PYPROJECT = "pyproject.toml"
SCHEMA_URL = "https://json-schema.org/draft/2020-12/schema"
REPORT_FORMATS = ("text", "json", "markdown", "html", "sarif", "junit", "github")  # checked against the registry in tests
GATE_FORMATS = ("text", "json", "markdown", "sarif", "junit", "github")


class Settings(BaseModel):
    """What a `factcheck.toml` (or `[tool.factcheck]`) may say. Every key is optional."""

    model_config = ConfigDict(extra="forbid", frozen=True, strict=True, title="factcheck configuration")

    claims: str | list[str] | None = Field(
        default=None, description="The claims directory (or files); `report` takes several, the gate the first.")
    rules: str | None = Field(default=None, description="The project's rules directory.")
    entities: str | None = Field(default=None, description="The entity file (default: entities.yaml beside the claims).")
    select: list[str] | None = Field(
        default=None, description="Rules to run: ids, id prefixes (FC1) or names, any case (default: all).")
    ignore: list[str] | None = Field(default=None, description="Rules not to run: ids, id prefixes or names.")
    fail_on: str | list[str] | None = Field(
        default=None, alias="fail-on",
        description="What fails `report` and `gate`: a severity (error, warning, note/info) and/or a verdict "
                    "(conflict, compatible, unverified).")
    baseline: str | None = Field(default=None, description="The baseline file of accepted findings.")
    format: Literal[REPORT_FORMATS] | None = Field(  # type: ignore[valid-type]
        default=None, description="The output format of `report`.")
    gate_format: Literal[GATE_FORMATS] | None = Field(  # type: ignore[valid-type]
        default=None, alias="gate-format", description="The output format of `gate`.")
    unreviewed: Literal["fail", "warn", "ignore"] | None = Field(
        default=None, description="What a gate finding resting on unreviewed claims does.")
    reviewed_only: bool | None = Field(
        default=None, alias="reviewed-only", description="`report` and `gate` compare only reviewed claims.")

    @field_validator("fail_on")
    @classmethod
    def _known_level(cls, value: str | list[str] | None) -> str | list[str] | None:
        if value is not None:
            try:
                parse_fail_on([value] if isinstance(value, str) else value)
            except FailOnError as error:
                raise ValueError(str(error).removeprefix("--fail-on ")) from None
        return value


class ConfigError(Exception):
    """A config file that cannot be used: `path:line: key: message`."""

    def __init__(self, path: Path, line: int, key: str, message: str) -> None:
        where = f"{path}:{line}" if line else str(path)
        super().__init__(f"{where}: {key + ': ' if key else ''}{message}")
        self.path, self.line, self.key = path, line, key


@dataclass(frozen=True)
class Config:
    """The settings in force and the file they came from (None: no file, every default)."""

    settings: Settings = field(default_factory=Settings)
    path: Path | None = None

    def path_value(self, value: str) -> str:
        """A path from the file, relative to the file's folder, as the working directory sees it."""
        if self.path is None or os.path.isabs(value):
            return value
        absolute = self.path.parent / value
        try:
            return os.path.relpath(absolute)
        except ValueError:  # pragma: no cover - another drive
            return str(absolute)

    def default_map(self) -> dict[str, Any]:
        """The settings as click's `default_map`, per command and parameter: a flag given wins."""
        s = self.settings
        claims = None if s.claims is None else [self.path_value(c) for c in
                                                ([s.claims] if isinstance(s.claims, str) else s.claims)]
        rules = self.path_value(s.rules) if s.rules else None
        entities = self.path_value(s.entities) if s.entities else None
        baseline = self.path_value(s.baseline) if s.baseline else None
        fail_on = None if s.fail_on is None else ([s.fail_on] if isinstance(s.fail_on, str) else list(s.fail_on))
        first_claims = claims[0] if claims else None
        selection = {"select": s.select, "ignore": s.ignore}
        report = {"claims": claims, "rules_dir": rules, "entities": entities, "format_name": s.format,
                  "fail_on": fail_on, "reviewed_only": s.reviewed_only, **selection}
        gate = {"claims_dir": first_claims, "rules_dir": rules, "entities": entities, "baseline_path": baseline,
                "format_name": s.gate_format, "fail_on": fail_on, "unreviewed": s.unreviewed,
                "reviewed_only": s.reviewed_only, **selection}
        project = {"claims_dir": first_claims, "rules_dir": rules, "entities": entities, "baseline_path": baseline}
        commands = {
            "report": report, "gate": gate, "baseline": {"add": project, "prune": project},
            "test-rules": {"paths": [rules] if rules else None, **selection},
            "eval": {"rules_dir": rules, **selection},
            "validate": {"paths": claims, "entities_path": entities},
            "rule": {"rules_dir": rules}, "rules": {"rules_dir": rules},
        }
        return {name: _without_none(value) for name, value in commands.items()}


def _without_none(mapping: dict[str, Any]) -> dict[str, Any]:
    return {k: _without_none(v) if isinstance(v, dict) else v for k, v in mapping.items() if v is not None}


def find_config_file(start: Path | None = None) -> Path | None:
    """The config file that applies in `start` (default: the working directory), or None."""
    folder = (start or Path.cwd()).resolve()
    for candidate in (folder, *folder.parents):
        if (candidate / CONFIG_FILE).is_file():
            return candidate / CONFIG_FILE
        pyproject = candidate / PYPROJECT
        if pyproject.is_file() and _has_tool_table(pyproject):
            return pyproject
        if (candidate / ".git").exists():
            return None  # the repository root: settings above it are someone else's
    return None


def _has_tool_table(path: Path) -> bool:
    try:
        return re.search(r"^\s*\[\s*tool\s*\.\s*factcheck\s*[\].]", path.read_text(encoding="utf-8"), re.M) is not None
    except (OSError, UnicodeDecodeError):
        return False


def load_config(start: Path | None = None) -> Config:
    """The settings in force in `start` (every default when no file applies); ConfigError when unusable."""
    path = find_config_file(start)
    if path is None:
        return Config()
    shown = Path(os.path.relpath(path)) if path.is_relative_to(Path.cwd().resolve()) else path
    return Config(read_settings(path, shown), path)


def read_settings(path: Path, shown: Path | None = None) -> Settings:
    """The `Settings` of one file (`shown` is how errors name it)."""
    shown = shown or path
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise ConfigError(shown, 0, "", f"cannot read: {getattr(error, 'strerror', None) or error}") from None
    try:
        document = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        line = re.search(r"line (\d+)", str(error))
        raise ConfigError(shown, int(line.group(1)) if line else 0, "", f"not valid TOML: {error}") from None
    table = ("tool", "factcheck") if path.name == PYPROJECT else ()
    data: Any = document
    for key in table:
        data = data.get(key, {}) if isinstance(data, dict) else {}
    if not isinstance(data, dict):
        raise ConfigError(shown, 0, ".".join(table), "expected a table")
    try:
        return Settings.model_validate(data)
    except ValidationError as error:
        first = error.errors(include_url=False)[0]
        key = str(first["loc"][0]) if first["loc"] else ""
        raise ConfigError(shown, _key_line(text, table, key), key, _message(first, key)) from None


def _message(error: dict[str, Any], key: str) -> str:
    if error["type"] == "extra_forbidden":
        known = ", ".join(f.alias or name for name, f in Settings.model_fields.items())
        return f"unknown key; known keys: {known} (docs/config.md)"
    expected = Settings.model_fields.get(key.replace("-", "_"))
    shown = repr(error.get("input"))[:80]
    if error["type"] == "value_error":
        return error["msg"].removeprefix("Value error, ")
    hint = f" ({expected.description})" if expected is not None and expected.description else ""
    return f"{error['msg']}, got {shown}{hint}"


def _key_line(text: str, table: tuple[str, ...], key: str) -> int:
    """The line of `key` in `table` (top level when empty), 0 when it cannot be found."""
    inside = not table
    header = re.compile(r"^\s*\[\s*" + r"\s*\.\s*".join(map(re.escape, table)) + r"\s*\]") if table else None
    for number, line in enumerate(text.splitlines(), start=1):
        if line.lstrip().startswith("["):
            inside = bool(header and header.match(line))
            continue
        if inside and re.match(rf"""^\s*["']?{re.escape(key)}["']?\s*=""", line):
            return number
    return 0
