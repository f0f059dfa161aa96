"""The options of every command that runs rules, parsed in one place: `--rules`, `--select`, `--ignore`,
`--fail-on`, `--reviewed-only` and `--indent`, and loading the rules they name (with a warning for rules that
can judge the same claim pair)."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, NoReturn, TypeVar

import click

from factcheck.cli.exit_codes import EXIT_USAGE
from factcheck.cli.output import echo_problems
from factcheck.load import ProblemsError
from factcheck.report.escape import terminal_line
from factcheck.rules import LoadedRule, UnknownRuleError, load_rules
from factcheck.rules.overlap import overlaps
from factcheck.rules.select import selected
from factcheck.rules.severity import FAIL_ON_CHOICES, FailOn, FailOnError, parse_fail_on

F = TypeVar("F", bound=Callable[..., Any])


def usage_error(message: str) -> NoReturn:
    """A mistake in an option, said plainly in one line, exit 2."""
    click.echo(terminal_line(f"error: {message}"), err=True)
    sys.exit(EXIT_USAGE)


def _selectors(ctx: click.Context, param: click.Parameter, value: Any) -> tuple[str, ...]:
    """`--select FC1,FC30 --select fc5` (or a config list) as ("FC1", "FC30", "fc5")."""
    values = [value] if isinstance(value, str) else list(value or ())
    return tuple(part.strip() for item in values for part in str(item).split(",") if part.strip())


def _fail_on(ctx: click.Context, param: click.Parameter, value: Any) -> FailOn:
    values = [value] if isinstance(value, str) else list(value or ())
    try:
        return parse_fail_on(values)
    except FailOnError as error:
        usage_error(str(error))


def _complete_level(ctx: click.Context, param: click.Parameter, incomplete: str) -> list[str]:
    return [level for level in FAIL_ON_CHOICES if level.startswith(incomplete.lower())]


def _complete_rule(ctx: click.Context, param: click.Parameter, incomplete: str) -> list[str]:
    """Rule ids in force (the built-in rules and the project's), for shell completion; none on a bad rule file."""
    try:
        rules = load_rules([Path(ctx.params.get("rules_dir") or "rules")])
    except (ProblemsError, OSError):
        return []
    return [r.id for r in rules if r.id.casefold().startswith(incomplete.casefold())]


RULES_OPTION = click.option(
    "--rules", "rules_dir", type=click.Path(path_type=Path), default=Path("rules"), show_default=True,
    help="The project's rules folder: adds to the built-in rules or overrides them by id (optional).")
SELECT_OPTION = click.option(
    "--select", multiple=True, metavar="RULE", callback=_selectors, shell_complete=_complete_rule,
    help="Run only these rules: ids, id prefixes (FC1) or names, any case; repeat or separate with commas.")
IGNORE_OPTION = click.option(
    "--ignore", multiple=True, metavar="RULE", callback=_selectors, shell_complete=_complete_rule,
    help="Do not run these rules (ids, id prefixes or names); applied after --select.")
FAIL_ON_OPTION = click.option(
    "--fail-on", multiple=True, metavar="LEVEL", callback=_fail_on, shell_complete=_complete_level,
    help=f"What fails: a rule severity and/or a verdict ({'|'.join(FAIL_ON_CHOICES)}); "
         "default error,conflict: a conflict found by an error rule.")
INDENT_OPTION = click.option(
    "--indent", type=click.IntRange(min=0), metavar="N",
    help="With --format json: indent by N spaces, for people (default: compact, a finding a line; "
         "docs/report-json.md).")
REVIEWED_ONLY_OPTION = click.option(
    "--reviewed-only", is_flag=True, default=False,
    help="Compare only reviewed claims: claims extract drafted (status: auto) are left out.")


def selection_options(command: F) -> F:
    """`--rules`, `--select` and `--ignore`."""
    return RULES_OPTION(SELECT_OPTION(IGNORE_OPTION(command)))


def load_rules_or_exit(rules_dir: Path, select: tuple[str, ...] = (), ignore: tuple[str, ...] = ()) -> list[LoadedRule]:
    """The rules in force after --select and --ignore; a bad rule file or selector exits 2. Rules that can
    match the same claim pair are warned about on standard error, once each pair."""
    try:
        rules = selected(load_rules([rules_dir]), select, ignore)
    except ProblemsError as error:
        echo_problems(error.problems, what="rule problem")
        sys.exit(EXIT_USAGE)
    except UnknownRuleError as error:
        usage_error(str(error))
    for found in overlaps([r.rule for r in rules]):
        click.echo(terminal_line(f"warning: {found.message()}"), err=True)
    return rules
