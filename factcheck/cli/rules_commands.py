"""`factcheck rules` (every rule in force) and `factcheck rule ID` (one rule, explained).

The rules in force are the shipped ones with the project's folder adding or overriding them by id
(`factcheck.rules.load`). Both commands print readable text, or JSON with `--format json`; text from
a rule file goes through the terminal channel (`escape.terminal`), as every user-written text does.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import click

from factcheck.cli.exit_codes import EXIT_OK, EXIT_USAGE
from factcheck.cli.output import echo_problems
from factcheck.load import ProblemsError
from factcheck.report.escape import terminal, terminal_line
from factcheck.rules import LoadedRule, load_rules
from factcheck.rules.load import BUILTIN, PROJECT_RULES

RULES_OPTION = click.option("--rules", "rules_dir", type=click.Path(path_type=Path), default=PROJECT_RULES,
                            show_default=True, help="The project's rules folder (adds to or overrides the built-in rules).")
FORMAT_OPTION = click.option("--format", "format_name", type=click.Choice(["text", "json"]), default="text",
                             show_default=True)


def rules_in_force(rules_dir: Path) -> list[LoadedRule]:
    """The built-in rules with the project's, or exit 2 listing every problem of the rule files."""
    try:
        return load_rules([rules_dir])
    except ProblemsError as error:
        echo_problems(error.problems, what="rule problem")
        sys.exit(EXIT_USAGE)


def find_rule(rules: list[LoadedRule], wanted: str) -> LoadedRule | None:
    """The rule whose id or name is `wanted`, in any case (`fc101`, `Date-Consistency`)."""
    key = wanted.casefold()
    return next((r for r in rules if key in (r.rule.id.casefold(), r.rule.name.casefold())), None)


def rule_record(loaded: LoadedRule) -> dict[str, Any]:
    """One rule as JSON: the rule file's fields, then where it comes from."""
    return {**loaded.rule.model_dump(mode="json"), "params": loaded.params.model_dump(mode="json"),
            "origin": loaded.origin, "path": loaded.path, "line": loaded.line, "overrides": loaded.overrides}


def kinds_compared(loaded: LoadedRule) -> str:
    return ", ".join(loaded.rule.match.kinds) or "any"


def origin_text(loaded: LoadedRule) -> str:
    if loaded.overrides:
        return "project, overrides built-in"
    return loaded.origin


@click.command(name="rules")
@RULES_OPTION
@FORMAT_OPTION
def rules_command(rules_dir: Path, format_name: str) -> None:
    """List every rule in force: id, name, severity, kinds compared, built-in or project."""
    rules = rules_in_force(rules_dir)
    if format_name == "json":
        click.echo(json.dumps({"rules": [rule_record(r) for r in rules]}, indent=2, ensure_ascii=False))
        sys.exit(EXIT_OK)
    rows = [("ID", "NAME", "SEVERITY", "KINDS", "FROM")]
    rows += [(r.id, r.rule.name, r.rule.severity.value, kinds_compared(r), origin_text(r)) for r in rules]
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]) - 1)]
    for row in rows:
        click.echo(terminal_line("  ".join(cell.ljust(w) for cell, w in zip(row, widths)) + "  " + row[-1]))
    builtin = sum(r.origin == BUILTIN for r in rules)
    overriding = sum(r.overrides is not None for r in rules)
    click.echo(f"\n{len(rules)} rule{'s' if len(rules) != 1 else ''} in force: {builtin} built-in, "
               f"{len(rules) - builtin} from the project ({overriding} overriding a built-in rule).")
    sys.exit(EXIT_OK)


@click.command(name="rule")
@click.argument("rule_id")
@RULES_OPTION
@FORMAT_OPTION
def rule_command(rule_id: str, rules_dir: Path, format_name: str) -> None:
    """Explain a rule: what it flags, why, and how to resolve it (by id or name, any case)."""
    rules = rules_in_force(rules_dir)
    found = find_rule(rules, rule_id)
    if found is None:
        known = ", ".join(f"{r.id} ({r.rule.name})" for r in rules)
        click.echo(terminal_line(f"error: unknown rule {rule_id!r}; the rules in force are {known}"), err=True)
        sys.exit(EXIT_USAGE)
    if format_name == "json":
        click.echo(json.dumps(rule_record(found), indent=2, ensure_ascii=False))
    else:
        click.echo(terminal(describe_rule(found)), nl=False)
    sys.exit(EXIT_OK)


def describe_rule(loaded: LoadedRule) -> str:
    """A rule as a person reads it: what it is, where it comes from, what it flags, how it compares."""
    rule = loaded.rule
    origin = f"{loaded.origin}, {loaded.path}:{loaded.line}"
    if loaded.overrides:
        origin += f" (overrides the built-in {loaded.overrides})"
    match = rule.match
    looks_at = [f"{label} {', '.join(values)}" for label, values in (
        ("kinds", match.kinds), ("properties", match.properties), ("subjects", match.subjects),
        ("sources", match.sources), ("not properties", match.exclude_properties)) if values]
    params = loaded.params.model_dump(mode="json")
    lines = [
        f"{rule.id} {rule.name}",
        "",
        rule.description.strip(),
        "",
        rule.explain.rstrip(),
        "",
        f"severity: {rule.severity.value}",
        f"from: {origin}",
        f"matches: {'; '.join(looks_at) or 'every claim'}",
        f"pairs by: {', '.join(k.value for k in rule.pair_by)}",
    ]
    if rule.property_groups:
        lines.append(f"as one: {'; '.join(' = '.join(group) for group in rule.property_groups)}")
    lines.append(f"compares: {rule.compare.comparator}"
                 + (f" ({', '.join(f'{k}: {shown_value(v)}' for k, v in params.items())})" if params else ""))
    if rule.time.varying:
        lines.append(f"time: varies over time; monotonic {rule.time.monotonic}"
                     + (f"; counts of {', '.join(rule.time.counted)}" if rule.time.counted else ""))
    lines.append(f"message: {rule.message}")
    return "\n".join(lines) + "\n"


def shown_value(value: Any) -> str:
    """A parameter as a rule file would write it: `true`, `[age]`, `nearest`."""
    if isinstance(value, list):
        return "[" + ", ".join(map(shown_value, value)) + "]"
    return value if isinstance(value, str) else json.dumps(value)


COMMANDS = [rules_command, rule_command]
